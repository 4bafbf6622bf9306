"""The export's rows, worked out from the judged models: one row per indicator (its columns the
same figures as `check --format json`, flattened), per measurement and per plan section."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.judge.assessment import Row, assess
from actionplan.judge.spc import SpcResult, SpcUnavailable
from actionplan.judge.status import read
from actionplan.judge.travel import known_on
from actionplan.judge.trend import indicator_spc
from actionplan.output.check.printed_row import row_json

Cell = str | float | bool | date | None
TableRow = tuple[Cell, ...]


class Exported:
    """The three tables' rows, added to one indicator at a time."""

    def __init__(self) -> None:
        self.indicators: list[TableRow] = []
        self.measurements: list[TableRow] = []
        self.plans: list[TableRow] = []

    def add(
        self, path: Path, folder: str, indicator: Indicator, settings: Settings, as_of: date
    ) -> None:
        spc = indicator_spc(indicator, settings, as_of)
        row = Row(path, assess(indicator, settings, as_of), spc=spc)
        self.indicators.append(_indicator_row(row_json(row), folder, indicator))
        self.measurements += _measurement_rows(indicator, settings, as_of, spc)
        self.plans += _plan_rows(indicator)


def _indicator_row(judged: dict[str, Any], folder: str, indicator: Indicator) -> TableRow:
    spc = judged["spc"] or {}
    plan = judged["plan"] or {}
    travel = judged["direction_of_travel"]
    return (
        judged["id"],
        judged["title"],
        judged["path"],
        folder,
        judged["unit"],
        indicator.direction,
        indicator.frequency,
        indicator.cumulative,
        indicator.strategic_director_lead,
        indicator.departmental_lead,
        judged["status"],
        judged["computed_status"],
        judged["published_status"],
        judged["status_mismatch"],
        judged["period"],
        judged["value"],
        judged["forecast"],
        _day(judged["reported"]),
        judged["target"],
        judged["target_period"],
        judged["target_prorated"],
        judged["stale"],
        _day(judged["stale_since"]),
        travel["short_term"],
        travel["long_term"],
        spc.get("variation"),
        spc.get("assurance"),
        spc.get("mean"),
        spc.get("lower_limit"),
        spc.get("upper_limit"),
        judged["spc_reason"],
        plan.get("coverage"),
        plan.get("detail"),
        _day(plan.get("due")),
        judged["needs_plan"],
    )


def _measurement_rows(
    indicator: Indicator, settings: Settings, as_of: date, spc: SpcResult | SpcUnavailable
) -> Iterator[TableRow]:
    points = {p.period: p for p in spc.points} if isinstance(spc, SpcResult) else {}
    for m in indicator.measurements:
        reading = read(indicator, m, settings)
        point = None if m.forecast else points.get(str(m.period))
        yield (
            indicator.id,
            str(m.period),
            m.period.start,
            m.period.end,
            m.value,
            m.numerator,
            m.denominator,
            m.forecast,
            m.reported,
            known_on(m) <= as_of,
            None if reading.target is None else float(reading.target),
            m.status.value if m.status else None,
            reading.status.value,
            reading.computed.value,
            point.type if point else None,
            point.special_cause if point else None,
            m.note,
        )


def _plan_rows(indicator: Indicator) -> Iterator[TableRow]:
    plan = indicator.action_plan
    if plan is None:
        return
    for section, text in plan:
        # Actions are a list of records, not a section of text: the JSON carries them.
        if text is not None and section != "actions":
            yield indicator.id, section, text if isinstance(text, str) else _text(text)


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
