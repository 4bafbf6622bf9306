"""`actionplan report` on the bundled plans and on a generated council-sized tree: counts,
exceptions, one chart per indicator, changes since a date, drafted evidence, Markdown output
and hostile text."""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.domain.models import Settings
from actionplan.judge.spc_limits import MIN_POINTS
from actionplan.output.report.model import build_report
from actionplan.workspace.store import load_workspace
from support.paths import BENCHMARKS, ROOT

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, SINCE, write_tree

runner = CliRunner()


@dataclass(frozen=True)
class Run:
    tree: Path
    out: Path
    exit_code: int
    html: str


@pytest.fixture(scope="module")
def tree57(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The 57-indicator tree reported once for the module (2 cores are shared)."""
    tree = tmp_path_factory.mktemp("tree57")
    write_tree(tree, 57)
    out = tmp_path_factory.mktemp("report57")
    args = ["report", str(tree), "--as-of", AS_OF, "--since", SINCE, "--out", str(out)]
    result = runner.invoke(app, [*args, "--no-cache"])
    return Run(tree, out, result.exit_code, (out / "report.html").read_text(encoding="utf-8"))


def summary_row(html: str, name: str) -> list[int]:
    row = re.search(rf"<tr><th scope=\"row\">{re.escape(name)}</th>(.*?)</tr>", html)
    assert row, name
    return [int(n) for n in re.findall(r"<td>(\d+)</td>", row[1])]


def test_counts_of_the_57_indicator_tree(tree57: Run) -> None:
    head = re.search(r"<caption>Indicators by status</caption>\s*<thead>(.*?)</thead>", tree57.html)
    assert head is not None
    assert re.findall(r'<th scope="col">([A-Z ]+)</th>', head[1]) == [
        "RED", "AMBER", "GREEN", "NO DATA", "NO TARGET",
    ]  # fmt: skip
    assert summary_row(tree57.html, "All") == [11, 12, 32, 1, 1, 57]
    folders = [summary_row(tree57.html, f) for f in ("Adult Care", "Children", "Environment")]
    assert sum(f[-1] for f in folders) + summary_row(tree57.html, "Public Health")[-1] == 57


def test_eleven_exceptions_and_one_chart_per_indicator(tree57: Run) -> None:
    assert tree57.html.count('<article class="exception"') == 11
    assert tree57.html.count("<strong>No action plan.</strong>") == 3
    assert tree57.html.count('<figure id="c') == 57
    assert tree57.html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 57
    assert "8 of 11 RED measures have a current, complete action plan." in tree57.html
    assert tree57.html.count("Lead Officer 52") >= 2  # named where the plan is missing
    assert tree57.exit_code == 1  # three RED measures lack a plan; the report is still written


def test_changes_since_the_last_committee(tree57: Run) -> None:
    section = tree57.html.split('id="changes"', 1)[1].split("</section>", 1)[0]
    kinds = re.findall(r'<tr class="change"><td>([^<]+)</td>', section)
    assert kinds == ["new RED"] * 3 + ["RED resolved"] * 2 + ["status changed"]
    assert "<td>GREEN</td><td>NO DATA</td>" in section
    plans = re.findall(r"<li>Plan (added|revised): ", section)
    assert sorted(plans) == ["added"] * 3 + ["revised"]


def test_report_on_the_bundled_plans(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["report", str(ROOT / "plans"), "--as-of", "2014-07-31", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert summary_row(html, "All") == [2, 0, 0, 0, 0, 2]
    assert html.count('<figure id="c') == 2
    assert html.count('<article class="exception"') == 2
    assert "Rebecca Mellor, Public Health" in html  # the plan's own words, laid out as render does
    assert "617 Wirral Wide April target is 993" in html
    assert "SPC needs 12 points; 1 so far" in html


def test_a_flat_series_is_reported_without_process_limits(tmp_path: Path) -> None:
    # Every moving range is 0: NHSRplotthedots has no limits to give (NaN), so neither do we.
    months = "\n".join(f"  - {{period: 2023-{m:02d}, value: 0}}" for m in range(1, 13))
    (tmp_path / "never-events.yaml").write_text(
        f"title: Never events\nunit: count\ndirection: lower\nmeasurements:\n{months}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["report", str(tmp_path), "--as-of", "2024-01-31", "--no-cache"])
    assert "Mean 0; no process limits (the figures do not vary)." in result.stdout, result.output


def test_markdown_writes_charts_beside_the_report(tmp_path: Path) -> None:
    tree = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", tree)
    out = tmp_path / "out"
    args = ["report", str(tree), "--format", "md", "--out", str(out), "--as-of", "2014-07-31"]
    result = runner.invoke(app, [*args, "--no-cache"])
    assert result.exit_code == 0, result.output
    text = (out / "report.md").read_text(encoding="utf-8")
    charts = sorted(p.name for p in out.glob("*.svg"))
    assert charts == ["chart-opiate-users-not-re-presenting.svg", "chart-smoking-quitters.svg"]
    for name in charts:
        assert f"]({name})" in text
        assert "<title" in (out / name).read_text(encoding="utf-8")
    assert "![Chart: Smoking quitters (4 weeks)" in text
    assert "## Exceptions: RED measures" in text


def test_markdown_needs_an_output_folder() -> None:
    result = runner.invoke(app, ["report", str(ROOT / "plans"), "--format", "md"])
    assert result.exit_code == 2
    assert "--out DIR" in result.output


def test_unreadable_file_is_reported_and_the_rest_still_are(tmp_path: Path) -> None:
    tree = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", tree)
    (tree / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(tree), "--as-of", "2014-07-31", "--no-cache"])
    assert result.exit_code == 2
    assert result.stdout.count('<figure id="c') == 2
    assert "Files that could not be read" in result.stdout
    assert "broken.yaml:" in result.stderr


def test_same_input_same_bytes(tree57: Run, tmp_path: Path) -> None:
    out = tmp_path / "again"
    args = ["report", str(tree57.tree), "--as-of", AS_OF, "--since", SINCE, "--out", str(out)]
    runner.invoke(app, args)
    assert (out / "report.html").read_text(encoding="utf-8") == tree57.html


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) for n in NUMBER.findall(text)}


def test_every_number_in_the_drafted_sentence_comes_from_the_file(tree57: Run) -> None:
    """A number is allowed when it is written in the file, is the gap between the latest
    figure and its target, counts points (at most the file's number of measurements), or is
    the number of points SPC needs."""
    workspace = load_workspace([tree57.tree])
    report = build_report(
        [(f.path, f.indicator) for f in workspace.files], workspace.settings, date(2015, 3, 31)
    )
    assert len(report.entries) == 57
    for entry in report.entries:
        text = entry.path.read_text(encoding="utf-8")
        allowed = numbers(text) | set(map(Decimal, range(len(entry.indicator.measurements) + 1)))
        allowed.add(Decimal(MIN_POINTS))
        reading = entry.assessment.reading
        if reading and reading.target is not None and reading.measurement.value is not None:
            allowed.add(abs(Decimal(repr(reading.measurement.value)) - reading.target))
        unexplained = numbers(entry.sentence) - allowed
        assert not unexplained, (entry.path.name, entry.sentence)


def test_drafted_sentence_names_gap_run_travel_and_signal(tree57: Run) -> None:
    html = tree57.html
    red = re.search(
        r'<tr class="evidence"><td colspan="9"><strong class="triage">([^<]*)</strong> '
        r"(88 for March 2015[^<]*)</td>",
        html,
    )
    assert red is not None
    triage, sentence = red[1], red[2]
    # A special cause concern below target (the triage rule `getting_worse`), above the
    # England comparator its file gives.
    assert triage == "Below target and getting worse: act now; above England."
    assert "against a target of 100: 12 below the target" in sentence
    assert re.search(r"below target for \d+ months in a row", sentence)
    assert re.search(r"special cause concern since \d{4}-\d\d: \d+ points below the mean", sentence)


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "</title><script>alert(2)</script>",
    "]]><svg onload=alert(3)>",
    "{{ 7*7 }}",
]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").lower().startswith("javascript:"):
                self.bad.append(f"{tag} {name}={value}")


def test_hostile_text_is_inert(tmp_path: Path) -> None:
    tree = tmp_path / "plans"
    tree.mkdir()
    for number, text in enumerate(HOSTILE):
        quoted = text.replace("'", "''")
        (tree / f"hostile-{number}.yaml").write_text(
            f"title: '{quoted}'\ndepartmental_lead: '{quoted}'\ndirection: higher\n"
            "target: 100\nmeasurements:\n"
            + "".join(f"  - {{period: 2014-{m:02d}, value: 50}}\n" for m in range(1, 13))
            + f"  - period: 2015-01\n    value: 40\n    comparators: {{'{quoted}': 60}}\n"
            f"action_plan:\n  period: 2015-01\n  performance: '{quoted}'\n"
            f"  non_compliance_reason: '{quoted}'\n  what: '{quoted}'\n  how: '{quoted}'\n"
            f"  who: '{quoted}'\n  when: '{quoted}'\n",
            encoding="utf-8",
        )
    result = runner.invoke(app, ["report", str(tree), "--as-of", "2015-02-28", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    html = result.stdout
    assert html.count('<article class="exception"') == len(HOSTILE)
    parser = Tags()
    parser.feed(html)
    assert parser.bad == []
    assert "{{ 7*7 }}" in html  # plan text is data, never template source
    md = tmp_path / "md"
    runner.invoke(app, ["report", str(tree), "--format", "md", "--out", str(md)])
    for svg in md.glob("*.svg"):
        parser = Tags()
        parser.feed(svg.read_text(encoding="utf-8"))
        assert parser.bad == [], svg.name


def test_custom_report_template(tmp_path: Path) -> None:
    templates = tmp_path / "mine"
    templates.mkdir()
    (templates / "report.html.j2").write_text(
        "<p>{{ total }} indicators; {{ red }} RED</p>\n", encoding="utf-8"
    )
    args = ["report", str(ROOT / "plans"), "--as-of", "2014-07-31", "--templates", str(templates)]
    result = runner.invoke(app, args)
    assert result.stdout == "<p>2 indicators; 2 RED</p>\n"


def test_report_settings_default() -> None:
    assert build_report([], Settings(), date(2015, 3, 31)).exit_code == 0
