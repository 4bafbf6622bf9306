"""Reporting periods: months, quarters, financial years, days and ranges.

A period is a closed range of days. Periods order by their end (then by their start, so a month
sorts before the year-to-date range that ends with it), and one period holds another when its
range covers the other's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache, total_ordering

from actionplan.domain.period_forms import FORMS_HELP as FORMS_HELP  # kept importable here
from actionplan.domain.period_forms import forms_help, year_written
from actionplan.domain.words import MONTH_NAMES
from actionplan.errors import PeriodError

DEFAULT_FY_START = 4  # April: the UK public-sector financial year


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-?\s*Q([1-4])", re.IGNORECASE)
# Financial years as councils write them: 2014/15, 2014/2015, 2014-15 (a month cannot be 15;
# 2011-12 stays December 2011) and 2014-2015; quarters before or after the year.
_FY = re.compile(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})")
_FYQ = re.compile(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*-?\s*Q([1-4])", re.IGNORECASE)
_QFY = re.compile(r"Q([1-4])\s*-?\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})", re.IGNORECASE)


@lru_cache(maxsize=4096)
def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int) -> Period:
    """The calendar month, written `2014-04`."""
    return Period(date(year, month, 1), month_end(year, month), f"{year}-{month:02d}")


def following_year(first: int, two_digits: str) -> int:
    """The year a two-digit year after `first` means: `2014/15` is 2015, `1999/00` is 2000."""
    year = first // 100 * 100 + int(two_digits)
    return year + 100 if year < first else year


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` after the given month."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


@total_ordering
@dataclass(frozen=True, eq=True)
class Period:
    """A closed range of days with the text that names it."""

    start: date
    end: date
    text: str

    def __str__(self) -> str:
        return self.text

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) == (other.start, other.end)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    @cached_property
    def sort_key(self) -> tuple[date, int]:
        """By end, then the shorter (later-starting) first: a plain tuple sorts in C."""
        return (self.end, -self.start.toordinal())

    @cached_property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def shifted_years(self, years: int) -> Period:
        """The same span `years` later (earlier when negative): for year-on-year comparison."""
        return Period(_shift_year(self.start, years), _shift_year(self.end, years), self.text)

    @cached_property
    def whole_months(self) -> int | None:
        """Whole months covered, when the period runs from a month's start to a month's end."""
        if self.start.day != 1 or self.end != month_end(self.end.year, self.end.month):
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def _shift_year(day: date, years: int) -> date:
    return shift_months(day, 12 * years)


def shift_months(day: date, months: int) -> date:
    """The same day `months` later; a month's last day stays a month's last day. Beyond the
    calendar's ends (before year 1, after 9999) the first or last day there is."""
    year, month = add_months(day.year, day.month, months)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    last = calendar.monthrange(year, month)[1]
    is_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month, last if is_month_end else min(day.day, last))


def financial_year(start_year: int, fy_start: int = DEFAULT_FY_START) -> Period:
    """The financial year that begins in `start_year` (in month `fy_start`). One that runs
    past the calendar's ends (0/01, 9999/00) stops at them, as `shift_months` does."""
    end_year, end_month = add_months(start_year, fy_start, 11)
    text = f"{start_year}/{str(end_year)[-2:]}" if fy_start != 1 else str(start_year)
    start = date(start_year, fy_start, 1) if start_year >= date.min.year else date.min
    end = month_end(end_year, end_month) if end_year <= date.max.year else date.max
    return Period(start, end, text)


def financial_year_of(day: date, fy_start: int = DEFAULT_FY_START) -> Period:
    """The financial year that holds `day`."""
    start_year = day.year if day.month >= fy_start else day.year - 1
    return financial_year(start_year, fy_start)


def financial_quarter(fy: Period, quarter: int) -> Period:
    year, month = add_months(fy.start.year, fy.start.month, 3 * (quarter - 1))
    end_year, end_month = add_months(year, month, 2)
    return Period(date(year, month, 1), month_end(end_year, end_month), f"{fy.text} Q{quarter}")


def parse_period(value: object, fy_start: int = DEFAULT_FY_START) -> Period:
    """Read a period from the text (or bare year number) a plan file holds."""
    if type(value) is str:  # the usual case, first: this runs for every period in every file
        return _parse_text(value, fy_start)
    if isinstance(value, Period):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, date)):
        raise PeriodError(f"{value!r} is not a period: {FORMS_HELP}")
    if isinstance(value, date):
        return Period(value, value, value.isoformat())
    return _parse_text(str(value), fy_start)


# Plan trees repeat the same few hundred period texts thousands of times, and periods are
# immutable, so parsed periods are shared.
@lru_cache(maxsize=8192)
def _parse_text(raw: str, fy_start: int) -> Period:
    text = " ".join(raw.split())
    if ".." in text:
        return _parse_range(text, fy_start)
    period = _parse_single(text, fy_start)
    if period is None:
        raise PeriodError(f"{text!r} is not a period: {forms_help(year_written(text))}")
    return period


def _parse_range(text: str, fy_start: int) -> Period:
    first, _, last = text.partition("..")
    start = _parse_single(first.strip(), fy_start)
    end = _parse_single(last.strip(), fy_start)
    if start is None or end is None:
        raise PeriodError(
            f"{text!r} is not a period range: write FIRST..LAST, {forms_help(year_written(text))}"
        )
    if end.end < start.start:
        raise PeriodError(f"{text!r} ends before it starts")
    return Period(start.start, end.end, f"{start.text}..{end.text}")


def _parse_single(text: str, fy_start: int) -> Period | None:
    try:
        return _match_form(text, fy_start)
    except ValueError:  # an impossible date such as 2014-02-30 or month 13
        return None


def _match_form(text: str, fy_start: int) -> Period | None:
    if m := _DAY.fullmatch(text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return Period(day, day, day.isoformat())
    if (m := _MONTH.fullmatch(text)) and 1 <= int(m[2]) <= 12:
        return month_period(int(m[1]), int(m[2]))
    if m := _QUARTER.fullmatch(text):
        year, quarter = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        return Period(date(year, first, 1), month_end(year, first + 2), f"{year}-Q{quarter}")
    if m := _FYQ.fullmatch(text):
        fy = _financial_year(int(m[1]), m[2], fy_start)
        return None if fy is None else financial_quarter(fy, int(m[3]))
    if m := _QFY.fullmatch(text):
        fy = _financial_year(int(m[2]), m[3], fy_start)
        return None if fy is None else financial_quarter(fy, int(m[1]))
    if m := _FY.fullmatch(text):
        return _financial_year(int(m[1]), m[2], fy_start)
    if m := _YEAR.fullmatch(text):
        year = int(m[1])
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    return None


def _financial_year(start_year: int, end_text: str, fy_start: int) -> Period | None:
    """`2014/15` or `2014/2015`; the second year must follow the first."""
    end_year = int(end_text) if len(end_text) == 4 else following_year(start_year, end_text)
    if end_year != start_year + 1:
        return None
    fy = financial_year(start_year, fy_start)
    return Period(fy.start, fy.end, f"{start_year}/{end_text[-2:]}")


_WHEN_PREFIX = re.compile(r"^(?:by|before|at|in|during|from)?\s*(?:the\s+)?(?:end\s+of\s+)?", re.I)
_WHEN_QUARTER = re.compile(r"(?:quarter|qtr|q)\s*([1-4])(?:\s*(?:of\s+)?(\S.*))?", re.I)
_WHEN_NAMED = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(\d{4})", re.I)


def parse_when(text: str, written: date, fy_start: int = DEFAULT_FY_START) -> Period | None:
    """Read a plan's `when` as the period by whose end results are due, or None for words.

    `written` is the day the plan was written (or last revised). A quarter or month named
    without a year ("Quarter 3", "Q4", "end of March") is the first such that ends on or after
    that day: a plan written in May for "Quarter 1" means next June, not last. "Quarter 3
    2015/16", "March 2015", "31 March 2015" and every period form are read as written.
    """
    words = _WHEN_PREFIX.sub("", " ".join(text.split())).strip(" .")
    if not words:
        return None
    try:
        return parse_period(words, fy_start)
    except PeriodError:
        pass
    try:
        if m := _WHEN_QUARTER.fullmatch(words):
            return _when_quarter(int(m[1]), m[2], written, fy_start)
        if m := _WHEN_NAMED.fullmatch(words):
            return _when_named(m[1], m[2], int(m[3]))
        if (month := MONTH_NAMES.get(words.lower())) is not None:
            return _next_month(month, written)
    except ValueError:  # due past the calendar's ends ("March 0000", "Q4" written in 9999)
        return None
    return None


def _when_quarter(
    quarter: int, year_text: str | None, written: date, fy_start: int
) -> Period | None:
    if year_text is None:
        fy = financial_year_of(written, fy_start)
        due = financial_quarter(fy, quarter)
        if due.end < written:
            due = financial_quarter(financial_year(fy.start.year + 1, fy_start), quarter)
        return due
    try:
        fy = parse_period(year_text, fy_start)
    except PeriodError:
        return None
    if fy.whole_months != 12:
        return None
    return financial_quarter(fy, quarter)


def _next_month(month: int, written: date) -> Period:
    """The first `month` ending on or after `written`."""
    year = written.year if month >= written.month else written.year + 1
    return month_period(year, month)


def _when_named(day_text: str | None, month_name: str, year: int) -> Period | None:
    month = MONTH_NAMES.get(month_name.lower())
    if month is None:
        return None
    if day_text is None:
        return month_period(year, month)
    try:
        day = date(year, month, int(day_text))
    except ValueError:
        return None
    return Period(day, day, day.isoformat())
