"""The figures in a legacy plan: its target, and the measurement its performance text states.

Only what the text states unambiguously is read: "617 Wirral Wide April target is 993" is 617
for April (with an April profile target of 993), and "7.37% (July 2014) (Covering the service
delivery period January-December 2013" is 7.37 % for January to December 2013, reported July
2014. A month without a year is completed only from the year the user gives; anything else is
left out and said in the notes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from actionplan.domain.figures import parse_number, whole_or_float
from actionplan.domain.periods import Period, financial_year_of, month_period, parse_period
from actionplan.domain.words import MONTH_NAMES

_MONTHS = MONTH_NAMES
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_FIGURE = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?"

_LEADING_FIGURE = re.compile(rf"^\s*(£?{_FIGURE})(?=[\s(]|$)")
_PROFILE = re.compile(
    rf"\b{_MONTH}(?:\s+(\d{{4}}))?\s+target\s*(?:is|of|was|:|=|-)?\s*({_FIGURE})", re.I
)
_DASH = r"(?:-|\u2013|\u2014|to)"  # hyphen, en dash, em dash
_RANGE = re.compile(rf"\b{_MONTH}(?:\s+(\d{{4}}))?\s*{_DASH}\s*{_MONTH}\s+(\d{{4}})", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I)
_BARE_MONTH = re.compile(rf"\b{_MONTH}(?!\s+\d)", re.I)
_FINANCIAL = re.compile(
    r"\b(?:(?:Q|Quarter)\s*([1-4])\s+(?:of\s+)?)?"  # "Q2 2015/16", "Quarter 1 of 2015/16"
    r"(\d{4}\s*[/-]\s*\d{2})\b(?:\s*(?:Q|Quarter)\s*([1-4]))?",  # "2015/16 Q3", "2014-15"
    re.I,
)
_NOTE = re.compile(r"^[A-Za-z][A-Za-z '&-]*$")
_LINKING = {"in", "for", "during", "at", "of", "on", "by", "the", "to"}


@dataclass(frozen=True)
class Figure:
    """A figure as the plan file writes it: a number, or "10%" for a percentage."""

    value: float
    percent: bool

    def as_yaml(self) -> int | float | str:
        number = whole_or_float(self.value)
        return f"{number}%" if self.percent else number


def read_figure(text: str) -> Figure | None:
    """A figure that is the whole text ("1900", "10%", "19,625"), else None."""
    try:
        value = parse_number(text)
    except ValueError:
        return None
    return None if value is None else Figure(value, text.strip().endswith("%"))


@dataclass
class Performance:
    """What a performance text states: the figure, its period, when it was reported."""

    figure: Figure | None = None
    period: Period | None = None
    reported: Period | None = None
    note: str | None = None
    profile_target: Figure | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What the user said on the command line, for what the document leaves out."""

    fy_start: int = 4
    year: Period | None = None  # the year a month named without one falls in
    period: Period | None = None  # the period of a performance that states none in full


def read_performance(text: str, context: Context) -> Performance:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    result = Performance()
    if not lines:
        result.notes.append("no performance this period in the document: add a measurement")
        return result
    first = lines[0]
    leading = _LEADING_FIGURE.match(first)
    rest = first[leading.end() :] if leading else first
    if leading:
        result.figure = read_figure(leading[1].replace("£", ""))
    else:
        result.notes.append(
            f"performance {first!r} does not start with a figure: no measurement was read"
        )
    rest = _read_period(rest, context, result)
    words = [word for word in rest.strip(" ,;").split() if word.lower() not in _LINKING]
    if leading and words and _NOTE.fullmatch(" ".join(words)):
        result.note = " ".join(words)
    for line in lines[1:]:
        if re.search(r"\d", line):
            result.notes.append(
                f"performance line {line!r} is kept in the plan's `performance` text only: it "
                "was not read as a figure (is it a tolerance? then set `tolerance`)"
            )
    return result


def _read_period(rest: str, context: Context, result: Performance) -> str:
    """Find the period the figure covers (and when it was reported); returns the text left."""
    if profile := _PROFILE.search(rest):
        result.profile_target = read_figure(profile[3])
        rest = rest[: profile.start()] + rest[profile.end() :]
    stated: list[Period] = []
    if found := _RANGE.search(rest):
        stated.append(_range(found))
        rest = rest[: found.start()] + rest[found.end() :]
    dated = [_month(m[1], int(m[2])) for m in _MONTH_YEAR.finditer(rest)]
    rest = _MONTH_YEAR.sub("", rest)
    if profile and profile[2]:
        dated.append(_month(profile[1], int(profile[2])))
    years = [m for m in _FINANCIAL.finditer(rest) if _year_pair(m[2])]
    financial = [_financial(m, context.fy_start) for m in years]
    for m in reversed(years):
        rest = rest[: m.start()] + rest[m.end() :]
    # Month names in prose are capitalised: "may" and "march" are words too.
    months = [m for m in _BARE_MONTH.finditer(rest) if m[1][0].isupper()]
    bare = [_MONTHS[m[1].lower()] for m in months]
    for m in reversed(months):
        rest = rest[: m.start()] + rest[m.end() :]
    if profile and not profile[2]:
        bare.append(_MONTHS[profile[1].lower()])
    if stated:  # "covering January-December 2013": a date beside it is when it was reported
        result.period = stated[0]
        if len(set(dated)) == 1:
            result.reported = dated[0]
    else:
        _choose(result, [*dict.fromkeys(dated + financial)], sorted(set(bare)), context)
    return rest


def _choose(result: Performance, full: list[Period], bare: list[int], context: Context) -> None:
    if len(full) == 1 and not bare:
        result.period = full[0]
    elif len(full) > 1 or (full and bare) or len(bare) > 1:
        shown = ", ".join([str(p) for p in full] + [calendar.month_name[m] for m in bare])
        result.notes.append(f"the performance names several periods ({shown}): which one?")
    elif bare and context.year is not None:
        result.period = _month_in(bare[0], context.year)
    if result.period is None and context.period is not None:
        result.period = context.period
        if bare and context.period.whole_months == 1 and context.period.end.month != bare[0]:
            result.notes.append(
                f"the performance names {calendar.month_name[bare[0]]}, but --period "
                f"{context.period} was used"
            )
    if result.period is None and bare and not full:
        month = calendar.month_name[bare[0]]
        result.notes.append(
            f"the performance names {month} without a year: rerun with --year (the financial "
            f"year, e.g. --year 2014/15) or --period (e.g. --period 2014-{bare[0]:02d})"
        )


def _year_pair(text: str) -> bool:
    """`2014/15` or `2014-15`; `2014-05` is a month, not a financial year."""
    first, _, second = text.replace(" ", "").replace("-", "/").partition("/")
    return "/" in text or int(second) == (int(first) + 1) % 100


def _financial(found: re.Match[str], fy_start: int) -> Period:
    quarter = found[1] or found[3]
    return parse_period(f"{found[2]} Q{quarter}" if quarter else found[2], fy_start)


def _month(name: str, year: int) -> Period:
    month = _MONTHS[name.lower()]
    return month_period(year, month)


def _range(found: re.Match[str]) -> Period:
    first, last = _MONTHS[found[1].lower()], _MONTHS[found[3].lower()]
    end_year = int(found[4])
    start_year = int(found[2]) if found[2] else (end_year if first <= last else end_year - 1)
    start, end = _month(found[1], start_year), _month(found[3], end_year)
    return Period(start.start, end.end, f"{start.text}..{end.text}")


def _month_in(month: int, year: Period) -> Period | None:
    """The month of that name inside a year (financial or calendar)."""
    for offset in range(12):
        total = year.start.year * 12 + year.start.month - 1 + offset
        candidate = _month(calendar.month_name[total % 12 + 1], total // 12)
        if candidate.end.month == month and year.contains(candidate):
            return candidate
    return None


def annual_key(period: Period, context: Context) -> Period:
    """The financial year a document's undated annual target belongs to."""
    return context.year or financial_year_of(period.end, context.fy_start)
