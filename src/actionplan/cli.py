"""The command line: parse options, call one core function, hand its result to a reporter.

Heavy modules are imported inside the commands that need them, so `--help` and small runs start
quickly.
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from actionplan import __version__
from actionplan.errors import ActionplanError
from actionplan.wording import plural

if TYPE_CHECKING:  # imported by the commands that need them, to keep start-up quick
    from actionplan.store import IndicatorFile, Workspace


class _Boundary(TyperGroup):
    """The one place user-facing errors are caught: a message on stderr and a documented exit
    code, never a traceback (unless --debug)."""

    def invoke(self, ctx: Any) -> Any:  # click.Context (vendored by typer)
        try:
            return super().invoke(ctx)
        except ActionplanError as error:
            if os.environ.get("ACTIONPLAN_DEBUG"):
                raise
            say(f"error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None


class _Argument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the argument's name (ID, PATHS) already says what to type


class _Command(TyperCommand):
    """Help in the words of the command line: typer would append Python types (`<str>`,
    `<list[Path]>`, `<bool>`) to names; arguments keep their names, options get a metavar."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument
            elif isinstance(param, TyperOption) and param.metavar is None and not param.is_flag:
                param.metavar = _metavar(param)


def _metavar(option: TyperOption) -> str:
    described = option.type_descriptor
    if described.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in described.choices or ())
    return "PATH" if described.is_path else "TEXT"


def say(message: str, *, err: bool = False) -> None:
    """Print one line; text from files in it cannot drive the terminal (see `terminal`)."""
    from actionplan.terminal import printable

    typer.echo(printable(message), err=err)


app = typer.Typer(
    cls=_Boundary,
    name="actionplan",
    help="Performance indicators and their action plans, kept as YAML files.\n\n"
    "Exit codes: 0 all well; 1 a RED measure lacks a current, complete plan (check) or nothing "
    "was done; 2 a file could not be read or validated, or the command line was wrong.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATHS", help="Plan files or folders to read. Default: ./plans", show_default=False
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"actionplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for errors (for bug reports).")
    ] = False,
) -> None:
    if debug:
        os.environ["ACTIONPLAN_DEBUG"] = "1"


def plan_paths(paths: list[Path] | None) -> list[Path]:
    if paths:
        return paths
    default = Path("plans")
    if not default.is_dir():
        raise ActionplanError(
            "there is no ./plans folder here: run in the folder that holds plans/, or name the "
            "plan files and folders to read"
        )
    return [default]


def parse_as_of(text: str | None, option: str = "--as-of") -> date:
    """A day, or a period meaning its last day (`--as-of 2014-07` = 31 July 2014)."""
    if text is None:
        return date.today()
    from actionplan.periods import parse_period

    try:
        return parse_period(text).end
    except ActionplanError as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    github = "github"


@app.command(cls=_Command)
def check(
    paths: PathsArg = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Judge what was known on this day (2014-07-31, or a period meaning its last "
            "day). Default: today.",
        ),
    ] = None,
    output: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output: table, json or github.")
    ] = CheckFormat.table,
    missing: Annotated[
        bool, typer.Option("--missing", help="Print only the RED measures lacking a plan.")
    ] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every indicator, not only RED and AMBER ones.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-read every file, ignoring the parse cache.")
    ] = False,
) -> None:
    """Compute RED / AMBER / GREEN and list RED measures lacking a current, complete plan.

    Exits 0 when every RED measure has a current, complete plan, 1 when one does not, 2 when a
    file could not be read or validated (the others are still checked).
    """
    from actionplan import reporters
    from actionplan.assess import check as run_check
    from actionplan.locate import locate

    day = parse_as_of(as_of)
    workspace = load(plan_paths(paths), cache=not no_cache)
    result = locate(
        run_check(
            [(f.path, f.indicator) for f in workspace.files],
            workspace.settings,
            day,
            workspace.problems,
        )
    )
    if output is not CheckFormat.github:
        from actionplan.trend import with_spc

        result = with_spc(
            result,
            workspace.settings,
            (lambda row: True)
            if output is CheckFormat.json
            else (lambda row: not missing and reporters.shown(row, show_all)),
        )
    if output is CheckFormat.table:
        reporters.report_problems(result.problems, sys.stderr)
        reporters.report_notes(result.notes, sys.stderr)
    reporters.REPORTERS[output.value](result, sys.stdout, missing, show_all)
    raise typer.Exit(result.exit_code)


class RenderFormat(StrEnum):
    md = "md"
    html = "html"


@app.command(cls=_Command)
def render(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="IDS|PATHS",
            help="Indicator ids, or plan files and folders. Ids are looked up in the folders "
            "named, or ./plans. Default: every plan under ./plans.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        RenderFormat, typer.Option("--format", "-f", help="Document format: md or html.")
    ] = RenderFormat.md,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write one file per plan into DIR, named from its id (an unchanged file is "
            "not rewritten). Without it, or with '-', a single plan is written to stdout.",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", metavar="DIR", help="Use the templates in DIR instead of the built-in."
        ),
    ] = None,
    init_templates: Annotated[
        Path | None,
        typer.Option(
            "--init-templates",
            metavar="DIR",
            help="Copy the built-in templates into DIR to start your own, then stop.",
        ),
    ] = None,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing",
            help="Also render a blank form, pre-filled with the overview and current figures, "
            "for each RED measure that has no plan.",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="Show the figures known on this day. Default: today."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-read every file, ignoring the parse cache.")
    ] = False,
) -> None:
    """Render action plans as Performance Action Plan documents (Markdown or HTML).

    Files that cannot be read are reported as `check` reports them and the rest still render;
    the exit code is then 2. Exits 1 when there was nothing to render.
    """
    from actionplan import reporters
    from actionplan.documents import context, select
    from actionplan.locks import locked
    from actionplan.render import Renderer
    from actionplan.render import init_templates as copy_templates

    if init_templates is not None:
        copied = copy_templates(init_templates)
        say(
            f"copied {plural(len(copied), 'file')} to {init_templates}: edit them, then render "
            f"with --templates {init_templates}",
            err=True,
        )
        return
    day = parse_as_of(as_of)
    renderer = Renderer(output.value, templates)
    paths = [Path(t) for t in targets or [] if _looks_like_path(t)]
    ids = [t for t in targets or [] if not _looks_like_path(t)]
    workspace = load(paths or plan_paths(None), cache=not no_cache)
    files = [(f.path, f.indicator) for f in workspace.files]
    chosen = select(
        files,
        workspace.settings,
        day,
        ids=ids,
        paths=[p for p in paths if not p.is_dir()],
        missing=missing,
    )
    reporters.report_problems(workspace.problems, sys.stderr)
    known = [f.indicator.id for f in workspace.files]
    for unknown in chosen.unknown_ids:
        say(f"error: {_unknown_id(unknown, known)}", err=True)
    for note in chosen.nothing_to_render:
        say(f"note: {note}", err=True)
    failed = bool(workspace.problems or chosen.unknown_ids)
    documents = chosen.documents
    folder = None if out in (None, "-") else Path(str(out))
    if folder is None and len(documents) > 1:
        raise ActionplanError(
            f"{len(documents)} plans to render: name one id to print it, or write one file per "
            "plan with --out DIR"
        )
    if folder is None:
        for document in documents:
            sys.stdout.write(renderer.render(context(document, workspace.settings, day)))
    else:
        _make_folder(folder)
        with locked([folder]):
            for document in documents:
                text = renderer.render(context(document, workspace.settings, day))
                written = _write_document(folder, document.indicator.id, output, text)
                failed = failed or not written
    if not documents and not failed:
        typer.echo(
            "nothing to render: no selected indicator has an action_plan (--missing adds a "
            "blank form for each RED measure lacking one)",
            err=True,
        )
    raise typer.Exit(2 if failed else 1 if not documents or chosen.nothing_to_render else 0)


@app.command(cls=_Command)
def report(
    paths: PathsArg = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Report the figures known on this day."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Add the changes since this day (the last committee): statuses, plans.",
        ),
    ] = None,
    output: Annotated[
        RenderFormat, typer.Option("--format", "-f", help="Report format: html or md.")
    ] = RenderFormat.html,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Write report.html (or report.md and its chart SVGs) into DIR. Without it, "
            "HTML goes to stdout.",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", metavar="DIR", help="Use the templates in DIR instead of the built-in."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-read every file, ignoring the parse cache.")
    ] = False,
) -> None:
    """The quarterly performance report: summary, scorecard, SPC charts, exceptions, changes.

    Exits 0 when every RED measure has a current, complete plan, 1 when one does not (the
    report is still written), 2 when a file could not be read (the others are reported).
    """
    from actionplan import reporters
    from actionplan.locks import locked
    from actionplan.report import build_report
    from actionplan.report_write import render_report, write_report

    day, since_day = parse_as_of(as_of), parse_as_of(since, "--since") if since else None
    if output is RenderFormat.md and out is None:
        raise ActionplanError("a Markdown report writes its charts beside it: give --out DIR")
    roots = plan_paths(paths)
    workspace = load(roots, cache=not no_cache)
    reporters.report_problems(workspace.problems, sys.stderr)
    with reporters.progress("Charting indicators") as tick:
        files = [(f.path, f.indicator) for f in workspace.files]
        built = build_report(files, workspace.settings, day, roots=roots, since=since_day,
                             problems=workspace.problems, progress=tick)  # fmt: skip
    text, charts = render_report(built, output.value, templates)
    if out is None:
        sys.stdout.write(text)
        raise typer.Exit(built.exit_code)
    _make_folder(out)
    with locked([out]):
        written = write_report(out, output.value, text, charts, lambda m: say(m, err=True))
    raise typer.Exit(built.exit_code if written else 2)


def _write_document(folder: Path, indicator_id: str, fmt: RenderFormat, text: str) -> bool:
    """One document into the --out folder; a file that cannot be written is reported and the
    others still are."""
    from actionplan.render import output_name, write_if_changed

    try:
        target = folder / output_name(indicator_id, fmt.value)
        done = "wrote" if write_if_changed(target, text) else "unchanged"
    except ActionplanError as error:
        say(f"error: {error}", err=True)
        return False
    say(f"{done} {target}", err=True)
    return True


def _looks_like_path(target: str) -> bool:
    return (
        Path(target).exists()
        or "/" in target
        or os.sep in target
        or target.endswith((".yaml", ".yml"))
    )


def _unknown_id(indicator_id: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(indicator_id, known, n=1)
    hint = f": did you mean '{close[0]}'?" if close else " (ids default to the file name)"
    return f"no indicator has id '{indicator_id}'{hint}"


def _make_folder(folder: Path, option: str = "--out") -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ActionplanError(
            f"{option} {folder}: is a file: name a folder to write into"
        ) from None
    except OSError as error:
        raise ActionplanError(f"{option} {folder}: cannot create it: {error.strerror}") from None


def load(paths: list[Path], *, cache: bool = True) -> Workspace:
    """Load the workspace under `paths`, with a progress bar on a terminal."""
    from actionplan import reporters
    from actionplan.cache import ParseCache, default_cache_file
    from actionplan.journal import recover_around
    from actionplan.store import load_workspace

    for line in recover_around(paths):
        say(f"note: {line}", err=True)

    parse_cache = ParseCache(default_cache_file(paths)) if cache else None
    with reporters.progress("Reading plan files") as tick:
        return load_workspace(paths, cache=parse_cache, progress=tick)


class DirectionChoice(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@app.command("import", cls=_Command)
def import_documents(
    files: Annotated[
        list[Path],
        typer.Argument(help="Action plan documents: Word (.docx) or text exported from them."),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Plans folder to write the YAML files into.")
    ] = Path("plans"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace plan files that already exist.")
    ] = False,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            help="The year the documents' months fall in when they name no year "
            "(2014/15 financial, or 2014).",
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help="The period of the performance figure, for documents that do not state it "
            "in full (2014-04, 2014/15 Q1...).",
        ),
    ] = None,
    direction: Annotated[
        DirectionChoice | None,
        typer.Option(
            "--direction",
            help="Which way is better for these indicators, higher or lower. The template does "
            "not say; without it the target is written as a comment.",
        ),
    ] = None,
) -> None:
    """Import legacy Performance Action Plan documents as indicator YAML files.

    One file per document, named from its title; what a document does not state is listed
    at the top of the file and in the report. Exits 0 when every document was imported, 2 when
    one could not be (the others are still imported).
    """
    from actionplan.importer import ImportOptions, format_report, period_option, workspace_fy_start
    from actionplan.importer import import_documents as run_import
    from actionplan.legacy_figures import Context

    fy_start = workspace_fy_start(out)
    context = Context(
        fy_start,
        period_option(year, fy_start, "--year"),
        period_option(period, fy_start, "--period"),
    )
    options = ImportOptions(out, force, direction.value if direction else None, context)
    run = run_import(files, options)
    *lines, summary = format_report(run)
    for line in lines:
        say(line)
    for _, message in run.failed:
        say(f"error: {message}", err=True)
    say(summary)
    raise typer.Exit(run.exit_code)


PlansOption = Annotated[
    Path | None,
    typer.Option(
        "--plans", metavar="DIR", help="The plans folder. Default: ./plans", show_default=False
    ),
]


def _workspace(plans: Path | None) -> Workspace:
    """The workspace of the plans folder; an edit needs every file readable to find ids."""
    return load(plan_paths([plans] if plans else None))


def _indicator_file(workspace: Workspace, indicator_id: str) -> IndicatorFile:
    found = workspace.find(indicator_id)
    if found is None:
        hint = " (some files could not be read: see `actionplan check`)"
        hint = hint if workspace.problems else ""
        raise ActionplanError(f"no indicator has the id {indicator_id!r} in the plans{hint}")
    return found


@app.command(cls=_Command)
def new(
    indicator_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Add an empty action plan to this RED indicator's file.",
            show_default=False,
        ),
    ] = None,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator", metavar="ID", help="Create a new indicator file, plans/ID.yaml."
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="With --indicator: its title.")] = None,
    strategic_director_lead: Annotated[
        str | None, typer.Option(help="With --indicator: the Strategic Director Lead.")
    ] = None,
    departmental_lead: Annotated[
        str | None, typer.Option(help="With --indicator: the Departmental Lead.")
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(help="With --indicator: count, percent, rate, days, currency or number."),
    ] = None,
    frequency: Annotated[
        str | None, typer.Option(help="With --indicator: monthly, quarterly or annual.")
    ] = None,
    direction: Annotated[
        str | None, typer.Option(help="With --indicator: which way is better, higher or lower.")
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="With --indicator: one target for every period.")
    ] = None,
    cumulative: Annotated[
        bool,
        typer.Option(
            "--cumulative", help="With --indicator: figures are year-to-date (pro-rated target)."
        ),
    ] = False,
    tolerance: Annotated[
        str | None,
        typer.Option(help="With --indicator: the amber band, a share (5%) or an amount (2.5)."),
    ] = None,
    plans: PlansOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Judge RED as on this day. Default: today."),
    ] = None,
) -> None:
    """Scaffold an action plan for a RED indicator, or (with --indicator) a new indicator file.

    `new ID` adds `action_plan:` to the indicator's file: its period is the RED period, every
    section is empty, and the template's guidance sits above each as comments. Nothing else in
    the file changes. `new --indicator ID --title TEXT` creates plans/ID.yaml, never over an
    existing file. Exits 1 when nothing was done (not RED, or already has a plan).
    """
    from actionplan import edit
    from actionplan.atomic import write_atomic
    from actionplan.locks import folder_of, locked

    if (indicator_id is None) == (indicator is None):
        raise typer.BadParameter("give an ID, or --indicator ID with --title (not both)")
    folder = plans or Path("plans")
    if indicator is not None and not folder.exists():
        _make_folder(folder, "--plans")
        say(f"{folder}: created the plans folder")
    workspace = _workspace(plans)
    if indicator_id is not None:
        file = _indicator_file(workspace, indicator_id)
        with locked([folder_of(file.path)]):
            text = edit.plan_skeleton_text(
                file.path, file.indicator, workspace.settings, parse_as_of(as_of)
            )
            write_atomic(file.path, text)
        say(f"{file.path}: added an action_plan: fill in its sections")
        return
    assert indicator is not None
    if not title:
        raise typer.BadParameter("a new indicator needs --title", param_hint="--title")
    existing = workspace.find(indicator)
    if existing is not None:
        raise ActionplanError(f"the id {indicator!r} is already used by {existing.path}")
    root = workspace.settings_path.parent if workspace.settings_path else folder
    path = folder / f"{indicator}.yaml"
    fields = {
        "title": title,
        "strategic_director_lead": strategic_director_lead,
        "departmental_lead": departmental_lead,
        "unit": unit,
        "frequency": frequency,
        "direction": direction,
        "cumulative": True if cumulative else None,
        "tolerance": _number_or_text(tolerance),
        "target": _number_or_text(target),
    }
    text = edit.new_file_text(path, fields, workspace.settings, root)
    write_atomic(path, text, create=True)
    say(f"{path}: created")


def _number_or_text(text: str | None) -> int | float | str | None:
    """A plain number as a YAML number; anything else (`5%`, `1,900`) as written."""
    try:
        number = float(text) if text is not None else None
    except ValueError:
        return text
    return int(number) if number is not None and number.is_integer() else number


@app.command(cls=_Command)
def record(
    indicator_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="The indicator.", show_default=False)
    ] = None,
    period: Annotated[
        str | None,
        typer.Argument(
            metavar="PERIOD", help="The period, e.g. 2014-04 or 2014/15.", show_default=False
        ),
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(
            metavar="VALUE",
            help="The figure: 617, 19,625, 53.6% or NA (put -- before a negative one).",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note shown beside the figure.")] = None,
    forecast: Annotated[
        bool, typer.Option("--forecast", help="The figure is a projected outturn.")
    ] = False,
    reported: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="When the figure was published (2014-07-31)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a figure already recorded for the period.")
    ] = False,
    csv_file: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="FILE",
            help="Record every row of a CSV: columns id,period,value (and optionally note, "
            "reported, forecast), or a Fingertips export.",
        ),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Record a measurement, in period order, keeping the file's comments and layout.

    The edited file is validated before it is written, and written atomically. A period that
    already has a figure is refused (exit 1) unless --replace. With --csv, every row is checked
    first: if any is bad, each is reported as FILE:LINE: message, nothing is written, and the
    exit code is 2.
    """
    from pydantic import ValidationError

    from actionplan import edit
    from actionplan.atomic import write_atomic
    from actionplan.locks import folder_of, locked
    from actionplan.messages import describe
    from actionplan.models import Measurement

    workspace = _workspace(plans)
    if csv_file is not None:
        if indicator_id or note or forecast or reported:
            raise typer.BadParameter("--csv takes its ids, periods and values from the file")
        _record_csv(csv_file, workspace, replace, plans)
        return
    if value is None:
        raise typer.BadParameter("give ID PERIOD VALUE, or --csv FILE")
    file = _indicator_file(workspace, str(indicator_id))
    data = {"period": period, "value": value, "note": note, "reported": reported}
    try:
        measurement = Measurement.model_validate(
            {**{k: v for k, v in data.items() if v is not None}, "forecast": forecast},
            context={"fy_start": workspace.settings.financial_year_start},
        )
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise typer.BadParameter(describe(first, Measurement)) from None
    # Read, edited and written under the folder's lock: a concurrent edit of the same file
    # waits, then starts from this one's result.
    with locked([folder_of(file.path)]):
        text = edit.measurement_text(file.path, measurement, workspace.settings, replace=replace)
        write_atomic(file.path, text)
    say(f"{file.path}: recorded {measurement.period}")


def _record_csv(csv_file: Path, workspace: Workspace, replace: bool, plans: Path | None) -> None:
    from actionplan import reporters
    from actionplan.journal import commit, transaction
    from actionplan.records import assign, prepare, read_csv

    batch = read_csv(csv_file, workspace.settings.financial_year_start)
    assigned = assign(batch, workspace.files)
    # The journal that makes the batch all or nothing lives at the root of the plans tree.
    root = workspace.settings_path.parent if workspace.settings_path else plans or Path("plans")
    # Files are read again, edited and written under their folders' locks.
    with transaction(list(assigned), root):
        with reporters.progress("Recording measurements") as tick:
            texts, bad = prepare(assigned, workspace.settings, replace=replace, progress=tick)
        bad = sorted(batch.bad + bad, key=lambda row: row.line)
        for row in bad:
            say(f"{csv_file}:{row.line}: {row.message}", err=True)
        if bad:
            say(f"{plural(len(bad), 'bad row')}: nothing was recorded", err=True)
            raise typer.Exit(2)
        commit(texts, root)
    rows = sum(len(records) for records in assigned.values())
    skipped = f"; {plural(batch.skipped, 'row')} skipped (other series, breakdowns or no value)"
    say(
        f"recorded {plural(rows, 'measurement')} in {plural(len(texts), 'file')}"
        + (skipped if batch.fingertips else "")
    )


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of indicator files, for editors that check YAML as you type.

    Save it beside the plans (`actionplan schema > plans/actionplan.schema.json`); files made by
    `actionplan new` point to it on their first line.
    """
    import json

    from actionplan.schema import indicator_schema

    json.dump(indicator_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def main() -> None:
    # One command, then exit: a check of thousands of files builds millions of objects with no
    # reference cycles, and the collector's repeated passes over them cost more than the load.
    gc.disable()
    app()
