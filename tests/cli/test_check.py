"""`actionplan check` run as a user runs it, on the bundled plans and on broken copies of them.

Every test works in a fresh copy of plans/ with its own cache folder, so the user's cache is never
read or written.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from actionplan.cli import app
from actionplan.workspace import reading, store
from support.cache_frames import framed, frames
from support.paths import EXAMPLES, ROOT

PLANS = ROOT / "plans"
INVALID = EXAMPLES / "invalid"
SMOKING = "plans/public-health/smoking-quitters.yaml"
OPIATE = "plans/public-health/opiate-users-not-re-presenting.yaml"
TYPO_EXAMPLE = INVALID / "unknown-key-typo.yaml"

JUDGED_THEN = "2014-07-31"  # when the seed plans went to committee
JUDGED_NOW = "2026-11-22"  # long after Quarter 3 2014/15, when smoking results were due

ANSI = re.compile(r"\x1b\[")
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7])(?:;[0-9;]*)?m")
ANNOTATION = re.compile(
    r"::(error|warning) file=([^,:]+),line=(\d+)(?:,col=(\d+))?(?:,title=[^:]*)?::.+"
    r"|::notice title=[^:]*::.+"
)

runner = CliRunner()
NO_TOLERANCE_NOTE = (
    "note: no tolerance is set for 2 indicators with a target, so they cannot be AMBER: set "
    "`tolerance: 5%` (or `{green: 5%, amber: 10%}`) in the workspace settings file, "
    "actionplan.yaml, or in each indicator"
)


@pytest.fixture(autouse=True)
def cli_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "xdg"))
    monkeypatch.delenv("ACTIONPLAN_DEBUG", raising=False)
    return folder


@pytest.fixture
def cli_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled plans, with the working folder set to hold it."""
    shutil.copytree(PLANS, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> Result:
    return runner.invoke(app, ["check", *args])


def lines_about(text: str, indicator_id: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith(indicator_id)]


def assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


# --- table ---------------------------------------------------------------------------------


def test_table_when_the_seeds_went_to_committee(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_THEN)

    assert result.exit_code == 0, result.output
    [opiate] = [line for line in lines_about(result.stdout, "opiate") if "RED" in line]
    [smoking] = [line for line in lines_about(result.stdout, "smoking") if "RED" in line]
    assert "7.37%" in opiate and "OK" in opiate
    assert "617" in smoking and "993" in smoking and "OK" in smoking
    assert "OVERDUE" not in result.stdout and "MISSING" not in result.stdout
    assert f"2 indicators as of {JUDGED_THEN}: 2 RED, 0 AMBER, 0 GREEN" in result.stdout
    assert "Every RED measure (2) has a current, complete plan." in result.stdout
    words = [line for line in result.stdout.splitlines() if "cannot check overdue" in line]
    assert words
    assert all("opiate-users-not-re-presenting" in line for line in words)
    # Neither seed sets a tolerance, nor does the workspace: said once, on stderr.
    assert result.stderr.splitlines() == [NO_TOLERANCE_NOTE]


def test_table_today_finds_the_smoking_plan_overdue(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_NOW)

    assert result.exit_code == 1, result.output
    rows = [line for line in result.stdout.splitlines() if "RED" in line and "(stale)" in line]
    assert len(rows) == 2
    assert "OVERDUE" in next(line for line in rows if "smoking-quitters" in line)
    assert "OVERDUE" not in next(line for line in rows if "opiate-users" in line)
    assert "2 stale" in result.stdout
    assert "RED measures lacking a current, complete plan (1 of 2):" in result.stdout
    [lacking] = [line for line in result.stdout.splitlines() if line.strip().startswith(SMOKING)]
    assert "smoking-quitters OVERDUE" in lacking
    assert "2014-12-31" in lacking  # Quarter 3 of 2014/15, the plan's financial year


def test_missing_prints_only_the_measures_lacking_a_plan(cli_workspace: Path) -> None:
    now = check("--as-of", JUDGED_NOW, "--missing")
    then = check("--as-of", JUDGED_THEN, "--missing")

    assert now.exit_code == 1
    assert "title" not in now.stdout  # no table
    assert "indicators as of" not in now.stdout  # no summary
    assert "smoking-quitters OVERDUE" in now.stdout
    assert "opiate-users-not-re-presenting" not in now.stdout
    assert then.exit_code == 0
    assert "smoking-quitters" not in then.stdout


# --- json ----------------------------------------------------------------------------------

TOP_KEYS = {"version", "as_of", "exit_code", "summary", "indicators", "problems"}
SUMMARY_KEYS = {
    "indicators",
    "RED",
    "AMBER",
    "GREEN",
    "NO TARGET",
    "NO DATA",
    "needs_plan",
    "stale",
    "problems",
}
INDICATOR_KEYS = {
    "id",
    "title",
    "path",
    "status",
    "computed_status",
    "published_status",
    "period",
    "value",
    "target",
    "stale",
    "plan",
    "needs_plan",
}


def by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in document["indicators"]}


def test_json_has_the_documented_shape(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_THEN, "--format", "json")

    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert set(document) >= TOP_KEYS
    assert document["version"] == 1
    assert document["as_of"] == JUDGED_THEN
    assert document["exit_code"] == 0
    assert set(document["summary"]) >= SUMMARY_KEYS
    assert document["summary"]["indicators"] == 2
    assert document["summary"]["RED"] == 2
    assert document["summary"]["needs_plan"] == 0
    assert document["problems"] == []
    indicators = by_id(document)
    assert set(indicators) == {"smoking-quitters", "opiate-users-not-re-presenting"}
    for item in indicators.values():
        assert set(item) >= INDICATOR_KEYS
        assert item["status"] == "RED"
    smoking = indicators["smoking-quitters"]
    assert (smoking["path"], smoking["period"], smoking["value"], smoking["target"]) == (
        SMOKING,
        "2014-04",
        617,
        993,
    )
    opiate = indicators["opiate-users-not-re-presenting"]
    assert opiate["plan"]["coverage"] == "OK"
    assert opiate["plan"]["overdue_checkable"] is False


def test_json_today(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_NOW, "-f", "json")

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["exit_code"] == 1
    assert document["summary"]["stale"] == 2
    assert document["summary"]["needs_plan"] == 1
    smoking = by_id(document)["smoking-quitters"]
    assert smoking["plan"]["coverage"] == "OVERDUE"
    assert smoking["needs_plan"] is True


def test_json_missing_lists_only_measures_lacking_a_plan(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_NOW, "--format", "json", "--missing")

    assert set(by_id(json.loads(result.stdout))) == {"smoking-quitters"}


# --- github --------------------------------------------------------------------------------


def test_github_annotates_the_overdue_plan(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_NOW, "--format", "github")

    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations
    for line in annotations:
        assert ANNOTATION.fullmatch(line), line
    [error] = [line for line in annotations if line.startswith("::error")]
    match = ANNOTATION.fullmatch(error)
    assert match is not None and match[2] == SMOKING
    # The annotation sits on the plan to revise, not on line 1.
    plan_line = (
        (PLANS / "public-health/smoking-quitters.yaml")
        .read_text()
        .splitlines()
        .index("action_plan:")
    )
    assert int(match[3]) == plan_line + 1
    assert "OVERDUE" in error
    assert f"as of {JUDGED_NOW}" in result.stdout


def test_github_is_quiet_when_every_plan_is_current(cli_workspace: Path) -> None:
    result = check("--as-of", JUDGED_THEN, "--format", "github")

    assert result.exit_code == 0
    assert not any(line.startswith("::error") for line in result.stdout.splitlines())


# --- invalid files -------------------------------------------------------------------------


@pytest.fixture
def cli_typo(cli_workspace: Path) -> str:
    """The workspace with one more plan file, whose key is misspelt on line 4."""
    path = "plans/public-health/typo.yaml"
    shutil.copy(TYPO_EXAMPLE, cli_workspace / path)
    return path


def test_invalid_file_exits_2_and_the_others_are_still_checked(cli_typo: str) -> None:
    result = check("--as-of", JUDGED_NOW)

    assert result.exit_code == 2
    assert (
        f"{cli_typo}:4:1: unknown key 'departmental_leed': did you mean 'departmental_lead'?"
        in result.stderr.splitlines()
    )
    assert "2 indicators as of" in result.stdout
    assert "smoking-quitters OVERDUE" in result.stdout
    assert_no_traceback(result)


def test_invalid_file_in_json(cli_typo: str) -> None:
    result = check("--as-of", JUDGED_THEN, "--format", "json")

    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["exit_code"] == 2
    assert document["summary"]["problems"] == 1
    [problem] = document["problems"]
    assert (problem["path"], problem["line"], problem["column"]) == (cli_typo, 4, 1)
    assert "departmental_leed" in problem["message"]
    assert len(document["indicators"]) == 2


def test_invalid_file_in_github(cli_typo: str) -> None:
    result = check("--as-of", JUDGED_THEN, "--format", "github")

    assert result.exit_code == 2
    [error] = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    match = ANNOTATION.fullmatch(error)
    assert match is not None
    assert (match[2], match[3], match[4]) == (cli_typo, "4", "1")
    assert "departmental_leed" in error


def test_every_invalid_example_is_reported_without_a_traceback(cli_workspace: Path) -> None:
    result = check("plans", str(INVALID), "--as-of", JUDGED_THEN)

    assert_no_traceback(result)
    assert result.exit_code == 2
    named = {line.split(":", 1)[0] for line in result.stderr.splitlines()}
    examples = {str(p) for p in INVALID.iterdir() if p.suffix == ".yaml"}
    assert examples <= named
    assert "2 indicators as of" in result.stdout


# --- command line mistakes -----------------------------------------------------------------


@pytest.mark.parametrize("as_of", ["2014-13-45", "yesterday", "31/07/2014"])
def test_bad_as_of_is_a_usage_error(cli_workspace: Path, as_of: str) -> None:
    result = check("--as-of", as_of)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--as-of" in result.stderr
    assert f"'{as_of}' is not a date" in " ".join(result.stderr.split())
    assert_no_traceback(result)


def test_no_plans_folder_gives_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    result = check()

    assert result.exit_code == 2
    assert result.stderr.startswith("error: there is no ./plans folder here")
    assert_no_traceback(result)


def test_a_path_that_does_not_exist_is_a_problem(cli_workspace: Path) -> None:
    result = check("plans", "plans/nowhere", "--as-of", JUDGED_THEN)

    assert result.exit_code == 2
    assert "plans/nowhere: no such file or folder" in result.stderr
    assert "2 indicators as of" in result.stdout


# --- colour --------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """Captured output that says it is a terminal, as a user's console does."""

    def isatty(self) -> bool:
        return True


def run_on_terminal(monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    app(["check", *args], standalone_mode=False)
    return screen.getvalue()


def test_colour_on_a_terminal_but_not_with_no_color(
    cli_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = run_on_terminal(monkeypatch, "--as-of", JUDGED_NOW)
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run_on_terminal(monkeypatch, "--as-of", JUDGED_NOW)

    assert COLOUR.search(coloured), "RED should be coloured on a terminal"
    assert not COLOUR.search(plain)
    assert "OVERDUE" in plain


def test_installed_script_pipes_plain_text(cli_workspace: Path) -> None:
    script = Path(sys.executable).parent / "actionplan"
    assert script.exists(), "install the project (pip install -e .) to get the script"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}

    completed = subprocess.run(
        [str(script), "check", "--as-of", JUDGED_NOW],
        cwd=cli_workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 1
    assert not ANSI.search(completed.stdout + completed.stderr)
    assert "Traceback" not in completed.stderr
    assert completed.stdout == check("--as-of", JUDGED_NOW).stdout


# --- the parse cache -----------------------------------------------------------------------


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal"))


def refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse_outcome(path: Path, **options: bool) -> object:
        raise AssertionError(f"{path} was parsed again rather than read from the cache")

    monkeypatch.setattr(reading, "parse_outcome", parse_outcome)


def test_second_run_reads_the_cache(
    cli_workspace: Path, cli_cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check("--as-of", JUDGED_NOW, "--format", "json")
    assert len(cache_files(cli_cache_dir)) == 1
    refuse_to_parse(monkeypatch)

    second = check("--as-of", JUDGED_NOW, "--format", "json")

    assert_no_traceback(second)
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)


def test_no_cache_reads_every_file(cli_workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check("--as-of", JUDGED_NOW)
    parsed: list[Path] = []
    real = reading.parse_outcome

    def counting(path: Path, **options: bool) -> object:
        parsed.append(path)
        return real(path, **options)

    monkeypatch.setattr(reading, "parse_outcome", counting)

    result = check("--as-of", JUDGED_NOW, "--no-cache")

    assert result.exit_code == 1
    plan_files = [p for p in PLANS.rglob("*.yaml") if p.name != store.SETTINGS_FILE]
    assert sorted(p.name for p in parsed) == sorted(p.name for p in plan_files)


def test_an_edited_file_is_read_again(cli_workspace: Path) -> None:
    check("--as-of", JUDGED_THEN)
    smoking = cli_workspace / SMOKING
    smoking.write_text(smoking.read_text().replace("value: 617", "value: 1017"))

    result = check("--as-of", JUDGED_THEN, "--format", "json")

    assert by_id(json.loads(result.stdout))["smoking-quitters"]["value"] == 1017


def _garbage(_: bytes) -> bytes:
    return b"\x00not a cache\xff" * 10


def _empty(_: bytes) -> bytes:
    return b""


def _truncated(stored: bytes) -> bytes:
    return stored[: len(stored) // 2]


def _wrong_shape(stored: bytes) -> bytes:
    """Entries of the wrong shape in a cache that otherwise reads: `check` keeps each file's
    result with its own checksum, so a well-formed file of foreign entries must be distrusted."""
    header, *chunks = frames(stored)
    return framed([header, *({name: ("not", "an", "entry") for name in c} for c in chunks)])


@pytest.mark.parametrize("corrupt", [_garbage, _empty, _truncated, _wrong_shape])
def test_a_corrupt_cache_is_ignored_and_rebuilt(
    cli_workspace: Path,
    cli_cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    corrupt: Callable[[bytes], bytes],
) -> None:
    first = check("--as-of", JUDGED_NOW)
    [cache] = cache_files(cli_cache_dir)
    cache.write_bytes(corrupt(cache.read_bytes()))

    second = check("--as-of", JUDGED_NOW)
    refuse_to_parse(monkeypatch)
    third = check("--as-of", JUDGED_NOW)

    assert_no_traceback(second)
    assert (second.exit_code, second.stdout, second.stderr) == (
        first.exit_code,
        first.stdout,
        first.stderr,
    )
    assert third.stdout == first.stdout


def test_a_cache_that_cannot_be_written_is_skipped(
    cli_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = cli_workspace / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n")
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(blocker / "cache"))

    result = check("--as-of", JUDGED_THEN)

    assert result.exit_code == 0
    assert result.stderr.splitlines() == [NO_TOLERANCE_NOTE]
    assert "2 indicators as of" in result.stdout
