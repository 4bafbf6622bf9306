"""`actionplan import` as one call: the options read against the plans tree the files go into,
the documents gathered (folders searched, a manifest's facts applied), every document imported,
and a table of what needs a person's eye."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actionplan.app.progress import progress
from actionplan.app.render import make_folder
from actionplan.domain.periods import Period, parse_period
from actionplan.domain.values import Direction
from actionplan.domain.words import plural
from actionplan.edit.garbage import collecting
from actionplan.errors import ActionplanError
from actionplan.legacy.batch import jobs, read_manifest
from actionplan.legacy.draft import Facts
from actionplan.legacy.figures import Context
from actionplan.legacy.importer import Imported, ImportOptions, ImportRun, import_documents
from actionplan.legacy.notes import topics
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace import store
from actionplan.workspace.file_sets import replace_set
from actionplan.workspace.journal import recover_around
from actionplan.workspace.locks import locked


@dataclass(frozen=True)
class ImportRequest:
    paths: list[Path]  # documents and folders of them
    out: Path
    force: bool = False
    direction: Direction | None = None
    year: str | None = None  # --year: the year months without one fall in
    period: str | None = None  # --period: the period of the performance figure
    manifest: Path | None = None  # --manifest: per-document facts


def import_request(request: ImportRequest) -> Outcome:
    """Import each document; exit 2 when one could not be (the others still are), or when
    the manifest has a bad row (then nothing is). A bulk edit of the plans tree that was
    interrupted is finished first, so no file is imported beside a half-changed tree."""
    notes = [f"note: {line}" for line in recover_around([request.out])]
    fy_start = workspace_fy_start(request.out)
    context = Context(
        fy_start,
        period_option(request.year, fy_start, "--year"),
        period_option(request.period, fy_start, "--period"),
    )
    defaults = Facts(context, request.direction)
    manifest = read_manifest(request.manifest, defaults) if request.manifest else None
    if manifest is not None and manifest.bad:
        outcome = Outcome()
        for message in manifest.bad:
            outcome.fail(BAD_INPUT, f"error: {message}")
        rows = plural(len(manifest.bad), "bad row")
        outcome.err.append(f"{manifest.path}: {rows}: nothing was imported")
        return outcome
    if not request.paths and manifest is None:
        raise ActionplanError(
            "name the documents or folders to import, or a --manifest that lists them",
            exit_code=2,
        )
    work = jobs(request.paths, manifest, defaults)
    # A Word document read is a web of reference cycles: freed as the import goes on, though
    # the command line runs with the collector off.
    with progress("Importing documents") as tick, collecting():
        run = import_documents(work, ImportOptions(request.out, request.force, fy_start), tick)
    _write(request.out, run)
    outcome = Outcome(said=format_report(run), err=notes)
    for failed in run.failed:
        outcome.fail(BAD_INPUT, f"error: {failed.message}")
    return outcome


def workspace_fy_start(out: Path) -> int:
    """The financial-year start of the plans tree the files go into."""
    settings_path = store.find_settings([out])
    settings, problems = store.load_settings(settings_path)
    if problems:
        raise ActionplanError(f"{problems[0]}: fix the settings file first", exit_code=2)
    return settings.financial_year_start


HEADINGS = ("document", "file written", "needs a human")


def format_report(run: ImportRun) -> list[str]:
    """A table, a row per document in order (what needs a human by topic; the notes in full
    head each file), then the summary."""
    rows = [HEADINGS]
    for result in run.results:
        if isinstance(result, Imported):
            needs = ", ".join(topics(result.notes)) or "-"
            rows.append((str(result.source), str(result.path), needs))
        else:
            reason = result.message.removeprefix(f"{result.source}: ")
            rows.append((str(result.source), "-", f"not imported: {reason}"))
    widths = [max(len(row[column]) for row in rows) for column in (0, 1)]
    lines = [
        f"{row[0].ljust(widths[0])}  {row[1].ljust(widths[1])}  {row[2]}".rstrip() for row in rows
    ]
    imported, failed = run.imported, run.failed
    attention = sum(len(result.notes) for result in imported)
    notes = plural(attention, "note needs", "notes need")
    summary = (
        f"imported {len(imported)} of {plural(len(run.results), 'file')}; {notes} attention"
        + (" (in full at the top of each file)" if attention else "")
    )
    if failed:
        summary += f"; {len(failed)} not imported: " + ", ".join(str(f.source) for f in failed)
    return [*lines, summary]


def period_option(text: str | None, fy_start: int, option: str) -> Period | None:
    """Read --year (a whole year) or --period; raises ActionplanError naming the option."""
    if text is None:
        return None
    try:
        period = parse_period(text, fy_start)
    except ActionplanError as error:
        raise ActionplanError(f"{option} {text}: {error}", exit_code=2) from None
    if option == "--year" and period.whole_months != 12:
        raise ActionplanError(
            f"--year {text}: give a whole year, such as 2014/15 (financial) or 2014", exit_code=2
        )
    return period


def _write(out: Path, run: ImportRun) -> None:
    """Every imported plan into `out` as one set: all or none, if the disk fills up or the run
    is killed (a document that could not be imported is reported, and the others go in)."""
    files: dict[str, str | bytes] = {i.path.name: i.text for i in run.imported}
    if not files:
        return
    make_folder(out, "--out")
    with locked([out]):
        replace_set(out, files)
