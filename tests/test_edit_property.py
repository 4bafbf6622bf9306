"""Any sequence of valid `record` calls leaves a file that loads, holding exactly the
measurements recorded, in period order."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.domain.models import Measurement, Settings
from actionplan.domain.periods import parse_period
from actionplan.edit.changes import measurement_text
from actionplan.edit.document import validated
from actionplan.workspace.atomic import write_atomic

START = (
    "# A plan written by hand.\n"
    "title: Smoking quitters   # four weeks\n"
    "direction: higher\n"
    "target: 10\n"
    "\n"
    "# The plan, when one is needed.\n"
    "action_plan: ~\n"
)

months = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2012, 2016), st.integers(1, 12))
quarters = st.builds(
    lambda y, q: f"{y}/{(y + 1) % 100:02d} Q{q}", st.integers(2012, 2016), st.integers(1, 4)
)
years = st.builds(lambda y: f"{y}/{(y + 1) % 100:02d}", st.integers(2012, 2016))
values = st.one_of(
    st.integers(-10_000, 10_000),
    st.decimals(-1000, 1000, places=2, allow_nan=False).map(lambda d: float(d)),
    st.just("NA"),
)
notes = st.none() | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20
)
calls = st.lists(
    st.tuples(months | quarters | years, values, notes),
    max_size=8,
    unique_by=lambda call: parse_period(call[0]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls)
def test_recorded_measurements_load_in_period_order(
    records: list[tuple[str, object, str | None]],
) -> None:
    workspace = Settings()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(START)
        for period, value, note in records:
            data = {"period": period, "value": value, "note": note}
            m = Measurement.model_validate(
                {k: v for k, v in data.items() if v is not None}, context={"fy_start": 4}
            )
            write_atomic(path, measurement_text(path, m, workspace))
        text = path.read_text()
        indicator = validated(path, text, workspace)
    got = [(m.period, m.value, m.note) for m in indicator.measurements]
    recorded = [(parse_period(p), None if v == "NA" else float(v), n) for p, v, n in records]  # type: ignore[arg-type]
    assert got == sorted(recorded, key=lambda r: r[0])
    assert text.startswith("# A plan written by hand.\ntitle: Smoking quitters   # four weeks\n")
    assert "# The plan, when one is needed.\naction_plan: ~\n" in text
