"""Figures as people write them: signs, spaced percent signs, thousands, missing words."""

from __future__ import annotations

import pytest

from actionplan.domain.figures import parse_number, whole_or_float


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("+5", 5.0),
        ("-5", -5.0),
        ("+ 5", 5.0),
        ("53.6 %", 53.6),
        ("53.6%", 53.6),
        (" 53.6 % ", 53.6),
        ("19,625", 19625.0),
        ("1,234,567.5", 1234567.5),
        ("£1,200.50", 1200.5),
        ("-£3", -3.0),
    ],
)
def test_signs_spaced_percent_signs_and_thousands_are_figures(text: str, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "text", ["NA", "na", "N/A", "n/a", "Missing", "NULL", "-", "M", "..", " NA ", "\tn/a"]
)
def test_missing_words_in_any_case_are_no_figure(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["4,6", "1,23", "12,3456", "1,234,56"])
def test_a_comma_only_separates_groups_of_three_digits(text: str) -> None:
    with pytest.raises(ValueError, match="comma"):
        parse_number(text)


def test_a_decimal_comma_is_refused_with_both_readings() -> None:
    with pytest.raises(ValueError, match=r"write 4\.6 for a decimal, or 46 for a whole number"):
        parse_number("4,6")


@pytest.mark.parametrize(("value", "written"), [(617.0, 617), (7.37, 7.37), (-2.0, -2)])
def test_a_whole_figure_is_written_without_a_fraction(value: float, written: float) -> None:
    result = whole_or_float(value)
    assert result == written and type(result) is type(written)


@pytest.mark.parametrize(
    ("text", "decimal", "whole"),
    [("88,5%", "88.5%", "885%"), ("£1,5", "£1.5", "£15"), ("-4,6 %", "-4.6 %", "-46 %")],
)
def test_the_advice_for_a_decimal_comma_keeps_the_figure_as_written(
    text: str, decimal: str, whole: str
) -> None:
    with pytest.raises(ValueError) as caught:
        parse_number(text)
    assert f"write {decimal} for a decimal, or {whole} for a whole number" in str(caught.value)
