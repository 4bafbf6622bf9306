"""The quarterly report as parts for the Word and PDF writers: headings, paragraphs, bullets,
tables, charts and plans, and the cells they are made of. Every string is plain text with the
characters no document can carry taken out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeAlias

from actionplan.output.documents.layout import Section
from actionplan.output.documents.markdown_blocks import Run, clean

Cell: TypeAlias = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int  # 1 is the report's title
    new_page: bool = False


@dataclass(frozen=True, slots=True)
class Text:
    runs: Cell
    kind: str = "text"  # "text", "notice" (set apart: a RED measure with no plan), "small"


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    note: str = ""  # a sentence under the row, beside the row's first cell


@dataclass(frozen=True, slots=True)
class Table:
    caption: str  # read out by assistive technology as the table's name
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    widths: tuple[float, ...]  # shares of the text width, one per column
    small: bool = False  # set in a smaller size, to fit many columns


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart's picture; its description and its figures, as a table, follow it."""

    title: str
    alt: str  # what a screen reader says for the picture
    svg: str


@dataclass(frozen=True, slots=True)
class Plan:
    """A RED measure's action plan, in the sections and field tables `render` uses."""

    sections: tuple[Section, ...]
    source: str = ""  # the plan's file, for a message about it


Part: TypeAlias = Heading | Text | Bullets | Table | Chart | Plan


@dataclass
class ReportLayout:
    title: str  # the document's title, as its properties and a reader's window show it
    as_of: date | None
    # A list, or parts made one at a time as they are asked for (`lazy_report_layout`).
    parts: Iterable[Part] = field(default_factory=list)
    charts: int = 0  # how many of the parts are charts, told before they are made


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def text_cell(value: str, **style: Any) -> Cell:
    return (Run(clean(value), **style),) if value else ()


def status_cell(words: str, key: str) -> Cell:
    """A status badge: its column is made wide enough to hold it on one line
    (`column_widths`), so `NO DATA` keeps a plain space that a reader's search finds."""
    return (Run(clean(words), bold=True, status=key),)


def status_key(status: str) -> str:
    return status.lower().replace(" ", "-")
