"""Reading PDFs back with poppler (text by page, document information, pages as images), and
whether Typst here lays text out with Arial's metrics, on which page counts depend."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support.external import need


def arial_metrics() -> bool:
    """Whether Typst finds Arial or Liberation Sans here; skips (fails in CI) when not."""
    import typst

    if {"Arial", "Liberation Sans"} & set(typst.Fonts().families()):
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("neither Arial nor Liberation Sans: .ci/run installs fonts-liberation")
    pytest.skip("the page counts are for Arial metrics (apt-get install fonts-liberation)")


def poppler(program: str, *args: str | Path) -> str:
    """A poppler tool's output (its stderr is left out: some versions complain there about
    PDF features they do not know)."""
    done = subprocess.run(
        [need(program, "poppler-utils"), *map(str, args)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout.decode("utf-8")


def page_texts(pdf: Path) -> list[str]:
    return poppler("pdftotext", pdf, "-").split("\f")[:-1]


def info(pdf: Path) -> dict[str, str]:
    lines = poppler("pdfinfo", pdf).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def ink_share(pgm: bytes) -> float:
    """The share of a greyscale page's pixels that are not white."""
    fields = pgm.split(maxsplit=4)  # P5, width, height, maxval, pixels
    pixels = fields[4]
    return sum(1 for value in pixels if value < 200) / len(pixels)
