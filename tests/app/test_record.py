"""`record`, `record --csv` and `record --table` refuse figures that cannot be right yet: a
figure for a period that has not ended (unless it is a forecast, or `--allow-future` says it is
meant), and a table's figure of another length than its indicator's `frequency` (unless the
settings allow mixed lengths).

The figures are Wirral Council's four-week smoking quitters (617 in April 2014, against a
monthly target of 993: the council's Performance and Action Plan report, July 2014) and a
quarterly figure of the same measure; the day is 6 December 2026, when `record` accepted a
figure for 2030/31 Q4. The day is passed in, so the tests do not depend on when they run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.app.check import check_tree
from actionplan.app.record import NewMeasurement, record_csv, record_one
from actionplan.app.record_table import TableRequest, record_table
from actionplan.cli import app
from actionplan.errors import ActionplanError

TODAY = date(2026, 12, 6)
SMOKING = (
    "title: Smoking quitters (4 weeks)\n"
    "unit: count\n"
    "frequency: monthly\n"
    "direction: higher\n"
    "target: 993\n"
    "measurements:\n"
    "  - period: 2014-04\n"
    "    value: 617\n"
)


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "actionplan.yaml").write_text("financial_year_start: 4\n")
    (folder / "smoking.yaml").write_text(SMOKING)
    return folder


def text(plans: Path) -> str:
    return (plans / "smoking.yaml").read_text()


# A period that has not ended ------------------------------------------------------------------


def test_a_figure_for_a_period_not_yet_ended_is_refused(plans: Path) -> None:
    new = NewMeasurement("smoking", "2030/31 Q4", "700")
    with pytest.raises(ActionplanError) as refused:
        record_one(plans, new, replace=False, today=TODAY)
    message = str(refused.value)
    assert "2030/31 Q4 ends on 2031-03-31, after today (2026-12-06)" in message
    assert "--forecast" in message and "--allow-future" in message
    # December 2026 has not ended on the 6th either; November has.
    with pytest.raises(ActionplanError, match="2026-12 ends on 2026-12-31"):
        record_one(plans, NewMeasurement("smoking", "2026-12", "700"), replace=False, today=TODAY)
    assert text(plans) == SMOKING
    record_one(plans, NewMeasurement("smoking", "2026-11", "700"), replace=False, today=TODAY)
    assert "  - period: 2026-11\n    value: 700\n" in text(plans)


def test_a_forecast_or_allow_future_records_a_period_not_yet_ended(plans: Path) -> None:
    forecast = NewMeasurement("smoking", "2030/31 Q4", "700", forecast=True)
    record_one(plans, forecast, replace=False, today=TODAY)
    assert "  - period: 2030/31 Q4\n    value: 700\n    forecast: true\n" in text(plans)
    meant = NewMeasurement("smoking", "2026-12", "650")
    record_one(plans, meant, replace=False, today=TODAY, allow_future=True)
    assert "  - period: 2026-12\n    value: 650\n" in text(plans)


def test_record_on_the_command_line_refuses_a_period_not_yet_ended(plans: Path) -> None:
    refused = CliRunner().invoke(app, ["record", "smoking", "2099/00 Q4", "700"])
    assert refused.exit_code == 2
    assert "2099/00 Q4 ends on 2100-03-31, after today" in refused.stderr
    assert text(plans) == SMOKING
    allowed = CliRunner().invoke(app, ["record", "smoking", "2099/00 Q4", "700", "--allow-future"])
    assert allowed.exit_code == 0, allowed.output


def test_a_csv_row_for_a_period_not_yet_ended_is_a_bad_row_unless_a_forecast(
    plans: Path,
) -> None:
    csv = plans.parent / "figures.csv"
    csv.write_text(
        "id,period,value,forecast\n"
        "smoking,2014-05,702,no\n"
        "smoking,2030/31 Q4,9000,no\n"
        "smoking,2030/31,9500,yes\n"
    )
    outcome = record_csv(plans, csv, replace=False, today=TODAY)
    assert outcome.exit_code == 2
    assert f"{csv}:3: 2030/31 Q4 ends on 2031-03-31, after today (2026-12-06)" in outcome.err[0]
    assert "yes in its forecast column" in outcome.err[0]
    assert len(outcome.err) == 2  # the bad row and "nothing was recorded": the forecast is fine
    assert text(plans) == SMOKING
    allowed = record_csv(plans, csv, replace=False, today=TODAY, allow_future=True)
    assert allowed.exit_code == 0, allowed.err
    assert "2030/31 Q4" in text(plans)


def test_a_table_for_a_period_not_yet_ended_is_refused_unless_allow_future(plans: Path) -> None:
    table = plans.parent / "kpis.csv"
    table.write_text("Ref,This month\nsmoking,702\n")
    request = TableRequest(table, "2026-12", ("id=Ref", "value=This month"), today=TODAY)
    with pytest.raises(ActionplanError, match=r"--period 2026-12 ends on 2026-12-31, after today"):
        record_table(plans, request)
    assert text(plans) == SMOKING
    allowed = TableRequest(
        table, "2026-12", ("id=Ref", "value=This month"), today=TODAY, allow_future=True
    )
    assert record_table(plans, allowed).exit_code == 0
    assert "  - period: 2026-12\n    value: 702\n" in text(plans)


def test_check_notes_a_figure_it_leaves_out_until_its_period_ends(plans: Path) -> None:
    meant = NewMeasurement("smoking", "2030/31 Q4", "700")
    record_one(plans, meant, replace=False, today=TODAY, allow_future=True)
    report = check_tree([plans], TODAY, spc="none", cache=False)
    assert [row.id for row in report.rows] == ["smoking"]
    assert any(
        "smoking.yaml: the figure for 2030/31 Q4 is left out until its period ends "
        "(2031-03-31)" in note
        for note in report.notes
    ), report.notes
    later = check_tree([plans], date(2031, 4, 1), spc="none", cache=False)
    assert not any("left out" in note for note in later.notes)


# A figure of another length than the indicator's frequency -----------------------------------


def quarterly_table(plans: Path) -> Path:
    table = plans.parent / "kpis.csv"
    # Wirral's 2014/15 Q1 quitters: 617 + 577 + 640 (the quarter's three monthly figures).
    table.write_text("Ref,This quarter\nsmoking,1834\n")
    return table


def test_a_quarterly_table_row_for_a_monthly_indicator_is_refused_by_row(plans: Path) -> None:
    request = TableRequest(
        quarterly_table(plans), "2014/15 Q1", ("id=Ref", "value=This quarter"), today=TODAY
    )
    outcome = record_table(plans, request)
    assert outcome.exit_code == 2
    assert (
        "smoking is monthly and 2014/15 Q1 is a quarter: a chart shows figures of one length "
        "only, so either its monthly figures or this one would be left out: record its monthly "
        "figures" in outcome.err[0]
    )
    assert "mixed_periods: true" in outcome.err[0]
    assert outcome.err[-1] == "1 bad row: nothing was recorded"
    assert text(plans) == SMOKING


def test_mixed_periods_in_the_settings_keep_the_figure_with_a_note(plans: Path) -> None:
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\nmixed_periods: true\n")
    request = TableRequest(
        quarterly_table(plans), "2014/15 Q1", ("id=Ref", "value=This quarter"), today=TODAY
    )
    outcome = record_table(plans, request)
    assert outcome.exit_code == 0, outcome.err
    assert "  - period: 2014/15 Q1\n    value: 1834\n" in text(plans)
    assert any(
        line.startswith("note: ") and "smoking is monthly and 2014/15 Q1 is a quarter" in line
        for line in outcome.err
    ), outcome.err
