"""Which way is better for a new indicator, from a table that has no direction column: from
its trend words (`Getting better` beside figures that rose means higher is better), or from a
published RED or AMBER status (such a figure falls short of its target, so the side it falls
on says). GREEN says nothing, since it may be within a band short of the target. A row that
nothing decides takes `--direction` when given, which never overrides what the table says.
"""

from __future__ import annotations

from actionplan.domain.statuses import Status
from actionplan.domain.values import Direction
from actionplan.edit.table_rows import Entry
from actionplan.errors import ActionplanError
from actionplan.output.wording import figure

_BETTER = frozenset({"better", "improved", "improving", "improvement", "positive"})
_WORSE = frozenset(
    {"worse", "worsened", "worsening", "declined", "declining", "deteriorated", "negative"}
)
_NOT = frozenset({"not", "no", "n/a"})


class DirectionClash(ActionplanError):
    """The row's trend word and published status point opposite ways: `field` names the
    cell to look at first (the trend's)."""

    field = "trend"


def trend_says(text: str | None) -> bool | None:
    """True for a trend word meaning better, False for worse, None for neither
    (`No change`, `Not improved`, an arrow)."""
    if text is None:
        return None
    words = set(text.casefold().replace("-", " ").split())
    if words & _NOT:
        return None
    better, worse = bool(words & _BETTER), bool(words & _WORSE)
    return better if better != worse else None


def direction_of(entry: Entry, default: Direction | None) -> tuple[Direction | None, str]:
    """The row's direction and why, for the file `--create` writes: the table's own column
    first, then what its trend and status show, then, for a row with a target, `default`.
    None for a row with no target that nothing decides; one with a target is refused."""
    if entry.direction is not None:
        return entry.direction, ""
    found = [found for found in (_from_trend(entry), _from_status(entry)) if found]
    if len({direction for direction, _ in found}) > 1:
        raise DirectionClash(_clash(entry, found[0][1], found[1][1]))
    if found:
        direction, why = found[0]
        return direction, f"direction: {direction}, inferred from the table: {why}."
    if entry.target is None:
        return None, ""  # nothing to judge it by yet: the direction is not guessed
    if default is not None:
        return default, f"direction: {default}, from --direction (nothing in the table says)."
    raise ActionplanError(
        f"the table gives {entry.id!r} a target but not whether higher or lower is better "
        "(only a trend word beside two figures, or a RED or AMBER status, shows it): map a "
        "column that says, --map direction=COLUMN (Higher or Lower), give --direction "
        "higher|lower for the rows the table does not decide, or create the file first with "
        f"`actionplan new --indicator {entry.id} --direction ...`"
    )


def _clash(entry: Entry, trend: str, status: str) -> str:
    """Both cells by their column as headed, where they are and what they say."""
    columns, cells = entry.columns, entry.cells
    return (
        f"{entry.id}: the trend and the status disagree on whether higher or lower is better: "
        f"column {columns.get('trend', 'trend')!r} says {trend}; column "
        f"{columns.get('status', 'status')!r} ({cells.get('status', entry.where)}) says "
        f"{entry.status_word!r}, {status}: correct the cell that is wrong, map a column that "
        "says, --map direction=COLUMN, or create the file first with `actionplan new`"
    )


def _from_trend(entry: Entry) -> tuple[Direction, str] | None:
    says = trend_says(entry.trend)
    now, before = entry.measurement.value, entry.previous
    if says is None or now is None or before is None or before.value is None:
        return None
    if now == before.value:
        return None
    rose = now > before.value
    direction: Direction = "higher" if rose == says else "lower"
    unit = _unit(entry)
    return direction, (
        f"{entry.trend!r} from {figure(before.value, unit)} in {before.period} to "
        f"{figure(now, unit)} in {entry.measurement.period} means {direction} is better"
    )


def _from_status(entry: Entry) -> tuple[Direction, str] | None:
    m, target = entry.measurement, entry.target
    short = m.status in (Status.RED, Status.AMBER)
    if not short or m.value is None or target is None or m.value == target:
        return None
    direction: Direction = "higher" if m.value < target else "lower"
    unit = _unit(entry)
    return direction, (
        f"{m.status} for {m.period} with {figure(m.value, unit)} against a target of "
        f"{figure(target, unit)} means {direction} is better"
    )


def _unit(entry: Entry) -> str:
    return "percent" if entry.percent else "number"
