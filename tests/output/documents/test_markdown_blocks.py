"""Plan Markdown as blocks and runs for the Word and PDF writers: structure and emphasis kept,
raw HTML and images shown as text, only safe links, and no character a document cannot hold."""

from __future__ import annotations

from actionplan.output.documents.markdown_blocks import (
    ListBlock,
    Paragraph,
    Run,
    TableBlock,
    as_data,
    markdown_blocks,
    plain_text,
    text_blocks,
)


def test_paragraphs_with_bold_italic_and_code_runs() -> None:
    blocks = markdown_blocks("Plain **bold *both*** and _it_ `x<1`.\nNext line.")

    assert blocks == [
        Paragraph(
            (
                Run("Plain "),
                Run("bold ", bold=True),
                Run("both", bold=True, italic=True),
                Run(" and "),
                Run("it", italic=True),
                Run(" "),
                Run("x<1", code=True),
                Run(". Next line."),
            )
        )
    ]


def test_bullets_and_numbered_lists_nest_and_keep_their_start() -> None:
    blocks = markdown_blocks("3. three\n4. four\n   - inner\n\n- a\n- b\n")

    numbered, bullets = blocks
    assert isinstance(numbered, ListBlock) and numbered.ordered and numbered.start == 3
    assert numbered.items[0] == (Paragraph((Run("three"),)),)
    inner = numbered.items[1][1]
    assert isinstance(inner, ListBlock) and not inner.ordered
    assert isinstance(bullets, ListBlock) and not bullets.ordered and len(bullets.items) == 2


def test_headings_quotes_code_rules_and_tables() -> None:
    text = "# Title\n\n> said\n\n```\ncode *not em*\n```\n\n---\n\n| a | b |\n|---|---|\n| c |  |\n"
    heading, quote, code, rule, table = markdown_blocks(text)

    assert heading == Paragraph((Run("Title"),), "heading", 1)
    assert quote == Paragraph((Run("said"),), "quote")
    assert code == Paragraph((Run("code *not em*", code=True),), "code")
    assert rule == Paragraph((), "rule")
    assert isinstance(table, TableBlock) and table.header
    assert table.rows == (((Run("a"),), (Run("b"),)), ((Run("c"),), ()))


def test_heading_levels_start_at_1_and_never_skip_one() -> None:
    blocks = markdown_blocks("## A\n\n#### B\n\n- ### C\n\n# D\n\n### E\n")

    levels = [b.level for b in blocks if isinstance(b, Paragraph)]
    nested = blocks[2]
    assert isinstance(nested, ListBlock)
    assert levels == [1, 2, 1, 2]
    assert nested.items[0][0] == Paragraph((Run("C"),), "heading", 3)


def test_an_empty_heading_is_dropped() -> None:
    assert markdown_blocks("#\n\n## \n\ntext") == [Paragraph((Run("text"),))]


def test_raw_html_stays_text_and_an_image_is_only_a_link() -> None:
    blocks = markdown_blocks("<script>alert(1)</script> ![pixel](https://example.org/p.png)")

    assert blocks == [
        Paragraph(
            (
                Run("<script>alert(1)</script> !"),
                Run("pixel", link="https://example.org/p.png"),
            )
        )
    ]


def test_only_http_and_mailto_links_are_links() -> None:
    blocks = markdown_blocks(
        "[a](https://example.org) [b](mailto:x@example.org) [c](javascript:alert(1)) "
        "[d](JaVaScRiPt:alert(1)) [e](data:text/html,x) [f](file:///etc/passwd)"
    )

    paragraph = blocks[0]
    assert isinstance(paragraph, Paragraph)
    links = [r.link for r in paragraph.runs if r.link]
    assert links == ["https://example.org", "mailto:x@example.org"]
    assert "javascript:" in plain_text(blocks).lower()  # shown as text, not linked
    assert "f" in plain_text(blocks)


def test_control_characters_are_removed_and_line_breaks_kept() -> None:
    assert (
        plain_text(markdown_blocks("bell\x07 null\x00 esc\x1b[31m ok\u0085"))
        == "bell null esc[31m ok"
    )
    assert text_blocks("617 Wirral Wide\nApril target 993\n\nSecond\x0c") == [
        Paragraph((Run("617 Wirral Wide\nApril target 993"),)),
        Paragraph((Run("Second"),)),
    ]
    assert plain_text(markdown_blocks("a  \nb")) == "a\nb"


def test_blocks_as_json_ready_data() -> None:
    data = as_data(markdown_blocks("- **x**\n"))

    assert data == [
        {
            "type": "list",
            "ordered": False,
            "start": 1,
            "items": [
                [
                    {
                        "type": "text",
                        "level": 0,
                        "runs": [
                            {
                                "text": "x",
                                "bold": True,
                                "italic": False,
                                "strike": False,
                                "code": False,
                                "link": None,
                                "status": None,
                            }
                        ],
                    }
                ]
            ],
        }
    ]


def test_emphasis_nested_thousands_deep_keeps_its_text() -> None:
    # markdown-it nests `*****x*****` as deep as it is written; its tree is built by recursion.
    [paragraph] = markdown_blocks("*" * 5000 + "deep" + "*" * 5000 + " and **bold**")
    assert isinstance(paragraph, Paragraph)
    assert plain_text([paragraph]) == "deep and bold"
    assert paragraph.runs[-1] == Run("bold", bold=True)
