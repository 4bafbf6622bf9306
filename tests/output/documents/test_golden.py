"""The two seed plans rendered in both formats, compared with reviewed golden files, and checked
word for word against the original template documents.

Regenerate the golden files after an intended change with
`ACTIONPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/output/documents/test_golden.py`:
each file that changes is rewritten and its test fails, so review the diff and run the tests again.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from actionplan.cli import app
from support.golden import (
    FIELD_LABELS,
    PLANS,
    TITLES,
    contains_run,
    seed_fields,
    template_lines,
    words,
)
from support.paths import GOLDEN, ROOT, SEEDS

FORMATS = ["md", "html"]
AS_OF = "2014-07-31"


def render(plan_id: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        app, ["render", plan_id, "--format", fmt, "--as-of", AS_OF, "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("plan_id", PLANS)
def test_rendered_document_matches_golden_file(
    plan_id: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = render(plan_id, fmt, monkeypatch)
    golden = GOLDEN / f"{plan_id}.{fmt}"
    before = golden.read_text(encoding="utf-8") if golden.exists() else None
    if os.environ.get("ACTIONPLAN_UPDATE_GOLDEN") and text != before:
        # Never a pass: a regenerated file is only right once a person has read its diff.
        golden.write_text(text, encoding="utf-8")
        pytest.fail(f"{golden.name} rewritten: review `git diff`, then run the tests again")
    assert text == before


class _Text(HTMLParser):
    """The text a reader sees in a page's body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_body = self._in_body or tag == "body"

    def handle_data(self, data: str) -> None:
        if self._in_body:
            self.parts.append(data)


def page_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return " ".join(parser.parts)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("plan_id", PLANS)
def test_every_word_of_the_seed_document_is_rendered(
    plan_id: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = render(plan_id, fmt, monkeypatch)
    rendered = words(page_text(text) if fmt == "html" else text)
    fields = seed_fields(SEEDS / f"{plan_id}.txt")
    assert sorted(fields) == sorted(FIELD_LABELS)
    for label, value in fields.items():
        assert words(value), label
        assert contains_run(rendered, words(value)), f"{label}: words lost in rendering"
        assert contains_run(rendered, words(label)), f"label {label!r} missing"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("plan_id", PLANS)
def test_template_section_headings_are_kept_under_the_plans_own_heading(
    plan_id: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = render(plan_id, fmt, monkeypatch)
    rendered = words(page_text(text) if fmt == "html" else text)
    lines = template_lines(SEEDS / f"{plan_id}.txt")
    assert lines[0] == "PERFORMANCE ACTION PLAN TEMPLATE"
    assert [line.split(":")[0] for line in lines[2:]] == [
        "INDICATOR OVERVIEW",
        "CURRENT SITUATION",
        "ACTIONS",
    ]
    # A filled plan is headed with its title; the blank form's instruction and the guidance
    # lines are left out unless the settings ask for them (test_plan_heading).
    assert contains_run(rendered, words("Performance Action Plan"))
    for line in lines[2:]:
        assert contains_run(rendered, words(line.split(":")[0])), line


@pytest.mark.parametrize("plan_id", PLANS)
def test_markdown_is_well_formed_gfm(plan_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = render(plan_id, "md", monkeypatch)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [
        (tokens[i].tag, tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    assert headings[:3] == [
        ("h1", f"Performance Action Plan: {TITLES[plan_id]}"),
        ("h2", "INDICATOR OVERVIEW"),
        ("h2", "CURRENT SITUATION"),
    ]
    assert ("h2", "ACTIONS") in headings
    types = [t.type for t in tokens]
    assert types.count("table_open") == 1
    table = tokens[types.index("table_open") : types.index("table_close")]
    cells = [t.content for t in table if t.type == "inline"]
    assert cells[0::2] == FIELD_LABELS[:4]
    assert all(cells[1::2])
