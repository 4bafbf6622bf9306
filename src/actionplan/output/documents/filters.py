"""The filters document templates apply to plan text: Markdown made into safe HTML, plain text
as HTML paragraphs, and plain text written as Markdown that shows it literally.

In HTML, Markdown is rendered with raw HTML disabled and the result sanitised again, so nothing
a plan contains can run in the reader's browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup, escape

Format = Literal["md", "html"]

# What markdown-it produces from plan text (raw HTML off, images off); anything else is dropped.
_ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "s", "code", "pre", "blockquote", "a",
    "ul", "ol", "li", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}


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


FILTERS: dict[Format, dict[str, Callable[[str | None], Any]]] = {
    "html": {"markdown": markdown_html, "text": text_html, "cell": text_html},
    "md": {"markdown": markdown_block, "text": text_markdown, "cell": text_markdown_cell},
}
