"""`actionplan import` run as a user runs it: files written, reports, refusals, and the result
compared with the hand-written plans and with what `actionplan render` prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document
from typer.testing import CliRunner, Result

from actionplan.cli import app
from actionplan.domain.models import PLAN_SECTIONS, Indicator
from actionplan.legacy import importer
from actionplan.legacy.reader import read_document
from actionplan.workspace import store
from support.import_documents import rendered_words, source_words, words
from support.paths import LEGACY, ROOT

SMOKING_DOC = LEGACY / "smoking-quitters.txt"
OPIATE_DOC = LEGACY / "opiate-users.txt"
SMOKING_YAML = "smoking-quitters-4-weeks.yaml"
OPIATE_YAML = "opiate-users-that-left-drug-treatment-successfully.yaml"
HAND_WRITTEN = {
    SMOKING_YAML: ROOT / "plans/public-health/smoking-quitters.yaml",
    OPIATE_YAML: ROOT / "plans/public-health/opiate-users-not-re-presenting.yaml",
}
# What the documents do not state, so the import cannot match the hand-written plans on it
# (the README explains each): the id follows the file name, and unit (for a bare count),
# frequency and cumulative are not in the template.
UNSTATED = {"id", "unit", "frequency", "cumulative"}

runner = CliRunner()


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str | Path) -> Result:
    return runner.invoke(app, ["import", *map(str, args)])


def load(folder: Path) -> dict[str, Indicator]:
    loaded = store.load_workspace([folder])
    assert loaded.problems == []
    return {f.path.name: f.indicator for f in loaded.files}


def test_importing_the_seeds_writes_one_valid_plan_each(workspace: Path) -> None:
    result = run(SMOKING_DOC, OPIATE_DOC, "--year", "2014/15")

    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (workspace / "plans").iterdir())
    assert written == sorted([SMOKING_YAML, OPIATE_YAML])
    smoking = (workspace / "plans" / SMOKING_YAML).read_text(encoding="utf-8")
    assert smoking.startswith(
        "# Imported from smoking-quitters.txt\n# Inferred from the document:\n"
    )
    assert set(load(workspace / "plans")) == set(written)
    # The plans tree passes `actionplan check` validation.
    check = runner.invoke(app, ["check", "plans", "--no-cache", "--as-of", "2014-07-31"])
    assert check.exit_code in (0, 1), check.output
    assert "error" not in check.output


def test_a_full_disk_leaves_the_plans_folder_as_it_was(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The imported plans go in as one set: the disk filling after the first is written leaves
    none of them, not one plan without the other."""
    from support.output_sets import fail_writes_after, state

    (workspace / "plans").mkdir()
    (workspace / "plans" / "actionplan.yaml").write_text("financial_year_start: 4\n")
    before = state(workspace / "plans")
    fail_writes_after(monkeypatch, 1)
    result = run(SMOKING_DOC, OPIATE_DOC, "--year", "2014/15")
    assert result.exit_code == 2
    # The file being written is named as it would be in the folder.
    assert (
        "plans: cannot write opiate-users-that-left-drug-treatment-successfully.yaml (No space "
        "left on device): nothing in it was changed"
    ) in result.stderr
    assert state(workspace / "plans") == before


def test_the_report_is_a_table_of_documents_files_and_what_needs_a_human() -> None:
    result = run(SMOKING_DOC, OPIATE_DOC, LEGACY / "empty.txt", "--year", "2014/15")

    lines = result.stdout.splitlines()
    assert lines[0].split() == ["document", "file", "written", "needs", "a", "human"]
    # One row per document, in order, the columns aligned.
    assert lines[1].split(maxsplit=2) == [
        str(SMOKING_DOC),
        f"plans/{SMOKING_YAML}",
        "unit, frequency",
    ]
    assert lines[2].split(maxsplit=2) == [
        str(OPIATE_DOC),
        f"plans/{OPIATE_YAML}",
        "performance, frequency",
    ]
    assert lines[3].split(maxsplit=2) == [
        str(LEGACY / "empty.txt"),
        "-",
        "not imported: the file is empty",
    ]
    assert len({line.index("plans/") for line in lines[1:3]}) == 1
    assert lines[-1] == (
        "imported 2 of 3 files; 4 notes need attention (in full at the top of each file); "
        f"1 not imported: {LEGACY / 'empty.txt'}"
    )
    assert result.exit_code == 2
    assert f"error: {LEGACY / 'empty.txt'}: the file is empty" in result.stderr


def test_the_notes_and_what_was_inferred_head_the_file(workspace: Path) -> None:
    run(OPIATE_DOC)

    text = (workspace / "plans" / OPIATE_YAML).read_text(encoding="utf-8")
    header = text[: text.index("title:")]
    assert header == (
        "# Imported from opiate-users.txt\n"
        "# Inferred from the document:\n"
        "# - `direction: higher` was inferred: the template is completed only for measures showing "
        "RED, and\n"
        "#   the figure 7.37% is below the target 10%\n"
        "# Needs a human's eye:\n"
        "# - performance line '+ / - Target : - 0.5%' is kept in the plan's `performance` text "
        "only: it was\n"
        "#   not read as a figure (is it a tolerance? then set `tolerance`)\n"
        "# - frequency not stated: set `frequency` (monthly, quarterly or annual)\n"
    )


def test_when_no_direction_is_implied_the_target_is_kept_as_a_comment(workspace: Path) -> None:
    # 11.2 for a quarter against 9.5 for the year: a quarter's figure says nothing of the year's.
    result = run(LEGACY / "label-variations.txt")

    assert result.exit_code == 0, result.output
    plan = load(workspace / "plans")["delayed-transfers-of-care.yaml"]
    assert plan.target is None and plan.direction is None
    text = (workspace / "plans" / "delayed-transfers-of-care.yaml").read_text(encoding="utf-8")
    assert "# target needs a direction; from the document:\n# target: 9.5\n" in text
    assert (
        "whether higher or lower is better is not stated, nor implied (the figure 11.2 is for "
        "part of a\n#   year and the target 9.5 for a whole one, so they cannot be compared)"
    ) in text


def test_a_month_without_a_year_is_written_without_a_period_and_check_asks_for_it(
    workspace: Path,
) -> None:
    result = run(SMOKING_DOC)

    assert result.exit_code == 0, result.output
    plan = load(workspace / "plans")[SMOKING_YAML]
    assert plan.action_plan is not None and plan.action_plan.period is None
    assert plan.measurements == []  # 617 is kept in the performance text, not guessed a year
    assert plan.action_plan.performance == "617 Wirral Wide April target is 993"
    text = (workspace / "plans" / SMOKING_YAML).read_text(encoding="utf-8")
    assert "# - the performance names April without a year: rerun with --year" in text
    assert "# - the period this plan answers is not stated: set `action_plan.period`" in text
    assert result.stdout.splitlines()[1].endswith("period, unit, target, frequency")

    check = runner.invoke(app, ["check", "plans", "--no-cache", "--as-of", "2014-07-31"])
    assert check.exit_code == 1
    assert (
        f"plans/{SMOKING_YAML}:19: smoking-quitters-4-weeks INCOMPLETE: the period this plan "
        "answers is not stated"
    ) in check.stdout


def test_the_period_option_serves_a_document_without_one(workspace: Path) -> None:
    result = run(SMOKING_DOC, "--period", "2014-04")

    assert result.exit_code == 0, result.output
    plan = load(workspace / "plans")[SMOKING_YAML]
    assert plan.action_plan is not None and str(plan.action_plan.period) == "2014-04"


def test_an_existing_file_is_replaced_only_with_force(workspace: Path) -> None:
    target = workspace / "plans" / OPIATE_YAML
    target.parent.mkdir()
    target.write_text("title: kept\n", encoding="utf-8")

    refused = run(OPIATE_DOC)
    assert refused.exit_code == 2
    assert f"plans/{OPIATE_YAML} already exists: use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "title: kept\n"

    forced = run(OPIATE_DOC, "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Imported from opiate-users.txt")


def test_two_documents_with_one_title_do_not_overwrite_each_other(workspace: Path) -> None:
    copy = workspace / "copy.txt"
    copy.write_bytes(OPIATE_DOC.read_bytes())

    result = run(OPIATE_DOC, copy, "--force")

    assert result.exit_code == 2
    assert f"{copy}: has the same title as {OPIATE_DOC}" in result.stderr


def test_an_id_already_used_in_the_plans_tree_is_refused(workspace: Path) -> None:
    other = workspace / "plans" / "public-health" / SMOKING_YAML
    other.parent.mkdir(parents=True)
    other.write_text("title: Smoking\n", encoding="utf-8")

    result = run(SMOKING_DOC, "--year", "2014/15")

    assert result.exit_code == 2
    assert f"already used by plans/public-health/{SMOKING_YAML}" in result.stderr
    assert not (workspace / "plans" / SMOKING_YAML).exists()


def test_broken_documents_are_named_and_nothing_is_written_for_them(workspace: Path) -> None:
    broken = {
        "empty.txt": b"",
        "minutes.txt": (LEGACY / "no-labels.txt").read_bytes(),
        "garbage.bin": bytes(range(256)) * 8,
        "plan.docx": b"this is not a zip package",
    }
    for name, content in broken.items():
        (workspace / name).write_bytes(content)

    result = run(*broken, OPIATE_DOC)

    assert result.exit_code == 2
    for name in broken:
        assert f"error: {name}: " in result.stderr
    assert [p.name for p in (workspace / "plans").iterdir()] == [OPIATE_YAML]
    assert "4 not imported: empty.txt, minutes.txt, garbage.bin, plan.docx" in result.stdout


def test_a_missing_file_is_reported() -> None:
    result = run("nowhere.txt")

    assert result.exit_code == 2
    assert "error: nowhere.txt: cannot read" in result.stderr


@pytest.mark.parametrize(("option", "value"), [("--year", "2014-04"), ("--period", "spring")])
def test_a_bad_year_or_period_is_a_command_line_error(option: str, value: str) -> None:
    result = run(OPIATE_DOC, option, value)

    assert result.exit_code == 2
    assert f"error: {option} {value}: " in result.stderr
    assert not Path("plans").exists()


def test_a_plan_that_fails_validation_is_not_written(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = importer.to_yaml
    monkeypatch.setattr(
        importer, "to_yaml", lambda draft, name: original(draft, name) + "unknown_key: 1\n"
    )

    result = run(OPIATE_DOC)

    assert result.exit_code == 2
    assert "did not validate (unknown key 'unknown_key'" in result.stderr
    plans = workspace / "plans"
    assert not plans.exists() or list(plans.iterdir()) == []  # no plan, no temporary file


def test_a_word_document_imports_like_its_text_export(workspace: Path) -> None:
    document = Document()
    table = document.add_table(rows=0, cols=2)
    for line in OPIATE_DOC.read_text(encoding="utf-8").splitlines():
        label, _, value = line.partition("\t")
        if line.strip():
            row = table.add_row()
            row.cells[0].text, row.cells[1].text = label, value
    document.save(str(workspace / "opiate.docx"))

    from_word = run(workspace / "opiate.docx", "--out", "word")
    from_text = run(OPIATE_DOC, "--out", "text")

    assert from_word.exit_code == from_text.exit_code == 0, from_word.output
    word = (workspace / "word" / OPIATE_YAML).read_text(encoding="utf-8")
    text = (workspace / "text" / OPIATE_YAML).read_text(encoding="utf-8")
    assert word.replace("opiate.docx", "opiate-users.txt") == text


# --- the imports against the hand-written plans ---------------------------------------------


@pytest.fixture
def imported(workspace: Path) -> dict[str, Indicator]:
    result = run(SMOKING_DOC, OPIATE_DOC, "--year", "2014/15", "--direction", "higher")
    assert result.exit_code == 0, result.output
    return load(workspace / "plans")


@pytest.mark.parametrize("name", [SMOKING_YAML, OPIATE_YAML])
def test_imports_have_the_hand_written_figures_and_words(
    imported: dict[str, Indicator], name: str
) -> None:
    mine = imported[name]
    theirs = load(HAND_WRITTEN[name].parent)[HAND_WRITTEN[name].name]

    assert mine.title == theirs.title
    assert mine.strategic_director_lead == theirs.strategic_director_lead
    assert mine.departmental_lead == theirs.departmental_lead
    assert mine.direction == theirs.direction
    assert mine.target == theirs.target
    assert mine.measurements == theirs.measurements
    assert mine.action_plan is not None and theirs.action_plan is not None
    assert mine.action_plan.period == theirs.action_plan.period
    assert mine.action_plan.performance == theirs.action_plan.performance
    for section in PLAN_SECTIONS:
        assert words(getattr(mine.action_plan, section)) == words(
            getattr(theirs.action_plan, section)
        ), section


@pytest.mark.parametrize("name", [SMOKING_YAML, OPIATE_YAML])
def test_the_only_other_differences_are_what_the_documents_do_not_state(
    imported: dict[str, Indicator], name: str
) -> None:
    mine = imported[name].model_dump(exclude={"action_plan"})
    theirs = load(HAND_WRITTEN[name].parent)[HAND_WRITTEN[name].name]
    hand_written = theirs.model_dump(exclude={"action_plan"})

    differing = {key for key, value in mine.items() if value != hand_written[key]}

    assert differing <= UNSTATED
    assert differing >= {"id", "frequency"}


# --- every word survives import and render --------------------------------------------------


@pytest.mark.parametrize("source", [SMOKING_DOC, OPIATE_DOC], ids=lambda p: p.stem)
def test_every_word_of_the_document_survives_import_and_render(
    imported: dict[str, Indicator], source: Path
) -> None:
    name = SMOKING_YAML if source == SMOKING_DOC else OPIATE_YAML
    rendered = rendered_words(f"plans/{name}")

    for label, legacy_field in read_document(source).fields.items():
        expected = " ".join(source_words(legacy_field.value))
        assert expected in rendered, label


def test_text_that_is_not_markup_renders_as_written(imported: dict[str, Indicator]) -> None:
    result = runner.invoke(app, ["render", f"plans/{SMOKING_YAML}", "--format", "html"])

    assert "Set\\*" not in result.stdout  # no Markdown escape shows through
    text = " ".join(BeautifulSoup(result.stdout, "html.parser").get_text(" ").split())
    assert "Increase in Quit Dates Set* (*Quit Date is the date" in text


def test_an_imported_action_table_is_checked_and_recorded_as_written_actions(
    workspace: Path,
) -> None:
    """Bracknell Forest's quarterly objective details (https://www.bracknell-forest.gov.uk/
    node/1925, quarter 3 2023 to 2024), imported: `check` keeps each published status and
    works out its own beside it, and `record --action` edits the imported file."""
    import json

    from support.import_documents import (
        BRACKNELL_HEADER,
        BRACKNELL_ROWS,
        build_plan_with_actions,
    )

    build_plan_with_actions(
        workspace / "sport.docx", "Participation in sport", BRACKNELL_HEADER, BRACKNELL_ROWS
    )
    assert run("sport.docx").exit_code == 0
    plan = workspace / "plans" / "participation-in-sport.yaml"

    # A fortnight after the due date, none of the three is complete.
    checked = runner.invoke(app, ["check", "plans", "--as-of", "2024-04-15", "--format", "json"])
    indicator = json.loads(checked.stdout)["indicators"][0]
    actions = indicator["plan"]["actions"]
    assert [(a["status"], a["computed_status"]) for a in actions] == [("GREEN", "RED")] * 3
    assert [a["progress"] for a in actions] == ["80%", "98%", "90%"]

    recorded = runner.invoke(
        app, ["record", "participation-in-sport", "--action", "1", "--progress", "60%"]
    )
    assert recorded.exit_code == 0, recorded.output
    text = plan.read_text()
    assert "      progress: 60%\n" in text and "      progress: 98%\n" in text
    assert text.startswith("# Imported from sport.docx\n")
    assert "'Directorate', 'Section'" in text.split("title:")[0]
