"""Status, direction of travel and plan coverage: pure functions of indicators and a date.

Comparisons use decimals made from the figures as written, so a value exactly at a tolerance edge
(993 - 5% = 943.35) lands on the edge rather than a binary fraction either side of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from actionplan.domain.models import ActionPlan, Amount, Indicator, Measurement, Settings, Status
from actionplan.domain.periods import Period, financial_year_of, parse_when, shift_months
from actionplan.domain.words import plural
from actionplan.errors import Problem
from actionplan.judge.spc import SpcResult, SpcUnavailable

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}


class Coverage(StrEnum):
    MISSING = "MISSING"
    STALE = "STALE"
    INCOMPLETE = "INCOMPLETE"
    OVERDUE = "OVERDUE"
    OK = "OK"


class Travel(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no change"


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


@dataclass(frozen=True)
class PlanCheck:
    coverage: Coverage
    detail: str
    due: Period | None = None
    overdue_unknown: bool = False  # `when` is words: results cannot be checked for lateness


@dataclass(frozen=True)
class Assessment:
    indicator: Indicator
    reading: Reading | None  # None: no measurement known at the date
    # the latest actual, when `reading` is a forecast: travel and staleness are judged on it
    actual: Reading | None = None
    stale: bool = False
    stale_since: date | None = None
    short_term: Travel | None = None
    long_term: Travel | None = None
    plan: PlanCheck | None = None  # only for RED measures

    @property
    def status(self) -> Status:
        return self.reading.status if self.reading else Status.NO_DATA

    @property
    def needs_plan(self) -> bool:
        """RED without a current, complete, in-date plan."""
        return self.plan is not None and self.plan.coverage is not Coverage.OK


@dataclass(frozen=True)
class Finding:
    """A problem of a valid file that only judging it shows, at a key path within the file
    (`("target",)`, `("measurements", 3)`): the caller turns the key path into a line."""

    path: Path
    loc: tuple[str | int, ...]
    message: str


@dataclass(frozen=True)
class Row:
    path: Path
    assessment: Assessment
    line: int = 1  # where the file should be edited: the RED measurement or its action_plan
    # Making Data Count, for the rows that are shown: None where it was not asked for
    spc: SpcResult | SpcUnavailable | None = None


@dataclass
class CheckResult:
    as_of: date
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.problems or self.findings:
            return 2
        return 1 if any(row.assessment.needs_plan for row in self.rows) else 0

    def counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for row in self.rows:
            counts[row.assessment.status.value] += 1
        return counts


STATUS_ORDER = [
    Status.RED,
    Status.AMBER,
    Status.GREEN,
    Status.NO_DATA,
    Status.NO_TARGET,
    Status.BLUE,
]


def check(
    files: Sequence[tuple[Path, Indicator]],
    settings: Settings,
    as_of: date,
    problems: Sequence[Problem] = (),
) -> CheckResult:
    """Assess every indicator at `as_of`; rows ordered RED first, then by id."""
    rows = [Row(path, assess(indicator, settings, as_of)) for path, indicator in files]
    rows.sort(key=lambda r: (STATUS_ORDER.index(r.assessment.status), r.assessment.indicator.id))
    findings = [
        finding for path, indicator in files for finding in trajectory_gaps(path, indicator)
    ]
    notes = [note] if (note := _no_tolerance_note(files, settings)) else []
    return CheckResult(as_of, rows, list(problems), findings, notes)


def _no_tolerance_note(files: Sequence[tuple[Path, Indicator]], settings: Settings) -> str:
    """AMBER needs a tolerance; a tree that sets none anywhere should hear so once, rather
    than read a board of only RED and GREEN as if nothing were close."""
    if settings.tolerance is not None:
        return ""
    bare = sum(1 for _, i in files if i.tolerance is None and i.targets())
    if not bare:
        return ""
    return (
        f"no tolerance is set for {plural(bare, 'indicator')} with a target, so they cannot be "
        "AMBER: set `tolerance: 5%` (or `{green: 5%, amber: 10%}`) in the workspace settings "
        "file, actionplan.yaml, or in each indicator"
    )


def known_on(measurement: Measurement) -> date:
    """When a figure became known: its `reported` date, else the end of its period (the start,
    for a forecast, which is made during the period it projects)."""
    if measurement.reported is not None:
        return measurement.reported
    return measurement.period.start if measurement.forecast else measurement.period.end


def assess(indicator: Indicator, settings: Settings, as_of: date) -> Assessment:
    known = sorted(
        (m for m in indicator.measurements if known_on(m) <= as_of),
        key=lambda m: (m.period.sort_key, not m.forecast, known_on(m)),
    )
    if not known:
        return Assessment(indicator, None)
    current = read(indicator, known[-1], settings)
    # A forecast is judged (it can raise RED) but travel and staleness follow the actuals: a
    # year-end projection must not hide that the monthly figures are up to date or improving.
    latest_actual = next((m for m in reversed(known) if not m.forecast), None)
    actual = current
    if current.measurement.forecast and latest_actual is not None:
        actual = read(indicator, latest_actual, settings)
    stale_since = _stale_since(indicator, actual.measurement)
    actuals = [m for m in known if not m.forecast and m.value is not None]
    return Assessment(
        indicator,
        current,
        actual=actual if actual is not current else None,
        stale=stale_since is not None and as_of > stale_since,
        stale_since=stale_since,
        short_term=None if indicator.cumulative else _short_term(indicator, actual, actuals),
        long_term=_long_term(indicator, actual, actuals),
        plan=_plan_check(indicator, known, settings, as_of)
        if current.status is Status.RED
        else None,
    )


# Only amounts that add up over the year can be pro-rated: a year-to-date percentage or rate is
# already a share of the year so far, and is judged against the annual target as it stands.
ADDITIVE_UNITS = frozenset({"count", "currency", "days", "number"})


def read(indicator: Indicator, measurement: Measurement, settings: Settings) -> Reading:
    """Judge one measurement against the target for its period."""
    target_period, target = target_for(indicator, measurement.period)
    if target_period is not None and _lacks_trajectory(indicator, target_period, measurement):
        computed = Status.NO_DATA if measurement.value is None else Status.NO_TARGET
        return Reading(measurement, None, None, False, computed, missing_trajectory=True)
    prorated = False
    if target is not None and indicator.cumulative and indicator.unit in ADDITIVE_UNITS:
        span = target_period or financial_year_of(
            measurement.period.end, settings.financial_year_start
        )
        share = elapsed_share(span, measurement.period)
        if share is not None and share != 1:
            target, prorated = target * share, True
    value = measurement.value
    if value is None:
        return Reading(measurement, target, target_period, prorated, Status.NO_DATA)
    if target is None:
        return Reading(measurement, target, target_period, prorated, Status.NO_TARGET)
    direction = indicator.direction or "higher"
    tolerance = indicator.tolerance or settings.tolerance
    computed = rag(
        _decimal(value),
        target,
        _width(tolerance.green if tolerance else None, target),
        _width(tolerance.amber if tolerance else None, target),
        direction,
    )
    softened = computed is Status.RED and _soften(indicator, measurement, settings)
    status = Status.AMBER if softened else computed
    return Reading(measurement, target, target_period, prorated, status, softened=softened)


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


def target_for(indicator: Indicator, period: Period) -> tuple[Period | None, Decimal | None]:
    """The target of the most specific period that holds `period` (a single number holds all)."""
    best: tuple[Period | None, float | None] | None = None
    for target_period, value in indicator.targets():
        if target_period is not None and not target_period.contains(period):
            continue
        if (
            best is None
            or best[0] is None
            or (target_period is not None and target_period.days < best[0].days)
        ):
            best = (target_period, value)
    if best is None or best[1] is None:
        return (best[0] if best else None), None
    return best[0], _decimal(best[1])


def _lacks_trajectory(
    indicator: Indicator, target_period: Period, measurement: Measurement
) -> bool:
    """True when the target that holds the measurement is profiled (it holds shorter target
    periods: an in-year trajectory) but no profile point holds this period. Pro-rating the
    year would be a guess the council did not make."""
    if target_period == measurement.period:
        return False
    return any(
        other is not None and other != target_period and target_period.contains(other)
        for other, _ in indicator.targets()
    )


def trajectory_gaps(path: Path, indicator: Indicator) -> list[Finding]:
    """Each measured period without its trajectory point, as a problem of the file."""
    gaps = []
    for index, measurement in enumerate(indicator.measurements):
        target_period, _ = target_for(indicator, measurement.period)
        if target_period is not None and _lacks_trajectory(indicator, target_period, measurement):
            gaps.append(
                Finding(
                    path,
                    ("measurements", index, "period"),
                    f"no trajectory target for {measurement.period}: the {target_period} target "
                    f"has profile points but none for this period; add `{measurement.period}: "
                    "...` under `target` (its status is NO TARGET until then)",
                )
            )
    return gaps


def elapsed_share(span: Period, period: Period) -> Decimal | None:
    """How much of `span` has passed by the end of `period`: whole months where both are whole
    months (as in-year profiles are set), else days. None when `period` is not inside `span`."""
    if not span.contains(period):
        return None
    elapsed = Period(span.start, period.end, "")
    months, total = elapsed.whole_months, span.whole_months
    if months is not None and total is not None:
        return Decimal(months) / Decimal(total)
    return Decimal(elapsed.days) / Decimal(span.days)


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def _width(band: Amount | None, target: Decimal) -> Decimal:
    if band is None:
        return Decimal(0)
    amount = _decimal(band.amount)
    return amount * abs(target) if band.relative else amount


def _stale_since(indicator: Indicator, latest: Measurement) -> date | None:
    """The day after which the latest figure is out of date: two intervals of the indicator's
    frequency after it became known (one for the next period to pass, one for its reporting)."""
    months = FREQUENCY_MONTHS.get(indicator.frequency or "")
    if months is None:
        return None
    return shift_months(known_on(latest), 2 * months)


def compare(new: float, old: float, direction: str) -> Travel:
    if new == old:
        return Travel.NO_CHANGE
    return Travel.IMPROVING if (new > old) == (direction == "higher") else Travel.WORSENING


def _short_term(
    indicator: Indicator, current: Reading, actuals: list[Measurement]
) -> Travel | None:
    """Against the previous period of the same length."""
    now = current.measurement
    if now.value is None or now.forecast:
        return None
    earlier = [
        m for m in actuals if m.period.end < now.period.start and _same_length(m.period, now.period)
    ]
    if not earlier:
        return None
    return compare(now.value, earlier[-1].value or 0.0, indicator.direction or "higher")


def _long_term(indicator: Indicator, current: Reading, actuals: list[Measurement]) -> Travel | None:
    """Against the same period a year earlier."""
    now = current.measurement
    if now.value is None or now.forecast:
        return None
    year_ago = now.period.shifted_years(-1)
    match = [m for m in actuals if m.period == year_ago]
    if not match:
        return None
    return compare(now.value, match[-1].value or 0.0, indicator.direction or "higher")


def _same_length(a: Period, b: Period) -> bool:
    months = a.whole_months
    return months == b.whole_months if months is not None else a.days == b.days


def _plan_check(
    indicator: Indicator, known: list[Measurement], settings: Settings, as_of: date
) -> PlanCheck:
    plan = indicator.action_plan
    if plan is None:
        return PlanCheck(Coverage.MISSING, "no action_plan: add one for this RED measure")
    episode_start = _red_episode_start(indicator, known, settings)
    if plan.period.end < episode_start.start:
        return PlanCheck(
            Coverage.STALE,
            f"the plan answers {plan.period}, before this RED run began ({episode_start}): "
            "update it for the current period",
        )
    empty = plan.empty_sections()
    if empty:
        return PlanCheck(Coverage.INCOMPLETE, f"empty: {', '.join(empty)}")
    due = parse_when(plan.when or "", plan_written(plan, indicator), settings.financial_year_start)
    if due is None:
        return PlanCheck(
            Coverage.OK,
            "cannot check overdue: `when` is not a date or period",
            overdue_unknown=True,
        )
    if as_of > due.end:
        return PlanCheck(
            Coverage.OVERDUE,
            f"results were due by {due.end} ({plan.when}) and the measure is still RED",
            due,
        )
    return PlanCheck(Coverage.OK, f"results due by {due.end}", due)


def plan_written(plan: ActionPlan, indicator: Indicator) -> date:
    """When a plan was written, as far as the file tells: its `updated` date, else the day the
    RED figure it answers became known, else the end of the period it answers."""
    if plan.updated is not None:
        return plan.updated
    answered = [m for m in indicator.measurements if m.period == plan.period]
    return min((known_on(m) for m in answered), default=plan.period.end)


def _red_episode_start(
    indicator: Indicator, known: list[Measurement], settings: Settings
) -> Period:
    """The first period of the run of RED measurements that ends with the latest one."""
    start = known[-1].period
    for measurement in reversed(known):
        if read(indicator, measurement, settings).status is not Status.RED:
            break
        start = measurement.period
    return start
