"""Each lead's chase list as text for a terminal, as a Markdown note ready to paste into an
e-mail, and as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from actionplan.domain.words import plural
from actionplan.judge.due import Owed
from actionplan.output.terminal import json_safe

NO_LEAD = "No lead named"


@dataclass(frozen=True)
class Item:
    """One thing owed, with the indicator and the file to edit."""

    indicator_id: str
    title: str
    path: str
    owed: Owed


@dataclass
class ChaseList:
    as_of: date
    by: date
    leads: dict[str, list[Item]] = field(default_factory=dict)

    @property
    def items(self) -> int:
        return sum(len(items) for items in self.leads.values())


def text(chase: ChaseList) -> str:
    if not chase.leads:
        return f"Nothing is owed by {chase.by} (as of {chase.as_of}).\n"
    lines = [f"Owed by {chase.by} (as of {chase.as_of}): {_counted(chase)}", ""]
    for lead, items in chase.leads.items():
        lines.append(f"{lead} ({plural(len(items), 'item')})")
        for path, group in _by_file(items):
            lines.append(f"  {path}  {group[0].title}")
            lines += [f"    - {item.owed.text}" for item in group]
        lines.append("")
    return "\n".join(lines)


def markdown_note(lead: str, items: list[Item], chase: ChaseList) -> str:
    """One lead's note: what is owed before the committee, each item with its file."""
    lines = [
        f"# Owed by {chase.by}: {lead}",
        "",
        f"Before the committee on {chase.by}, {'this is' if len(items) == 1 else 'these are'} "
        f"still needed (as of {chase.as_of}):",
        "",
    ]
    for path, group in _by_file(items):
        lines.append(f"## {_md(group[0].title)}")
        lines.append("")
        lines += [f"- {_md(item.owed.text)}" for item in group]
        lines += ["", f"File to edit: `{path}`", ""]
    return "\n".join(lines)


def markdown(chase: ChaseList) -> str:
    if not chase.leads:
        return f"Nothing is owed by {chase.by} (as of {chase.as_of}).\n"
    return "\n".join(markdown_note(lead, items, chase) for lead, items in chase.leads.items())


def as_json(chase: ChaseList) -> str:
    document = {
        "as_of": chase.as_of.isoformat(),
        "by": chase.by.isoformat(),
        "items": chase.items,
        "leads": [
            {
                "lead": lead,
                "items": [
                    {
                        "id": item.indicator_id,
                        "title": item.title,
                        "path": item.path,
                        "kind": item.owed.kind,
                        "text": item.owed.text,
                        "due": item.owed.due.isoformat() if item.owed.due else None,
                    }
                    for item in items
                ],
            }
            for lead, items in chase.leads.items()
        ],
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _counted(chase: ChaseList) -> str:
    return f"{plural(chase.items, 'item')} for {plural(len(chase.leads), 'lead')}"


def _by_file(items: list[Item]) -> list[tuple[str, list[Item]]]:
    grouped: dict[str, list[Item]] = {}
    for item in items:
        grouped.setdefault(item.path, []).append(item)
    return list(grouped.items())


def _md(text: str) -> str:
    """Text as Markdown shows it literally (its own emphasis, links and tags are not acted on),
    still easy to read where the note is pasted as plain text."""
    return "".join("\\" + c if c in "\\`*_[]<>" else c for c in text)
