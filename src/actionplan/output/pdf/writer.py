"""PDF documents typeset by Typst (the `typst` package: a compiler in a wheel, nothing else to
install), from a Typst template and JSON data.

The data goes in as one input string that the template decodes with `json`; the template shows
its strings as text, so a plan's words are never Typst code. Output is tagged PDF/UA-1 (headings,
lists, tables and reading order marked for assistive technology; title and language set), dated
by the content rather than the clock so the same plan gives the same bytes.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from actionplan.errors import ActionplanError

STANDARDS = ["ua-1"]
_MISSING_GLYPH = "could not be displayed with font"


class PdfWriter:
    """Typesets documents with one Typst template; fonts are found once and reused."""

    def __init__(self, template: Path) -> None:
        import typst

        self.template = template
        self._compiler = typst.Compiler(str(template), root=str(template.parent.resolve()))

    def render(self, data: Mapping[str, Any], created: date | None = None) -> bytes:
        import typst

        source = json.dumps(data, ensure_ascii=False)
        when = datetime.combine(created or date(2000, 1, 1), datetime.min.time(), UTC)
        try:
            return self._compile(source, when, STANDARDS)
        except typst.TypstError as error:
            if _MISSING_GLYPH not in str(getattr(error, "message", "")):
                raise ActionplanError(
                    f"{_describe(self.template, error)}: fix the template"
                ) from None
        # A character no font on the machine has (a rare script, an emoji) can only show as a
        # box, which PDF/UA forbids: the paper is still made, tagged, but claims no PDF/UA.
        try:
            return self._compile(source, when, [])
        except typst.TypstError as error:
            raise self._template_error(error) from None

    def _template_error(self, error: Any) -> ActionplanError:
        return ActionplanError(f"{_describe(self.template, error)}: fix the template")

    def _compile(self, source: str, when: datetime, standards: list[str]) -> bytes:
        with warnings.catch_warnings():
            # Typst's warnings (a font family a machine lacks) change nothing in the page.
            warnings.simplefilter("ignore")
            pdf = self._compiler.compile(
                format="pdf",
                sys_inputs={"data": source},
                pdf_standards=standards,  # type: ignore[arg-type]
                timestamp=when,
            )
        if not isinstance(pdf, bytes):
            raise ActionplanError(f"{self.template}: Typst made no PDF")
        return without_false_suspects(pdf)


_SUSPECTS = b"/MarkInfo<</Marked true/Suspects false>>"


def without_false_suspects(pdf: bytes) -> bytes:
    """The PDF with the catalogue's `/Suspects false` blanked out. poppler before 23.03 (Debian
    12's pdfinfo among them) reports "Suspects object is wrong type" for it on every file; false
    is what a missing key means, and spaces of the same length keep every offset of the
    cross-reference table right."""
    catalog = pdf.rfind(b"<</Type/Catalog")
    at = pdf.find(_SUSPECTS, catalog)
    if catalog < 0 or at < 0 or pdf.find(b"endobj", catalog, at) >= 0:
        return pdf
    plain = b"/MarkInfo<</Marked true>>"
    patched = plain + b" " * (len(_SUSPECTS) - len(plain))
    return pdf[:at] + patched + pdf[at + len(_SUSPECTS) :]


_POSITION = re.compile(r"(?m)^\s*┌─ .*?:(\d+):(\d+)\s*$")


def _describe(template: Path, error: Any) -> str:
    """Typst's message after the template's path and, when Typst gives it, line and column
    (`my-templates/plan.typ:12:3: message`)."""
    message = str(getattr(error, "message", "") or error).strip()
    found = _POSITION.search(str(getattr(error, "diagnostic", "") or ""))
    return f"{template}:{found[1]}:{found[2]}: {message}" if found else f"{template}: {message}"
