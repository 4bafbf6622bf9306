"""`actionplan import` of a council's folder of old plans in one command: folders searched,
a manifest's facts applied per document, broken documents named, the rest written."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from actionplan.cli import app
from actionplan.domain.models import Indicator
from actionplan.workspace import store
from support.paths import BENCHMARKS, LEGACY

sys.path.insert(0, str(BENCHMARKS))
from make_import_corpus import write_corpus

SMOKING_YAML = "smoking-quitters-4-weeks.yaml"
runner = CliRunner()


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str | Path) -> Result:
    return runner.invoke(app, ["import", *map(str, args)])


def plans(folder: Path = Path("plans")) -> dict[str, Indicator]:
    loaded = store.load_workspace([folder])
    assert loaded.problems == []
    return {f.path.name: f.indicator for f in loaded.files}


def copy(name: str, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    to.write_bytes((LEGACY / name).read_bytes())
    return to


def test_a_folder_is_searched_with_its_subfolders_for_documents(workspace: Path) -> None:
    copy("smoking-quitters.txt", workspace / "old" / "2014-15" / "smoking.txt")
    copy("opiate-users.txt", workspace / "old" / "opiate.TXT")
    (workspace / "old" / "notes.csv").write_text("not a plan\n", encoding="utf-8")
    (workspace / "old" / "~$opiate.docx").write_bytes(b"\x00lock")  # Word's lock file
    copy("opiate-users.txt", workspace / "old" / ".archive" / "hidden.txt")

    result = run("old")

    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.stdout.splitlines()[1:-1]] == [
        "old/2014-15/smoking.txt",
        "old/opiate.TXT",
    ]
    assert len(plans()) == 2


def test_a_folder_without_documents_is_an_error(workspace: Path) -> None:
    (workspace / "empty").mkdir()

    result = run("empty")

    assert result.exit_code == 2
    assert "error: empty: no Word (.docx) or text (.txt) documents in this folder" in result.stderr


def write_manifest(path: Path, *rows: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_manifest_gives_each_document_its_own_facts(workspace: Path) -> None:
    copy("smoking-quitters.txt", workspace / "old" / "2014" / "smoking.txt")
    copy("smoking-quitters.txt", workspace / "old" / "2015" / "smoking.txt")
    copy("opiate-users.txt", workspace / "old" / "opiate.txt")
    manifest = write_manifest(
        workspace / "old" / "manifest.csv",
        "file,year,period,direction,id",
        "2014/smoking.txt,2014/15,,,smoking-2014",
        "2015/smoking.txt,,2015-04,,smoking-2015",
        "opiate.txt,,,lower,",
    )

    result = run("old", "--manifest", manifest, "--year", "2013/14")

    assert result.exit_code == 0, result.output
    written = plans()
    assert [str(m.period) for m in written["smoking-2014.yaml"].measurements] == ["2014-04"]
    assert [str(m.period) for m in written["smoking-2015.yaml"].measurements] == ["2015-04"]
    opiate = next(p for name, p in written.items() if name.startswith("opiate-users"))
    assert opiate.direction == "lower"  # the manifest's, over the 7.37 % below 10 % it implies


def test_the_manifest_alone_names_the_documents(workspace: Path) -> None:
    copy("smoking-quitters.txt", workspace / "old" / "smoking.txt")
    copy("opiate-users.txt", workspace / "old" / "unlisted.txt")
    manifest = write_manifest(workspace / "old" / "facts.csv", "file,year", "smoking.txt,2014/15")

    result = run("--manifest", manifest)

    assert result.exit_code == 0, result.output
    assert list(plans()) == [SMOKING_YAML]


def test_bad_manifest_rows_are_each_reported_and_nothing_is_imported(workspace: Path) -> None:
    copy("smoking-quitters.txt", workspace / "old" / "smoking.txt")
    copy("opiate-users.txt", workspace / "old" / "opiate.txt")
    copy("label-variations.txt", workspace / "old" / "delays.txt")
    manifest = write_manifest(
        workspace / "old" / "manifest.csv",
        "File,Year,Direction,ID",
        "smoking.txt,2014-04,,",
        "opiate.txt,,sideways,",
        "missing.txt,,,",
        "opiate.txt,,,",
        "delays.txt,,,bad id",
    )

    result = run("old", "--manifest", manifest)

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {manifest}:2: year '2014-04': give a whole year, such as 2014/15 or 2014",
        f"error: {manifest}:3: direction 'sideways': write higher or lower",
        f"error: {manifest}:4: missing.txt: no such file (relative to the manifest's folder, "
        f"{manifest.parent})",
        f"error: {manifest}:5: the same file as line 3: keep one row for each",
        f"error: {manifest}:6: id 'bad id': use letters, digits, '-', '_' or '.', starting with "
        "a letter or digit",
        f"{manifest}: 5 bad rows: nothing was imported",
    ]
    assert not Path("plans").exists()


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("file,year,owner", "unknown column 'owner'"),
        ("document,year", "unknown column 'document'"),
        ("year,period", "no 'file' column"),
        ("file,year,Year", "the column 'year' is named twice"),
    ],
)
def test_a_manifest_header_that_is_not_understood_is_refused(
    workspace: Path, header: str, message: str
) -> None:
    copy("smoking-quitters.txt", workspace / "smoking.txt")
    manifest = write_manifest(workspace / "m.csv", header, "smoking.txt,2014/15")

    result = run("smoking.txt", "--manifest", manifest)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {manifest}:1: {message}: the header names `file`")
    assert not Path("plans").exists()


def test_an_id_that_would_name_the_settings_file_is_refused(workspace: Path) -> None:
    copy("opiate-users.txt", workspace / "opiate.txt")
    write_manifest(workspace / "m.csv", "file,id", "opiate.txt,actionplan")

    result = run("--manifest", "m.csv")

    assert result.exit_code == 2
    assert "error: opiate.txt: its id 'actionplan' would name the workspace settings file" in (
        result.stderr
    )
    assert not (workspace / "plans" / "actionplan.yaml").exists()


def test_neither_documents_nor_a_manifest_is_an_error() -> None:
    result = run()

    assert result.exit_code == 2
    assert "name the documents or folders to import, or a --manifest" in result.stderr


# --- a generated folder, as bench_import.py times it ------------------------------------------


def test_a_folder_of_generated_plans_imports_in_one_command(workspace: Path) -> None:
    corpus = write_corpus(workspace / "old", count=20, broken=3)

    result = run("old", "--manifest", "old/manifest.csv", "--out", "plans")

    assert result.exit_code == 2
    for broken in corpus.broken:
        assert f"error: {broken.relative_to(workspace)}: " in result.stderr
    assert result.stdout.splitlines()[-1].startswith(
        f"imported {len(corpus.documents)} of {len(corpus.documents) + 3} files;"
    )
    written = plans()
    assert sorted(written) == sorted(expected.file for expected in corpus.documents)
    for expected in corpus.documents:
        plan = written[expected.file]
        assert plan.direction == expected.direction, expected.source
        assert plan.action_plan is not None
        assert str(plan.action_plan.period) == expected.plan_period, expected.source
    # The manifest's facts were needed, and used: ids, years and periods, directions.
    facts = [expected.manifest for expected in corpus.documents]
    assert {"id", "year", "period", "direction"} <= {key for fact in facts for key in fact}
    check = runner.invoke(app, ["check", "plans", "--no-cache", "--as-of", "2017-01-31"])
    assert check.exit_code == 1 and "error" not in check.output


# --- output -----------------------------------------------------------------------------------


def import_process(tmp: Path, stderr_on_a_terminal: bool) -> tuple[str, str]:
    """Run `actionplan import` as a process: stdout piped, stderr a terminal or a pipe."""
    copy("opiate-users.txt", tmp / "old" / "opiate.txt")
    command = [sys.executable, "-m", "actionplan", "import", "old"]
    if not stderr_on_a_terminal:
        done = subprocess.run(command, cwd=tmp, capture_output=True, text=True, check=False)
        return done.stdout, done.stderr
    main, terminal = pty.openpty()
    done = subprocess.run(command, cwd=tmp, stdout=subprocess.PIPE, stderr=terminal, check=False)
    os.close(terminal)
    shown = b""
    try:
        while chunk := os.read(main, 65536):
            shown += chunk
    except OSError:  # the terminal closed
        pass
    os.close(main)
    return done.stdout.decode(), shown.decode(errors="replace")


def test_the_progress_bar_shows_on_a_terminal_only(workspace: Path) -> None:
    piped_out, piped_err = import_process(workspace / "piped", stderr_on_a_terminal=False)
    shown_out, shown_err = import_process(workspace / "shown", stderr_on_a_terminal=True)

    assert piped_err == ""
    assert "Importing documents" in shown_err
    # stdout is the same plain table either way: nothing but text for a pipe.
    assert piped_out == shown_out
    assert piped_out.splitlines()[0].split() == [
        "document",
        "file",
        "written",
        "needs",
        "a",
        "human",
    ]
    assert "\x1b" not in piped_out


def test_a_folder_that_cannot_be_listed_stops_the_batch_by_name(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads every folder, so the refusal a normal user meets is simulated.
    copy("opiate-users.txt", workspace / "old" / "opiate.txt")
    (workspace / "old" / "locked").mkdir()
    listing = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("old")
    assert result.exit_code == 2
    assert "cannot read every folder below it" in result.output and "locked" in result.output
    assert not Path("plans").exists()


def test_a_fifo_named_like_a_document_is_named_and_not_opened(workspace: Path) -> None:
    copy("opiate-users.txt", workspace / "old" / "opiate.txt")
    os.mkfifo(workspace / "old" / "pipe.txt")
    result = run("old")
    assert result.exit_code == 2
    assert "pipe.txt: cannot read: not a regular file (a FIFO)" in result.output
    assert len(plans()) == 1
