"""Which writer makes each document format: Markdown and HTML from Jinja2 templates (text),
Word with python-docx and PDF with Typst (bytes). Each takes a document context
(`documents.context`) and gives the file's content.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from actionplan.errors import ActionplanError

FORMATS = ("md", "html", "docx", "pdf")
BINARY = frozenset({"docx", "pdf"})
TEMPLATE_FILES = {"docx": "plan.docx", "pdf": "plan.typ"}

DocumentWriter = Callable[[Mapping[str, Any]], str | bytes]


def template_file(name: str, templates: Path | None) -> Path:
    """A template by file name: the user's copy in `templates` when there is one, else the
    built-in file (as for the Jinja2 templates)."""
    from actionplan.output.documents.templates import templates_dir

    if templates is not None:
        if not templates.is_dir():
            raise ActionplanError(
                f"--templates {templates}: no such folder (actionplan render --init-templates "
                f"{templates} copies the built-in templates there to start from)"
            )
        if (templates / name).is_file():
            return templates / name
    return templates_dir() / name


def document_writer(fmt: str, templates: Path | None = None) -> DocumentWriter:
    """The function that turns a document context into a file's content in format `fmt`."""
    if fmt == "docx":
        return _docx_writer(template_file("plan.docx", templates), template_file("plan.docx", None))
    if fmt == "pdf":
        return _pdf_writer(template_file("plan.typ", templates))
    from actionplan.output.documents.templates import Renderer

    return Renderer(fmt, templates).render  # type: ignore[arg-type]


def _docx_writer(template: Path, starter: Path) -> DocumentWriter:
    from actionplan.output.documents.layout import plan_layout
    from actionplan.output.word.plan import plan_docx

    def write(context: Mapping[str, Any]) -> bytes:
        return plan_docx(plan_layout(context), template, starter)

    return write


def _pdf_writer(template: Path) -> DocumentWriter:
    from actionplan.output.documents.layout import layout_data, plan_layout
    from actionplan.output.pdf.bounds import check_pdf_text
    from actionplan.output.pdf.writer import PdfWriter

    writer = PdfWriter(template)

    def write(context: Mapping[str, Any]) -> bytes:
        layout = plan_layout(context)
        fields = (f.blocks for s in layout.sections for f in s.fields)
        check_pdf_text(fields, str(context["source"]), "render")
        return writer.render(layout_data(layout), layout.as_of)

    return write
