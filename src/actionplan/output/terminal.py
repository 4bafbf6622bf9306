"""Text from files, shown on a terminal without letting it drive the terminal.

A title, a key or a file name can hold control characters (YAML's `"\\e"` escape writes ESC), and
printed raw they would set the window title, clear the screen or, with a newline, forge a line
of output. Every printer passes such text through `printable`, which shows those characters as
escapes instead. Bidirectional overrides are escaped too: they make a line read differently
from what it holds.
"""

from __future__ import annotations

import re

_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *_BIDI]
_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def _escape(code: int) -> str:
    if code in _NAMED:
        return _NAMED[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE = {code: _escape(code) for code in _CONTROLS}
_CONTROL = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_TABLE_KEEPING_LINES = {code: text for code, text in _TABLE.items() if code not in (0x09, 0x0A)}
_CONTROL_KEEPING_LINES = re.compile("[" + re.escape("".join(map(chr, _TABLE_KEEPING_LINES))) + "]")
# For JSON, which escapes C0 itself: the rest as JSON's own \u escapes, still valid JSON.
_JSON_TABLE = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}
_JSON_CONTROL = re.compile("[" + "".join(map(chr, _JSON_TABLE)) + "]")


def printable(text: str) -> str:
    """`text` on one line with every control character shown as an escape (`\\x1b`, `\\n`)."""
    # As below: a search in C is a tenth of the cost of `translate` looking up each character.
    return text if _CONTROL.search(text) is None else text.translate(_TABLE)


def printable_lines(text: str) -> str:
    """`text` with its line breaks and tabs kept and every other control character escaped,
    for documents and multi-line output."""
    # `translate` looks up every character (a second for a 10 MB report); a search in C finds
    # in milliseconds that most documents hold no control character at all.
    if _CONTROL_KEEPING_LINES.search(text) is None:
        return text
    return text.translate(_TABLE_KEEPING_LINES)


def json_safe(encoded: str) -> str:
    """JSON text (already encoded) with DEL, C1 and bidirectional controls as \\u escapes."""
    # What is left to escape is DEL or lies outside ASCII; `isascii` looks at eight bytes at a
    # time, so most text is passed in one quick look.
    if (encoded.isascii() and "\x7f" not in encoded) or _JSON_CONTROL.search(encoded) is None:
        return encoded
    return encoded.translate(_JSON_TABLE)
