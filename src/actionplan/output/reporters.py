"""The check reporters by name: `--format table|json|github`. Each takes a finished CheckReport
and a stream, so it is tested on results built in memory."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from actionplan.output.check_rows import CheckReport
from actionplan.output.machine import report_github, report_json
from actionplan.output.table import report_table

Reporter = Callable[[CheckReport, TextIO, bool, bool], None]


REPORTERS: dict[str, Reporter] = {
    "table": report_table,
    "json": report_json,
    "github": report_github,
}
