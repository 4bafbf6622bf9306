"""Nothing a plan's text contains can run in a reader's browser: hostile text through every
text field, the title and the id comes out as text, and template syntax prints literally."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from actionplan.domain.models import Indicator, Settings
from actionplan.judge.assessment import assess
from actionplan.output.documents.context import PlanDocument, context
from actionplan.output.documents.templates import Renderer

XSS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    '<iframe src="https://example.org/"></iframe>',
    "<scr<script>ipt>alert(1)</script>",
    '<div onmouseover="alert(1)"',
    '"><script>alert(1)</script>',
    "<style>body { display: none }</style>",
    "![pixel](https://example.org/pixel.png)",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=x></object><embed src=x><base href=//example.org/><form action=x>",
    '<meta http-equiv="refresh" content="0;url=https://example.org/">',
    "{{ 7*7 }}",
    "{% if true %}yes{% endif %}",
    # links by every route Markdown offers
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x]( javascript:alert(1) )",
    "[x](java\tscript:alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](file:///etc/passwd)",
    "[x](//example.org/tracker)",
    # images and SVG
    "![x](javascript:alert(1))",
    "![x][i]\n\n[i]: https://example.org/pixel.png",
    "[![x](https://example.org/pixel.png)](javascript:alert(1))",
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    # CSS
    '<p style="background:url(javascript:alert(1))">x</p>',
    "</style><script>alert(1)</script>",
    '<link rel="stylesheet" href="https://example.org/x.css">',
    "@import url(https://example.org/x.css);",
    "*{}body{background:url(https://example.org/track)}",
]
TEXT_FIELDS = ["non_compliance_reason", "what", "how", "who", "when", "performance"]

# Every element the page may contain: the template's own and what plan Markdown becomes.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section",
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "s", "code", "pre",
    "blockquote", "a", "ul", "ol", "li", "table", "colgroup", "col", "thead", "tbody", "tr",
    "th", "td",
}  # fmt: skip


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def hostile_indicator(payload: str) -> Indicator:
    indicator = Indicator.model_validate(
        {
            "title": payload,
            "strategic_director_lead": payload,
            "departmental_lead": payload,
            "description": payload,
            "unit": "percent",
            "direction": "higher",
            "target": 95,
            "measurements": [{"period": "2014-06", "value": 81.4, "note": payload}],
            "action_plan": {"period": "2014-06", **{name: payload for name in TEXT_FIELDS}},
        },
        context={"default_id": "hostile"},
    )
    # Ids are validated on load; render must still be safe with one that slipped through.
    return indicator.model_copy(update={"id": payload})


def render(indicator: Indicator, fmt: str, settings: Settings | None = None) -> str:
    settings = settings or Settings()
    as_of = date(2014, 7, 31)
    document = PlanDocument(Path("plans/hostile.yaml"), assess(indicator, settings, as_of))
    return Renderer(fmt).render(context(document, settings, as_of))  # type: ignore[arg-type]


@pytest.mark.parametrize("payload", XSS)
def test_hostile_text_never_becomes_markup(payload: str) -> None:
    settings = Settings(organisation=payload)
    page = render(hostile_indicator(payload), "html", settings)
    parsed = _Markup()
    parsed.feed(page)

    tags = [tag for tag, _ in parsed.tags]
    assert set(tags) <= ALLOWED_TAGS
    assert tags.count("style") == 1 and tags.count("meta") == 4 and tags.count("title") == 1
    for tag, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")], tag
        if tag == "a":  # an anchor without an address is inert text
            href = attrs.get("href")
            assert href is None or href.startswith(("http://", "https://", "mailto:")), href
        if tag == "meta" and "http-equiv" in attrs:
            assert attrs["http-equiv"] == "Content-Security-Policy"


@pytest.mark.parametrize("payload", ["{{ 7*7 }}", "{% if true %}yes{% endif %}"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_template_syntax_in_plan_text_prints_literally(payload: str, fmt: str) -> None:
    text = render(hostile_indicator(payload), fmt)
    page = text if fmt == "html" else MarkdownIt("commonmark").enable("table").render(text)
    parsed = _Markup()
    parsed.feed(page)
    text = "".join(parsed.text)

    assert "49" not in text
    assert text.count(payload) >= 8  # title, leads, performance and the five plan sections


def test_raw_html_in_plan_text_is_shown_as_text() -> None:
    page = render(hostile_indicator("<script>alert('x')</script>"), "html")
    parsed = _Markup()
    parsed.feed(page)

    assert "<script>alert('x')</script>" in "".join(parsed.text)
    assert "&lt;script&gt;" in page


def test_links_in_plan_markdown_keep_safe_addresses_only() -> None:
    indicator = hostile_indicator("x")
    plan = indicator.action_plan
    assert plan is not None
    what = "See [the report](https://example.org/report) and [bad](javascript:alert(1))."
    indicator = indicator.model_copy(update={"action_plan": plan.model_copy(update={"what": what})})

    page = render(indicator, "html")
    parsed = _Markup()
    parsed.feed(page)

    links = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a"]
    assert links == ["https://example.org/report"]
    assert "[bad](javascript:alert(1))" in "".join(parsed.text)  # shown, not linked
