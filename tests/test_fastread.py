"""The fast reader (yaml-rs) gives exactly what the located reader (libyaml) gives, or declines.

Whatever the fast reader accepts must be read the same way by the located reader: the same
keys in the same order, the same types and values, the same position for `id:`. Documents are
generated from the shapes plan files take, with scalars written plain, quoted and as blocks,
and with the texts where YAML readers are known to part ways (1.1 booleans and numbers, dates,
special floats, comment and indicator characters).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.errors import FileProblem
from actionplan.workspace.fastread import plain_data
from actionplan.workspace.store import parse_bytes
from actionplan.workspace.yamlfile import compose, construct, node_at

ROOT = Path(__file__).parents[1]
HERE = Path("generated.yaml")

TRICKY = [
    "no",
    "yes",
    "on",
    "off",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "true",
    "True",
    "FALSE",
    "tRue",
    "1",
    "-1",
    "+1",
    "012",
    "0o17",
    "0x1F",
    "0X1F",
    "0b101",
    "1_000",
    "1.5",
    ".5",
    "5.",
    "-.5",
    "1e3",
    "1E-3",
    "1e",
    ".inf",
    "-.Inf",
    "+.INF",
    ".NaN",
    "nan",
    "inf",
    "2014-07-31",
    "2014-07",
    "2014/15",
    "2014-15 Q1",
    "Q1 2024/25",
    "53.6%",
    "19,625",
    "£1,200",
    "NA",
    "-",
    "",
    " ",
    "a: b",
    "a:b",
    "#x",
    "x #y",
    "x#y",
    "'q'",
    '"dq"',
    "[a]",
    "{a: 1}",
    "A&E",
    "done!",
    "why? no",
    "x &y",
    "x *y",
    "& x",
    "* x",
    "x & y",
    "- - x",
    "[&a x]",
    "!!str 5",
    "! x",
    "--- x",
    "@x",
    "`x",
    "|",
    ">",
    "- x",
    "::",
    "a,b",
    "?x",
    "? x",
    "&a",
    "*a",
    "!x",
    "%x",
    "<<",
    "é",
    "漢字",
    "😀",
    "a\\b",
    "tab\there",
    "two\nlines",
    "trail ",
    " lead",
    "x: ",
    "-- x",
    "123456789012345678901234567890",
    "1e400",
    "0.1.2",
    "+.5e+3",
    "0o",
    "00",
    "-0",
    "1:20",
]
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12),
    st.text(alphabet=" :#-'\"{}[],.%/\\&*!?|>@`~ab1é\n", max_size=10),
)
KEYS = st.sampled_from(["id", "title", "note", "value", "period", "unit", "what", "a", "b_c"])


def scalar(text: str, style: str, indent: int) -> str:
    """`text` written in a YAML style (not every style can write every text: the located
    reader then refuses it or reads something else, which the fast reader must match)."""
    pad = " " * (indent + 2)
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return json.dumps(text, ensure_ascii=False)
    head = {"literal": "|", "literal-strip": "|-", "literal-keep": "|+", "folded": ">"}[style]
    return head + "\n" + "\n".join(pad + line for line in text.split("\n")) + "\n"


STYLES = st.sampled_from(
    ["plain", "plain", "single", "double", "literal", "literal-strip", "literal-keep", "folded"]
)


@st.composite
def mapping(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> str:
    lines = []
    for key in draw(st.lists(KEYS, min_size=1, max_size=5, unique=True)):
        pad = " " * indent
        kind = draw(st.sampled_from(["scalar", "scalar", "list", "flow", "map", "lines", "seq"]))
        if kind == "list" and depth < 2:
            items = draw(st.lists(mapping(indent + 4, depth + 1), min_size=1, max_size=3))
            dash = " " * draw(st.sampled_from([indent, indent + 2]))  # both indentations
            body = "".join(dash + "- " + item.lstrip() for item in items)
            lines.append(f"{pad}{key}:\n{body}")
        elif kind == "seq":
            texts = draw(st.lists(st.sampled_from(TRICKY[:60]), max_size=4))
            lines.append(f"{pad}{key}: [{', '.join(texts)}]\n")
        elif kind == "lines":  # a plain scalar over several lines, folded into one
            words = draw(st.lists(st.sampled_from(["a", "b c", "", "x-y", "1", "é"]), max_size=4))
            body = "".join(f"{pad}  {word}\n" for word in words)
            lines.append(f"{pad}{key}: start\n{body}")
        elif kind == "flow":
            texts = draw(st.lists(st.sampled_from(TRICKY[:40]), max_size=3))
            inner = ", ".join(f"k{n}: {t}" for n, t in enumerate(texts))
            lines.append(f"{pad}{key}: {{{inner}}}\n")
        elif kind == "map" and depth < 2:
            lines.append(f"{pad}{key}:\n" + draw(mapping(indent + 2, depth + 1)))
        else:
            value = scalar(draw(TEXT), draw(STYLES), indent)
            comment = draw(st.sampled_from(["", "", "  # note", " #x"]))
            line = f"{pad}{key}: {value}"
            lines.append(line if line.endswith("\n") else line + comment + "\n")
    return "".join(lines)


def located(text: str) -> tuple[Any, tuple[int, int]] | None:
    try:
        node = compose(text, HERE)
        if node is None:
            return None
        data = construct(node, HERE)
    except (FileProblem, RecursionError):
        return None
    id_node, _ = node_at(node, ("id",))
    mark = id_node.start_mark if id_node is not node else None
    return data, ((mark.line + 1, mark.column + 1) if mark else (1, 1))


def same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def assert_agrees(text: str) -> None:
    fast = plain_data(text)
    if fast is None:
        return
    reference = located(text)
    assert reference is not None, f"the located reader refuses what the fast one read:\n{text}"
    assert same(fast[0], reference[0]), f"{fast[0]!r} != {reference[0]!r} for\n{text}"
    assert fast[1] == reference[1], text


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(mapping(), st.sampled_from(["\n", "\r\n"]), st.sampled_from(["", "# top\n", "\n\n"]))
def test_generated_documents_are_read_alike(text: str, newline: str, before: str) -> None:
    assert_agrees((before + text).replace("\n", newline))


@pytest.mark.parametrize(
    "path",
    sorted(p for d in ("plans", "tests") for p in (ROOT / d).rglob("*.y*ml") if p.is_file()),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_file_of_the_project_is_read_alike(path: Path) -> None:
    assert_agrees(path.read_bytes().decode("utf-8-sig", errors="replace"))


@pytest.mark.parametrize(
    "text",
    [
        "title: T\nvalue: 1_000\n",  # YAML 1.2: text; yaml-rs: a number
        "title: T\nvalue: 0X1F\n",
        "title: T\nvalue: 0b101\n",
        "title: T\nnote: !custom x\n",  # a tag the located reader refuses
        "title: &t T\nnote: *t\n",
        "title: T\nnote: x\x01y\n",  # a control character libyaml refuses
        "title: T\r",
        "- a\n- b\n",
        "",
    ],
)
def test_what_the_fast_reader_might_misread_is_left_to_the_located_one(text: str) -> None:
    assert plain_data(text) is None


def test_a_real_plan_is_read_fast_with_its_id_located() -> None:
    """The Wirral smoking plan ("Policy, Performance & Public Health" and all), given an id."""
    text = (ROOT / "plans" / "public-health" / "smoking-quitters.yaml").read_text()
    text = text.replace("title:", "id:   smoking  # the file's id\ntitle:", 1)
    id_line = text.split("\n").index("id:   smoking  # the file's id") + 1

    fast = plain_data(text)
    reference = located(text)

    assert fast is not None and reference is not None
    assert fast[1] == reference[1] == (id_line, len("id:   ") + 1)
    assert same(fast[0], reference[0])
    assert parse_bytes(text.encode(), HERE).data == fast[0]
