"""The Word report's chart pictures are drawn with a font Typst brings, never one of the
machine's, so the same plans give the same bytes on every machine."""

from __future__ import annotations

import pytest

from actionplan.output.report.chart_images import png_charts

pytestmark = pytest.mark.slow

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 260" width="720" height="260">'
    '<g font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="11">'
    '<text x="40" y="40">2014-04 617 against 993</text></g></svg>'
)


def test_chart_pictures_use_only_the_fonts_typst_brings() -> None:
    """Drawn as Typst draws them with none of the machine's fonts, so a machine with Arial,
    one with Liberation Sans and one with neither give the same bytes."""
    import typst

    from actionplan.output.report.chart_images import _SOURCE, PPI

    alone = typst.Compiler(ignore_system_fonts=True)
    expected = alone.compile(input=_SOURCE, format="png", ppi=PPI, sys_inputs={"chart": SVG})
    assert png_charts([SVG]) == [expected]
