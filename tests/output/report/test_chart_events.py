"""Events on every chart, in every format: a marked line with a short label, named in the
chart's text alternative and its figures table; and carried in `check --format json`."""

from __future__ import annotations

import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from support.paths import BENCHMARKS, BUNDLED_PLANS
from support.pdf import page_texts
from support.report_files import BUNDLED_AS_OF, write_report

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, write_tree

EVENTS = """events:
  - period: 2013-09
    text: New provider contract
  - period: 2014-02
    text: Winter pressures on the community teams
"""


def add_events(tree: Path, text: str) -> list[Path]:
    files = sorted(tree.rglob("*.yaml"))
    files = [f for f in files if f.name != "actionplan.yaml"]
    for path in files:
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four generated indicators, monthly from 2012/13 to March 2015, each with two events and
    the limits recalculated from April 2014."""
    root = tmp_path_factory.mktemp("events") / "plans"
    write_tree(root, 4)
    add_events(root, EVENTS + "spc:\n  recalculate_from: [2014-04]\n")
    return root


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg xmlns.*?</svg>", html, re.S)


def test_every_html_chart_marks_the_events_and_its_text_alternative_names_them(
    tree: Path, tmp_path: Path
) -> None:
    html = write_report(tree, "html", tmp_path, "--as-of", AS_OF).path.read_text("utf-8")
    charts = svgs(html)
    assert len(charts) == 4
    for chart in charts:
        assert chart.count('<g class="event">') == 3  # two events and the recalculation
        assert ">New provider contract</text>" in chart
        assert ">Winter pressures on…</text>" in chart  # the label is cut short
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart, re.S)
        assert (
            desc
            and "Events marked: 2013-09: New provider contract; 2014-02: Winter "
            "pressures on the community teams; 2014-04: Limits recalculated."
            in desc.group(1)
        )
    assert html.count('<th scope="col">Events</th>') == 4
    assert html.count("<td>New provider contract</td>") == 4


def test_markdown_charts_mark_the_events_and_their_alt_text_names_them(
    tree: Path, tmp_path: Path
) -> None:
    text = write_report(tree, "md", tmp_path, "--as-of", AS_OF).path.read_text("utf-8")
    alts = re.findall(r"!\[(Chart: [^\]]*)\]\((chart-[^)]*\.svg)\)", text)
    assert len(alts) == 4
    for alt, file in alts:
        assert "Events marked: 2013-09: New provider contract" in alt
        assert (tmp_path / file).read_text("utf-8").count('<g class="event">') == 3
    assert text.count("| Events |") == 4


def test_word_and_pdf_charts_name_the_events(tree: Path, tmp_path: Path) -> None:
    docx = write_report(tree, "docx", tmp_path / "w", "--as-of", AS_OF).path
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    described = re.findall(r'descr="(Chart: [^"]*)"', body)
    assert len(described) == 4
    assert all("Events marked: 2013-09: New provider contract" in d for d in described)
    assert body.count(">Winter pressures on the community teams<") == 4  # figures tables
    pdf = write_report(tree, "pdf", tmp_path / "p", "--as-of", AS_OF).path
    text = " ".join(" ".join(page_texts(pdf)).split())
    assert text.count("Events marked: 2013-09: New provider contract") == 4
    # The chart is drawn from the SVG as vectors: its labels are text on the page.
    assert text.count("Limits recalculated") >= 8


def test_the_bundled_plans_with_events_mark_them_and_their_plans(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(BUNDLED_PLANS, plans)
    add_events(plans, "events:\n  - period: 2014-04\n    text: Service moved to a new provider\n")
    html = write_report(plans, "html", tmp_path / "out", "--as-of", BUNDLED_AS_OF)
    charts = svgs(html.path.read_text("utf-8"))
    # Smoking quitters charts April 2014: the event and the plan for April are both on it.
    smoking = next(c for c in charts if "Smoking" in c)
    assert smoking.count('<g class="event">') == 2
    assert "2014-04: Service moved to a new provider; 2014-04: Action plan for 2014-04" in smoking
    # The opiate measure charts 2013 only: an event of April 2014 is after it, not on it.
    opiate = next(c for c in charts if "opiate users" in c)
    assert "Service moved" not in opiate
    assert "Action plan for 2013-01..2013-12" in opiate


def test_check_json_carries_the_events(tree: Path) -> None:
    result = CliRunner().invoke(
        app, ["check", str(tree), "--format", "json", "--as-of", AS_OF, "--no-cache"]
    )
    document = json.loads(result.stdout)
    events = document["indicators"][0]["events"]
    assert events == [
        {"period": "2013-09", "text": "New provider contract", "kind": "event"},
        {"period": "2014-02", "text": "Winter pressures on the community teams", "kind": "event"},
        {"period": "2014-04", "text": "Limits recalculated", "kind": "recalculation"},
    ]
