"""Times of the paths that used to grow with the square of their input: importing a long
document, checking a file with many unknown keys, recording many rows into one indicator.
Each size doubles the one before, so a linear path roughly doubles its time; a quadratic one
quadruples it. Then the time and peak memory of refusing a CSV over the row limit, just over
it and ten times over, given to `record --csv` and to `record --table`; and of `record --table`
given a workbook of a million rows: just over the row limit, with the size the sheet records
and without it (refused at the first row over), and at the limit (every row read, each a bad
row); a row of millions of cells and 100 MB of shared strings (each refused); and `record
--table --create` of 10,000 new indicators, then `record --csv` into all of them. Then the
peak memory of each command on the worst plan file and the worst document of each kind still
under every limit (`worst_inputs.py`). Last, `record --csv` given a CSV at
the row limit that is read to its end: every row for no known indicator, every row for one
of ten indicators (too many for a plan file), and the largest CSV every plan file takes
(25,000 figures for each of 40 indicators; minutes). Every command on a whole tree at the
limits of what one command reads is measured by `bench_tree_limits.py`.

    python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import peak_memory
from worst_inputs import DOCUMENTS, PLANS, write_plan

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.workbooks import (
    STRINGS_TYPE,
    numbered_rows,
    replace_part,
    shared_strings,
    wide_row,
    write_workbook,
)


def _long_document(rows: int) -> bytes:
    head = b"Indicator Title\tLong\nPerformance this Period\t617 (April 2014)\nWhat\t<p>start"
    body = b"".join(b"\n\t<p>and more about %d %s</p>" % (n, b"z" * 400) for n in range(rows))
    return head + body


def _unknown_keys(count: int) -> bytes:
    return b"title: T\n" + b"".join(b"k%d: 1\n" % n for n in range(count))


def _rows(count: int) -> bytes:
    """A CSV of `count` monthly figures for one indicator, from January 1001 on."""
    rows = (f"one,{1001 + n // 12}-{n % 12 + 1:02d},{n}\n" for n in range(count))
    return ("id,period,value\n" + "".join(rows)).encode()


def _seconds(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "actionplan", *args], cwd=cwd, capture_output=True, check=False
    )
    return time.perf_counter() - started


def _short_rows(path: Path, rows: int) -> None:
    """`rows` rows of 9 bytes: ten times the row limit is still under the size limit."""
    with path.open("w") as out:
        out.write("id,period,value\n")
        for _ in range(rows // 10_000):
            out.write("a,2014,6\n" * 10_000)


def _peak(args: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of one command."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "actionplan", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped above
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def _csv_over_the_row_limit(root: Path) -> None:
    plans = root / "limit" / "plans"
    plans.mkdir(parents=True)
    (plans / "a.yaml").write_text("title: A\nmeasurements:\n  - period: 2013\n    value: 5\n")
    table = ["record", "--period", "2014", "--map", "id=id", "--map", "value=value", "--table"]
    for over in (1, 10):
        rows = 1_000_000 * over + 10_000
        _short_rows(plans.parent / "rows.csv", rows)
        for name, args in (("record --csv", ["record", "--csv"]), ("record --table", table)):
            took, peak = _peak([*args, "rows.csv"], plans.parent)
            print(f"{name}, {rows:>10,} rows (limit 1,000,000): {took:.2f} s, peak {peak:.0f} MiB")


def _workbooks(root: Path) -> None:
    tree = root / "table"
    (tree / "plans").mkdir(parents=True)
    (tree / "plans" / "a.yaml").write_text("title: A\nmeasurements:\n  - period: 2014-04\n")
    args = ["record", "--period", "2014-05", "--map", "id=Indicator"]
    args += ["--map", "value=This quarter", "--table"]
    cases = [
        ("1,000,001 rows, size recorded", 1_000_000, "A1:C1000001"),
        ("1,000,001 rows, no size recorded", 1_000_000, None),
        ("1,000,000 rows (at the limit), no size recorded", 999_999, None),
    ]
    for label, rows, dimension in cases:
        book = tree / "big.xlsx"
        write_workbook(book, numbered_rows(rows), dimension=dimension)
        took, peak = _peak([*args, book.name], tree)
        print(f"record --table, {label}: {took:.1f} s, peak {peak:.0f} MiB")


def _wide_workbooks(root: Path) -> None:
    """A row of 3,000,000 cells, and 100 MB of shared strings: each refused."""
    tree = root / "wide"
    (tree / "plans").mkdir(parents=True)
    (tree / "plans" / "a.yaml").write_text("title: A\nmeasurements:\n  - period: 2014-04\n")
    args = ["record", "--period", "2014-05", "--map", "id=Indicator"]
    args += ["--map", "value=This quarter", "--table", "big.xlsx"]
    cases = [
        ("a row of 3,000,000 cells", "xl/worksheets/sheet1.xml", wide_row(3_000_000), None),
        (
            "5,000,000 shared strings (100 MB)",
            "xl/sharedStrings.xml",
            shared_strings(5_000_000),
            STRINGS_TYPE,
        ),
    ]
    for label, part, write, kind in cases:
        write_workbook(tree / "big.xlsx", [("Indicator", "This quarter"), ("a", 6)])
        replace_part(tree / "big.xlsx", part, write, kind)
        took, peak = _peak(args, tree)
        print(f"record --table, {label}: {took:.1f} s, peak {peak:.0f} MiB")


def _many_files(root: Path, count: int = 10_000) -> None:
    """`record --table --create` of `count` new indicators, then `record --csv` into them."""
    plans = root / "many" / "plans"
    plans.mkdir(parents=True)
    (plans / "actionplan.yaml").write_text("financial_year_start: 4\n")
    rows = "".join(f"K{n},Indicator {n},{n}\n" for n in range(count))
    (plans.parent / "kpis.csv").write_text("Indicator,Title,Value\n" + rows)
    args = ["record", "--period", "2014/15", "--create", "--direction", "higher", "--map"]
    args += ["id=Indicator", "--map", "title=Title", "--map", "value=Value", "--table"]
    took, peak = _peak([*args, "kpis.csv"], plans.parent)
    print(f"record --table --create, {count:,} new files: {took:.1f} s, peak {peak:.0f} MiB")
    rows = "".join(f"K{n},2015/16,{n + 1}\n" for n in range(count))
    (plans.parent / "in.csv").write_text("id,period,value\n" + rows)
    took, peak = _peak(["record", "--csv", "in.csv", "--allow-future"], plans.parent)
    print(f"record --csv into {count:,} files: {took:.1f} s, peak {peak:.0f} MiB")


def _monthly_rows(path: Path, rows: int, indicators: int) -> None:
    with path.open("w") as out:
        out.write("id,period,value\n")
        for n in range(rows):
            month = n // indicators + 1
            out.write(f"i{n % indicators},{1001 + month // 12}-{month % 12 + 1:02d},{n}\n")


def _csv_at_the_row_limit(root: Path) -> None:
    rows = 999_999  # with the header, the row limit exactly
    cases = [
        ("every row for no known indicator", 0),
        ("for 10 indicators, over the plan-file limits", 10),
        ("for 40 indicators, recorded", 40),
    ]
    for label, indicators in cases:
        plans = root / f"at-limit-{indicators}" / "plans"
        plans.mkdir(parents=True)
        for n in range(max(indicators, 1)):
            (plans / f"i{n}.yaml").write_text(f"title: I{n}\nmeasurements:\n  - period: 1000-01\n")
        if indicators:
            _monthly_rows(plans.parent / "rows.csv", rows, indicators)
        else:
            lines = (f"x{n},2014-05,{n}\n" for n in range(rows))
            (plans.parent / "rows.csv").write_text("id,period,value\n" + "".join(lines))
        # Months run centuries ahead: allowed, as the figure is of memory, not of dates.
        took, peak = _peak(["record", "--csv", "rows.csv", "--allow-future"], plans.parent)
        print(f"record --csv, {rows:,} rows {label}: {took:.1f} s, peak {peak:.0f} MiB")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rows in (1000, 2000, 4000):
            source = root / f"doc-{rows}.txt"
            source.write_bytes(_long_document(rows))
            size = source.stat().st_size / 2**20
            took = _seconds(["import", "--force", "--year", "2014/15", source.name], root)
            print(f"import, {rows:>6,} continued rows ({size:.1f} MB): {took:.2f} s")
        for count in (25_000, 50_000, 100_000):
            plans = root / f"keys-{count}"
            plans.mkdir()
            (plans / "keys.yaml").write_bytes(_unknown_keys(count))
            took = _seconds(["check", "--no-cache", plans.name], root)
            print(f"check, {count:>7,} unknown keys: {took:.2f} s")
        for count in (2500, 5000, 10_000):
            plans = root / f"rows-{count}" / "plans"
            plans.mkdir(parents=True)
            (plans / "one.yaml").write_text("title: One\nmeasurements:\n  - period: 1000-01\n")
            (plans.parent / "rows.csv").write_bytes(_rows(count))
            took = _seconds(["record", "--csv", "rows.csv"], plans.parent)
            print(f"record --csv, {count:>6,} rows into one indicator: {took:.2f} s")
        _csv_over_the_row_limit(root)
        _workbooks(root)
        _wide_workbooks(root)
        _many_files(root)
        worst_plans_memory(root / "worst-plans")
        worst_documents_memory(root / "worst-documents")
        _csv_at_the_row_limit(root)


def _peak_mib(args: list[str], cwd: Path) -> float:
    """The peak resident memory (MiB) of `actionplan ARGS` run in `cwd`."""
    command = [sys.executable, "-m", "actionplan", *args]
    here = Path.cwd()
    os.chdir(cwd)
    try:
        return peak_memory(command, dict(os.environ))
    finally:
        os.chdir(here)


_AS_OF = ["--as-of", "2014-06-30"]
_PLAN_COMMANDS = {
    "check": ["check", "--no-cache", *_AS_OF],
    "record": ["record", "worst", "2014-07", "6"],
    "new": ["new", "worst", *_AS_OF],
    **{
        f"{command} {form}": [command, "--no-cache", "-f", form, "--out", "out", *_AS_OF]
        for command in ("render", "report")
        for form in ("md", "html", "docx", "pdf")
    },
}


def worst_plans_memory(root: Path) -> None:
    """Each command's peak memory on the worst plan file of each kind."""
    for kind in PLANS:
        for name, args in _PLAN_COMMANDS.items():
            folder = root / f"{kind}-{name}".replace(" ", "-")
            write_plan(folder, kind)
            print(f"{name}, {kind}: peak {_peak_mib(args, folder):.0f} MiB")


def worst_documents_memory(root: Path) -> None:
    """`import`'s peak memory on the worst document of each kind."""
    root.mkdir()
    for kind, (name, make) in DOCUMENTS.items():
        make(root / name)
        peak = _peak_mib(["import", "--force", "--year", "2014/15", name], root)
        print(f"import, {kind}: peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
