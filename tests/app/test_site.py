"""`actionplan site`: the pages it writes and what they link to, a rebuild rewriting only the
pages whose content changed, all or none, removing the pages of indicators that are gone, the
public site, safe plan text and the user's templates."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.workspace import file_sets
from support.paths import BENCHMARKS, ROOT

sys.path.insert(0, str(BENCHMARKS))
from make_report_tree import AS_OF, write_tree

PLANS = ROOT / "plans"


def build(*args: str, as_of: str = AS_OF) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["site", *args, "--as-of", as_of, "--no-cache"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a file rewritten (renamed into place) has
    another inode."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_site_has_an_index_a_page_per_theme_and_per_indicator(tmp_path: Path) -> None:
    code, said = build(str(PLANS), "--out", str(tmp_path / "out"))
    assert code == 0, said
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "actionplan-site.json",
        "index.html",
        "indicator-opiate-users-not-re-presenting.csv",
        "indicator-opiate-users-not-re-presenting.html",
        "indicator-smoking-quitters.csv",
        "indicator-smoking-quitters.html",
        "site.css",
        "site.js",
        "theme-public-health.html",
    ]
    index = (tmp_path / "out/index.html").read_text()
    assert "Wirral Council" in index and "31 March 2015" in index
    # The folder public-health is shown as a person reads it (title case; settings may name it)
    assert '<a href="theme-public-health.html">Public Health</a>' in index
    theme = (tmp_path / "out/theme-public-health.html").read_text()
    assert 'href="indicator-smoking-quitters.html"' in theme
    page = (tmp_path / "out/indicator-smoking-quitters.html").read_text()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page  # the report's chart
    assert "617 for April 2014 against a target of 993: 376 below the target" in page
    assert "Increase in Quit Dates Set" in page  # its action plan
    assert 'href="indicator-smoking-quitters.csv"' in page


def test_links_are_relative_so_the_site_works_from_a_folder_or_a_sub_path(
    tmp_path: Path,
) -> None:
    write_tree(tmp_path / "tree", 12)
    build(str(tmp_path / "tree"), "--out", str(tmp_path / "out"))
    for page in (tmp_path / "out").glob("*.html"):
        for link in re.findall(r'(?:href|src)="([^"]*)"', page.read_text()):
            if link.startswith("#") or link.startswith("http://www.w3.org/"):
                continue
            assert ":" not in link and not link.startswith("/"), (page.name, link)
            assert (tmp_path / "out" / link).is_file(), (page.name, link)


def test_figures_csv_holds_each_charted_figure_as_a_number(tmp_path: Path) -> None:
    build(str(PLANS), "--out", str(tmp_path))
    text = (tmp_path / "indicator-opiate-users-not-re-presenting.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [
        {"period": "2013-01..2013-12", "value": "7.37", "target": "10", "forecast": "",
         "spc": ""},
    ]  # fmt: skip


def test_an_unchanged_rebuild_rewrites_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path / "tree", 12)
    out = tmp_path / "out"
    build(str(tmp_path / "tree"), "--out", str(out))
    before = stamps(out)
    code, said = build(str(tmp_path / "tree"), "--out", str(out))
    assert code == 0
    assert "wrote 0 of" in said
    assert stamps(out) == before


def test_a_rebuild_after_one_file_changes_rewrites_only_the_pages_that_changed(
    tmp_path: Path,
) -> None:
    files = write_tree(tmp_path / "tree", 24)
    out = tmp_path / "out"
    build(str(tmp_path / "tree"), "--out", str(out))
    before = stamps(out)
    changed = files[0]  # GREEN, in public-health: its latest figure now misses by far
    text = changed.read_text()
    changed.write_text(text.replace("value: 104.0", "value: 50.0"))
    code, said = build(str(tmp_path / "tree"), "--out", str(out))
    assert code == 0
    after = stamps(out)
    rewritten = {name for name in after if before.get(name) != after[name]}
    assert rewritten == {
        "indicator-indicator-0000.html",
        "indicator-indicator-0000.csv",
        "theme-public-health.html",
        "index.html",  # the counts by status changed
    }
    assert f"wrote {len(rewritten)} of" in said


def test_pages_of_indicators_no_longer_there_are_removed_and_nothing_else(
    tmp_path: Path,
) -> None:
    files = write_tree(tmp_path / "tree", 12)
    out = tmp_path / "out"
    out.mkdir()
    (out / "CNAME").write_text("performance.example.org\n")  # the host's, not the site's
    build(str(tmp_path / "tree"), "--out", str(out))
    files[3].unlink()
    code, said = build(str(tmp_path / "tree"), "--out", str(out))
    assert code == 0
    assert "2 removed" in said
    assert not (out / "indicator-indicator-0003.html").exists()
    assert not (out / "indicator-indicator-0003.csv").exists()
    assert (out / "CNAME").read_text() == "performance.example.org\n"
    assert (out / "indicator-indicator-0002.html").exists()


def test_a_manifest_naming_other_files_removes_none_of_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plans.yaml").write_text("keep me\n")
    (out / "actionplan-site.json").write_text('{"files": ["plans.yaml", "../x.html"]}\n')
    build(str(PLANS), "--out", str(out))
    assert (out / "plans.yaml").read_text() == "keep me\n"


def test_the_changed_pages_are_written_all_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path / "tree", 12)
    out = tmp_path / "out"
    build(str(tmp_path / "tree"), "--out", str(out), as_of="2015-01-31")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    staged = file_sets.open_staged
    calls = []

    def disk_fills_up(path: Path, **kwargs: Path) -> BinaryIO:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return staged(path, **kwargs)

    monkeypatch.setattr(file_sets, "open_staged", disk_fills_up)
    code, said = build(str(tmp_path / "tree"), "--out", str(out))
    assert code == 2
    assert "nothing in it was changed" in said
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


PLAN = """\
title: Missed bins <script>alert(1)</script>
departmental_lead: Jo Bloggs, Head of Waste
strategic_director_lead: Pat Smith, Director of Place
unit: count
frequency: monthly
direction: lower
target: 100
measurements:
  - period: 2015-03
    value: 180
action_plan:
  period: 2015-03
  non_compliance_reason: A new round <img src=x onerror=alert(2)> [go](javascript:alert(3))
  what: Re-route the crews.
  how: Weekly reviews.
  who: Sam Crew, Waste Manager
  when: 2015/16 Q2
{internal}"""


def plan_site(tmp_path: Path, *args: str, internal: bool = False) -> str:
    tree = tmp_path / "tree"
    tree.mkdir(parents=True, exist_ok=True)
    (tree / "bins.yaml").write_text(PLAN.format(internal="  internal: true\n" if internal else ""))
    code, said = build(str(tree), "--out", str(tmp_path / "out"), *args)
    assert code == 0, said
    return "\n".join(p.read_text() for p in sorted((tmp_path / "out").glob("*.html")))


def test_plan_text_never_runs_in_a_page(tmp_path: Path) -> None:
    pages = plan_site(tmp_path)
    assert "<script>alert" not in pages and "<img" not in pages
    assert 'href="javascript:' not in pages and "[go](javascript:alert(3))" in pages
    assert "Missed bins &lt;script&gt;alert(1)&lt;/script&gt;" in pages


def test_public_site_leaves_out_leads_names(tmp_path: Path) -> None:
    private = plan_site(tmp_path / "a")
    public = plan_site(tmp_path / "b", "--public")
    for name in ("Jo Bloggs", "Pat Smith", "Sam Crew"):
        assert name in private
        assert name not in public
    assert "Re-route the crews." in public  # the plan itself is published


def test_public_site_leaves_out_plans_marked_internal(tmp_path: Path) -> None:
    private = plan_site(tmp_path / "a", internal=True)
    public = plan_site(tmp_path / "b", "--public", internal=True)
    assert "Re-route the crews." in private
    assert "Re-route the crews." not in public and "Weekly reviews." not in public
    assert "not published here" in public


def test_templates_can_be_copied_and_overridden(tmp_path: Path) -> None:
    code, _ = build("--init-templates", str(tmp_path / "mine"))
    assert code == 0
    index = tmp_path / "mine/site/index.html.j2"
    index.write_text(index.read_text().replace("<h1>Performance</h1>", "<h1>Our scores</h1>"))
    code, said = build(
        str(PLANS), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "mine")
    )
    assert code == 0, said
    assert "<h1>Our scores</h1>" in (tmp_path / "out/index.html").read_text()
    # The other templates are still the built-in ones.
    assert (
        "Increase in Quit Dates Set"
        in (tmp_path / "out/indicator-smoking-quitters.html").read_text()
    )


def test_site_needs_an_out_folder(tmp_path: Path) -> None:
    code, said = build(str(PLANS))
    assert code == 2
    assert "--out" in said


def readme_workflow() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Publishing the site", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_readme_workflow_runs_commands_and_options_that_exist() -> None:
    """Nothing in the workflow is run here; each `actionplan` line it holds names a command,
    and options, that `--help` lists."""
    lines = [
        line.split("run:", 1)[1].strip()
        for line in readme_workflow().splitlines()
        if line.strip().startswith("run: actionplan ")
    ]
    assert [line.split()[1] for line in lines] == ["check", "site"]
    for line in lines:
        words = line.split()
        result = CliRunner().invoke(app, [words[1], "--help"], terminal_width=200)
        assert result.exit_code == 0
        for option in (w for w in words if w.startswith("--")):
            assert option in result.output, (line, option)
    assert "--public" in readme_workflow() and "upload-pages-artifact" in readme_workflow()
