"""Plan files already laid out as ruamel.yaml writes them, recognized without ruamel.

An edit keeps a person's layout by rendering the edited data with ruamel.yaml and laying that
over the original text (see `document`). ruamel reads a 3 KB plan in about 7 ms and renders it
in 4 ms, in Python: nearly all the cost of an edit. Yet many files, and every file this tool
writes, are already in ruamel's own layout: read and rendered again, they come out byte for
byte as they went in. For those, the rendering before an edit is the text itself, and the
rendering after a measurement is inserted is that text with the item's lines inserted where the
item goes (ruamel renders each item of a block list on lines of its own, the same whatever its
neighbours), so the edit needs neither reading nor rendering the whole file (see `insert`).

`shape` recognizes such a file from libyaml's node tree and the file's lines, conservatively:
block mappings and lists indented exactly as the file's detected layout; keys and one-line
values exactly as ruamel writes them (plain text, numbers as ruamel keeps them, `true`/`false`,
dates, quoted text without escapes, `key:` for nothing, literal `|` blocks), each line with an
end-of-line comment or none; comment lines and blank lines only between top-level keys.
Anything else (flow style, folded text, `~`, re-spaced values, other indentation) is declined
and takes the full round trip. Tests make both on generated files of every shape allowed and
of many declined, and compare the bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ruamel.yaml.resolver import VersionedResolver
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionplan.edit.document import Layout

MEASUREMENTS = "measurements"
# ruamel folds a plain or quoted scalar that runs past its line width (4,096): far longer
# lines are left to it.
LONGEST_LINE = 1000

# ruamel's own typing of plain scalars (YAML 1.2, as every edit reads), so a value is judged
# by the type ruamel gives it, not by the one `check` gives it: its table of the patterns tried
# for each first character, read as its resolver reads it.
_IMPLICIT: dict[str | None, list[tuple[str, re.Pattern[str]]]] = (
    VersionedResolver().versioned_resolver
)
# The forms ruamel writes back as they were read: a whole number without sign or leading zero
# (`+1` loses its sign), a decimal number of at most 15 digits (a double holds 15 exactly), a
# calendar date.
_INT = re.compile(r"0|-?[1-9][0-9]*")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TOO_LONG = re.compile(f"[^\n]{{{LONGEST_LINE + 1}}}")
_COMMENT = re.compile(r" +#.*")
# Characters ruamel may write otherwise than they were read: tabs, controls, line separators,
# byte-order marks.
_CHARS = re.compile("[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_NODE_MARKS = re.compile(r"[&*!?]")
_NODE_START = " \t\r\n[{,"


@dataclass(frozen=True)
class Shape:
    """Where the measurements are in a file laid out as ruamel writes it."""

    items: list[int]  # the line (from 0) each item starts on: its dash
    after: int  # the line after the last item
    follows: bool  # a top-level key or the end of the file follows the last item directly


def shape(text: str, root: Node | None, layout: Layout) -> Shape | None:
    """Where the measurements are, when ruamel would render `text` (with "\\n" line ends)
    exactly as it is and the file holds a block list of them; else None."""
    if not _plain_lines(text) or not isinstance(root, MappingNode) or root.flow_style:
        return None
    lines = text.split("\n")
    lines.pop()  # the "" after the last line end
    if not lines[0]:
        return None  # ruamel drops a blank first line
    walk = _Walk(lines, layout)
    found: Shape | None = None
    for index, (key, value) in enumerate(root.value):
        if not walk.between(key.start_mark.line) or not walk.pair(key, value, ""):
            return None
        if key.value == MEASUREMENTS and isinstance(value, SequenceNode):
            following = (
                root.value[index + 1][0].start_mark.line
                if index + 1 < len(root.value)
                else len(lines)
            )
            items = [item.start_mark.line for item in value.value]
            found = Shape(items, walk.at, following == walk.at)
    if not walk.between(len(lines)):
        return None
    return found


def _plain_lines(text: str) -> bool:
    """Text whose every character and line ruamel writes back unchanged: no tabs, controls,
    anchors, aliases or tags, no line break but "\\n", no space at a line's end (ruamel drops
    it), and no line long enough to be folded. (Document markers and directives are lines the
    walk finds no place for.)"""
    return (
        text.endswith("\n")
        and "\r" not in text
        and " \n" not in text
        and not _CHARS.search(text)
        and not _node_mark(text)
        and not _TOO_LONG.search(text)
    )


def _node_mark(text: str) -> bool:
    """An anchor, alias, tag or complex key: each can only start a node (after a space, a line
    break or a flow indicator), and an anchor or alias names something. "A&E", "Performance &
    Public Health", "done!" and "why? no" in text are none of them."""
    for match in _NODE_MARKS.finditer(text):
        at = match.start()
        if at and text[at - 1] not in _NODE_START:
            continue
        mark, following = text[at], text[at + 1 : at + 2]
        named = following != "" and not following.isspace()
        if mark == "!" or (mark in "&*" and named) or (mark == "?" and not named):
            return True
    return False


class _Walk:
    """The file's lines checked against what ruamel would write for each node, in order."""

    def __init__(self, lines: list[str], layout: Layout) -> None:
        self.lines = lines
        self.layout = layout
        self.at = 0  # the next line to account for

    def line(self, expected: str, *, comment: bool = False) -> bool:
        """The current line is `expected`, or, where `comment`, `expected` and a comment after
        one space or more (ruamel writes a comment back at the column it was read from)."""
        if self.at >= len(self.lines):
            return False
        line = self.lines[self.at]
        if line != expected and not (
            comment and line.startswith(expected) and _COMMENT.fullmatch(line, len(expected))
        ):
            return False
        self.at += 1
        return True

    def between(self, end: int) -> bool:
        """Blank lines and comments in the first column, up to line `end`: ruamel keeps them
        where they are between top-level keys."""
        if end < self.at or any(
            line and not line.startswith("#") for line in self.lines[self.at : end]
        ):
            return False
        self.at = end
        return True

    def pair(self, key: Node, value: Node, prefix: str) -> bool:
        """`prefix` (the indentation, or the dash of a list item) then `key: value`."""
        mark = key.start_mark
        if mark.line != self.at or mark.column != len(prefix) or not isinstance(key, ScalarNode):
            return False
        name = self.one_line(key)
        if name is None or key.style or not _written_back(name):
            return False
        head = f"{prefix}{name}:"
        if isinstance(value, ScalarNode):
            return self.scalar(head, value, len(prefix))
        if not isinstance(value, (MappingNode, SequenceNode)) or value.flow_style:
            return False
        if not value.value or not self.line(head, comment=True):
            return False
        if isinstance(value, MappingNode):
            inner = " " * (len(prefix) + self.layout.mapping)
            return all(self.pair(k, v, inner) for k, v in value.value)
        return self.sequence(value, len(prefix))

    def scalar(self, head: str, node: ScalarNode, column: int) -> bool:
        if not node.style and node.value == "":  # `key:` with nothing: ruamel's null
            return self.line(head, comment=True)
        if node.style == "|":
            return self.literal(head, node, column)
        source = self.one_line(node)
        if source is None:
            return False
        if not node.style:  # plain (libyaml gives "" or None)
            written = _written_back(source)
        else:  # quoted: kept as quoted; an escape (`\u00e9`) would be written otherwise
            written = node.style in ("'", '"') and len(source) > 2 and "\\" not in source
        return written and self.line(f"{head} {source}", comment=True)

    def literal(self, head: str, node: ScalarNode, column: int) -> bool:
        """A `|` or `|-` block at the mapping's indentation, starting with no space (which
        would need an indentation digit) and not ending in blank lines (which `|` drops)."""
        if node.start_mark.line != self.at:
            return False
        indicator = self.lines[self.at][node.start_mark.column :].split(" ", 1)[0]
        body = node.value
        if indicator == "|" and body.endswith("\n") and not body.endswith("\n\n"):
            body = body[:-1]
        elif indicator != "|-" or body.endswith("\n"):
            return False
        if not body or body[0] in " \n" or not self.line(f"{head} {indicator}", comment=True):
            return False
        indent = " " * (column + self.layout.mapping)
        return all(self.line(indent + part if part else "") for part in body.split("\n"))

    def sequence(self, node: SequenceNode, column: int) -> bool:
        """Items as ruamel writes them: the dash at the layout's offset, content at its
        sequence indentation; each item a block mapping or a plain one-line value."""
        offset, indent = self.layout.offset, self.layout.sequence
        if indent - offset < 2:
            return False
        dash = " " * (column + offset) + "-" + " " * (indent - offset - 1)
        inner = " " * (column + indent)
        for item in node.value:
            if isinstance(item, MappingNode) and not item.flow_style and item.value:
                (key, value), *rest = item.value
                if not self.pair(key, value, dash):
                    return False
                if not all(self.pair(k, v, inner) for k, v in rest):
                    return False
            elif isinstance(item, ScalarNode) and not item.style and item.value:
                source = self.one_line(item)
                if source is None or item.start_mark.column != len(dash):
                    return False
                if not _written_back(source) or not self.line(dash + source, comment=True):
                    return False
            else:
                return False
        return True

    def one_line(self, node: Node) -> str | None:
        """The node's text as written, if it starts and ends on the current line."""
        start, end = node.start_mark, node.end_mark
        if start.line != self.at or end.line != self.at:
            return None
        return self.lines[self.at][start.column : end.column]


def _written_back(plain: str) -> bool:
    """Whether ruamel writes this plain scalar back as it is: text it reads as text (other than
    `---...` and `....`, which it quotes), and numbers, booleans and dates in the forms it
    keeps."""
    if not plain:
        return False
    if plain.startswith(("---", "...")):
        return False
    tag = ruamel_type(plain)
    if tag == "str":
        return True
    if tag == "int":
        return _INT.fullmatch(plain) is not None
    if tag == "float":
        return _FLOAT.fullmatch(plain) is not None and sum(c.isdigit() for c in plain) <= 15
    if tag == "bool":
        return plain in ("true", "false")
    if tag == "timestamp":
        return _DATE.fullmatch(plain) is not None and _is_date(plain)
    return False  # null written as `~` or `null`, merge keys, YAML 1.1 values


@lru_cache(maxsize=4096)  # periods and words repeat from file to file
def ruamel_type(plain: str) -> str:
    """The type ruamel gives a plain scalar: "str", "int", "float", "bool", "null",
    "timestamp"..."""
    for tag, pattern in _IMPLICIT.get(plain[:1], []) + _IMPLICIT.get(None, []):
        if pattern.match(plain):
            return str(tag).rpartition(":")[2]
    return "str"


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False  # `2014-02-30`: read as text, and written back quoted
    return True
