"""How much of a plan's text one PDF takes.

Typst keeps every page it lays out in memory until the file is written: about 1 MiB for each
1,000 characters of a plan's text, and 10 to 40 KiB for each paragraph, list item, table cell
and styled run (a table cell inside the plan's two-column table costs the most). A plan of the
largest file a plan may be (1 MB of text) took 1.2 GB to typeset, and 100 KB of one-word table
rows 830 MB. So the text a PDF takes is bounded by both counts, far above a real plan (a few
thousand characters in a hundred pieces), and a plan over either is refused with the formats
that take it whole: Word and HTML lay out any plan under the file limits in bounded memory
(docs/limits-and-safety.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from actionplan.errors import ActionplanError
from actionplan.output.documents.markdown_blocks import Block, ListBlock, Paragraph, Run
from actionplan.workspace.limits import Limit

PDF_CHARACTERS = Limit("MAX_PDF_PLAN_CHARACTERS", 100_000, "characters")
PDF_PIECES = Limit("MAX_PDF_PLAN_PIECES", 5_000, "pieces")


@dataclass(frozen=True)
class Size:
    characters: int  # of text, in every field
    pieces: int  # paragraphs, headings, lists and their items, tables and their cells, runs


def text_size(blocks: Iterable[Block]) -> Size:
    characters = pieces = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            inner = _runs_size(block.runs)
        elif isinstance(block, ListBlock):
            items = [text_size(item) for item in block.items]
            inner = Size(sum(i.characters for i in items), sum(i.pieces + 1 for i in items))
        else:
            cells = [_runs_size(cell) for row in block.rows for cell in row]
            inner = Size(sum(c.characters for c in cells), sum(c.pieces + 1 for c in cells))
        characters += inner.characters
        pieces += inner.pieces + 1
    return Size(characters, pieces)


def _runs_size(runs: tuple[Run, ...]) -> Size:
    return Size(sum(len(r.text) for r in runs), len(runs))


def check_pdf_text(fields: Iterable[tuple[Block, ...]], source: str, command: str) -> None:
    """Refuse a plan whose fields hold more text than a PDF takes, naming the file, the count
    and what to do: `command` is the one to run as Word or HTML instead (`render`, `report`)."""
    size = text_size(block for blocks in fields for block in blocks)
    over = [
        (found, limit)
        for found, limit in ((size.characters, PDF_CHARACTERS), (size.pieces, PDF_PIECES))
        if found > limit.value
    ]
    if not over:
        return
    found, limit = over[0]
    what = "paragraphs, list items, table cells and styled runs" if limit is PDF_PIECES else ""
    raise ActionplanError(
        f"{source}: the plan's text is {found:,} {what or limit.what}, over the {limit.value:,} "
        f"a PDF takes (each page is held in memory while it is typeset): make it as Word "
        f"(actionplan {command} -f docx) or HTML (-f html), which take it whole, or raise the "
        f"limit with ACTIONPLAN_{limit.name} on a machine with memory to spare"
    )
