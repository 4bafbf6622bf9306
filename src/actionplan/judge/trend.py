"""The series an indicator is charted and tested on: its actuals, one figure per period.

SPC needs points that are alike: periods of one length, each figure for its own period. A
year-to-date indicator is therefore charted on each period's own amount (this month's quitters,
not the running total), and forecasts are left out: they are not observations.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from typing import NamedTuple

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.periods import Period, financial_year_of
from actionplan.judge.spc import SpcResult, SpcUnavailable, analyse
from actionplan.judge.spc_options import DEFAULT_POINTS, DEFAULT_RULES, SpcOptions
from actionplan.judge.status import period_target
from actionplan.judge.targets import ADDITIVE_UNITS
from actionplan.judge.travel import known_on


class Point(NamedTuple):
    """One point of a series (a named tuple: a series builds dozens, and they only carry data)."""

    period: Period
    value: float
    target: float | None  # the target for this period's own figure, where there is one


def series(
    indicator: Indicator, settings: Settings, as_of: date, *, every_target: bool = True
) -> list[Point]:
    """Each period's own figure, oldest first: the actuals known at `as_of` whose periods are as
    long as the latest one's (a chart of months leaves out an annual outturn). Without
    `every_target`, only the latest point carries its target (all that SPC needs)."""
    actuals = known_actuals(indicator, as_of)
    if not actuals:
        return []
    days = _length(actuals[-1].period)
    alike = [m for m in actuals if _length(m.period) == days]
    if not indicator.cumulative:
        targets: list[float | None] = [None] * (len(alike) - 1)
        if every_target:
            targets = [_target(indicator, m, settings) for m in alike[:-1]]
        targets.append(_target(indicator, alike[-1], settings))
        periods, values = [m.period for m in alike], [m.value or 0.0 for m in alike]
        return list(map(Point._make, zip(periods, values, targets, strict=True)))
    points = _own_amounts(indicator, alike, settings)
    if not every_target:
        points[:-1] = [p._replace(target=None) for p in points[:-1]]
    return points


def known_actuals(indicator: Indicator, as_of: date) -> list[Measurement]:
    """The actual figures known at `as_of`, oldest first (forecasts and missing figures left
    out)."""
    return sorted(
        (
            m
            for m in indicator.measurements
            if not m.forecast and m.value is not None and known_on(m) <= as_of
        ),
        key=attrgetter("period.sort_key"),
    )


def indicator_spc(
    indicator: Indicator, settings: Settings, as_of: date, points: list[Point] | None = None
) -> SpcResult | SpcUnavailable:
    """Making Data Count over the indicator's series (`points`, when the caller has it already),
    with its recalculation points."""
    if _is_share(indicator) and any(
        m.numerator is None or m.denominator is None
        for m in indicator.measurements
        if not m.forecast and m.value is not None
    ):
        what = "average" if indicator.cumulative == "average" else "share"
        return SpcUnavailable(
            f"a year-to-date {what} cannot be split into each period's own figure without "
            "its numerator and denominator"
        )
    if points is None:
        points = series(indicator, settings, as_of, every_target=False)
    own = indicator.spc
    recalculate = own.recalculate_from if own else []
    starts = sorted(
        {
            next((i for i, p in enumerate(points) if p.period.start >= mark.start), len(points))
            for mark in recalculate
        }
        - {0, len(points)}
    )
    latest_target = points[-1].target if points else None
    baseline = None
    if own and own.baseline:
        inside = [
            i
            for i, p in enumerate(points)
            if own.baseline.start <= p.period.start and p.period.end <= own.baseline.end
        ]
        baseline = (inside[0], inside[-1] + 1) if inside else None
    # A range is bad both ways: its chart calls no change better or worse, nor an edge its target.
    sided = indicator.direction if indicator.direction != "range" else None
    return analyse(
        [(str(p.period), p.value) for p in points],
        sided,
        latest_target if sided else None,
        starts,
        spc_options(indicator, settings),
        baseline,
    )


def spc_options(indicator: Indicator, settings: Settings) -> SpcOptions:
    """The indicator's own SPC choices, each falling back on the workspace's, then the
    defaults."""
    own, default = indicator.spc, settings.spc

    def chosen(key: str) -> object:
        for source in (own, default):
            value = getattr(source, key, None) if source else None
            if value is not None:
                return value
        return None

    rules = chosen("rules")
    points = chosen("points")
    screen = chosen("screen_moving_ranges")
    return SpcOptions(
        rules="mdc" if rules == "mdc" else DEFAULT_RULES,
        points=points if isinstance(points, int) else DEFAULT_POINTS,
        screen=screen if isinstance(screen, bool) else True,
        fix_after=own.fix_after if own else None,
    )


def _is_share(indicator: Indicator) -> bool:
    """A year-to-date figure that is a ratio (a share, a rate, an average): each period's own
    figure comes from the counts, not from the difference of two figures."""
    if indicator.cumulative == "average":
        return True
    return indicator.cumulative is True and indicator.unit not in ADDITIVE_UNITS


def _length(period: Period) -> int:
    """Whole months where the period is made of them (months differ in days), else days."""
    months = period.whole_months
    return months * 100 if months is not None else period.days


def _target(indicator: Indicator, measurement: Measurement, settings: Settings) -> float | None:
    target = period_target(indicator, measurement, settings)[1]
    return None if target is None else float(target)


def _own_amounts(indicator: Indicator, alike: list[Measurement], settings: Settings) -> list[Point]:
    """Year-to-date figures as each period's own: the difference from the previous period of the
    same financial year, or the figure itself for the year's first period. A period whose
    predecessor is missing cannot be split, and is left out."""
    points: list[Point] = []
    previous: Measurement | None = None
    share = _is_share(indicator)
    for m in alike:
        year = financial_year_of(m.period.end, settings.financial_year_start)
        if m.period.start == year.start:
            own, own_target = m.value, _target(indicator, m, settings)
        elif previous is not None and (m.period.start - previous.period.end).days == 1:
            own = _share(m, previous) if share else (m.value or 0.0) - (previous.value or 0.0)
            now, before = _target(indicator, m, settings), _target(indicator, previous, settings)
            own_target = None if now is None or before is None else now - before
        else:
            own = None
        if own is not None:
            points.append(Point(m.period, own, own_target))
        previous = m
    return points


def _share(m: Measurement, previous: Measurement) -> float | None:
    """A year-to-date share's own figure for the period: its own numerator over its own
    denominator, in the unit the file writes (per cent, per 1,000 ...)."""
    num, den, before_num, before_den = (
        m.numerator,
        m.denominator,
        previous.numerator,
        previous.denominator,
    )
    if num is None or den is None or before_num is None or before_den is None:
        return None
    if not num or den <= before_den:
        return None  # no scale to read from the figure, or no new denominator this period
    scale = (m.value or 0.0) / (num / den)
    return scale * (num - before_num) / (den - before_den)
