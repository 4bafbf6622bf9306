"""The words a council's table uses besides its figures: status words (read through the
settings' `statuses:` map), the words that mean "no figure" (`Annual KPI`, `TBC`, `not yet
agreed`; more in the settings' `missing_words:`), and units, in a column of their own (`%`,
`days`, `£`) or inside the figure's cell (`12.5 days`). Such a word is read as the council
means it, never refused and never taken for 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actionplan.domain.figures import MISSING_WORDS
from actionplan.domain.settings import Settings
from actionplan.domain.status_words import StatusWords, word_key
from actionplan.domain.values import Unit

# Words councils print where a figure or a target is not given, besides `n/a`, `-` and blank.
TABLE_MISSING_WORDS = frozenset(
    {
        "tbc",
        "tbd",
        "not yet agreed",
        "not agreed",
        "annual kpi",
        "annual indicator",
        "annual measure",
        "not due",
        "not yet due",
        "not available",
        "not applicable",
        "awaiting data",
        "no target",
        "data only",
        "nil return",
    }
)

# A unit as tables write it, in a unit column or after a figure, and the plan file's unit.
_UNITS: dict[str, Unit] = {
    "%": "percent",
    "percent": "percent",
    "percentage": "percent",
    "per cent": "percent",
    "days": "days",
    "day": "days",
    "working days": "days",
    "£": "currency",
    "£k": "currency",
    "£m": "currency",
    "gbp": "currency",
    "number": "number",
    "no.": "count",
    "no": "count",
    "count": "count",
    "rate": "rate",
}
# Words that may follow a figure in its cell; `12.5 days` is 12.5 and days.
_AFTER = re.compile(r"^(?P<figure>.*?\d\.?)\s*(?P<unit>working days|days?|%)$", re.IGNORECASE)


@dataclass(frozen=True)
class TableWords:
    """How this workspace reads a table's words: from the settings."""

    statuses: StatusWords = field(default_factory=dict)
    missing: frozenset[str] = MISSING_WORDS | TABLE_MISSING_WORDS
    zero_target_is_none: bool = False

    @classmethod
    def of(cls, settings: Settings) -> TableWords:
        extra = frozenset(word_key(w) for w in settings.missing_words)
        return cls(
            settings.statuses,
            MISSING_WORDS | TABLE_MISSING_WORDS | extra,
            settings.zero_target_is_none,
        )

    def is_missing(self, text: str) -> bool:
        """The cell says there is no figure (`TBC`, `Annual KPI`), whatever its case."""
        return word_key(text) in self.missing or not text.strip()


def unit_word(text: str) -> Unit | None:
    """The plan file's unit for a unit cell (`%`, `days`, `£`); None for one not known."""
    return _UNITS.get(word_key(text))


def split_unit(text: str) -> tuple[str, Unit | None]:
    """A figure's text and the unit written after it: `12.5 days` is `12.5` and days; a
    leading `£` is the figure reader's, and the unit is currency."""
    stripped = text.strip()
    unit: Unit | None = "currency" if stripped.lstrip("+-").startswith("£") else None
    found = _AFTER.match(stripped)
    if found is None:
        return stripped, unit
    after = _UNITS.get(word_key(found["unit"]))
    if after == "percent":
        return stripped, after  # the figure reader takes `53.6%` as it is
    return found["figure"].strip(), after
