"""One SVG chart per indicator, built by hand from a few shapes.

Measured against pygal, matplotlib's SVG backend and Vega-Lite through vl-convert
(docs/report.md): a hand-built chart is hundreds of times faster, byte-for-byte deterministic,
carries `<title>` and `<desc>`, and has no script or font to fetch. Every text is escaped here,
so a title cannot become markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from actionplan.domain.models import Indicator
from actionplan.domain.periods import Period
from actionplan.domain.values import Status
from actionplan.judge.events import chart_events, place
from actionplan.judge.spc import SpcResult
from actionplan.judge.travel import known_on
from actionplan.judge.trend import Point
from actionplan.output.report.chart_events import Placed, event_marks
from actionplan.output.report.chart_scale import ROOM, Ticks, ticks, width

WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 60, 92, 14, 30
INK, MUTED, GRID = "#1b1b1b", "#484f56", "#d8dcdf"
TARGET = "#6d2077"
POINT_STYLE = {  # fill colour and shape: the shape alone tells the kinds apart
    "common_cause": ("#505a5f", "circle"),
    "special_cause_improvement": ("#1d70b8", "square"),
    "special_cause_concern": ("#b94700", "diamond"),
    "special_cause_neutral_high": ("#6d2077", "triangle"),
    "special_cause_neutral_low": ("#6d2077", "triangle"),
}
STATUS_FILL = {
    Status.RED: ("#a4262c", "#fff"),
    Status.AMBER: ("#f5a623", INK),
    Status.GREEN: ("#00703c", "#fff"),
}
COMPARATOR_COLOURS = ["#00703c", "#1d3b5c", "#8a5a00", "#5d4e9c"]


@dataclass(frozen=True)
class Series:
    """What a chart draws, in chart order: actuals, then forecasts after them."""

    periods: list[str]
    values: list[float | None]  # None where the slot is a forecast only
    targets: list[float | None]
    types: list[str]  # SPC point type of each actual ("" for a forecast)
    forecasts: list[float | None]
    comparators: dict[str, list[float | None]]
    events: tuple[Placed, ...] = ()  # (slot, event), oldest first


def chart_series(
    indicator: Indicator, points: Sequence[Point], spc: SpcResult | None, as_of: date
) -> Series:
    periods = [str(p.period) for p in points]
    types = [p.type for p in spc.points] if spc else ["common_cause"] * len(points)
    by_period = {str(m.period): m for m in indicator.measurements if not m.forecast}
    forecasts = _forecasts(indicator, points, as_of)
    every = periods + [period for period, _ in forecasts]
    forecast_periods = {str(m.period): m.period for m in indicator.measurements if m.forecast}
    slots = [p.period for p in points] + [forecast_periods[p] for p, _ in forecasts]
    names = list(dict.fromkeys(n for p in periods for n in (by_period[p].comparators or {})))
    return Series(
        periods=every,
        values=[p.value for p in points] + [None] * len(forecasts),
        targets=[p.target for p in points] + [None] * len(forecasts),
        types=types + [""] * len(forecasts),
        forecasts=_forecast_line(points, forecasts),
        comparators={
            name: [(by_period[p].comparators or {}).get(name) for p in periods]
            + [None] * len(forecasts)
            for name in names
        },
        events=tuple(place(chart_events(indicator), slots)),
    )


def _forecast_line(
    points: Sequence[Point], forecasts: list[tuple[str, float]]
) -> list[float | None]:
    """The dashed line: from the last actual on through the forecasts after it."""
    line: list[float | None] = [None] * len(points) + [value for _, value in forecasts]
    if forecasts:
        line[len(points) - 1] = points[-1].value
    return line


def _forecasts(
    indicator: Indicator, points: Sequence[Point], as_of: date
) -> list[tuple[str, float]]:
    """Forecasts for periods after the last actual, of the same length (a year-to-date chart
    shows running totals, and so do its forecasts)."""
    if not points:
        return []
    last = points[-1].period
    found = {
        str(m.period): m.value
        for m in indicator.measurements
        if m.forecast
        and m.value is not None
        and known_on(m) <= as_of
        and m.period.start > last.end
        and _alike(m.period, last)
    }
    return sorted(found.items())


def _alike(a: Period, b: Period) -> bool:
    months = a.whole_months
    return months == b.whole_months if months is not None else a.days == b.days


def svg(
    chart_id: str,
    title: str,
    description: str,
    data: Series,
    spc: SpcResult | None,
    status: Status,
    unit: str,
) -> str:
    """The chart as a standalone SVG element, labelled by its title and description."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="11">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    )
    if not data.periods:
        return head + _note("No figures to chart")
    scale = _scale(data, spc)
    if isinstance(scale, str):
        return head + _note(scale)
    frame = Frame(data, scale)
    parts = [head, *frame.axes(unit), *frame.limits(spc), *frame.target(data.targets)]
    parts += event_marks(data.events, frame.x, TOP, HEIGHT - BOTTOM, WIDTH - RIGHT)
    for number, (name, values) in enumerate(data.comparators.items()):
        colour = COMPARATOR_COLOURS[number % len(COMPARATOR_COLOURS)]
        parts += frame.line(values, colour, dash="2 3", label=name)
    parts += frame.line(data.forecasts, MUTED, dash="6 4")
    parts += frame.line(data.values, "#505a5f")
    parts += [
        frame.marker(i, v, t) for i, (v, t) in enumerate(zip(data.values, data.types, strict=True))
    ]
    parts += [frame.hollow(i, v) for i, v in enumerate(data.forecasts) if data.values[i] is None]
    parts += frame.status(data.values, status)
    return "".join(parts) + "</svg>"


def _note(text: str) -> str:
    """A chart left out: the reason in words where the chart would be."""
    return (
        f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="{MUTED}">'
        f"{escape(text)}</text></svg>"
    )


def _scale(data: Series, spc: SpcResult | None) -> Ticks | str:
    lines = [data.values, data.targets, data.forecasts, *data.comparators.values()]
    figures = [v for line in lines for v in line if v is not None]
    if spc:
        figures += [x for s in spc.segments for x in (s.lower_limit, s.upper_limit)]
    return ticks(min(figures), max(figures))


class Frame:
    """Scales from figures and slots to the drawing area."""

    def __init__(self, data: Series, scale: Ticks) -> None:
        self.n = len(data.periods)
        self.periods = data.periods
        self.scale = scale
        self.low, self.high = scale.values[0], scale.values[-1]

    def x(self, slot: float) -> float:
        return LEFT + (slot + 0.5) * (WIDTH - LEFT - RIGHT) / self.n

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)

    def axes(self, unit: str) -> list[str]:
        parts = []
        labels = self.scale.labels(unit)
        widest = max(map(width, labels))
        # A long label (1.00025 times 10¹⁷) is set smaller rather than cut off at the edge.
        size = f' font-size="{11 * ROOM / widest:.1f}"' if widest > ROOM else ""
        for tick, label in zip(self.scale.values, labels, strict=True):
            y = self.y(tick)
            parts.append(
                f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{GRID}"/><text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
                f'fill="{MUTED}"{size}>{escape(label)}</text>'
            )
        step = max(1, math.ceil(self.n / 8))
        for slot in range(0, self.n, step):
            parts.append(
                f'<text x="{self.x(slot):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                f'fill="{MUTED}">{escape(self.periods[slot])}</text>'
            )
        return parts

    def limits(self, spc: SpcResult | None) -> list[str]:
        """Mean and process limits of each segment, over that segment's points only."""
        parts: list[str] = []
        start = 0
        for seg in spc.segments if spc else ():
            x1, x2 = self.x(start - 0.5), self.x(start + seg.size - 0.5)
            for value, dash in ((seg.mean, ""), (seg.lower_limit, "5 3"), (seg.upper_limit, "5 3")):
                pattern = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(
                    f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{self.y(value):.1f}" '
                    f'y2="{self.y(value):.1f}" stroke="{MUTED}"{pattern}/>'
                )
            start += seg.size
        return parts

    def target(self, targets: list[float | None]) -> list[str]:
        """The target as a stepped line: level over each period, a riser where it changes."""
        path: list[str] = []
        previous: float | None = None
        for slot, value in enumerate(targets):
            if value is None:
                previous = None
                continue
            x1, x2, y = self.x(slot - 0.5), self.x(slot + 0.5), self.y(value)
            path.append(f"{'L' if previous is not None else 'M'}{x1:.1f} {y:.1f}H{x2:.1f}")
            previous = value
        if not path:
            return []
        return [f'<path d="{"".join(path)}" fill="none" stroke="{TARGET}" stroke-width="2"/>']

    def line(
        self, values: list[float | None], colour: str, dash: str = "", label: str = ""
    ) -> list[str]:
        pieces = [f"{self.x(i):.1f},{self.y(v):.1f}" for i, v in enumerate(values) if v is not None]
        if len(pieces) < 2 and not label:
            return []
        pattern = f' stroke-dasharray="{dash}"' if dash else ""
        parts = [
            f'<polyline points="{" ".join(pieces)}" fill="none" stroke="{colour}" '
            f'stroke-width="1.5"{pattern}/>'
        ]
        last = next(((i, v) for i, v in reversed(list(enumerate(values))) if v is not None), None)
        if label and last:
            parts.append(
                f'<text x="{self.x(last[0]) + 6:.1f}" y="{self.y(last[1]) + 4:.1f}" '
                f'fill="{INK}">{escape(label[:14])}</text>'
            )
        return parts

    def marker(self, slot: int, value: float | None, kind: str) -> str:
        if value is None:
            return ""
        colour, shape = POINT_STYLE.get(kind, POINT_STYLE["common_cause"])
        x, y = self.x(slot), self.y(value)
        if shape == "circle":
            return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'
        if shape == "square":
            return (
                f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
            )
        if shape == "diamond":
            d = f"M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y:.1f}L{x:.1f} {y + 6:.1f}L{x - 6:.1f} {y:.1f}Z"
        else:
            d = f"M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y + 5:.1f}L{x - 6:.1f} {y + 5:.1f}Z"
        return f'<path d="{d}" fill="{colour}"/>'

    def hollow(self, slot: int, value: float | None) -> str:
        if value is None:
            return ""
        return (
            f'<circle cx="{self.x(slot):.1f}" cy="{self.y(value):.1f}" r="3.5" fill="#fff" '
            f'stroke="{MUTED}" stroke-width="1.5"/>'
        )

    def status(self, values: list[float | None], status: Status) -> list[str]:
        """The latest actual's status, in words on a label beside it."""
        last = next(((i, v) for i, v in reversed(list(enumerate(values))) if v is not None), None)
        if last is None or status not in STATUS_FILL:
            return []
        fill, ink = STATUS_FILL[status]
        x, y = self.x(last[0]), self.y(last[1])
        width = 8 * len(status.value) + 10
        box_x, box_y = min(x + 8, WIDTH - width - 2), max(y - 20, 2.0)
        return [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" stroke="{fill}" '
            f'stroke-width="2"/><rect x="{box_x:.1f}" y="{box_y:.1f}" width="{width}" '
            f'height="16" rx="3" fill="{fill}"/><text x="{box_x + width / 2:.1f}" '
            f'y="{box_y + 12:.1f}" text-anchor="middle" fill="{ink}" font-weight="700">'
            f"{status.value}</text>"
        ]
