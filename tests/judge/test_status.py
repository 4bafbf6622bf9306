"""Status rules of one measurement: the bands, softening by last year's figure, NO DATA and
NO TARGET where a target is profiled."""

from __future__ import annotations

import pytest

from actionplan.domain.models import Settings
from actionplan.domain.values import Status
from actionplan.judge.assessment import assess
from actionplan.judge.status import read
from support.indicators import LATER, SETTINGS, indicator, monthly

HAVERING_RULE = Settings.model_validate(
    {"tolerance": "10%", "amber_if_improved_on_last_year": True}
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(100, Status.GREEN), (97, Status.GREEN), (96.99, Status.RED), (90, Status.RED)],
)
def test_an_absolute_green_band_wider_than_a_relative_amber_band(
    value: float, expected: Status
) -> None:
    # Green within 3 of target, amber within 2% of it: bands of different kinds are compared
    # only once the target is known (2% of 100 is 2), so the file is valid and the wider green
    # band decides; beyond it nothing is AMBER.
    ind = monthly({"2014-04": value}, target=100, tolerance={"green": 3, "amber": "2%"})
    assert assess(ind, SETTINGS, LATER).status is expected


def test_a_relative_green_band_wider_than_an_absolute_amber_band() -> None:
    ind = monthly({"2014-04": 91}, target=100, tolerance={"green": "10%", "amber": 5})
    assert assess(ind, SETTINGS, LATER).status is Status.GREEN


def test_softening_compares_with_last_year_s_actual_never_its_forecast() -> None:
    # Lower is better: 560 kg is beyond 10% of 494. A year earlier only a forecast (600) was
    # made: nothing shows the figure has improved, so it stays RED.
    ind = indicator(
        direction="lower",
        target=494,
        measurements=[
            {"period": "2013/14 Q3", "value": 600, "forecast": True},
            {"period": "2014/15 Q3", "value": 560},
        ],
    )
    assert assess(ind, HAVERING_RULE, LATER).status is Status.RED


def test_softening_uses_last_year_s_actual_beside_its_forecast() -> None:
    ind = indicator(
        direction="lower",
        target=494,
        measurements=[
            {"period": "2013/14 Q3", "value": 550},
            {"period": "2013/14 Q3", "value": 600, "forecast": True},
            {"period": "2014/15 Q3", "value": 560},
        ],
    )
    assert assess(ind, HAVERING_RULE, LATER).status is Status.RED


def test_softening_needs_the_same_period_a_year_earlier_not_a_year_later() -> None:
    ind = indicator(
        direction="lower",
        target=494,
        measurements=[
            {"period": "2014/15 Q3", "value": 560},
            {"period": "2015/16 Q3", "value": 600},
        ],
    )
    reading = read(ind, ind.measurements[0], HAVERING_RULE)
    assert (reading.status, reading.softened) == (Status.RED, False)


def test_a_figure_held_at_last_year_s_is_softened() -> None:
    # "improved or been maintained": the same figure as a year earlier is AMBER, not RED.
    ind = monthly({"2013-04": 80, "2014-04": 80}, target=100)
    reading = read(ind, ind.measurements[1], HAVERING_RULE)
    assert (reading.status, reading.softened) == (Status.AMBER, True)


def test_a_green_figure_is_never_softened() -> None:
    ind = monthly({"2013-04": 80, "2014-04": 120}, target=100)
    reading = read(ind, ind.measurements[1], HAVERING_RULE)
    assert (reading.status, reading.softened) == (Status.GREEN, False)


def test_an_indicator_turning_softening_off_wins_over_the_workspace() -> None:
    ind = monthly({"2013-04": 70, "2014-04": 80}, target=100, amber_if_improved_on_last_year=False)
    assert read(ind, ind.measurements[1], HAVERING_RULE).status is Status.RED


def test_na_on_a_profiled_target_is_no_data() -> None:
    # The 2014/15 target has an April profile point and none for May: a May figure would have
    # NO TARGET, but a May without a figure is NO DATA, as anywhere else.
    ind = monthly({"2014-05": "NA"}, target={"2014/15": 1900, "2014-04": 993})
    reading = read(ind, ind.measurements[0], SETTINGS)
    assert reading.status is Status.NO_DATA
    assert reading.missing_trajectory


def test_a_figure_on_a_profiled_target_without_its_point_has_no_target() -> None:
    ind = monthly({"2014-05": 700}, target={"2014/15": 1900, "2014-04": 993})
    assert read(ind, ind.measurements[0], SETTINGS).status is Status.NO_TARGET


def test_the_annual_outturn_of_a_profiled_year_is_judged_against_the_year() -> None:
    ind = monthly({"2014/15": 1850}, target={"2014/15": 1900, "2014-04": 993}, tolerance="5%")
    reading = read(ind, ind.measurements[0], SETTINGS)
    assert (reading.status, reading.missing_trajectory) == (Status.AMBER, False)


def test_the_most_specific_target_period_wins() -> None:
    ind = monthly({"2014-06": 500}, target={"2014/15": 1900, "2014/15 Q1": 480})
    reading = read(ind, ind.measurements[0], SETTINGS)
    assert str(reading.target_period) == "2014/15 Q1"
    assert reading.status is Status.GREEN


def test_a_published_status_is_the_one_shown() -> None:
    ind = indicator(
        target=100, measurements=[{"period": "2014-04", "value": 50, "status": "AMBER"}]
    )
    reading = read(ind, ind.measurements[0], SETTINGS)
    assert (reading.status, reading.computed, reading.mismatch) == (
        Status.AMBER,
        Status.RED,
        True,
    )


@pytest.mark.parametrize("value", [None, 5])
def test_blue_published_on_a_measure_without_target_or_figure_is_no_mismatch(
    value: float | None,
) -> None:
    ind = indicator(
        direction=None, measurements=[{"period": "2014-04", "value": value, "status": "BLUE"}]
    )
    reading = read(ind, ind.measurements[0], SETTINGS)
    assert reading.status is Status.BLUE
    assert not reading.mismatch


def test_a_year_to_date_count_is_pro_rated_over_the_workspace_financial_year() -> None:
    # 300 quitters by the end of March against 1200 a year: a quarter of a January year has
    # passed (target 300, GREEN), but all of an April year (target 1200, RED).
    ind = monthly({"2015-03": 300}, target=1200, cumulative=True, unit="count")
    january = Settings(financial_year_start=1)
    reading = read(ind, ind.measurements[0], january)
    assert (reading.target, reading.prorated, reading.status) == (300, True, Status.GREEN)
    assert read(ind, ind.measurements[0], SETTINGS).status is Status.RED
