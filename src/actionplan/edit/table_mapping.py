"""The `--map FIELD=COLUMN` mapping of `record --table`: which column of a published table
holds each field, with only a title mapped when the table has no id column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from actionplan.errors import ActionplanError

FIELDS = (
    "id",
    "title",
    "value",
    "previous",
    "target",
    "status",
    "note",
    "directorate",
    "direction",
    "unit",
    "trend",
)
REQUIRED = ("value",)


@dataclass(frozen=True)
class Mapping:
    """Which column of the table holds each field."""

    columns: dict[str, str]

    @classmethod
    def parse(cls, items: Sequence[str], *, create: bool) -> Mapping:
        columns: dict[str, str] = {}
        for item in items:
            name, equals, column = item.partition("=")
            name, column = name.strip().lower(), column.strip()
            if not equals or not column:
                raise ActionplanError(f"--map {item!r}: write FIELD=COLUMN, e.g. id=Indicator")
            if name not in FIELDS:
                raise ActionplanError(
                    f"--map {item!r}: unknown field {name!r}: the fields are {', '.join(FIELDS)}"
                )
            if name in columns:
                raise ActionplanError(f"--map: {name} is mapped twice: keep one")
            columns[name] = column
        needed = [*REQUIRED, "title"] if create else list(REQUIRED)
        if "title" not in columns:
            needed.insert(0, "id")  # with only a title, ids are made from the titles
        missing = [name for name in needed if name not in columns]
        if missing:
            raise ActionplanError(
                f"--map: no column for {', '.join(missing)}: add --map {missing[0]}=COLUMN"
                + (" (--create writes the title of each new file)" if "title" in missing else "")
            )
        return cls(columns)

    @property
    def ids_from_titles(self) -> bool:
        """No id column, or the id column is the title column: each id is its title's slug."""
        return self.columns.get("id", self.columns.get("title")) == self.columns.get("title")
