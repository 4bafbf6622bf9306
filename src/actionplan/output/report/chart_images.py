"""The report's SVG charts as PNG pictures, for Word (python-docx has no SVG picture).

Typst draws them: it already typesets the PDF, reads SVG and writes PNG, and installs with pip
alone. On the 300 charts of a generated report it took 8 ms of processor time a chart, against
18 for CairoSVG (which also needs the Cairo system library) and 32 for resvg-py
(`benchmarks/compare_chart_images.py`). Each chart is its own compilation: the processor time
is the same as in batches, and Typst keeps the pictures of its last few compilations in memory,
so one chart at a time holds the memory at about 80 MB where 25 at a time took 570 MB.

The pictures are drawn with the fonts Typst carries inside its package (its text falls back to
Libertinus Serif), never the machine's: Arial on one machine and Liberation Sans on another
would give different bytes for the same plans.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

from actionplan.errors import ActionplanError
from actionplan.output.report.charts import HEIGHT, WIDTH

# Drawn 170 mm wide (about a page's text width) at 150 pixels an inch: sharp in print,
# about 30 KB a chart.
WIDTH_MM = 170
PPI = 150

_SOURCE = f"""
#set page(width: {WIDTH_MM}mm, height: {WIDTH_MM * HEIGHT / WIDTH:.3f}mm, margin: 0pt, fill: white)
#image(bytes(sys.inputs.chart), format: "svg", width: 100%, height: 100%)
""".encode()


def png_charts(
    svgs: Sequence[str], progress: Callable[[int, int], None] | None = None
) -> list[bytes]:
    """One PNG per SVG chart, in order."""
    pictures = PngCharts(len(svgs), progress)
    return [pictures.draw(svg) for svg in svgs]


class PngCharts:
    """Charts drawn as pictures one at a time, as a document comes to each: one that stores
    each picture as it comes never holds them all, nor their SVG. `total` is how many there
    will be, for `progress`."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None = None) -> None:
        import typst

        self._compiler = typst.Compiler(ignore_system_fonts=True)
        self._total = total
        self._progress = progress
        self._number = 0

    def draw(self, svg: str) -> bytes:
        import typst

        self._number += 1
        number = self._number
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the chart's families, which Typst lacks
                # The source is given on each call: typst 0.15 keeps a source given to the
                # compiler itself for its first compilation only.
                png = self._compiler.compile(
                    input=_SOURCE, format="png", ppi=PPI, sys_inputs={"chart": svg}
                )
        except typst.TypstError as error:
            raise ActionplanError(
                f"chart {number} could not be drawn as a picture: {error}"
            ) from None
        if not isinstance(png, bytes):
            raise ActionplanError(f"chart {number}: Typst drew no picture")
        if self._progress:
            self._progress(number, self._total)
        return png
