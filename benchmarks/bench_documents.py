"""Time `actionplan render` of 100 plans to Word (.docx) and to PDF.

The plans are the two seeds, copied 50 times each under new ids. Each figure is the median of
several runs of the installed command, as a user would run it, into a fresh --out folder.
With --compare, the PDF engines that were weighed against Typst are timed on the same plans:
Chromium printing each rendered HTML page (`chromium --headless --print-to-pdf`, one browser
start per page) and WeasyPrint (when `pip install weasyprint` has put it in this environment).

    python benchmarks/bench_documents.py
    python benchmarks/bench_documents.py --plans 100 --repeat 3 --compare
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "plans" / "public-health").glob("*.yaml"))
AS_OF = ["--as-of", "2014-07-31", "--no-cache"]


def actionplan() -> str:
    return shutil.which("actionplan") or str(Path(sys.executable).parent / "actionplan")


def make_plans(count: int, folder: Path) -> Path:
    plans = folder / "plans"
    plans.mkdir(parents=True)
    for number in range(count):
        seed = SEEDS[number % len(SEEDS)]
        (plans / f"{seed.stem}-{number:03d}.yaml").write_bytes(seed.read_bytes())
    return plans


def render(plans: Path, fmt: str, out: Path) -> None:
    args = [actionplan(), "render", str(plans), "--format", fmt, "--out", str(out), *AS_OF]
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(f"render failed ({done.returncode}): {done.stderr.decode()[-500:]}")


def median_time(run: Callable[[Path], None], work: Path, repeat: int) -> float:
    times = []
    for attempt in range(repeat):
        out = work / f"out-{time.monotonic_ns()}-{attempt}"
        start = time.perf_counter()
        run(out)
        times.append(time.perf_counter() - start)
        shutil.rmtree(out, ignore_errors=True)
    return statistics.median(times)


def chromium_pdfs(html: Path, out: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser is not None
    out.mkdir(parents=True)
    for page in sorted(html.glob("*.html")):
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={out / page.with_suffix('.pdf').name}", page.as_uri()],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
        )  # fmt: skip


def weasyprint_pdfs(html: Path, out: Path) -> None:
    from weasyprint import HTML  # type: ignore[import-not-found]

    out.mkdir(parents=True)
    for page in sorted(html.glob("*.html")):
        HTML(filename=str(page)).write_pdf(out / page.with_suffix(".pdf").name, pdf_tags=True)


def compare(plans: Path, work: Path, repeat: int, count: int) -> None:
    html = work / "html"
    render(plans, "html", html)
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        seconds = median_time(lambda out: chromium_pdfs(html, out), work, 1)
        print(f"{count} plans to PDF, Chromium print-to-pdf: {seconds:6.2f} s")
    else:
        print("Chromium: not installed, not timed")
    try:
        import weasyprint  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        print("WeasyPrint: not installed here, not timed")
        return
    seconds = median_time(lambda out: weasyprint_pdfs(html, out), work, repeat)
    print(f"{count} plans to PDF, WeasyPrint:             {seconds:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="also time the other engines")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="actionplan-bench-docs-") as temp:
        work = Path(temp)
        plans = make_plans(args.plans, work)
        for fmt, name in (("docx", "Word (.docx)"), ("pdf", "PDF (Typst)")):
            seconds = median_time(lambda out, f=fmt: render(plans, f, out), work, args.repeat)
            print(f"{args.plans} plans to {name + ':':<28} {seconds:6.2f} s")
        if args.compare:
            compare(plans, work, args.repeat, args.plans)


if __name__ == "__main__":
    main()
