"""A filled plan is headed "Performance Action Plan" with its indicator's title, not as the
blank template it was drawn from; the template's guidance lines stay where the settings ask."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.judge.assessment import assess
from actionplan.output.documents.context import PlanDocument, context
from actionplan.output.documents.layout import plan_layout
from actionplan.output.documents.templates import Renderer

AS_OF = date(2014, 7, 31)
# Wirral Council, Performance Action Plan for smoking quitters (4 weeks), 2014/15: 617 quitters
# in April against a profile target of 993 (the bundled plans/public-health/smoking-quitters.yaml).
QUITTERS = {
    "title": "Smoking quitters (4 weeks)",
    "unit": "count",
    "direction": "higher",
    "target": {"2014-04": 993},
    "measurements": [{"period": "2014-04", "value": 617}],
    "action_plan": {"period": "2014-04", "what": "Increase in quit dates set"},
}


def plan_context(settings: Settings) -> dict[str, Any]:
    ind = Indicator.model_validate(QUITTERS, context={"default_id": "smoking-quitters"})
    return context(PlanDocument(Path("x.yaml"), assess(ind, settings, AS_OF)), settings, AS_OF)


def test_a_filled_plan_is_headed_performance_action_plan_with_its_title() -> None:
    values = plan_context(Settings())
    markdown = Renderer("md").render(values)
    page = Renderer("html").render(values)
    assert "# Performance Action Plan: Smoking quitters (4 weeks)" in markdown
    assert "<h1>Performance Action Plan: Smoking quitters (4 weeks)</h1>" in page
    layout = plan_layout(values)  # Word and PDF
    assert layout.heading == "Performance Action Plan: Smoking quitters (4 weeks)"
    for text in (markdown, page, layout.heading):
        assert "TEMPLATE" not in text
        assert "This template is to be completed" not in text
    assert layout.instruction == ()


def test_guidance_lines_stay_where_the_settings_ask_for_them() -> None:
    guidance = "Detail what the performance is for this measure"
    assert guidance not in Renderer("md").render(plan_context(Settings()))
    kept = plan_context(Settings(plan_guidance=True))
    assert guidance in Renderer("md").render(kept)
    assert guidance in Renderer("html").render(kept)
    assert any(s.guidance.startswith(guidance) for s in plan_layout(kept).sections)
