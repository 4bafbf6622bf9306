"""What a template document states without a label for it: units written with figures, a
projected year-end figure, the year the document is about, and which way is better (the template
is completed only for measures showing RED)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.domain.periods import parse_period
from actionplan.legacy.draft import Facts, build_draft
from actionplan.legacy.fields import Collector
from actionplan.legacy.figures import Context, Figure, read_figure, read_performance
from actionplan.legacy.inference import document_year, infer_direction
from actionplan.legacy.reader import parse_text

FY_2013 = Context(year=parse_period("2013/14"))


# --- figures with their units ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("9.5 days", 9.5, "days"),  # "Target 9.5 days"
        ("1 day", 1, "days"),
        ("66%", 66, "percent"),
        ("66 %", 66, "percent"),
        ("10 per cent", 10, "percent"),
        ("£1,200", 1200, "currency"),
        ("1900", 1900, None),
    ],
)
def test_a_figure_is_read_with_the_unit_written_beside_it(
    text: str, value: float, unit: str | None
) -> None:
    figure = read_figure(text)

    assert figure is not None and (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize("text", ["9,5 days", "4,6", "about 9.5 days", "9.5 days lost"])
def test_a_unit_does_not_loosen_the_figure_rule(text: str) -> None:
    # "9,5 days" is 9.5 in most of Europe and 95 nowhere: it is not read at all.
    assert read_figure(text) is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Projected end of year 10.51 days", 10.51, "days"),
        ("Year end forecast: 10.51", 10.51, None),
        ("Forecast outturn of 95%", 95, "percent"),
        ("projected year-end outturn 10.51 days", 10.51, "days"),
    ],
)
def test_a_projected_year_end_figure_is_read_as_a_forecast(
    text: str, value: float, unit: str | None
) -> None:
    performance = read_performance(text, Context())

    assert performance.figure is None
    assert performance.forecast is not None
    assert (performance.forecast.value, performance.forecast.unit) == (value, unit)
    assert performance.notes == []


def test_an_actual_and_a_forecast_on_one_line_are_told_apart() -> None:
    text = "2.59 days (Q1 2013/14); projected end of year 10.51 days"

    performance = read_performance(text, Context())

    assert performance.figure is not None and performance.figure.value == 2.59
    assert str(performance.period) == "2013/14 Q1"
    assert performance.forecast is not None and performance.forecast.value == 10.51


@pytest.mark.parametrize(
    "text",
    [
        "Projected end of year 10,51 days",  # a decimal comma: never 1051
        "forecast to improve by 5% in Q3",  # a forecast, but not of the year-end figure
    ],
)
def test_what_is_not_a_year_end_figure_stays_text(text: str) -> None:
    performance = read_performance(text, Context())

    assert performance.forecast is None and performance.figure is None
    assert any("does not start with a figure" in str(note) for note in performance.notes)


# --- the year the document is about ---------------------------------------------------------


@pytest.mark.parametrize(
    ("performance", "context", "when", "year", "source"),
    [
        ("44.43% (2014-15)", Context(), "Quarter 1", "2014/15", "the performance's period"),
        ("9.8 days Q4 2014-15", Context(), "", "2014/15", "the performance's period"),
        ("Projected end of year 10.51 days", FY_2013, "Quarter 3", "2013/14", "the year given"),
        ("Projected end of year 10.51 days", Context(), "2013/14 Q2", "2013/14", "`when`"),
        ("Projected end of year 10.51 days", Context(), "Q2 of 2013-14", "2013/14", "`when`"),
    ],
)
def test_the_year_is_read_from_the_text_the_year_given_or_when(
    performance: str, context: Context, when: str, year: str, source: str
) -> None:
    found = document_year(read_performance(performance, context), context, when)

    assert found is not None and str(found.period) == year
    assert found.source.startswith(source)


@pytest.mark.parametrize("when", ["Quarter 3", "March 2016", "2013/14 and 2014/15", ""])
def test_without_a_year_stated_or_given_there_is_none(when: str) -> None:
    performance = read_performance("Projected end of year 10.51 days", Context())

    assert document_year(performance, Context(), when) is None


# --- direction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("performance", "target", "direction", "evidence"),
    [
        # The seeds: 617 quitters against the April target of 993; 7.37 % against 10 %.
        ("617 Wirral Wide April target is 993", "1900", "higher", "its April target 993"),
        ("7.37% (July 2014)", "10%", "higher", "the figure 7.37% is below the target 10%"),
        # Issue #9's figures: a projected 10.51 days lost against 9.5; 44.43 % against 66 %.
        ("Projected end of year 10.51 days", "9.5 days", "lower", "is above the target 9.5 days"),
        ("44.43% (2014-15)", "66%", "higher", "the figure 44.43% is below the target 66%"),
        ("52 (2014/15)", "60", "higher", "the figure 52 is below the target 60"),  # a year's count
    ],
)
def test_a_red_figure_and_its_target_imply_the_direction(
    performance: str, target: str, direction: str, evidence: str
) -> None:
    inference = infer_direction(read_performance(performance, Context()), read_figure(target))

    assert inference.direction == direction
    assert evidence in inference.evidence


@pytest.mark.parametrize(
    ("performance", "target", "why"),
    [
        ("11.2 (Q2 2015/16)", "9.5", "is for part of a year and the target 9.5 for a whole one"),
        ("48 (April 2014)", "500", "is for part of a year"),
        ("10% (2014-15)", "10%", "the figure 10% equals the target 10%"),
        ("0.45 (2014-15)", "45%", "are in different units"),
        ("Projected end of year 10.51 days", "", "no target to compare"),
        ("see the attached report", "10", "no figure to compare"),
        # 617 below its April target says higher; a projected 2,000 above 1,900 says lower.
        ("617 April target is 993\nProjected outturn 2,000", "1,900", "point both ways"),
    ],
)
def test_no_direction_is_implied_when_the_figures_do_not_say(
    performance: str, target: str, why: str
) -> None:
    inference = infer_direction(
        read_performance(performance, Context()), read_figure(target) if target else None
    )

    assert inference.direction is None
    assert why in inference.evidence


# --- the indicator drafted from a document -----------------------------------------------------


def draft_of(rows: dict[str, str], facts: Facts | None = None) -> tuple[dict[str, object], str]:
    """The indicator's data and its header (what was inferred, and the notes) as one text."""
    text = "\n".join(f"{label}\t{value}" for label, value in rows.items())
    draft = build_draft(parse_text(text, Collector(Path("plan.txt"))), facts or Facts())
    return draft.data, "\n".join([*draft.inferred, *map(str, draft.notes)])


SICKNESS = {
    "Indicator Title": "Working days lost to sickness absence per FTE",
    "Target": "9.5 days",
    "Performance this Period": "Projected end of year 10.51 days",
    "When (will results be realised)": "Quarter 3",
}


def test_a_forecast_whose_year_is_not_known_stays_in_the_text() -> None:
    data, said = draft_of(SICKNESS)

    assert "measurements" not in data
    assert data["action_plan"] == {
        "performance": "Projected end of year 10.51 days",
        "when": "Quarter 3",
    }
    assert "the projected year-end figure 10.51 days is kept in the `performance` text only" in said
    assert "the period this plan answers is not stated" in said
    # What is known is still written: the unit, the target, and the direction they imply.
    assert (data["unit"], data["target"], data["direction"]) == ("days", 9.5, "lower")


def test_the_year_given_places_the_forecast() -> None:
    data, said = draft_of(SICKNESS, Facts(FY_2013))

    assert data["measurements"] == [{"period": "2013/14", "value": 10.51, "forecast": True}]
    assert data["action_plan"]["period"] == "2013/14"  # type: ignore[index]
    assert "read from the year given" in said


def test_a_direction_given_overrides_the_one_implied_and_a_contradiction_is_noted() -> None:
    data, said = draft_of(SICKNESS, Facts(direction="higher"))

    assert data["direction"] == "higher"
    assert (
        "`direction: higher` was given, but the projected year-end figure 10.51 days is above "
        "the target 9.5 days, which in a plan for a RED measure means lower is better: check it"
    ) in said
    assert "was inferred" not in said


def test_figures_in_different_units_leave_the_unit_to_a_person() -> None:
    rows = {**SICKNESS, "Target": "95%"}

    data, said = draft_of(rows)

    assert "unit" not in data and "direction" not in data
    assert "the figures are written in different units (percent, days): set `unit`" in said


# What a legacy document implies: which way is better, and the year it is about.
# The seed plans (Wirral Council public health): quitters below their April target, and an
# opiates figure for the calendar year 2013, which spans two financial years.
SMOKING = "617 Wirral Wide April target is 993"
OPIATES = "7.37% (July 2014) (Covering the service delivery period January-December 2013"


def test_a_figure_below_its_profile_target_means_higher_is_better() -> None:
    performance = read_performance(SMOKING, Context())
    assert infer_direction(performance, None).direction == "higher"


def test_a_projected_figure_above_the_target_means_lower_is_better() -> None:
    performance = read_performance("Projected end of year 10.51 days", Context())
    inference = infer_direction(performance, Figure(9.5))
    assert inference.direction == "lower"
    assert inference.evidence == "the projected year-end figure 10.51 days is above the target 9.5"


def test_a_percentage_for_part_of_a_year_is_compared_with_a_percentage_target() -> None:
    performance = read_performance("45% for May 2014", Context())
    assert infer_direction(performance, Figure(50.0, "percent")).direction == "higher"


def test_a_count_for_two_years_is_not_compared_with_an_annual_target() -> None:
    performance = read_performance("300 for April 2012 - March 2014", Context())
    assert infer_direction(performance, Figure(100.0)).direction is None


def test_a_period_spanning_two_financial_years_gives_no_document_year() -> None:
    performance = read_performance(OPIATES, Context())
    assert document_year(performance, Context(), "") is None
    named = document_year(performance, Context(), "by 2014/15 Q2")
    assert named is not None and str(named.period) == "2014/15"


def test_the_document_year_is_that_of_the_period_stated() -> None:
    performance = read_performance("12 for Q3 2014-15", Context())
    year = document_year(performance, Context(), "")
    assert year is not None and str(year.period) == "2014/15"


def test_a_direction_not_known_is_asked_for_as_which_way_is_better() -> None:
    rows = {**SICKNESS, "Target": "95%"}  # figures in different units imply no direction

    _, said = draft_of(rows)

    assert "whether higher or lower is better is not stated, nor implied" in said
    assert "direction of travel" not in said
