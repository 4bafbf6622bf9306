"""Every command explains itself in --help and is documented in the README."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from typer.testing import CliRunner

from actionplan.cli import app
from support.paths import README

runner = CliRunner()


def commands() -> Iterator[tuple[str, ...]]:
    """The words that invoke each command, sub-commands of groups included."""

    def walk(group: object, prefix: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        for name, command in sorted(getattr(group, "commands", {}).items()):
            if getattr(command, "hidden", False):
                continue
            yield (*prefix, name)
            yield from walk(command, (*prefix, name))

    return walk(typer.main.get_command(app), ())


COMMANDS = list(commands())


def test_there_are_commands() -> None:
    assert ("check",) in COMMANDS


@pytest.fixture
def cli_wide(monkeypatch: pytest.MonkeyPatch) -> None:
    # Help is laid out for the terminal's width; fix it so wrapping is the same everywhere.
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERMINAL_WIDTH", "100")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_command_has_help(words: tuple[str, ...], cli_wide: None) -> None:
    result = runner.invoke(app, [*words, "--help"])

    assert result.exit_code == 0, result.output
    assert f"Usage: actionplan {' '.join(words)}" in result.stdout
    command = typer.main.get_command(app)
    for word in words:
        command = command.commands[word]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"`actionplan {' '.join(words)}` has no help text"


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_command_is_in_the_readme(words: tuple[str, ...]) -> None:
    readme = README.read_text(encoding="utf-8")

    assert f"actionplan {' '.join(words)}" in readme


def test_check_help(cli_wide: None) -> None:
    result = runner.invoke(app, ["check", "--help"])

    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Usage: actionplan check [OPTIONS]" in text
    for option in ("--as-of", "--format", "--missing", "--all", "--no-cache", "--help"):
        assert option in text
    for choice in ("table", "json", "github"):
        assert choice in text
    # The exit codes are part of the contract with scripts and CI.
    assert (
        "Exits 0 when every RED measure has a current, complete plan, 1 when one does not, 2"
        in (text)
    )
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


@pytest.mark.parametrize("words", [(), *COMMANDS], ids=lambda w: " ".join(w) or "actionplan")
def test_help_has_no_python_types_and_no_broken_paragraphs(
    words: tuple[str, ...], cli_wide: None
) -> None:
    result = runner.invoke(app, [*words, "--help"])

    for placeholder in ("<bool>", "<str>", "<list[", "<path>", "<Path>"):
        assert placeholder not in result.stdout
    # Paragraphs of the description are filled to the width, not broken where the source
    # lines of the docstring happened to end.
    description = result.stdout.split("\n\n", 1)[1].split("Arguments:")[0].split("Options:")[0]
    for paragraph in description.split("\n\n"):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        for line in lines[:-1]:
            assert len(line) >= 50, f"short line in a paragraph: {line!r}"


def test_shell_completion_is_offered(cli_wide: None) -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout
