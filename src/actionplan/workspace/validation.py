"""Plain data validated into the models, each error placed at the key or value it is about."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from actionplan.errors import ActionplanError, FileProblem, Problem
from actionplan.workspace.limits import PLAN_BYTES, read_limited

if TYPE_CHECKING:  # imported where files are validated: finding them needs neither
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails
    from yaml.nodes import Node

    from actionplan.domain.models import Indicator
    from actionplan.domain.statuses import Status

M = TypeVar("M", bound="BaseModel")


def indicator_context(
    fy_start: int, path: Path, statuses: Mapping[str, Status] | None = None
) -> dict[str, Any]:
    """What validating an indicator file needs beyond its data: `statuses`, the settings' map
    of a council's status words."""
    from actionplan.workspace.limits import UNKNOWN_KEYS

    return {
        "fy_start": fy_start,
        "default_id": path.stem,
        "max_unknown_keys": UNKNOWN_KEYS.value,
        "statuses": statuses or None,
    }


def validate_text(
    text: str, path: Path, fy_start: int, statuses: Mapping[str, Status] | None = None
) -> Indicator:
    """A file's new text validated as `check` reads it, before it is written; raises
    FileProblem with the positions in that text."""
    from actionplan.domain.models import Indicator
    from actionplan.workspace.reading import parse_bytes

    parsed = parse_bytes(text.encode("utf-8"), path, keep_tree=True)
    context = indicator_context(fy_start, path, statuses)
    return validate(Indicator, parsed.data, path, context, parsed.tree)


def validate(
    model: type[M], data: Any, path: Path, context: dict[str, Any], tree: Node | None = None
) -> M:
    """Validate parsed data; on failure point at each offending key, in `tree` (the data's
    node tree) where it is given, else in the file read again."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        raise FileProblem(*locate_errors(path, errors, model, tree)) from None


def locate_errors(
    path: Path, errors: list[ErrorDetails], model: type[BaseModel], tree: Node | None = None
) -> list[Problem]:
    from actionplan.domain.messages import describe
    from actionplan.workspace.yamlfile import compose, decode, node_at

    root = tree
    if root is None:
        try:
            root = compose(decode(read_limited(path, PLAN_BYTES), path), path)
        except (OSError, ActionplanError):
            root = None
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        message = describe(error, model)
        if root is None:
            problems.append(Problem(path, 1, 1, message))
            continue
        node, key_node = node_at(root, loc)
        if error["type"] in ("extra_forbidden", "invalid_key") and key_node is not None:
            node = key_node
        problems.append(Problem.at(path, node.start_mark, message))
    return problems
