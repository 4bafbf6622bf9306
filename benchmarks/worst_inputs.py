"""The worst input of each kind that is still under every limit, for the memory bound of each
command: plan files at the size and value limits, and documents for `import` at the element
and text limits. Shared by `bench_hostile.py` (which prints each command's peak memory on
them) and the tests that hold every command under its bound.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HEAD = "title: Worst\nunit: count\ndirection: higher\ntarget: 1000000\nfrequency: monthly\n"


def many_measurements(count: int = 28_000) -> str:
    """A plan of `count` monthly figures, RED, from January 1001: 1 MB and 100,000 values are
    reached at about 28,500 (a figure is three values and 37 bytes)."""
    rows = (
        f"  - period: {1001 + n // 12}-{n % 12 + 1:02d}\n    value: {n}\n" for n in range(count)
    )
    return HEAD + "measurements:\n" + "".join(rows)


def long_text(size: int = 1_000_000) -> str:
    """A RED plan whose action plan holds `size` bytes of Markdown: paragraphs, lists and
    emphasis, the text the documents lay out."""
    block = (
        "    Paragraph with *emphasis*, **strong words** and a [link](https://example.org).\n\n"
        "    - a point in a list\n    - another, with *more* words in it\n\n"
    )
    text = block * (size // len(block))
    plan = "action_plan:\n  period: 2014-06\n  what: |\n" + text + "  who: Someone\n"
    return HEAD + "measurements:\n  - period: 2014-06\n    value: 5\n" + plan


def pdf_text(cells: int = 2_440, width: int = 40) -> str:
    """A RED plan at the most a PDF takes (100,000 characters, 5,000 pieces): its action plan
    one table of `cells` cells of `width` characters, the piece a PDF lays out at most cost."""
    cell = ("word " * width)[:width]
    row = "    |" + f" {cell} |" * 4 + "\n"
    table = row + "    |" + " --- |" * 4 + "\n" + row * (cells // 4 - 1)
    plan = "action_plan:\n  period: 2014-06\n  what: |\n" + table + "  who: Someone\n"
    return HEAD + "measurements:\n  - period: 2014-06\n    value: 5\n" + plan


def unknown_keys(count: int = 99_000) -> str:
    return HEAD + "".join(f"k{n}: 1\n" for n in range(count))


def deep(levels: int = 63) -> str:
    return HEAD + "extra: " + "[" * levels + "]" * levels + "\n"


PLANS = {
    "many measurements": many_measurements,
    "long text": long_text,
    "text at the PDF limits": pdf_text,
    "unknown keys": unknown_keys,
    "deep nesting": deep,
}


def write_plan(root: Path, kind: str) -> Path:
    """A plans folder under `root` holding the worst plan of `kind`, as `worst.yaml`."""
    plans = root / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    (plans / "worst.yaml").write_text(PLANS[kind]())
    return plans


def _paragraph(text: bytes) -> bytes:
    return b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"


def _table(value: bytes) -> bytes:
    def cell(inner: bytes) -> bytes:
        return b"<w:tc>" + inner + b"</w:tc>"

    title = b"<w:tr>" + cell(_paragraph(b"Indicator Title")) + cell(_paragraph(b"T")) + b"</w:tr>"
    what = b"<w:tr>" + cell(_paragraph(b"What")) + cell(value) + b"</w:tr>"
    return b"<w:tbl>" + title + what + b"</w:tbl>"


def _docx(path: Path, body: bytes) -> Path:
    from docx import Document

    blank = io.BytesIO()
    Document().save(blank)
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>")
                data = head + b"<w:body>" + body + tail
            out.writestr(item.filename, data)
    return path


def many_paragraphs_docx(path: Path) -> Path:
    """One value cell of 75,000 paragraphs: with a blank document's styles, just under the
    250,000 elements."""
    return _docx(path, _table(_paragraph(b"word word word") * 75_000))


def long_text_docx(path: Path) -> Path:
    """One value cell holding just under 5,000,000 characters of text."""
    return _docx(path, _table(_paragraph(b"lorem ipsum " * 400_000)))


def many_lines_text(path: Path) -> Path:
    """A text export of 240,000 rows with labels that are not the template's."""
    head = b"Indicator Title\tT\nWhat\t<p>start</p>"
    path.write_bytes(head + b"".join(b"\nLabel %d\tvalue" % n for n in range(240_000)))
    return path


def long_text_text(path: Path) -> Path:
    """A text export whose one value holds just under 5,000,000 characters."""
    path.write_bytes(b"Indicator Title\tT\nWhat\t<p>start" + b" lorem ipsum" * 415_000 + b"</p>")
    return path


DOCUMENTS = {
    "docx, many paragraphs": ("many.docx", many_paragraphs_docx),
    "docx, long text": ("long.docx", long_text_docx),
    "text export, many lines": ("many.txt", many_lines_text),
    "text export, long text": ("long.txt", long_text_text),
}
