"""The website's pages as template variables: the index (counts by status, overall and per
theme), a page per theme (its scorecard) and a page per indicator (chart, figures, status,
travel, SPC, drafted evidence and action plan), all from the report's model, rows and charts.

Every page is a pure function of the files and the date, so an unchanged indicator gives the
same bytes and is not rewritten. Only the index names the date: the other pages change when
their own figures or plan do. A public site leaves out leads' names and internal plans.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from actionplan.domain.models import Settings
from actionplan.output.documents.context import PlanDocument, context, day
from actionplan.output.documents.files import output_name
from actionplan.output.report.entries import Entry
from actionplan.output.report.model import Report
from actionplan.output.report.variables import chart, row, status_bar
from actionplan.output.site.figures import figures_csv

INDEX = "index.html"
# What a public site leaves out of a plan beside the leads: `who` names the people responsible.
PUBLIC_BLANK_SECTIONS = ("who",)


@dataclass(frozen=True)
class Page:
    template: str  # under the templates' `site/` folder
    # Made when the page is laid out, and let go once it is written: a site of thousands of
    # indicators never holds every chart at once.
    variables: Callable[[], dict[str, Any]]


@dataclass
class SitePages:
    """Every page (file name -> template and variables) and the data files beside them (file
    name -> the function that makes the file)."""

    pages: dict[str, Page] = field(default_factory=dict)
    data: dict[str, Callable[[], str]] = field(default_factory=dict)


def indicator_page(indicator_id: str) -> str:
    return "indicator-" + output_name(indicator_id, "html")


def indicator_csv(indicator_id: str) -> str:
    return indicator_page(indicator_id).removesuffix(".html") + ".csv"


def theme_pages(names: list[str]) -> dict[str, str]:
    """Each theme (folder) its page's name: letters and digits, unique among the themes."""
    pages: dict[str, str] = {}
    for name in names:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "theme"
        page, number = f"theme-{slug}.html", 1
        while page in pages.values():
            number += 1
            page = f"theme-{slug}-{number}.html"
        pages[name] = page
    return pages


def site_pages(report: Report, settings: Settings, *, public: bool = False) -> SitePages:
    folders = report.folders()
    themes = theme_pages(list(folders))
    common = {"organisation": report.organisation, "public": public}
    site = SitePages()
    index = {
        **common,
        "as_of": day(report.as_of),
        "total": len(report.entries),
        "counts": status_bar(report.counts()),
        "themes": [
            {
                "name": report.folder_names.get(name, name),
                "href": themes[name],
                "total": len(entries),
                "counts": status_bar(report.counts(entries)),
            }
            for name, entries in folders.items()
        ],
    }
    site.pages[INDEX] = Page("index.html.j2", partial(dict, index))
    for name, entries in folders.items():
        # The page's file keeps the folder's own name; the page shows the name a person reads.
        theme = {"name": report.folder_names.get(name, name), "href": themes[name]}
        rows = [_row(e, public) for e in entries]
        variables = {**common, "theme": theme, "rows": rows}
        variables["counts"] = status_bar(report.counts(entries))
        site.pages[themes[name]] = Page("theme.html.j2", partial(dict, variables))
        for entry in entries:
            made = partial(_indicator, entry, settings, report, public, {**common, "theme": theme})
            site.pages[indicator_page(entry.indicator.id)] = Page("indicator.html.j2", made)
            site.data[indicator_csv(entry.indicator.id)] = partial(figures_csv, entry, report.as_of)
    return site


def _row(entry: Entry, public: bool) -> dict[str, Any]:
    said = row(entry, "")
    said["href"] = indicator_page(entry.indicator.id)
    if public:
        said["lead"] = ""
    return said


def _indicator(
    entry: Entry, settings: Settings, report: Report, public: bool, page: dict[str, Any]
) -> dict[str, Any]:
    indicator = entry.indicator
    plan = indicator.action_plan
    withheld = public and plan is not None and plan.internal
    document = None
    if plan is not None and not withheld:
        document = context(PlanDocument(entry.path, entry.assessment), settings, report.as_of)
        if document["performance_from_data"]:
            document["performance"] = entry.sentence
        if public:
            document["strategic_director_lead"] = document["departmental_lead"] = ""
            document["sections"] = {
                name: "" if name in PUBLIC_BLANK_SECTIONS else text
                for name, text in document["sections"].items()
            }
    return {
        **page,
        "row": _row(entry, public),
        "title": indicator.title,
        "description": indicator.description or "",
        "strategic_director_lead": "" if public else indicator.strategic_director_lead or "",
        "chart": chart(entry, 0, report.as_of),
        "csv": indicator_csv(indicator.id),
        "plan": document,
        "plan_withheld": withheld,
        "needs_plan": entry.assessment.plan is not None,
    }
