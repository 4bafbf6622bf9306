"""What a document says: figures as committee papers write them, Performance this Period written
from the data, the headline target, and plain text that Markdown shows exactly as written."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from actionplan.domain.models import Indicator, Settings
from actionplan.domain.periods import parse_period
from actionplan.judge.assessment import assess
from actionplan.output.documents.context import (
    PlanDocument,
    context,
    headline_target,
    period_words,
    select,
)
from actionplan.output.documents.filters import markdown_html, text_markdown
from actionplan.output.documents.templates import Renderer
from actionplan.output.wording import figure

AS_OF = date(2014, 7, 31)


def indicator(**fields: Any) -> Indicator:
    data = {"title": "Fly-tipping cleared in 5 days", "unit": "percent", "direction": "higher"}
    return Indicator.model_validate({**data, **fields}, context={"default_id": "fly-tipping"})


def document_context(ind: Indicator, settings: Settings | None = None) -> dict[str, Any]:
    settings = settings or Settings()
    return context(PlanDocument(Path("x.yaml"), assess(ind, settings, AS_OF)), settings, AS_OF)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (617, "count", "617"),
        (1900, "count", "1,900"),
        (19625, "count", "19,625"),
        (1234567.5, "number", "1,234,567.5"),
        (7.37, "percent", "7.37%"),
        (10, "percent", "10%"),
        (-12500, "currency", "-£12,500"),
        (1200.5, "currency", "£1,200.5"),
        (None, "count", "no figure"),
    ],
)
def test_figures_are_written_as_committee_papers_write_them(
    value: float | None, unit: str, text: str
) -> None:
    assert figure(value, unit) == text


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2014-04", "April 2014"),
        ("2013-01..2013-12", "January to December 2013"),
        ("2013-10..2014-03", "October 2013 to March 2014"),
        ("2014/15", "2014/15"),
        ("2014/15 Q3", "2014/15 Q3"),
        ("2014-Q3", "2014-Q3"),
        ("2014-07-31", "2014-07-31"),
    ],
)
def test_periods_are_named_in_words(period: str, words: str) -> None:
    assert period_words(parse_period(period)) == words


def test_overview_target_is_the_annual_one_and_performance_uses_the_profile() -> None:
    ind = indicator(
        unit="count",
        cumulative=True,
        target={"2014/15": 1900, "2014-04": 993},
        measurements=[{"period": "2014-04", "value": 617}],
    )
    values = document_context(ind)

    assert values["target"] == "1,900"
    assert values["performance"] == "617 for April 2014, against a target of 993."
    assert values["performance_from_data"] is True


def test_headline_target_without_figures_is_the_latest() -> None:
    ind = indicator(target={"2013/14": 90, "2014/15": 95})

    assert headline_target(ind, None) == "95%"
    assert headline_target(indicator(target=95), None) == "95%"
    assert headline_target(indicator(), None) == ""


def test_performance_is_written_from_the_data_when_the_plan_gives_none() -> None:
    ind = indicator(
        target=95,
        measurements=[{"period": "2014-06", "value": "81.4%", "reported": "2014-07-15"}],
        action_plan={"period": "2014-06", "what": "More crews"},
    )
    values = document_context(ind)

    assert values["performance"] == (
        "81.4% for June 2014, against a target of 95%. Reported 15 July 2014."
    )
    assert values["status"] == "RED"
    assert values["figures"] == {
        "period": "June 2014",
        "value": "81.4%",
        "target": "95%",
        "reported": "15 July 2014",
        "comparators": {},
    }


def test_comparators_are_shown_in_the_document_in_both_formats() -> None:
    # Days lost to sickness absence per employee: 10.51 days against a North West average of
    # 11.05 days (a name with markup in it shows as typed).
    ind = indicator(
        unit="days",
        direction="lower",
        target=9.5,
        measurements=[
            {
                "period": "2013-14",
                "value": 10.51,
                "comparators": {"North West average": 11.05, "England <b>": 9.8},
            }
        ],
        action_plan={"period": "2013-14", "what": "Return-to-work interviews"},
    )
    values = document_context(ind)
    assert values["figures"]["comparators"] == {
        "North West average": "11.05 days",
        "England <b>": "9.8 days",
    }
    markdown = Renderer("md").render(values)
    assert "Compared with: North West average 11.05 days; England \\<b\\> 9.8 days" in markdown
    page = Renderer("html").render(values)
    assert "Compared with: North West average 11.05 days; England &lt;b&gt; 9.8 days" in page


def test_pro_rated_targets_and_notes_are_said() -> None:
    ind = indicator(
        unit="count",
        cumulative=True,
        target={"2014/15": 1200},
        measurements=[{"period": "2014-06", "value": 250, "note": "Wirral Wide"}],
    )

    assert document_context(ind)["performance"] == (
        "250 for June 2014, against a target of 300, pro-rated from 2014/15. Wirral Wide."
    )


def test_a_measure_with_no_figures_says_so() -> None:
    values = document_context(indicator(target=95))

    assert values["performance"] == "No figures have been recorded yet."
    assert values["status"] == "NO DATA"


def test_a_published_status_that_differs_is_shown_with_the_computed_one() -> None:
    ind = indicator(target=95, measurements=[{"period": "2014-06", "value": 96, "status": "AMBER"}])

    assert document_context(ind)["status"] == "AMBER (as published; the figures give GREEN)"


def test_status_is_shown_in_words_and_colour() -> None:
    ind = indicator(target=95, measurements=[{"period": "2014-06", "value": 80}])
    ind = ind.model_copy(update={"action_plan": None})
    page = Renderer("html").render(document_context(ind))

    assert 'Status: <strong class="rag rag-red">RED</strong>' in page
    assert ".rag-red { background: #a4262c; color: #fff; }" in page


def test_organisation_heads_the_document_when_set() -> None:
    ind = indicator(action_plan={"period": "2014-06"})
    with_name = document_context(ind, Settings(organisation="Wirral Council"))
    without = document_context(ind)

    assert (
        Renderer("md")
        .render(with_name)
        .startswith("**Wirral Council**\n\n# Performance Action Plan")
    )
    assert Renderer("md").render(without).startswith("# Performance Action Plan: ")
    page = Renderer("html").render(with_name)
    assert '<p class="organisation">Wirral Council</p>' in page
    title = "Performance Action Plan: Fly-tipping cleared in 5 days \u2013 Wirral Council"
    assert f"<title>{title}</title>" in page


def test_select_renders_every_plan_and_blank_forms_only_with_missing() -> None:
    planned = indicator(
        id="planned",
        target=95,
        measurements=[{"period": "2014-06", "value": 80}],
        action_plan={"period": "2014-06"},
    )
    unplanned = indicator(
        id="unplanned", target=95, measurements=[{"period": "2014-06", "value": 80}]
    )
    green = indicator(id="green", target=95, measurements=[{"period": "2014-06", "value": 99}])
    files = [(Path(f"{i.id}.yaml"), i) for i in (planned, unplanned, green)]

    plain = select(files, Settings(), AS_OF)
    with_forms = select(files, Settings(), AS_OF, missing=True)
    named = select(files, Settings(), AS_OF, ids=["green", "nope"], missing=True)

    assert [(d.indicator.id, d.blank) for d in plain.documents] == [("planned", False)]
    assert [(d.indicator.id, d.blank) for d in with_forms.documents] == [
        ("planned", False),
        ("unplanned", True),
    ]
    assert named.documents == []
    assert named.unknown_ids == ["nope"]
    assert named.nothing_to_render == ["green has no action_plan and is GREEN: no plan is needed"]


def _shown_text(markdown: str) -> str:
    page = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    page = page.replace("<br />", "\n")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


PLAIN = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))
    | st.sampled_from("\n*_`#>+-=|~[]<>&;!\\0123456789. "),
    max_size=60,
)


@given(PLAIN)
def test_plain_text_shows_literally_in_markdown(text: str) -> None:
    assert _shown_text(text_markdown(text)) == " ".join(text.split())


def test_plain_text_keeps_its_line_breaks_in_markdown() -> None:
    performance = "7.37% (July 2014)\n+ / - Target : - 0.5%"

    shown = MarkdownIt("commonmark").render(text_markdown(performance))

    assert shown == "<p>7.37% (July 2014)<br />\n+ / - Target : - 0.5%</p>\n"


def test_headings_in_plan_markdown_sit_below_the_documents_own() -> None:
    assert markdown_html("# Background\n\ntext") == "<h3>Background</h3>\n<p>text</p>"
