"""Triage beside RAG: each documented rule (docs/status-rules.md, "Triage") gives its phrase.

Most cases are real figures: Office for National Statistics, weekly deaths registered in
England and Wales, 2010, all ages (as kept in nhs-r-community/NHSRdatasets,
`tests/support/published_series.py`), read as an indicator where lower is better, the series
cut at the week named; the charts' readings of those weeks are those of NHSRplotthedots.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.domain.models import Indicator
from actionplan.domain.periods import parse_period
from actionplan.domain.statuses import Status
from actionplan.judge.assessment import assess
from actionplan.judge.trend import indicator_spc
from actionplan.judge.triage import Triage, triage
from support.indicators import SETTINGS, indicator, monthly
from support.published_series import ONS_DEATHS_2010, ONS_WEEKS

AS_OF = date(2011, 1, 1)


def deaths(weeks: int, target: object = 9000, **extra: Any) -> Indicator:
    measurements: list[dict[str, Any]] = [
        {"period": p, "value": v}
        for p, v in zip(ONS_WEEKS[:weeks], ONS_DEATHS_2010[:weeks], strict=True)
    ]
    return indicator(direction="lower", unit="count", target=target, measurements=measurements,
                     **extra)  # fmt: skip


def triaged(found: Indicator, as_of: date = AS_OF) -> Triage | None:
    return triage(assess(found, SETTINGS, as_of), indicator_spc(found, SETTINGS, as_of))


def test_getting_worse() -> None:
    """Week ending 24 December 2010: 11,484 against 9,000, a special cause concern (the run
    of December weeks above the mean)."""
    read = triaged(deaths(51))
    assert read is not None
    assert read.rule == "getting_worse"
    assert read.words == "above target and getting worse: act now"


def test_recovering() -> None:
    """Week ending 26 March 2010: 9,631, still above 9,000, after ten weeks of falling deaths
    (a special cause improvement)."""
    read = triaged(deaths(12))
    assert read is not None
    assert (read.rule, read.phrase) == ("recovering", "above target but recovering")


def test_normal_variation() -> None:
    """Week ending 31 December 2010: 9,689, common cause, and 9,000 lies within the process
    limits of 8,493 to 10,475: the target is hit and missed."""
    read = triaged(deaths(52))
    assert read is not None
    assert (read.rule, read.phrase) == ("normal_variation", "within normal variation of the target")


def test_stable_fail() -> None:
    """Week ending 3 December 2010: 9,220, common cause, against a target of 8,000, below the
    lower process limit: the process as it stands will not meet it."""
    read = triaged(deaths(48, target=8000))
    assert read is not None
    assert read.rule == "stable_fail"
    assert read.phrase == "above target, stable: the process as it stands will not meet the target"


def test_process_passes() -> None:
    """A RED published for a figure the process meets: common cause, target beyond the limits on
    the good side."""
    found = deaths(48, target=11000)
    assert found.measurements[-1].value == 9220
    published = found.model_copy(
        update={"measurements": [*found.measurements[:-1],
                                 found.measurements[-1].model_copy(update={"status": Status.RED})]}
    )  # fmt: skip
    read = triaged(published)
    assert read is not None
    assert read.rule == "process_passes"
    assert read.phrase == (
        "above target this period, though the process as it stands meets the target"
    )


def test_no_assurance() -> None:
    """A RED forecast for a week with a target, after actuals with none: no target to read the
    process against."""
    found = deaths(48, target={"2010-12-10": 9000})
    forecast = found.measurements[-1].model_copy(
        update={"period": parse_period("2010-12-10"), "value": 9500.0, "forecast": True}
    )
    read = triaged(found.model_copy(update={"measurements": [*found.measurements, forecast]}))
    assert read is not None
    assert (read.rule, read.phrase) == (
        "no_assurance", "above target, with no unusual change in the figures"
    )  # fmt: skip


def test_no_chart() -> None:
    """Six weeks are too few for SPC (12 are needed)."""
    read = triaged(deaths(6))
    assert read is not None
    assert read.rule == "no_chart"
    assert read.phrase == "above target; too few figures yet to tell whether it is changing"


def test_higher_is_better_reads_below_target() -> None:
    values = {f"2014-{m:02d}": 50 + (m % 3) for m in range(1, 13)}
    read = triaged(monthly(values, target=80), date(2015, 1, 1))
    assert read is not None
    assert read.phrase.startswith("below target, stable")


def test_comparators_say_above_or_below() -> None:
    """Beside the phrase, the figure's side of each comparator the file gives."""
    found = deaths(52)
    last = found.measurements[-1].model_copy(
        update={"comparators": {"England": 9000, "Wales": 9689, "London": 10000}}
    )
    read = triaged(found.model_copy(update={"measurements": [*found.measurements[:-1], last]}))
    assert read is not None
    assert read.comparators == (("England", "above"), ("Wales", "level with"), ("London", "below"))
    assert read.words == (
        "within normal variation of the target; above England; level with Wales; below London"
    )


def test_green_and_no_target_have_no_triage() -> None:
    assert triaged(deaths(52, target=12000)) is None
    assert triaged(deaths(52, target=None)) is None


def test_a_range_outside_its_bounds_is_said_to_be_outside_the_range() -> None:
    """A two-sided range has no "below target": a RED measure is outside the range."""
    from actionplan.domain.models import Settings
    from actionplan.judge.assessment import assess
    from actionplan.judge.triage import triage
    from support.indicators import indicator

    found = indicator(
        direction="range",
        target={"2020/21": {"low": 900, "high": 1100}},
        measurements=[{"period": "2020/21 Q1", "value": 1300}],
    )
    reading = triage(assess(found, Settings(), date(2021, 1, 1)), None)
    assert reading is not None and reading.phrase.startswith("outside the range")
