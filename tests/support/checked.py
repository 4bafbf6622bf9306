"""A check of indicators given as data, run as `actionplan check` runs it: each written as a
plan file in a fresh plans folder (with a settings file if given) and read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from actionplan.app.check import check_tree
from actionplan.output.check.rows import CheckReport


def check_data(
    folder: Path, files: dict[str, dict[str, Any]], as_of: date, settings: dict[str, Any] | None
) -> CheckReport:
    """`files`: each plan file's name and data (a title and direction are added)."""
    plans = folder / "plans"
    plans.mkdir(parents=True)
    (folder / ".git").mkdir()  # the settings file is looked for up to here, not above
    if settings is not None:
        (plans / "actionplan.yaml").write_text(yaml.safe_dump(settings))
    for name, data in files.items():
        full = {"title": "Test indicator", "direction": "higher", **data}
        (plans / name).write_text(yaml.safe_dump(full, sort_keys=False))
    return check_tree([plans], as_of, spc="none", cache=False)
