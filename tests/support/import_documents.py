"""Shared by the import tests: the seeds' template documents built as Word files with
python-docx, and the words of a document compared with those of a rendered plan."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from docx import Document

from actionplan.legacy.html import BULLETS


def seed_rows(seed: Path) -> list[tuple[str, str]]:
    """The seed's lines as (label, value) table rows; a heading is one cell (label only)."""
    rows = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label, _, value = line.partition("\t")
            rows.append((label, value))
    return rows


def add_rows(table: Any, rows: list[tuple[str, str]], fill: Any) -> None:
    for label, value in rows:
        row = table.add_row()
        if not value and label:  # a heading: one cell across the table, as Word lays it out
            merged = row.cells[0].merge(row.cells[1])
            merged.text = label
            continue
        row.cells[0].text = label
        fill(row.cells[1], value)


def write_html_as_text(cell: Any, value: str) -> None:
    """The value pasted into the cell as it was stored: HTML as text."""
    cell.text = value


def write_html_as_word(cell: Any, value: str) -> None:
    """The value as Word holds rich text: paragraphs, bullet-list paragraphs, italic runs."""
    for number, (style, runs) in enumerate(word_blocks(value)):
        paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
        if style == "li":
            paragraph.style = "List Bullet"
        for text, italic in runs:
            paragraph.add_run(text).italic = italic


def word_blocks(value: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    """("p" or "li", [(text, italic)]) for each paragraph or list item of a seed value."""
    blocks: list[tuple[str, list[tuple[str, bool]]]] = []
    current = None
    for node in BeautifulSoup(value, "html.parser").find_all(string=True):
        italic = node.find_parent("i") is not None
        paragraph = node.find_parent("p")
        if paragraph is not None:
            if paragraph is not current:
                blocks.append(("p", []))
                current = paragraph
            blocks[-1][1].append((str(node), italic))
            continue
        current = None
        head, *items = str(node).split("\u2022")
        if head.strip():
            blocks.append(("p", [(head.strip(), italic)]))
        blocks.extend(("li", [(item.strip(), italic)]) for item in items if item.strip())
    return blocks


def build_docx(seed: Path, target: Path, fill: Any) -> Path:
    document = Document()
    document.add_paragraph("PERFORMANCE ACTION PLAN TEMPLATE")
    table = document.add_table(rows=0, cols=2)
    add_rows(table, seed_rows(seed), fill)
    document.save(str(target))
    return target


def words(text: str) -> list[str]:
    """The words of a text, bullets left out; a figure with thousands separators (1,900, as
    the papers write it) is the same figure as 1900."""
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    return [w for w in text.split() if w not in BULLETS]


def source_words(value: str) -> list[str]:
    return words(BeautifulSoup(value, "html.parser").get_text(" "))


def rendered_words(plan: str | Path) -> str:
    """The words a reader sees in the plan rendered as HTML (`actionplan render`)."""
    from typer.testing import CliRunner

    from actionplan.cli import app

    result = CliRunner().invoke(app, ["render", str(plan), "--format", "html", "--no-cache"])
    assert result.exit_code == 0, result.output
    page = BeautifulSoup(result.stdout, "html.parser")
    for hidden in page(["style", "script"]):
        hidden.decompose()
    return " ".join(words(page.get_text(" ")))


def build_plan_with_actions(
    target: Path, title: str, header: list[str], rows: list[list[str]]
) -> Path:
    """A template document whose action updates follow it as a table of their own: a header
    row, then a row per action (a row of one string is a heading across the table)."""
    document = Document()
    template = document.add_table(rows=0, cols=2)
    add_rows(
        template,
        [("Indicator Title", title), ("Performance this Period", "41% (2023/24 Q3)")],
        write_html_as_text,
    )
    actions = document.add_table(rows=1, cols=len(header))
    for cell, word in zip(actions.rows[0].cells, header, strict=True):
        cell.text = word
    for values in rows:
        cells = actions.add_row().cells
        if len(values) == 1:
            merged = cells[0].merge(cells[-1])
            merged.text = values[0]
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    document.save(str(target))
    return target


# Bracknell Forest Council, "Corporate performance on caring for you and your family",
# quarter 3 2023 to 2024 (https://www.bracknell-forest.gov.uk/node/1925), objective details:
# each objective with its directorate, section, stage, due date, percentage complete, status
# and a comment. The comments are cut to their opening words.
BRACKNELL_HEADER = [
    "Ref",
    "Objective",
    "Directorate",
    "Section",
    "Stage",
    "Due date",
    "Percentage complete",
    "Status",
    "Comments",
]
BRACKNELL_ROWS = [
    [
        "4.01.01",
        "Increase participation in sports, leisure and cultural activities",
        "Delivery",
        "Executive Director: Delivery",
        "In progress",
        "31 March 2024",
        "80%",
        "Green",
        "Performance remains within the agreed client requirements.",
    ],
    [
        "4.01.02",
        "Implement and monitor key actions from the Health and Wellbeing Strategy",
        "Place, Planning and Regeneration",
        "Public Health",
        "In progress",
        "31 March 2024",
        "98%",
        "Green",
        "An oversight group with membership from all delivery partners is now in place.",
    ],
    [
        "4.01.04",
        "Deliver the financial hardship action plan",
        "Chief Executive's Office",
        "Policy and Performance Management",
        "In progress",
        "31 March 2024",
        "90%",
        "Green",
        "The Financial Hardship Action Plan was reviewed and updated ahead of winter 2023.",
    ],
]
