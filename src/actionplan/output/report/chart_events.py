"""Events drawn on a chart: a thin line at the period each falls in, a flag and a short label at
the top; and the same events in words, for the chart's text alternative and its figures table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from actionplan.judge.events import ChartEvent

EVENT_INK = "#00576b"
LABEL_CHARS = 22
# Labels are set in rows below the top edge, so events a few periods apart do not overprint.
LABEL_ROWS = 3
ROW_HEIGHT = 11

Placed = tuple[int, ChartEvent]  # the chart slot an event is drawn at, and the event


def short_label(text: str) -> str:
    """The label on the chart: the text's first words, cut with an ellipsis where long (the
    whole text is in the chart's description and table)."""
    text = " ".join(text.split())
    if len(text) <= LABEL_CHARS:
        return text
    cut = text[: LABEL_CHARS - 1]
    # At a word's end where there is one, so no word is left half shown.
    return (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip() + "…"


def event_marks(
    placed: Sequence[Placed],
    x: Callable[[float], float],
    top: float,
    bottom: float,
    right_edge: float,
) -> list[str]:
    """The SVG of each event: a dashed line from top to bottom at its slot, a flag at the top,
    and its short label beside the flag (to the left where it would run off the right)."""
    parts: list[str] = []
    for number, (slot, event) in enumerate(placed):
        at = x(slot)
        label = short_label(event.text)
        y = top + 9 + (number % LABEL_ROWS) * ROW_HEIGHT
        room = right_edge - at
        anchor, dx = ("end", -5) if room < 6 * len(label) else ("start", 5)
        parts.append(
            f'<g class="event"><line x1="{at:.1f}" x2="{at:.1f}" y1="{top:.1f}" '
            f'y2="{bottom:.1f}" stroke="{EVENT_INK}" stroke-width="1.2" stroke-dasharray="4 2"/>'
            f'<path d="M{at:.1f} {y - 7:.1f}l4 2.5l-4 2.5Z" fill="{EVENT_INK}"/>'
            f'<text x="{at + dx:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="9" '
            f'fill="{EVENT_INK}" stroke="#fff" stroke-width="3" paint-order="stroke">'
            f"{escape(label)}</text></g>"
        )
    return parts


def events_words(placed: Sequence[Placed], periods: Sequence[str]) -> str:
    """The events in a sentence, for the chart's text alternative."""
    if not placed:
        return ""
    said = "; ".join(f"{_when(event, periods[slot])}: {event.text}" for slot, event in placed)
    return f"Events marked: {said}."


def event_cells(placed: Sequence[Placed], periods: Sequence[str]) -> list[str]:
    """Each charted period's events, for an Events column of the figures table."""
    cells = [""] * len(periods)
    for slot, event in placed:
        text = event.text
        if str(event.period) != periods[slot]:
            text += f" ({event.period})"
        cells[slot] = f"{cells[slot]}; {text}" if cells[slot] else text
    return cells


def _when(event: ChartEvent, period: str) -> str:
    return period if str(event.period) == period else f"{event.period} (in {period})"
