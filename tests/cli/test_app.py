"""The command line's values are coerced without pydantic exactly as Typer would coerce them
(Typer builds a pydantic adapter for each, which costs more than a cached check)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.core import TyperArgument, TyperOption

from actionplan.cli import app
from actionplan.cli.app import plain_value

SAMPLES: tuple[Any, ...] = (
    "plans",
    "",
    "./a b/c.yaml",
    "table",
    "json",
    "JSON",
    "docx",
    "higher",
    "nonsense",
    ("plans", "other/x.yaml"),
    ("one",),
)


def parameters() -> Iterator[tuple[str, Any]]:
    def walk(group: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        for name, command in sorted(getattr(group, "commands", {}).items()):
            for param in command.params:
                if isinstance(param, TyperOption | TyperArgument):
                    yield f"{prefix}{name} {param.name}", param
            yield from walk(command, f"{prefix}{name} ")

    return walk(typer.main.get_command(app), "")


PARAMETERS = list(parameters())


def test_every_kind_of_parameter_is_seen() -> None:
    kinds = {repr(param.type_descriptor.annotation) for _, param in PARAMETERS}
    assert {"<class 'str'>", "<class 'pathlib.Path'>", "list[pathlib.Path]"} <= kinds


@pytest.mark.parametrize(("name", "param"), PARAMETERS, ids=[n for n, _ in PARAMETERS])
def test_quick_coercion_is_typers(name: str, param: Any) -> None:
    ctx = typer.Context(typer.main.get_command(app))
    runtime = param.get_runtime_param()
    for value in SAMPLES:
        quick = plain_value(param.type_descriptor, value)
        if quick is None:
            continue  # left to Typer
        typers = runtime.coerce(value, param=param, ctx=ctx)
        assert type(quick) is type(typers), (name, value)
        assert quick == typers, (name, value)


def test_a_cached_check_does_not_import_pydantic(tmp_path: Any) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_text("title: A\nmeasurements:\n  - {period: 2024-05, value: 3}\n")
    code = (
        "import sys\n"
        "from actionplan.cli import app\n"
        "try:\n"
        "    app(['check', '--as-of', '2024-06', '--format', 'json', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", code, str(plans)], capture_output=True, env=env)
    second = subprocess.run([sys.executable, "-c", code, str(plans)], capture_output=True, env=env)
    assert first.stderr.decode().split()[-1] == "True"  # the file was judged: models needed
    assert second.stderr.decode().split()[-1] == "False", second.stderr.decode()
    assert second.stdout == first.stdout


def test_a_bad_choice_is_still_typers_error() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["check", "--format", "xml", "plans"])
    assert result.exit_code == 2
    assert "xml" in result.output


@pytest.mark.parametrize("word", ["yesterday", "today", "last Friday"])
def test_an_as_of_that_is_not_a_date_is_told_the_forms_a_date_may_take(word: str) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["check", "--as-of", word, "plans"])
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())
    assert f"'{word}' is not a date" in said
    assert "2014-08-14 (a day)" in said
    assert "2014-07 (a month, meaning its last day)" in said
