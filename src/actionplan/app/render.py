"""`actionplan render` as one call: which plans the arguments name, their documents, and where
each goes (stdout, or one file per plan in an output folder)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.app.loading import load_reported
from actionplan.app.progress import progress
from actionplan.domain.words import did_you_mean, plural
from actionplan.edit.garbage import collecting
from actionplan.errors import ActionplanError
from actionplan.outcome import BAD_INPUT, NEEDS_ATTENTION, Outcome
from actionplan.output.documents.context import PlanDocument, Selection, context, select
from actionplan.output.documents.files import DocumentSet, output_name
from actionplan.output.documents.formats import document_writer
from actionplan.output.documents.templates import init_templates
from actionplan.workspace.locks import locked
from actionplan.workspace.store import Workspace, plan_paths


@dataclass(frozen=True)
class RenderRequest:
    targets: list[str]  # ids, or plan files and folders
    format: str  # md, html, docx or pdf
    out: Path | None  # None: stdout
    templates: Path | None = None
    missing: bool = False
    cache: bool = True


def copy_templates(folder: Path) -> Outcome:
    copied = init_templates(folder)
    return Outcome(
        err=[
            f"copied {plural(len(copied), 'file')} to {folder}: edit them, then render with "
            f"--templates {folder}"
        ]
    )


def render_plans(request: RenderRequest, as_of: date) -> Outcome:
    """Render the plans named (every plan when none is); exit 2 when a file could not be read
    or an id is unknown, 1 when there was nothing to render."""
    writer = document_writer(request.format, request.templates)
    paths = [Path(t) for t in request.targets if looks_like_path(t)]
    ids = [t for t in request.targets if not looks_like_path(t)]
    workspace, outcome = load_reported(paths or plan_paths(None), cache=request.cache)
    files = [(f.path, f.indicator) for f in workspace.files]
    chosen = select(
        files,
        workspace.settings,
        as_of,
        ids=ids,
        paths=[p for p in paths if not p.is_dir()],
        missing=request.missing,
    )
    _selection_messages(workspace, chosen, outcome)
    if request.out is None and len(chosen.documents) > 1:
        raise ActionplanError(
            f"{len(chosen.documents)} plans to render: name one id to print it, or write one "
            "file per plan with --out DIR"
        )
    if request.out is None:
        # A single document (more are refused above), printed whole.
        for document in chosen.documents:
            outcome.out.append(writer(context(document, workspace.settings, as_of)))
    else:
        _write_all(
            request.out,
            request.format,
            chosen.documents,
            outcome,
            lambda document: writer(context(document, workspace.settings, as_of)),
        )
    if not chosen.documents and outcome.exit_code == 0:
        outcome.fail(
            NEEDS_ATTENTION,
            "nothing to render: no selected indicator has an action_plan (--missing adds a "
            "blank form for each RED measure lacking one)",
        )
    elif chosen.nothing_to_render:
        outcome.fail(NEEDS_ATTENTION)
    return outcome


def _selection_messages(workspace: Workspace, chosen: Selection, outcome: Outcome) -> None:
    known = [f.indicator.id for f in workspace.files]
    for unknown in chosen.unknown_ids:
        outcome.fail(BAD_INPUT, f"error: {unknown_id(unknown, known)}")
    outcome.err.extend(f"note: {note}" for note in chosen.nothing_to_render)


def _write_all(
    folder: Path,
    fmt: str,
    documents: list[PlanDocument],
    outcome: Outcome,
    make: Callable[[PlanDocument], str | bytes],
) -> None:
    """One file per plan, written as one set: all or none, if the disk fills up or the run is
    killed. Each is written as it is made, so the set takes the memory of one document. A
    plan whose file cannot be named or replaced is reported and the others are still written.
    The folder is locked, so two renders into it at once both finish."""
    make_folder(folder, "--out")
    # A Word document is a web of reference cycles: with the command line's collector off,
    # none was freed, and 136 plans took 780 MB.
    with locked([folder]), progress("Rendering documents") as tick, collecting():
        try:
            with DocumentSet(folder) as files:
                for number, document in enumerate(documents, 1):
                    try:
                        name = output_name(document.indicator.id, fmt)
                    except ActionplanError as error:
                        outcome.fail(BAD_INPUT, f"error: {error}")
                        continue
                    files.add(name, make(document))
                    tick(number, len(documents))
                written = files.finish()
        except ActionplanError as error:
            outcome.fail(BAD_INPUT, f"error: {error}")
            return
    for problem in written.problems:
        outcome.fail(BAD_INPUT, f"error: {problem}")
    outcome.err += [f"wrote {path}" for path in written.wrote]
    outcome.err += [f"unchanged {path}" for path in written.unchanged]


def looks_like_path(target: str) -> bool:
    """A render argument names a file or folder rather than an id."""
    return (
        Path(target).exists()
        or "/" in target
        or os.sep in target
        or target.endswith((".yaml", ".yml"))
    )


def unknown_id(indicator_id: str, known: list[str]) -> str:
    hint = did_you_mean(indicator_id, known) or " (ids default to the file name)"
    return f"no indicator has id '{indicator_id}'{hint}"


def make_folder(folder: Path, option: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ActionplanError(
            f"{option} {folder}: is a file: name a folder to write into"
        ) from None
    except OSError as error:
        raise ActionplanError(f"{option} {folder}: cannot create it: {error.strerror}") from None
