"""Text from files cannot drive a terminal or hide in JSON: every control character is shown as
an escape, and text without one is printed as it is."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from actionplan.output.terminal import json_safe, printable, printable_lines

CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F)]
CONTROLS += [*range(0x2066, 0x206A)]
texts = st.text(alphabet=st.one_of(st.sampled_from([chr(c) for c in CONTROLS]), st.characters()))


@given(texts)
def test_printable_leaves_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not any(ord(ch) in CONTROLS for ch in shown)
    if not any(ord(ch) in CONTROLS for ch in text):
        assert shown is text


@given(texts)
def test_printable_lines_keeps_only_line_breaks_and_tabs(text: str) -> None:
    shown = printable_lines(text)
    assert {ord(ch) for ch in shown} & set(CONTROLS) <= {0x09, 0x0A}
    assert shown.count("\n") == text.count("\n")


@given(texts)
def test_json_safe_reads_back_as_the_text(text: str) -> None:
    encoded = json_safe(json.dumps(text, ensure_ascii=False))
    assert json.loads(encoded) == text
    assert not any(ord(ch) in CONTROLS for ch in encoded)


def test_an_escape_sequence_is_shown_not_sent() -> None:
    assert printable("title\x1b]0;owned\x07") == "title\\x1b]0;owned\\x07"
    assert printable("A\u202eB") == "A\\u202eB"


def test_json_safe_escapes_del_in_otherwise_plain_text() -> None:
    # DEL is ASCII, so a look for non-ASCII text alone would pass it through unescaped.
    assert json_safe(json.dumps("a\x7fb")) == '"a\\u007fb"'
