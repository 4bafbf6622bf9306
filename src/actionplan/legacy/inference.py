"""What a template document implies without saying it: which way is better, and the year it is
about.

The Performance Action Plan template is completed only for measures showing RED, so a document
that gives a figure and the target for the same span, on different sides, says which way is
better: 617 quitters against a target of 993 means higher is better; a projected 10.51 days lost
against a target of 9.5 means lower is. Figures for different spans are not compared (a month's
count against a year's target says nothing), nor are figures in different units.
"""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.domain.periods import Period, financial_year_of
from actionplan.domain.values import Direction
from actionplan.legacy.figures import Context, Figure, Performance, stated_year


@dataclass(frozen=True)
class Comparison:
    """A figure and the target for the same span, in words for the file's header."""

    figure: Figure
    target: Figure
    figure_words: str  # "the figure 617", "the projected year-end figure 10.51 days"
    target_words: str  # "its April target 993", "the target 9.5 days"

    @property
    def direction(self) -> Direction | None:
        if self.figure.value == self.target.value:
            return None
        return "higher" if self.figure.value < self.target.value else "lower"

    def __str__(self) -> str:
        side = "below" if self.figure.value < self.target.value else "above"
        return f"{self.figure_words} is {side} {self.target_words}"


@dataclass(frozen=True)
class Inference:
    direction: Direction | None
    evidence: str  # the comparison it follows from, or why nothing follows

    @property
    def reason(self) -> str:
        """For the file's header: what was inferred and why."""
        return (
            f"`direction: {self.direction}` was inferred: the template is completed only for "
            f"measures showing RED, and {self.evidence}"
        )


def infer_direction(performance: Performance, target: Figure | None) -> Inference:
    """The direction the document's RED figures imply, or why they imply none."""
    comparisons = _comparisons(performance, target)
    if not comparisons:
        return Inference(None, _why_not(performance, target))
    directions = {comparison.direction for comparison in comparisons}
    if directions == {None}:
        first = comparisons[0]
        return Inference(None, f"{first.figure_words} equals {first.target_words}")
    if len(directions) > 1:
        said = "; ".join(str(comparison) for comparison in comparisons)
        return Inference(None, f"the document's figures point both ways ({said})")
    return Inference(directions.pop(), " and ".join(str(c) for c in comparisons))


def _comparisons(performance: Performance, target: Figure | None) -> list[Comparison]:
    found = []
    actual, profile = performance.figure, performance.profile_target
    if actual is not None and profile is not None and _same_unit(actual, profile):
        month = f"{performance.profile_month} " if performance.profile_month else ""
        words = f"its {month}target {profile}"
        found.append(Comparison(actual, profile, f"the figure {actual}", words))
    forecast = performance.forecast
    if forecast is not None and target is not None and _same_unit(forecast, target):
        words = f"the projected year-end figure {forecast}"
        found.append(Comparison(forecast, target, words, f"the target {target}"))
    if (
        actual is not None
        and target is not None
        and profile is None
        and _same_unit(actual, target)
        and (actual.percent or _whole_year(performance.period))
    ):
        found.append(Comparison(actual, target, f"the figure {actual}", f"the target {target}"))
    return found


def _why_not(performance: Performance, target: Figure | None) -> str:
    figure = performance.figure or performance.forecast
    if figure is None:
        return "the performance gives no figure to compare with the target"
    if target is None:
        return "the document gives no target to compare the figure with"
    if not _same_unit(figure, target):
        return f"the figure {figure} and the target {target} are in different units"
    return (
        f"the figure {figure} is for part of a year and the target {target} for a whole one, "
        "so they cannot be compared"
    )


def _same_unit(first: Figure, second: Figure) -> bool:
    """One unit, or one written only once ("9.5 days" against "10.51"); a percentage is never
    compared with a bare number (is 0.45 the same as 45 %?)."""
    return first.unit == second.unit or not (first.percent or second.percent)


def _whole_year(period: Period | None) -> bool:
    return period is not None and period.whole_months == 12


@dataclass(frozen=True)
class Year:
    period: Period
    source: str  # where it was read, for the notes


def document_year(performance: Performance, context: Context, when: str) -> Year | None:
    """The year the document is about: that of the period its performance states, else the
    year given (--year or the manifest), else a financial year its `when` names ("2013/14 Q2")."""
    period = performance.period
    if period is not None:
        year = financial_year_of(period.end, context.fy_start)
        if year.contains(period):
            return Year(year, f"the performance's period, {period}")
    if context.year is not None:
        return Year(context.year, "the year given")
    named = stated_year(when, context.fy_start)
    if named is not None:
        return Year(named, f"`when`, {' '.join(when.split())!r}")
    return None
