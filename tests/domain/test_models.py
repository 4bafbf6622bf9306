"""The plan-file models: one figure a period (an actual and a forecast may share one), and the
plan's template sections."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from actionplan.domain.models import PLAN_SECTIONS, ActionPlan
from support.indicators import indicator


def test_an_actual_and_a_forecast_may_share_a_period() -> None:
    ind = indicator(
        measurements=[
            {"period": "2014/15", "value": 10},
            {"period": "2014/15", "value": 12, "forecast": True},
        ]
    )
    assert len(ind.measurements) == 2


def test_a_period_given_two_actuals_is_refused() -> None:
    with pytest.raises(ValidationError, match="repeats the measurement for 2014-04"):
        indicator(
            measurements=[{"period": "2014-04", "value": 1}, {"period": "2014-04", "value": 2}]
        )


def test_a_period_given_two_forecasts_is_refused() -> None:
    with pytest.raises(ValidationError, match="repeats the forecast for 2014/15"):
        indicator(
            measurements=[
                {"period": "2014/15", "value": 1, "forecast": True},
                {"period": "2014/15", "value": 2, "forecast": True},
            ]
        )


def test_the_plan_sections_are_the_template_s_five() -> None:
    assert PLAN_SECTIONS == ("non_compliance_reason", "what", "how", "who", "when")


def test_a_section_of_blank_lines_is_empty() -> None:
    plan = ActionPlan.model_validate(
        {"non_compliance_reason": "x", "what": "\n  \n", "how": "x", "who": "x", "when": ""}
    )
    assert plan.empty_sections() == ["what", "when"]
