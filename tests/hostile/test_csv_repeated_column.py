"""A CSV whose header names a column twice (`id,id,period,value`) is refused, naming the column,
the file and the line: read as it was, the last of the two silently won."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
FINGERTIPS = "fingertips: {indicator: 1, area: E1}\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "a.yaml").write_text(FINGERTIPS + PLAN)
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return work


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("header", "row", "said"),
    [
        ("id,id,period,value", "b,a,2014-05,6", "'id' (columns A and B)"),
        ("id,period,value,Value", "a,2014-05,6,7", "'value' (columns C and D)"),
        ("id,period,note,value,Note", "a,2014-05,x,6,y", "'note' (columns C and E)"),
    ],
)
def test_a_column_named_twice_is_refused_by_name(
    tree: Path, header: str, row: str, said: str
) -> None:
    Path("in.csv").write_text(f"\n{header}\n{row}\n")
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 2
    assert (
        f"in.csv:2: two columns are named {said}" in err
    )  # the header's own line, after the blank one
    assert "rename or remove one" in err
    assert "2014-05" not in (tree / "plans" / "a.yaml").read_text()


def test_a_fingertips_column_named_twice_is_refused(tree: Path) -> None:
    Path("ft.csv").write_text("Indicator ID,Area Code,Time period,Value,Value\n1,E1,2014,6,7\n")
    code, err = invoke("record", "--csv", "ft.csv")
    assert code == 2
    assert "ft.csv:1: two columns are named 'Value' (columns D and E)" in err
    assert "2014:" not in (tree / "plans" / "a.yaml").read_text()


def test_a_table_column_named_twice_is_refused(tree: Path) -> None:
    Path("kpis.csv").write_text("Indicator,Q1,Q1\na,6,7\n")
    code, err = invoke(
        "record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=Q1",
        "--table", "kpis.csv",
    )  # fmt: skip
    assert code == 2
    assert "kpis.csv:1: two columns are named 'Q1' (columns B and C)" in err
