"""What a lead owes by the committee's day: the figures for periods that will be due by then
(learnt reporting delay, else one interval), and the plan a RED measure needs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.periods import parse_period
from actionplan.domain.steps import next_period
from actionplan.judge.assessment import assess
from actionplan.judge.due import figures_owed, owed, plan_owed, reporting_lag

SETTINGS = Settings()


def _indicator(**data: Any) -> Indicator:
    return Indicator.model_validate(
        {"id": "x", "title": "X", "direction": "higher", **data},
        context={"financial_year_start": 4},
    )


@pytest.mark.parametrize(
    ("period", "after"),
    [
        ("2014/15 Q4", "2015/16 Q1"),
        ("2014/15 Q2", "2014/15 Q3"),
        ("2014-Q4", "2015-Q1"),
        ("2014-12", "2015-01"),
        ("2014/15", "2015/16"),
        ("2014", "2015"),
    ],
)
def test_next_period_is_one_step_on_in_the_same_form(period: str, after: str) -> None:
    assert str(next_period(parse_period(period))) == after


def test_next_period_of_a_range_is_none() -> None:
    assert next_period(parse_period("2013-01..2013-12")) is None


# Quarterly figures reported about six weeks after each quarter ends.
QUARTERLY = {
    "frequency": "quarterly",
    "target": 50,
    "measurements": [
        {"period": "2014/15 Q1", "value": 40, "reported": "2014-08-14"},
        {"period": "2014/15 Q2", "value": 45, "reported": "2014-11-13"},
    ],
}


def test_the_reporting_delay_is_learnt_from_reported_dates() -> None:
    lag = reporting_lag(_indicator(**QUARTERLY))
    # 45 days after 30 June and 44 after 30 September: the median, 44.5, in whole days
    assert lag is not None and lag.days == 44


def test_a_quarter_not_yet_recorded_is_owed_once_its_usual_delay_has_passed() -> None:
    indicator = _indicator(**QUARTERLY)
    # Q3 ends 31 December: due 13 February with the learnt delay, so owed by a March committee.
    item = figures_owed(indicator, SETTINGS, date(2015, 2, 20), date(2015, 3, 10))
    assert item is not None
    assert item.due == date(2015, 2, 13)
    assert "2014/15 Q3" in item.text and "Q4" not in item.text


def test_a_quarter_whose_delay_has_not_passed_by_the_committee_is_not_owed() -> None:
    indicator = _indicator(**QUARTERLY)
    assert figures_owed(indicator, SETTINGS, date(2015, 1, 5), date(2015, 2, 10)) is None


def test_without_reported_dates_a_figure_is_owed_one_interval_after_its_period() -> None:
    indicator = _indicator(
        frequency="monthly", measurements=[{"period": "2014-04", "value": 617}], target=993
    )
    item = figures_owed(indicator, SETTINGS, date(2014, 7, 31), date(2014, 7, 31))
    assert item is not None
    # May ends 31 May and is owed from 30 June; June from 31 July.
    assert "2014-05, 2014-06" in item.text and item.due == date(2014, 6, 30)


def test_many_periods_owed_are_given_as_a_range_and_a_count() -> None:
    indicator = _indicator(frequency="monthly", measurements=[{"period": "2014-04", "value": 1}])
    item = figures_owed(indicator, SETTINGS, date(2015, 4, 30), date(2015, 4, 30))
    assert item is not None and "2014-05 to 2015-03 (11 months)" in item.text


def test_an_indicator_without_a_frequency_is_owed_no_figures() -> None:
    indicator = _indicator(measurements=[{"period": "2014-04", "value": 1}])
    assert figures_owed(indicator, SETTINGS, date(2020, 1, 1), date(2020, 1, 1)) is None


def test_a_red_measure_without_a_plan_is_owed_a_plan() -> None:
    indicator = _indicator(target=993, measurements=[{"period": "2014-04", "value": 617}])
    item = plan_owed(assess(indicator, SETTINGS, date(2014, 7, 31)), date(2014, 9, 1))
    assert item is not None and "MISSING" in item.text


def test_results_a_plan_promised_before_the_committee_are_owed() -> None:
    plan = {
        "period": "2014-04",
        "non_compliance_reason": "Fewer referrals.",
        "what": "More clinics.",
        "how": "Evening sessions.",
        "who": "Public Health",
        "when": "2014-09",
    }
    indicator = _indicator(
        target=993, measurements=[{"period": "2014-04", "value": 617}], action_plan=plan
    )
    assessment = assess(indicator, SETTINGS, date(2014, 7, 31))
    assert plan_owed(assessment, date(2014, 8, 31)) is None
    item = plan_owed(assessment, date(2014, 10, 15))
    assert item is not None and item.due == date(2014, 9, 30) and "report on them" in item.text


def test_a_green_measure_up_to_date_owes_nothing() -> None:
    indicator = _indicator(
        frequency="quarterly",
        target=50,
        measurements=[{"period": "2014/15 Q1", "value": 60, "reported": "2014-08-14"}],
    )
    as_of = date(2014, 9, 1)
    assert owed(indicator, assess(indicator, SETTINGS, as_of), SETTINGS, as_of, as_of) == []


def test_one_figure_owed_is_spoken_of_in_the_singular() -> None:
    indicator = _indicator(**QUARTERLY)
    item = figures_owed(indicator, SETTINGS, date(2015, 2, 20), date(2015, 3, 10))
    assert item is not None
    assert item.text.startswith("the figure for 2014/15 Q3 was due 2015-02-13"), item.text
    assert "the first" not in item.text


def test_a_red_measure_whose_plan_shows_worsening_owes_what_will_change() -> None:
    """ONS weekly deaths 2010 (tests/support/published_series.py), lower is better, against
    9,000 a week: a plan written at the end of week 33, and the autumn's rise after it is a
    shift against the limits frozen before it (as tests/judge/test_impact.py reads it)."""
    from actionplan.judge.impact import plan_impact
    from actionplan.judge.trend import series
    from support.published_series import ONS_DEATHS_2010, ONS_WEEKS

    week = ONS_WEEKS[32]
    plan = {"period": week, "updated": week, "when": "2010-09-30",
            "non_compliance_reason": "Winter.", "what": "Flu vaccination.", "how": "Clinics.",
            "who": "Public health"}  # fmt: skip
    weeks = zip(ONS_WEEKS[21:48], ONS_DEATHS_2010[21:48], strict=True)
    measurements = [{"period": p, "value": v} for p, v in weeks]
    indicator = _indicator(direction="lower", unit="count", target=9000,
                           measurements=measurements, action_plan=plan)  # fmt: skip
    as_of = date(2011, 1, 1)
    impact = plan_impact(indicator, SETTINGS, as_of, series(indicator, SETTINGS, as_of))
    assessment = assess(indicator, SETTINGS, as_of)
    items = owed(indicator, assessment, SETTINGS, as_of, as_of, impact)
    (word,) = [item for item in items if "show" in item.text]
    assert word.kind == "plan"
    assert "show worsening" in word.text and "say what will change" in word.text


def test_actions_overdue_due_or_behind_fall_to_their_owners() -> None:
    """Actions shaped as Bracknell Forest publishes them each quarter (action, owner, due,
    progress): one overdue, one due before the committee, one behind schedule, one complete,
    one on schedule and due later."""
    plan = {
        "period": "2014-04", "updated": "2014-04-01", "when": "2015-03",
        "non_compliance_reason": "Fewer referrals.", "what": "More clinics.", "how": "GP work.",
        "who": "Public Health",
        "actions": [
            _action("Visit GP practices", "Rebecca Mellor", "2014-06-30", "40%"),
            _action("Evening clinics", "Sam Lee", "2014-08-31", "90%"),
            _action("Pharmacy scheme", "Sam Lee", "2015-03-31", "5%"),
            _action("Leaflets", "Rebecca Mellor", "2014-05-31", "100%"),
            _action("Review", "Ann Jones", "2015-03-31", "30%"),
        ],
    }  # fmt: skip
    indicator = _indicator(target=993, measurements=[{"period": "2014-04", "value": 617}],
                           action_plan=plan)  # fmt: skip
    as_of, by = date(2014, 7, 31), date(2014, 9, 10)
    items = [i for i in owed(indicator, assess(indicator, SETTINGS, as_of), SETTINGS, as_of, by)
             if i.kind == "action"]  # fmt: skip
    assert [(i.owner, i.text.split(":")[0]) for i in items] == [
        ("Rebecca Mellor", "action 1, 'Visit GP practices', is overdue"),
        ("Sam Lee", "action 2, 'Evening clinics', is due by 2014-08-31"),
        ("Sam Lee", "action 3, 'Pharmacy scheme', is behind schedule"),
    ]


def _action(action: str, owner: str, due: str, progress: str) -> dict[str, str]:
    return {"action": action, "owner": owner, "due": due, "progress": progress}
