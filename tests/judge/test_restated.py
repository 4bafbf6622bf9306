"""What changed in a file since a committee: a restated figure is one the committee saw that is
different now; forecasts replaced, figures not yet known then and targets written another way
are not changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.domain.models import Indicator
from actionplan.judge.restated import revision

SINCE = date(2014, 7, 31)


def _indicator(**data: Any) -> Indicator:
    return Indicator.model_validate(
        {"id": "x", "title": "X", "direction": "higher", **data},
        context={"financial_year_start": 4},
    )


def test_a_figure_the_committee_saw_that_differs_now_is_restated() -> None:
    then = _indicator(measurements=[{"period": "2014-04", "value": 617}])
    now = _indicator(measurements=[{"period": "2014-04", "value": 652}])
    (r,) = revision(then, now, SINCE).restated
    assert (r.period, r.before.value, r.after.value if r.after else None) == ("2014-04", 617, 652)


def test_a_figure_taken_out_is_restated_as_gone() -> None:
    then = _indicator(measurements=[{"period": "2014-04", "value": 617}])
    (r,) = revision(then, _indicator(), SINCE).restated
    assert r.after is None


def test_a_forecast_replaced_by_its_outturn_is_not_restated() -> None:
    then = _indicator(measurements=[{"period": "2014/15", "value": 8000, "forecast": True}])
    now = _indicator(measurements=[{"period": "2014/15", "value": 7660}])
    assert not revision(then, now, SINCE)


def test_a_figure_not_yet_known_on_the_day_is_not_restated() -> None:
    then = _indicator(measurements=[{"period": "2014-07", "value": 600, "reported": "2014-08-20"}])
    now = _indicator(measurements=[{"period": "2014-07", "value": 610, "reported": "2014-08-20"}])
    assert not revision(then, now, SINCE).restated


def test_a_target_written_another_way_is_not_a_change() -> None:
    then = _indicator(target=993)
    now = _indicator(target="993")
    assert not revision(then, now, SINCE).changed


def test_tolerance_and_direction_changes_are_listed() -> None:
    then = _indicator(tolerance="5%", direction="higher")
    now = _indicator(tolerance="10%", direction="lower")
    assert [c.key for c in revision(then, now, SINCE).changed] == ["tolerance", "direction"]


def test_plan_sections_rewritten_are_named_in_the_files_order() -> None:
    plan = {"period": "2014-04", "what": "More referrals.", "when": "2014/15 Q3"}
    then = _indicator(action_plan=plan)
    now = _indicator(action_plan={**plan, "what": "Evening clinics.", "when": "2014/15 Q4"})
    assert revision(then, now, SINCE).plan_sections == ("what", "when")
