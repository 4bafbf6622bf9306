"""The editor schema for a plans tree (`actionplan schema`, and the file `new` writes): the
JSON Schema of indicator files, accepting the council's own status words from the settings
file that `check` reads for the same folder, so an editor never flags a word `check` takes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from actionplan.domain.models import Settings
from actionplan.domain.schema import indicator_schema
from actionplan.edit.changes import SCHEMA_FILE
from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import write_atomic
from actionplan.workspace.store import find_settings, load_settings


def plans_schema(plans: Path | None) -> tuple[dict[str, Any], Path | None]:
    """The schema for the plans in `plans` (else ./plans, when there is one), and the settings
    file whose `statuses:` it accepts (None: no settings file, the tool's own words only)."""
    folder = plans if plans is not None else Path("plans")
    if plans is not None and not folder.exists():
        raise ActionplanError(f"--plans {folder}: no such folder")
    path = find_settings([folder]) if folder.exists() else None
    settings, problems = load_settings(path)
    if problems:
        first = problems[0]
        raise ActionplanError(
            f"{first.path}:{first.line}: {first.message}: the schema takes the council's status "
            "words from this file; correct it first"
        )
    return schema_for(settings), path


def schema_for(settings: Settings) -> dict[str, Any]:
    return indicator_schema(settings.statuses)


def write_schema(root: Path, settings: Settings) -> bool:
    """The JSON Schema a new file's first line points to, written when it is missing (one
    already there, perhaps the council's own, is kept)."""
    target = root / SCHEMA_FILE
    if target.exists():
        return False
    text = json.dumps(schema_for(settings), indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomic(target, text, create=True)
    except ActionplanError:  # written meanwhile by another command, or not writable: the
        return False  # plan file is made all the same, and `actionplan schema` can write it
    return True
