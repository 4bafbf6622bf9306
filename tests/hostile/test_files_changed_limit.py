"""A batch that would change more files than `ACTIONPLAN_MAX_FILES_CHANGED` is refused at the
first file over the limit, with nothing written: what each changed file keeps until the batch
commits is bounded, so memory is, whatever the table's length (a million new ids would
otherwise keep a million files' bookkeeping)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app

runner = CliRunner()
LIMIT = 3


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_MAX_FILES_CHANGED", str(LIMIT))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "actionplan.yaml").write_text("financial_year_start: 4\n")
    return folder


def _state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_table_creating_more_files_than_the_limit_is_refused_with_nothing_written(
    plans: Path,
) -> None:
    Path("kpis.csv").write_text(
        "Indicator,Title,Value\n" + "".join(f"K{n},Indicator {n},{n}\n" for n in range(5))
    )
    before = _state(plans)
    done = runner.invoke(
        app,
        ["record", "--table", "kpis.csv", "--period", "2014/15", "--create", "--direction",
         "higher", "--map", "id=Indicator", "--map", "title=Title", "--map", "value=Value"],
    )  # fmt: skip
    assert done.exit_code == 2
    assert (
        f"more than {LIMIT} files" in done.stderr and "ACTIONPLAN_MAX_FILES_CHANGED" in done.stderr
    )
    assert "Traceback" not in done.output
    assert _state(plans) == before


def test_a_csv_into_more_files_than_the_limit_is_refused_with_nothing_written(plans: Path) -> None:
    for n in range(5):
        (plans / f"i{n}.yaml").write_text(f"title: I{n}\nmeasurements: []\n")
    Path("in.csv").write_text(
        "id,period,value\n" + "".join(f"i{n},2014-05,{n}\n" for n in range(5))
    )
    before = _state(plans)
    done = runner.invoke(app, ["record", "--csv", "in.csv"])
    assert done.exit_code == 2
    assert f"more than {LIMIT} files" in done.stderr
    assert _state(plans) == before
    assert os.environ["ACTIONPLAN_MAX_FILES_CHANGED"] == str(LIMIT)


def test_a_batch_at_the_limit_is_recorded(plans: Path) -> None:
    for n in range(LIMIT):
        (plans / f"i{n}.yaml").write_text(f"title: I{n}\nmeasurements: []\n")
    Path("in.csv").write_text(
        "id,period,value\n" + "".join(f"i{n},2014-05,{n}\n" for n in range(LIMIT))
    )
    done = runner.invoke(app, ["record", "--csv", "in.csv"])
    assert done.exit_code == 0, done.output
    assert f"in {LIMIT} files" in done.stdout
