"""Links into /proc, /sys and /dev lead to files that are not what they seem (`/proc/self/root`
is the whole disk, `/proc/<pid>/exe` cannot be read), and a link can vanish while the folder is
walked: each is a problem with a message, even with `--follow-links`, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import forked

PLAN = "title: A\ndirection: higher\ntarget: 10\nmeasurements:\n  - period: 2014-04\n    value: 5\n"
AS_OF = ["--as-of", "2014-06-30"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(PLAN)
    return tmp_path


@pytest.mark.parametrize("target", ["/proc/self", "/proc", "/sys/kernel", "/dev"])
def test_a_followed_link_into_a_special_file_system_is_a_problem_not_a_walk(
    tree: Path, target: str
) -> None:
    if not os.path.isdir(target):
        pytest.skip(f"{target} is not on this system")
    (tree / "plans" / "special").symlink_to(target)

    run = forked.run(["--follow-links", "check", "--no-cache", *AS_OF], tree, timeout=30)

    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "plans/special:1:1: a symbolic link to " in run.stderr
    assert "a special file system" in run.stderr
    assert run.seconds < 10  # passed by, not walked (`/proc/self/root` is the whole disk)


def test_a_followed_link_to_a_file_in_proc_is_not_read(tree: Path) -> None:
    (tree / "plans" / "status.yaml").symlink_to("/proc/self/status")
    run = forked.run(["--follow-links", "check", "--no-cache", *AS_OF], tree, timeout=30)
    assert run.code == 2 and "Traceback" not in run.stderr
    assert "plans/status.yaml:1:1: a symbolic link to /proc/" in run.stderr
    assert "a special file system" in run.stderr


def test_a_link_that_vanishes_while_the_folder_is_walked_is_a_problem(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from actionplan.cli import app

    (tree / "outside").mkdir()
    (tree / "plans" / "gone").symlink_to(tree / "outside")
    monkeypatch.chdir(tree)
    real_readlink = os.readlink

    def vanishing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> str:
        if os.fspath(path).endswith("gone"):  # removed between listing and following it
            raise FileNotFoundError(2, "No such file or directory", os.fspath(path))
        return real_readlink(path)

    monkeypatch.setattr(os, "readlink", vanishing)
    result = CliRunner().invoke(app, ["--follow-links", "check", "--no-cache", *AS_OF])

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    assert "plans/gone:1:1: cannot follow the link (No such file or directory)" in result.stderr
