"""Councils' performance frameworks written in the settings file and in indicator files: status
words, percentage points, floor standards, ranges, year-to-date averages, a plan after N RED
periods, travel over a window and quarterly targets, each read as the council means it.

Sources (wording as published; where a rule's figures were not published with it, the figures
below are chosen to sit on its edges and say so):
- Kent County Council, Quarterly Performance Report, Quarter 1 2020/21, "Key to KPI Ratings
  used" (https://docslib.org/doc/502732/kent-county-council-quarterly-performance-report-quarter-1-2020):
  GREEN "Target has been achieved"; AMBER "Floor Standard achieved but Target has not been
  met"; RED "Floor Standard has not been achieved"; "Direction of Travel is now based on
  regression analysis across the whole timeframe shown in the graphs, and not ... on the
  movement from the last quarter"; activity indicators shown "with Upper and Lower Thresholds
  which represent the range activity is expected to fall within".
- Maidstone Borough Council, Appendix A: Quarter 3 KPI Performance Report 2013/2014, "Key to
  performance ratings" (meetings.maidstone.gov.uk, documents/s34940): RED "Target not
  achieved", AMBER "Target missed (within 10%)", GREEN "Target met", and "Data Only".
- Kent County Council, Policy and Resources Committee papers reported by KentOnline
  (https://kentonline.co.uk/kent/news/council-fails-to-hit-three-key-targets-306705): invoices
  received within 15 days, 67 % against a target of 90 %, rated red.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.status_words import published_status, status_words
from actionplan.domain.values import Status
from actionplan.judge.assessment import assess
from actionplan.judge.coverage import Coverage
from actionplan.judge.status import read
from actionplan.judge.travel import Travel

LATER = date(2030, 1, 1)


def indicator(settings: Settings | None = None, **fields: Any) -> Indicator:
    data = {"title": "t", "direction": "higher", **fields}
    context = {"fy_start": 4, "default_id": "t"}
    if settings is not None:
        context["statuses"] = settings.statuses
    return Indicator.model_validate(data, context=context)


def status_of(ind: Indicator, settings: Settings | None = None, index: int = -1) -> Status:
    return read(ind, ind.measurements[index], settings or Settings()).status


def computed(ind: Indicator, settings: Settings | None = None) -> Status:
    return read(ind, ind.measurements[-1], settings or Settings()).computed


# --- 1. statuses in the council's own words -------------------------------------------------


def test_statuses_in_the_councils_own_words_are_read_case_insensitively() -> None:
    """Maidstone's key: "Target met", "Target missed (within 10%)", "Target not achieved",
    "Data Only"; written in a settings file, each reads as its status in any case."""
    settings = Settings.model_validate(
        {
            "statuses": {
                "Target met": "GREEN",
                "Target missed (within 10%)": "AMBER",
                "Target not achieved": "RED",
                "Data Only": "BLUE",
                "✓": "GREEN",
            }
        }
    )
    ind = indicator(
        settings,
        target=90,
        measurements=[
            {"period": "2013/14 Q1", "value": 95, "status": "target MET"},
            {"period": "2013/14 Q2", "value": 85, "status": "Target missed (within 10%)"},
            {"period": "2013/14 Q3", "value": 67, "status": "TARGET NOT  ACHIEVED"},
            {"period": "2013/14 Q4", "value": None, "status": "data only"},
        ],
    )
    assert [m.status for m in ind.measurements] == [
        Status.GREEN,
        Status.AMBER,
        Status.RED,
        Status.BLUE,
    ]
    assert published_status("✓", settings.statuses) is Status.GREEN


def test_statuses_map_blue_to_green_where_blue_means_on_track() -> None:
    """A council whose blue means "within target" maps its word to GREEN: the council's map
    wins over the tool's own reading of BLUE as narrative only."""
    words = status_words({"Blue": "GREEN", "Off track": "RED"})
    assert published_status("BLUE", words) is Status.GREEN
    assert published_status("blue") is Status.BLUE  # without the map, as before
    with pytest.raises(ValueError, match="is not a status"):
        published_status("Off track")


def test_statuses_map_refuses_a_word_mapped_to_no_status() -> None:
    with pytest.raises(ValueError, match="is not a status"):
        Settings.model_validate({"statuses": {"On target": "PURPLE"}})


# --- 2. tolerance in percentage points ------------------------------------------------------


def test_tolerance_in_percentage_points_reads_within_10pp_of_80_as_70_to_80() -> None:
    """Maidstone's AMBER is "Target missed (within 10%)"; for a share, "within 10 %" of an 80 %
    target read in percentage points is 70-80 %, not 72-80 % (10 % of 80)."""

    def at(value: float, tolerance: object) -> Status:
        return status_of(
            indicator(
                unit="percent",
                target=80,
                tolerance=tolerance,
                measurements=[{"period": "2013/14 Q3", "value": value}],
            )
        )

    assert at(70, "10pp") is Status.AMBER
    assert at(70, "10%") is Status.RED  # the share of the target keeps its meaning
    assert at(69.9, "10pp") is Status.RED
    assert at(76, {"green": "5pp", "amber": "10pp"}) is Status.GREEN
    assert at(74.9, {"green": "5pp", "amber": "10pp"}) is Status.AMBER


def test_tolerance_by_unit_overrides_the_workspace_tolerance_for_that_unit() -> None:
    """One settings file says "within 10 %" the way the council means it for shares (points)
    and for amounts (a share of the target); an indicator's own tolerance still wins."""
    settings = Settings.model_validate(
        {"tolerance": "10%", "tolerance_by_unit": {"percent": "10pp"}}
    )
    share = indicator(
        unit="percent", target=80, measurements=[{"period": "2013/14 Q3", "value": 71}]
    )
    amount = indicator(
        unit="count", target=80, measurements=[{"period": "2013/14 Q3", "value": 71}]
    )
    own = indicator(
        unit="percent",
        target=80,
        tolerance="5%",
        measurements=[{"period": "2013/14 Q3", "value": 71}],
    )
    assert status_of(share, settings) is Status.AMBER
    assert status_of(amount, settings) is Status.RED  # 10 % of 80 is 8: 72 to 80
    assert status_of(own, settings) is Status.RED


# --- 3. floor standards ---------------------------------------------------------------------


def test_floor_standard_gives_kents_green_amber_and_red() -> None:
    """Kent: GREEN "Target has been achieved", AMBER "Floor Standard achieved but Target has
    not been met", RED "Floor Standard has not been achieved". Invoices within 15 days, 67 %
    against 90 %, was red; the floor (80 %) is chosen for the example."""

    def at(value: float) -> Status:
        return status_of(
            indicator(
                unit="percent",
                target=90,
                floor=80,
                tolerance="50%",  # a floor sets the amber band: the tolerance does not apply
                measurements=[{"period": "2024/25 Q4", "value": value}],
            )
        )

    assert [at(v) for v in (67, 79.9, 80, 85, 90, 95)] == [
        Status.RED,
        Status.RED,
        Status.AMBER,
        Status.AMBER,
        Status.GREEN,
        Status.GREEN,
    ]


def test_floor_standard_changes_per_period_and_mirrors_for_lower_is_better() -> None:
    ind = indicator(
        direction="lower",
        target={"2023/24": 10, "2024/25": 8},
        floor={"2023/24": 12, "2024/25": 9},
        measurements=[{"period": "2023/24 Q4", "value": 11}, {"period": "2024/25 Q4", "value": 11}],
    )
    first = read(ind, ind.measurements[0], Settings())
    second = read(ind, ind.measurements[1], Settings())
    assert (first.status, second.status) == (Status.AMBER, Status.RED)
    assert second.floor == Decimal("9.0") and second.reason == "beyond the floor of 9"


def test_floor_standard_needs_a_target() -> None:
    with pytest.raises(ValueError, match="a floor needs a target"):
        indicator(floor=80)


# --- 4. two-sided ranges --------------------------------------------------------------------


def test_range_is_green_inside_and_banded_either_side() -> None:
    """Kent's activity indicators have "Upper and Lower Thresholds which represent the range
    activity is expected to fall within": too high and too low are both outside."""

    def at(value: float) -> tuple[Status, str | None]:
        ind = indicator(
            direction="range",
            target={"2020/21": {"low": 900, "high": 1100}},
            tolerance="10%",
            measurements=[{"period": "2020/21 Q1", "value": value}],
        )
        reading = read(ind, ind.measurements[-1], Settings())
        return reading.status, reading.reason

    assert at(1000) == (Status.GREEN, "within the range 900 to 1100")
    assert at(900)[0] is Status.GREEN and at(1100)[0] is Status.GREEN
    assert at(850) == (Status.AMBER, "below the range 900 to 1100")
    assert at(1210) == (Status.AMBER, "above the range 900 to 1100")
    assert at(809)[0] is Status.RED and at(1211)[0] is Status.RED


def test_a_range_open_at_one_end_is_judged_from_the_edge_it_has() -> None:
    """A lower threshold with no upper one yet (`high: NA`): anything above the low edge is
    within the range, and a figure below it is banded from that edge."""

    def at(value: float) -> Status:
        ind = indicator(
            direction="range",
            target={"2020/21": {"low": 900, "high": "NA"}},
            tolerance="10%",
            measurements=[{"period": "2020/21 Q1", "value": value}],
        )
        return read(ind, ind.measurements[-1], Settings()).status

    assert at(1500) is Status.GREEN
    assert at(850) is Status.AMBER
    assert at(800) is Status.RED


def test_range_target_and_direction_go_together() -> None:
    with pytest.raises(ValueError, match="add `direction: range`"):
        indicator(target={"low": 1, "high": 2})
    with pytest.raises(ValueError, match=r"write each target as `\{low"):
        indicator(direction="range", target=5)
    with pytest.raises(ValueError, match="is above its high"):
        indicator(direction="range", target={"low": 3, "high": 2})


# --- 5. year-to-date averages ---------------------------------------------------------------


def test_cumulative_average_is_judged_against_the_annual_target_never_pro_rated() -> None:
    """An average number of days to process a claim, so far this year: 21 days at Q1 against
    an annual 22 is GREEN as it stands; a year-to-date sum of days is still pro-rated."""
    average = indicator(
        direction="lower",
        unit="days",
        cumulative="average",
        target={"2024/25": 22},
        measurements=[{"period": "2024/25 Q1", "value": 21}],
    )
    total = indicator(
        direction="lower",
        unit="days",
        cumulative=True,
        target={"2024/25": 22},
        measurements=[{"period": "2024/25 Q1", "value": 21}],
    )
    assert read(average, average.measurements[0], Settings()).target == Decimal("22.0")
    assert status_of(average) is Status.GREEN
    assert read(total, total.measurements[0], Settings()).target == Decimal("5.5")
    assert status_of(total) is Status.RED


def test_cumulative_average_as_central_bedfordshire_reports_benefits_processing() -> None:
    """Central Bedfordshire Council's performance site, "Time taken to process Housing Benefit,
    new claims & change events - Days" (centralbedfordshireperformance.inphase.com/Detail/
    697_3884): "The overall benefits speed of processing during 2017/18 ... an out turn of
    15.4 days against a target of 13.9 days", smaller values best. The average so far this
    year is set against the year's 13.9 days at every quarter, never a share of it: at the
    year's end it is RED (beyond 10 % of the target), and so is a half-year figure of 15.4."""
    for period in ("2017/18 Q4", "2017/18 Q2"):
        found = indicator(
            direction="lower",
            unit="days",
            cumulative="average",
            tolerance="10%",
            target={"2017/18": 13.9},
            measurements=[{"period": period, "value": 15.4}],
        )
        assert read(found, found.measurements[0], Settings()).target == Decimal("13.9")
        assert status_of(found) is Status.RED


def test_cumulative_average_spc_needs_the_counts() -> None:
    from actionplan.judge.spc import SpcUnavailable
    from actionplan.judge.trend import indicator_spc

    ind = indicator(
        direction="lower",
        unit="days",
        cumulative="average",
        measurements=[{"period": f"2024-{m:02d}", "value": 20} for m in range(4, 13)],
    )
    result = indicator_spc(ind, Settings(), LATER)
    assert isinstance(result, SpcUnavailable)
    assert "year-to-date average" in result.reason


# --- 6. a plan after N consecutive RED periods -----------------------------------------------


def _quarters(*values: float, **fields: Any) -> Indicator:
    periods = ["2023/24 Q1", "2023/24 Q2", "2023/24 Q3", "2023/24 Q4", "2024/25 Q1"]
    return indicator(
        target=90,
        tolerance="5%",
        measurements=[{"period": p, "value": v} for p, v in zip(periods, values, strict=False)],
        **fields,
    )


def test_plan_after_two_consecutive_red_periods() -> None:
    """An item goes on the exception report after two missed quarters and stays there until
    the target is met: the first RED quarter needs no plan, the second does."""
    settings = Settings.model_validate({"plan_after": 2})
    one = assess(_quarters(95, 70), settings, LATER)
    two = assess(_quarters(95, 70, 70), settings, LATER)
    assert one.status is Status.RED and not one.needs_plan
    assert two.needs_plan and two.plan is not None and two.plan.coverage is Coverage.MISSING
    # AMBER after the two RED quarters: the target is not met yet, it stays on the report
    amber = assess(_quarters(95, 70, 70, 88), settings, LATER)
    assert amber.status is Status.AMBER and amber.needs_plan
    met = assess(_quarters(95, 70, 70, 88, 91), settings, LATER)
    assert not met.needs_plan
    # RED, AMBER, RED is not two in a row
    assert not assess(_quarters(70, 88, 70), settings, LATER).needs_plan
    # the run since the target was last met began AMBER: its two RED quarters still count
    began_amber = assess(_quarters(95, 88, 70, 70, 88), settings, LATER)
    assert began_amber.status is Status.AMBER and began_amber.needs_plan
    # without the setting every RED measure needs a plan, as before
    assert assess(_quarters(95, 70), Settings(), LATER).needs_plan


def test_plan_after_in_an_indicator_overrides_the_settings() -> None:
    settings = Settings.model_validate({"plan_after": 3})
    assert assess(_quarters(70, 70, plan_after=2), settings, LATER).needs_plan
    assert not assess(_quarters(70, 70), settings, LATER).needs_plan


# --- 7. direction of travel over a window -----------------------------------------------------


def test_travel_window_uses_the_least_squares_slope_over_the_last_n_points() -> None:
    """Kent: "Direction of Travel is now based on regression analysis across the whole
    timeframe shown in the graphs, and not ... on the movement from the last quarter": the
    last quarter fell, the eight-quarter trend rises."""
    values = [60, 62, 61, 65, 66, 68, 70, 67]
    periods = [f"{y}/{(y + 1) % 100:02d} Q{q}" for y in (2022, 2023) for q in (1, 2, 3, 4)]
    ind = indicator(
        target=70,
        travel_window=8,
        measurements=[{"period": p, "value": v} for p, v in zip(periods, values, strict=True)],
    )
    result = assess(ind, Settings(), LATER)
    assert result.short_term is Travel.WORSENING
    assert result.window is Travel.IMPROVING
    rising = indicator(
        direction="lower",
        measurements=[
            {"period": p, "value": v} for p, v in zip(periods, [5, 6, 5, 6], strict=False)
        ],
    )
    assert assess(rising, Settings.model_validate({"travel_window": 4}), LATER).window is (
        Travel.WORSENING
    )
    assert assess(ind.model_copy(update={"travel_window": None}), Settings(), LATER).window is None


# --- 8. quarterly targets stated as their own figures -------------------------------------------


def test_a_half_years_own_target_wins_as_epping_forest_states_it() -> None:
    """Epping Forest District Council, Resources Select Committee, "Sickness Absence Report
    Quarters 3 and 4" (rds.eppingforestdc.gov.uk/mgAi.aspx?ID=61943): the target for 2016/17
    "was an average of 7.5 days per employee. The current outturn figure for the two quarters
    was an average of 3.73 days, which was below the target of 3.86 days". The half year's own
    3.86 is the target, not half of 7.5 (3.75)."""
    found = indicator(
        direction="lower",
        unit="days",
        target={"2016/17": 7.5, "2016-10..2017-03": 3.86},
        measurements=[{"period": "2016-10..2017-03", "value": 3.73}],
    )
    assert read(found, found.measurements[0], Settings()).target == Decimal("3.86")
    assert status_of(found) is Status.GREEN
    # A figure between the two: GREEN against the half year's own target, as the council
    # states it; it would be RED against half the year's.
    between = found.model_copy(
        update={"measurements": [found.measurements[0].model_copy(update={"value": 3.8})]}
    )
    assert status_of(between) is Status.GREEN


def test_quarterly_target_stated_as_its_own_figure_wins_over_a_division() -> None:
    """An annual 6.5 days' sickness absence stated as 1.63 a quarter: the quarter's own figure
    is used; where the annual target is divided, `target_decimals: 2` rounds it half up as
    the council does (1.625 is 1.63, where rounding half to even gives 1.62)."""
    own = indicator(
        direction="lower",
        unit="days",
        cumulative=True,
        target={"2024/25": 6.5, "2024/25 Q1": 1.63},
        measurements=[{"period": "2024/25 Q1", "value": 1.63}],
    )
    assert read(own, own.measurements[0], Settings()).target == Decimal("1.63")
    divided = indicator(
        direction="lower",
        unit="days",
        cumulative=True,
        target={"2024/25": 6.5},
        measurements=[{"period": "2024/25 Q1", "value": 1.63}],
    )
    assert read(divided, divided.measurements[0], Settings()).target == Decimal("1.625")
    assert status_of(divided) is Status.RED  # 1.63 over an unrounded 1.625
    rounding = Settings.model_validate({"target_decimals": 2})
    assert read(divided, divided.measurements[0], rounding).target == Decimal("1.63")
    assert status_of(divided, rounding) is Status.GREEN
