"""An action's progress, stage and status updated in its plan file, keeping the file's comments
and layout: the new text, validated; writing it is the caller's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from actionplan.domain.actions import Action
from actionplan.domain.messages import describe
from actionplan.domain.models import Settings
from actionplan.edit.document import EditError, open_document, render, validated
from actionplan.errors import ActionplanError

# The order an action's keys are written in, so a key added lands where a reader expects it.
KEY_ORDER = ("action", "owner", "due", "progress", "stage", "status", "note")


@dataclass(frozen=True)
class ActionUpdate:
    number: int  # 1-based, as people count a plan's actions
    progress: str | None = None
    stage: str | None = None
    status: str | None = None

    def changes(self) -> dict[str, str]:
        given = {"progress": self.progress, "stage": self.stage, "status": self.status}
        return {key: value.strip() for key, value in given.items() if value is not None}


def checked_changes(update: ActionUpdate) -> dict[str, str]:
    """The keys to write, each refused here as the file's check would refuse it."""
    changes = update.changes()
    if not changes:
        raise ActionplanError("--action needs --progress, --stage or --status: what changed?")
    try:
        Action.model_validate({"action": "-", **changes})
    except ValidationError as error:
        raise ActionplanError(describe(error.errors(include_url=False)[0], Action)) from None
    if "progress" in changes and not changes["progress"].endswith("%"):
        changes["progress"] += "%"  # written as councils publish it: 60%
    return changes


def action_text(path: Path, update: ActionUpdate, settings: Settings) -> str:
    changes = checked_changes(update)
    doc = open_document(path, settings.financial_year_start)
    plan = doc.data.get("action_plan")
    actions = plan.get("actions") if isinstance(plan, CommentedMap) else None
    count = len(actions) if isinstance(actions, list) else 0
    if not 1 <= update.number <= count:
        held = f"its plan has {count} action{'s' if count != 1 else ''}" if count else (
            "its plan lists no actions: add them under `action_plan: actions:`"
        )  # fmt: skip
        raise EditError(f"{path}: there is no action {update.number}: {held}")
    assert isinstance(actions, list)
    item = actions[update.number - 1]
    if not isinstance(item, CommentedMap):
        raise EditError(f"{path}: action {update.number} is not a mapping of keys: fix it first")
    for key, value in changes.items():
        _set(item, key, value)
    text = render(doc)
    validated(path, text, settings)
    return text


def _set(item: CommentedMap, key: str, value: str) -> None:
    if key in item:
        item[key] = value  # in place: its comment and position stay
        return
    later = KEY_ORDER[KEY_ORDER.index(key) + 1 :]
    position = next((i for i, k in enumerate(item) if k in later), len(item))
    if position == len(item):
        item[key] = value
    else:
        item.insert(position, key, value)
