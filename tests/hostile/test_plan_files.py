"""Plan files built to hurt the loader, and things in the plans folder that are not plan files:
each is one located problem that says which limit and how to raise it, the other files are
still checked, and nothing hangs or fills memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support import forked

GOOD = (
    "title: Good\ndirection: higher\ntarget: 10\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
)
AS_OF = ["--as-of", "2014-07-31", "--no-cache"]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "good.yaml").write_text(GOOD)
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ACTIONPLAN_FOLLOW_LINKS", "")  # restored after `--follow-links`
    return work


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", *AS_OF, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def problems(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if name in line]


# --- nesting, aliases, tags, size -------------------------------------------------------------


@pytest.mark.parametrize(("opened", "closed"), [("[", "]"), ("{a: ", "}")])
def test_nesting_past_the_limit_is_refused_at_its_line(
    tree: Path, opened: str, closed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tree / "plans" / "deep.yaml"
    deep.write_text(f"title: T\ndescription: {opened * 500}{closed * 500}\n")
    code, out, err = check()
    assert code == 2 and "1 indicator as of" in out  # good.yaml is still checked
    [problem] = problems(err, "deep.yaml")
    assert problem.startswith("plans/deep.yaml:2:")
    assert (
        "lists or mappings nested more than 64 deep, over the limit of 64 levels: if the file "
        "is genuine, raise the limit with ACTIONPLAN_MAX_PLAN_DEPTH"
    ) in problem

    deep.write_text(f"title: T\ndescription: {opened * 80}{closed * 80}\n")
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_DEPTH", "100")
    code, _, err = check()
    [problem] = problems(err, "deep.yaml")
    assert code == 2 and "description" in problem and "nested" not in problem


def test_a_depth_limit_raised_past_what_can_be_read_is_still_a_problem(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "plans" / "deep.yaml").write_text(f"title: T\ndescription: {'[' * 900}{']' * 900}\n")
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_DEPTH", "1000")
    code, _, err = check()
    [problem] = problems(err, "deep.yaml")
    assert code == 2 and "nested deeper than this program can read: lower" in problem


def test_an_alias_bomb_is_refused_before_it_expands(tree: Path) -> None:
    # Nine values, each alias level nine copies of the one before: 9**9 values once expanded.
    levels = "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    (tree / "plans" / "bomb.yaml").write_text(f"a: &a [x, x, x, x, x, x, x, x, x]\n{levels}")
    run = forked.run(["check", *AS_OF], tree, timeout=10)
    assert run.code == 2 and run.seconds < 5 and run.added_mb < 300, run
    [problem] = problems(run.stderr, "bomb.yaml")
    assert "more than 100,000 keys and list items by here" in problem
    assert "raise the limit with ACTIONPLAN_MAX_PLAN_VALUES" in problem


def test_a_few_aliases_are_read_as_copies(tree: Path) -> None:
    (tree / "plans" / "alias.yaml").write_text(
        "title: &t Alias\ndescription: *t\ndirection: higher\ntarget: 10\n"
        "measurements:\n  - &m {period: 2014-04, value: 12}\n"
    )
    code, out, err = check("--all", "--format", "json")
    assert code == 1, err
    assert '"title": "Alias"' in out


@pytest.mark.parametrize("loop", ["&a [*a]", "&a {x: *a}", "&a [1, [2, {b: *a}]]"])
def test_an_alias_inside_what_it_names_is_a_located_problem(tree: Path, loop: str) -> None:
    (tree / "plans" / "loop.yaml").write_text(f"title: T\ndescription: {loop}\n")
    code, _, err = check()
    [problem] = problems(err, "loop.yaml")
    assert code == 2
    assert problem.startswith("plans/loop.yaml:2:14: an alias (*name) inside the value it names")


@pytest.mark.parametrize(
    ("text", "column", "tag"),
    [
        ("!plan {title: T}\n", 1, "!plan"),
        ("title: T\ndescription: !!set {a, b}\n", 14, "tag:yaml.org,2002:set"),
        ("title: T\ndescription: !!binary aGVsbG8=\n", 14, "tag:yaml.org,2002:binary"),
        ("title: T\ndescription: !!python/tuple [a]\n", 14, "tag:yaml.org,2002:python/tuple"),
    ],
)
def test_tags_a_plan_has_no_use_for_are_refused_where_they_are(
    tree: Path, text: str, column: int, tag: str
) -> None:
    (tree / "plans" / "tagged.yaml").write_text(text)
    code, _, err = check()
    [problem] = problems(err, "tagged.yaml")
    line = text.count("\n", 0, text.index("!")) + 1
    assert code == 2
    assert problem.startswith(f"plans/tagged.yaml:{line}:{column}: unsupported tag {tag}")


def test_a_plan_over_the_size_limit_is_refused_unread(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tree / "plans" / "big.yaml"
    big.write_text(GOOD + "# padding\n" * 200_000)
    code, out, err = check()
    assert code == 2 and "1 indicator as of" in out
    [problem] = problems(err, "big.yaml")
    assert problem == (
        f"plans/big.yaml:1:1: {big.stat().st_size:,} bytes, over the limit of 1,048,576 bytes: "
        "if the file is genuine, raise the limit with ACTIONPLAN_MAX_PLAN_BYTES"
    )
    monkeypatch.setenv("ACTIONPLAN_MAX_PLAN_BYTES", str(3 * 2**20))
    code, out, _ = check()
    assert code == 1 and "2 indicators as of" in out


# --- what is not a plan file ------------------------------------------------------------------


def test_a_fifo_is_reported_and_never_opened(tree: Path) -> None:
    os.mkfifo(tree / "plans" / "pipe.yaml")
    os.mkfifo(tree / "named.yaml")
    run = forked.run(["check", *AS_OF], tree, timeout=10)
    assert run.code == 2, run
    assert "plans/pipe.yaml:1:1: cannot read: not a regular file (a FIFO)" in run.stderr
    run = forked.run(["check", *AS_OF, "named.yaml"], tree, timeout=10)
    assert run.code == 2 and "named.yaml:1:1: not a regular file (a FIFO)" in run.stderr


def test_a_link_to_a_device_is_not_read_even_when_links_are_followed(tree: Path) -> None:
    (tree / "plans" / "zero.yaml").symlink_to("/dev/zero")
    run = forked.run(["check", *AS_OF], tree, timeout=10)
    assert run.code == 2 and "zero.yaml:1:1: a symbolic link to /dev/zero, outside" in run.stderr
    run = forked.run(["--follow-links", "check", *AS_OF], tree, timeout=10)
    assert run.code == 2 and run.added_mb < 300, run
    assert "zero.yaml:1:1: cannot read: not a regular file (a device)" in run.stderr


def test_a_link_loop_is_reported_once(tree: Path) -> None:
    (tree / "plans" / "self.yaml").symlink_to("self.yaml")
    (tree / "plans" / "sub").mkdir()
    (tree / "plans" / "sub" / "up").symlink_to("..")  # inside: its files are read where they are
    outside = tree / "shared"
    outside.mkdir()
    (outside / "shared.yaml").write_text(GOOD.replace("Good", "Shared"))
    (outside / "again").symlink_to(outside)
    (tree / "plans" / "shared").symlink_to(outside)

    run = forked.run(["--follow-links", "check", *AS_OF, "--all"], tree, timeout=10)

    assert run.code == 2, run
    assert problems(run.stderr, "self.yaml") == [
        "plans/self.yaml:1:1: cannot read: Too many levels of symbolic links"
    ]
    [loop] = problems(run.stderr, "again")
    assert loop.startswith("plans/shared/again:1:1: a loop of symbolic links")
    assert "2 indicators as of" in run.stdout  # good, and shared read once


def test_an_unreadable_folder_is_a_problem_not_an_empty_result(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = tree / "plans" / "sub"
    sub.mkdir()
    (sub / "red.yaml").write_text(GOOD.replace("Good", "Red"))
    sub.chmod(0)
    if os.geteuid() == 0:  # root reads every folder: refuse as the system would anyone else
        listing = os.scandir

        def scandir(path: str | os.PathLike[str]) -> object:
            if Path(path) == Path("plans/sub"):
                raise PermissionError(13, "Permission denied", str(path))
            return listing(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        code, out, err = check("plans")
    finally:
        sub.chmod(0o755)
    assert code == 2
    assert "plans/sub:1:1: cannot read: Permission denied: its plans are not read" in err
    assert "1 indicator as of" in out


def test_an_unreadable_file_is_a_problem(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tree / "plans" / "secret.yaml"
    secret.write_text(GOOD.replace("Good", "Secret"))
    secret.chmod(0)
    if os.geteuid() == 0:  # root opens every file: refuse as the system would anyone else
        opening = os.open

        def refuse(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
            if Path(path).name == "secret.yaml":
                raise PermissionError(13, "Permission denied", str(path))
            return opening(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    code, out, err = check()
    assert code == 2 and "1 indicator as of" in out
    assert "plans/secret.yaml:1:1: cannot read: Permission denied" in err
