"""Hostile plan text in Word and PDF documents: markup, script, links to `javascript:`, Typst
code and control characters all end up as the plain text they were, in every field."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.output.documents.markdown_blocks import clean
from support.documents import indicator
from support.documents import render as render_plan
from support.external import need

# Word, PDF and LibreOffice: seconds a test, so outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>alert('x')</script>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<img src=x onerror="alert(1)">',
    "![pixel](file:///etc/passwd)",
    '#panic("typst code runs") #set page(fill: red) $x^2$ @label <label> #read("/etc/passwd")',
    ']#set text(size: 0pt)[ " \\ } { ',
    "{{ 7*7 }} {% if true %}yes{% endif %}",
    "bell\x07 null\x00 escape\x1b[31m red\x1b[0m form\x0cfeed del\x7f c1\x85 end",
    'DDE: =cmd|" /C calc"!A0 {QUOTE 65} <w:fldSimple w:instr="DATE"/>',
]
SECTIONS = ["non_compliance_reason", "what", "how", "who", "when", "performance"]


def render(payload: str, fmt: str) -> bytes:
    plan = indicator(**{name: payload for name in SECTIONS})
    plan = plan.model_copy(update={"title": payload, "departmental_lead": payload})
    return render_plan(plan, fmt, organisation=payload)


def visible(payload: str) -> str:
    """What a reader should see: the text, less the characters no document can hold."""
    return " ".join(clean(payload).split())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_plain_text_in_word(payload: str) -> None:
    data = render(payload, "docx")
    document = docx.Document(io.BytesIO(data))

    texts = [
        " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))).split())
        for p in document.element.body.iter(qn("w:p"))
    ]
    # The title, lead, performance, who and when are plain text: shown exactly.
    assert sum(visible(payload) in text for text in texts) >= 5
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    fields = [qn("w:fldSimple"), qn("w:instrText"), qn("w:fldChar")]
    assert not [e for e in document.element.body.iter() if e.tag in fields]  # no Word field
    targets = re.findall(r'Target="([^"]+)"', relations)
    external = [t for t in targets if ":" in t]
    assert all(t.startswith(("http://", "https://", "mailto:")) for t in external), external
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", body)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_plain_text_in_pdf(payload: str, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(render(payload, "pdf"))

    # Lines wrap in the table cells, so spaces are not compared.
    text = "".join(_pdftotext(pdf).split())
    assert text.count("".join(visible(payload).split())) >= 5
    raw = pdf.read_bytes()
    for action in (b"/JavaScript", b"/JS", b"/Launch", b"/SubmitForm", b"/ImportData"):
        assert action not in raw
    links = subprocess.run(
        [need("pdfinfo", "poppler-utils"), "-url", str(pdf)], capture_output=True, check=True
    ).stdout.decode()
    assert "javascript" not in links.lower() and "file:" not in links


# Pieces of Markdown structure, so generated text has headings, lists, tables and emphasis.
MARKDOWN_PIECES = st.sampled_from(
    ["\n", "\n\n", "# ", "## ", "#### ", "- ", "  - ", "1. ", "7) ", "> ", "**", "_", "`",
     "~~", "| a | b |\n|---|---|\n| ", "---", "```\n", "[x](https://example.org)", "  \n",
     "<b>", "&amp;", "\\", "word", " "]
)  # fmt: skip
MARKDOWN = st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown=MARKDOWN, plain=st.text(max_size=80))
def test_any_text_makes_a_word_document_and_a_pdf(markdown: str, plain: str) -> None:
    plan = indicator(what=markdown, how=markdown, who=plain or None)

    document = docx.Document(io.BytesIO(render_plan(plan, "docx")))
    assert render_plan(plan, "pdf").startswith(b"%PDF-")
    text = "\n".join(p.text for t in document.tables for r in t.rows for p in r.cells[1].paragraphs)
    assert " ".join(clean(plain).split()) in " ".join(text.split())


def _pdftotext(pdf: Path) -> str:
    done = subprocess.run(
        [need("pdftotext", "poppler-utils"), str(pdf), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def test_a_struck_link_makes_a_tagged_pdf() -> None:
    """PDF/UA forbids a line through and a line under the same text: a link inside ~~ ~~ is
    struck and coloured, not underlined, and the PDF is made (hypothesis found it failing)."""
    plan = indicator(
        what="~~[withdrawn guidance](https://example.org)~~ and [current](https://example.org)"
    )
    pdf = render_plan(plan, "pdf")
    assert pdf.startswith(b"%PDF-")
