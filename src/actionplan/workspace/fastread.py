"""A fast read of the common plan file by yaml-rs (Rust); the located reader reads the rest.

libyaml through PyYAML builds a Python object with positions for every node, then `construct`
walks them: about 0.3 ms for a 3 KB file, most of a cold check. yaml-rs builds the plain data
in Rust in a fifth of that. It is used only where it cannot read a file differently from the
located reader (`yamlfile`), which stays the reference and reads every file this one declines:

- text using YAML that plan files have no need of and where yaml-rs departs from YAML 1.2's
  core schema or from libyaml's strictness: anchors and aliases (`&`, `*`), tags (`!`), merge
  keys, directives and document markers, complex keys (`?`), tabs, control characters, line
  separators, a byte-order mark inside the text, numbers with `_` or `0b`/`0X`-style prefixes
  (1.1 forms yaml-rs reads as numbers), and deep nesting;
- data that is not a mapping of text keys no deeper than plan files go;
- an `id:` whose value's position cannot be read from its line (a duplicate id is reported
  there);
- anything yaml-rs refuses: the located reader then says where the problem is.

The declined share of real files is small: a check of them costs what it did before.
"""

from __future__ import annotations

import re
from typing import Any

# Characters after which yaml-rs could read a file otherwise than libyaml does: tabs, controls,
# line separators, byte-order marks.
_CHARS = re.compile("[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_UNDERSCORE_BY_DIGIT = re.compile(r"_(?:\d|(?<=\d_))")
_LINE_STARTS = ("%", "---", "...", " " * 64)  # directives, document markers, deep nesting
_LINE_START = re.compile(r"\n(?:%|---|\.\.\.| {64})")
_LONE_CR = re.compile(r"\r(?!\n)")
# Each search starts with a literal, so it runs at C speed; the few matches are then looked at.
_NODE_MARKS = re.compile(r"[&*!?]")
_DASHES = re.compile(r"- +-")
_PREFIXED = re.compile(r"0[bBOXox]")
_NODE_START = " \t\r\n[{,"
# A block scalar with no text that ends the file: yaml-rs reads it as a line break, not "".
_EMPTY_LAST_BLOCK = re.compile(r"[|>][-+0-9]*[ ]*(?:#[^\r\n]*)?(?:\r?\n[ ]*)*\Z")
# Searched in the text after a line break put before it: a search that starts with a literal
# runs at C speed, where `^` with MULTILINE tries every character.
_ID_LINE = re.compile(r"\nid:( *)(?=[^ \r\n#])")
MAX_DEPTH = 6  # indicator, measurements, measurement, comparators: a plan file needs four


def plain_data(text: str) -> tuple[dict[str, Any], tuple[int, int]] | None:
    """The data of a plan file and the (line, column) of its `id:` value (1, 1 without one),
    or None where the located reader must read it."""
    if declined(text):
        return None
    import yaml_rs  # only here: the located reader, and commands that write, need it not

    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # yaml-rs refuses it: the located reader says where and why
        return None
    if type(data) is not dict or not _plain(data, 1):
        return None
    if "id" not in data:
        return data, (1, 1)
    lines = list(_ID_LINE.finditer("\n" + text))
    if len(lines) != 1:
        return None
    # The match starts at the break put before its line: at the line's start in `text`.
    line = text.count("\n", 0, lines[0].start()) + 1
    return data, (line, len("id:") + len(lines[0][1]) + 1)


def declined(text: str) -> bool:
    """Whether the text uses YAML that yaml-rs might read otherwise (each test is a search in
    C: together a tenth of what parsing costs)."""
    return bool(
        _CHARS.search(text)
        or "<<" in text
        or ("\r" in text and _LONE_CR.search(text))
        or _node_mark(text)
        or _UNDERSCORE_BY_DIGIT.search(text)
        or _prefixed_number(text)
        or text.startswith(_LINE_STARTS)
        or _LINE_START.search(text)
        or _list_in_list(text)
        or _EMPTY_LAST_BLOCK.search(text, _last_line(text))
        or text.count("[") + text.count("{") > 200
    )


def _last_line(text: str) -> int:
    """Where the last line with more than spaces and line breaks starts: a block scalar that
    ends the file starts there, and searching from there costs nothing."""
    return text.rfind("\n", 0, len(text.rstrip(" \r\n"))) + 1


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


def _prefixed_number(text: str) -> bool:
    """0b101, 0O17, 0X1F, -0x1F: YAML 1.1 numbers (text in 1.2) that yaml-rs reads as numbers."""
    for match in _PREFIXED.finditer(text):
        at = match.start()
        if text[at + 1] in "bBOX" or (at and text[at - 1] in "-+"):
            return True
    return False


def _list_in_list(text: str) -> bool:
    """`- - x`: a list in a list on one line, the way to nest deeply in few bytes."""
    for match in _DASHES.finditer(text):
        start, end = match.span()
        if (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace()):
            return True
    return False


def _plain(value: Any, depth: int) -> bool:
    """Mappings with text keys, lists and scalars only, no deeper than plan files go. (Called
    for mappings and lists only: a call for each scalar would be two thirds of its cost.)"""
    if depth > MAX_DEPTH:
        return False
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str or (type(item) in _NESTED and not _plain(item, depth + 1)):
                return False
        return True
    return all(type(item) not in _NESTED or _plain(item, depth + 1) for item in value)


_NESTED = (dict, list)
