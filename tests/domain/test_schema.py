"""The JSON Schema accepts every valid example and rejects every invalid one that a schema
can express, at the line `check` reports."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from jsonschema.exceptions import ValidationError
from typer.testing import CliRunner
from yaml.nodes import MappingNode, Node, SequenceNode

from actionplan.cli import app
from actionplan.domain.schema import indicator_schema
from actionplan.workspace.construct import construct
from actionplan.workspace.store import SETTINGS_FILE
from actionplan.workspace.yamlfile import compose, decode
from support.examples import expected_problem
from support.paths import EXAMPLES, ROOT

# Invalid examples a JSON Schema cannot judge: the file is not YAML data at all, or the problem
# needs more than one field, or arithmetic on periods. `actionplan check` reports them.
NOT_SCHEMA_PROBLEMS = {
    "comments-only.yaml": "empty file",
    "empty.yaml": "empty file",
    "duplicate-key.yaml": "duplicate key (YAML loading)",
    "mixed-encoding.yaml": "not UTF-8",
    "not-utf8.yaml": "not UTF-8",
    "tab-before-list.yaml": "YAML syntax",
    "tab-indentation.yaml": "YAML syntax",
    "two-documents.yaml": "YAML syntax",
    "value-nan.yaml": "YAML .nan: JSON has no NaN",
    "yaml-syntax-colon.yaml": "YAML syntax",
    "plan-text-not-indented.yaml": "YAML syntax",
    "plan-text-not-indented-list.yaml": "YAML syntax",
    "yaml-syntax-unclosed-quote.yaml": "YAML syntax",
    "bad-period-range.yaml": "range ends before it starts: period arithmetic",
    "comparator-split-by-flow-comma.yaml": "YAML makes the stray key a number: JSON keys are text",
}


def _node(path: Path) -> Node:
    node = compose(decode(path.read_bytes(), path), path)
    assert node is not None
    return node


def _data(path: Path) -> object:
    return construct(_node(path), path)


def _key_lines(node: Node, keys: list[object]) -> set[int]:
    """The lines of a mapping's keys (for a rejection that names keys rather than a place)."""
    if not isinstance(node, MappingNode):
        return set()
    return {k.start_mark.line + 1 for k, _ in node.value if k.value in keys}


def _child(node: Node, step: object) -> Node:
    if isinstance(node, MappingNode):
        return next(v for k, v in node.value if k.value == step)
    assert isinstance(node, SequenceNode) and isinstance(step, int)
    return node.value[step]


def _lines(error: ValidationError, root: Node) -> set[int]:
    """Every line an editor would underline for the schema's rejection."""
    node = root
    for step in error.absolute_path:
        node = _child(node, step)
    lines = {node.start_mark.line + 1}
    instance = error.instance if isinstance(error.instance, dict) else {}
    if error.validator == "additionalProperties":
        lines |= _key_lines(node, [k for k in instance if k not in error.schema["properties"]])
    if isinstance(error.instance, str):  # a key refused by `propertyNames`
        lines |= _key_lines(node, [error.instance])
    if error.validator == "dependentRequired":
        lines |= _key_lines(node, [k for k in error.validator_value if k in instance])
    for inner in error.context or ():
        lines |= _lines(inner, root)
    return lines


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.name != SETTINGS_FILE)


VALIDATOR = jsonschema.Draft202012Validator(indicator_schema())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(indicator_schema())


@pytest.mark.parametrize(
    "path", _files(EXAMPLES / "valid") + _files(ROOT / "plans/public-health"), ids=lambda p: p.name
)
def test_schema_accepts_valid_examples(path: Path) -> None:
    errors = [error.message for error in VALIDATOR.iter_errors(_data(path))]
    assert errors == []


@pytest.mark.parametrize("path", _files(EXAMPLES / "invalid"), ids=lambda p: p.name)
def test_schema_rejects_invalid_examples(path: Path) -> None:
    if path.name in NOT_SCHEMA_PROBLEMS:
        pytest.skip(NOT_SCHEMA_PROBLEMS[path.name])
    root = _node(path)
    errors = list(VALIDATOR.iter_errors(construct(root, path)))
    assert errors
    # The editor underlines the line `check` reports, not merely somewhere in the file.
    expected = expected_problem(path).line
    assert expected in set().union(*(_lines(error, root) for error in errors))


def test_skip_list_names_only_existing_examples() -> None:
    names = {p.name for p in _files(EXAMPLES / "invalid")}
    assert set(NOT_SCHEMA_PROBLEMS) <= names


@pytest.mark.parametrize(
    ("key", "value", "valid"),
    [
        ("period", "2014-04", True),
        ("period", "2014/15 Q3", True),
        ("period", "2013-01..2013-12", True),
        ("period", 2014, True),
        ("period", "2014-13", False),
        ("period", "April 2014", False),
        ("value", "19,625", True),
        ("value", "£1,200", True),
        ("value", "n/a", True),
        ("value", "about 600", False),
        ("value", "4,6", False),  # a decimal comma: the models refuse it too
        ("value", "1,234,567.5", True),
        ("value", "-£1,200.50", True),
        ("period", "2014-15", True),
        ("period", "Q1 2024/25", True),
        ("period", "2024/25-Q1", True),
        ("period", "2014/2015", True),
        ("period", "1999/00", True),
        ("period", "2014-16", False),
        ("forecast", "yes", True),
        ("forecast", "probably", False),
        ("status", "Green", True),
        ("status", "Purple", False),
        ("note", 2015, True),
    ],
)
def test_schema_patterns_follow_the_models(key: str, value: object, valid: bool) -> None:
    measurement = {"period": "2014-04", "value": 1, key: value}
    assert VALIDATOR.is_valid({"title": "T", "measurements": [measurement]}) is valid


def test_schema_command_prints_the_schema_with_descriptions_and_examples() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == indicator_schema()
    models = [printed, *printed["$defs"].values()]
    for name, field in [(n, f) for model in models for n, f in model["properties"].items()]:
        assert field.get("description") and field.get("examples"), name


MAIDSTONE_STATUSES = (
    "statuses:\n"
    "  Target met: GREEN\n"
    "  Target slightly missed (within 10%): AMBER\n"
    "  Target not achieved: RED\n"
    "  Data Only: BLUE\n"
)


def _with_status(word: str) -> dict[str, object]:
    measurement = {"period": "2023/24 Q1", "value": 38.98, "status": word}
    return {
        "title": "Relief duty",
        "direction": "higher",
        "target": 40,
        "measurements": [measurement],
    }


def test_schema_accepts_the_councils_status_words_from_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Maidstone's key words ("Target met", "Target slightly missed (within 10%)", "Target not
    achieved", "Data Only", from its "First Quarter Performance Monitoring" 2023/24, as in
    tests/fixtures/tables/README.md), written in `statuses:`, are accepted by the schema that
    `actionplan schema` prints and `actionplan new` writes, in any case and spacing, as
    `check` reads them; a word the settings do not give is still flagged."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / SETTINGS_FILE).write_text(MAIDSTONE_STATUSES)
    printed = [
        json.loads(CliRunner().invoke(app, args).stdout)
        for args in (["schema"], ["schema", "--plans", "plans"])
    ]
    made = CliRunner().invoke(app, ["new", "--indicator", "relief", "--title", "Relief duty"])
    assert made.exit_code == 0, made.output
    printed.append(json.loads((tmp_path / "plans" / "actionplan.schema.json").read_text()))
    for schema in printed:
        validator = jsonschema.Draft202012Validator(schema)
        for word in ("Target slightly missed (within 10%)", "TARGET_NOT_ACHIEVED", "data  only"):
            assert validator.is_valid(_with_status(word)), word
        assert validator.is_valid(_with_status("Amber"))  # the tool's own names still
        assert not validator.is_valid(_with_status("Target slightly missed"))
        assert not validator.is_valid(_with_status("Off track"))

    plan = tmp_path / "plans" / "relief.yaml"
    plan.write_text(
        "title: Relief duty\ndirection: higher\ntarget: 40\nmeasurements:\n"
        "  - period: 2023/24 Q1\n    value: 38.98\n"
        "    status: Target slightly missed (within 10%)\n"
    )
    checked = CliRunner().invoke(app, ["check", "--as-of", "2023-07-31", "--no-cache"])
    assert checked.exit_code in (0, 1), checked.output


def test_schema_without_a_settings_file_gives_the_tools_own_words(tmp_path: Path) -> None:
    """No settings file where --plans points: the schema is the plain one."""
    result = CliRunner().invoke(app, ["schema", "--plans", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == indicator_schema()
