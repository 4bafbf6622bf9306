"""One plan file read into plain data: its bytes read once, parsed by libyaml into a node tree
that keeps every position, and the data built from that tree. A problem is raised with the
line and column of what is wrong.
"""

from __future__ import annotations

from pathlib import Path

from actionplan.errors import FileProblem, Problem
from actionplan.workspace.cache import Parsed
from actionplan.workspace.limits import PLAN_BYTES, OverLimit, read_limited
from actionplan.workspace.walk import cannot


def parse_outcome(path: Path, *, keep_tree: bool = False) -> Parsed | Problem:
    try:
        return parse_file(path, keep_tree=keep_tree)
    except FileProblem as error:
        return error.problems[0]


def parse_file(path: Path, *, keep_tree: bool = False) -> Parsed:
    """Read one file into plain data; raises FileProblem with the position of what is wrong."""
    try:
        raw = read_limited(path, PLAN_BYTES)
    except OSError as error:
        raise FileProblem(Problem(path, 1, 1, cannot(error))) from None
    except OverLimit as error:
        raise FileProblem(Problem(path, 1, 1, _over_limit(path, error))) from None
    return parse_bytes(raw, path, keep_tree=keep_tree)


def _over_limit(path: Path, error: OverLimit) -> str:
    """The refusal with the file's size where it can be told (a FIFO's cannot)."""
    try:
        return too_big(path.stat().st_size)
    except OSError:
        return error.advice


def too_big(size: int) -> str:
    return PLAN_BYTES.advice(f"{size:,} bytes")


def parse_bytes(raw: bytes, path: Path, *, keep_tree: bool = False) -> Parsed:
    """Plain data from a file's bytes (`path` names it in problems), with its node tree if
    asked."""
    from actionplan.workspace.construct import construct
    from actionplan.workspace.yamlfile import compose, decode, node_at

    node = compose(decode(raw, path), path)
    if node is None:
        raise FileProblem(
            Problem(path, 1, 1, "the file is empty: an indicator needs at least `title:`")
        )
    data = construct(node, path)
    if type(data) is not dict:
        kind = "a list" if isinstance(data, list) else "a single value"
        raise FileProblem(
            Problem.at(
                path,
                node.start_mark,
                f"the file holds {kind}, not a mapping of keys such "
                "as `title:` and `measurements:`",
            )
        )
    id_node, _ = node_at(node, ("id",))
    mark = id_node.start_mark if id_node is not node else None
    position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Parsed(data, position, node if keep_tree else None)
