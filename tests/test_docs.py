"""Every console example in the README and docs/ runs, and prints what the page shows.

A ```console block holds commands, each on a line starting `$ ` (a line ending in a backslash
goes on to the next), and under each the output it prints: stdout and stderr together, in the
order they are written. A line `...` in the output stands for any number of lines.

The blocks of one page run in order in one working folder, so a page can walk through an edit
and then show its effect. That folder starts as a copy of the project's `plans/` (in `./plans`);
an HTML comment on the line before a block, `<!-- console: fixture tests/fixtures/docs/NAME -->`,
starts a new folder holding a copy of that fixture's contents instead, and
`<!-- console: plans -->` a fresh copy of `plans/`. Examples pin the date with `--as-of`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.paths import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BIN = Path(sys.executable).parent

_DIRECTIVE = re.compile(r"<!--\s*console:\s*(.+?)\s*-->")
_ANY_LINES = "..."


@dataclass
class Command:
    text: str
    line: int
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    page: Path
    line: int
    start: str | None
    commands: list[Command]


@dataclass
class Session:
    """Blocks that run one after another in one working folder."""

    page: Path
    start: str
    blocks: list[Block]

    @property
    def name(self) -> str:
        return f"{shown(self.page)}:{self.blocks[0].line}"


def shown(page: Path) -> str:
    return str(page.relative_to(ROOT)) if page.is_relative_to(ROOT) else page.name


def console_blocks(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != "```console":
            index += 1
            continue
        fence = index
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        previous = next((lines[i] for i in range(fence - 1, -1, -1) if lines[i].strip()), "")
        directive = _DIRECTIVE.fullmatch(previous.strip())
        body: list[tuple[int, str]] = []
        index += 1
        while index < len(lines) and lines[index].strip() != "```":
            body.append((index + 1, lines[index].removeprefix(indent)))
            index += 1
        if index == len(lines):
            raise AssertionError(f"{page}:{fence + 1}: the console block is not closed")
        index += 1
        blocks.append(
            Block(page, fence + 1, directive[1] if directive else None, parse_commands(page, body))
        )
    return blocks


def parse_commands(page: Path, body: list[tuple[int, str]]) -> list[Command]:
    commands: list[Command] = []
    continued = False
    for number, text in body:
        if continued:
            commands[-1].text += "\n" + text
            continued = text.endswith("\\")
        elif text.startswith("$ "):
            commands.append(Command(text[2:], number))
            continued = text.endswith("\\")
        elif not commands:
            raise AssertionError(f"{page}:{number}: output before any `$ ` command")
        else:
            commands[-1].expected.append(text)
    if not commands:
        raise AssertionError(f"{page}: a console block without a command")
    return commands


def sessions(pages: list[Path]) -> list[Session]:
    found: list[Session] = []
    for page in pages:
        current: Session | None = None
        for block in console_blocks(page):
            if current is None or block.start is not None:
                current = Session(page, block.start or "plans", [])
                found.append(current)
            current.blocks.append(block)
    return found


def prepare(start: str, work: Path) -> None:
    if start == "plans":
        work.mkdir(parents=True)
        shutil.copytree(ROOT / "plans", work / "plans")
        return
    kind, _, where = start.partition(" ")
    source = ROOT / where
    if kind != "fixture" or not source.is_dir():
        raise AssertionError(f"cannot start a console session from {start!r}")
    shutil.copytree(source, work)


def environment(scratch: Path) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("ACTIONPLAN_", "FORCE_COLOR", "PY"))
    }
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(scratch / "home"),
        XDG_CACHE_HOME=str(scratch / "cache"),
        ACTIONPLAN_CACHE_DIR=str(scratch / "cache" / "actionplan"),
        NO_COLOR="1",
        TERM="dumb",
        COLUMNS="100",
        PYTHONUNBUFFERED="1",
        LC_ALL="C.UTF-8",
        TZ="UTC",
    )
    return env


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line for line, with `...` standing for any run of lines."""
    if not expected:
        return not actual
    if expected[0] == _ANY_LINES:
        return any(matches(expected[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def trimmed(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run_session(session: Session, scratch: Path) -> list[str]:
    """Each command's output that differs from its page, as `page:line` and both texts."""
    work = scratch / "work"
    prepare(session.start, work)
    env = environment(scratch)
    failures: list[str] = []
    status = 0
    for block in session.blocks:
        for command in block.commands:
            done = subprocess.run(
                ["bash", "-c", f"(exit {status}); {command.text}"],
                cwd=work,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
            )
            status = done.returncode
            actual = trimmed(done.stdout.splitlines())
            expected = trimmed(command.expected)
            if not matches(expected, actual):
                failures.append(
                    f"{shown(session.page)}:{command.line}: $ {command.text}\n"
                    "--- the page shows:\n" + "\n".join(expected) + "\n"
                    "--- the command printed:\n" + "\n".join(actual)
                )
    return failures


SESSIONS = sessions(PAGES)


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s.name)
def test_console_example_prints_what_the_page_shows(session: Session, tmp_path: Path) -> None:
    failures = run_session(session, tmp_path)

    assert not failures, "\n\n".join(failures)


def test_the_readme_and_every_reference_page_have_examples_that_run() -> None:
    pages = {session.page.name for session in SESSIONS}
    assert "README.md" in pages
    assert len(SESSIONS) >= 5


def test_every_test_the_council_wording_table_names_exists() -> None:
    # The table is the evidence that each council's rule is held by a test: a renamed or
    # removed test must not leave it pointing at nothing.
    page = (ROOT / "docs" / "status-rules.md").read_text(encoding="utf-8")
    table = page.split("## Council wording, as settings", 1)[1].split("\n\n<!--", 1)[0]
    named = set(re.findall(r"`(test_\w+)`", table))
    defined = {
        name
        for path in (ROOT / "tests").rglob("test_*.py")
        for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)
    }
    assert len(named) >= 8
    assert sorted(named - defined) == []


# --- the examples' own checks ----------------------------------------------------------------


def page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


CHECK = "$ actionplan check --as-of 2014-07-31 --missing"
PLANS_OK = "Every RED measure (2) has a current, complete plan."


def test_a_block_with_wrong_output_fails(tmp_path: Path) -> None:
    wrong = page(tmp_path, f"Text\n\n```console\n{CHECK}\nEvery RED measure (3) has one.\n```\n")
    [session] = sessions([wrong])

    failures = run_session(session, tmp_path / "run")

    assert len(failures) == 1
    assert failures[0].startswith("page.md:4: $ actionplan check")
    assert PLANS_OK in failures[0]


def test_a_block_with_the_right_output_passes(tmp_path: Path) -> None:
    right = page(tmp_path, f"```console\n{CHECK}\n...\n{PLANS_OK}\n...\n```\n")
    [session] = sessions([right])

    assert run_session(session, tmp_path / "run") == []


def test_the_elision_does_not_hide_a_wrong_line(tmp_path: Path) -> None:
    wrong = page(tmp_path, f"```console\n{CHECK}\n...\nA line the check never prints\n```\n")
    [session] = sessions([wrong])

    assert len(run_session(session, tmp_path / "run")) == 1


def test_blocks_of_a_page_share_a_folder_until_a_comment_starts_a_new_one(tmp_path: Path) -> None:
    text = (
        "```console\n$ echo kept > note.txt\n```\n\n"
        "```console\n$ cat note.txt\nkept\n```\n\n"
        "<!-- console: plans -->\n```console\n$ ls\nplans\n```\n"
    )
    found = sessions([page(tmp_path, text)])

    assert [len(session.blocks) for session in found] == [2, 1]
    for number, session in enumerate(found):
        assert run_session(session, tmp_path / f"run{number}") == []


def test_continued_lines_and_exit_codes_are_read(tmp_path: Path) -> None:
    text = (
        "  ```console\n  $ actionplan check --as-of 2014-07-31 \\\n  >/dev/null\n"
        "  $ echo $?\n  0\n  ```\n"
    )
    [block] = console_blocks(page(tmp_path, text))

    assert [c.text for c in block.commands] == [
        "actionplan check --as-of 2014-07-31 \\\n>/dev/null",
        "echo $?",
    ]
    assert block.commands[1].expected == ["0"]


def test_a_fixture_comment_names_the_folder_to_start_from(tmp_path: Path) -> None:
    text = "<!-- console: fixture tests/fixtures/docs/nowhere -->\n```console\n$ ls\n```\n"
    [session] = sessions([page(tmp_path, text)])

    assert session.start == "fixture tests/fixtures/docs/nowhere"
    with pytest.raises(AssertionError, match="cannot start"):
        run_session(session, tmp_path / "run")
