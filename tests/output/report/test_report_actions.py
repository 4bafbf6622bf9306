"""The report shows each plan's actions as a table in its exception, and counts the actions of
each folder by status in the order Bracknell Forest publishes them ("Green 7, Amber 4, Red 0,
Completed 3": Corporate performance on economic resilience, quarter 3 2024 to 2025,
https://www.bracknell-forest.gov.uk/council-and-democracy/strategies-plans-and-policies/
service-planning-and-performance/council-plan-overview-report/corporate-performance-our-
strategic-themes/corporate-performance-economic-resilience)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from actionplan.domain.models import Indicator, Settings
from actionplan.output.report.layout import report_layout
from actionplan.output.report.model import Report, build_report
from actionplan.output.report.parts import Table
from actionplan.output.report.variables import context
from actionplan.output.report.write import render_report

AS_OF = date(2024, 12, 31)
PUBLISHED = ["Green"] * 7 + ["Amber"] * 4 + ["Completed"] * 3


def look_out(actions: list[dict[str, Any]]) -> Indicator:
    data = {
        "title": "Visits to the Look Out Discovery Centre",
        "unit": "count",
        "direction": "higher",
        "target": 19625,
        "tolerance": {"green": "5%", "amber": "10%"},
        "measurements": [{"period": "2024/25 Q3", "value": 10966, "reported": "2024-12-31"}],
        "action_plan": {
            "period": "2024/25 Q3",
            "non_compliance_reason": "Fewer school visits.",
            "what": "More bookings.",
            "how": "Marketing to schools.",
            "who": "Centre manager",
            "when": "Quarter 4",
            "updated": "2024-04-01",
            "actions": actions,
        },
    }
    return Indicator.model_validate(data, context={"default_id": "look-out", "fy_start": 4})


def report() -> Report:
    actions = [{"action": f"Objective {n}", "due": "2025-03-31", "status": s}
               for n, s in enumerate(PUBLISHED, 1)]  # fmt: skip
    actions[0].update(progress="30%", note="Initial data analysis is complete.")
    path = Path("plans/place/look-out.yaml")
    return build_report([(path, look_out(actions))], Settings(), AS_OF, roots=[Path("plans")])


def variables() -> dict[str, Any]:
    return context(report())


def test_report_counts_actions_by_status_per_folder_as_published() -> None:
    (folder,) = variables()["folders"]
    assert [(c["status"], c["count"]) for c in folder["actions"]] == [
        ("Green", 7),
        ("Amber", 4),
        ("Red", 0),
        ("Completed", 3),
    ]


def test_report_shows_each_plans_actions_as_a_table_in_its_exception() -> None:
    page = render_report(report(), "html")
    assert "<caption>Actions by status, by area</caption>" in page
    assert "<caption>Actions: Visits to the Look Out Discovery Centre</caption>" in page
    assert "Initial data analysis is complete." in page
    markdown = render_report(report(), "md")
    assert "| Place | 7 | 4 | 0 | 3 | 14 |" in markdown
    assert "| 1 | Objective 1 |  | 31 March 2025 | 30% |  | **Green**:" in markdown


def test_word_and_pdf_parts_hold_the_action_tables() -> None:
    tables = [p for p in report_layout(variables()).parts if isinstance(p, Table)]
    captions = [t.caption for t in tables]
    assert "Actions by status, by area" in captions
    actions = next(t for t in tables if t.caption.startswith("Actions: "))
    assert len(actions.rows) == 14
    assert actions.rows[0].note.startswith("as published; the figures give AMBER")
