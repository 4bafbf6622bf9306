"""Documents from templates: the Jinja2 environments over the built-in templates or a user's
copies, the copying of the built-in set, and template errors named at their file and line.

Plan text reaches a page only as data passed to a template, never as template source, so
`{{ 7*7 }}` in a plan prints as written (its filters are in `filters`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.loaders import split_template_path

from actionplan.errors import ActionplanError
from actionplan.output.documents.filters import FILTERS, Format
from actionplan.output.terminal import printable_lines
from actionplan.workspace.limits import TEMPLATE_BYTES, read_limited

TEMPLATES = {"md": "plan.md.j2", "html": "plan.html.j2"}


def templates_dir() -> Path:
    """The built-in templates: inside the installed package, or the repository's `templates/`
    beside `src/` when running from a source checkout."""
    packaged = Path(__file__).parents[2] / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "templates"


def init_templates(folder: Path) -> list[Path]:
    """Copy the built-in templates into `folder` to start a custom set; never overwrites."""
    return copy_templates(templates_dir(), folder, folder)


def copy_templates(source: Path, target: Path, named: Path) -> list[Path]:
    """Copy the templates in `source` into `target` (`named`, the folder the user gave, or a
    folder in it) as one set: all, or on a full disk none; never over a file already there."""
    sources = sorted(p for p in source.iterdir() if p.is_file())
    if named.exists() and not named.is_dir():
        raise ActionplanError(f"{named} is a file: name a folder for the templates")
    clashes = [target / p.name for p in sources if os.path.lexists(target / p.name)]
    if clashes:
        raise ActionplanError(
            f"{clashes[0]} already exists: choose another folder, or remove the old copies "
            "first (nothing was copied)"
        )
    from actionplan.workspace.file_sets import StagedSet
    from actionplan.workspace.locks import locked

    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ActionplanError(
            f"{error.filename or target}: cannot copy the templates there: {error.strerror}"
        ) from None
    with locked([target]), StagedSet(target) as staged:
        for path in sources:
            staged.add(path.name, path.read_bytes())
        staged.commit()
    return [target / p.name for p in sources]


class _TemplateLoader(FileSystemLoader):
    """Templates from folders, as UTF-8 text of a bounded size: a file that is not names its
    line, rather than failing deep inside Jinja."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = Path(folder, *pieces)
            if path.is_file():
                return _read_template(path), str(path), _unchanged(path)
        raise TemplateNotFound(template)


def _read_template(path: Path) -> str:
    try:
        raw = read_limited(path, TEMPLATE_BYTES)
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ActionplanError(
            f"{path}:{line}: not UTF-8 text: save the template with UTF-8 encoding"
        ) from None
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None


def _unchanged(path: Path) -> Callable[[], bool]:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return lambda: path.exists() and path.stat().st_mtime == mtime


class Renderer:
    """Renders documents in one format, from a user's templates folder when given (its files
    take the place of the built-in ones of the same name)."""

    def __init__(self, fmt: Format, templates: Path | None = None) -> None:
        if templates is not None and not templates.is_dir():
            raise ActionplanError(
                f"--templates {templates}: no such folder (actionplan render --init-templates "
                f"{templates} copies the built-in templates there to start from)"
            )
        folders = [templates] if templates else []
        self.format = fmt
        self.environment = Environment(
            loader=ChoiceLoader([_TemplateLoader(f) for f in [*folders, templates_dir()]]),
            autoescape=fmt == "html",
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.environment.filters.update(FILTERS[fmt])

    def render(self, context: Mapping[str, Any], template: str | None = None) -> str:
        """Render the plan template, or another template of the set (the report's)."""
        return "".join(self.generate(context, template))

    def generate(self, context: Mapping[str, Any], template: str | None = None) -> Iterator[str]:
        """`render`'s text in pieces of about 64 KB, each made as it is asked for: a long
        document is written out as it is made, never held whole."""
        name = template or TEMPLATES[self.format]
        pieces: list[str] = []
        size = 0
        with _named_errors(name):
            for piece in self.environment.get_template(name).generate(context):
                pieces.append(piece)
                size += len(piece)
                if size >= _PIECE:
                    # Control characters (a title with ESC in it) have no place in a paper,
                    # and would drive the terminal when a document is printed to one.
                    yield printable_lines("".join(pieces))
                    pieces, size = [], 0
        yield printable_lines("".join(pieces))


_PIECE = 1 << 16


@contextmanager
def _named_errors(name: str) -> Iterator[None]:
    """A template's errors as ActionplanError, at the template's file and line."""
    try:
        yield
    except TemplateNotFound as error:
        raise ActionplanError(f"template {error.name} not found") from None
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise ActionplanError(f"{where}: template syntax: {error.message}") from None
    except TemplateError as error:
        where = _template_position(error.__traceback__) or name
        raise ActionplanError(f"{where}: {error.message}: fix the template") from None
    except RecursionError as error:
        where = _template_position(error.__traceback__) or name
        raise ActionplanError(
            f"{where}: the template includes or extends itself (directly or through "
            "another template) without end: fix the template"
        ) from None


def _template_position(tb: TracebackType | None) -> str | None:
    """file:line of the innermost template frame (Jinja maps its frames to template lines)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or tb.tb_frame.f_globals.get("__jinja_template__"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found
