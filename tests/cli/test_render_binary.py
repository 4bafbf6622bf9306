"""`actionplan render --format docx|pdf` on the command line: files written with --out (and
left alone when unchanged), a document sent to stdout only when stdout is not a terminal or
`--out -` says so, and Word files that LibreOffice opens and converts."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.external import need
from support.paths import ROOT

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

AS_OF = ["--as-of", "2014-07-31", "--no-cache"]
MAGIC = {"docx": b"PK\x03\x04", "pdf": b"%PDF-"}


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, ["render", *args, *AS_OF])
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_out_writes_each_plan_once_and_leaves_unchanged_files_alone(
    fmt: str, here: Path, tmp_path: Path
) -> None:
    code, _, stderr = run("--format", fmt, "--out", str(tmp_path))
    assert code == 0, stderr
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == [
        f"opiate-users-not-re-presenting.{fmt}",
        f"smoking-quitters.{fmt}",
    ]
    assert all(f.read_bytes().startswith(MAGIC[fmt]) for f in files)

    code, _, stderr = run("--format", fmt, "--out", str(tmp_path))
    assert code == 0
    assert stderr.count("unchanged ") == 2


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_out_dash_sends_one_document_to_stdout(fmt: str, here: Path) -> None:
    code, stdout, stderr = run("smoking-quitters", "--format", fmt, "--out", "-")

    assert code == 0, stderr
    assert stdout.startswith(MAGIC[fmt])


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "actionplan", "render", *args, *AS_OF]


def test_a_binary_document_is_refused_on_a_terminal(here: Path) -> None:
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            command("smoking-quitters", "--format", "pdf"),
            stdout=secondary,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(secondary)
        os.close(primary)

    assert done.returncode == 2
    message = done.stderr.decode()
    assert "not for a terminal" in message and "--out" in message


def test_a_binary_document_goes_to_stdout_when_redirected(here: Path) -> None:
    done = subprocess.run(
        command("smoking-quitters", "--format", "docx"), capture_output=True, timeout=60
    )

    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.startswith(MAGIC["docx"])


def test_libreoffice_opens_and_converts_the_word_documents(here: Path, tmp_path: Path) -> None:
    soffice = need("soffice", "libreoffice-writer-nogui")
    code, _, stderr = run("--format", "docx", "--out", str(tmp_path / "docx"))
    assert code == 0, stderr
    documents = sorted((tmp_path / "docx").iterdir())

    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, documents),
        ],
        capture_output=True,
        timeout=180,
    )

    assert done.returncode == 0, done.stderr.decode()
    for document in documents:
        pdf = tmp_path / "pdf" / f"{document.stem}.pdf"
        assert pdf.is_file(), done.stdout.decode()
        text = subprocess.run(
            [need("pdftotext", "poppler-utils"), str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode()
        assert "Performance Action Plan: " in text  # the filled plan, headed by its title
        assert "Page 1 of" in text  # Word's page fields, filled in


def test_a_custom_typst_template_is_used_for_pdf(here: Path, tmp_path: Path) -> None:
    (tmp_path / "plan.typ").write_text(
        "#let data = json(bytes(sys.inputs.data))\n"
        "#set document(title: data.title)\n"
        '#set text(lang: "en", region: "GB")\n'
        "= Custom #data.sections.first().fields.first().label\n"
    )
    code, stdout, stderr = run(
        "smoking-quitters", "--format", "pdf", "--templates", str(tmp_path), "-o", "-"
    )
    assert code == 0, stderr
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(stdout)
    text = subprocess.run(
        [need("pdftotext", "poppler-utils"), str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert text.split() == ["Custom", "Indicator", "Title"]


def test_an_error_in_a_typst_template_names_the_file_line_and_column(
    here: Path, tmp_path: Path
) -> None:
    (tmp_path / "plan.typ").write_text(
        "#let data = json(bytes(sys.inputs.data))\n\n#text(data.sponsor)\n"
    )
    code, stdout, stderr = run(
        "smoking-quitters", "--format", "pdf", "--templates", str(tmp_path), "-o", "-"
    )

    assert code == 2
    assert stdout == b""
    assert f"error: {tmp_path / 'plan.typ'}:3:" in stderr
    assert "sponsor" in stderr and "fix the template" in stderr
    assert "Traceback" not in stderr
