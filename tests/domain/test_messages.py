"""Validation errors in the words of the file: a list item is named by its place, counted
from 1 as a person counts, never by a 0-based index."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from actionplan.domain.messages import describe
from actionplan.domain.models import Indicator


def _messages(data: dict[str, object]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Indicator.model_validate({"id": "smoking-quitters", **data})
    return [describe(error, Indicator) for error in caught.value.errors()]


def test_a_measurement_is_named_by_its_place_counted_from_one() -> None:
    messages = _messages(
        {"title": "Smoking quitters", "measurements": [{"period": "2014-04", "value": "about"}]}
    )
    assert messages == [
        "the 1st measurement's value: 'about' is not a number: write 19625, 19,625, 53.6% or "
        "NA for missing"
    ]


@pytest.mark.parametrize(
    ("measurements", "message"),
    [
        (
            [{"period": "2014-04"}, {"value": 3}],
            "missing required key 'period' in the 2nd measurement",
        ),
        (
            [{"period": "2014-04"}, {"period": "2014-05"}, {"period": "2014-06", "vlaue": 3}],
            "unknown key 'vlaue' in the 3rd measurement: did you mean 'value'?",
        ),
        (
            [{"period": "2014-04"}, "2014-05 702"],
            "the 2nd measurement: found '2014-05 702' where `key: value` lines were expected",
        ),
    ],
)
def test_missing_and_unknown_keys_name_the_measurement_by_its_place(
    measurements: list[object], message: str
) -> None:
    assert _messages({"title": "Smoking quitters", "measurements": measurements}) == [message]


def test_places_past_the_tenth_read_as_people_say_them() -> None:
    measurements: list[object] = [{"period": f"2014-{m:02d}"} for m in range(1, 12)]
    measurements += [{"period": "2015-01", "value": "x"}, {"period": "2015-02", "value": "y"}]
    messages = _messages({"title": "Smoking quitters", "measurements": measurements})
    assert [m.split("'s ")[0] for m in messages] == ["the 12th measurement", "the 13th measurement"]
