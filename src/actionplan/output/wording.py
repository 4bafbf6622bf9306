"""How figures and statuses are written for people, in tables and documents alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the judging module uses these words too
    from actionplan.judge.assessment import Assessment


def figure(value: float | None, unit: str, missing: str = "no figure") -> str:
    """A figure as a committee paper writes it: 617 · 1900 · 19,625 · 7.37% · £12,500.5.

    Four-digit numbers keep no separator, as the template documents write targets (1900)."""
    if value is None:
        return missing
    whole, _, fraction = f"{abs(value):.2f}".rstrip("0").rstrip(".").partition(".")
    if len(whole) > 4:
        whole = f"{int(whole):,}"
    sign = "-" if value < 0 and (whole, fraction) != ("0", "") else ""
    number = whole + (f".{fraction}" if fraction else "")
    if unit == "percent":
        return f"{sign}{number}%"
    return f"{sign}£{number}" if unit == "currency" else sign + number


def status_qualifiers(assessment: Assessment) -> list[str]:
    """What qualifies the status shown: a published status that the figures do not give, a
    softened RED, a forecast."""
    reading = assessment.reading
    said = []
    if reading and reading.mismatch:
        said.append(f"as published; the figures give {reading.computed.value}")
    if reading and reading.softened:
        said.append("no worse than a year earlier")
    if reading and reading.measurement.forecast:
        said.append("forecast")
    return said


def status_words(assessment: Assessment) -> str:
    """The status shown, with what qualifies it in brackets."""
    return assessment.status.value + "".join(f" ({q})" for q in status_qualifiers(assessment))


def status_badge(assessment: Assessment) -> str:
    """The status as a badge short enough for a table's narrow column (`AMBER*`): a star when
    something qualifies it, said in full by `status_words` beside it."""
    return assessment.status.value + ("*" if status_qualifiers(assessment) else "")
