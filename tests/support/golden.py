"""The two seed plans and the template documents they were written from: the words of each
field, for tests that check every word of a plan reaches a rendered document in order."""

from __future__ import annotations

import html
import re
from pathlib import Path

PLANS = ["smoking-quitters", "opiate-users-not-re-presenting"]
TITLES = {
    "smoking-quitters": "Smoking quitters (4 weeks)",
    "opiate-users-not-re-presenting": "Proportion of opiate users that left drug treatment "
    "successfully who do not represent to treatment within 6 months",
}
FIELD_LABELS = [
    "Indicator Title",
    "Strategic Director Lead",
    "Departmental Lead",
    "Target",
    "Performance this Period",
    "Non-compliance reason",
    "What (is required)",
    "How (will it be achieved)",
    "Who (will be responsible)",
    "When (will results be realised)",
]


def words(text: str) -> list[str]:
    """The words and figures of a text; a figure with thousands separators (1,900, as papers
    write it) is the figure a template wrote without them (1900)."""
    return re.findall(r"[A-Za-z0-9]+", re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text))


def seed_fields(path: Path) -> dict[str, str]:
    """Field label -> value from a tab-separated template export; a line that starts with a
    tab continues the field before it (the export breaks a field at a page break)."""
    fields: dict[str, str] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        label, _, value = line.partition("\t")
        if label in FIELD_LABELS:
            current = label
            fields[current] = value
        elif line.startswith("\t") and current:
            fields[current] += " " + value
        elif line.strip():
            current = None
    return {label: html.unescape(re.sub(r"<[^>]+>", " ", v)) for label, v in fields.items()}


def template_lines(path: Path) -> list[str]:
    """The template's own lines: title, instruction, and section headings with their guidance."""
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("\t") and line.split("\t")[0] not in FIELD_LABELS
    ]


def kept_template_lines(path: Path) -> list[str]:
    """The template's lines a filled plan keeps: its section headings (the title becomes the
    plan's own heading; the instruction and guidance go unless the settings keep them)."""
    return [line.split(":")[0] for line in template_lines(path)[2:]]


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))
