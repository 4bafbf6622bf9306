"""The check's printers by name: `--format table|json|github`. Each takes a finished CheckReport
and a stream, so it is tested on results built in memory."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from actionplan.output.check.github import report_github
from actionplan.output.check.json_output import report_json
from actionplan.output.check.rows import CheckReport
from actionplan.output.check.table import report_table

Printer = Callable[[CheckReport, TextIO, bool, bool], None]


PRINTERS: dict[str, Printer] = {
    "table": report_table,
    "json": report_json,
    "github": report_github,
}
