"""Documents rendered straight from an indicator, without files: for tests of what the Word and
PDF writers make of unusual plan text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.judge.assessment import assess
from actionplan.output.documents.context import PlanDocument, context
from actionplan.output.documents.formats import document_writer

AS_OF = date(2014, 7, 31)


def indicator(**plan: Any) -> Indicator:
    """A RED measure with a plan; `plan` sets its sections."""
    sections = {
        "non_compliance_reason": "Reason.",
        "what": "What.",
        "how": "How.",
        "who": "Who.",
        "when": "Quarter 3",
    }
    return Indicator.model_validate(
        {
            "title": "Fly-tipping cleared in 5 days",
            "strategic_director_lead": "Director of Environment",
            "departmental_lead": "Head of Waste",
            "unit": "percent",
            "direction": "higher",
            "target": 95,
            "measurements": [{"period": "2014-06", "value": 81.4}],
            "action_plan": {"period": "2014-06", **sections, **plan},
        },
        context={"default_id": "fly-tipping"},
    )


def render(ind: Indicator, fmt: str, templates: Path | None = None, **settings: Any) -> bytes:
    workspace = Settings(**settings)
    document = PlanDocument(Path("plans/fly-tipping.yaml"), assess(ind, workspace, AS_OF))
    content = document_writer(fmt, templates)(context(document, workspace, AS_OF))
    assert isinstance(content, bytes)
    return content
