"""Reading legacy text exports: labels, continuation rows, rich text and figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from actionplan.domain.periods import parse_period
from actionplan.legacy.fields import LegacyError, match_label
from actionplan.legacy.figures import Context, read_figure, read_performance
from actionplan.legacy.html import to_markdown, to_text
from actionplan.legacy.reader import read_document
from support.paths import LEGACY

SMOKING = LEGACY / "smoking-quitters.txt"
OPIATE = LEGACY / "opiate-users.txt"
FY_2014 = Context(year=parse_period("2014/15"))


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


# --- labels and rows ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Indicator Title", "title"),
        ("INDICATOR  TITLE:", "title"),
        ("Non-compliance reason", "non_compliance_reason"),
        ("Non Compliance Reason", "non_compliance_reason"),
        ("Reason for non-compliance", "non_compliance_reason"),
        ("What (is required)", "what"),
        ("What is required", "what"),
        ("what", "what"),
        ("How ( will it be achieved )", "how"),
        ("When (will results be realised)", "when"),
        ("When will results be realized", "when"),
        ("Performance this Period", "performance"),
        ("performance  this period", "performance"),
    ],
)
def test_labels_match_with_the_variations_councils_use(label: str, field: str) -> None:
    assert match_label(label) == field


@pytest.mark.parametrize("label", ["ACTIONS: This describes what's necessary", "Risk rating", ""])
def test_other_text_is_not_a_label(label: str) -> None:
    assert match_label(label) is None


def test_the_smoking_seed_is_read_field_by_field() -> None:
    document = read_document(SMOKING)

    assert document.value("title") == "Smoking quitters (4 weeks)"
    assert document.value("target") == "1900"
    assert document.value("performance") == "617 Wirral Wide April target is 993"
    assert document.value("who") == "Rebecca Mellor, Public Health"
    assert document.value("when") == "Quarter 3"
    assert document.notes == []


def test_a_page_break_inside_a_field_continues_it_and_rejoins_the_cut_sentence() -> None:
    how = to_markdown(read_document(SMOKING).value("how"))

    paragraphs = how.split("\n\n")
    assert len(paragraphs) == 3
    assert "proposals for a cut down to quit (harm reduction) pilot" in paragraphs[0]
    assert paragraphs[2] == "This will be reported back to commissioner on a monthly basis."


def test_a_continuation_line_is_kept_on_its_own_line() -> None:
    performance = to_text(read_document(OPIATE).value("performance"))

    assert performance == (
        "7.37% (July 2014) (Covering the service delivery period January-December 2013\n"
        "+ / - Target : - 0.5%"
    )


def test_label_variations_crlf_and_unknown_rows() -> None:
    document = read_document(LEGACY / "label-variations.txt")

    assert document.value("title") == "Delayed transfers of care"
    assert document.value("strategic_director_lead") == "Adult Social Services"
    assert to_text(document.value("departmental_lead")) == "Jo Bloggs & team"
    assert document.value("what") == "Fewer delays\nat discharge"
    assert to_markdown(document.value("how")) == "1. Daily huddles\n2. Step-down beds"
    assert document.value("when") == "March 2016"
    assert "who" in document.fields and document.value("who") == ""
    # A row that is not in the template is reported, never silently dropped.
    assert any("'Risk rating'" in note and "'High'" in note for note in map(str, document.notes))


def test_a_windows_1252_export_is_read_and_flagged(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_bytes("Indicator Title\tCaf\u00e9 visits \u2013 adults\n".encode("cp1252"))

    document = read_document(source)

    assert document.value("title") == "Caf\u00e9 visits \u2013 adults"
    assert any("Windows-1252" in note for note in map(str, document.notes))


def test_a_utf16_export_with_its_byte_order_mark_is_read(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_bytes("Indicator Title\tSmoking quitters\r\nTarget\t1900\r\n".encode("utf-16"))

    assert read_document(source).value("target") == "1900"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"\n\n  \n", "the file is empty"),
        ("minutes.txt", (LEGACY / "no-labels.txt").read_bytes(), "no template labels found"),
        ("garbage.txt", bytes(range(256)) * 8, "binary content"),
        ("plan.docx", b"Indicator Title\tnot really a Word file\n", "not a Word document"),
        ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "old binary Word (.doc)"),
    ],
)
def test_a_broken_document_is_refused_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)

    with pytest.raises(LegacyError) as error:
        read_document(source)

    assert str(error.value).startswith(f"{source}: ")
    assert message in str(error.value)


# --- rich text ------------------------------------------------------------------------------


def test_literal_bullets_in_an_unclosed_list_become_list_items() -> None:
    reason = to_markdown(read_document(OPIATE).value("non_compliance_reason"))

    html = html_of(reason)
    assert html.count("<li>") == 3
    assert "<li>46% of those in treatment have been in treatment for at least 6 years" in html
    # The paragraphs the never-closed <ul> swallowed come after the list, not inside it.
    assert html.index("</ul>") < html.index("<p>This data illustrates")
    assert "\u2022" not in reason


def test_italic_quotes_become_emphasis_and_entities_are_decoded() -> None:
    reason = to_markdown(read_document(OPIATE).value("non_compliance_reason"))

    assert "<em>The treatment population is ageing," in html_of(reason)
    assert to_markdown("<p>Policy &amp; Performance</p>") == "Policy & Performance"


def test_asterisks_in_the_text_stay_text() -> None:
    what = to_markdown(read_document(SMOKING).value("what"))

    html = html_of(what)
    assert "<em>" not in html and "<strong>" not in html
    assert "Increase in Quit Dates Set* (*Quit Date is the date" in html
    assert "4 week quitters** (**Four-week quitter" in html


@pytest.mark.parametrize(
    "text",
    ["- 0.5% below target", "1. first of all", "# 3 of 5 met", "+ / - Target", "> 90% seen"],
)
def test_text_that_looks_like_markdown_blocks_stays_a_paragraph(text: str) -> None:
    for fragment in (text, f"<p>{text}</p>", f"Opening line\n{text}"):
        html = html_of(to_markdown(fragment))
        assert "<ul>" not in html and "<ol>" not in html
        assert "<h1>" not in html and "<blockquote>" not in html
        assert text.replace(">", "&gt;") in html


def test_html_written_as_text_is_not_markup() -> None:
    html = html_of(to_markdown("Use &lt;script&gt; tags and `ticks` with C:\\temp"))

    assert "&lt;script&gt;" in html
    assert "<code>" not in html
    assert "C:\\temp" in html


def test_bullets_inside_real_list_items_are_not_doubled() -> None:
    assert to_markdown("<ul><li>\u2022 one</li><li>two</li></ul>") == "- one\n- two"


# --- figures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [("1900", 1900, False), ("10%", 10, True), ("19,625", 19625, False), ("53.6 %", 53.6, True)],
)
def test_a_target_figure_is_read_with_its_unit(text: str, value: float, percent: bool) -> None:
    figure = read_figure(text)

    assert figure is not None and (figure.value, figure.percent) == (value, percent)


@pytest.mark.parametrize(
    "text", ["NA", "Reduce by 5%", "1900 (annual)", "see below", "4,6", "12,34 days"]
)
def test_a_target_that_is_not_one_figure_is_not_read(text: str) -> None:
    assert read_figure(text) is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("44.43% (2014-15)", "2014/15"),  # as a council's year-end report heads its figures
        ("44.43% (2014/15)", "2014/15"),
        ("9.8 days Q4 2014-15", "2014/15 Q4"),
    ],
)
def test_a_financial_year_written_with_a_hyphen_is_read(text: str, period: str) -> None:
    performance = read_performance(text, Context())

    assert str(performance.period) == period


def test_a_decimal_comma_in_a_performance_text_is_not_read_as_thousands() -> None:
    # The same figure rule as plan files: "4,6 days" is not 46 days, nor 4.6 by a guess.
    performance = read_performance("4,6 days April target is 5", FY_2014)

    assert performance.figure is None
    assert any("does not start with a figure" in note for note in map(str, performance.notes))


def test_a_month_without_a_year_is_completed_only_from_the_given_year() -> None:
    text = "617 Wirral Wide April target is 993"

    unknown = read_performance(text, Context())
    known = read_performance(text, FY_2014)

    assert unknown.period is None
    assert any(
        "April without a year" in note and "--year" in note for note in map(str, unknown.notes)
    )
    assert known.figure is not None and known.figure.value == 617
    assert str(known.period) == "2014-04"
    assert known.note == "Wirral Wide"
    assert known.profile_target is not None and known.profile_target.value == 993


def test_a_month_of_the_next_calendar_year_falls_in_the_financial_year() -> None:
    performance = read_performance("48 January target is 50", FY_2014)

    assert str(performance.period) == "2015-01"


def test_a_covered_period_and_the_reporting_month_are_told_apart() -> None:
    text = (
        "7.37% (July 2014) (Covering the service delivery period January-December 2013\n"
        "+ / - Target : - 0.5%"
    )

    performance = read_performance(text, Context())

    assert performance.figure is not None
    assert (performance.figure.value, performance.figure.percent) == (7.37, True)
    assert str(performance.period) == "2013-01..2013-12"
    assert str(performance.reported) == "2014-07"
    assert performance.note is None
    assert any("'+ / - Target : - 0.5%'" in note for note in map(str, performance.notes))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("11.2 (Q2 2015/16)", "2015/16 Q2"),
        ("11.2 2015/16 Q3", "2015/16 Q3"),
        ("45 in March 2015", "2015-03"),
        ("12 (October-March 2015)", "2014-10..2015-03"),
    ],
)
def test_stated_periods_are_read(text: str, period: str) -> None:
    assert str(read_performance(text, Context()).period) == period


@pytest.mark.parametrize(
    "text",
    [
        "30 (Jan 2014, Feb 2014)",  # two periods: which?
        "we may do better next month",  # no figure, and "may" is not May
        "",
    ],
)
def test_ambiguous_or_missing_performance_reads_no_period(text: str) -> None:
    performance = read_performance(text, FY_2014)

    assert performance.period is None
    assert performance.notes


def test_the_period_option_stands_in_for_an_unstated_period() -> None:
    context = Context(period=parse_period("2014/15 Q1"))

    performance = read_performance("71%", context)

    assert str(performance.period) == "2014/15 Q1"
