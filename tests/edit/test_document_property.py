"""Any sequence of valid `record` calls, in every period form and every way of writing a
figure, with replacements, leaves a file that loads holding exactly the measurements recorded,
in period order.

The expectation is worked out here from first principles (calendar arithmetic for each period's
first and last day, plain string handling for each written figure), never with the code under
test, so a wrong parser or a wrong order cannot agree with itself.
"""

from __future__ import annotations

import calendar
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.domain.models import Measurement, Settings
from actionplan.edit.changes import measurement_text
from actionplan.edit.document import validated
from actionplan.workspace.atomic import write_atomic

# Hundreds of generated cases a test: outside the quick set (`-m "not slow"`).
pytestmark = pytest.mark.slow

START = (
    "# A plan written by hand.\n"
    "title: Smoking quitters   # four weeks\n"
    "direction: higher\n"
    "target: 10\n"
    "\n"
    "# The plan, when one is needed.\n"
    "action_plan: ~\n"
)


@dataclass(frozen=True)
class Spelt:
    """A period as a person writes it, with the days it covers worked out independently."""

    text: str
    start: date
    end: date


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _two(year: int) -> str:
    return f"{year % 100:02d}"


years = st.integers(1990, 2090)
months = st.builds(
    lambda y, m, pad: Spelt(f"{y}-{m:02d}" if pad else f"{y}-{m}", date(y, m, 1), _last_day(y, m)),
    years,
    st.integers(1, 12),
    st.booleans(),
)
days = st.builds(
    lambda d: Spelt(d.isoformat(), d, d), st.dates(date(1990, 1, 1), date(2090, 12, 31))
)
calendar_quarters = st.builds(
    lambda y, q: Spelt(f"{y}-Q{q}", date(y, 3 * q - 2, 1), _last_day(y, 3 * q)),
    years,
    st.integers(1, 4),
)
calendar_years = st.builds(lambda y: Spelt(str(y), date(y, 1, 1), date(y, 12, 31)), years)


def _financial_year(y: int, form: int) -> Spelt:
    # "2011-12" would be December 2011, so the dash with two digits only past twelve.
    spellings = [f"{y}/{_two(y + 1)}", f"{y}/{y + 1}", f"{y}-{y + 1}"]
    if (y + 1) % 100 > 12:
        spellings.append(f"{y}-{_two(y + 1)}")
    return Spelt(spellings[form % len(spellings)], date(y, 4, 1), date(y + 1, 3, 31))


def _financial_quarter(y: int, q: int, form: int) -> Spelt:
    year = f"{y}/{_two(y + 1)}"
    text = [f"{year} Q{q}", f"Q{q} {year}", f"{year}-Q{q}"][form]
    first = 4 + 3 * (q - 1)
    start_year = y if first <= 12 else y + 1
    first = (first - 1) % 12 + 1
    return Spelt(text, date(start_year, first, 1), _last_day(start_year, first + 2))


def _month_range(y: int, first: int, length: int) -> Spelt:
    last_index = y * 12 + first - 1 + length
    end_year, end_month = last_index // 12, last_index % 12 + 1
    text = f"{y}-{first:02d}..{end_year}-{end_month:02d}"
    return Spelt(text, date(y, first, 1), _last_day(end_year, end_month))


financial_years = st.builds(_financial_year, years, st.integers(0, 3))
financial_quarters = st.builds(_financial_quarter, years, st.integers(1, 4), st.integers(0, 2))
ranges = st.builds(_month_range, years, st.integers(1, 12), st.integers(1, 23))
periods = st.one_of(
    months, days, calendar_quarters, calendar_years, financial_years, financial_quarters, ranges
)


@dataclass(frozen=True)
class Written:
    """A figure as a table or a person writes it, and the number it must read as."""

    text: str | int
    number: float | None


def _grouped(whole: int) -> str:
    digits = str(abs(whole))
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    return ("-" if whole < 0 else "") + ",".join(groups)


figures = st.one_of(
    st.integers(-10_000, 10_000).map(lambda n: Written(n, float(n))),
    st.integers(1_000, 99_999_999).map(lambda n: Written(_grouped(n), float(n))),
    st.integers(0, 1000).map(lambda tenths: Written(f"{tenths / 10}%", tenths / 10)),
    st.integers(100_000, 9_999_999).map(
        lambda pence: Written(f"£{_grouped(pence // 100)}.{pence % 100:02d}", pence / 100)
    ),
    st.just(Written("NA", None)),
)
notes = st.none() | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20
)
calls = st.lists(st.tuples(periods, figures, notes, st.booleans()), max_size=10)


def _record(path: Path, spelt: Spelt, figure: Written, note: str | None, replace: bool) -> bool:
    """Record one call; False when the period was refused as already recorded."""
    data = {"period": spelt.text, "value": figure.text, "note": note}
    measurement = Measurement.model_validate(
        {k: v for k, v in data.items() if v is not None}, context={"fy_start": 4}
    )
    try:
        write_atomic(path, measurement_text(path, measurement, Settings(), replace=replace))
    except Exception as refused:  # the edit error for a period that already has a figure
        assert "already has" in str(refused)
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls)
def test_recorded_measurements_load_in_period_order(
    records: list[tuple[Spelt, Written, str | None, bool]],
) -> None:
    expected: dict[tuple[date, date], tuple[float | None, str | None]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(START)
        for spelt, figure, note, replace in records:
            key = (spelt.start, spelt.end)
            recorded = _record(path, spelt, figure, note, replace)
            assert recorded == (replace or key not in expected), (spelt, replace)
            if recorded:
                expected[key] = (figure.number, note)
        text = path.read_text()
        indicator = validated(path, text, Settings())
    got = [((m.period.start, m.period.end), m.value, m.note) for m in indicator.measurements]
    # Periods order by their last day; of two ending together, the shorter first.
    order = sorted(expected, key=lambda key: (key[1], -key[0].toordinal()))
    assert got == [(key, *expected[key]) for key in order]
    assert text.startswith("# A plan written by hand.\ntitle: Smoking quitters   # four weeks\n")
    assert "# The plan, when one is needed.\naction_plan: ~\n" in text
