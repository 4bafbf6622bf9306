"""`actionplan schema`: the JSON Schema of plan files, for editors."""

from __future__ import annotations

import json
import sys

from actionplan.cli.app import Command, PlansOption, app


@app.command(cls=Command)
def schema(plans: PlansOption = None) -> None:
    """Print the JSON Schema of indicator files, for editors that check YAML as you type.

    Save it beside the plans (`actionplan schema > plans/actionplan.schema.json`); files made by
    `actionplan new` point to it on their first line. The council's status words in the
    settings file (`statuses:` in actionplan.yaml, found as `check` finds it for ./plans or
    --plans DIR) are accepted beside the tool's own.
    """
    from actionplan.app.schema_file import plans_schema

    printed, _ = plans_schema(plans)
    json.dump(printed, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
