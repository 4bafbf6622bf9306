"""Every figure a committee reads is written by one function: its unit, thousands separators,
and the decimals it was written with."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actionplan.domain.figures import written
from actionplan.output import wording
from actionplan.output.wording import figure


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1900, "count", "1,900"),
        (7660, "currency", "£7,660"),
        (21000, "count", "21,000"),
        (1234567.5, "number", "1,234,567.5"),
    ],
)
def test_every_figure_has_thousands_separators(value: float, unit: str, text: str) -> None:
    # Gravesham Borough Council, Performance & Administration Committee, "Corporate Performance
    # Report: Q1 2020-21" (https://democracy.gravesham.gov.uk/mgAi.aspx?ID=30967): "Last year
    # 21,000 items of work; this year 38,000".
    assert figure(value, unit) == text


def test_a_figure_in_days_says_days() -> None:
    # Central Bedfordshire Council performance site, "Time taken to process Housing Benefit,
    # new claims & change events - Days"
    # (http://centralbedfordshireperformance.inphase.com/Detail/697_3884): "11.2 days against
    # a target of 8.6 days".
    assert figure(11.2, "days") == "11.2 days"
    assert figure(8.6, "days") == "8.6 days"
    assert figure(1, "days") == "1 day"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (7.375, "percent", "7.375%"),  # not rounded to 7.38
        (written("12.50"), "currency", "£12.50"),  # the zero written is kept
        (written("19,625.0"), "count", "19,625.0"),
        (0.000125, "number", "0.000125"),
    ],
)
def test_a_figure_keeps_the_decimals_it_was_written_with(
    value: float, unit: str, text: str
) -> None:
    assert figure(value, unit) == text


def test_a_computed_figure_is_shown_to_two_decimals() -> None:
    # A pro-rated target: 1,900 a year, seven months in.
    assert figure(Decimal(1900) * 7 / 12, "count") == "1,108.33"
    assert figure(0.1 + 0.2, "number") == "0.3"


def test_a_gap_is_written_to_the_decimals_of_its_figures() -> None:
    assert wording.decimals_of(written("10.60"), Decimal("9.5")) == 2
    assert wording.decimals_of(1280.0, Decimal("1200.0")) == 0
    assert figure(Decimal("1.1"), "days", decimals=2) == "1.10 days"
