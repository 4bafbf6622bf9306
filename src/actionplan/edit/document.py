"""Edits to plan files that keep what a person wrote, and writes that never leave half a file.

ruamel.yaml's round-trip mode makes each edit, indented like the rest of the file. Its output is
then laid over the original text, so every line the edit does not touch keeps its exact bytes:
ruamel re-spaces a few things it reads (`key:   value`, `~`, trailing blanks, a plain scalar
over several lines), and a person's file must not change where they did not ask. Each result is
re-read and validated before anything is written, and written atomically.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from yaml.nodes import MappingNode, Node, SequenceNode

from actionplan.domain.models import Indicator, Measurement, Settings, Status
from actionplan.domain.periods import Period, parse_period
from actionplan.errors import ActionplanError, FileProblem
from actionplan.workspace.store import validate_text
from actionplan.workspace.yamlfile import compose, construct, decode

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
        '"Quarter 3" means Q3 of the financial year of this plan\'s period.',
    ],
}
PLAN_HINT = (
    "Action plan for the RED period below. Fill in each section; for several lines or a list, "
    "write `key: |` and indent the text under it (Markdown)."
)


class EditError(ActionplanError):
    """An edit that clashes with what a file already holds: nothing was done."""

    exit_code = 1


@dataclass(frozen=True)
class Layout:
    """How a file indents: ruamel.yaml's mapping, sequence and dash-offset widths."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


@dataclass
class Document:
    """One plan file held for editing: its original text and ruamel's round-trip data."""

    path: Path
    original: str  # with "\n" line ends; `newline` and `bom` restore the file's own
    data: CommentedMap
    base: str  # ruamel's rendering of the data before any edit
    layout: Layout
    fy_start: int
    newline: str = "\n"
    bom: bool = False


def _yaml(layout: Layout) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def open_document(path: Path, fy_start: int) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    return parse_document(path, raw, fy_start)


def parse_document(path: Path, raw: bytes, fy_start: int) -> Document:
    try:
        text = decode(raw, path)
        node = compose(text.replace("\r\n", "\n"), path)
    except FileProblem as error:
        raise ActionplanError(f"{error}: fix the file first") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    layout = detect_layout(node)
    try:
        data = _yaml(layout).load(text)
    except YAMLError as error:
        raise ActionplanError(f"{path}: cannot be edited: {error}") from None
    if not isinstance(data, CommentedMap):
        raise ActionplanError(f"{path}: does not hold a mapping of keys such as `title:`")
    # Dumped now, before any edit, rather than by parsing the text a second time later.
    base = _dump(_yaml(layout), data)
    bom = raw.startswith(b"\xef\xbb\xbf")
    return Document(path, text, data, base, layout, fy_start, newline, bom)


def detect_layout(root: Node | None) -> Layout:
    """The indentation most used in the file, so an inserted item looks like its neighbours."""
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                _measure(key, value, mappings, sequences)
                pending.append(value)
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    if sequences:
        sequence, offset = sequences.most_common(1)[0][0]
    else:
        sequence, offset = mapping + 2, mapping
    return Layout(mapping, sequence, offset)


def _measure(
    key: Node, value: Node, mappings: Counter[int], sequences: Counter[tuple[int, int]]
) -> None:
    column = key.start_mark.column
    if getattr(value, "flow_style", False) or not value.value:
        return
    if isinstance(value, MappingNode):
        indent = value.value[0][0].start_mark.column - column
        if indent > 0:
            mappings[indent] += 1
    elif isinstance(value, SequenceNode):
        offset = value.start_mark.column - column
        first = value.value[0]
        block = isinstance(first, MappingNode) and first.value and not first.flow_style
        content = first.value[0][0] if block else first
        sequence = content.start_mark.column - column
        if sequence > offset >= 0:
            sequences[(sequence, offset)] += 1


# --- measurements ----------------------------------------------------------------------------


def measurement_data(measurement: Measurement) -> CommentedMap:
    """A measurement as the mapping a person would write, keys in the documented order."""
    item = CommentedMap()
    item["period"] = measurement.period.text
    item["value"] = "NA" if measurement.value is None else _number(measurement.value)
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
            item[name] = _number(figure)
    return item


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def add_measurement(doc: Document, measurement: Measurement, *, replace: bool = False) -> None:
    """Insert a measurement in period order; a period that already has a figure (of the same
    kind: actual or forecast) is refused unless `replace`, which rewrites it in place."""
    items = _measurements(doc)
    item = measurement_data(measurement)
    if items and isinstance(items[-1], CommentedMap) and items[-1].fa.flow_style():
        item.fa.set_flow_style()  # `- {period: 2014-05, value: 31}`, like its neighbours
    position = len(items)
    for index, existing in enumerate(items):
        period = _item_period(doc, existing, index)
        same_kind = bool(existing.get("forecast")) == measurement.forecast
        if period == measurement.period and same_kind:
            if not replace:
                kind = "a forecast" if measurement.forecast else "a value"
                raise EditError(
                    f"{doc.path}: {measurement.period} already has {kind} "
                    f"({existing.get('value')}): use --replace to overwrite it"
                )
            _overwrite(existing, item)
            return
        if measurement.period < period and position == len(items):
            position = index
    items.insert(position, item)


def _measurements(doc: Document) -> CommentedSeq:
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


def _item_period(doc: Document, item: Any, index: int) -> Period:
    try:
        return parse_period(item["period"], doc.fy_start)
    except (ActionplanError, KeyError, TypeError):
        raise EditError(
            f"{doc.path}: measurements[{index}] has no readable period: fix the file first"
        ) from None


def _overwrite(existing: CommentedMap, item: CommentedMap) -> None:
    # Keys are changed one by one, so the item keeps its place and its comments.
    for key in [k for k in existing if k not in item]:
        del existing[key]
    for key, value in item.items():
        existing[key] = value


# --- action plans ----------------------------------------------------------------------------


def add_plan_skeleton(doc: Document, period: Period) -> None:
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


# --- new files -------------------------------------------------------------------------------


def new_indicator_text(fields: dict[str, Any], schema_ref: str) -> str:
    """A new indicator file: the editor's schema line, then the overview fields given."""
    data = CommentedMap((key, value) for key, value in fields.items() if value is not None)
    out = io.StringIO()
    _yaml(Layout()).dump(data, out)
    return f"# yaml-language-server: $schema={schema_ref}\n{out.getvalue()}"


def schema_reference(new_file: Path, plans_root: Path) -> str:
    """The schema file at the root of the plans tree, as a path relative to `new_file`."""
    target = plans_root.absolute() / SCHEMA_FILE
    return Path(os.path.relpath(target, new_file.absolute().parent)).as_posix()


# --- producing and checking the new text -----------------------------------------------------


def render(doc: Document) -> str:
    """The edited file's text: ruamel's rendering of the changes, the original bytes elsewhere."""
    edited = _dump(_yaml(doc.layout), doc.data)
    base = doc.base
    original = doc.original if doc.original.endswith("\n") else doc.original + "\n"
    lines = overlay(
        original.splitlines(keepends=True),
        base.splitlines(keepends=True),
        edited.splitlines(keepends=True),
    )
    text = edited if lines is None else "".join(lines)
    if lines is not None and not _same_data(text, edited, doc.path):
        text = edited  # the overlay misplaced a line: ruamel's whole rendering is still right
    if not doc.original.endswith("\n") and text.endswith(original.rsplit("\n", 2)[-2] + "\n"):
        text = text[:-1]
    text = text.replace("\n", doc.newline)
    return ("\ufeff" if doc.bom else "") + text


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _same_data(text: str, other: str, path: Path) -> bool:
    try:
        return bool(_plain(text, path) == _plain(other, path))
    except FileProblem:
        return False


def _plain(text: str, path: Path) -> Any:
    node = compose(text, path)
    return None if node is None else construct(node, path)


@dataclass(frozen=True)
class _Segment:
    """Lines i1:i2 of the original that ruamel renders as lines j1:j2."""

    i1: int
    i2: int
    j1: int
    j2: int

    @property
    def one_to_one(self) -> bool:
        # Equal, or re-spaced line for line: either way line k here is line k there.
        return self.i2 - self.i1 == self.j2 - self.j1


def overlay(original: list[str], base: list[str], edited: list[str]) -> list[str] | None:
    """`edited` with every line that the edit (base -> edited) left alone taken from `original`,
    where `base` is ruamel's rendering of `original`. None when the changes cannot be placed."""
    segments = [_Segment(0, len(original), 0, len(base))]
    if base != original:
        segments = [
            _Segment(i1, i2, j1, j2)
            for _, i1, i2, j1, j2 in difflib.SequenceMatcher(
                None, original, base, autojunk=False
            ).get_opcodes()
            if j2 > j1
        ]
    out: list[str] = []
    done = 0  # original lines copied so far
    matcher = difflib.SequenceMatcher(None, base, edited, autojunk=False)
    for tag, j1, j2, k1, k2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, prefix = _start(segments, j1, len(original), base)
        end, suffix = _end(segments, j1, j2, start, base)
        if start < done:
            return None  # two changes inside one re-spaced block
        if tag == "insert" and start == end and not prefix:
            start = end = _after_content(original, done, start)
        out += original[done:start] + prefix + edited[k1:k2] + suffix
        done = end
    return out + original[done:]


_OPENS_BLOCK = re.compile(r":\s*(#.*)?$")


def _after_content(original: list[str], done: int, at: int) -> int:
    """Move an insertion up past the blank and comment lines above it: they introduce what
    follows them (ruamel files them under what precedes), unless a key opens just above."""
    line = at
    while line > done and (not original[line - 1].strip() or _is_comment(original[line - 1])):
        line -= 1
    if line == at or line == 0 or _OPENS_BLOCK.search(original[line - 1].rstrip("\n")):
        return at
    return line


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _segment(segments: list[_Segment], j: int) -> _Segment | None:
    return next((s for s in segments if s.j1 <= j < s.j2), None)


def _start(segments: list[_Segment], j: int, total: int, base: list[str]) -> tuple[int, list[str]]:
    """Where a change at base line j begins in the original, and base lines it must repeat."""
    seg = _segment(segments, j)
    if seg is None:  # the end: before any lines ruamel drops there, such as `...`
        return (segments[-1].i2 if segments else total), []
    if seg.one_to_one or j == seg.j1:
        return seg.i1 + (j - seg.j1 if seg.one_to_one else 0), []
    return seg.i1, base[seg.j1 : j]


def _end(
    segments: list[_Segment], j1: int, j2: int, start: int, base: list[str]
) -> tuple[int, list[str]]:
    if j2 == j1:  # a pure insertion
        seg = _segment(segments, j1)
        if seg is None or seg.one_to_one or j1 == seg.j1:
            return start, []
        return seg.i2, base[j1 : seg.j2]
    seg = _segment(segments, j2 - 1)
    if seg is None:
        return start, []
    if seg.one_to_one:
        return seg.i1 + (j2 - seg.j1), []
    return seg.i2, base[j2 : seg.j2]


def validated(path: Path, text: str, settings: Settings) -> Indicator:
    """The indicator a file's new text holds; raises ActionplanError naming what is wrong."""
    try:
        return validate_text(text.lstrip("\ufeff"), path, settings.financial_year_start)
    except FileProblem as error:
        raise ActionplanError(f"{error}: the edit was not written") from None


# --- whole edits, as the commands make them --------------------------------------------------


def plan_skeleton_text(path: Path, indicator: Indicator, settings: Settings, as_of: date) -> str:
    """The file's new text with an empty plan for its RED measure; refused when the measure is
    not RED at `as_of` or already has a plan."""
    from actionplan.judge.check import assess

    assessment = assess(indicator, settings, as_of)
    if indicator.action_plan is not None:
        raise ActionplanError(
            f"{path}: {indicator.id} already has an action_plan "
            f"(for {indicator.action_plan.period}): edit it",
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
    doc = open_document(path, settings.financial_year_start)
    add_measurement(doc, measurement, replace=replace)
    text = render(doc)
    validated(path, text, settings)
    return text


def new_file_text(path: Path, fields: dict[str, Any], settings: Settings, plans_root: Path) -> str:
    """A new indicator file's text, validated; `fields` in the order they are to be written."""
    text = new_indicator_text(fields, schema_reference(path, plans_root))
    validated(path, text, settings)
    return text
