"""Legacy template documents in, indicator YAML files out.

Each document becomes one plan file named from its title. What the document does not state is
left out and listed, at the top of the file and in the report, for a person to settle: nothing is
guessed. The file is validated as `actionplan check` would before it replaces anything, and is
written atomically.
"""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from actionplan.domain.values import Direction
from actionplan.edit.document import Layout, round_trip_yaml
from actionplan.errors import ActionplanError, FileProblem
from actionplan.legacy.figures import (
    Context,
    Figure,
    Performance,
    annual_key,
    read_figure,
    read_performance,
)
from actionplan.legacy.html import to_markdown, to_text
from actionplan.legacy.reader import LegacyDocument, LegacyError, read_document
from actionplan.workspace.atomic import write_atomic

SLUG_LIMIT = 80
_TEXT_FIELDS = {
    "non_compliance_reason": "Non-compliance reason",
    "what": "What (is required)",
    "how": "How (will it be achieved)",
    "who": "Who (will be responsible)",
    "when": "When (will results be realised)",
}


@dataclass(frozen=True)
class ImportOptions:
    out: Path
    force: bool = False
    direction: Direction | None = None
    context: Context = field(default_factory=Context)


@dataclass
class Draft:
    """An indicator read from a document, before it is written."""

    data: dict[str, Any]
    notes: list[str]
    commented_target: Any = None  # the target, kept as a comment while direction is unknown


@dataclass(frozen=True)
class Imported:
    source: Path
    path: Path
    notes: list[str]


@dataclass
class ImportRun:
    imported: list[Imported] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.failed else 0


def import_documents(sources: Sequence[Path], options: ImportOptions) -> ImportRun:
    """Import each document; one that cannot be imported is reported and the rest go on."""
    run = ImportRun()
    written: dict[Path, Path] = {}
    ids = _ids_in(options.out)
    for source in sources:
        try:
            imported = import_document(source, options, written, ids)
        except ActionplanError as error:
            run.failed.append((source, str(error)))
            continue
        except RecursionError:
            # HTML or Word markup nested thousands deep: the converters recurse into it.
            message = f"{source}: its markup is nested too deeply to import: simplify the document"
            run.failed.append((source, message))
            continue
        written[imported.path] = source
        run.imported.append(imported)
    return run


def import_document(
    source: Path, options: ImportOptions, written: dict[Path, Path], ids: dict[str, Path]
) -> Imported:
    document = read_document(source)
    draft = build_draft(document, options.context, options.direction)
    target = options.out / f"{slug(draft.data['title'])}.yaml"
    same_id = ids.get(target.stem)
    if same_id is not None and same_id.resolve() != target.resolve():
        raise LegacyError(
            f"{source}: its id '{target.stem}' (from the title) is already used by {same_id}: "
            "rename one of them, or import into another --out folder"
        )
    if target in written:
        raise LegacyError(
            f"{source}: has the same title as {written[target]}, already imported to {target}: "
            "import it on its own with another --out folder"
        )
    if target.exists() and not options.force:
        raise LegacyError(f"{source}: {target} already exists: use --force to replace it")
    write_plan(to_yaml(draft, source.name), target, options.context.fy_start, source)
    return Imported(source, target, draft.notes)


def _ids_in(out: Path) -> dict[str, Path]:
    """The ids (file names) already used in the plans tree, which `check` needs unique."""
    from actionplan.workspace import store

    if not out.is_dir():
        return {}
    root = store.find_settings([out])
    files, _ = store.find_plan_files([root.parent if root else out])
    return {path.stem: path for path in files}


def slug(title: str) -> str:
    """A file name from a title: "Smoking quitters (4 weeks)" -> "smoking-quitters-4-weeks"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(words) > SLUG_LIMIT:
        words = words[: SLUG_LIMIT + 1].rsplit("-", 1)[0]
    return words or "indicator"


# --- building the indicator ----------------------------------------------------------------


def build_draft(document: LegacyDocument, context: Context, direction: Direction | None) -> Draft:
    notes = list(document.notes)
    title = _one_line(document, "title")
    if not title:
        raise LegacyError(
            f"{document.source}: no indicator title ('Indicator Title' row): it names the plan "
            "file, so add it to the document"
        )
    data: dict[str, Any] = {"title": title}
    for name in ("strategic_director_lead", "departmental_lead"):
        if value := _one_line(document, name):
            data[name] = value
    performance = read_performance(to_text(document.value("performance")), context)
    notes.extend(performance.notes)
    target_text = to_text(document.value("target"))
    target_figure = read_figure(target_text) if target_text else None
    _set_unit(data, target_figure, performance.figure, notes)
    if direction is not None:
        data["direction"] = direction
    target = _target(target_text, target_figure, performance, context, notes)
    draft = Draft(data, notes)
    if target is not None:
        if direction is None:
            draft.commented_target = target
            notes.append(
                "direction of travel not stated: set `direction: higher` or `direction: lower`, "
                "then uncomment `target`"
            )
        else:
            data["target"] = target
    notes.append("frequency not stated: set `frequency` (monthly, quarterly or annual)")
    if performance.figure is not None and performance.period is not None:
        data["measurements"] = [_measurement(performance)]
    data["action_plan"] = _action_plan(document, performance, notes)
    return draft


def _one_line(document: LegacyDocument, name: str) -> str:
    return " ".join(to_text(document.value(name)).split())


def _set_unit(
    data: dict[str, Any], target: Figure | None, value: Figure | None, notes: list[str]
) -> None:
    stated = target or value
    if stated is not None and stated.percent:
        data["unit"] = "percent"
        if target is not None and value is not None and not value.percent:
            notes.append("the target is a percentage but the performance is not: check `unit`")
    elif stated is not None:
        notes.append("unit not stated: set `unit` (count, rate, days, currency) for these figures")


def _target(
    text: str, figure: Figure | None, performance: Performance, context: Context, notes: list[str]
) -> Any:
    if text and figure is None:
        notes.append(f"target {text!r} is not a single figure: set `target` by hand")
    if not text:
        notes.append("no target in the document: set `target` and `direction`, if it has one")
    profile, period = performance.profile_target, performance.period
    if profile is None or period is None:
        if profile is not None:
            notes.append(
                f"the profile target {profile.as_yaml()} was not kept: its period is unknown"
            )
        return figure.as_yaml() if figure else None
    targets = CommentedMap()
    if figure is not None:
        year = annual_key(period, context)
        targets[str(year)] = figure.as_yaml()
        if context.year is None:
            notes.append(f"the target {figure.as_yaml()} is taken as the {year} target: check it")
    targets[str(period)] = profile.as_yaml()
    return targets


def _measurement(performance: Performance) -> dict[str, Any]:
    assert performance.figure is not None and performance.period is not None
    measurement: dict[str, Any] = {
        "period": str(performance.period),
        "value": performance.figure.as_yaml(),
    }
    if performance.note:
        measurement["note"] = performance.note
    if performance.reported is not None:
        measurement["reported"] = str(performance.reported)
    return measurement


def _action_plan(
    document: LegacyDocument, performance: Performance, notes: list[str]
) -> dict[str, Any]:
    if performance.period is None:
        reasons = "; ".join(performance.notes) or "no period in 'Performance this Period'"
        raise LegacyError(
            f"{document.source}: the period this plan answers is not stated in full ({reasons})"
        )
    plan: dict[str, Any] = {"period": str(performance.period)}
    if text := to_text(document.value("performance")):
        plan["performance"] = text
    for name, label in _TEXT_FIELDS.items():
        text = to_markdown(document.value(name))
        if text:
            plan[name] = f"{text}\n" if "\n" in text else text
        elif name in document.fields:
            notes.append(f"'{label}' is empty in the document: fill in `{name}`")
        else:
            notes.append(f"no '{label}' in the document: fill in `{name}`")
    return plan


# --- writing -------------------------------------------------------------------------------


def to_yaml(draft: Draft, source_name: str) -> str:
    """The plan file's text: keys in the documented order, multi-line text as `|` blocks, the
    source and the notes as comments at the top."""
    # Long lines are never re-wrapped: a paragraph stays on one line, as its Markdown needs.
    yaml = round_trip_yaml(Layout())
    data = _commented(draft.data)
    header = [f"Imported from {source_name}"]
    if draft.notes:
        header.append("Needs a human's eye:")
        for note in draft.notes:
            header.extend(textwrap.wrap(note, 96, initial_indent="- ", subsequent_indent="  "))
    data.yaml_set_start_comment("\n".join(header))
    if draft.commented_target is not None:
        _comment_target(data, draft.commented_target, yaml)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _commented(item)
        return mapping
    if isinstance(value, list):
        return [_commented(item) for item in value]
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _comment_target(data: CommentedMap, target: Any, yaml: YAML) -> None:
    stream = io.StringIO()
    yaml.dump({"target": target}, stream)
    lines = ["target needs a direction; from the document:", *stream.getvalue().splitlines()]
    following = next(key for key in ("measurements", "action_plan") if key in data)
    data.yaml_set_comment_before_after_key(following, before="\n".join(lines), indent=0)


def write_plan(text: str, target: Path, fy_start: int, source: Path) -> None:
    """Validate the text as `actionplan check` reads it, then write it atomically."""
    from actionplan.workspace import store

    try:
        store.validate_text(text, target, fy_start)
    except FileProblem as error:
        raise LegacyError(
            f"{source}: the imported plan did not validate ({error.problems[0].message}); "
            "nothing was written"
        ) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
