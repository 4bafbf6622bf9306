"""A corpus of hostile inputs, generated here rather than stored: plan files for `check`,
`render` and `record`, spreadsheets for `record --csv`, documents for `import`.

Each case is a name and the files it puts in the working folder (bytes, or a callable that
makes something that is not a plain file: a link, a FIFO).
"""

from __future__ import annotations

import io
import os
import socket
import zipfile
from collections.abc import Callable
from pathlib import Path

from support.paths import LEGACY

Maker = Callable[[Path], None]
Content = bytes | Maker
Case = tuple[str, dict[str, Content]]

GOOD = (
    b"title: Good\ndirection: higher\ntarget: 10\n"
    b"measurements:\n  - period: 2014-04\n    value: 5\n"
)
SEED = (LEGACY / "smoking-quitters.txt").read_bytes()


def _plan(body: str) -> bytes:
    return body.encode("utf-8")


def _good_with(**fields: str) -> bytes:
    lines = {"title": "T", "direction": "higher", "target": "10"} | fields
    text = "".join(f"{key}: {value}\n" for key, value in lines.items())
    return (text + "measurements:\n  - period: 2014-04\n    value: 5\n").encode("utf-8")


def _measured(value: str, period: str = "2014-04") -> bytes:
    return _plan(
        f"title: T\ndirection: higher\ntarget: 10\nmeasurements:\n"
        f"  - period: {period}\n    value: {value}\n"
    )


def _nested(depth: int, open_: str, close: str) -> bytes:
    return _plan(f"title: T\ndescription: {open_ * depth}{close * depth}\n")


def _symlink(target: str) -> Maker:
    return lambda path: path.symlink_to(target)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))


def _loop_of_folders(path: Path) -> None:
    path.mkdir()
    (path / "again").symlink_to("..")


PLAN_CASES: list[Case] = [
    ("empty", {"x.yaml": b""}),
    ("whitespace", {"x.yaml": b"   \n\n\t\n"}),
    ("comments-only", {"x.yaml": b"# nothing\n# here\n"}),
    ("nul-bytes", {"x.yaml": b"title: T\x00\x00\nunit: count\n"}),
    ("utf16", {"x.yaml": "title: T\n".encode("utf-16")}),
    ("latin1", {"x.yaml": "title: Café\n".encode("latin-1")}),
    ("bad-utf8-mid", {"x.yaml": b"title: T\nnote: \xc3\x28\n"}),
    ("bom", {"x.yaml": b"\xef\xbb\xbf" + GOOD}),
    ("crlf", {"x.yaml": GOOD.replace(b"\n", b"\r\n")}),
    ("lone-cr", {"x.yaml": GOOD.replace(b"\n", b"\r")}),
    ("tab-indent", {"x.yaml": b"title: T\nmeasurements:\n\t- period: 2014-04\n"}),
    ("unclosed-quote", {"x.yaml": b'title: "never closed\nunit: count\n'}),
    ("unclosed-bracket", {"x.yaml": b"title: [T\nunit: count\n"}),
    ("top-level-list", {"x.yaml": b"- a\n- b\n"}),
    ("top-level-scalar", {"x.yaml": b"just text\n"}),
    ("duplicate-key", {"x.yaml": b"title: A\ntitle: B\n"}),
    ("python-apply", {"x.yaml": b'title: !!python/object/apply:os.system ["touch PWNED"]\n'}),
    ("python-name", {"x.yaml": b"title: !!python/name:os.system\n"}),
    ("python-object-new", {"x.yaml": b"!!python/object/new:os.system [touch PWNED]\n"}),
    ("binary-tag", {"x.yaml": b"title: !!binary aGVsbG8=\n"}),
    ("set-tag", {"x.yaml": b"title: T\ntags: !!set {a, b}\n"}),
    ("custom-tag", {"x.yaml": b"!plan {title: T}\n"}),
    ("merge-key", {"x.yaml": b"base: &b {title: T}\n<<: *b\n"}),
    ("small-aliases", {"x.yaml": b"title: &t T\ndescription: *t\n"}),
    ("undefined-alias", {"x.yaml": b"title: *nothing\n"}),
    (
        "alias-bomb",
        {
            "x.yaml": _plan(
                "a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "".join(
                    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
                    for i in range(8)
                )
                + "title: *i\n"
            )
        },
    ),
    ("nested-lists-500", {"x.yaml": _nested(500, "[", "]")}),
    ("nested-maps-1000", {"x.yaml": _nested(1000, "{a: ", "}")}),
    ("huge-integer", {"x.yaml": _measured("1" + "0" * 400)}),
    ("float-1e400", {"x.yaml": _measured('"1e400"')}),
    ("yaml-nan", {"x.yaml": _measured(".nan")}),
    ("yaml-infinity", {"x.yaml": _good_with(target="-.inf")}),
    ("text-infinity", {"x.yaml": _measured("Infinity")}),
    ("period-year-one", {"x.yaml": _measured("5", "0001-04")}),
    ("period-9999", {"x.yaml": _measured("5", "9999-12")}),
    ("period-month-13", {"x.yaml": _measured("5", "2014-13")}),
    ("period-feb-30", {"x.yaml": _measured("5", "2014-02-30")}),
    ("period-reversed-range", {"x.yaml": _measured("5", "2014-12..2014-01")}),
    ("value-comma-4-6", {"x.yaml": _measured('"4,6"')}),
    ("value-boolean", {"x.yaml": _measured("true")}),
    ("value-hex", {"x.yaml": _measured("0x1F")}),
    ("value-underscores", {"x.yaml": _measured("1_000")}),
    ("value-list", {"x.yaml": _measured("[1, 2]")}),
    ("title-list", {"x.yaml": b"title: [a, b]\n"}),
    ("title-1mb", {"x.yaml": _plan("title: " + "t" * 2**20 + "\n")}),
    ("line-of-spaces", {"x.yaml": _plan("title: T" + " " * 500_000 + "\n")}),
    ("comments-2mb", {"x.yaml": GOOD + b"# padding\n" * 200_000}),
    (
        "many-measurements",
        {
            "x.yaml": _plan(
                "title: T\ndirection: higher\ntarget: 10\nmeasurements:\n"
                + "".join(
                    f"  - {{period: {1900 + n // 12}-{n % 12 + 1:02d}, value: {n}}}\n"
                    for n in range(5000)
                )
            )
        },
    ),
    (
        "unknown-keys-20000",
        {"x.yaml": _plan("title: T\n" + "".join(f"k{n}: 1\n" for n in range(20_000)))},
    ),
    ("key-with-newline", {"x.yaml": b'title: T\n"a\\nplans/forged.yaml:1:1: fine": 1\n'}),
    ("escape-in-title", {"x.yaml": _good_with(title='"\\e]0;owned\\a\\e[2J"')}),
    ("bidi-in-title", {"x.yaml": _good_with(title='"\\u202eevil"')}),
    ("c1-in-title", {"x.yaml": _good_with(title='"\\x9b31m"')}),
    ("html-in-title", {"x.yaml": _good_with(title='"<script>alert(1)</script>"')}),
    ("template-in-title", {"x.yaml": _good_with(title='"{{ 7*7 }}{% raw %}"')}),
    ("surrogate-escape", {"x.yaml": _good_with(title='"\\ud800"')}),
    ("raw-bell", {"x.yaml": b"title: T\x07\n"}),
    ("id-path", {"x.yaml": _good_with(id="../../outside")}),
    ("id-empty", {"x.yaml": _good_with(id='""')}),
    ("id-300", {"x.yaml": _good_with(id="i" * 300)}),
    ("id-250", {"x.yaml": _good_with(id="i" * 250)}),
    ("tolerance-negative", {"x.yaml": _good_with(tolerance="-5%")}),
    ("tolerance-words", {"x.yaml": _good_with(tolerance="lots")}),
    ("target-map-bad-keys", {"x.yaml": _good_with(target="{nonsense: 1, 2014/15: x}")}),
    ("plan-is-text", {"x.yaml": GOOD + b"action_plan: do better\n"}),
    (
        "plan-when-nonsense",
        {"x.yaml": GOOD + b"action_plan: {period: 2014-04, when: Quarter 99}\n"},
    ),
    ("reported-zero-date", {"x.yaml": _measured("5") + b"    reported: 0000-00-00\n"}),
    ("numeric-key", {"x.yaml": b"title: T\n1: one\n"}),
    ("null-key", {"x.yaml": b"title: T\n~: none\n"}),
    ("complex-key", {"x.yaml": b"title: T\n? [a, b]\n: c\n"}),
    ("true-key", {"x.yaml": b"title: T\ntrue: yes\n"}),
    ("two-documents", {"x.yaml": b"title: A\n---\ntitle: B\n"}),
    ("yaml-directive", {"x.yaml": b"%YAML 1.1\n---\ntitle: T\n"}),
    ("tag-directive", {"x.yaml": b"%TAG !e! tag:example.com,2000:\n---\ntitle: !e!x T\n"}),
    ("explicit-str-tag", {"x.yaml": b"title: !!str 12\n"}),
    ("fingertips-huge", {"x.yaml": _good_with(fingertips="{indicator: 1e400, area: E1}")}),
    ("duplicate-ids", {"x.yaml": _good_with(id="same"), "y.yaml": _good_with(id="same")}),
    ("name-with-escape", {"\x1b[31mx.yaml": GOOD}),
    ("name-with-newline", {"x\nforged.yaml:1:1: ok.yaml": b"title: [\n"}),
    ("name-250", {"n" * 245 + ".yaml": GOOD}),
    ("dangling-link", {"x.yaml": _symlink("/nonexistent/plan.yaml")}),
    ("link-loop", {"x.yaml": _symlink("x.yaml")}),
    ("folder-named-yaml", {"x.yaml": _folder}),
    ("link-to-dev-null", {"x.yaml": _symlink("/dev/null")}),
    ("fifo", {"x.yaml": _fifo}),
    ("link-to-dev-zero", {"x.yaml": _symlink("/dev/zero")}),
    ("link-to-etc-passwd", {"x.yaml": _symlink("/etc/passwd")}),
    ("link-to-root-folder", {"root": _symlink("/")}),
    ("socket", {"x.yaml": _socket}),
    ("loop-of-folders", {"sub": _loop_of_folders}),
]

CSV_HEADER = b"id,period,value,note\n"
CSV_CASES: list[Case] = [
    ("csv-empty", {"in.csv": b""}),
    ("csv-header-only", {"in.csv": CSV_HEADER}),
    ("csv-bom", {"in.csv": b"\xef\xbb\xbf" + CSV_HEADER + b"good,2014-05,6,\n"}),
    ("csv-utf16", {"in.csv": (CSV_HEADER + b"good,2014-05,6,\n").decode().encode("utf-16")}),
    ("csv-latin1", {"in.csv": CSV_HEADER + "good,2014-05,6,café\n".encode("latin-1")}),
    ("csv-nul", {"in.csv": CSV_HEADER + b"good,2014-05,6,\x00\n"}),
    ("csv-unclosed-quote", {"in.csv": CSV_HEADER + b'good,2014-05,6,"open\n'}),
    ("csv-quote-inside", {"in.csv": CSV_HEADER + b'good,2014-05,6,a"b"c\n'}),
    ("csv-huge-cell", {"in.csv": CSV_HEADER + b"good,2014-05,6," + b"n" * 300_000 + b"\n"}),
    ("csv-many-columns", {"in.csv": CSV_HEADER + b"good,2014-05,6" + b",x" * 20_000 + b"\n"}),
    ("csv-formula-note", {"in.csv": CSV_HEADER + b"good,2014-05,6,=cmd|' /C calc'!A0\n"}),
    ("csv-formula-id", {"in.csv": CSV_HEADER + b'=HYPERLINK("x"),2014-05,6,\n'}),
    ("csv-escape-id", {"in.csv": CSV_HEADER + b"\x1b[2Jgood,2014-05,6,\n"}),
    ("csv-value-1e400", {"in.csv": CSV_HEADER + b"good,2014-05,1e400,\n"}),
    ("csv-value-400-digits", {"in.csv": CSV_HEADER + b"good,2014-05," + b"9" * 400 + b",\n"}),
    ("csv-period-huge", {"in.csv": CSV_HEADER + b"good,99999999-01,6,\n"}),
    ("csv-missing-columns", {"in.csv": b"id,value\ngood,6\n"}),
    ("csv-unknown-column", {"in.csv": b"id,period,value,owner\ngood,2014-05,6,me\n"}),
    ("csv-fingertips-junk", {"in.csv": b"Indicator ID,Area Code,Time period,Value\nx,y,z,w\n"}),
    ("csv-lone-cr", {"in.csv": (CSV_HEADER + b"good,2014-05,6,\n").replace(b"\n", b"\r")}),
    ("csv-blank-lines", {"in.csv": CSV_HEADER + b"\n" * 100_000 + b"good,2014-05,6,\n"}),
    ("csv-same-period-twice", {"in.csv": CSV_HEADER + b"good,2014-05,6,\ngood,2014-05,7,\n"}),
    (
        "csv-5000-rows-one-indicator",  # once quadratic: half a minute, past the time allowed
        {
            "in.csv": CSV_HEADER
            + b"".join(b"good,%d-%02d,%d,\n" % (1000 + n // 12, n % 12 + 1, n) for n in range(5000))
        },
    ),
    ("csv-is-a-folder", {"in.csv": _folder}),
    ("csv-dangling-link", {"in.csv": _symlink("/nonexistent.csv")}),
]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _docx(document_xml: bytes) -> bytes:
    """A minimal .docx package around `document_xml`."""
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
        b'-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>"
    )
    return _zip(
        {"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": document_xml}
    )


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _word(body: bytes, prolog: bytes = b"") -> bytes:
    return _docx(
        b'<?xml version="1.0"?>'
        + prolog
        + b"<w:document "
        + _W
        + b"><w:body>"
        + body
        + b"</w:body></w:document>"
    )


def _bomb_zip() -> bytes:
    """A .docx whose document part declares and holds 300 MB of zeros (300 KB packed)."""
    buffer = io.BytesIO(_word(b""))
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package,
        package.open("word/settings.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(300):
            member.write(bytes(2**20))
    return buffer.getvalue()


_LAUGHS = (
    b'<!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
)
_XXE = b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _row(label: bytes, value: bytes) -> bytes:
    cell = b"<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>"
    return b"<w:tr>" + cell % label + cell % value + b"</w:tr>"


def _table(*rows: bytes) -> bytes:
    return b"<w:tbl>" + b"".join(rows) + b"</w:tbl>"


def _long_text(rows: int) -> bytes:
    head = (
        b"Indicator Title\tLong\nPerformance this Period\t617 (April 2014)\n"
        b"What (is required)\t<p>start"
    )
    return head + b"".join(
        b"\n\t<p>and more about %d %s</p>" % (n, b"z" * 400) for n in range(rows)
    )


DOC_CASES: list[Case] = [
    ("doc-empty", {"in.txt": b""}),
    ("doc-binary", {"in.txt": bytes(range(256)) * 64}),
    ("doc-old-word", {"in.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)}),
    ("doc-zip-not-word", {"in.docx": _zip({"hello.txt": b"hi"})}),
    ("doc-truncated-zip", {"in.docx": _word(b"")[:200]}),
    ("doc-zip-bomb", {"in.docx": _bomb_zip()}),
    ("doc-billion-laughs", {"in.docx": _word(_table(_row(b"Indicator Title", b"&h;")), _LAUGHS)}),
    ("doc-xxe", {"in.docx": _word(_table(_row(b"Indicator Title", b"&x;")), _XXE)}),
    ("doc-not-xml", {"in.docx": _docx(b"<<<not xml")}),
    ("doc-no-table", {"in.docx": _word(b"<w:p><w:r><w:t>hello</w:t></w:r></w:p>")}),
    ("doc-title-only", {"in.docx": _word(_table(_row(b"Indicator Title", b"T")))}),
    ("doc-seed-text", {"in.txt": SEED}),
    ("doc-utf16", {"in.txt": SEED.decode("utf-8").encode("utf-16")}),
    ("doc-latin1", {"in.txt": SEED.decode("utf-8").encode("cp1252", "replace")}),
    ("doc-nul-bytes", {"in.txt": SEED.replace(b"\n", b"\x00\n")}),
    ("doc-2000-rows", {"in.txt": _long_text(2000)}),
    ("doc-one-long-line", {"in.txt": b"Indicator Title\t" + b"x" * 3_000_000}),
    ("doc-no-labels", {"in.txt": b"just\nsome\nlines\n"}),
    ("doc-escape-title", {"in.txt": SEED.replace(b"Smoking", b"\x1b[2J\x1b]0;x\x07Smoking", 1)}),
    ("doc-script", {"in.txt": SEED.replace(b"<p>", b"<p><script>alert(1)</script>", 1)}),
    ("doc-deep-html", {"in.txt": SEED + b"\nWhat (is required)\t" + b"<ul><li>" * 3000}),
    ("doc-bullets", {"in.txt": SEED + b"\nHow (will it be achieved)\t" + "• x ".encode() * 5000}),
    ("doc-is-a-folder", {"in.docx": _folder}),
]
