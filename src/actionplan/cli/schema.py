"""`actionplan schema`: the JSON Schema of plan files, for editors."""

from __future__ import annotations

import json
import sys

from actionplan.cli.app import Command, app


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of indicator files, for editors that check YAML as you type.

    Save it beside the plans (`actionplan schema > plans/actionplan.schema.json`); files made by
    `actionplan new` point to it on their first line.
    """
    from actionplan.domain.schema import indicator_schema

    json.dump(indicator_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
