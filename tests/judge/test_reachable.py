"""Targets for periods to come beyond the process limits on the wrong side: not reachable
without a change in the process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.domain.models import Settings
from actionplan.judge.reachable import unreachable_of
from actionplan.judge.spc import SpcResult
from actionplan.judge.trend import indicator_spc
from support.indicators import monthly

# Two years of a steady monthly figure around 40: limits about 30 to 51.
STEADY = {
    f"{2013 + (i + 3) // 12}-{(i + 3) % 12 + 1:02d}": 40 + (2 if i % 2 else -2) + (i % 3) * 0.5
    for i in range(24)
}


def found(direction: str, target: dict[str, float], **fields: object) -> list[str]:
    indicator = monthly(STEADY, direction=direction, target=target, **fields)
    spc = indicator_spc(indicator, Settings(), date(2015, 4, 30))
    assert isinstance(spc, SpcResult)
    return [f"{u.period} {u.side}" for u in unreachable_of(indicator, spc)]


def test_a_trajectory_point_beyond_the_limits_on_the_wrong_side_is_not_reachable() -> None:
    trajectory = {"2015-04": 25, "2015-05": 40, "2015-06": 55}
    assert found("lower", trajectory) == ["2015-04 below"]
    assert found("higher", trajectory) == ["2015-06 above"]


def test_past_targets_other_lengths_and_year_to_date_targets_are_not_compared() -> None:
    # The March 2015 target is for a period charted; the year's is of another length.
    assert found("lower", {"2015-03": 10, "2015/16": 10}) == []
    assert found("lower", {"2015-04": 10}, cumulative=True, unit="count") == []


def test_check_notes_each_unreachable_target_with_the_limits(tmp_path: Path) -> None:
    lines = [
        "title: Delayed transfers of care",
        "direction: lower",
        "tolerance: 5%",
        "target: {2015-04: 25, 2015-05: 40}",
        "measurements:",
    ]
    lines += [f"  - {{period: {p}, value: {v}}}" for p, v in STEADY.items()]
    (tmp_path / "dtoc.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["check", str(tmp_path), "--as-of", "2015-04-15", "--no-cache", "--all"]
    table = runner.invoke(app, args)
    notes = [line for line in table.stderr.splitlines() if "not reachable" in line]
    assert len(notes) == 1
    assert notes[0].startswith("note: ")
    assert (
        "the 2015-04 target of 25 is not reachable without a change in the process: it is "
        "below the process limits of " in notes[0]
    )
    json_run = runner.invoke(app, [*args, "--format", "json"])
    assert (
        '"unreachable_targets": [{"period": "2015-04", "target": 25.0, "beyond": '
        '"lower_limit"' in json_run.stdout
    )


def test_the_report_says_so_under_the_chart() -> None:
    from actionplan.output.report.model import build_report
    from actionplan.output.report.variables import context

    indicator = monthly(STEADY, direction="lower", target={"2015-03": 40, "2015-04": 25})
    report = build_report([(Path("dtoc.yaml"), indicator)], Settings(), date(2015, 4, 15))
    chart = context(report)["folders"][0]["charts"][0]
    assert (
        "The 2015-04 target of 25 is not reachable without a change in the process: it is "
        "below the process limits of 29.98 to 51.02." in chart.description
    )
