"""`actionplan check` as one call: load the tree, judge it at a date, place each finding at its
line, and work out SPC for the rows that will be shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from actionplan.judge.check import CheckResult, Row, check
from actionplan.judge.trend import with_spc
from actionplan.output.progress import load_plans
from actionplan.workspace.locate import locate


def check_tree(
    paths: list[Path],
    as_of: date,
    *,
    spc_for: Callable[[Row], bool],
    cache: bool = True,
) -> CheckResult:
    """The result of checking every plan file under `paths` at `as_of`."""
    workspace = load_plans(paths, cache=cache)
    files = [(f.path, f.indicator) for f in workspace.files]
    result = locate(check(files, workspace.settings, as_of, workspace.problems))
    result = with_spc(result, workspace.settings, spc_for)
    return replace(result, notes=workspace.notes + result.notes)
