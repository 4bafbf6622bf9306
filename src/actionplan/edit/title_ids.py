"""Ids for a table that has none, made from its titles; and files found by their title.

The slug is documented in docs/editing.md and must never change, since the same title has
to give the same id every quarter: letters folded to lower-case ASCII (accents dropped, `&`
read as `and`), every other run of characters one `-`, trimmed of `-` at either end, cut at
the last `-` within 60 characters. `Percentage of Council Tax collected` is
`percentage-of-council-tax-collected`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

SLUG_LENGTH = 60
_OTHER = re.compile(r"[^a-z0-9]+")


def title_slug(title: str) -> str:
    """The id a title gives; empty when the title has no letter or digit."""
    text = unicodedata.normalize("NFKD", title.replace("&", " and "))
    text = text.encode("ascii", "ignore").decode().lower()
    slug = _OTHER.sub("-", text).strip("-")
    if len(slug) > SLUG_LENGTH:
        cut = slug[: SLUG_LENGTH + 1].rfind("-")
        slug = slug[: cut if cut > 0 else SLUG_LENGTH].strip("-")
    return slug


def title_key(title: str) -> str:
    """A title as it is matched to a file's: case and spacing folded."""
    return " ".join(title.split()).casefold()


def files_by_title(files: Iterable[tuple[str, Path]]) -> dict[str, list[Path]]:
    """Each title's files (more than one when two files share a title)."""
    found: dict[str, list[Path]] = {}
    for title, path in files:
        found.setdefault(title_key(title), []).append(path)
    return found
