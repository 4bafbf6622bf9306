"""Ten thousand plan files made by damaging the valid examples (flipped, deleted, duplicated
and spliced bytes and lines, and YAML's special characters put in), read and judged as
`check` does, and two thousand edited as `record` does: the only failures are the tool's own
errors, never another exception, and no case takes more than a few seconds.

The damage is made here from a seeded generator, so a failure names a case that can be made
again: `mutants(SEED)` yields the same files in the same order on every machine.
"""

from __future__ import annotations

import io
import random
import signal
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from actionplan.domain.models import Indicator, Measurement, Settings
from actionplan.edit.changes import add_measurement
from actionplan.edit.document import parse_document, render, validated
from actionplan.errors import ActionplanError
from actionplan.judge.assessment import Row, assess, lacks_tolerance
from actionplan.judge.targets import trajectory_gaps
from actionplan.judge.trend import indicator_spc
from actionplan.output.check.github import report_github
from actionplan.output.check.json_output import report_json
from actionplan.output.check.printed_row import judged
from actionplan.output.check.rows import CheckReport
from actionplan.output.check.table import report_table
from actionplan.workspace.reading import parse_bytes
from actionplan.workspace.validation import indicator_context, validate
from support import forked, spawned
from support.paths import EXAMPLES, LEGACY

# Hundreds of generated cases a test: outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

VALID = EXAMPLES / "valid"
SEED = 13
CASES = 10_000
# Bytes that steer YAML somewhere unusual, put anywhere.
TOKENS = [
    b"&a ", b"*a", b"&a [*a]", b"[", b"]", b"{", b"}", b": ", b"- ", b"? ", b"!!set ", b"!x ",
    b"<<: ", b"|", b">-", b'"', b"'", b"#", b"\t", b"\n", b"\r", b"\x00", b"\xff", b"\xc3",
    b"\x1b[2J", b"\n  - ", b"\n    ",
]  # fmt: skip
# Values the figure, period, date and word readers treat specially, put after a key.
VALUES = [
    b"~", b"null", b"true", b"no", b".nan", b"-.inf", b"1e400", b'"1e400"', b"1" + b"0" * 320,
    b"-0", b"0", b"-5", b"1e-400", b"0x1F", b"19,625", b"4,6", b'"4,6"', b"53.6%", b"250%",
    b"NA", b"0001-04", b"9999-12", b"9999-Q4", b"9998/99", b"2014/15 Q3", b"2014-02-30",
    b"2014-12..2014-01", b"0001-01..9999-12", b"0000-00-00", b"9999-12-31", b"Quarter 9",
    b"by the end of 9999", b"Q4", b"March", b"March 0000", b"31 March 9999", b"monthly",
    b"weekly", b"lower", b"higher", b"RED", b"BLUE",
    b"[1, 2]", b"{a: 1}", b"[]", b"{}", b'""', b'"\\e[2J"', b"&a [*a]", b"{green: 5%}",
    b"{2014/15: 10, 9999/00: 1}", b"{indicator: -1, area: E1}",
]  # fmt: skip


def _seeds() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(VALID.glob("*.y*ml"))]


def _damage(rng: random.Random, raw: bytes, other: bytes) -> bytes:
    """One to three kinds of damage, each at a random place. Most keep the file YAML, so
    that validation and judging are reached, not only the parser."""
    data = bytearray(raw)
    for _ in range(rng.choices((1, 2, 3), (6, 3, 1))[0]):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        at = rng.randrange(len(data) + 1)
        end = min(len(data), at + rng.choice((1, 2, 8, 40, 200)))
        if kind == "flip" and at < len(data):
            data[at] ^= rng.randrange(1, 256)
        elif kind == "delete":
            del data[at:end]
        elif kind == "duplicate":
            data[rng.randrange(len(data) + 1) : 0] = data[at:end]
        elif kind == "splice":  # this file's start with another's end
            data = data[:at] + other[rng.randrange(len(other) + 1) :]
        elif kind == "token":
            data[at:at] = rng.choice(TOKENS)
        else:
            data = bytearray(_lines(rng, bytes(data), other, kind))
    return bytes(data)


def _lines(rng: random.Random, raw: bytes, other: bytes, kind: str) -> bytes:
    """Whole lines repeated or swapped, or a value replaced by a token or another's value."""
    lines = raw.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if kind == "repeat":
        lines.insert(i, lines[j])
    elif kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        keyed = [n for n, line in enumerate(lines) if b": " in line]
        if keyed:
            n = rng.choice(keyed)
            values = [line.split(b": ", 1)[1] for line in other.split(b"\n") if b": " in line]
            new = rng.choice(VALUES) if rng.random() < 0.7 or not values else rng.choice(values)
            lines[n] = lines[n].split(b": ", 1)[0] + b": " + new
    return b"\n".join(lines)


KINDS = ["flip", "delete", "duplicate", "splice", "token", "repeat", "swap", "value"]
WEIGHTS = [1, 1, 1, 0.5, 1, 1.5, 1.5, 6]


def mutants(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """`count` damaged files: (the example each was made from, its bytes)."""
    rng = random.Random(seed)
    seeds = _seeds()
    for _ in range(count):
        name, raw = rng.choice(seeds)
        yield name, _damage(rng, raw, rng.choice(seeds)[1])


AS_OF = [date(2015, 6, 30), date(2024, 3, 31), date.max, date.min]


def _judge(name: str, raw: bytes, settings: Settings, as_of: date) -> None:
    """Read and judge one file as `check` does; the tool's own errors are the answers."""
    path = Path("plans", name)
    try:
        parsed = parse_bytes(raw, path, keep_tree=True)
        if name == "actionplan.yaml":
            validate(Settings, parsed.data, path, {}, parsed.tree)
            return
        context = indicator_context(settings.financial_year_start, path)
        indicator = validate(Indicator, parsed.data, path, context, parsed.tree)
    except ActionplanError:
        return
    row = Row(path, assess(indicator, settings, as_of))
    row = replace(row, spc=indicator_spc(indicator, settings, as_of))
    gaps = tuple((1, 1, g.message) for g in trajectory_gaps(path, indicator))
    printed = judged(row, bare=lacks_tolerance(indicator), id_position=(1, 1), findings=gaps)
    result = CheckReport(as_of, [printed])
    for report in (report_json, report_github, report_table):
        report(result, io.StringIO(), False, True)


# Workspace settings change how figures are judged: a financial year from January, a
# tolerance for AMBER, AMBER for a RED figure better than last year's.
SETTINGS = [
    Settings(tolerance="5%"),
    Settings(financial_year_start=1, amber_if_improved_on_last_year=True),
    Settings(),
]


def test_ten_thousand_damaged_plans_give_only_the_tools_own_problems() -> None:
    escaped: dict[str, tuple[int, str, bytes]] = {}
    for number, (name, raw) in enumerate(mutants(SEED, CASES)):
        settings = SETTINGS[number % len(SETTINGS)]
        try:
            _judge(name, raw, settings, AS_OF[number % len(AS_OF)])
        except Exception as error:  # anything else escaped: keep the first of each kind
            kind = f"{type(error).__name__}: {error}"[:200]
            escaped.setdefault(kind, (number, name, raw))
    assert not escaped, "\n".join(
        f"case {n} (from {name}): {kind}\n{raw[:300]!r}" for kind, (n, name, raw) in escaped.items()
    )


EDITS = 2_000
RECORDED = ["2015-05", "2015/16", "9999-12", "0001-01", "2014/15 Q3"]


class _TooSlow(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _TooSlow


def _record(name: str, raw: bytes, number: int) -> None:
    """Record a figure in one file as `record` does (with --replace every other time)."""
    path = Path("plans", name)
    period = RECORDED[number % len(RECORDED)]
    measurement = Measurement.model_validate(
        {"period": period, "value": 7, "note": "n"}, context={"fy_start": 4}
    )
    try:
        doc = parse_document(path, raw, 4)
        add_measurement(doc, measurement, replace=number % 2 == 0)
        validated(path, render(doc), SETTINGS[0])
    except ActionplanError:
        return


def test_two_thousand_damaged_plans_through_the_record_edit() -> None:
    escaped: dict[str, tuple[int, str, bytes]] = {}
    previous = signal.signal(signal.SIGALRM, _stop)
    try:
        for number, (name, raw) in enumerate(mutants(SEED + 1, EDITS)):
            if name == "actionplan.yaml":
                continue
            signal.alarm(5)  # an edit that hangs is as bad as one that raises
            try:
                _record(name, raw, number)
            except Exception as error:
                kind = f"{type(error).__name__}: {error}"[:200]
                escaped.setdefault(kind, (number, name, raw))
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not escaped, "\n".join(
        f"case {n} (from {name}): {kind}\n{raw[:300]!r}" for kind, (n, name, raw) in escaped.items()
    )


# --- every command, in its own process ---------------------------------------------------------

COMMAND_CASES = 12
FUZZ_AS_OF = ["--as-of", "2015-06-30"]
READERS = {  # commands that read through a cache: each run with it and with --no-cache
    "check": ["check", *FUZZ_AS_OF],
    "render md": ["render", "-f", "md", "--out", "out/{cache}", *FUZZ_AS_OF],
    "render html": ["render", "-f", "html", "--out", "out/{cache}", *FUZZ_AS_OF],
    **{
        f"report {form}": ["report", "-f", form, "--out", "out/{cache}", *FUZZ_AS_OF]
        for form in ("md", "html", "docx", "pdf")
    },
}
EDITORS = {
    "record": ["record", "case", "2015-05", "6"],
    "record --csv": ["record", "--csv", "rows.csv"],
    "record --table": [
        *("record", "--table", "table.csv", "--period", "2015-05"),
        *("--map", "id=Indicator", "--map", "value=Figure"),
    ],
    "new": ["new", "case", *FUZZ_AS_OF],
    "import": ["import", "--force", "--year", "2014/15", "--out", "plans", "old.txt"],
}


def _outside(work: Path) -> dict[str, bytes]:
    """Every file of the working folder but the plans folder and the output folder."""
    return {
        str(path.relative_to(work)): path.read_bytes()
        for path in sorted(work.rglob("*"))
        if path.is_file() and path.relative_to(work).parts[0] not in ("plans", "out")
    }


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# Typst (the PDF, and the pictures of the Word report's charts) starts threads in the test
# process the first time it runs there; a child forked after that can wait for ever on one of
# their locks, so what Typst makes is made in a fresh interpreter.
TYPESET = {"pdf", "docx"}


def _run(
    args: list[str], work: Path, env: dict[str, str], what: str
) -> forked.Run | spawned.Spawned:
    if TYPESET & set(args):
        run: forked.Run | spawned.Spawned = spawned.run(args, work, timeout=120, env=env)
    else:
        run = forked.run(args, work, timeout=60, env=env)
    assert run.code is not None, f"{what}: still running after {run.seconds:.0f} s"
    assert run.code <= 2, f"{what}: exit {run.code}\n{run.stderr[-3000:]}"
    assert "Traceback" not in run.stderr, f"{what}:\n{run.stderr[-3000:]}"
    return run


def _workspace(work: Path, raw: bytes, document: bytes) -> None:
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "case.yaml").write_bytes(raw)
    good = VALID / "alcohol-admissions.yaml"
    (work / "plans" / "good.yaml").write_bytes(good.read_bytes())
    (work / "rows.csv").write_text("id,period,value\ncase,2015-04,5\ngood,2015-04,7\n")
    (work / "table.csv").write_text("Indicator,Figure\ncase,5\ngood,7\n")
    (work / "old.txt").write_bytes(document)


def test_damaged_plans_through_every_command(tmp_path: Path) -> None:
    """Each command on damaged plans: no traceback, no exit above 2, nothing written outside
    the plans folder or --out, and what a cached run prints and writes equal to --no-cache."""
    seed_document = (LEGACY / "smoking-quitters.txt").read_bytes()
    rng = random.Random(SEED + 2)
    cases = [(n, r) for n, r in mutants(SEED + 2, COMMAND_CASES * 2) if n != "actionplan.yaml"]
    compared = 0  # documents compared, so that the comparison is never of nothing
    for number, (name, raw) in enumerate(cases[:COMMAND_CASES]):
        work = tmp_path / f"case-{number}"
        env = {"ACTIONPLAN_CACHE_DIR": str(tmp_path / f"cache-{number}")}
        _workspace(work, raw, _damage(rng, seed_document, raw))
        before = _outside(work)
        for command, template in READERS.items():
            what = f"case {number} (from {name}), {command}"
            runs = {}
            for cache in ("no-cache", "cold", "warm"):
                args = [a.replace("{cache}", cache) for a in template]
                flag = ["--no-cache"] if cache == "no-cache" else []
                runs[cache] = _run([*args, *flag], work, env, f"{what}, {cache}")
            for cache in ("cold", "warm"):
                assert runs[cache].code == runs["no-cache"].code, f"{what}, {cache}"
                assert runs[cache].stdout.replace(cache, "no-cache") == runs["no-cache"].stdout
                if "--out" in template:
                    made = _outputs(work / "out" / cache)
                    assert made == _outputs(work / "out" / "no-cache"), f"{what}, {cache}"
                    compared += len(made)
        for command, args in EDITORS.items():
            _run(args, work, env, f"case {number} (from {name}), {command}")
        assert _outside(work) == before, f"case {number} (from {name}): wrote outside"
    assert compared > COMMAND_CASES * 10
