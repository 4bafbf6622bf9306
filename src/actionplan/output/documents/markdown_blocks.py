"""A plan's Markdown as a small tree of blocks and styled runs, for writers that build documents
from parts (Word, PDF) rather than from markup.

The text is parsed by markdown-it with raw HTML and images off, as the HTML path parses it, and
only the structure is kept: paragraphs, headings, lists, quotes, code, tables, and runs that are
bold, italic, struck through, code, or links to http(s) and mailto addresses. Every string is
plain text: a writer puts it into a document as text, never as markup or code, so nothing a plan
contains can run or restyle the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeAlias

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

ParagraphKind = Literal["text", "heading", "quote", "code", "rule"]

# C0 and C1 controls other than tab and newline, and the two non-characters XML refuses: Word
# cannot hold them, and in a PDF they only show as boxes.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_SAFE_LINK = re.compile(r"(?i)^(https?:|mailto:)")


def clean(text: str) -> str:
    """Text with the characters no document format can carry taken out."""
    return _CONTROL.sub("", text)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style. `status` is a status key (`red`, `amber`, ...) that a
    writer shows in the status colours."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    kind: ParagraphKind = "text"
    level: int = 0  # for a heading: 1 is the top level of the plan text


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    header: bool = True  # the first row names the columns


Block: TypeAlias = Paragraph | ListBlock | TableBlock


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # An image would have to be fetched; it stays the text it was written as.
    return parser.disable("image")


_PARSER = _parser()


def markdown_blocks(text: str | None) -> list[Block]:
    """A plan's Markdown text as blocks."""
    tokens = _PARSER.parse(clean(text or ""))
    for token in tokens:
        if token.children:
            token.children = _shallow(token.children)
    tree = SyntaxTreeNode(tokens)
    return _in_steps(_blocks(tree.children), [0])


# markdown-it stops nesting blocks at 20 levels, but not emphasis: `*****...x*****` nests
# thousands deep, which its tree (built by recursion) cannot hold. No real text nests styles
# this deep; deeper ones are dropped, and their text kept.
_MAX_STYLES = 20


def _shallow(tokens: list[Any]) -> list[Any]:
    kept = []
    depth = 0
    for token in tokens:
        if token.nesting == 1:
            depth += 1
            if depth > _MAX_STYLES:
                continue
        elif token.nesting == -1:
            depth -= 1
            if depth >= _MAX_STYLES:
                continue
        kept.append(token)
    return kept


def _in_steps(blocks: list[Block], previous: list[int]) -> list[Block]:
    """Heading levels that go down one step at a time, the first at 1 (`#` then `###` reads as
    1 then 2): an outline read aloud, and tagged PDF, need them without gaps."""
    stepped: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.kind == "heading":
            block = replace(block, level=min(block.level, previous[0] + 1))
            previous[0] = block.level
        elif isinstance(block, ListBlock):
            items = tuple(tuple(_in_steps(list(item), previous)) for item in block.items)
            block = replace(block, items=items)
        stepped.append(block)
    return stepped


def text_blocks(text: str | None) -> list[Block]:
    """Plain text (performance, who, when) as paragraphs, its line breaks kept."""
    paragraphs = re.split(r"\n\s*\n", clean(text or "").strip())
    return [
        Paragraph((Run("\n".join(line.strip() for line in p.strip().splitlines())),))
        for p in paragraphs
        if p.strip()
    ]


def _blocks(nodes: list[SyntaxTreeNode]) -> list[Block]:
    blocks: list[Block] = []
    for node in nodes:
        blocks.extend(_block(node))
    return blocks


def _block(node: SyntaxTreeNode) -> list[Block]:
    kind = node.type
    if kind == "paragraph":
        return [Paragraph(_inline(node.children[0]))]
    if kind == "heading":
        runs = _inline(node.children[0])
        # An empty heading says nothing, and tagged PDF forbids one.
        return [Paragraph(runs, "heading", int(node.tag[1]))] if runs else []
    if kind in ("bullet_list", "ordered_list"):
        items = tuple(tuple(_blocks(item.children)) for item in node.children)
        start = int(node.attrs.get("start", 1))
        return [ListBlock(items, ordered=kind == "ordered_list", start=start)]
    if kind == "blockquote":
        return [_quoted(b) for b in _blocks(node.children)]
    if kind in ("fence", "code_block"):
        return [Paragraph((Run(node.content.rstrip("\n"), code=True),), "code")]
    if kind == "table":
        return [_table(node)]
    if kind == "hr":
        return [Paragraph((), "rule")]
    return []  # html_block cannot occur: raw HTML is off


def _quoted(block: Block) -> Block:
    if isinstance(block, Paragraph) and block.kind == "text":
        return replace(block, kind="quote")
    return block


def _table(node: SyntaxTreeNode) -> TableBlock:
    rows = [row for part in node.children for row in part.children]
    cells = tuple(
        tuple(_inline(cell.children[0]) if cell.children else () for cell in row.children)
        for row in rows
    )
    return TableBlock(cells, header=node.children[0].type == "thead")


def _inline(node: SyntaxTreeNode) -> tuple[Run, ...]:
    runs: list[Run] = []
    _collect(node.children, Run(""), runs)
    return tuple(_merge(runs))


_STYLE = {"strong": "bold", "em": "italic", "s": "strike"}


def _styled(style: Run, name: str) -> Run:
    return replace(
        style,
        bold=style.bold or name == "bold",
        italic=style.italic or name == "italic",
        strike=style.strike or name == "strike",
    )


def _collect(nodes: list[SyntaxTreeNode], style: Run, runs: list[Run]) -> None:
    for node in nodes:
        if node.type == "text":
            runs.append(replace(style, text=node.content))
        elif node.type == "code_inline":
            runs.append(replace(style, text=node.content, code=True))
        elif node.type == "softbreak":
            runs.append(replace(style, text=" "))
        elif node.type == "hardbreak":
            runs.append(replace(style, text="\n"))
        elif node.type in _STYLE:
            _collect(node.children, _styled(style, _STYLE[node.type]), runs)
        elif node.type == "link":
            href = str(node.attrs.get("href", ""))
            link = href if _SAFE_LINK.match(href) else None
            _collect(node.children, replace(style, link=link), runs)
        else:
            runs.append(replace(style, text=node.content))


def _merge(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of one style as one run, so a writer makes fewer pieces."""
    merged: list[Run] = []
    for run in runs:
        if merged and replace(merged[-1], text="") == replace(run, text=""):
            merged[-1] = replace(run, text=merged[-1].text + run.text)
        elif run.text:
            merged.append(run)
    return merged


def plain_text(blocks: list[Block]) -> str:
    """The words of some blocks, for a caption or a test."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append("".join(r.text for r in block.runs))
        elif isinstance(block, ListBlock):
            parts.extend(plain_text(list(item)) for item in block.items)
        else:
            parts.extend("".join(r.text for r in cell) for row in block.rows for cell in row)
    return "\n".join(parts)


def as_data(blocks: list[Block]) -> list[dict[str, Any]]:
    """Blocks as JSON-ready data (for a PDF template that reads them)."""
    return [_block_data(b) for b in blocks]


def _block_data(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": block.kind, "level": block.level, "runs": runs_data(block.runs)}
    if isinstance(block, ListBlock):
        items = [as_data(list(item)) for item in block.items]
        return {"type": "list", "ordered": block.ordered, "start": block.start, "items": items}
    rows = [[runs_data(cell) for cell in row] for row in block.rows]
    return {"type": "table", "header": block.header, "rows": rows}


def runs_data(runs: tuple[Run, ...]) -> list[dict[str, Any]]:
    return [
        {
            "text": r.text,
            "bold": r.bold,
            "italic": r.italic,
            "strike": r.strike,
            "code": r.code,
            "link": r.link,
            "status": r.status,
        }
        for r in runs
    ]
