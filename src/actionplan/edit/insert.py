"""One new measurement in a file already laid out as ruamel.yaml writes it (see `canonical`),
made without ruamel reading or rendering the whole file.

The full edit reads the file with ruamel, inserts the item, renders the data before and after,
and lays the change over the original text (see `document.render`). For such a file the
rendering before is the text itself, and the rendering after is the text with the item's lines,
rendered alone, inserted at the place of the item it goes before, or after the last item.
Those two texts are made here and laid over the original by the same code as in the full edit,
so the bytes written are the same, in a tenth of the time. Every other case (a period already
recorded, a period ruamel would read as a date, a file of another layout) is left to the full
edit, which also words the errors.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

from actionplan.domain.models import Measurement
from actionplan.edit.canonical import ruamel_type, shape
from actionplan.edit.changes import measurement_data, period_index
from actionplan.edit.document import detect_layout, item_lines, laid_over, read_text
from actionplan.errors import ActionplanError
from actionplan.workspace.limits import PLAN_BYTES, read_limited


def inserted_text(path: Path, measurement: Measurement, fy_start: int) -> str | None:
    """The file's text with `measurement` inserted in period order, byte for byte what the
    full edit makes; None where the full edit must make it."""
    try:
        read = read_text(path, read_limited(path, PLAN_BYTES))
    except (OSError, ActionplanError):
        return None
    layout = detect_layout(read.node)
    found = shape(read.text, read.node, layout)
    items = read.data.get("measurements") if isinstance(read.data, dict) else None
    if found is None or not isinstance(items, list) or len(items) != len(found.items):
        return None
    position = _position(path, items, measurement, fy_start)
    if position is None or (position == len(items) and not found.follows):
        return None
    item = item_lines(layout, measurement_data(measurement))
    if item is None:
        return None
    lines = read.text.splitlines(keepends=True)
    at = found.items[position] if position < len(items) else found.after
    edited = "".join(lines[:at] + item + lines[at:])
    return laid_over(path, read.text, read.text, edited, newline=read.newline, bom=read.bom)


def _position(path: Path, items: list[Any], measurement: Measurement, fy_start: int) -> int | None:
    """Where the measurement goes among the items, found as the full edit finds it; None for
    a period already recorded, and for periods ruamel reads otherwise than as text or a year
    (`2014-05-15` is a date to it, and a date period sorts by its own rules)."""
    if not all(_read_alike(item) for item in items):
        return None
    try:
        recorded, latest = period_index(path, items, fy_start)
    except ActionplanError:
        return None
    if (measurement.period, measurement.forecast) in recorded:
        return None
    return bisect_right(latest, measurement.period.sort_key)


def _read_alike(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    period = item.get("period")
    if isinstance(period, str):
        return ruamel_type(period) != "timestamp"
    return type(period) is int
