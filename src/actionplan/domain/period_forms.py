"""The forms a period or a date may take, as advice shown with an error: in the year the user
wrote where the text gives one, so `2025/26 Q5` is answered with 2025/26 Q3, not a year of
the examples that has nothing to do with theirs."""

from __future__ import annotations

import re

_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")

EXAMPLE_YEAR = 2014  # the year of the examples when the text gives none


def forms_help(year: int = EXAMPLE_YEAR) -> str:
    """The forms a period may take, shown in `year`: the user's own, where the text gave one."""
    fy = f"{year}/{(year + 1) % 100:02d}"
    return (
        f"use {year}-04 (month), {year}-Q3 (quarter), {fy} or {year}-{(year + 1) % 100:02d} "
        f"(financial year), {fy} Q3 (financial quarter), {year} (year), {year}-07-31 (day) or "
        f"{year}-01..{year}-12 (range)"
    )


def year_written(text: str) -> int:
    """The first year `text` gives (`2025/26 Q5` gives 2025), else the example year."""
    found = _ANY_YEAR.search(text)
    return int(found[1]) if found and 1 <= int(found[1]) <= 9998 else EXAMPLE_YEAR


def date_help(year: int = EXAMPLE_YEAR) -> str:
    """The forms a date may take (a `reported` date, `--as-of`), shown in `year`."""
    return (
        f"write {year}-08-14 (a day), or {year}-07 (a month, meaning its last day); a quarter or "
        f"a year ({year}/{(year + 1) % 100:02d} Q3, {year}/{(year + 1) % 100:02d}) also means "
        "its last day"
    )


def not_a_date(value: object) -> str:
    """What to say of a value that should have been a date and is not even a period."""
    return f"{value!r} is not a date: {date_help(year_written(str(value)))}"


FORMS_HELP = forms_help()
