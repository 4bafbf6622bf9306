"""The figures in a legacy plan: its target, and the measurement its performance text states.

Only what the text states unambiguously is read: "617 Wirral Wide April target is 993" is 617
for April (with an April profile target of 993), and "7.37% (July 2014) (Covering the service
delivery period January-December 2013" is 7.37 % for January to December 2013, reported July
2014. "Projected end of year 10.51 days" is a forecast of the year-end figure, whose year the
caller settles. A month without a year is completed only from the year the user gives; anything
else is left out and said in the notes. Figures follow the one rule of `domain.figures`: a comma
only separates thousands, so "4,6" is never read.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from actionplan.domain.figures import parse_number, whole_or_float
from actionplan.domain.periods import Period, financial_year_of, month_period, parse_period
from actionplan.domain.words import MONTH_NAMES
from actionplan.legacy.notes import Note

_MONTHS = MONTH_NAMES
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_FIGURE = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?"
# Unit words written after a figure, and the plan file's unit they name.
_UNIT_WORDS = {"days": "days", "day": "days", "per cent": "percent", "percent": "percent"}
_UNIT_WORD = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_UNIT = rf"({_UNIT_WORD})\b"
_AFTER = r"(?=[\s(;]|$)"  # what may follow a figure: never a comma, so "4,6" is not 4

_LEADING_FIGURE = re.compile(rf"^\s*(£?{_FIGURE})(?:\s*{_UNIT})?{_AFTER}", re.I)
_WHOLE_FIGURE = re.compile(rf"\s*(£)?\s*({_FIGURE})\s*(?:{_UNIT})?\s*", re.I)
# "Projected end of year 10.51 days", "Year end forecast: 10.51", "Forecast outturn of 95%".
_FORECAST = re.compile(
    r"(?P<lead>(?:\b(?:end\s+of\s+(?:the\s+)?year|year[\s-]*end)\s+)?"
    r"\b(?:projected|projection|forecast|predicted|estimated)\b[A-Za-z ,'-]*?)"
    rf"\s*(?:\b(?:is|of|at)\b|[:=])?\s*(?P<figure>£?{_FIGURE})(?:\s*(?P<unit>{_UNIT_WORD})\b)?"
    rf"{_AFTER}",
    re.I,
)
_YEAR_END = re.compile(
    r"\b(?:end\s+of\s+(?:the\s+)?(?:financial\s+)?year|year[\s-]*end|out-?turn|full[\s-]year)\b",
    re.I,
)
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
    """A figure as the document writes it: the number, and the unit written with it ("percent"
    for "10%", "days" for "9.5 days", "currency" for "£1,200"; None for a bare number)."""

    value: float
    unit: str | None = None

    @property
    def percent(self) -> bool:
        return self.unit == "percent"

    def as_yaml(self) -> int | float | str:
        number = whole_or_float(self.value)
        return f"{number}%" if self.percent else number

    def __str__(self) -> str:
        number = whole_or_float(self.value)
        if self.unit in (None, "percent"):
            return str(self.as_yaml())
        return f"£{number}" if self.unit == "currency" else f"{number} {self.unit}"


def read_figure(text: str) -> Figure | None:
    """A figure that is the whole text ("1900", "10%", "19,625", "9.5 days"), else None."""
    found = _WHOLE_FIGURE.fullmatch(text)
    if found is None:
        return None
    currency, number, word = found.groups()
    try:
        value = parse_number(number)
    except ValueError:
        return None
    if value is None:
        return None
    return Figure(value, _unit(number, word, currency))


def _unit(number: str, word: str | None, currency: str | None = None) -> str | None:
    if number.rstrip().endswith("%"):
        return "percent"
    if word:
        return _UNIT_WORDS[" ".join(word.lower().split())]
    return "currency" if currency else None


def _figure(text: str, word: str | None) -> Figure | None:
    figure = read_figure(text.replace("£", ""))
    if figure is None:
        return None
    return Figure(figure.value, _unit(text, word, "£" if "£" in text else None))


@dataclass
class Performance:
    """What a performance text states: the figure, its period, when it was reported, and a
    projected year-end figure (a forecast, for a year the caller settles)."""

    figure: Figure | None = None
    period: Period | None = None
    reported: Period | None = None
    note: str | None = None
    profile_target: Figure | None = None
    profile_month: str = ""  # the profile target's month as written: "April"
    forecast: Figure | None = None
    notes: list[Note] = field(default_factory=list)

    def note_on(self, topic: str, text: str) -> None:
        self.notes.append(Note(topic, text))


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
        result.note_on(
            "measurements", "no performance this period in the document: add a measurement"
        )
        return result
    lines = [_take_forecast(line, result) for line in lines]
    first = lines[0]
    leading = _LEADING_FIGURE.match(first)
    rest = first[leading.end() :] if leading else first
    if leading:
        result.figure = _figure(leading[1], leading[2])
    elif first.strip(" ,;.") or result.forecast is None:
        result.note_on(
            "performance",
            f"performance {first.strip(' ,;.')!r} does not start with a figure: no measurement "
            "was read",
        )
    rest = _read_period(rest, context, result)
    words = [word for word in rest.strip(" ,;").split() if word.lower() not in _LINKING]
    if leading and words and _NOTE.fullmatch(" ".join(words)):
        result.note = " ".join(words)
    for line in lines[1:]:
        if re.search(r"\d", line):
            result.note_on(
                "performance",
                f"performance line {line!r} is kept in the plan's `performance` text only: it "
                "was not read as a figure (is it a tolerance? then set `tolerance`)",
            )
    return result


def _take_forecast(line: str, result: Performance) -> str:
    """Read a projected year-end figure out of a line; returns the line without it."""
    found = _FORECAST.search(line)
    # A forecast of something else ("forecast to improve by 5%") stays text, as does a second
    # one: the line is then noted as not read, like any other figure left in the text.
    if found is None or not _YEAR_END.search(found["lead"]) or result.forecast is not None:
        return line
    result.forecast = _figure(found["figure"], found["unit"])
    return (line[: found.start()] + line[found.end() :]).strip()


def _read_period(rest: str, context: Context, result: Performance) -> str:
    """Find the period the figure covers (and when it was reported); returns the text left."""
    if profile := _PROFILE.search(rest):
        result.profile_target = read_figure(profile[3])
        result.profile_month = " ".join(filter(None, (profile[1], profile[2])))
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
        result.note_on("period", f"the performance names several periods ({shown}): which one?")
    elif bare and context.year is not None:
        result.period = _month_in(bare[0], context.year)
    if result.period is None and context.period is not None:
        result.period = context.period
        if bare and context.period.whole_months == 1 and context.period.end.month != bare[0]:
            result.note_on(
                "period",
                f"the performance names {calendar.month_name[bare[0]]}, but the period "
                f"{context.period} was given",
            )
    if result.period is None and bare and not full:
        month = calendar.month_name[bare[0]]
        result.note_on(
            "period",
            f"the performance names {month} without a year: rerun with --year (the financial "
            f"year, e.g. --year 2014/15) or --period (e.g. --period 2014-{bare[0]:02d}), or give "
            "either in the manifest",
        )


def stated_year(text: str, fy_start: int) -> Period | None:
    """The one financial year a text names ("2013/14 Q2", "by the end of 2014-15"), else None."""
    years = {parse_period(m[2], fy_start) for m in _FINANCIAL.finditer(text) if _year_pair(m[2])}
    return years.pop() if len(years) == 1 else None


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
