"""Words shared by every layer: month names as councils write them, counted nouns, and days as
papers write them."""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Iterable
from datetime import date

# "April", "Apr", "Sept": month names and abbreviations, lower case, to month numbers.
MONTH_NAMES: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
MONTH_NAMES.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 indicator`, `2 indicators`."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`: did you mean 'title'?` for the nearest choice, or nothing. A long word is not a typo
    of a short one, and comparing it costs its length squared, so it gets no suggestion."""
    close = (
        difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6) if len(word) < 100 else []
    )
    return f": did you mean '{close[0]}'?" if close else ""


def ordinal(number: int) -> str:
    """A place as people say it: 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def day_words(day: date) -> str:
    """A day as a committee paper writes it: 31 March 2025."""
    return f"{day.day} {day:%B %Y}"
