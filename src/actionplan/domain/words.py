"""Words shared by every layer: month names as councils write them, and counted nouns."""

from __future__ import annotations

import calendar

# "April", "Apr", "Sept": month names and abbreviations, lower case, to month numbers.
MONTH_NAMES: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
MONTH_NAMES.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 indicator`, `2 indicators`."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"
