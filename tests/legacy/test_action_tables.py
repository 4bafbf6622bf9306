"""Action tables in legacy documents read as a plan's `actions`: the columns councils publish,
each value as written, in the document's order; what cannot be placed kept and listed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document

from actionplan.legacy.action_table import column_of
from actionplan.legacy.draft import Draft, Facts, build_draft
from actionplan.legacy.reader import read_document
from support.import_documents import (
    BRACKNELL_HEADER,
    BRACKNELL_ROWS,
    build_plan_with_actions,
)


def imported(path: Path) -> Draft:
    return build_draft(read_document(path), Facts())


def actions_of(draft: Draft) -> list[dict[str, Any]]:
    return list(draft.data["action_plan"]["actions"])


def notes_on_actions(draft: Draft) -> list[str]:
    return [note.text for note in draft.notes if note.topic == "actions"]


def test_a_councils_published_action_table_becomes_the_plans_actions(tmp_path: Path) -> None:
    """Bracknell Forest's quarterly objective details, as a table under the template."""
    path = build_plan_with_actions(
        tmp_path / "sport.docx", "Participation in sport", BRACKNELL_HEADER, BRACKNELL_ROWS
    )

    draft = imported(path)

    actions = actions_of(draft)
    assert [a["action"] for a in actions] == [
        "4.01.01 Increase participation in sports, leisure and cultural activities",
        "4.01.02 Implement and monitor key actions from the Health and Wellbeing Strategy",
        "4.01.04 Deliver the financial hardship action plan",
    ]
    first = actions[0]
    assert first["due"] == "2024-03-31"
    assert first["progress"] == "80%"
    assert first["stage"] == "In progress"
    assert first["status"] == "Green"
    assert first["note"] == (
        "Performance remains within the agreed client requirements.\n\n"
        "Directorate: Delivery\nSection: Executive Director: Delivery"
    )
    assert [a["progress"] for a in actions] == ["80%", "98%", "90%"]


def test_columns_that_are_not_an_actions_keys_are_named_in_the_notes(tmp_path: Path) -> None:
    path = build_plan_with_actions(
        tmp_path / "sport.docx", "Participation in sport", BRACKNELL_HEADER, BRACKNELL_ROWS
    )

    notes = notes_on_actions(imported(path))

    assert len(notes) == 1
    assert "table 2 row 1: the action table's columns 'Directorate', 'Section' are not" in notes[0]


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("No.", "number"),
        ("ACTION", "action"),
        ("Action description:", "action"),
        ("Lead Officer", "owner"),
        ("responsible", "owner"),
        ("Deadline", "due"),
        ("Target date", "due"),
        ("By when?", "due"),
        ("% Complete", "progress"),
        ("Progress (%)", "progress"),
        ("R.A.G.", "status"),
        ("RAG status", "status"),
        ("Update", "note"),
        ("Comments / notes", None),
        ("Directorate", None),
    ],
)
def test_header_words_match_whatever_their_case_and_punctuation(header: str, key: str) -> None:
    assert column_of(header) == key


def test_a_table_with_other_header_words_reads_the_same(tmp_path: Path) -> None:
    path = build_plan_with_actions(
        tmp_path / "gp.docx",
        "Smoking quitters (4 weeks)",
        ["NO.", "Action:", "Lead", "By when?", "Progress", "R.A.G.", "Update"],
        [
            ["1", "Targeted work with GP practices", "Rebecca Mellor", "2014/15 Q3", "30", "A", ""],
            ["2", "Pilot a cut down to quit offer", "Julie Webster", "Q4 2014/15", "0%", "", "x"],
        ],
    )

    actions = actions_of(imported(path))

    assert actions == [
        {
            "action": "Targeted work with GP practices",
            "owner": "Rebecca Mellor",
            "due": "2014/15 Q3",
            "progress": "30%",
            "status": "A",
        },
        {
            "action": "Pilot a cut down to quit offer",
            "owner": "Julie Webster",
            "due": "2014/15 Q4",
            "progress": "0%",
            "note": "x",
        },
    ]


def test_a_blank_row_is_passed_over_and_a_row_without_an_action_carries_the_one_above_on(
    tmp_path: Path,
) -> None:
    path = build_plan_with_actions(
        tmp_path / "gp.docx",
        "Smoking quitters (4 weeks)",
        ["Action", "Owner", "Comments"],
        [
            ["Targeted work with GP practices", "Rebecca Mellor", "Two of five visited."],
            ["", "", ""],
            ["", "", "Three more booked."],
            ["Pharmacy campaign"],
            ["Pharmacy stop smoking offer", "Julie Webster", ""],
        ],
    )

    draft = imported(path)

    actions = actions_of(draft)
    assert [a["action"] for a in actions] == [
        "Targeted work with GP practices",
        "Pharmacy stop smoking offer",
    ]
    assert actions[0]["note"] == "Two of five visited.\n\nThree more booked."
    assert notes_on_actions(draft) == [
        "table 2 row 1: a heading inside the action table: 'Pharmacy campaign'"
    ]


def test_an_action_cell_merged_down_is_one_action(tmp_path: Path) -> None:
    document = Document()
    template = document.add_table(rows=1, cols=2)
    template.rows[0].cells[0].text = "Indicator Title"
    template.rows[0].cells[1].text = "Smoking quitters (4 weeks)"
    table = document.add_table(rows=3, cols=3)
    for cell, word in zip(table.rows[0].cells, ["Action", "Owner", "Update"], strict=True):
        cell.text = word
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Targeted work with GP practices"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "Rebecca Mellor"
    table.cell(1, 2).text = "Two of five visited."
    table.cell(2, 2).text = "Three more booked."
    document.save(str(tmp_path / "merged.docx"))

    actions = actions_of(imported(tmp_path / "merged.docx"))

    assert actions == [
        {
            "action": "Targeted work with GP practices",
            "owner": "Rebecca Mellor",
            "note": "Two of five visited.\n\nThree more booked.",
        }
    ]


def test_a_value_that_cannot_be_placed_is_kept_in_the_note_for_a_person(tmp_path: Path) -> None:
    path = build_plan_with_actions(
        tmp_path / "gp.docx",
        "Smoking quitters (4 weeks)",
        ["Action", "Due", "% complete", "Status"],
        [["Targeted work with GP practices", "Ongoing", "on track", "Blue"]],
    )

    draft = imported(path)

    assert actions_of(draft) == [
        {
            "action": "Targeted work with GP practices",
            "note": "Due: Ongoing\n% complete: on track\nStatus: Blue",
        }
    ]
    notes = notes_on_actions(draft)
    assert notes[0].startswith("action 1 ('Targeted work with GP practices'): its due date")
    assert [note.rsplit(" ", 1)[-1] for note in notes] == ["`due`", "`progress`", "`status`"]


def test_a_month_or_quarter_without_its_year_is_not_guessed(tmp_path: Path) -> None:
    path = build_plan_with_actions(
        tmp_path / "gp.docx",
        "Smoking quitters (4 weeks)",
        ["Action", "Deadline"],
        [["Visit practices", "March"], ["Review", "Q3"], ["Report", "31/03/2015"]],
    )

    actions = actions_of(imported(path))

    assert [a.get("due") for a in actions] == [None, None, "2015-03-31"]
    assert actions[0]["note"] == "Deadline: March"


def test_a_table_with_no_action_column_is_not_guessed(tmp_path: Path) -> None:
    path = build_plan_with_actions(
        tmp_path / "gp.docx",
        "Smoking quitters (4 weeks)",
        ["Owner", "Due date", "Status"],
        [["Rebecca Mellor", "31 March 2015", "Green"]],
    )

    draft = imported(path)

    assert "actions" not in draft.data["action_plan"]
    assert notes_on_actions(draft) == [
        "table 2 row 1: a table headed 'Owner', 'Due date', 'Status' has no action column (such "
        "as 'Action' or 'Description'), so its rows were not read as actions and were not "
        "imported"
    ]


def test_a_text_export_holds_its_action_table_as_tabbed_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Indicator Title\tSmoking quitters (4 weeks)\n"
        "No.\tAction\tOwner\tDue\t% complete\tStatus\n"
        "1\tTargeted work with <i>GP</i> practices\tRebecca Mellor\t2014/15 Q3\t30%\tAmber\n"
        "Who (will be responsible)\tRebecca Mellor\n",
        encoding="utf-8",
    )

    draft = imported(path)

    assert actions_of(draft) == [
        {
            "action": "Targeted work with GP practices",
            "owner": "Rebecca Mellor",
            "due": "2014/15 Q3",
            "progress": "30%",
            "status": "Amber",
        }
    ]
    assert draft.data["action_plan"]["who"] == "Rebecca Mellor"


def test_a_template_without_an_action_table_has_no_actions(tmp_path: Path) -> None:
    from support.paths import LEGACY

    draft = imported(LEGACY / "smoking-quitters.txt")

    assert "actions" not in draft.data["action_plan"]
    assert notes_on_actions(draft) == []


def test_the_import_page_lists_every_header_word_known() -> None:
    from actionplan.legacy.action_table import COLUMNS
    from support.paths import ROOT

    page = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    for key, words in COLUMNS.items():
        name = "(reference)" if key == "number" else f"`{key}`"
        assert f"| {name} | {', '.join(words)} |" in page, key
