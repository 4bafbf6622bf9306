"""One measurement judged against its target: RED, AMBER or GREEN by the tolerance bands, the
Havering softening by last year's figure, NO TARGET and NO DATA."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.periods import Period, financial_year_of
from actionplan.domain.values import Amount, Status
from actionplan.judge.targets import (
    ADDITIVE_UNITS,
    as_decimal,
    elapsed_share,
    lacks_trajectory,
    target_for,
)
from actionplan.judge.travel import Travel, compare


@dataclass(frozen=True)
class Reading:
    """One measurement judged against its target."""

    measurement: Measurement
    target: Decimal | None
    target_period: Period | None  # None: a single target for every period
    prorated: bool
    computed: Status
    # RED softened to AMBER: improved on (or held) the same period a year earlier
    softened: bool = False
    # the year's target has profile points but none for this period: no target is guessed
    missing_trajectory: bool = False

    @property
    def status(self) -> Status:
        """The published status where there is one (it is what committees saw)."""
        return self.measurement.status or self.computed

    @property
    def mismatch(self) -> bool:
        published = self.measurement.status
        if published is None or published == self.computed:
            return False
        # A narrative measure published BLUE has no target (or no figure) by design.
        return not (
            published is Status.BLUE and self.computed in (Status.NO_TARGET, Status.NO_DATA)
        )


def read(indicator: Indicator, measurement: Measurement, settings: Settings) -> Reading:
    """Judge one measurement against the target for its period."""
    target_period, target, prorated, missing = period_target(indicator, measurement, settings)
    if missing:
        computed = Status.NO_DATA if measurement.value is None else Status.NO_TARGET
        return Reading(measurement, None, None, False, computed, missing_trajectory=True)
    value = measurement.value
    if value is None:
        return Reading(measurement, target, target_period, prorated, Status.NO_DATA)
    if target is None:
        return Reading(measurement, target, target_period, prorated, Status.NO_TARGET)
    direction = indicator.direction or "higher"
    tolerance = indicator.tolerance or settings.tolerance
    computed = rag(
        as_decimal(value),
        target,
        _width(tolerance.green if tolerance else None, target),
        _width(tolerance.amber if tolerance else None, target),
        direction,
    )
    softened = computed is Status.RED and _soften(indicator, measurement, settings)
    status = Status.AMBER if softened else computed
    return Reading(measurement, target, target_period, prorated, status, softened=softened)


def period_target(
    indicator: Indicator, measurement: Measurement, settings: Settings
) -> tuple[Period | None, Decimal | None, bool, bool]:
    """The target a measurement is judged against: (its period, the target, pro-rated,
    missing trajectory point). The part of `read` that charts need for every point."""
    target_period, target = target_for(indicator, measurement.period)
    if target_period is not None and lacks_trajectory(indicator, target_period, measurement):
        return None, None, False, True
    prorated = False
    if target is not None and indicator.cumulative and indicator.unit in ADDITIVE_UNITS:
        span = target_period or financial_year_of(
            measurement.period.end, settings.financial_year_start
        )
        share = elapsed_share(span, measurement.period)
        if share is not None and share != 1:
            target, prorated = target * share, True
    return target_period, target, prorated, False


def rag(value: Decimal, target: Decimal, green: Decimal, amber: Decimal, direction: str) -> Status:
    """GREEN at or beyond the target (or within the green band short of it), AMBER within the
    amber band, else RED. A figure exactly on a band's edge is inside that band."""
    short_by = target - value if direction == "higher" else value - target
    if short_by <= green:
        return Status.GREEN
    return Status.AMBER if short_by <= max(amber, green) else Status.RED


def _soften(indicator: Indicator, measurement: Measurement, settings: Settings) -> bool:
    """Havering's rule: beyond the amber band is RED only when the figure has not improved on
    the same period a year earlier; "improved or been maintained" is AMBER, so equal is too."""
    rule = indicator.amber_if_improved_on_last_year
    if not (settings.amber_if_improved_on_last_year if rule is None else rule):
        return False
    year_ago = measurement.period.shifted_years(-1)
    earlier = [
        m.value
        for m in indicator.measurements
        if m.period == year_ago and not m.forecast and m.value is not None
    ]
    if not earlier or measurement.value is None:
        return False
    travel = compare(measurement.value, earlier[-1], indicator.direction or "higher")
    return travel is not Travel.WORSENING


def _width(band: Amount | None, target: Decimal) -> Decimal:
    if band is None:
        return Decimal(0)
    amount = as_decimal(band.amount)
    return amount * abs(target) if band.relative else amount
