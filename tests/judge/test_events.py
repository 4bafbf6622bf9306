"""The events an indicator's charts mark, and the period of a chart each falls in."""

from __future__ import annotations

from actionplan.domain.periods import parse_period
from actionplan.judge.events import chart_events, place
from support.indicators import indicator


def test_events_are_the_files_the_plans_and_the_recalculations_oldest_first() -> None:
    ind = indicator(
        events=[{"period": "2014-09", "text": "New provider contract"}],
        spc={"recalculate_from": ["2014-04"]},
        action_plan={"period": "2014-06", "updated": "2014-07-20"},
    )
    assert [(str(e.period), e.text, e.kind) for e in chart_events(ind)] == [
        ("2014-04", "Limits recalculated", "recalculation"),
        ("2014-07-20", "Action plan updated", "plan"),
        ("2014-09", "New provider contract", "event"),
    ]


def test_a_plan_without_an_updated_date_is_marked_at_the_figure_it_answers() -> None:
    ind = indicator(action_plan={"period": "2014-06"})
    assert [(str(e.period), e.text) for e in chart_events(ind)] == [
        ("2014-06", "Action plan for 2014-06")
    ]


def test_an_event_is_placed_on_the_period_it_falls_in() -> None:
    quarters = [parse_period(q) for q in ("2014/15 Q1", "2014/15 Q2", "2014/15 Q3")]
    ind = indicator(
        events=[
            {"period": "2014-03", "text": "before the chart"},
            {"period": "2014-09", "text": "in Q2"},
            {"period": "2014-12-31", "text": "last day of Q3"},
            {"period": "2015-01", "text": "after the chart"},
        ]
    )
    assert [(slot, e.text) for slot, e in place(chart_events(ind), quarters)] == [
        (1, "in Q2"),
        (2, "last day of Q3"),
    ]
