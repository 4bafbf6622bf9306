"""A PDF takes a plan's text up to a stated size: Typst holds every page in memory while it
typesets, so a plan of 1 MB of text took 1.2 GB. A plan over 100,000 characters, or over 5,000
paragraphs, list items, table cells and styled runs, is refused for PDF, by `render` and by
`report`, naming the file, the count and the formats that take it whole (Word and HTML); the
limits are raised by environment variables, as the file limits are."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.output.documents.markdown_blocks import markdown_blocks
from actionplan.output.pdf.bounds import PDF_CHARACTERS, PDF_PIECES, text_size

pytestmark = pytest.mark.slow

HEAD = "title: Long\nunit: count\ndirection: higher\ntarget: 100\nfrequency: monthly\n"
AS_OF = ["--as-of", "2014-06-30"]


def plan(what: str) -> str:
    body = "".join(f"    {line}\n" for line in what.splitlines())
    return (
        HEAD + "measurements:\n  - period: 2014-06\n    value: 5\n"
        "action_plan:\n  period: 2014-06\n  what: |\n" + body + "  who: Someone\n"
    )


LONG = plan("A sentence of the plan, in words of some length.\n\n" * 2_500)  # 120,000 characters
MANY = plan("- a\n" * 2_000)  # 6,001 pieces in 8 KB


def run(folder: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, text: str) -> object:
    (folder / "plans").mkdir()
    (folder / "plans" / "long.yaml").write_text(text)
    monkeypatch.chdir(folder)
    return CliRunner().invoke(app, [*args, "--no-cache", "--out", "out", *AS_OF])


def test_the_pieces_of_a_plans_text_are_counted() -> None:
    size = text_size(markdown_blocks("Some *words*\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |"))
    # A paragraph and its 2 runs; a list, its 2 items, their paragraphs and runs; a table, its
    # 4 cells and their runs.
    assert size.pieces == 3 + 7 + 9
    assert size.characters == len("Some words") + 2 + 4


@pytest.mark.parametrize("command", ["render", "report"])
@pytest.mark.parametrize(
    ("text", "found"),
    [(LONG, r"120,[0-3]\d\d characters, over the 100,000"),
     (MANY, r"6,0\d\d paragraphs, list items, table cells and styled runs, over the 5,000")],
    ids=["long text", "many pieces"],
)  # fmt: skip
def test_a_plan_over_the_text_a_pdf_takes_is_refused_naming_word_and_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, text: str, found: str
) -> None:
    result = run(tmp_path, [command, "-f", "pdf"], monkeypatch, text)
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    said = " ".join(result.output.split())  # type: ignore[attr-defined]
    assert re.search(f"plans/long.yaml: the plan's text is {found} a PDF takes", said), said
    assert f"actionplan {command} -f docx" in said and "-f html" in said
    assert "Traceback" not in said
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_the_same_plan_is_made_whole_as_word_or_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    result = run(tmp_path, ["render", "-f", fmt], monkeypatch, LONG)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    made = tmp_path / "out" / f"long.{fmt}"
    if fmt == "docx":
        cells = docx.Document(str(made)).tables
        text = "\n".join(c.text for t in cells for row in t.rows for c in row.cells)
    else:
        text = made.read_text()
    assert text.count("A sentence of the plan") == 2_500


def test_a_raised_limit_lets_the_plan_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"ACTIONPLAN_{PDF_CHARACTERS.name}", "200000")
    monkeypatch.setenv(f"ACTIONPLAN_{PDF_PIECES.name}", "10000")
    result = run(tmp_path, ["render", "-f", "pdf"], monkeypatch, LONG)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert (tmp_path / "out" / "long.pdf").read_bytes().startswith(b"%PDF")
