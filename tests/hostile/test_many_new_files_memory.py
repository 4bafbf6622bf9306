"""`record --table --create` of a table of many new indicators, and `record --csv` into many
files, in bounded memory: each file's new text goes into the journal as it is made, and each
edited document is freed once its text is made, though the command line runs with the
collector off (10,000 new files took 470 MB, 40,000 took 1.7 GB)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import forked

pytestmark = pytest.mark.slow

FILES = 10_000
CREATE = ["record", "--period", "2014/15", "--create", "--direction", "higher"]
CREATE += ["--map", "id=Indicator", "--map", "title=Title", "--map", "value=Value", "--table"]


@pytest.fixture
def as_installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The collector off, as `actionplan` runs (`cli.main`): a forked child inherits it. The
    limit of plan files one command reads is raised, as a user would, to show that an edit's
    memory does not grow with the files it changes."""
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_FILES", str(2 * FILES))
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


def test_a_table_of_ten_thousand_new_indicators_is_recorded_in_bounded_memory(
    tmp_path: Path, as_installed: None
) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "actionplan.yaml").write_text("financial_year_start: 4\n")
    rows = (f"K{n},Indicator {n} of the council,{n}\n" for n in range(FILES))
    (tmp_path / "kpis.csv").write_text("Indicator,Title,Value\n" + "".join(rows))
    run = forked.run([*CREATE, "kpis.csv"], tmp_path, timeout=600)
    assert run.code == 0, run.stderr[-2000:]
    assert f"{FILES} files created" in run.stdout
    assert len(list((tmp_path / "plans").glob("K*.yaml"))) == FILES
    assert "value: 9999" in (tmp_path / "plans" / "K9999.yaml").read_text()
    assert not [p.name for p in (tmp_path / "plans").iterdir() if p.name.startswith(".")]
    assert run.added_mb < 200, run.added_mb


def test_a_csv_into_ten_thousand_files_is_recorded_in_bounded_memory(
    tmp_path: Path, as_installed: None
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\n")
    note = "# kept as written\n" + "# a long comment to edit around\n" * 20
    for n in range(FILES):
        (plans / f"i{n}.yaml").write_text(
            f"{note}title: I{n}\nmeasurements:\n  - period: 2014-04\n    value: {n}\n"
        )
    rows = "".join(f"i{n},2014-05,{n + 1}\n" for n in range(FILES))
    (tmp_path / "in.csv").write_text("id,period,value\n" + rows)
    run = forked.run(["record", "--csv", "in.csv"], tmp_path, timeout=600)
    assert run.code == 0, run.stderr[-2000:]
    assert f"recorded {FILES} measurements in {FILES} files" in run.stdout
    assert "value: 10000" in (plans / "i9999.yaml").read_text()
    assert (plans / "i0.yaml").read_text().startswith(note)
    assert not (plans / ".actionplan-journal.json").exists()
    assert run.added_mb < 200, run.added_mb
