"""The measurement behind drawing the Word report's charts as PNG with Typst: the SVG charts of
a generated 300-indicator report converted to PNG (about 1,000 pixels wide) by Typst (what
actionplan uses) and by each other converter that is installed, timed in processor seconds (the
machines these run on are shared, so wall time says little), with the process's peak memory
afterwards. Each converter runs in a process of its own. The others are not dependencies:
install them in a scratch venv beside actionplan to compare.

    pip install cairosvg resvg-py && python benchmarks/compare_chart_images.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_report_tree import AS_OF, write_tree

WIDTH_PX = 1004  # the width Typst draws at: 170 mm at 150 pixels an inch

CONVERTERS = {
    "Typst (typst package, chosen)": (
        "typst",
        """
from actionplan.output.report.chart_images import png_charts
pictures = png_charts(svgs)
""",
    ),
    "CairoSVG (pip, and the Cairo system library)": (
        "cairosvg",
        f"""
import cairosvg
pictures = [cairosvg.svg2png(bytestring=s.encode(), output_width={WIDTH_PX}) for s in svgs]
""",
    ),
    "resvg-py (pip)": (
        "resvg_py",
        f"""
import resvg_py
pictures = [bytes(resvg_py.svg_to_bytes(svg_string=s, width={WIDTH_PX})) for s in svgs]
""",
    ),
}
HARNESS = """
import json, resource, sys, time
svgs = json.load(open(sys.argv[1]))
start = time.process_time()
{body}
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
size = sum(len(p) for p in pictures) / len(pictures) / 1024
print(json.dumps([seconds, peak, size, pictures[0][:8] == b"\\x89PNG\\r\\n\\x1a\\n"]))
"""


def charts(count: int, work: Path) -> list[str]:
    from actionplan.output.report.model import build_report
    from actionplan.output.report.variables import context
    from actionplan.workspace.store import load_workspace

    tree = work / "tree"
    write_tree(tree, count)
    workspace = load_workspace([tree])
    report = build_report([(f.path, f.indicator) for f in workspace.files], workspace.settings,
                          date.fromisoformat(AS_OF), roots=[tree])  # fmt: skip
    variables = context(report)
    return [str(c.svg) for folder in variables["folders"] for c in folder["charts"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--charts", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="actionplan-chart-images-") as temp:
        source = Path(temp) / "charts.json"
        source.write_text(json.dumps(charts(args.charts, Path(temp))), encoding="utf-8")
        print(f"| converter | processor time, {args.charts} charts | per chart | peak memory "
              "| PNG size |")  # fmt: skip
        print("|---|---:|---:|---:|---:|")
        for name, (module, body) in CONVERTERS.items():
            if importlib.util.find_spec(module) is None:
                print(f"| {name} | not installed here | | | |")
                continue
            done = subprocess.run(
                [sys.executable, "-c", HARNESS.format(body=body), str(source)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            seconds, peak, size, png = json.loads(done.stdout)
            assert png, name
            print(f"| {name} | {seconds:.2f} s | {1000 * seconds / args.charts:.0f} ms | "
                  f"{peak:.0f} MiB | {size:.0f} KB |")  # fmt: skip


if __name__ == "__main__":
    main()
