"""The Performance Action Plan template as data: its title, instruction, sections, guidance lines
and two-column field tables, filled from a document context (`documents.context`).

The Word and PDF writers lay out this one structure, so the template's wording lives here once
for both, as `plan.md.j2` and `plan.html.j2` hold it for Markdown and HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from actionplan.output.documents.markdown_blocks import (
    Block,
    Paragraph,
    Run,
    as_data,
    clean,
    markdown_blocks,
    runs_data,
    text_blocks,
)

INSTRUCTION = (
    Run("This template is to be completed for ALL measures showing "),
    Run("RED", bold=True),
    Run(" status of non-compliance against the specified target reported."),
)
NOTICE = (
    Run("No action plan has been written for this RED measure yet.", bold=True),
    Run(
        " The overview and current figures are filled in from the data; the departmental lead "
        "completes the rest."
    ),
)
SITUATION_GUIDANCE = (
    "Detail what the performance is for this measure and reason/s for non-compliance"
)
ACTIONS_GUIDANCE = (
    "This describes what's necessary or how to achieve a 'green' score. This way everyone is "
    "clear on what is required and when; knows the expected outcome and how to achieve it."
)
TODO = Paragraph((Run("To be completed.", italic=True),))


@dataclass(frozen=True)
class Field:
    label: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Section:
    heading: str
    guidance: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class PlanLayout:
    title: str  # the document's title, as its properties and a reader's window show it
    organisation: str
    heading: str
    instruction: tuple[Run, ...]
    notice: tuple[Run, ...]  # for a blank form; empty otherwise
    sections: tuple[Section, ...]
    footer: str
    as_of: date | None


def plan_layout(context: Mapping[str, Any]) -> PlanLayout:
    """The template filled from one document's context."""
    title = clean(context["title"])
    organisation = clean(context["organisation"])
    # A committee reads the date of the figures; the file and the id are the officer's (a
    # custom template can still show `source` and `id`).
    footer = f"Figures as known on {context['as_of']}."
    by = f" \N{EN DASH} {organisation}" if organisation else ""  # as the HTML page's <title>
    return PlanLayout(
        title=f"Performance Action Plan: {title}{by}",
        organisation=organisation,
        heading=clean(context["heading"]),
        # A form still to fill says what it is for; a filled plan needs no instruction.
        instruction=INSTRUCTION if context["blank"] else (),
        notice=NOTICE if context["blank"] else (),
        sections=(_overview(context), _situation(context), _actions(context)),
        footer=clean(footer),
        as_of=context.get("as_of_date"),
    )


def _field(label: str, blocks: list[Block], empty: str | None = None) -> Field:
    if blocks:
        return Field(label, tuple(blocks))
    return Field(label, (Paragraph((Run(empty),)),) if empty else (TODO,))


def _overview(context: Mapping[str, Any]) -> Section:
    return Section(
        "INDICATOR OVERVIEW",
        "",
        (
            _field("Indicator Title", text_blocks(context["title"])),
            _field("Strategic Director Lead", text_blocks(context["strategic_director_lead"])),
            _field("Departmental Lead", text_blocks(context["departmental_lead"])),
            _field("Target", text_blocks(context["target"]), empty="No target set"),
        ),
    )


def _situation(context: Mapping[str, Any]) -> Section:
    sections = context["sections"]
    return Section(
        "CURRENT SITUATION",
        SITUATION_GUIDANCE if context["guidance"] else "",
        (
            Field("Performance this Period", tuple(_performance(context))),
            _field("Non-compliance reason", markdown_blocks(sections["non_compliance_reason"])),
        ),
    )


def _performance(context: Mapping[str, Any]) -> list[Block]:
    blocks = text_blocks(context["performance"])
    status = Run(clean(context["status"]), bold=True, status=context["status_key"])
    blocks.append(Paragraph((Run("Status: "), status)))
    comparators = context["figures"].get("comparators") or {}
    if comparators:
        text = "; ".join(f"{name} {value}" for name, value in comparators.items())
        blocks.append(Paragraph((Run(clean(f"Compared with: {text}")),)))
    return blocks


def _actions(context: Mapping[str, Any]) -> Section:
    sections = context["sections"]
    return Section(
        "ACTIONS",
        ACTIONS_GUIDANCE if context["guidance"] else "",
        (
            _field("What (is required)", markdown_blocks(sections["what"])),
            _field("How (will it be achieved)", markdown_blocks(sections["how"])),
            _field("Who (will be responsible)", text_blocks(sections["who"])),
            _field("When (will results be realised)", text_blocks(sections["when"])),
        ),
    )


def layout_data(layout: PlanLayout) -> dict[str, Any]:
    """The layout as JSON-ready data, for a PDF template."""
    return {
        "title": layout.title,
        "organisation": layout.organisation,
        "heading": layout.heading,
        "instruction": runs_data(layout.instruction),
        "notice": runs_data(layout.notice),
        "sections": [
            {
                "heading": s.heading,
                "guidance": s.guidance,
                "fields": [{"label": f.label, "blocks": as_data(list(f.blocks))} for f in s.fields],
            }
            for s in layout.sections
        ],
        "footer": layout.footer,
    }
