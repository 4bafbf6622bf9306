"""`actionplan report --format docx|pdf` on the command line: the file written with --out (and
left alone when unchanged: the same tree gives the same bytes), sent to stdout only when stdout
is not a terminal or `--out -` says so, the starter templates copied by --init-templates, and
hostile text shown as text."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.paths import ROOT
from support.pdf import poppler
from support.report_files import BUNDLED_AS_OF, bundled
from support.word import body_text

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

MAGIC = {"docx": b"PK\x03\x04", "pdf": b"%PDF-"}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "actionplan", "report", str(ROOT / "plans"), *args,
            "--as-of", BUNDLED_AS_OF, "--no-cache"]  # fmt: skip


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_out_writes_the_report_and_leaves_it_alone_when_unchanged(fmt: str, tmp_path: Path) -> None:
    first = bundled(fmt, tmp_path)
    assert first.exit_code == 0, first.stderr
    assert [p.name for p in tmp_path.iterdir()] == [f"report.{fmt}"]
    assert first.path.read_bytes().startswith(MAGIC[fmt])
    assert f"wrote {first.path}" in first.stderr

    again = bundled(fmt, tmp_path)
    assert again.exit_code == 0
    assert f"unchanged {first.path}" in again.stderr


def test_a_binary_report_is_refused_on_a_terminal() -> None:
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            command("--format", "pdf"), stdout=secondary, stderr=subprocess.PIPE, timeout=120
        )
    finally:
        os.close(secondary)
        os.close(primary)

    assert done.returncode == 2
    message = done.stderr.decode()
    assert "not for a terminal" in message and "--out" in message


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_binary_report_goes_to_stdout_when_redirected(fmt: str, tmp_path: Path) -> None:
    done = subprocess.run(command("--format", fmt), capture_output=True, timeout=120)

    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == bundled(fmt, tmp_path).path.read_bytes()


def test_init_templates_gives_the_report_starters(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--init-templates", str(tmp_path / "mine")])

    assert result.exit_code == 0, result.output
    for name in ("report.docx", "report.typ", "plan.docx", "report.html.j2"):
        copied = tmp_path / "mine" / name
        assert copied.read_bytes() == (ROOT / "templates" / name).read_bytes(), name
    starter = docx.Document(str(tmp_path / "mine" / "report.docx"))
    assert starter.sections[0].header.paragraphs[0].text == "Performance report"


HOSTILE = [
    '#set text(fill: red) #eval("1 + 1")',
    "]]><svg onload=alert(3)>",
    "{{ 7*7 }} {PAGE} <w:t>x</w:t>",
    "bell\\a and escape\\e here",
]


def hostile_tree(folder: Path) -> Path:
    folder.mkdir()
    for number, text in enumerate(HOSTILE):
        quoted = text.replace('"', '\\"')
        (folder / f"hostile-{number}.yaml").write_text(
            f'title: "{quoted}"\ndepartmental_lead: "{quoted}"\ndirection: higher\n'
            "target: 100\nmeasurements:\n"
            + "".join(f"  - {{period: 2014-{m:02d}, value: 50}}\n" for m in range(1, 13))
            + f'action_plan:\n  period: 2014-12\n  what: "{quoted}"\n',
            encoding="utf-8",
        )
    return folder


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    tree = hostile_tree(tmp_path / "plans")
    for fmt in ("docx", "pdf"):
        result = CliRunner().invoke(app, [
            "report", str(tree), "--format", fmt, "--out", str(tmp_path / fmt),
            "--as-of", "2015-01-31", "--no-cache",
        ])  # fmt: skip
        assert result.exit_code == 1, result.output  # RED, plans incomplete
    word = body_text(docx.Document(str(tmp_path / "docx" / "report.docx")))
    pdf = " ".join(poppler("pdftotext", tmp_path / "pdf" / "report.pdf", "-").split())
    for text in ('#set text(fill: red) #eval("1 + 1")', "]]><svg onload=alert(3)>",
                 "{{ 7*7 }} {PAGE} <w:t>x</w:t>", "bell and escape here"):  # fmt: skip
        assert text in word, text
        assert text in pdf, text
    assert "\x07" not in word and "\x1b" not in word
