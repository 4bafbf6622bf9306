"""The file an imported document is written to: named from its title."""

from __future__ import annotations

import pytest

from actionplan.legacy.importer import SLUG_LIMIT, slug


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # Wirral Council, Performance Action Plan (public health), July 2014: the title cut at
        # 80 characters ended "...who-do-not", saying the opposite of the measure.
        (
            "Proportion of opiate users that left drug treatment successfully who do not "
            "represent to treatment within 6 months",
            "opiate-users-that-left-drug-treatment-successfully",
        ),
        (
            "Average number of working days lost to sickness absence per full time equivalent "
            "employee",
            "working-days-lost-to-sickness-absence-per-full-time-equivalent-employee",
        ),
        ("Smoking quitters (4 weeks)", "smoking-quitters-4-weeks"),
        (
            "Percentage of Council Tax collected in year",
            "percentage-of-council-tax-collected-in-year",
        ),
    ],
)
def test_a_long_title_is_cut_at_a_word_to_a_name_that_keeps_its_meaning(
    title: str, name: str
) -> None:
    assert slug(title) == name


def test_a_cut_name_never_ends_on_a_word_that_needs_the_rest() -> None:
    title = "Number of people " + "waiting and " * 10 + "seen within the target time"
    name = slug(title)
    assert len(name) <= SLUG_LIMIT
    assert name.rsplit("-", 1)[-1] not in {"and", "of", "the", "to", "who", "not", "within"}
