"""The edits the commands make: a measurement recorded in period order, an empty action plan with
the template's guidance as comments, a new indicator file. Each returns the file's new text,
validated; writing it is the caller's."""

from __future__ import annotations

import io
import os
import textwrap
from bisect import bisect_right
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from actionplan.domain.figures import whole_or_float
from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.domain.periods import Period, parse_period
from actionplan.domain.values import Status
from actionplan.domain.words import ordinal
from actionplan.edit.document import (
    EditedFile,
    EditError,
    Layout,
    open_document,
    render,
    round_trip_yaml,
    validated,
)
from actionplan.errors import ActionplanError

SCHEMA_FILE = "actionplan.schema.json"


# The template's own guidance, from the Performance Action Plan documents councils fill in.
CURRENT_SITUATION = (
    "CURRENT SITUATION: Detail what the performance is for this measure and reason/s for "
    "non-compliance."
)
ACTIONS = (
    "ACTIONS: This describes what's necessary or how to achieve a 'green' score. This way "
    "everyone is clear on what is required and when; knows the expected outcome and how to "
    "achieve it."
)
SECTION_GUIDANCE: dict[str, list[str]] = {
    "non_compliance_reason": [
        CURRENT_SITUATION,
        "Performance this Period is worked out from the measurements; to word it yourself, "
        "add `performance:` with your text.",
        "Non-compliance reason:",
    ],
    "what": [ACTIONS, "What (is required):"],
    "how": ["How (will it be achieved):"],
    "who": ["Who (will be responsible):"],
    "when": [
        "When (will results be realised): a period, a date or words; "
        '"Quarter 3" means the first Q3 to end after this plan was written.',
    ],
}
PLAN_HINT = (
    "Action plan for the RED period below. Fill in each section; for several lines or a list, "
    "write `key: |` and indent the text under it (Markdown)."
)


def measurement_data(measurement: Measurement) -> CommentedMap:
    """A measurement as the mapping a person would write, keys in the documented order."""
    item = CommentedMap()
    item["period"] = measurement.period.text
    item["value"] = "NA" if measurement.value is None else whole_or_float(measurement.value)
    if measurement.note is not None:
        item["note"] = measurement.note
    if measurement.reported is not None:
        item["reported"] = measurement.reported.isoformat()
    if measurement.forecast:
        item["forecast"] = True
    if measurement.status is not None:
        item["status"] = measurement.status.value
    for name in ("numerator", "denominator"):
        figure = getattr(measurement, name)
        if figure is not None:
            item[name] = whole_or_float(figure)
    return item


def add_measurement(
    doc: EditedFile, measurement: Measurement, *, replace: bool = False
) -> CommentedMap | None:
    """Insert a measurement in period order; a period that already has a figure (of the same
    kind: actual or forecast) is refused unless `replace`, which rewrites it in place. Returns
    the item inserted (None when one was rewritten), which `render` can be told of."""
    return Measurements(doc).add(measurement, replace=replace)


class Measurements:
    """A file's measurements read once for many insertions: `record --csv` of thousands of
    rows into one indicator looks each period up rather than scanning the list per row."""

    def __init__(self, doc: EditedFile) -> None:
        self.doc = doc
        self.items = _measurements(doc)
        self.recorded, self.latest = period_index(doc.path, self.items, doc.fy_start)

    def add(self, measurement: Measurement, *, replace: bool = False) -> CommentedMap | None:
        """The item inserted, or None when an existing one was rewritten."""
        item = measurement_data(measurement)
        existing = self.recorded.get((measurement.period, measurement.forecast))
        if existing is not None:
            if not replace:
                kind = "a forecast" if measurement.forecast else "a value"
                raise EditError(
                    f"{self.doc.path}: {measurement.period} already has {kind} "
                    f"({existing.get('value')}): use --replace to overwrite it"
                )
            _overwrite(existing, item)
            return None
        items = self.items
        if items and isinstance(items[-1], CommentedMap) and items[-1].fa.flow_style():
            item.fa.set_flow_style()  # `- {period: 2014-05, value: 31}`, like its neighbours
        key = measurement.period.sort_key
        position = bisect_right(self.latest, key)
        items.insert(position, item)
        # Every item before `position` is no later than the new one, so the running latest
        # there is the new period; after it, it is later still, and unchanged.
        self.latest.insert(position, key)
        self.recorded[(measurement.period, measurement.forecast)] = item
        return item


def _measurements(doc: EditedFile) -> CommentedSeq:
    items = doc.data.get("measurements")
    if isinstance(items, CommentedSeq) and items:
        return items
    if items is not None and not isinstance(items, list):
        raise EditError(f"{doc.path}: `measurements` is not a list")
    fresh = CommentedSeq()
    if "measurements" in doc.data:
        doc.data["measurements"] = fresh
    else:
        keys = list(doc.data)
        at = keys.index("action_plan") if "action_plan" in keys else len(keys)
        doc.data.insert(at, "measurements", fresh)
    return fresh


def period_index(
    path: Path, items: list[Any], fy_start: int
) -> tuple[dict[tuple[Period, bool], Any], list[tuple[date, int]]]:
    """The first item of each period (actual or forecast), and the latest period up to each
    item: the first item later than a new period is the first whose running latest is later,
    so its place is found by bisection even in a file whose periods are out of order."""
    recorded: dict[tuple[Period, bool], Any] = {}
    latest: list[tuple[date, int]] = []
    for index, existing in enumerate(items):
        period = _item_period(path, fy_start, existing, index)
        recorded.setdefault((period, bool(existing.get("forecast"))), existing)
        latest.append(max(latest[-1], period.sort_key) if latest else period.sort_key)
    return recorded, latest


def _item_period(path: Path, fy_start: int, item: Any, index: int) -> Period:
    try:
        return parse_period(item["period"], fy_start)
    except (ActionplanError, KeyError, TypeError):
        raise EditError(
            f"{path}: the {ordinal(index + 1)} measurement has no readable period: fix the "
            "file first"
        ) from None


def _overwrite(existing: CommentedMap, item: CommentedMap) -> None:
    # Keys are changed one by one, so the item keeps its place and its comments.
    keys = list(existing)
    following = existing.ca.items.get(keys[-1]) if keys and keys[-1] not in item else None
    for key in [k for k in keys if k not in item]:
        del existing[key]
    for key, value in item.items():
        existing[key] = value
    if following is not None and following[2] is not None:
        _keep_following_lines(existing, following[2])


def _keep_following_lines(item: CommentedMap, removed: Any) -> None:
    """ruamel hangs the comment lines and blank lines after an item on its last key; when that
    key is removed, they move to the new last key, after its own end-of-line comment."""
    _, _, after = removed.value.partition("\n")
    if not after:
        return
    slot = item.ca.items.setdefault(list(item)[-1], [None, None, None, None])
    if slot[2] is None:
        removed.value = "\n" + after
        slot[2] = removed
    else:
        slot[2].value += after


def add_plan_skeleton(doc: EditedFile, period: Period) -> None:
    """An `action_plan` for `period` with every section empty under the template's guidance."""
    if doc.data.get("action_plan") is not None:
        raise EditError(
            f"{doc.path}: already has an action_plan: edit it (set its `period:` when it "
            "answers an earlier RED period)"
        )
    plan = CommentedMap()
    plan["period"] = period.text
    for name in SECTION_GUIDANCE:
        plan[name] = None
    indent = doc.layout.mapping
    plan.yaml_set_comment_before_after_key(
        "period", before=_comment(PLAN_HINT, indent), indent=indent
    )
    for name, lines in SECTION_GUIDANCE.items():
        text = "\n".join(_comment(line, indent) for line in lines)
        plan.yaml_set_comment_before_after_key(name, before=text, indent=indent)
    doc.data["action_plan"] = plan


def _comment(text: str, indent: int) -> str:
    # ruamel adds the "# " itself; each wrapped line is one comment line.
    return "\n".join(textwrap.wrap(text, width=max(40, 96 - indent), break_on_hyphens=False))


def new_indicator_text(fields: dict[str, Any], schema_ref: str) -> str:
    """A new indicator file: the editor's schema line, then the overview fields given."""
    data = CommentedMap((key, value) for key, value in fields.items() if value is not None)
    out = io.StringIO()
    round_trip_yaml(Layout()).dump(data, out)
    return f"# yaml-language-server: $schema={schema_ref}\n{out.getvalue()}"


def schema_reference(new_file: Path, plans_root: Path) -> str:
    """The schema file at the root of the plans tree, as a path relative to `new_file`."""
    target = plans_root.absolute() / SCHEMA_FILE
    return Path(os.path.relpath(target, new_file.absolute().parent)).as_posix()


def plan_skeleton_text(path: Path, indicator: Indicator, settings: Settings, as_of: date) -> str:
    """The file's new text with an empty plan for its RED measure; refused when the measure is
    not RED at `as_of` or already has a plan."""
    from actionplan.judge.assessment import assess

    assessment = assess(indicator, settings, as_of)
    if indicator.action_plan is not None:
        answers = indicator.action_plan.period or "no period stated"
        raise ActionplanError(
            f"{path}: {indicator.id} already has an action_plan (for {answers}): edit it",
            exit_code=1,
        )
    if assessment.status is not Status.RED or assessment.reading is None:
        raise ActionplanError(
            f"{path}: {indicator.id} is {assessment.status} as of {as_of}: only a RED measure "
            "needs an action plan",
            exit_code=1,
        )
    doc = open_document(path, settings.financial_year_start)
    add_plan_skeleton(doc, assessment.reading.measurement.period)
    text = render(doc)
    validated(path, text, settings)
    return text


def measurement_text(
    path: Path, measurement: Measurement, settings: Settings, *, replace: bool = False
) -> str:
    """The file's new text with `measurement` recorded, validated."""
    doc = open_document(path, settings.financial_year_start, base=replace)
    inserted = add_measurement(doc, measurement, replace=replace)
    text = render(doc, inserted=inserted)
    validated(path, text, settings)
    return text


def new_file_text(path: Path, fields: dict[str, Any], settings: Settings, plans_root: Path) -> str:
    """A new indicator file's text, validated; `fields` in the order they are to be written."""
    text = new_indicator_text(fields, schema_reference(path, plans_root))
    validated(path, text, settings)
    return text
