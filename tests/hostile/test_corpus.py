"""Every hostile input, through every command that reads it (plan files through check, render,
report and record; spreadsheets through record --csv and --table; documents through import):
each run exits 0, 1 or 2 within 10 s and under 300 MB, prints no traceback, and an error names
the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import forked
from support import hostile_corpus as corpus

# Processes killed, raced or fed thousands of generated files: outside the quick set.
pytestmark = pytest.mark.slow

TIMEOUT = 10.0
MEMORY_MB = 300
AS_OF = ["--as-of", "2014-07-31", "--no-cache"]
TABLE_MAP = ["--map", "id=id", "--map", "value=value"]


def _params(cases: list[corpus.Case]) -> list[object]:
    return [pytest.param(files, id=name) for name, files in cases]


def _put(folder: Path, files: dict[str, corpus.Content]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            content(path)
    return list(files)


def _sound(run: forked.Run, names: list[str], what: str) -> None:
    assert run.code is not None, f"{what}: still running after {run.seconds:.1f} s"
    assert run.code in (0, 1, 2), f"{what}: exit {run.code}\n{run.stderr[-3000:]}"
    assert "Traceback" not in run.stderr, f"{what}:\n{run.stderr[-3000:]}"
    assert run.added_mb < MEMORY_MB, f"{what}: {run.added_mb:.0f} MB"
    if run.code == 2:
        shown = [name.encode("unicode_escape").decode().replace("\\\\", "\\") for name in names]
        assert any(name in run.stderr or repr(name)[1:-1] in run.stderr for name in shown), (
            f"{what}: the error does not name {names}:\n{run.stderr[-2000:]}"
        )


@pytest.fixture
def work(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "work"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "good.yaml").write_bytes(corpus.GOOD)
    return root, {"ACTIONPLAN_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize("files", _params(corpus.PLAN_CASES))
def test_plan_files(files: dict[str, corpus.Content], work: tuple[Path, dict[str, str]]) -> None:
    root, env = work
    names = _put(root / "plans", files)
    for args in (
        ["check", *AS_OF],
        ["render", "--out", "papers", *AS_OF],
        ["report", *AS_OF],
        ["record", "good", "2014-05", "6"],
    ):
        run = forked.run(args, root, TIMEOUT, env)
        _sound(run, names, " ".join(args[:1]))
        assert "root:x:0:0" not in run.stdout + run.stderr  # nothing outside the folder shown
    assert not (root / "PWNED").exists() and not (root / "plans" / "PWNED").exists()
    assert not (root.parent / "outside.md").exists()


@pytest.mark.parametrize("files", _params(corpus.CSV_CASES))
def test_spreadsheets(files: dict[str, corpus.Content], work: tuple[Path, dict[str, str]]) -> None:
    root, env = work
    names = _put(root, files)
    for args in (
        ["record", "--csv", "in.csv"],
        ["record", "--table", "in.csv", "--period", "2014-05", *TABLE_MAP],
    ):
        before = (root / "plans" / "good.yaml").read_bytes()
        run = forked.run(args, root, TIMEOUT, env)
        _sound(run, names, " ".join(args[:2]))
        if run.code != 0:
            assert (root / "plans" / "good.yaml").read_bytes() == before


@pytest.mark.parametrize("files", _params(corpus.DOC_CASES))
def test_documents(files: dict[str, corpus.Content], work: tuple[Path, dict[str, str]]) -> None:
    root, env = work
    names = _put(root, files)
    run = forked.run(
        ["import", "--year", "2014/15", "--out", "imported", *names], root, TIMEOUT, env
    )
    _sound(run, names, "import")
    for written in (root / "imported").glob("*.yaml") if (root / "imported").is_dir() else []:
        text = written.read_text()
        assert "root:" not in text and "lollollol" not in text  # no entity was resolved


def test_the_corpus_is_large_enough() -> None:
    assert len(corpus.PLAN_CASES) + len(corpus.CSV_CASES) + len(corpus.DOC_CASES) >= 100
