"""Legacy template documents in, indicator YAML files out.

Each document becomes one plan file named from its title (or the id the manifest gives). What
the document does not state is left out and listed, at the top of the file and in the report,
for a person to settle; what it implies (the direction of a RED measure) is written and said.
The file is validated as `actionplan check` would before it replaces anything, and is written
atomically.
"""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from actionplan.edit.document import Layout, round_trip_yaml
from actionplan.errors import ActionplanError, FileProblem
from actionplan.legacy.draft import Draft, Facts, build_draft
from actionplan.legacy.fields import LegacyError
from actionplan.legacy.notes import Note
from actionplan.legacy.reader import read_document
from actionplan.workspace.walk import SETTINGS_FILE

SLUG_LIMIT = 80


@dataclass(frozen=True)
class ImportOptions:
    out: Path
    force: bool = False
    fy_start: int = 4


@dataclass(frozen=True)
class Job:
    """A document to import, with what the user says about it."""

    source: Path
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True)
class Imported:
    source: Path
    path: Path
    notes: list[Note]
    text: str = ""  # the plan file, validated: written with the others, all or none


@dataclass(frozen=True)
class Failed:
    source: Path
    message: str  # starts with the source, as every message about a file does


@dataclass
class ImportRun:
    results: list[Imported | Failed] = field(default_factory=list)  # in the documents' order

    @property
    def imported(self) -> list[Imported]:
        return [result for result in self.results if isinstance(result, Imported)]

    @property
    def failed(self) -> list[Failed]:
        return [result for result in self.results if isinstance(result, Failed)]


def _quiet(done: int, total: int) -> None:
    """No progress shown."""


def import_documents(
    jobs: Sequence[Job], options: ImportOptions, tick: Callable[[int, int], None] = _quiet
) -> ImportRun:
    """Import each document; one that cannot be imported is reported and the rest go on.
    `tick(done, total)` follows the progress."""
    run = ImportRun()
    written: dict[Path, Path] = {}
    ids = _ids_in(options.out)
    for done, job in enumerate(jobs, start=1):
        try:
            imported = import_document(job, options, written, ids)
        except ActionplanError as error:
            run.results.append(Failed(job.source, str(error)))
        except RecursionError:
            # HTML or Word markup nested thousands deep: the converters recurse into it.
            message = f"{job.source}: its markup is nested too deeply to import: simplify it"
            run.results.append(Failed(job.source, message))
        else:
            written[imported.path] = job.source
            run.results.append(imported)
        tick(done, len(jobs))
    return run


def import_document(
    job: Job, options: ImportOptions, written: dict[Path, Path], ids: dict[str, Path]
) -> Imported:
    source = job.source
    draft = build_draft(read_document(source), job.facts)
    target = options.out / f"{job.facts.id or slug(draft.data['title'])}.yaml"
    named = "id" if job.facts.id else "id (from the title)"
    if target.name == SETTINGS_FILE:
        raise LegacyError(
            f"{source}: its {named} '{target.stem}' would name the workspace settings file: "
            "give it another `id` in the manifest"
        )
    same_id = ids.get(target.stem)
    if same_id is not None and same_id.resolve() != target.resolve():
        raise LegacyError(
            f"{source}: its {named} '{target.stem}' is already used by {same_id}: "
            "rename one of them, or import into another --out folder"
        )
    if target in written:
        same = "id" if job.facts.id else "title"
        raise LegacyError(
            f"{source}: has the same {same} as {written[target]}, already imported to {target}: "
            "give one of them an `id` in the manifest, or import it on its own with another "
            "--out folder"
        )
    if target.exists() and not options.force:
        raise LegacyError(f"{source}: {target} already exists: use --force to replace it")
    text = to_yaml(draft, source.name)
    checked_plan(text, target, options.fy_start, source)
    return Imported(source, target, draft.notes, text)


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
        words = _shortened(words.split("-"))
    return words or "indicator"


# Words that open a title ("Proportion of ...") and say nothing the rest does not.
_OPENINGS = (("average", "number", "of"), ("proportion", "of"), ("percentage", "of"),
             ("number", "of"), ("rate", "of"), ("the",))  # fmt: skip
# Words that start a clause: a name cut inside one says half of it ("...who do not").
_CLAUSES = frozenset({"who", "that", "which", "where", "whose", "when", "within", "by"})
# Words a name cannot end on: they need the word after them.
_HANGING = frozenset({
    "a", "an", "and", "as", "at", "by", "do", "does", "for", "from", "in", "into", "is", "not",
    "of", "on", "or", "per", "than", "that", "the", "to", "which", "who", "with", "within",
})  # fmt: skip


def _shortened(words: list[str]) -> str:
    """A name of at most SLUG_LIMIT characters that keeps a title's meaning: its opening words
    dropped, then cut before the last clause that does not fit, never inside a word or after
    one that needs the next (a title cut at "...successfully who do not" says the opposite)."""
    for opening in _OPENINGS:
        if tuple(words[: len(opening)]) == opening and len(words) > len(opening):
            words = words[len(opening) :]
            break
    if len("-".join(words)) <= SLUG_LIMIT:
        return "-".join(words)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > SLUG_LIMIT:
            break
        kept.append(word)
    clause = max((at for at, word in enumerate(kept) if word in _CLAUSES and at > 1), default=0)
    if clause:
        kept = kept[:clause]
    while len(kept) > 1 and kept[-1] in _HANGING:
        kept.pop()
    return "-".join(kept) if kept else "-".join(words)[:SLUG_LIMIT]


# --- writing -------------------------------------------------------------------------------


def to_yaml(draft: Draft, source_name: str) -> str:
    """The plan file's text: keys in the documented order, multi-line text as `|` blocks, the
    source and the notes as comments at the top."""
    # Long lines are never re-wrapped: a paragraph stays on one line, as its Markdown needs.
    yaml = round_trip_yaml(Layout())
    data = _commented(draft.data)
    header = [f"Imported from {source_name}"]
    for title, lines in (
        ("Inferred from the document:", draft.inferred),
        ("Needs a human's eye:", draft.notes),
    ):
        if lines:
            header.append(title)
            for line in lines:
                header.extend(
                    textwrap.wrap(str(line), 96, initial_indent="- ", subsequent_indent="  ")
                )
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


def checked_plan(text: str, target: Path, fy_start: int, source: Path) -> None:
    """Validate the text as `actionplan check` reads it, before it is written."""
    from actionplan.workspace.validation import validate_text

    try:
        validate_text(text, target, fy_start)
    except FileProblem as error:
        raise LegacyError(
            f"{source}: the imported plan did not validate ({error.problems[0].message}); "
            "nothing was written"
        ) from None
