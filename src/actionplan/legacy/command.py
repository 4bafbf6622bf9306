"""`actionplan import` as one call: the options read against the plans tree the files go into,
every document imported, and a report of what needs a person's eye."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actionplan.domain.periods import Period, parse_period
from actionplan.domain.values import Direction
from actionplan.domain.words import plural
from actionplan.errors import ActionplanError
from actionplan.legacy.figures import Context
from actionplan.legacy.importer import ImportOptions, ImportRun, import_documents
from actionplan.outcome import BAD_INPUT, Outcome
from actionplan.workspace import store


@dataclass(frozen=True)
class ImportRequest:
    files: list[Path]
    out: Path
    force: bool = False
    direction: Direction | None = None
    year: str | None = None  # --year: the year months without one fall in
    period: str | None = None  # --period: the period of the performance figure


def import_request(request: ImportRequest) -> Outcome:
    """Import each document; exit 2 when one could not be (the others still are)."""
    fy_start = workspace_fy_start(request.out)
    context = Context(
        fy_start,
        period_option(request.year, fy_start, "--year"),
        period_option(request.period, fy_start, "--period"),
    )
    options = ImportOptions(request.out, request.force, request.direction, context)
    run = import_documents(request.files, options)
    outcome = Outcome(said=format_report(run))
    for _, message in run.failed:
        outcome.fail(BAD_INPUT, f"error: {message}")
    return outcome


def workspace_fy_start(out: Path) -> int:
    """The financial-year start of the plans tree the files go into."""
    settings_path = store.find_settings([out])
    settings, problems = store.load_settings(settings_path)
    if problems:
        raise ActionplanError(f"{problems[0]}: fix the settings file first", exit_code=2)
    return settings.financial_year_start


def format_report(run: ImportRun) -> list[str]:
    """Per-file lines, then the summary."""
    lines = []
    for imported in run.imported:
        lines.append(f"{imported.source} -> {imported.path}")
        lines.extend(f"  - {note}" for note in imported.notes)
    total = len(run.imported) + len(run.failed)
    attention = sum(len(imported.notes) for imported in run.imported)
    notes = plural(attention, "note needs", "notes need")
    summary = f"imported {len(run.imported)} of {plural(total, 'file')}; {notes} attention"
    if run.failed:
        summary += f"; {len(run.failed)} not imported: " + ", ".join(
            str(source) for source, _ in run.failed
        )
    lines.append(summary)
    return lines


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
