"""Plain data built from a node tree: scalars typed by YAML 1.2's core schema, as ruamel.yaml
(used for edits) types them, so `no`, `on` and `2014-07-31` stay text rather than turning into
booleans and dates, and a note that says "No" is not read as `false`. Duplicate keys, keys that
are not text, tags and data past the limits are refused at the node they are found in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionplan.errors import FileProblem, Problem
from actionplan.workspace.limits import PLAN_DEPTH, PLAN_VALUES

IMPLICIT = "?"  # the tag of a node written without one; plain scalars are typed here
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


def plain_tag(text: str) -> str:
    """The tag of a plain (unquoted) scalar: most are text, known by their first character."""
    if text and text[0] not in _TYPED_FIRST:
        return "tag:yaml.org,2002:str"
    for tag, pattern in _PLAIN_TYPES:
        if pattern.fullmatch(text):
            return tag
    return "tag:yaml.org,2002:str"


_SPECIAL_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}


def _float(text: str) -> float:
    special = _SPECIAL_FLOATS.get(text.lower())
    return float(text) if special is None else special


def _int(text: str) -> int:
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)


SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
}


_CONTAINERS = ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")

# Plain scalars already typed, by their text: periods, words, statuses and figures repeat from
# value to value and file to file, so most are one lookup. Short texts only, and so many.
_TYPED: dict[str, Any] = {}
_TYPED_LONGEST = 64
_TYPED_MOST = 50_000
_UNSEEN = object()


def construct(node: Node, path: Path) -> Any:
    """Plain data from a node tree, refusing duplicate keys, non-text keys and unknown tags.

    Plan files need nothing but mappings, lists and scalars, so this is several times faster
    than PyYAML's general constructor, and each refusal carries the offending node's position.
    Nesting and the number of values are limited as the data is built: an alias (`*name`)
    builds a full copy of what it names, so a few lines of aliases to aliases would otherwise
    expand to billions of values, and an alias inside what it names (`&a [*a]`) never ends.
    """
    builder = _Builder(node, path)
    if node.__class__ is ScalarNode:
        return builder.scalar(node)
    try:
        return builder.build(node, PLAN_DEPTH.value)
    except RecursionError:  # a depth limit raised past what Python's stack holds
        message = (
            "lists or mappings nested deeper than this program can read: lower "
            f"ACTIONPLAN_MAX_PLAN_DEPTH (now {PLAN_DEPTH.value:,}) back towards its default"
        )
        raise FileProblem(Problem.at(path, node.start_mark, message)) from None


class _Builder:
    """The data of one node tree. (An object, not functions nested in `construct`: a nested
    function that calls itself is a reference cycle, holding the tree, that only the garbage
    collector frees, and the command runs without it.)"""

    __slots__ = ("left", "path", "root")

    def __init__(self, root: Node, path: Path) -> None:
        self.root = root
        self.path = path
        self.left = PLAN_VALUES.value

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == IMPLICIT:
            if node.style:  # quoted, or a block scalar: always text (plain is "" or None)
                return node.value
            value = _TYPED.get(node.value, _UNSEEN)
            if value is not _UNSEEN:
                return value
        return _typed(node, self.path)

    def build(self, node: Node, depth: int) -> Any:
        """A list or mapping (a scalar in it is typed where it is met, without a call here)."""
        if node.tag != IMPLICIT and node.tag not in _CONTAINERS:  # `!!set {a}`, `!plan {a}`
            raise FileProblem(Problem.at(self.path, node.start_mark, _unsupported(node.tag)))
        self.left -= len(node.value)  # checked once per list or mapping, not per value
        if depth <= 0 or self.left < 0:
            raise FileProblem(_over_limit(self.root, node, depth <= 0, self.path))
        depth -= 1
        scalar, build = self.scalar, self.build
        if node.__class__ is SequenceNode:
            return [
                scalar(item) if item.__class__ is ScalarNode else build(item, depth)
                for item in node.value
            ]
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = scalar(key_node) if key_node.__class__ is ScalarNode else build(key_node, depth)
            # Keys are text but for a rare few: the slow ABC check is made for those alone.
            if (type(key) is not str and not isinstance(key, Hashable)) or key in mapping:
                raise FileProblem(_bad_key(key_node, key, self.path))
            mapping[key] = (
                scalar(value_node)
                if value_node.__class__ is ScalarNode
                else build(value_node, depth)
            )
        return mapping


def _typed(node: ScalarNode, path: Path) -> Any:
    """A scalar's value by its tag, or its type as YAML 1.2 reads it where it has none; a
    plain one kept in `_TYPED` for the next time its text is met."""
    tag, text = node.tag, node.value
    plain = tag == IMPLICIT
    if plain:
        tag = plain_tag(text)
    convert = SCALARS.get(tag)
    if convert is None:
        raise FileProblem(Problem.at(path, node.start_mark, _unsupported(tag)))
    try:
        value = convert(text)
    except ValueError:
        raise FileProblem(
            Problem.at(path, node.start_mark, f"{text!r} is not a valid {tag}")
        ) from None
    if plain and len(text) <= _TYPED_LONGEST:
        if len(_TYPED) >= _TYPED_MOST:
            _TYPED.clear()
        _TYPED[text] = value
    return value


def _bad_key(node: Node, key: Any, path: Path) -> Problem:
    if not isinstance(key, Hashable):
        return Problem.at(path, node.start_mark, "a key must be plain text, not a list or mapping")
    return Problem.at(
        path, node.start_mark, f"duplicate key '{key}': each key may appear once in a mapping"
    )


def _unsupported(tag: str) -> str:
    return f"unsupported tag {tag}: plan files hold only mappings, lists, text and numbers"


def _over_limit(root: Node, node: Node, too_deep: bool, path: Path) -> Problem:
    """The problem of a file whose data would nest too deep or hold too many values."""
    looped = _loop(root)
    if looped is not None:
        return Problem.at(
            path,
            looped.start_mark,
            "an alias (*name) inside the value it names, as in `&a [*a]`: a loop without end; "
            "name a value that does not hold the alias",
        )
    if too_deep:
        found = f"lists or mappings nested more than {PLAN_DEPTH.value:,} deep"
        return Problem.at(path, node.start_mark, PLAN_DEPTH.advice(found))
    found = (
        f"more than {PLAN_VALUES.value:,} keys and list items by here (an alias, *name, "
        "counts as a copy of all it names)"
    )
    return Problem.at(path, node.start_mark, PLAN_VALUES.advice(found))


def _loop(root: Node) -> Node | None:
    """A list or mapping that holds itself through an alias, if any (depth first, without
    recursion; nodes named by several aliases are visited once)."""
    done: set[int] = set()
    on_path: set[int] = set()
    stack: list[tuple[Node, Iterator[Node]]] = [(root, _children(root))]
    on_path.add(id(root))
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            on_path.discard(id(node))
            done.add(id(node))
        elif id(child) in on_path:
            return child
        elif id(child) not in done:
            on_path.add(id(child))
            stack.append((child, _children(child)))
    return None


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        return iter(node.value)
    if isinstance(node, MappingNode):
        return (part for pair in node.value for part in pair)
    return iter(())
