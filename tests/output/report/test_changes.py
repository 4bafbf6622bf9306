"""The report's "Changes since" section says what changed as the committee sees it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.domain.models import Indicator, Settings
from actionplan.output.report.model import build_report
from actionplan.output.report.variables import context

# Bracknell Forest's bands (bracknell-forest.gov.uk/councilperformance, quarterly updates
# 2024/25): green within 5% of target, amber within 10%, red beyond.
BRACKNELL = Settings.model_validate({"tolerance": {"green": "5%", "amber": "10%"}})


def changes(measurements: list[dict[str, object]]) -> list[dict[str, str]]:
    indicator = Indicator.model_validate(
        {
            "id": "youth",
            "title": "Young people in youth service activities",
            "unit": "count",
            "frequency": "quarterly",
            "direction": "higher",
            "target": 258,
            "measurements": measurements,
        }
    )
    report = build_report(
        [(Path("youth.yaml"), indicator)],
        BRACKNELL,
        date(2025, 3, 31),
        since=date(2024, 12, 31),
    )
    found = context(report)["changes"]
    assert found is not None
    return list(found["statuses"])


def test_a_published_amber_the_figures_still_give_red_is_not_resolved() -> None:
    # Bracknell 1.1.6.KR, young people in youth service activities, Q3 2024/25 (published
    # 26 March 2025): 222 against 258 was published Amber; 14% short, the bands give RED.
    # The quarter before is RED on the figures and as published.
    statuses = changes(
        [
            {"period": "2024/25 Q2", "value": 200, "reported": "2024-11-15"},
            {"period": "2024/25 Q3", "value": 222, "status": "Amber", "reported": "2025-03-26"},
        ]
    )
    assert [(s["kind"], s["before"], s["after"]) for s in statuses] == [
        ("AMBER as published; the figures still give RED", "RED", "AMBER")
    ]
    assert "resolved" not in statuses[0]["kind"]


def test_a_red_the_figures_no_longer_give_is_resolved() -> None:
    statuses = changes(
        [
            {"period": "2024/25 Q2", "value": 200, "reported": "2024-11-15"},
            {"period": "2024/25 Q3", "value": 250, "reported": "2025-03-26"},
        ]
    )
    assert [(s["kind"], s["before"], s["after"]) for s in statuses] == [
        ("RED resolved", "RED", "GREEN")
    ]
