"""Strict reading of plan files, with the positions of keys and values kept.

libyaml's C parser builds a node tree that carries line and column marks; the same tree gives the
Python data (see `construct`), so positions for error messages cost no second parse. A syntax
error is said at the place a person fixes it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionplan.errors import FileProblem, Problem
from actionplan.workspace.construct import IMPLICIT, SCALARS, plain_tag

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """libyaml's parser and composer. Scalars are typed by `construct` (YAML 1.2 core schema),
    not by PyYAML's resolver, which libyaml's composer would call in Python for every node."""

    def resolve(self, kind: type[Node], value: str | None, implicit: object) -> str:
        return IMPLICIT


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
    # A key that is not text (`true:`, `~:`, `1.5:`) is named as pydantic names it: by the
    # number (true is 1) or as Python prints it. Looked for only when a key can be one.
    if isinstance(part, str) and part[:1].isalpha() and part not in ("None", "inf", "nan"):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and _located_name(key_node) == part:
            return key_node, value_node
    return None


def _located_name(node: ScalarNode) -> int | str:
    if node.style or node.tag != IMPLICIT:
        return str(node.value)
    value = SCALARS[plain_tag(node.value)](node.value)
    return int(value) if isinstance(value, int) else str(value)
