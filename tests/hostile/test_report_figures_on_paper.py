"""A chart's table of figures in the Word and PDF report lists the latest 36 periods, and says
so and where every figure is: Typst holds about 80 KB a row while it typesets, so one indicator
of 12,000 figures took 1 GB. The HTML report, which a reader scrolls, keeps every figure; an
indicator of 36 figures or fewer has all of them on paper, as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.output.report.layout import PAPER_FIGURES, report_layout
from actionplan.output.report.model import build_report
from actionplan.output.report.parts import Table, Text
from actionplan.output.report.variables import context
from actionplan.workspace.store import load_workspace

AS_OF = date(2014, 6, 30)


def figures_table(tmp_path: Path, count: int) -> tuple[Table, list[str], int]:
    """The paper report's figures table for one indicator of `count` monthly figures (the last
    June 2014), the small texts before it, and the rows the HTML templates see."""
    months = [(2014 * 12 + 5 - n) for n in reversed(range(count))]
    rows = "".join(f"  - period: {m // 12}-{m % 12 + 1:02d}\n    value: {n}\n"
                   for n, m in enumerate(months))  # fmt: skip
    (tmp_path / "one.yaml").write_text(
        "title: One\nunit: count\ndirection: higher\ntarget: 50\nfrequency: monthly\n"
        "measurements:\n" + rows
    )
    workspace = load_workspace([tmp_path])
    files = [(f.path, f.indicator) for f in workspace.files]
    variables = context(build_report(files, workspace.settings, AS_OF, roots=[tmp_path]))
    parts = report_layout(variables, AS_OF).parts
    at = next(n for n, p in enumerate(parts) if isinstance(p, Table) and "Figures" in p.caption)
    small = ["".join(r.text for r in p.runs) for p in parts[at - 3 : at] if isinstance(p, Text)]
    table = parts[at]
    assert isinstance(table, Table)
    return table, small, len(variables["folders"][0]["charts"][0].rows)


def test_a_long_series_lists_its_latest_36_on_paper_and_says_so(tmp_path: Path) -> None:
    table, small, every = figures_table(tmp_path, 100)
    periods = [r.cells[0][0].text for r in table.rows]
    assert PAPER_FIGURES == 36 and len(periods) == 36
    assert periods[0] == "2011-07" and periods[-1] == "2014-06"  # the latest, oldest first
    assert table.caption.endswith("(the latest 36)")
    assert small[-1] == (
        "The table gives the latest 36 of the 100 periods charted; the plan file, and the "
        "HTML and Markdown reports, give every figure."
    )
    assert every == 100  # what the HTML and Markdown templates list


@pytest.mark.parametrize("count", [1, 24, 36])
def test_a_series_of_36_or_fewer_is_listed_whole_without_a_note(tmp_path: Path, count: int) -> None:
    table, small, every = figures_table(tmp_path, count)
    assert len(table.rows) == every == count
    assert "latest" not in table.caption and not any("latest" in s for s in small)
