"""Plan files held for editing so that what a person wrote is kept.

ruamel.yaml's round-trip mode makes each edit, indented like the rest of the file. Its output is
then laid over the original text (see `overlay`), so every line the edit does not touch keeps its
exact bytes: ruamel re-spaces a few things it reads (`key:   value`, `~`, trailing blanks, a plain
scalar over several lines), and a person's file must not change where they did not ask. Each
result is re-read and validated before anything is written.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from yaml.nodes import MappingNode, Node, SequenceNode

from actionplan.domain.figures import Written
from actionplan.domain.models import Indicator, Settings
from actionplan.edit.overlay import overlay
from actionplan.errors import ActionplanError, FileProblem
from actionplan.workspace.construct import construct
from actionplan.workspace.limits import PLAN_BYTES, read_limited
from actionplan.workspace.validation import validate_text
from actionplan.workspace.yamlfile import compose, decode


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
class EditedFile:
    """One plan file held for editing: its original text and ruamel's round-trip data."""

    path: Path
    original: str  # with "\n" line ends; `newline` and `bom` restore the file's own
    data: CommentedMap
    base: str | None  # ruamel's rendering of the data before any edit (None: not made)
    measured: int  # how many measurements the file held when read
    layout: Layout
    fy_start: int
    newline: str = "\n"
    bom: bool = False


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip reading, but a date no calendar holds (`2014-02-30`, `0000-01-01`)
    stays the text it is, as `check` reads it, instead of stopping the edit."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip writing, and a figure given as text written as that text (`1e23`,
    `12.50`): a plain number, never the digits of the double nearest it."""

    def represent_written(self, data: Written) -> ScalarNode:
        whole = data.text.lstrip("-").isdigit()
        return self.represent_scalar(
            "tag:yaml.org,2002:" + ("int" if whole else "float"), data.text
        )


_Representer.add_representer(Written, _Representer.represent_written)


def round_trip_yaml(layout: Layout) -> YAML:
    """ruamel.yaml as every edit uses it: quotes kept, long lines never re-wrapped."""
    yaml = YAML()
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def open_document(path: Path, fy_start: int, *, base: bool = True) -> EditedFile:
    """A plan file held for editing. `base=False` when the one edit will be a measurement
    inserted (see `render`): its rendering before the edit is then not made up front."""
    try:
        raw = read_limited(path, PLAN_BYTES)
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    return parse_document(path, raw, fy_start, base=base)


def parse_document(path: Path, raw: bytes, fy_start: int, *, base: bool = True) -> EditedFile:
    read = read_text(path, raw)
    text, layout = read.text, detect_layout(read.node)
    try:
        data = round_trip_yaml(layout).load(text)
    except YAMLError as error:
        raise ActionplanError(f"{path}: cannot be edited: {error}") from None
    if not isinstance(data, CommentedMap):
        raise ActionplanError(f"{path}: does not hold a mapping of keys such as `title:`")
    # Dumped now, before any edit, rather than by parsing the text a second time later.
    before = dump(round_trip_yaml(layout), data) if base else None
    measurements = data.get("measurements")
    measured = len(measurements) if isinstance(measurements, list) else 0
    return EditedFile(path, text, data, before, measured, layout, fy_start, read.newline, read.bom)


@dataclass(frozen=True)
class ReadText:
    """A plan file's text as every edit starts from it, checked as `check` reads it."""

    text: str  # with "\n" line ends
    node: Node | None  # libyaml's node tree of it, with positions
    data: Any  # its plain data
    newline: str  # the file's own line end
    bom: bool


def read_text(path: Path, raw: bytes) -> ReadText:
    """The text of a file to edit; its limits, alias loops and bombs are refused before
    ruamel reads it."""
    try:
        text = decode(raw, path)
        node = compose(text.replace("\r\n", "\n"), path)
        data = None if node is None else construct(node, path)
    except FileProblem as error:
        raise ActionplanError(f"{error}: fix the file first") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = raw.startswith(b"\xef\xbb\xbf")
    return ReadText(text.replace("\r\n", "\n"), node, data, newline, bom)


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


def render(doc: EditedFile, *, inserted: CommentedMap | None = None) -> str:
    """The edited file's text: ruamel's rendering of the changes, the original bytes elsewhere.

    `inserted`: the one change made is this measurement inserted (as `add_measurement` says);
    for a file opened without its rendering before the edit, that rendering is then read from
    the one after, so each file is rendered once."""
    edited = dump(round_trip_yaml(doc.layout), doc.data)
    base = doc.base
    if base is None:
        base = (inserted is not None and _without(doc, edited, inserted)) or _base(doc)
    return laid_over(doc.path, doc.original, base, edited, newline=doc.newline, bom=doc.bom)


def laid_over(
    path: Path, read: str, base: str, edited: str, *, newline: str = "\n", bom: bool = False
) -> str:
    """The file's new text: `edited` (ruamel's rendering after the edit) laid over the text
    `read`, with `base` (its rendering before the edit) to tell what the edit changed."""
    original = read if read.endswith("\n") else read + "\n"
    lines = overlay(
        original.splitlines(keepends=True),
        base.splitlines(keepends=True),
        edited.splitlines(keepends=True),
    )
    text = edited if lines is None else "".join(lines)
    # A text that is ruamel's rendering itself holds its data: no need to read both.
    if lines is not None and text != edited and not _same_data(text, edited, path):
        text = edited  # the overlay misplaced a line: ruamel's whole rendering is still right
    if not read.endswith("\n") and text.endswith(original.rsplit("\n", 2)[-2] + "\n"):
        text = text[:-1]
    text = text.replace("\n", newline)
    return ("\ufeff" if bom else "") + text


def _base(doc: EditedFile) -> str:
    """ruamel's rendering of the file's data as it was read, from its text again (where it
    was not made up front and cannot be read from the edited rendering)."""
    data = round_trip_yaml(doc.layout).load(doc.original)
    return dump(round_trip_yaml(doc.layout), data)


def _without(doc: EditedFile, edited: str, inserted: CommentedMap) -> str | None:
    """ruamel's rendering of the data before `inserted` was added to its measurements, read
    from the rendering after: the same lines less those of the item (ruamel renders each item
    of a list on lines of its own, the same whatever its neighbours). A quarter of the cost of
    rendering the whole file again; None where the item cannot be found exactly."""
    items = doc.data.get("measurements")
    if not isinstance(items, list) or len(items) != doc.measured + 1 or not doc.measured:
        return None
    position = next((i for i, item in enumerate(items) if item is inserted), None)
    item = item_lines(doc.layout, inserted)
    lines = edited.splitlines(keepends=True)
    if position is None or item is None or "measurements:\n" not in lines:
        return None
    dash = item[0][: len(item[0]) - len(item[0].lstrip(" "))] + "-"
    key = lines.index("measurements:\n")
    starts = [n for n in range(key + 1, len(lines)) if _item_start(lines[n], dash)]
    if len(starts) != len(items) or lines[starts[position] : starts[position] + len(item)] != item:
        return None
    start = starts[position]
    return "".join(lines[:start] + lines[start + len(item) :])


def item_lines(layout: Layout, item: CommentedMap) -> list[str] | None:
    """ruamel's rendering of a measurement as an item of a file's list (None where it cannot
    be told apart from the key above it)."""
    alone = dump(round_trip_yaml(layout), {"measurements": [item]}).splitlines(keepends=True)
    return alone[1:] if alone[0] == "measurements:\n" else None


def _item_start(line: str, dash: str) -> bool:
    return line.startswith(dash) and line[len(dash) : len(dash) + 1] in (" ", "\n")


def dump(yaml: YAML, data: Any) -> str:
    """ruamel's rendering of `data`."""
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


def validated(path: Path, text: str, settings: Settings) -> Indicator:
    """The indicator a file's new text holds; raises ActionplanError naming what is wrong."""
    try:
        return validate_text(
            text.lstrip("\ufeff"), path, settings.financial_year_start, settings.statuses
        )
    except FileProblem as error:
        raise ActionplanError(f"{error}: the edit was not written") from None
