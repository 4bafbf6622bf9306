"""The measurement behind the .xlsx reader of `record --table`: a published KPI table (one row per
indicator, a percentage column formatted as %) of a few sizes, read whole by python-calamine and
by openpyxl in read-only mode, each in a fresh process (time and peak memory), and what each
gives for a cell that shows 53.6% (the stored 0.536, with or without its number format).

    pip install python-calamine openpyxl && python benchmarks/compare_xlsx_readers.py
"""

from __future__ import annotations

import importlib.util
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (60, 10_000, 100_000)
HEADER = ["Indicator", "Description", "Last quarter", "This quarter", "Target", "RAG status"]


def make(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("KPIs")
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append([f"CP{n}", f"Indicator number {n}", 0.52, 0.536, 0.55, "AMBER"])
    book.save(path)
    if rows == SIZES[0]:  # one cell formatted as a percentage, to see what each reader gives
        from openpyxl import load_workbook

        full = load_workbook(path)
        full["KPIs"]["D2"].number_format = "0.0%"
        full.save(path)


READERS = {
    "python-calamine": """
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(PATH).get_sheet_by_name("KPIs").to_python()
first = rows[1][3]
fmt = "(no number formats)"
""",
    "openpyxl (read-only)": """
from openpyxl import load_workbook
book = load_workbook(PATH, read_only=True, data_only=True)
rows = [[c for c in row] for row in book["KPIs"].iter_rows()]
first = rows[1][3].value
fmt = rows[1][3].number_format
book.close()
""",
}


def run(code: str, path: Path) -> tuple[float, float, str]:
    script = (
        "import resource, time\n"
        f"PATH = {str(path)!r}\n"
        "start = time.perf_counter()\n"
        f"{code}\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(elapsed, peak, repr(first), fmt, sep='|')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    elapsed, peak, first, fmt = out.stdout.strip().split("|")
    return float(elapsed), float(peak), f"{first} {fmt}"


def main() -> None:
    missing = [m for m in ("python_calamine", "openpyxl") if importlib.util.find_spec(m) is None]
    if missing:
        sys.exit(f"install {', '.join(missing)} first")
    with tempfile.TemporaryDirectory() as folder:
        for rows in SIZES:
            path = Path(folder) / f"kpis-{rows}.xlsx"
            started = time.perf_counter()
            make(path, rows)
            made = time.perf_counter() - started
            print(f"{rows:>7,} rows, {path.stat().st_size:>10,} bytes (written in {made:.2f} s)")
            for name, code in READERS.items():
                elapsed, peak, cell = run(code, path)
                shown = f"  D2 = {cell}" if rows == SIZES[0] else ""
                print(f"    {name:<22} {elapsed * 1000:>9.1f} ms  peak {peak:>6.0f} MB{shown}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process, which wrote the files: peak {own:.0f} MB)")


if __name__ == "__main__":
    main()
