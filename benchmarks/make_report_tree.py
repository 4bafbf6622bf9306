"""Write a plans tree shaped like a council's year-end report, for `actionplan report`.

Each indicator is monthly, 24-36 points ending March 2015, with a target of 100 and a 5 %
tolerance, and is GREEN, AMBER, RED or unrated at 2015-03-31 by design. Some were a different
status at 2014-12-31 (for "changes since"): per 57, 3 new RED (each with a plan added since),
2 RED resolved and 1 gone to NO DATA; 8 of the 11 RED have a complete plan, one revised since.
Sub-folders are directorates. Deterministic for a seed.

    python benchmarks/make_report_tree.py 1000 /tmp/tree
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

AS_OF = "2015-03-31"
SINCE = "2014-12-31"
DIRECTORATES = ["public-health", "adult-care", "children", "environment"]
# Wirral's year-end 2014/15 report: 57 measures, 32 green, 12 amber, 11 red, 2 unrated.
WIRRAL = ["GREEN"] * 32 + ["AMBER"] * 12 + ["RED"] * 11 + ["NO TARGET", "NO DATA"]
LATEST = {"GREEN": 104.0, "AMBER": 97.0, "RED": 88.0}
# Per 57 indicators: reds that were GREEN at the last committee, and ambers that were RED.
NEW_RED, RESOLVED = 3, 2
UNPLANNED = 3  # RED measures without a plan


def statuses(count: int) -> list[str]:
    """`count` designed statuses in the proportions of Wirral's report."""
    return [WIRRAL[i % len(WIRRAL)] for i in range(count)]


def _months(points: int) -> list[str]:
    """`points` month periods ending 2015-03."""
    periods = []
    year, month = 2015, 3
    for _ in range(points):
        periods.append(f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return periods[::-1]


def _values(rng: random.Random, status: str, points: int, before: str) -> list[float | None]:
    values: list[float | None] = [round(rng.uniform(96, 108), 1) for _ in range(points)]
    if status == "RED":  # a run below the mean: SPC special cause concern
        values[-8:] = [round(rng.uniform(86, 90), 1) for _ in range(8)]
    values[-4] = LATEST.get(before, values[-4])  # December 2014: the status then
    values[-1] = None if status == "NO DATA" else LATEST.get(status, values[-1])
    return values


def indicator(rng: random.Random, number: int, status: str, before: str, plan: str) -> str:
    points = rng.randint(24, 36)
    lines = [
        f"title: Indicator {number} <{status.lower()}>",
        "strategic_director_lead: Director of Place",
        f"departmental_lead: Lead Officer {number}",
        "unit: number",
        "frequency: monthly",
        "direction: higher",
        "tolerance: 5%",
    ]
    if status != "NO TARGET":
        lines.append("target: 100")
    lines.append("measurements:")
    for period, value in zip(_months(points), _values(rng, status, points, before), strict=True):
        lines += [f"  - period: {period}", f"    value: {'NA' if value is None else value}"]
        if number % 5 == 0 and value is not None:
            lines.append(f"    comparators: {{England: {round(value * 0.98, 1)}}}")
    if plan:
        period = {"added": "2015-03", "revised": "2014-11"}.get(plan, "2014-12")
        lines += [
            "action_plan:",
            f"  period: {period}",
            "  non_compliance_reason: Referrals fell after the contract changed.",
            "  what: |\n    - More referrals from GP practices",
            "  how: Monthly contract meetings with the provider.",
            f"  who: Lead Officer {number}",
            "  when: 2015/16 Q2",
        ]
        if plan == "revised":
            lines.append("  updated: 2015-03-20")
    return "\n".join(lines) + "\n"


def write_tree(folder: Path, count: int = 57, seed: int = 2015) -> list[Path]:
    rng = random.Random(seed)
    written = []
    reds = amber_seen = 0
    for number, status in enumerate(statuses(count)):
        before, plan = status, ""
        if status == "RED":
            reds += 1
            nth = (reds - 1) % 11
            before = "GREEN" if nth < NEW_RED else "RED"
            plan = "added" if nth < NEW_RED else "revised" if nth == NEW_RED else "kept"
            plan = "" if nth >= 11 - UNPLANNED else plan
        elif status == "NO DATA":
            before = "GREEN"
        elif status == "AMBER":
            amber_seen += 1
            before = "RED" if (amber_seen - 1) % 12 < RESOLVED else "AMBER"
        sub = folder / DIRECTORATES[number % len(DIRECTORATES)]
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"indicator-{number:04d}.yaml"
        path.write_text(indicator(rng, number, status, before, plan), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    print(f"wrote {len(write_tree(args.folder, args.count))} files to {args.folder}")


if __name__ == "__main__":
    main()
