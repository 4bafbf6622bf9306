"""The fields of the legacy Performance Action Plan template, and their collection row by row.

Councils keep years of plans as Word documents or as text exported from them: label/value rows
(a tab between them in text, two table columns in Word), section headings, and values that carry
on over a following row whose label is empty (a page break in the middle of a field). Either
reader (`reader` for text, `docx` for Word) feeds its rows to a `Collector`, which makes the
`LegacyDocument`: the template's fields with their values as written (HTML fragments or plain
text), plus notes about anything that was not understood.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.errors import ActionplanError
from actionplan.legacy.action_table import ActionTable, read_header
from actionplan.legacy.notes import LEFT_OUT, Note

# Each field and the label variants councils use, compared after `label_key` has dropped case,
# spacing, punctuation and hyphens ("re-present" = "represent").
_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "indicator title",
        "indicator",
        "title",
        "indicator name",
        "measure",
        "measure title",
    ),
    "strategic_director_lead": ("strategic director lead", "strategic director", "strategic lead"),
    "departmental_lead": ("departmental lead", "department lead", "lead officer"),
    "target": ("target", "target value", "annual target"),
    "performance": (
        "performance this period",
        "performance",
        "current performance",
        "performance this month",
        "performance this quarter",
    ),
    "non_compliance_reason": (
        "non-compliance reason",
        "non-compliance reasons",
        "reason for non-compliance",
        "reasons for non-compliance",
    ),
    "what": ("what", "what is required"),
    "how": ("how", "how will it be achieved"),
    "who": ("who", "who will be responsible"),
    "when": ("when", "when will results be realised", "when will results be realized"),
}

# Template wording that is not a field: section headings (alone or followed by their guidance
# after a colon) and the template's instructions, skipped without a note.
_HEADINGS = (
    "performance action plan template",
    "performance action plan",
    "indicator overview",
    "current situation",
    "actions",
)
_GUIDANCE = ("this template is to be completed",)


def label_key(label: str) -> str:
    return re.sub(r"[^a-z0-9]", "", label.lower())


_ALIASES = {label_key(alias): name for name, aliases in _LABELS.items() for alias in aliases}


def match_label(label: str) -> str | None:
    """The field a label names, with or without its bracketed part: "What (is required)",
    "WHAT IS REQUIRED" and "what:" all name `what`."""
    without_brackets = re.sub(r"\([^)]*\)?", " ", label)
    for candidate in (without_brackets, label):
        name = _ALIASES.get(label_key(candidate))
        if name:
            return name
    return None


def is_boilerplate(text: str) -> bool:
    words = " ".join(text.lower().split()).rstrip(" :.")
    return (
        words in _HEADINGS
        or words.startswith(tuple(f"{heading}:" for heading in _HEADINGS))
        or words.startswith(_GUIDANCE)
    )


class LegacyError(ActionplanError):
    """A document that cannot be imported; the message names the file and what to do."""


@dataclass
class LegacyField:
    """A field and its value as written. The value is kept as the pieces it arrived in and
    joined when read, so adding a row costs the row's length, not the whole value's: a long
    document is read in linear time."""

    name: str
    label: str
    where: str
    pieces: list[str]

    @property
    def value(self) -> str:
        return "".join(self.pieces)

    def add_line(self, text: str) -> None:
        self.pieces.append(f"\n{text}")

    def continue_with(self, more: str) -> None:
        """The row after a page break, joined as `join_continued` joins it."""
        _rstrip(self.pieces)
        tail = more.strip()
        window = "".join(self.pieces[-2:])[-200:]  # all that a cut sentence depends on
        if _cut_sentence(window, tail):
            self.pieces[-1] = self.pieces[-1][:-4]
            _rstrip(self.pieces)
            self.pieces.append(f" {tail[3:]}")
        else:
            self.pieces.append(f"\n{tail}")


def _rstrip(pieces: list[str]) -> None:
    while len(pieces) > 1 and not pieces[-1].strip():
        pieces.pop()
    pieces[-1] = pieces[-1].rstrip()


@dataclass
class LegacyDocument:
    """A template document's fields, with values as written, and what was not understood."""

    source: Path
    fields: dict[str, LegacyField] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    action_tables: list[ActionTable] = field(default_factory=list)

    def value(self, name: str) -> str:
        found = self.fields.get(name)
        return found.value.strip() if found else ""


class Collector:
    """Builds a LegacyDocument from rows in reading order, shared by the text and Word readers."""

    def __init__(self, source: Path) -> None:
        self.document = LegacyDocument(source)
        self._current: LegacyField | None = None
        self.actions: ActionTable | None = None  # the action table being read, if any
        self._skipping = False  # in a table of action columns with no action column

    def table_row(self, cells: list[str], where: str) -> bool:
        """A row of cells (a Word table's, or a text line's between tabs) taken as an action
        table's header or row; False when it is neither, for the template's rows to read."""
        words = [_words(cell) for cell in cells]
        filled = [word for word in words if word]
        if self.actions is not None:
            if len(cells) > 1 and not (len(filled) <= 2 and match_label(words[0])):
                self.actions.row(cells, where)
                return True
            if len(filled) == 1 and len(cells) == 1:
                self.actions.headings.append(_quote(filled[0]))
                return True
            self.end_table()
        if self._skipping and len(cells) > 1:
            return True
        header = read_header(words)
        if header is None:
            return False
        self._current = None
        if header.has_action:
            self.actions = ActionTable(where, header)
            self.document.action_tables.append(self.actions)
        else:
            self._skipping = True
            self.note(
                f"{where}: a table headed {', '.join(map(repr, filled))} has no action column "
                "(such as 'Action' or 'Description'), so its rows were not read as actions "
                "and were not imported",
                "actions",
            )
        return True

    @property
    def in_table(self) -> bool:
        """Reading an action table, or passing over a table of action columns."""
        return self.actions is not None or self._skipping

    def end_table(self) -> None:
        """The end of a table (or of a text export's tabbed lines): no action table goes on."""
        self.actions = None
        self._skipping = False

    def row(self, label: str, value: str, where: str) -> None:
        name = match_label(label)
        if name is None:
            self._unknown(label, value, where)
            return
        existing = self.document.fields.get(name)
        if existing is not None:
            self.note(
                f"'{label.strip()}' appears twice ({existing.where} and {where}): both values "
                f"were kept in `{name}`, check them",
                name,
            )
            existing.add_line(value)
            self._current = existing
            return
        self._current = LegacyField(name, label.strip(), where, [value])
        self.document.fields[name] = self._current

    def continuation(self, value: str, where: str) -> None:
        """A row with an empty label: the previous field carries on (after a page break)."""
        if not value.strip():
            return
        if self._current is None:
            self.note(f"{where}: text outside any template field was not imported: {_quote(value)}")
            return
        self._current.continue_with(value)

    def note(self, message: str, topic: str = LEFT_OUT) -> None:
        self.document.notes.append(Note(topic, message))

    def heading(self, text: str, where: str) -> None:
        """A row of one cell: a section heading, the template's guidance, or stray text."""
        self._current = None
        if text.strip() and not is_boilerplate(text):
            self.note(f"{where}: text outside any template field was not imported: {_quote(text)}")

    def loose_line(self, text: str, where: str) -> None:
        """A text line without a tab: a label with nothing after it, a heading, or a line break
        inside the previous field's value."""
        if match_label(text):
            self.row(text, "", where)
        elif is_boilerplate(text) or self._current is None:
            self.heading(text, where)
        else:
            self._current.add_line(text.strip())

    def _unknown(self, label: str, value: str, where: str) -> None:
        self._current = None
        if is_boilerplate(label) and not value.strip():
            return
        self.note(
            f"{where}: '{label.strip()}' is not a template label; its text was not imported: "
            f"{_quote(value)}"
        )

    def finish(self) -> LegacyDocument:
        if not self.document.fields:
            raise LegacyError(
                f"{self.document.source}: no template labels found (such as 'Indicator Title' "
                "or 'What (is required)'): is this a Performance Action Plan document?"
            )
        return self.document


def _words(cell: str) -> str:
    """A cell's words without its markup, enough to tell a header row."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", cell)).split())


def _quote(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 3] + "...")


_PARAGRAPH_END = re.compile(r"[.!?:;\"')\]]\s*</p>\s*$", re.IGNORECASE)


def join_continued(previous: str, more: str) -> str:
    """Join a field to its continuation. A page break that cut a sentence in two also closed
    its paragraph ("... a cut down</p>" then "<p>to quit ..."): such halves are joined again."""
    head, tail = previous.rstrip(), more.strip()
    if _cut_sentence(head[-200:], tail):
        return f"{head[:-4].rstrip()} {tail[3:]}"
    return f"{head}\n{tail}"


def _cut_sentence(head: str, tail: str) -> bool:
    """`head` (the end of a field's value is enough) closed its paragraph mid-sentence, and
    `tail` carries the sentence on."""
    return (
        head[-4:].lower() == "</p>"
        and not _PARAGRAPH_END.search(head)
        and tail[:3].lower() == "<p>"
        and tail[3:4].islower()
    )
