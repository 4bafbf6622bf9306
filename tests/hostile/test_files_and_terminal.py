"""What the tool writes and prints when files are hostile: links in the output folder, names
too long for the file system, read-only, owned and attributed plans, a full disk, and control
characters in anything shown on a terminal."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import write_atomic
from support import forked
from support.paths import ROOT

AS_OF = ["--as-of", "2014-07-31", "--no-cache"]
PLAN = (
    "title: {title}\ndirection: higher\ntarget: 10\n"
    "measurements:\n  - period: 2014-04\n    value: 5\n"
)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "plans", work / "plans")
    monkeypatch.chdir(work)
    monkeypatch.setenv("ACTIONPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return work


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- render --out --------------------------------------------------------------------------


def test_render_replaces_a_symlink_in_the_folder_rather_than_writing_through_it(
    tree: Path,
) -> None:
    outside = tree / "outside.md"
    outside.write_text("precious\n")
    (tree / "papers").mkdir()
    (tree / "papers" / "smoking-quitters.md").symlink_to(outside)
    (tree / "papers" / "opiate-users-not-re-presenting.md").symlink_to(tree / "nowhere.md")

    code, _, err = invoke("render", "--out", "papers", *AS_OF)

    assert code == 0, err
    assert outside.read_text() == "precious\n"
    assert not (tree / "nowhere.md").exists()  # a dangling link's target is never created
    for name in ("smoking-quitters.md", "opiate-users-not-re-presenting.md"):
        written = tree / "papers" / name
        assert not written.is_symlink() and "ACTIONS" in written.read_text()


def test_an_id_too_long_for_a_file_name_is_shortened_and_the_others_still_render(
    tree: Path,
) -> None:
    long_id = "x" * 250
    plan = (tree / "plans" / "public-health" / "smoking-quitters.yaml").read_text()
    (tree / "plans" / "long.yaml").write_text(f"id: {long_id}\n" + plan.split("\n", 1)[1])
    # The long file itself must also be editable (its temporary name is shortened too).
    code, _, err = invoke("render", "--out", "papers", *AS_OF)

    assert code == 0, err
    names = sorted(p.name for p in (tree / "papers").iterdir())
    assert len(names) == 3 and all(len(n.encode()) <= 240 for n in names)
    shortened = next(n for n in names if n.startswith("xxx"))
    assert shortened.endswith(".md") and "-" in shortened


def test_an_output_file_that_cannot_be_written_is_reported_and_the_others_are_written(
    tree: Path,
) -> None:
    (tree / "papers" / "smoking-quitters.md").mkdir(parents=True)  # a folder in the way
    code, _, err = invoke("render", "--out", "papers", *AS_OF)
    assert code == 2
    assert "papers/smoking-quitters.md: not a regular file" in err
    assert (tree / "papers" / "opiate-users-not-re-presenting.md").is_file()


def test_concurrent_renders_into_one_new_folder_both_succeed(tree: Path) -> None:
    for attempt in range(10):
        gate, release = os.pipe()
        args = ["render", "--out", f"papers-{attempt}/a/b", *AS_OF]
        children = [forked.start(args, tree, gate=gate) for _ in range(2)]
        os.write(release, b"go")
        os.close(gate)
        os.close(release)
        runs = [forked.finish(child, 30) for child in children]
        assert [r.code for r in runs] == [0, 0], [r.stderr for r in runs]
        assert len(list((tree / f"papers-{attempt}/a/b").iterdir())) == 2


# --- record: protections, owner, attributes, a full disk -------------------------------------


def _one_plan(tree: Path) -> Path:
    shutil.rmtree(tree / "plans")
    (tree / "plans").mkdir()
    path = tree / "plans" / "p.yaml"
    path.write_text(PLAN.format(title="P"))
    return path


def test_record_refuses_a_read_only_file_even_as_root(tree: Path) -> None:
    path = _one_plan(tree)
    os.chmod(path, 0o444)
    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 2
    assert "p.yaml: the file is read-only: nothing was written" in err
    assert path.read_text() == PLAN.format(title="P")


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another owner")
def test_record_as_root_keeps_the_owner_and_group(tree: Path) -> None:
    path = _one_plan(tree)
    os.chown(path, 65534, 65534)
    os.chmod(path, 0o664)
    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 0, err
    status = path.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (65534, 65534, 0o664)


def test_record_keeps_extended_attributes(tree: Path) -> None:
    path = _one_plan(tree)
    try:
        os.setxattr(path, "user.reviewed", b"yes")
    except OSError:
        pytest.skip("this file system has no user extended attributes")
    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 0, err
    assert os.getxattr(path, "user.reviewed") == b"yes"


def test_record_through_a_symlink_edits_the_target_and_keeps_the_link(tree: Path) -> None:
    plan = _one_plan(tree)
    (tree / "plans" / ".shared").mkdir()  # hidden: read only through the link
    real = plan.rename(tree / "plans" / ".shared" / "real.yaml")
    link = tree / "plans" / "p.yaml"
    link.symlink_to(".shared/real.yaml")  # a link inside the plans folder: read without asking
    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 0, err
    assert link.is_symlink() and "2014-05" in real.read_text()


def test_a_link_out_of_the_plans_folder_is_followed_only_when_asked(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONPLAN_FOLLOW_LINKS", "")  # restored after `--follow-links` sets it
    real = _one_plan(tree).rename(tree / "real.yaml")
    link = tree / "plans" / "p.yaml"
    link.symlink_to(real)

    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 2 and "some files could not be read" in err
    assert "2014-05" not in real.read_text()
    code, _, err = invoke("check", *AS_OF)
    assert code == 2
    assert f"plans/p.yaml:1:1: a symbolic link to {real}, outside the plans folder" in err
    assert "--follow-links" in err

    code, _, err = invoke("--follow-links", "record", "p", "2014-05", "6")
    assert code == 0, err
    assert link.is_symlink() and "2014-05" in real.read_text()


def test_a_hard_link_keeps_the_old_text_as_the_readme_says(tree: Path) -> None:
    path = _one_plan(tree)
    other = tree / "other-name.yaml"
    os.link(path, other)
    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 0, err
    assert "2014-05" in path.read_text() and "2014-05" not in other.read_text()


def test_a_full_disk_leaves_the_file_byte_identical_and_says_why(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _one_plan(tree)
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("actionplan.workspace.atomic.os.fsync", full)
    code, _, err = invoke("record", "p", "2014-05", "6")
    assert code == 2
    assert "p.yaml: cannot write (No space left on device): the file was left as it was" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["p.yaml"]


def test_a_file_name_too_long_for_a_temporary_name_can_still_be_edited(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 250 + ".yaml")
    path.write_text("old\n")
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n" and len(list(tmp_path.iterdir())) == 1


def test_writing_over_a_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("old\n")
    path.chmod(0o400)
    with pytest.raises(ActionplanError, match="read-only"):
        write_atomic(path, "new\n")


# --- terminal safety -----------------------------------------------------------------------


def test_control_characters_in_titles_keys_and_names_are_shown_escaped(tree: Path) -> None:
    shutil.rmtree(tree / "plans")
    (tree / "plans").mkdir()
    (tree / "plans" / "red.yaml").write_text(PLAN.format(title='"\\e]0;owned\\a\\e[2J Red"'))
    (tree / "plans" / "key.yaml").write_text(
        'title: K\n"bad\\nplans/forged.yaml:1:1: all is well": 1\n'
    )
    (tree / "plans" / "\x1b[31mname.yaml").write_text("title: [unclosed\n")

    code, out, err = invoke("check", "--as-of", "2014-07-31", "--no-cache")

    assert code == 2
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\\x1b]0;owned\\x07\\x1b[2J Red" in out
    assert "\\x1b[31mname.yaml" in err
    assert "unknown key 'bad\\nplans/forged.yaml:1:1: all is well'" in err
    assert not any(line.startswith("plans/forged.yaml") for line in err.splitlines())


def test_control_characters_never_reach_json_or_github_output_raw(tree: Path) -> None:
    shutil.rmtree(tree / "plans")
    (tree / "plans").mkdir()
    (tree / "plans" / "red.yaml").write_text(PLAN.format(title='"\\x9b2J \\u202e Red"'))
    for fmt in ("json", "github"):
        code, out, _ = invoke("check", "--format", fmt, "--all", "--as-of", "2014-07-31")
        assert code in (0, 1)
        assert "\x9b" not in out and "\u202e" not in out, fmt


def test_rendered_documents_hold_no_control_characters(tree: Path) -> None:
    plan = tree / "plans" / "public-health" / "smoking-quitters.yaml"
    plan.write_text(plan.read_text().replace("title: Smoking", 'title: "\\e[2J"\n# Smoking', 1))
    code, out, err = invoke("render", "smoking-quitters", *AS_OF)
    assert code == 0, err
    assert "\x1b" not in out and "\\x1b" in out


def test_debug_shows_the_stack_that_an_error_otherwise_hides(tree: Path) -> None:
    run = forked.run(["record", "nobody", "2014-05", "6"], tree)
    assert run.code == 2 and "Traceback" not in run.stderr
    assert "error: no indicator has the id 'nobody'" in run.stderr
    run = forked.run(["--debug", "record", "nobody", "2014-05", "6"], tree)
    assert run.code == forked.TRACEBACK_EXIT
    assert "Traceback" in run.stderr and "no indicator has the id 'nobody'" in run.stderr
