"""One measurement judged against its target: RED, AMBER or GREEN by the tolerance bands (or
a floor standard), either side of a two-sided range, the Havering softening by last year's
figure, NO TARGET and NO DATA."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.periods import Period, financial_year_of
from actionplan.domain.ranges import Range
from actionplan.domain.values import Amount, Status, Tolerance
from actionplan.judge.targets import (
    ADDITIVE_UNITS,
    as_decimal,
    elapsed_share,
    floor_for,
    lacks_trajectory,
    range_for,
    rounded,
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
    floor: Decimal | None = None  # the floor standard the amber band reaches to
    range: Range | None = None  # a two-sided target; `target` is then its nearer edge

    @property
    def reason(self) -> str | None:
        """Why a floor or a range gives the status, in words for tables and reports."""
        value = self.measurement.value
        if value is None or self.target is None:
            return None
        if self.range is not None:
            if self.computed is Status.GREEN and _within(self.range, value):
                return f"within the range {self.range}"
            side = "below" if value < self.target else "above"
            return f"{side} the range {self.range}"
        if self.floor is not None and self.computed is not Status.GREEN:
            where = "beyond" if self.computed is Status.RED else "short of the target, not beyond"
            return f"{where} the floor of {float(self.floor):g}"
        return None

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
    if indicator.direction == "range":
        return _read_range(indicator, measurement, settings)
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
    floor = _floor(indicator, measurement, settings, target_period)
    if floor is not None:  # the floor is the amber band's far edge; no green band short of target
        green, amber = Decimal(0), abs(target - floor)
    else:
        tolerance = tolerance_of(indicator, settings)
        green = _width(tolerance.green if tolerance else None, target)
        amber = _width(tolerance.amber if tolerance else None, target)
    computed = rag(as_decimal(value), target, green, amber, direction)
    softened = computed is Status.RED and _soften(indicator, measurement, settings)
    status = Status.AMBER if softened else computed
    return Reading(
        measurement, target, target_period, prorated, status, softened=softened, floor=floor
    )


def tolerance_of(indicator: Indicator, settings: Settings) -> Tolerance | None:
    """The indicator's own bands, else the workspace's for its unit, else the workspace's."""
    if indicator.tolerance is not None:
        return indicator.tolerance
    by_unit = settings.tolerance_by_unit.get(indicator.unit) if settings.tolerance_by_unit else None
    return by_unit or settings.tolerance


def _floor(
    indicator: Indicator, measurement: Measurement, settings: Settings, target_period: Period | None
) -> Decimal | None:
    """The floor for the measurement's period, pro-rated as its target is."""
    if indicator.floor is None:
        return None
    floor = floor_for(indicator, measurement.period)
    share = _share(indicator, measurement, settings, target_period)
    if floor is None or share is None:
        return floor
    return rounded(floor * share, _decimals(indicator, settings))


def _read_range(indicator: Indicator, measurement: Measurement, settings: Settings) -> Reading:
    """Bad when too high or too low: GREEN inside the range, the tolerance's bands either side
    measured from the edge passed."""
    target_period, band = range_for(indicator, measurement.period)
    if target_period is not None and lacks_trajectory(indicator, target_period, measurement):
        computed = Status.NO_DATA if measurement.value is None else Status.NO_TARGET
        return Reading(measurement, None, None, False, computed, missing_trajectory=True)
    value = measurement.value
    if value is None or band is None or (band.low is None and band.high is None):
        computed = Status.NO_DATA if value is None else Status.NO_TARGET
        return Reading(measurement, None, target_period, False, computed, range=band)
    figure = as_decimal(value)
    low = None if band.low is None else as_decimal(band.low)
    high = None if band.high is None else as_decimal(band.high)
    below = low is not None and (figure < low or high is None or figure - low < high - figure)
    edge = low if below and low is not None else high
    assert edge is not None  # one edge at least is set
    tolerance = tolerance_of(indicator, settings)
    computed = rag(
        figure,
        edge,
        _width(tolerance.green if tolerance else None, edge),
        _width(tolerance.amber if tolerance else None, edge),
        "higher" if below else "lower",
    )
    return Reading(measurement, edge, target_period, False, computed, range=band)


def _within(band: Range, value: float) -> bool:
    return (band.low is None or value >= band.low) and (band.high is None or value <= band.high)


def period_target(
    indicator: Indicator, measurement: Measurement, settings: Settings
) -> tuple[Period | None, Decimal | None, bool, bool]:
    """The target a measurement is judged against: (its period, the target, pro-rated,
    missing trajectory point). The part of `read` that charts need for every point."""
    target_period, target = target_for(indicator, measurement.period)
    if target_period is not None and lacks_trajectory(indicator, target_period, measurement):
        return None, None, False, True
    share = None if target is None else _share(indicator, measurement, settings, target_period)
    if target is None or share is None:
        return target_period, target, False, False
    return target_period, rounded(target * share, _decimals(indicator, settings)), True, False


def _share(
    indicator: Indicator, measurement: Measurement, settings: Settings, target_period: Period | None
) -> Decimal | None:
    """The share of its target period a year-to-date sum has covered, where an annual target
    is pro-rated; None where it is judged as it stands (a share, a rate, an average)."""
    if indicator.cumulative is not True or indicator.unit not in ADDITIVE_UNITS:
        return None
    span = target_period or financial_year_of(measurement.period.end, settings.financial_year_start)
    share = elapsed_share(span, measurement.period)
    return None if share is None or share == 1 else share


def _decimals(indicator: Indicator, settings: Settings) -> int | None:
    if indicator.target_decimals is not None:
        return indicator.target_decimals
    return settings.target_decimals


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
