"""Documents from templates: the Jinja2 environments, Markdown made into safe HTML, and the
atomic writing of rendered files.

Plan text reaches a page only as data passed to a template, never as template source, so
`{{ 7*7 }}` in a plan prints as written. In HTML, Markdown is rendered with raw HTML disabled and
the result sanitised again, so nothing a plan contains can run in the reader's browser.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import nh3
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
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup, escape

from actionplan.errors import ActionplanError
from actionplan.output.terminal import printable_lines
from actionplan.workspace.limits import TEMPLATE_BYTES, read_limited

Format = Literal["md", "html"]
TEMPLATES = {"md": "plan.md.j2", "html": "plan.html.j2"}
SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}
# Most file systems allow 255 bytes in a name; a little is kept back for tools that add to it.
MAX_NAME_BYTES = 240

# What markdown-it produces from plan text (raw HTML off, images off); anything else is dropped.
_ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "s", "code", "pre", "blockquote", "a",
    "ul", "ol", "li", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def templates_dir() -> Path:
    """The built-in templates: inside the installed package, or the repository's `templates/`
    beside `src/` when running from a source checkout."""
    packaged = Path(__file__).parents[1] / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def init_templates(folder: Path) -> list[Path]:
    """Copy the built-in templates into `folder` to start a custom set; never overwrites."""
    sources = sorted(p for p in templates_dir().iterdir() if p.is_file())
    if folder.exists() and not folder.is_dir():
        raise ActionplanError(f"{folder} is a file: name a folder for the templates")
    clashes = [folder / p.name for p in sources if os.path.lexists(folder / p.name)]
    if clashes:
        raise ActionplanError(
            f"{clashes[0]} already exists: choose an empty folder, or remove the old copies "
            "first (nothing was copied)"
        )
    copied = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources:
            shutil.copyfile(source, folder / source.name)
            copied.append(folder / source.name)
    except OSError as error:
        raise ActionplanError(
            f"{error.filename or folder}: cannot copy the templates there: {error.strerror}"
        ) from None
    return copied


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


def _demote_headings(state: StateCore) -> None:
    # A heading inside a plan's text sits below the document's own h1/h2 and field labels.
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"


def _markdown_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # An image would be fetched from the network when the page opens; it stays a plain link.
    parser.disable("image")
    parser.core.ruler.push("demote_headings", _demote_headings)
    return parser


_PARSER = _markdown_parser()


def markdown_html(text: str | None) -> Markup:
    """A plan's Markdown as HTML that cannot run anything: raw HTML is shown as text, links
    keep only http(s) and mailto addresses, and the result passes through a sanitiser."""
    html = _PARSER.render(text or "")
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_absolute_links_only,
    )
    return Markup(clean.strip())


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    # A relative address ("//host/x", "%6Aavascript:") means nothing in a page that is mailed
    # on its own, and "//host" leads off to a site the writer chose: the text stays, unlinked.
    if tag == "a" and attribute == "href" and not value.lower().startswith(_LINK_PREFIXES):
        return None
    return value


_LINK_PREFIXES = tuple(f"{scheme}:" for scheme in _URL_SCHEMES)


def text_html(text: str | None) -> Markup:
    """Plain text (performance, who, when) as paragraphs, its line breaks kept."""
    paragraphs = re.split(r"\n\s*\n", (text or "").strip())
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>\n").join(escape(line) for line in p.splitlines()))
        for p in paragraphs
        if p.strip()
    )


_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^([#>+=-])|^(\d{1,9})([.)])(?=\s|$)")


def text_markdown(text: str | None) -> str:
    """Plain text written as Markdown that shows it literally: characters that would start
    emphasis, links, HTML, lists or headings are escaped, and line breaks are kept."""
    paragraphs = re.split(r"\n\s*\n", (text or "").strip())
    return "\n\n".join(
        "\\\n".join(_literal_line(line) for line in p.splitlines()) for p in paragraphs
    )


def _literal_line(line: str) -> str:
    line = _MD_INLINE.sub(r"\\\1", " ".join(line.split()))
    line = _MD_ENTITY.sub(r"\\&", line)
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def text_markdown_cell(text: str | None) -> str:
    """Plain text for one cell of a Markdown table: on one line, pipes escaped."""
    return text_markdown(" ".join((text or "").split()))


def markdown_block(text: str | None) -> str:
    """A plan's Markdown, carried into the Markdown document as written."""
    return (text or "").strip()


_FILTERS: dict[Format, dict[str, Callable[[str | None], Any]]] = {
    "html": {"markdown": markdown_html, "text": text_html, "cell": text_html},
    "md": {"markdown": markdown_block, "text": text_markdown, "cell": text_markdown_cell},
}


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
        self.environment.filters.update(_FILTERS[fmt])

    def render(self, context: Mapping[str, Any], template: str | None = None) -> str:
        """Render the plan template, or another template of the set (the report's)."""
        name = template or TEMPLATES[self.format]
        try:
            text = self.environment.get_template(name).render(context)
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
        # Control characters (a title with ESC in it) have no place in a paper, and would
        # drive the terminal when a document is printed to one.
        return printable_lines(text)


def _template_position(tb: TracebackType | None) -> str | None:
    """file:line of the innermost template frame (Jinja maps its frames to template lines)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or tb.tb_frame.f_globals.get("__jinja_template__"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def output_name(indicator_id: str, fmt: str) -> str:
    """The file name for a plan's document; ids are validated, but a path separator must never
    let a document land outside the output folder. A name too long for the file system is
    shortened, and a hash of the whole id keeps it apart from others that begin alike."""
    if not indicator_id or "/" in indicator_id or "\\" in indicator_id or indicator_id[0] == ".":
        raise ActionplanError(f"id {indicator_id!r} cannot name a file: give the plan another id")
    suffix = SUFFIXES[fmt]
    if len((indicator_id + suffix).encode("utf-8")) <= MAX_NAME_BYTES:
        return indicator_id + suffix
    digest = "-" + hashlib.sha256(indicator_id.encode("utf-8")).hexdigest()[:12]
    room = MAX_NAME_BYTES - len(digest) - len(suffix)
    head = indicator_id.encode("utf-8")[:room].decode("utf-8", "ignore")
    return head + digest + suffix


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write `text` to `path` atomically; an unchanged file is left alone, so its timestamp,
    and tools that watch it, stay quiet. True when the file was written. A symlink at `path`
    is replaced by the document, never written through: the output folder may hold links
    someone else put there."""
    from actionplan.workspace.atomic import write_atomic

    try:
        status = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    if status is not None and stat.S_ISREG(status.st_mode):
        try:
            with open(path, "rb") as handle:
                content = text if isinstance(text, bytes) else text.encode("utf-8")
                if handle.read(len(content) + 1) == content:
                    return False
        except OSError as error:
            raise ActionplanError(f"{path}: cannot read: {error.strerror}") from None
    elif status is not None and not stat.S_ISLNK(status.st_mode):
        raise ActionplanError(f"{path}: not a regular file: not overwritten")
    write_atomic(path, text, follow_links=False)
    return True
