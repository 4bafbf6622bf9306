"""Month names as councils write them, counted nouns and the note on a tree without tolerance."""

from __future__ import annotations

import pytest

from actionplan.domain.statuses import no_tolerance_note
from actionplan.domain.words import MONTH_NAMES, plural


@pytest.mark.parametrize(
    ("name", "month"), [("sept", 9), ("sep", 9), ("september", 9), ("apr", 4), ("may", 5)]
)
def test_month_names_and_abbreviations(name: str, month: int) -> None:
    assert MONTH_NAMES[name] == month


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 indicators"), (1, "1 indicator"), (2, "2 indicators")]
)
def test_counted_nouns(count: int, text: str) -> None:
    assert plural(count, "indicator") == text


def test_no_tolerance_note_only_where_none_is_set_anywhere() -> None:
    assert no_tolerance_note(3, tolerance_set=False).startswith("no tolerance is set for 3")
    assert no_tolerance_note(3, tolerance_set=True) == ""
    assert no_tolerance_note(0, tolerance_set=False) == ""


def test_no_tolerance_note_speaks_of_one_indicator_as_it() -> None:
    assert "for 1 indicator with a target, so it cannot be AMBER" in no_tolerance_note(1, False)
    assert "for 2 indicators with a target, so they cannot be AMBER" in no_tolerance_note(2, False)
