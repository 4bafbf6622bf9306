"""The values a plan file holds: statuses as councils spell them, tolerance bands, reporting
dates, and periods read with the workspace's financial year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.domain.models import Indicator, Measurement
from actionplan.domain.values import Status, parse_status, parse_tolerance
from support.checked import check_data


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("NO_DATA", Status.NO_DATA),
        ("no_data", Status.NO_DATA),
        ("No  Data", Status.NO_DATA),
        ("NO_TARGET", Status.NO_TARGET),
        ("M", Status.NO_DATA),
        ("r", Status.RED),
        ("Amber", Status.AMBER),
        ("B", Status.BLUE),
    ],
)
def test_published_statuses_as_councils_spell_them(text: str, status: Status) -> None:
    assert parse_status(text) is status


def test_no_data_is_written_with_a_space() -> None:
    # The word committees read, and the one JSON output and published statuses use.
    assert Status.NO_DATA.value == "NO DATA"
    assert Status.NO_TARGET.value == "NO TARGET"


def test_a_tolerance_of_nothing_is_allowed() -> None:
    tolerance = parse_tolerance("0%")
    assert tolerance.amber is not None and tolerance.amber.amount == 0


def test_a_negative_tolerance_is_refused() -> None:
    with pytest.raises(ValueError, match="is not a tolerance"):
        parse_tolerance(-1)


def test_a_mixed_green_and_amber_band_is_accepted_whichever_is_wider() -> None:
    tolerance = parse_tolerance({"green": 10, "amber": "5%"})
    assert tolerance.green is not None and tolerance.green.amount == 10
    assert tolerance.amber is not None and tolerance.amber.relative


def test_a_green_band_wider_than_an_amber_band_of_its_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="wider than the amber band"):
        parse_tolerance({"green": "10%", "amber": "5%"})


def test_a_reported_month_means_its_last_day() -> None:
    measurement = Measurement.model_validate({"period": "2014-04", "reported": "2014-07"})
    assert measurement.reported == date(2014, 7, 31)


def test_financial_year_start_other_than_april_applies_in_validation() -> None:
    data = {"title": "T", "direction": "higher", "target": {"2014/15": 10}}
    july = Indicator.model_validate(data, context={"fy_start": 7, "default_id": "t"})
    [(period, _)] = july.targets()
    assert period is not None and (period.start, period.end) == (
        date(2014, 7, 1),
        date(2015, 6, 30),
    )


def test_a_workspace_year_starting_in_july_is_used_by_check(tmp_path: Path) -> None:
    # June 2015 is in 2014/15 only where the year starts in July: there it has the 2014/15
    # target (10) and is RED at 5; in April's year it has no target.
    files = {
        "a.yaml": {
            "target": {"2014/15": 10},
            "measurements": [{"period": "2015-06", "value": 5}],
        }
    }
    july = check_data(tmp_path / "july", files, date(2030, 1, 1), {"financial_year_start": 7})
    april = check_data(tmp_path / "april", files, date(2030, 1, 1), None)
    assert [row.status for row in july.rows] == ["RED"]
    assert [row.status for row in april.rows] == ["NO TARGET"]


def test_a_reported_date_that_cannot_be_read_is_called_a_date_with_its_form() -> None:
    with pytest.raises(ValueError) as caught:
        Measurement.model_validate({"period": "2014-04", "reported": "notadate"})
    message = str(caught.value)
    assert "'notadate' is not a date" in message
    assert "not a period" not in message
    assert "2014-08-14" in message
