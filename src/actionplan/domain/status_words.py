"""Published statuses in a council's own words: the settings' `statuses:` map (`On target`,
`G`, `Off track`, `✓`, an icon's alt text) read case-insensitively, before the status names
the tool knows. One function for every place a published status is read: plan files, `check`
and tables being recorded."""

from __future__ import annotations

from collections.abc import Mapping

from actionplan.domain.statuses import Status

StatusWords = Mapping[str, Status]

# Letters and words every council's tables use, whatever its settings say.
_ALIASES = {"R": "RED", "A": "AMBER", "G": "GREEN", "B": "BLUE", "M": "NO DATA"}


def word_key(word: object) -> str:
    """A published word as it is looked up: spaces and underscores as single spaces, case
    folded, so `On Target`, `on  target` and `ON_TARGET` are one word."""
    return " ".join(str(word).replace("_", " ").split()).casefold()


def status_words(mapping: Mapping[str, object]) -> dict[str, Status]:
    """A council's map of words to statuses, keyed as `published_status` looks them up; each
    status given as the tool names it (`GREEN`, `G`, `no data`)."""
    return {word_key(word): known_status(status) for word, status in mapping.items()}


def published_status(value: object, words: StatusWords | None = None) -> Status:
    """The status a published word means: the council's own words first (so a council whose
    "Blue" means on track maps it to GREEN), then the statuses and letters the tool knows."""
    if isinstance(value, Status):
        return value
    if words:
        found = words.get(word_key(value))
        if found is not None:
            return found
    return known_status(value)


def known_status(value: object) -> Status:
    """A status by the name the tool gives it, or its letter (`R`, `A`, `G`, `B`, `M`)."""
    if isinstance(value, Status):
        return value
    text = " ".join(str(value).replace("_", " ").split()).upper()
    try:
        return Status(_ALIASES.get(text, text))
    except ValueError:
        raise ValueError(
            f"{value!r} is not a status: write RED, AMBER, GREEN, BLUE, NO TARGET or NO DATA"
        ) from None
