"""`actionplan export` as one call: the tree judged at a date and written as tidy tables for
analysts (indicators, measurements, plans), as one set of files: all or none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actionplan.app.loading import load_reported
from actionplan.app.progress import progress
from actionplan.app.render import make_folder
from actionplan.outcome import Outcome
from actionplan.output.export.files import export_files, need_pyarrow
from actionplan.output.export.tables import Exported
from actionplan.workspace.file_sets import replace_set
from actionplan.workspace.locks import locked
from actionplan.workspace.store import plan_paths


@dataclass(frozen=True)
class ExportRequest:
    paths: list[Path]
    out: Path
    format: str = "csv"  # csv or parquet
    cache: bool = True


def export_tables(request: ExportRequest, as_of: date) -> Outcome:
    """Every readable indicator under the paths exported; a file that cannot be read is named
    (exit 2) and left out, as `check` does."""
    if request.format == "parquet":
        need_pyarrow()  # before any file is read, not after the tree is judged
    roots = plan_paths(request.paths or None)
    workspace, outcome = load_reported(roots, cache=request.cache)
    exported = Exported()
    with progress("Exporting indicators") as tick:
        for done, file in enumerate(workspace.files, 1):
            tick(done, len(workspace.files))
            folder = _folder(file.path, roots)
            exported.add(file.path, folder, file.indicator, workspace.settings, as_of)
    tables = {
        "indicators": exported.indicators,
        "measurements": exported.measurements,
        "plans": exported.plans,
    }
    files = export_files(tables, request.format, as_of)
    make_folder(request.out, "--out")
    with locked([request.out]):
        replace_set(request.out, files)
    counts = ", ".join(f"{len(rows):,} {name}" for name, rows in tables.items())
    outcome.said.append(f"wrote {len(files)} files into {request.out}: {counts}")
    return outcome


def _folder(path: Path, roots: list[Path]) -> str:
    """The file's folder below the root it was found under ('' for a file at the top)."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return path.parent.relative_to(root).as_posix().removeprefix(".")
    return ""
