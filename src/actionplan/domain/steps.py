"""The period before (or after) a period, of the same kind: the quarter before a quarter, the
month before a month, the year before a year. Published tables give "Last quarter" beside "This
quarter", and the earlier figure belongs to the period one step back in the same calendar."""

from __future__ import annotations

import re

from actionplan.domain.periods import DEFAULT_FY_START, Period, parse_period
from actionplan.errors import PeriodError

# Periods as parse_period writes them back (`2014/15 Q1`, `2014-Q3`, `2014/15`, `2014-04`, `2014`).
_FINANCIAL_QUARTER = re.compile(r"(\d{4})/(\d{2}) Q([1-4])")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_FINANCIAL_YEAR = re.compile(r"(\d{4})/(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def previous_period(period: Period, fy_start: int = DEFAULT_FY_START) -> Period:
    """The period one step before `period`, written in the same form; a day or a range has no
    single step back, and is refused."""
    text = _previous_text(period.text)
    if text is None:
        y = period.start.year  # the forms in the user's own year
        raise PeriodError(
            f"{period} has no period of the same kind before it: give a month, a quarter or a "
            f"year ({y}-06, {y}/{(y + 1) % 100:02d} Q1, {y}-Q2, {y}/{(y + 1) % 100:02d}, {y})"
        )
    return parse_period(text, fy_start)


def _previous_text(text: str) -> str | None:
    if m := _FINANCIAL_QUARTER.fullmatch(text):
        year, quarter = int(m[1]), int(m[3])
        if quarter == 1:
            return f"{_financial_year(year - 1)} Q4"
        return f"{_financial_year(year)} Q{quarter - 1}"
    if m := _QUARTER.fullmatch(text):
        year, quarter = int(m[1]), int(m[2])
        return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"
    if m := _FINANCIAL_YEAR.fullmatch(text):
        return _financial_year(int(m[1]) - 1)
    if m := _MONTH.fullmatch(text):
        year, month = int(m[1]), int(m[2])
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    if _YEAR.fullmatch(text):
        return str(int(text) - 1)
    return None


def next_period(period: Period, fy_start: int = DEFAULT_FY_START) -> Period | None:
    """The period one step after `period`, written in the same form (None for a day or a range,
    which have no single step on, and after the year 9999)."""
    text = _next_text(period.text)
    if text is None or not text[:4].isdigit() or int(text[:4]) > 9998:
        return None
    return parse_period(text, fy_start)


def _next_text(text: str) -> str | None:
    if m := _FINANCIAL_QUARTER.fullmatch(text):
        year, quarter = int(m[1]), int(m[3])
        if quarter == 4:
            return f"{_financial_year(year + 1)} Q1"
        return f"{_financial_year(year)} Q{quarter + 1}"
    if m := _QUARTER.fullmatch(text):
        year, quarter = int(m[1]), int(m[2])
        return f"{year + 1}-Q1" if quarter == 4 else f"{year}-Q{quarter + 1}"
    if m := _FINANCIAL_YEAR.fullmatch(text):
        return _financial_year(int(m[1]) + 1)
    if m := _MONTH.fullmatch(text):
        year, month = int(m[1]), int(m[2])
        return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"
    if _YEAR.fullmatch(text):
        return str(int(text) + 1)
    return None


def _financial_year(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def frequency_of(period: Period) -> str | None:
    """The reporting frequency a period of this length implies (for a new indicator file)."""
    return {1: "monthly", 3: "quarterly", 12: "annual"}.get(period.whole_months or 0)
