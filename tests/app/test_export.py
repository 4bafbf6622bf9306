"""`actionplan export`: tidy tables that read back equal to `check --format json` on the same
tree, as CSV and as Parquet, written all or none."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.output.export.columns import INDICATORS, MEASUREMENTS, TABLES
from support.output_sets import AS_OF as SET_AS_OF
from support.output_sets import change_every_plan, fail_writes_after, make_tree, state
from support.paths import BENCHMARKS, ROOT

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, write_tree

runner = CliRunner()


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wirral's year-end 2014/15 report in shape: 57 measures (benchmarks/make_report_tree.py)."""
    plans = tmp_path_factory.mktemp("tree") / "plans"
    write_tree(plans)
    return plans


def _check_json(plans: Path) -> dict[str, dict[str, Any]]:
    done = runner.invoke(
        app, ["check", str(plans), "--format", "json", "--as-of", AS_OF, "--no-cache"]
    )
    return {row["id"]: row for row in json.loads(done.stdout)["indicators"]}


def _expected(row: dict[str, Any], plans: Path) -> dict[str, Any]:
    """An indicator's check JSON, flattened as the export's columns are."""
    spc = row["spc"] or {}
    plan = row["plan"] or {}
    return {
        "id": row["id"],
        "title": row["title"],
        "path": row["path"],
        "folder": Path(row["path"]).parent.relative_to(plans).as_posix().removeprefix("."),
        "unit": row["unit"],
        "status": row["status"],
        "computed_status": row["computed_status"],
        "published_status": row["published_status"],
        "status_mismatch": row["status_mismatch"],
        "period": row["period"],
        "value": row["value"],
        "forecast": row["forecast"],
        "reported": row["reported"],
        "target": row["target"],
        "target_period": row["target_period"],
        "target_prorated": row["target_prorated"],
        "stale": row["stale"],
        "stale_since": row["stale_since"],
        "short_term": row["direction_of_travel"]["short_term"],
        "long_term": row["direction_of_travel"]["long_term"],
        "spc_variation": spc.get("variation"),
        "spc_assurance": spc.get("assurance"),
        "spc_mean": spc.get("mean"),
        "spc_lower_limit": spc.get("lower_limit"),
        "spc_upper_limit": spc.get("upper_limit"),
        "spc_reason": row["spc_reason"],
        "plan_coverage": plan.get("coverage"),
        "plan_detail": plan.get("detail"),
        "plan_due": plan.get("due"),
        "needs_plan": row["needs_plan"],
    }


def _csv_value(text: str, kind: str) -> Any:
    """A CSV cell read back as the type export.json names."""
    if text == "":
        return None
    if kind == "float":
        return float(text)
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    return text


def _export(plans: Path, out: Path, *more: str) -> None:
    done = runner.invoke(app, ["export", str(plans), "--out", str(out), "--as-of", AS_OF, *more])
    assert done.exit_code == 0, done.output


def test_export_csv_reads_back_equal_to_check_json(tree: Path, tmp_path: Path) -> None:
    _export(tree, tmp_path)
    checked = _check_json(tree)
    types = {c.name: c.type for c in INDICATORS}
    with (tmp_path / "indicators.csv").open(newline="") as f:
        rows = [{k: _csv_value(v, types[k]) for k, v in r.items()} for r in csv.DictReader(f)]
    assert len(rows) == len(checked) == 57
    assert any(r["spc_variation"] for r in rows), "the tree charts some indicators"
    for row in rows:
        expected = _expected(checked[row["id"]], tree)
        assert {k: row[k] for k in expected} == expected


def test_export_parquet_reads_back_equal_to_check_json(tree: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    _export(tree, tmp_path, "--format", "parquet")
    checked = _check_json(tree)
    table = pq.read_table(tmp_path / "indicators.parquet")
    assert table.column_names == [c.name for c in INDICATORS]
    assert table.schema.metadata[b"actionplan_export_version"] == b"1"
    rows = table.to_pylist()
    assert len(rows) == 57
    for row in rows:
        expected = _expected(checked[row["id"]], tree)
        got = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
        assert {k: got[k] for k in expected} == expected


def test_measurements_carry_each_periods_status_and_spc_point(tree: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    _export(tree, tmp_path, "--format", "parquet")
    checked = _check_json(tree)
    measured = pq.read_table(tmp_path / "measurements.parquet")
    assert measured.column_names == [c.name for c in MEASUREMENTS]
    rows = measured.to_pylist()
    charted = next(row for row in checked.values() if row["spc"])
    own = {r["period"]: r for r in rows if r["id"] == charted["id"]}
    for point in charted["spc"]["points"]:
        assert own[point["period"]]["spc_type"] == point["type"]
        assert own[point["period"]]["special_cause"] == point["special_cause"]
    latest = own[charted["period"]]
    assert latest["value"] == charted["value"]
    assert latest["status"] == charted["status"]
    assert latest["period_start"] <= latest["period_end"]


def test_plans_table_holds_each_section_as_written(tmp_path: Path) -> None:
    _export(ROOT / "plans", tmp_path)
    with (tmp_path / "plans.csv").open(newline="") as f:
        sections = {(r["id"], r["section"]): r["text"] for r in csv.DictReader(f)}
    assert sections[("smoking-quitters", "who")].strip()
    assert ("smoking-quitters", "what") in sections


def test_manifest_names_the_version_and_every_column(tmp_path: Path) -> None:
    _export(ROOT / "plans", tmp_path)
    manifest = json.loads((tmp_path / "export.json").read_text())
    assert manifest["version"] == 1
    assert manifest["as_of"] == AS_OF
    for name, columns in TABLES.items():
        listed = manifest["tables"][name]["columns"]
        assert [(c["name"], c["type"]) for c in listed] == [(c.name, c.type) for c in columns]


def test_text_a_spreadsheet_would_run_is_written_as_text(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_text(
        "id: a\ntitle: '=HYPERLINK(\"http://example.org\")'\ndirection: higher\n"
        "measurements:\n  - {period: 2024-04, value: 5}\n"
    )
    _export(plans, tmp_path / "out")
    with (tmp_path / "out" / "indicators.csv").open(newline="") as f:
        (row,) = csv.DictReader(f)
    assert row["title"] == '\'=HYPERLINK("http://example.org")'


def test_a_file_that_cannot_be_read_is_named_and_the_rest_exported(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "good.yaml").write_text("id: good\ntitle: Good\nmeasurements: []\n")
    (plans / "bad.yaml").write_text("id: bad\ntitle: [unclosed\n")
    done = runner.invoke(app, ["export", str(plans), "--out", str(tmp_path / "out")])
    assert done.exit_code == 2
    assert "bad.yaml" in done.stderr
    with (tmp_path / "out" / "indicators.csv").open(newline="") as f:
        assert [r["id"] for r in csv.DictReader(f)] == ["good"]


def test_a_full_disk_leaves_the_last_export_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = make_tree(tmp_path)
    out = tmp_path / "out"
    _export(plans, out)
    before = state(out)
    change_every_plan(plans)  # every table changes
    fail_writes_after(monkeypatch, 2)
    done = runner.invoke(app, ["export", str(plans), "--out", str(out), *SET_AS_OF])
    assert done.exit_code == 2
    assert "nothing in" in done.stderr and "Traceback" not in done.output
    assert state(out) == before


def test_parquet_without_pyarrow_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed
    done = runner.invoke(
        app, ["export", str(tmp_path / "nowhere"), "--out", str(tmp_path), "--format", "parquet"]
    )
    assert done.exit_code == 2
    assert 'pip install "actionplan[parquet]"' in done.stderr


def test_the_reference_names_every_column_with_its_type() -> None:
    page = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        table = page.split(f"### `{name}`", 1)[1].split("###", 1)[0]
        for column in columns:
            assert f"| `{column.name}` | {column.type} |" in table, (name, column.name)
