"""Triage beside RAG: one phrase for each RED and AMBER measure that reads its status together
with its SPC variation and assurance, in a committee's words, and where the figure sits
against its comparators. The rules and phrases are listed in docs/status-rules.md ("Triage")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from actionplan.domain.statuses import Status
from actionplan.judge.assessment import Assessment
from actionplan.judge.spc import SpcResult, SpcUnavailable

Rule = Literal[
    "getting_worse",
    "recovering",
    "stable_fail",
    "normal_variation",
    "process_passes",
    "no_assurance",
    "no_chart",
]
# Each rule's phrase; "{side}" is "below target" where higher is better, "above target" where
# lower is, and "outside the range" for a two-sided range.
PHRASES: dict[Rule, str] = {
    "getting_worse": "{side} and getting worse: act now",
    "recovering": "{side} but recovering",
    "stable_fail": "{side}, stable: the process as it stands will not meet the target",
    "normal_variation": "within normal variation of the target",
    "process_passes": "{side} this period, though the process as it stands meets the target",
    "no_assurance": "{side}, with no unusual change in the figures",
    "no_chart": "{side}; too few figures yet to tell whether it is changing",
}


@dataclass(frozen=True)
class Triage:
    rule: Rule
    phrase: str
    comparators: tuple[tuple[str, str], ...] = ()  # (name, "above" / "below" / "level with")

    @property
    def words(self) -> str:
        """The phrase, with the figure's place against each comparator."""
        beside = "; ".join(f"{side} {name}" for name, side in self.comparators)
        return f"{self.phrase}; {beside}" if beside else self.phrase

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "phrase": self.phrase,
            "comparators": dict(self.comparators),
            "words": self.words,
        }


def triage(assessment: Assessment, spc: SpcResult | SpcUnavailable | None) -> Triage | None:
    """The reading of a RED or AMBER measure (None for any other status). The SPC reading is
    the latest point's variation and the assurance of the latest limits, as on its chart."""
    if assessment.status not in (Status.RED, Status.AMBER) or assessment.reading is None:
        return None
    indicator = assessment.indicator
    side = {"lower": "above target", "range": "outside the range"}.get(
        indicator.direction or "", "below target"
    )
    rule = _rule(spc)
    return Triage(rule, PHRASES[rule].format(side=side), _comparators(assessment))


def _rule(spc: SpcResult | SpcUnavailable | None) -> Rule:
    if not isinstance(spc, SpcResult):
        return "no_chart"
    if spc.variation == "special_cause_concern":
        return "getting_worse"
    if spc.variation == "special_cause_improvement":
        return "recovering"
    if spc.variation != "common_cause":
        return "no_chart"  # a special cause without a direction: no better or worse to read
    if spc.assurance is None:
        return "no_assurance"  # the latest point has no target of its own to compare
    if spc.assurance == "consistent_fail":
        return "stable_fail"
    if spc.assurance == "consistent_pass":
        return "process_passes"
    return "normal_variation"


def _comparators(assessment: Assessment) -> tuple[tuple[str, str], ...]:
    reading = assessment.reading
    m = reading.measurement if reading else None
    if m is None or m.value is None or not m.comparators:
        return ()
    found = []
    for name, value in m.comparators.items():
        if value is None:
            continue
        side = "above" if m.value > value else "below" if m.value < value else "level with"
        found.append((name, side))
    return tuple(found)
