"""The documents of one import: files and folders named on the command line, and what a manifest
says about each.

A folder is searched through its subfolders for Word (.docx) and text (.txt) documents; hidden
files and Word's lock files (`~$plan.docx`, left beside an open document) are passed over. A
manifest is a CSV with a `file` column and any of `period`, `year`, `direction` and `id`: its
facts about a document override the command line's. Its rows are all checked before anything
is imported, and each bad one is reported as FILE:LINE.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from actionplan.domain.periods import Period, parse_period
from actionplan.domain.values import Direction
from actionplan.edit.csv_records import csv_rows, read_csv_text
from actionplan.errors import ActionplanError
from actionplan.legacy.draft import Facts
from actionplan.legacy.importer import Job

DOCUMENT_SUFFIXES = (".docx", ".txt")
MANIFEST_COLUMNS = ("file", "period", "year", "direction", "id")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def documents(paths: list[Path]) -> list[Path]:
    """The files named, and the documents under the folders named, each once, in order."""
    found: dict[Path, Path] = {}
    for path in paths:
        for document in _under(path) if path.is_dir() else [path]:
            found.setdefault(document.resolve(), document)
    return list(found.values())


def _under(folder: Path) -> list[Path]:
    """The documents below `folder`, hidden names and Word's `~$` lock files skipped. A folder
    that cannot be listed stops the batch (nothing skipped in silence); a document that is not
    a regular file (a FIFO named `x.txt`) is kept, for the reader to refuse by name."""
    unreadable: list[str] = []
    found: list[Path] = []
    for top, folders, files in os.walk(folder, onerror=lambda e: unreadable.append(str(e))):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found += [
            Path(top, name)
            for name in files
            if Path(name).suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith((".", "~$"))
        ]
    if unreadable:
        raise ActionplanError(
            f"{folder}: cannot read every folder below it ({'; '.join(unreadable)}): give read "
            "access, or name the folders that can be read",
            exit_code=2,
        )
    if not found:
        raise ActionplanError(
            f"{folder}: no Word (.docx) or text (.txt) documents in this folder or below it",
            exit_code=2,
        )
    return sorted(found)


@dataclass
class Manifest:
    """Per-document facts by the document's resolved path, and the bad rows as FILE:LINE
    messages."""

    path: Path
    facts: dict[Path, tuple[Path, Facts]] = field(default_factory=dict)
    bad: list[str] = field(default_factory=list)


def read_manifest(path: Path, defaults: Facts) -> Manifest:
    """The manifest's rows over the command line's facts. A `file` is relative to the
    manifest's own folder (or absolute)."""
    manifest = Manifest(path)
    rows = csv_rows(read_csv_text(path), path)
    header = next(rows, None)
    if header is None:
        raise ActionplanError(f"{path}: the manifest is empty: it needs a header row", exit_code=2)
    names = [name.strip().lower() for name in header[1]]
    problem = _header_problem(names)
    if problem:
        raise ActionplanError(
            f"{path}:{header[0]}: {problem}: the header names `file`, and any of "
            f"{', '.join(MANIFEST_COLUMNS[1:])}",
            exit_code=2,
        )
    ids: dict[object, int] = {}
    lines: dict[object, int] = {}
    for line, cells in rows:
        row = dict(zip(names, (cell.strip() for cell in cells), strict=False))
        try:
            if row.get("file"):
                _unique((path.parent / row["file"]).resolve(), lines, line, "file")
            document, facts = _row(row, path.parent, defaults)
            if facts.id:
                _unique(facts.id, ids, line, "id")
        except ActionplanError as error:
            manifest.bad.append(f"{path}:{line}: {error}")
            continue
        manifest.facts[document.resolve()] = (document, facts)
    return manifest


def _header_problem(names: list[str]) -> str:
    unknown = [name for name in names if name not in MANIFEST_COLUMNS]
    if unknown:
        return f"unknown column {unknown[0]!r}"
    if "file" not in names:
        return "no 'file' column"
    twice = [name for name in names if names.count(name) > 1]
    return f"the column {twice[0]!r} is named twice" if twice else ""


def _unique(key: object, seen: dict[object, int], line: int, column: str) -> None:
    if key in seen:
        raise ActionplanError(f"the same {column} as line {seen[key]}: keep one row for each")
    seen[key] = line


def _row(row: dict[str, str], folder: Path, defaults: Facts) -> tuple[Path, Facts]:
    name = row.get("file", "")
    if not name:
        raise ActionplanError("no file: each row names a document, relative to the manifest")
    document = folder / name
    if not document.is_file():
        raise ActionplanError(f"{name}: no such file (relative to the manifest's folder, {folder})")
    context = defaults.context
    year = _period(row.get("year"), "year", context.fy_start)
    if year is not None and year.whole_months != 12:
        raise ActionplanError(f"year {row['year']!r}: give a whole year, such as 2014/15 or 2014")
    period = _period(row.get("period"), "period", context.fy_start)
    direction = (row.get("direction") or "").lower()
    if direction and direction not in ("higher", "lower"):
        raise ActionplanError(f"direction {row['direction']!r}: write higher or lower")
    identifier = row.get("id") or None
    if identifier is not None and not _ID.fullmatch(identifier):
        raise ActionplanError(
            f"id {identifier!r}: use letters, digits, '-', '_' or '.', starting with a letter "
            "or digit"
        )
    if year is not None or period is not None:
        # The row's year and period together replace the command line's: a period given for
        # this document is not to be overridden by a year given for all of them.
        context = replace(context, year=year, period=period)
    facts = Facts(
        context, cast(Direction, direction) if direction else defaults.direction, identifier
    )
    return document, facts


def _period(text: str | None, column: str, fy_start: int) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text, fy_start)
    except ActionplanError as error:
        raise ActionplanError(f"{column} {text!r}: {error}") from None


def jobs(paths: list[Path], manifest: Manifest | None, defaults: Facts) -> list[Job]:
    """Each document with its facts: the documents named (the manifest's, when none are), the
    manifest's facts for those it lists, the command line's for the others."""
    if manifest is None:
        return [Job(document, defaults) for document in documents(paths)]
    if not paths:
        return [Job(document, facts) for document, facts in manifest.facts.values()]
    listed = manifest.facts
    return [
        Job(document, listed[document.resolve()][1] if document.resolve() in listed else defaults)
        for document in documents(paths)
    ]
