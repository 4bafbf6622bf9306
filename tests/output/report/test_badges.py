"""The scorecard's status badges and figures on paper: a badge is one short line (`AMBER*`), what
its star stands for is said in the row's evidence, and no column is so narrow that Word or Typst
breaks a figure or a badge inside it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from actionplan.output.documents.markdown_blocks import Run
from actionplan.output.report.column_widths import PAGE_PT, fitted_widths, word_width
from actionplan.output.report.parts import Row, Table
from support.pdf import poppler
from support.report_files import write_report

# Bracknell Forest 1.1.6.KR, young people in youth service activities, Q3 2024/25 (quarterly
# performance update published 26 March 2025, bracknell-forest.gov.uk/councilperformance): 222
# against 258 was published Amber; 14% short, where Bracknell's bands (green within 5%, amber
# within 10%) give RED.
YOUTH = """\
title: Young people in youth service activities
unit: count
frequency: quarterly
direction: higher
target: 258
measurements:
  - period: 2024/25 Q3
    value: 222
    status: Amber
    reported: 2025-03-26
"""
# Maidstone Borough Council, Heritage, Culture and Leisure Committee, 29 January 2019, item 128
# "2018/19 Key Performance Indicators Update Quarter 3": 184,401 people used the Leisure Centre
# against a target of 186,079.
LEISURE = """\
title: Users of the Leisure Centre
unit: count
frequency: quarterly
direction: higher
target: 186079
measurements:
  - period: 2018/19 Q3
    value: 184401
"""
SETTINGS = "organisation: Test Council\ntolerance: {green: 5%, amber: 10%}\n"


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    (folder / "actionplan.yaml").write_text(SETTINGS, encoding="utf-8")
    (folder / "youth.yaml").write_text(YOUTH, encoding="utf-8")
    (folder / "leisure.yaml").write_text(LEISURE, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_published_status_the_figures_do_not_give_is_a_starred_badge_in_the_pdf(
    plans: Path, tmp_path: Path
) -> None:
    written = write_report(plans, "pdf", tmp_path, "--as-of", "2025-03-31")
    lines = poppler("pdftotext", "-layout", written.path, "-").splitlines()
    badge_lines = [line for line in lines if "AMBER*" in line]
    assert badge_lines, "no AMBER* badge"
    text = " ".join(" ".join(lines).split())
    assert "*AMBER (as published; the figures give RED)." in text
    assert "184,401" in text
    assert "186,079" in text
    assert not any(line.strip() in ("(as", "published;", "RED)") for line in lines)


@pytest.mark.slow
def test_a_published_status_the_figures_do_not_give_is_a_starred_badge_in_word(
    plans: Path, tmp_path: Path
) -> None:
    written = write_report(plans, "docx", tmp_path, "--as-of", "2025-03-31")
    document = docx.Document(str(written.path))
    scorecard = next(t for t in document.tables if t.cell(0, 0).text == "Indicator"
                     and t.cell(0, 4).text == "Status")  # fmt: skip
    cells = {c.text for row in scorecard.rows for c in row.cells}
    assert "AMBER*" in cells
    assert any(c.startswith("*AMBER (as published; the figures give RED).") for c in cells)


def _scorecard(value: str, target: str, status: str) -> Table:
    header = tuple((Run(h, bold=True),) for h in ("Indicator", "Value", "Target", "Status"))
    cells = ((Run("Users of the Leisure Centre"),), (Run(value),), (Run(target),),
             (Run(status, bold=True, status="amber"),))  # fmt: skip
    return Table("Scorecard", header, (Row(cells),), (0.64, 0.12, 0.12, 0.12), small=True)


def test_a_column_too_narrow_for_its_figure_is_widened_from_the_widest() -> None:
    table = _scorecard("184,401", "£186,079,000", "NO TARGET")
    widths = fitted_widths(table)
    assert sum(widths) == pytest.approx(1)
    for column, text in ((2, "£186,079,000"), (3, "NO TARGET")):
        assert widths[column] * PAGE_PT > word_width(text, 8, bold=column == 3)
    assert widths[0] < 0.64  # the room came from the indicator's column


def test_columns_wide_enough_already_are_kept() -> None:
    table = _scorecard("222", "258", "RED")
    assert fitted_widths(table) == table.widths
