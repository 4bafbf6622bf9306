"""Real councils' published rules and figures, each judged as the council judged it.

Sources (figures quoted as published):
- Bracknell Forest Council, "Council plan overview report - Quarterly updates on key performance
  indicators", quarter 3 2024 to 2025 (published 26 March 2025) and quarter 4 2024 to 2025
  (published 2 July 2025); its key: green "on, above or within 5% of target", amber "between 5%
  and 10% of target", red "more than 10% from target" (bracknell-forest.gov.uk/councilperformance).
- London Borough of Havering, Annual Corporate Performance Report 2014/15, Appendix 1: Green "on
  or within 10% of the annual target"; Amber "more than 10% off the annual target and where
  performance has improved or been maintained compared to last year"; Red "more than 10% off the
  annual target and where performance has not improved compared to last year". SCO1 residual
  household waste per household, smaller is better: Q3 target 494 kg, Q3 2014/15 512 kg (GREEN),
  Q3 2013/14 500 kg.
- Wirral Council public health, the two seed action plans (plans/public-health/).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.values import Status
from actionplan.judge.assessment import assess
from actionplan.judge.coverage import Coverage
from actionplan.judge.targets import trajectory_gaps
from actionplan.judge.travel import Travel
from support.checked import check_data

SETTINGS = Settings()
BRACKNELL_TEXT = {"tolerance": {"green": "5%", "amber": "10%"}}
BRACKNELL = Settings.model_validate(BRACKNELL_TEXT)
HAVERING = Settings.model_validate(
    {"tolerance": {"green": "10%", "amber": "10%"}, "amber_if_improved_on_last_year": True}
)
LATER = date(2030, 1, 1)


def indicator(**fields: Any) -> Indicator:
    data: dict[str, Any] = {"title": "Test indicator", "direction": "higher", **fields}
    return Indicator.model_validate(data, context={"default_id": "test", "fy_start": 4})


def judged(settings: Settings, value: object, target: object, **fields: Any) -> Status:
    period = fields.pop("period", "2024/25 Q3")
    measurement = {"period": period, "value": value}
    ind = indicator(target=target, measurements=[measurement], **fields)
    return assess(ind, settings, LATER).status


# Bracknell Forest: a green band short of target ----------------------------------------------


@pytest.mark.parametrize(
    ("description", "value", "target", "direction", "published"),
    [
        # 1.1.3.PI visits to the Look Out Discovery Centre, Q3 2024/25: 10,966 against 19,625.
        ("Look Out visits Q3", "10,966", "19,625", "higher", Status.RED),
        # The same, Q4 2024/25: 20,020 against 19,625.
        ("Look Out visits Q4", "20,020", "19,625", "higher", Status.GREEN),
        # 1.3.2.KR long-term support recipients at home, Q3: 72% against 74% (2.7% short).
        ("support at home", "72%", "74%", "higher", Status.GREEN),
        # 1.2.1.KR care leavers NEET, Q3: 53.6% against 36%, lower is better.
        ("care leavers NEET", "53.6%", "36%", "lower", Status.RED),
    ],
)
def test_bracknell_published_statuses_follow_from_the_bands(
    description: str, value: str, target: str, direction: str, published: Status
) -> None:
    assert judged(BRACKNELL, value, target, direction=direction) is published, description


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (100, Status.GREEN),
        (95, Status.GREEN),  # exactly 5% short: "within 5% of target"
        (94.99, Status.AMBER),
        (90, Status.AMBER),  # exactly 10% short: "between 5% and 10%"
        (89.99, Status.RED),  # "more than 10% from target"
    ],
)
def test_bracknell_band_edges(value: float, expected: Status) -> None:
    assert judged(BRACKNELL, value, 100) is expected


def test_bracknell_bands_mirror_for_lower_is_better() -> None:
    assert judged(BRACKNELL, 105, 100, direction="lower") is Status.GREEN
    assert judged(BRACKNELL, 110, 100, direction="lower") is Status.AMBER
    assert judged(BRACKNELL, 110.01, 100, direction="lower") is Status.RED


def test_bands_set_on_the_indicator_win_over_the_workspace() -> None:
    own = {"green": 2, "amber": 4}  # absolute amounts
    assert judged(BRACKNELL, 97, 100, tolerance=own) is Status.AMBER
    assert judged(BRACKNELL, 96, 100, tolerance=own) is Status.AMBER
    assert judged(BRACKNELL, 95.99, 100, tolerance=own) is Status.RED


def test_a_single_tolerance_still_means_the_amber_band() -> None:
    assert judged(SETTINGS, 96, 100, tolerance="5%") is Status.AMBER
    assert judged(SETTINGS, 99, 100, tolerance="5%") is Status.AMBER


def test_published_amber_that_the_bands_do_not_give_is_kept_and_flagged() -> None:
    # 1.1.6.KR young people in youth service activities, Q3 2024/25: 222 against 258 was
    # published Amber, but it is 14% short: the bands give RED.
    ind = indicator(
        target=258,
        measurements=[{"period": "2024/25 Q3", "value": 222, "status": "Amber"}],
    )
    reading = assess(ind, BRACKNELL, LATER).reading
    assert reading is not None
    assert reading.status is Status.AMBER and reading.computed is Status.RED
    assert reading.mismatch


@pytest.mark.parametrize(
    "bands",
    [{"green": "10%"}, {"amber": "5%", "green": "10%"}, {"amber": "5%", "red": "10%"}],
)
def test_bands_that_cannot_be_meant_are_refused(bands: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="band"):
        indicator(tolerance=bands)


# Year-to-date percentages are not pro-rated --------------------------------------------------


def test_year_to_date_percentage_is_judged_against_the_annual_target() -> None:
    # Bracknell 1.1.4.KR EHCPs issued within 20 weeks, year to date, Q3 2024/25: 43% against a
    # 50% target. Pro-rating the target (to 37.5%) would show GREEN; 43% is 14% short: RED.
    # (Bracknell published Green: kept, and flagged as not following from the figures.)
    ind = indicator(
        unit="percent",
        cumulative=True,
        target={"2024/25": "50%"},
        measurements=[{"period": "2024/25 Q3", "value": "43%", "status": "Green"}],
    )
    reading = assess(ind, BRACKNELL, LATER).reading
    assert reading is not None
    assert reading.target == Decimal(50) and not reading.prorated
    assert reading.computed is Status.RED and reading.mismatch


@pytest.mark.parametrize("unit", ["percent", "rate"])
def test_no_share_or_rate_is_pro_rated(unit: str) -> None:
    ind = indicator(
        unit=unit,
        cumulative=True,
        target={"2024/25": 50},
        measurements=[{"period": "2024/25 Q1", "value": 49}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.target == Decimal(50) and not reading.prorated
    assert reading.computed is Status.RED


@pytest.mark.parametrize("unit", ["count", "currency", "days", "number"])
def test_additive_units_are_still_pro_rated(unit: str) -> None:
    # Wirral smoking quitters: 1900 a year; by the end of Q1 a quarter of it, 475.
    ind = indicator(
        unit=unit,
        cumulative=True,
        target={"2014/15": 1900},
        measurements=[{"period": "2014/15 Q1", "value": 475}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.prorated and reading.target == Decimal(475)
    assert reading.computed is Status.GREEN


# Havering 2014/15: improvement on last year softens RED --------------------------------------


def waste(q3_this_year: float, q3_last_year: float | None, **fields: Any) -> Indicator:
    measurements = [{"period": "2014/15 Q3", "value": q3_this_year}]
    if q3_last_year is not None:
        measurements.insert(0, {"period": "2013/14 Q3", "value": q3_last_year})
    return indicator(
        direction="lower",
        target={"2014/15": 640, "2014/15 Q3": 494},
        measurements=measurements,
        **fields,
    )


def test_havering_residual_waste_as_published() -> None:
    # SCO1: 512 kg against the Q3 target of 494 kg is within 10%: GREEN, as published.
    assert assess(waste(512, 500), HAVERING, LATER).status is Status.GREEN


@pytest.mark.parametrize(
    ("this_year", "last_year", "expected"),
    [
        (544, 500, Status.RED),  # more than 10% over 494 (543.4) and worse than last year
        (544, 544, Status.AMBER),  # maintained: "improved or been maintained" is AMBER
        (544, 560, Status.AMBER),  # improved on last year
        (544, None, Status.RED),  # no figure a year earlier: nothing softens it
        (543.4, 600, Status.GREEN),  # exactly 10% over the target is still "within 10%"
    ],
)
def test_havering_red_only_when_not_improved(
    this_year: float, last_year: float | None, expected: Status
) -> None:
    result = assess(waste(this_year, last_year), HAVERING, LATER)
    assert result.status is expected
    assert result.reading is not None
    assert result.reading.softened is (expected is Status.AMBER)


def test_havering_rule_can_be_turned_off_per_indicator() -> None:
    ind = waste(544, 560, amber_if_improved_on_last_year=False)
    assert assess(ind, HAVERING, LATER).status is Status.RED


def test_a_softened_measure_needs_no_plan() -> None:
    result = assess(waste(544, 560), HAVERING, LATER)
    assert result.plan is None and not result.needs_plan


# Narrative measures ---------------------------------------------------------------------------


def test_blue_narrative_measure_is_shown_and_not_a_mismatch() -> None:
    # Havering 2024/25: "KPIs which are narrative only, or for which it is not appropriate to
    # set a target, are shown in Blue".
    ind = indicator(
        direction=None,
        measurements=[{"period": "2024/25 Q3", "value": 1234, "status": "Blue"}],
    )
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.BLUE
    assert result.reading is not None and not result.reading.mismatch
    assert result.plan is None


def test_blue_on_a_measure_with_a_target_is_a_mismatch() -> None:
    ind = indicator(
        target=100, measurements=[{"period": "2024/25 Q3", "value": 50, "status": "BLUE"}]
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.mismatch and reading.computed is Status.RED


# Comparators ----------------------------------------------------------------------------------


def test_comparators_never_change_the_status() -> None:
    # A figure of 44.43% for 2014-15 against England's 48.82%.
    ind = indicator(
        unit="percent",
        target="40%",
        measurements=[
            {"period": "2014-15", "value": "44.43%", "comparators": {"England": "48.82%"}}
        ],
    )
    result = assess(ind, SETTINGS, LATER)
    assert result.status is Status.GREEN
    assert result.reading is not None
    assert result.reading.measurement.comparators == {"England": 48.82}
    assert str(result.reading.measurement.period) == "2014/15"


def test_a_comparator_figure_follows_the_number_rule() -> None:
    with pytest.raises(ValueError, match="comma"):
        indicator(measurements=[{"period": "2014", "value": 1, "comparators": {"NW": "11,05"}}])


# Plans judged from when they were written -----------------------------------------------------


def annual_plan(when: str, **plan: Any) -> Indicator:
    return indicator(
        target=10,
        measurements=[{"period": "2014/15", "value": 7, "reported": "2015-05-20"}],
        action_plan={
            "period": "2014/15",
            "non_compliance_reason": "r",
            "what": "w",
            "how": "h",
            "who": "x",
            "when": when,
            **plan,
        },
    )


def test_a_plan_is_not_overdue_the_day_it_is_written() -> None:
    # A plan for 2014/15, whose figure was reported in May 2015, due "Quarter 1": June 2015.
    ind = annual_plan("Quarter 1")
    on_the_day = assess(ind, SETTINGS, date(2015, 5, 20)).plan
    assert on_the_day is not None and on_the_day.coverage is Coverage.OK
    assert on_the_day.due is not None and on_the_day.due.end == date(2015, 6, 30)
    last_day = assess(ind, SETTINGS, date(2015, 6, 30)).plan
    assert last_day is not None and last_day.coverage is Coverage.OK
    after = assess(ind, SETTINGS, date(2015, 7, 1)).plan
    assert after is not None and after.coverage is Coverage.OVERDUE


def test_the_updated_date_is_when_the_plan_was_written() -> None:
    ind = annual_plan("Q4", updated="2016-04-02")
    plan = assess(ind, SETTINGS, date(2016, 5, 1)).plan
    assert plan is not None and plan.due is not None and plan.due.end == date(2017, 3, 31)


def test_end_of_march_is_the_next_march() -> None:
    plan = assess(annual_plan("end of March"), SETTINGS, date(2015, 6, 1)).plan
    assert plan is not None and plan.due is not None and plan.due.end == date(2016, 3, 31)


def test_seed_smoking_plan_is_due_at_the_end_of_december_2014() -> None:
    # April 2014 figure (617), plan "when: Quarter 3": due 31 December 2014.
    ind = indicator(
        cumulative=True,
        unit="count",
        target={"2014/15": 1900, "2014-04": 993},
        measurements=[{"period": "2014-04", "value": 617}],
        action_plan={
            "period": "2014-04",
            "non_compliance_reason": "r",
            "what": "w",
            "how": "h",
            "who": "x",
            "when": "Quarter 3",
        },
    )
    due = assess(ind, SETTINGS, date(2014, 12, 31)).plan
    assert due is not None and due.coverage is Coverage.OK
    late = assess(ind, SETTINGS, date(2015, 1, 1)).plan
    assert late is not None and late.coverage is Coverage.OVERDUE


# A trajectory gap is not filled with a guess --------------------------------------------------


SMOKING_WITH_MAY: dict[str, Any] = {
    "cumulative": True,
    "unit": "count",
    "target": {"2014/15": 1900, "2014-04": 993},
    "measurements": [
        {"period": "2014-04", "value": 617},
        {"period": "2014-05", "value": 702},
    ],
}


def smoking_with_may(**target: Any) -> Indicator:
    return indicator(**{**SMOKING_WITH_MAY, "target": {**SMOKING_WITH_MAY["target"], **target}})


def test_a_month_without_its_trajectory_point_has_no_target() -> None:
    # Pro-rating the year would give 316.67 for May and call 702 GREEN.
    ind = smoking_with_may()
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.missing_trajectory
    assert reading.target is None and reading.computed is Status.NO_TARGET
    [gap] = trajectory_gaps(Path("smoking.yaml"), ind)
    assert gap.loc == ("measurements", 1, "period")
    assert "no trajectory target for 2014-05" in gap.message


def test_a_trajectory_point_for_the_month_closes_the_gap() -> None:
    ind = smoking_with_may(**{"2014-05": 1100})
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.target == Decimal(1100)
    assert reading.computed is Status.RED
    assert trajectory_gaps(Path("smoking.yaml"), ind) == []


def test_a_year_without_profile_points_is_still_pro_rated() -> None:
    ind = indicator(
        cumulative=True,
        unit="count",
        target={"2014/15": 1900},
        measurements=[{"period": "2014-05", "value": 320}],
    )
    reading = assess(ind, SETTINGS, LATER).reading
    assert reading is not None and reading.prorated
    assert reading.target is not None and round(reading.target, 2) == Decimal("316.67")


def test_a_trajectory_gap_is_a_problem_of_the_file_in_a_check(tmp_path: Path) -> None:
    result = check_data(tmp_path, {"smoking.yaml": SMOKING_WITH_MAY}, LATER, None)
    assert result.exit_code == 2
    assert [f.message.split(":")[0] for f in result.problems] == [
        "no trajectory target for 2014-05"
    ]


# Forecasts beside actuals ---------------------------------------------------------------------


def test_forecast_does_not_hide_travel_or_freshness_of_the_actuals() -> None:
    # A year-end projection (no `reported` date: known from the start of the year) beside the
    # monthly actuals; the actual for December 2014 is the newest figure known.
    ind = indicator(
        frequency="monthly",
        target=100,
        measurements=[
            {"period": "2013-12", "value": 80},
            {"period": "2014/15", "value": 90, "forecast": True},
            {"period": "2014-11", "value": 84},
            {"period": "2014-12", "value": 86},
        ],
    )
    result = assess(ind, SETTINGS, date(2015, 1, 15))
    assert result.reading is not None and result.reading.measurement.forecast
    assert result.status is Status.RED
    assert result.actual is not None and str(result.actual.measurement.period) == "2014-12"
    assert not result.stale
    assert result.short_term is Travel.IMPROVING and result.long_term is Travel.IMPROVING


def test_a_forecast_alone_is_still_judged_from_its_period_start() -> None:
    ind = indicator(target=100, measurements=[{"period": "2014/15", "value": 90, "forecast": True}])
    assert assess(ind, SETTINGS, date(2014, 4, 1)).status is Status.RED
    assert assess(ind, SETTINGS, date(2014, 3, 31)).status is Status.NO_DATA


# No silent zero tolerance ---------------------------------------------------------------------


def test_no_tolerance_anywhere_is_said_once(tmp_path: Path) -> None:
    bare = {"target": 10}
    files = {f"{n}.yaml": bare for n in range(3)}
    result = check_data(tmp_path / "none", files, LATER, None)
    [note] = result.notes
    assert "3 indicators" in note and "cannot be AMBER" in note
    assert check_data(tmp_path / "bracknell", files, LATER, BRACKNELL_TEXT).notes == []
    own = {"a.yaml": {"target": 10, "tolerance": "5%"}}
    assert check_data(tmp_path / "own", own, LATER, None).notes == []
    assert (
        check_data(tmp_path / "one", {"a.yaml": bare}, LATER, None)
        .notes[0]
        .startswith("no tolerance is set for 1 indicator with")
    )
