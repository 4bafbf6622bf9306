"""Fast, strict reading of plan files, with the positions of keys and values kept.

libyaml's C parser builds a node tree that carries line and column marks; the same tree gives the
Python data, so positions for error messages cost no second parse. Scalars follow YAML 1.2's core
schema, as ruamel.yaml (used for edits) does: `no`, `on` and `2014-07-31` stay text rather than
turning into booleans and dates, so a note that says "No" is not read as `false`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionplan.errors import FileProblem, Problem

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


IMPLICIT = "?"  # the tag of a node written without one; plain scalars are typed in `construct`


class StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """libyaml's parser and composer. Scalars are typed by `construct` (YAML 1.2 core schema),
    not by PyYAML's resolver, which libyaml's composer would call in Python for every node."""

    def resolve(self, kind: type[Node], value: str | None, implicit: object) -> str:
        return IMPLICIT


_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
# YAML 1.2 core schema, in the order the specification tries them.
_PLAIN_TYPES = [
    (_NULL, re.compile(r"(?:~|null|Null|NULL|)")),
    (_BOOL, re.compile(r"(?:true|True|TRUE|false|False|FALSE)")),
    (_INT, re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)")),
    (
        _FLOAT,
        re.compile(
            r"""(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
            |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))""",
            re.X,
        ),
    ),
]
_TYPED_FIRST = frozenset("~nNtTfF-+0123456789.")  # the first characters of non-text scalars


def _plain_tag(text: str) -> str:
    """The tag of a plain (unquoted) scalar: most are text, known by their first character."""
    if text and text[0] not in _TYPED_FIRST:
        return "tag:yaml.org,2002:str"
    for tag, pattern in _PLAIN_TYPES:
        if pattern.fullmatch(text):
            return tag
    return "tag:yaml.org,2002:str"


def compose(text: str, path: Path) -> Node | None:
    """The node tree of one YAML document; raises FileProblem for syntax errors."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.MarkedYAMLError as error:
        raise FileProblem(_syntax_problem(error, text, path)) from None
    except yaml.YAMLError as error:
        raise FileProblem(Problem(path, 1, 1, str(error))) from None
    finally:
        loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: Path) -> Problem:
    mark = error.problem_mark
    # An unclosed quote or bracket is reported at the end of the file; where it opened is
    # what the user needs to see.
    if error.context_mark is not None and "end of stream" in (error.problem or ""):
        mark = error.context_mark
    if mark is not None and _is_tab(text, mark.line, mark.column):
        return Problem.at(
            path,
            mark,
            "a tab is used for indentation: YAML needs spaces "
            "(set your editor to indent with spaces)",
        )
    parts = [p for p in (error.context, error.problem or "invalid YAML") if p]
    message = "YAML syntax: " + "; ".join(parts)
    if mark is not None and (found := block_text_hint(text, mark.line)):
        line, column, hint = found
        return Problem(path, line + 1, column + 1, f"{message}: {hint}")
    return Problem.at(path, mark, message)


_BLOCK_KEY = re.compile(r"(\s*)(?:-\s+)?([\w.-]+):\s*[|>][-+0-9]*\s*(?:#.*)?")


def block_text_hint(text: str, line: int) -> tuple[int, int, str] | None:
    """What most likely went wrong when a syntax error follows a block of plan text: a line of
    the text not indented under its `what: |` key, so YAML read it as structure."""
    lines = text.splitlines()
    for candidate in (line, line - 1):
        if not 0 <= candidate < len(lines) or not lines[candidate].strip():
            continue
        indent = len(lines[candidate]) - len(lines[candidate].lstrip(" "))
        for above in range(candidate - 1, -1, -1):
            row = lines[above]
            if not row.strip() or len(row) - len(row.lstrip(" ")) > indent:
                continue  # blank, or a line of the block's own text
            match = _BLOCK_KEY.fullmatch(row)
            if match is None:
                break
            return (
                candidate,
                indent,
                (
                    f"line {candidate + 1} ({lines[candidate].strip()[:60]!r}) looks like text of "
                    f"`{match[2]}:` (line {above + 1}) that is not indented under it; indent every "
                    f"line of the text by {len(match[1]) + 2} spaces or more"
                ),
            )
    return None


def _is_tab(text: str, line: int, column: int) -> bool:
    lines = text.splitlines()
    return line < len(lines) and lines[line][column : column + 1] == "\t"


_SPECIAL_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}


def _float(text: str) -> float:
    special = _SPECIAL_FLOATS.get(text.lower())
    return float(text) if special is None else special


def _int(text: str) -> int:
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)


_SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
}


def construct(node: Node, path: Path) -> Any:
    """Plain data from a node tree, refusing duplicate keys, non-text keys and unknown tags.

    Plan files need nothing but mappings, lists and scalars, so this is several times faster
    than PyYAML's general constructor, and each refusal carries the offending node's position.
    """
    if isinstance(node, ScalarNode):
        tag = node.tag
        if tag == IMPLICIT:
            if node.style:  # quoted, or a block scalar: always text (plain is "" or None)
                return node.value
            tag = _plain_tag(node.value)
        convert = _SCALARS.get(tag)
        if convert is None:
            raise FileProblem(Problem.at(path, node.start_mark, f"unsupported tag {tag}"))
        try:
            return convert(node.value)
        except ValueError:
            raise FileProblem(
                Problem.at(path, node.start_mark, f"{node.value!r} is not a valid {tag}")
            ) from None
    if isinstance(node, SequenceNode):
        return [construct(item, path) for item in node.value]
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = construct(key_node, path)
        if not isinstance(key, Hashable):
            raise FileProblem(
                Problem.at(
                    path, key_node.start_mark, "a key must be plain text, not a list or mapping"
                )
            )
        if key in mapping:
            raise FileProblem(
                Problem.at(
                    path,
                    key_node.start_mark,
                    f"duplicate key '{key}': each key may appear once in a mapping",
                )
            )
        mapping[key] = construct(value_node, path)
    return mapping


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as libyaml's do, not bytes.
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        raise FileProblem(
            Problem(path, line, column, "not UTF-8 text: save the file with UTF-8 encoding")
        ) from None


def node_at(root: Node, loc: tuple[int | str, ...]) -> tuple[Node, Node | None]:
    """The node a pydantic error location points to, and the key node naming it (if any).

    Segments that name no key (pydantic's union tags and validator names) are skipped; where the
    file lacks the key, the innermost existing mapping is returned.
    """
    node, key_node = root, None
    for part in loc:
        if part == "[key]":
            return (key_node or node), key_node
        if isinstance(node, MappingNode):
            found = _find_key(node, part)
            if found is not None:
                key_node, node = found
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node, key_node = node.value[part], None
        else:
            break
    return node, key_node


def _find_key(node: MappingNode, part: int | str) -> tuple[Node, Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == str(part):
            return key_node, value_node
    return None
