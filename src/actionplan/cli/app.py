"""The Typer application, its one error boundary, and what every command shares: help in the
command line's words, printing that terminals cannot be driven by, the `--as-of` parser."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from actionplan import __version__
from actionplan.errors import ActionplanError
from actionplan.outcome import Outcome


def quick_value(param: Any, ctx: Any, value: Any, typer_way: Any) -> Any:
    """Typer coerces every value given on the command line through a pydantic adapter built
    for the parameter's type: importing pydantic and building it costs ~45 ms, a quarter of a
    check of 10,000 unchanged files. The plain types this tool's parameters have (text, a path,
    paths, a choice) are coerced here as the adapter would; anything else (a value missing or
    not among the choices, a type not listed) is left to `typer_way`, which words the error."""
    if param.multiple or param.nargs not in (1, -1):
        return typer_way(ctx, value)
    if value is None and not param.required and param.nargs == 1:
        coerced: Any = None
    elif (coerced := plain_value(param.type_descriptor, value)) is None:
        return typer_way(ctx, value)
    return coerced if param.callback is None else param.callback(ctx, param, coerced)


def plain_value(described: Any, value: Any) -> Any:
    """`value` as the parameter's adapter would make it, or None where Typer must."""
    annotation, info = described.annotation, described.parameter_info
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return None
    if annotation is str and isinstance(value, str):
        return value
    plain_path = not (info.exists or info.resolve_path or info.allow_dash or info.path_type)
    if annotation is Path and isinstance(value, str) and plain_path:
        return Path(value)
    if annotation == list[Path] and isinstance(value, tuple) and value and plain_path:
        return [Path(v) for v in value] if all(isinstance(v, str) for v in value) else None
    if isinstance(annotation, type) and issubclass(annotation, Enum) and info.case_sensitive:
        return next((m for m in annotation if isinstance(value, str) and m.value == value), None)
    return None


class _Option(TyperOption):
    def process_value(self, ctx: Any, value: Any) -> Any:
        return quick_value(self, ctx, value, super().process_value)


def _quick_options(params: list[Any]) -> list[Any]:
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _Option
    return params


class _Boundary(TyperGroup):
    """The one place user-facing errors are caught: a message on stderr and a documented exit
    code, never a traceback (unless --debug)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _quick_options(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:  # click.Context (vendored by typer)
        try:
            return super().invoke(ctx)
        except ActionplanError as error:
            if os.environ.get("ACTIONPLAN_DEBUG"):
                raise
            say(f"error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None


class _Argument(TyperArgument):
    def process_value(self, ctx: Any, value: Any) -> Any:
        return quick_value(self, ctx, value, super().process_value)

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the argument's name (ID, PATHS) already says what to type


class Command(TyperCommand):
    """Help in the words of the command line: typer would append Python types (`<str>`,
    `<list[Path]>`, `<bool>`) to names; arguments keep their names, options get a metavar."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument
            elif isinstance(param, TyperOption) and param.metavar is None and not param.is_flag:
                param.metavar = _metavar(param)

    def get_params(self, ctx: Any) -> list[Any]:
        return _quick_options(super().get_params(ctx))


def _metavar(option: TyperOption) -> str:
    described = option.type_descriptor
    if described.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in described.choices or ())
    return "PATH" if described.is_path else "TEXT"


def say(message: str, *, err: bool = False) -> None:
    """Print one line; text from files in it cannot drive the terminal (see `terminal`)."""
    from actionplan.output.terminal import printable

    typer.echo(printable(message), err=err)


def finish(outcome: Outcome) -> None:
    """Print what a command did and exit with the code its core decided."""
    for message in outcome.err:
        say(message, err=True)
    for message in outcome.said:
        say(message)
    for document in outcome.out:
        if isinstance(document, str):
            sys.stdout.write(document)
        else:
            sys.stdout.flush()
            if isinstance(document, bytes):
                sys.stdout.buffer.write(document)
            else:
                shutil.copyfileobj(document, sys.stdout.buffer)
                document.close()
            sys.stdout.buffer.flush()
    raise typer.Exit(outcome.exit_code)


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
PlansOption = Annotated[
    Path | None,
    typer.Option(
        "--plans", metavar="DIR", help="The plans folder. Default: ./plans", show_default=False
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates", metavar="DIR", help="Use the templates in DIR instead of the built-in."
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Re-read every file, ignoring the parse cache.")
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
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links",
            help="Read plan files and folders that symbolic links lead to outside the plans "
            "folder (by default they are reported and not read).",
        ),
    ] = False,
) -> None:
    if debug:
        os.environ["ACTIONPLAN_DEBUG"] = "1"
    if follow_links:
        os.environ["ACTIONPLAN_FOLLOW_LINKS"] = "1"


def parse_as_of(text: str | None, option: str = "--as-of") -> date:
    """A day, or a period meaning its last day (`--as-of 2014-07` = 31 July 2014)."""
    if text is None:
        return date.today()
    from actionplan.domain.period_forms import not_a_date
    from actionplan.domain.periods import parse_period

    try:
        return parse_period(text).end
    except ActionplanError as error:
        said = str(error) if "ends before it starts" in str(error) else not_a_date(text)
        raise typer.BadParameter(said, param_hint=option) from None
