"""The example corpus under tests/examples.

valid/: indicator files as people write them. Each loads with no problem and is judged as its
first line says: `# expect as of DATE: STATUS[, plan COVERAGE[ (cannot check overdue)]]
[, computed STATUS]`.

invalid/: one mistake per file. Each yields exactly one problem, at the position and with the
words its first line names: `# expect: LINE:COLUMN: fragment of the message`. A file that cannot
hold that line (an empty file) has its expectation in invalid/EXPECTED.toml.

duplicate-ids/: two files claiming one id, which only shows when both are loaded together.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from actionplan.judge.assessment import assess
from actionplan.judge.targets import trajectory_gaps
from actionplan.workspace.store import SETTINGS_FILE, load_workspace
from support.examples import expected_problem, first_line
from support.paths import EXAMPLES

VALID = EXAMPLES / "valid"
INVALID = EXAMPLES / "invalid"
DUPLICATE_IDS = EXAMPLES / "duplicate-ids"


def plan_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix in (".yaml", ".yml") and path.name != SETTINGS_FILE
    )


@dataclass(frozen=True)
class ExpectedJudgement:
    as_of: date
    status: str
    plan: str | None = None
    overdue_unknown: bool = False
    computed: str | None = None


_JUDGEMENT = re.compile(r"# expect as of (\d{4}-\d{2}-\d{2}): (.+)")
_CANNOT_CHECK = " (cannot check overdue)"


def expected_judgement(path: Path) -> ExpectedJudgement:
    match = _JUDGEMENT.fullmatch(first_line(path))
    assert match, f"{path.name}: the first line must be `# expect as of DATE: STATUS...`"
    status, *details = match[2].split(", ")
    plan, overdue_unknown, computed = None, False, None
    for detail in details:
        if detail.startswith("plan "):
            plan = detail.removeprefix("plan ")
            overdue_unknown = plan.endswith(_CANNOT_CHECK)
            plan = plan.removesuffix(_CANNOT_CHECK)
        elif detail.startswith("computed "):
            computed = detail.removeprefix("computed ")
        else:
            raise AssertionError(f"{path.name}: cannot read {detail!r} in the expectation")
    return ExpectedJudgement(
        date.fromisoformat(match[1]), status, plan, overdue_unknown, computed or status
    )


def ids(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


# --- valid ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", plan_files(VALID), ids=ids(plan_files(VALID)))
def test_valid_file_loads_without_problems(path: Path) -> None:
    workspace = load_workspace([path])

    assert [str(p) for p in workspace.problems] == []
    assert [f.path for f in workspace.files] == [path]
    assert trajectory_gaps(path, workspace.files[0].indicator) == []
    # The settings at the root of the tree apply to a file named on its own too.
    assert workspace.settings.organisation == "Example Borough Council"


@pytest.mark.parametrize("path", plan_files(VALID), ids=ids(plan_files(VALID)))
def test_valid_file_is_judged_as_its_header_says(path: Path) -> None:
    expected = expected_judgement(path)
    workspace = load_workspace([path])
    [loaded] = workspace.files

    result = assess(loaded.indicator, workspace.settings, expected.as_of)

    assert result.status.value == expected.status
    computed = result.reading.computed.value if result.reading else "NO DATA"
    assert computed == expected.computed
    if expected.plan is None:
        assert result.plan is None
    else:
        assert result.plan is not None, f"{path.name}: a RED measure must have its plan checked"
        assert result.plan.coverage.value == expected.plan, result.plan.detail
        assert result.plan.overdue_unknown is expected.overdue_unknown


def test_valid_folder_loads_as_one_workspace() -> None:
    workspace = load_workspace([VALID])

    assert [str(p) for p in workspace.problems] == []
    assert sorted(f.path for f in workspace.files) == plan_files(VALID)
    assert workspace.settings_path is not None
    assert workspace.settings_path.name == SETTINGS_FILE


def test_ids_default_to_the_file_name_unless_given() -> None:
    workspace = load_workspace([VALID])

    found = workspace.find("business-rates-collection")
    assert found is not None and found.path.name == "nndr-collection.yml"
    others = [f for f in workspace.files if f.path.name != "nndr-collection.yml"]
    assert all(f.indicator.id == f.path.stem for f in others)


def test_figures_are_read_as_people_write_them() -> None:
    workspace = load_workspace([VALID])

    def values(indicator_id: str) -> list[float | None]:
        found = workspace.find(indicator_id)
        assert found is not None
        return [m.value for m in found.indicator.measurements]

    assert values("library-visits") == [21004, 20512, 19625]
    assert values("mmr-immunisation") == [92.1, None, None]
    assert values("resident-satisfaction") == [61, 53.6]
    assert values("budget-outturn") == [1_200_000]
    chlamydia = workspace.find("chlamydia-detection")
    assert chlamydia is not None
    latest = chlamydia.indicator.measurements[-1]
    assert (latest.numerator, latest.denominator) == (771, 36628)


# --- invalid -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", plan_files(INVALID), ids=ids(plan_files(INVALID)))
def test_invalid_file_gives_one_located_problem(path: Path) -> None:
    expected = expected_problem(path)

    workspace = load_workspace([path])

    assert workspace.files == []
    assert len(workspace.problems) == 1, "\n".join(str(p) for p in workspace.problems)
    [problem] = workspace.problems
    assert problem.path == path
    assert (problem.line, problem.column) == (expected.line, expected.column), str(problem)
    assert expected.fragment in problem.message
    assert str(problem) == f"{path}:{expected.line}:{expected.column}: {problem.message}"
    # The validation library's own wording never reaches the person editing the file.
    for library_words in ("Input should", "Value error", "valid dictionary", "valid string"):
        assert library_words not in problem.message


def test_a_bad_file_does_not_stop_the_others() -> None:
    failing_alone = {path for path in plan_files(INVALID) if load_workspace([path]).problems}

    workspace = load_workspace([VALID, INVALID])

    assert set(plan_files(VALID)) <= {f.path for f in workspace.files}
    assert {p.path for p in workspace.problems} == failing_alone


def test_side_file_names_only_existing_examples() -> None:
    side = tomllib.loads((INVALID / "EXPECTED.toml").read_text(encoding="utf-8"))

    assert set(side) <= set(ids(plan_files(INVALID)))


# --- duplicate ids ---------------------------------------------------------------------------


def test_duplicate_id_is_reported_on_the_second_file() -> None:
    first = DUPLICATE_IDS / "street-cleanliness.yaml"
    second = DUPLICATE_IDS / "street-litter-survey.yaml"
    expected = expected_problem(second)

    workspace = load_workspace([DUPLICATE_IDS])

    assert [f.path for f in workspace.files] == [first]
    [problem] = workspace.problems
    assert (problem.path, problem.line, problem.column) == (
        second,
        expected.line,
        expected.column,
    )
    assert expected.fragment in problem.message
    assert str(first) in problem.message


def test_each_of_the_duplicates_is_valid_alone() -> None:
    for path in plan_files(DUPLICATE_IDS):
        assert load_workspace([path]).problems == []
