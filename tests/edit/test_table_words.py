"""A council's table read as it comes: ids from titles, its status words, units, the words it
writes for "no figure", a 0 meaning no target, and revised figures listed old → new."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.edit.table_words import split_unit
from actionplan.edit.title_ids import title_slug

runner = CliRunner()


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "actionplan.yaml").write_text("financial_year_start: 4\n")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["record", "--table", "t.csv", "--period", "2023/24 Q1", *args])
    return result.exit_code, result.stdout, result.stderr


def maps(*items: str) -> list[str]:
    return [a for item in items for a in ("--map", item)]


def test_title_slug_is_stable_and_documented() -> None:
    # Maidstone's title, 2023/24: the same title always gives the same id.
    title = "Maidstone: Percentage of Council Tax collected"
    assert title_slug(title) == "maidstone-percentage-of-council-tax-collected"
    assert title_slug(f"  {title.upper()} ") == title_slug(title)
    assert title_slug("Children, Young People & Learning") == "children-young-people-and-learning"
    assert title_slug("Café visits") == "cafe-visits"


def test_two_titles_making_one_id_are_refused_by_name(plans: Path) -> None:
    Path("t.csv").write_text("Indicator,Value\nLibrary visits,5\nLibrary visits!,6\n")
    code, _, err = run(*maps("title=Indicator", "value=Value"), "--create")
    assert code == 2
    assert (
        "t.csv:3: the titles 'Library visits' (t.csv:2) and 'Library visits!' make the same "
        "id 'library-visits'" in err
    )
    assert not (plans / "library-visits.yaml").exists()


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [("12.5 days", "12.5", "days"), ("£1,200", "£1,200", "currency"), ("53.6%", "53.6%",
     "percent"), ("7", "7", None)],
)  # fmt: skip
def test_a_unit_inside_the_cell_is_taken_off_the_figure(
    text: str, figure: str, unit: str | None
) -> None:
    assert split_unit(text) == (figure, unit)


def test_no_figure_words_are_no_data_never_refused_never_zero(plans: Path) -> None:
    """Maidstone writes "Annual Indicator" where a figure is not due; others write TBC, "not
    yet agreed" or a word of their own (`missing_words:` in the settings)."""
    (plans / "actionplan.yaml").write_text("missing_words: [Due Q4]\nzero_target_is_none: true\n")
    Path("t.csv").write_text(
        "Indicator,Value,Target,Unit\n"
        "A,Annual Indicator,TBC,%\nB,Due Q4,not yet agreed,days\nC,4 days,0,days\n"
    )
    code, _, err = run(*maps("title=Indicator", "value=Value", "target=Target", "unit=Unit"),
                         "--create")  # fmt: skip
    assert code == 0, err
    a, b, c = ((plans / f"{n}.yaml").read_text() for n in "abc")
    assert "unit: percent" in a and "value: NA" in a and "target" not in a
    assert "unit: days" in b and "value: NA" in b
    assert "unit: days" in c and "value: 4\n" in c and "target" not in c


def test_an_unknown_word_is_refused_at_its_cell_with_what_to_do(plans: Path) -> None:
    Path("t.csv").write_text("Indicator,Value\nA,awaited\n")
    code, _, err = run(*maps("title=Indicator", "value=Value"), "--create")
    assert code == 2
    assert err.startswith("t.csv:2: Value: 'awaited' is not a number")
    assert "`missing_words:`" in err


def test_status_column_reads_the_settings_words(plans: Path) -> None:
    (plans / "actionplan.yaml").write_text('statuses: {"Off track": RED, "On track": GREEN}\n')
    (plans / "a.yaml").write_text("title: A\ndirection: higher\n")
    Path("t.csv").write_text("Ref,Value,RAG\na,5,off TRACK\n")
    code, _, err = run(*maps("id=Ref", "value=Value", "status=RAG"))
    assert code == 0, err
    assert "status: RED" in (plans / "a.yaml").read_text()


def test_revised_figures_are_named_and_replaced_only_with_replace(plans: Path) -> None:
    (plans / "a.yaml").write_text(
        "title: A\ndirection: higher\nmeasurements:\n  - period: 2022/23 Q4\n    value: 15.9\n"
    )
    Path("t.csv").write_text("Ref,Last quarter,This quarter\na,15.7,16\n")
    table = maps("id=Ref", "previous=Last quarter", "value=This quarter")
    code, _, err = run(*table)
    assert code == 2
    assert "t.csv:2: plans/a.yaml: 2022/23 Q4 already has value 15.9, the table gives 15.7" in err
    assert "16" not in (plans / "a.yaml").read_text()
    code, out, err = run(*table, "--replace")
    assert code == 0, err
    assert "revised, as --replace allows: plans/a.yaml: 2022/23 Q4 value 15.9 → 15.7" in out
