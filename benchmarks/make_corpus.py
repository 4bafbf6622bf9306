"""Write N realistic indicator files (~3 KB each) for benchmarking `actionplan check`.

Each file has 12-36 monthly or quarterly measurements, a target (single, or an annual target with
profile points), and a third of them carry an action plan. The output is deterministic for a seed.

    python benchmarks/make_corpus.py 10000 benchmarks/corpus/10000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DIRECTORATES = ["public-health", "adult-care", "children", "environment", "housing", "finance"]
SUBJECTS = [
    "Smoking quitters (4 weeks)",
    "Opiate users not re-presenting within 6 months",
    "Delayed transfers of care per 100,000 population",
    "Households in temporary accommodation",
    "Household waste sent for reuse, recycling or composting",
    "Council tax collected in year",
    "Children looked after with three or more placements",
    "NHS Health Checks delivered to the eligible population",
    "Days lost to sickness per full-time employee",
    "Invoices paid within 30 days",
]
LEADS = [
    "Julie Webster, Head of Public Health",
    "Fiona Johnstone, Director of Public Health",
    "Rebecca Mellor, Public Health",
    "Head of Housing Options",
    "Assistant Director, Finance",
]
WORDS = [
    "service",
    "providers",
    "referrals",
    "attendance",
    "contract",
    "monitoring",
    "targeted",
    "practices",
    "training",
    "insight",
    "pilot",
    "commissioner",
    "recovery",
    "partnership",
    "performance",
    "quarterly",
    "review",
    "community",
    "outreach",
    "engagement",
    "capacity",
    "demand",
    "pathway",
    "improvement",
]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, width: int = 4) -> str:
    lines = [sentence(rng, rng.randint(10, 16)) for _ in range(width)]
    return "\n".join("    " + line for line in lines)


def indicator(rng: random.Random, number: int) -> str:
    monthly = rng.random() < 0.7
    count = rng.randint(12, 36)
    higher = rng.random() < 0.6
    base = rng.uniform(20, 2000)
    target = round(base * rng.uniform(0.9, 1.15), 1)
    lines = [
        f"# Indicator {number}: generated for benchmarking",
        f"title: {rng.choice(SUBJECTS)} ({number})",
        f"strategic_director_lead: {rng.choice(LEADS)}",
        f"departmental_lead: {rng.choice(LEADS)}",
        "description: |",
        paragraph(rng, 3).replace("    ", "  "),
        f"unit: {rng.choice(['count', 'percent', 'rate', 'number'])}",
        f"frequency: {'monthly' if monthly else 'quarterly'}",
        f"direction: {'higher' if higher else 'lower'}",
        f"tolerance: {rng.choice(['5%', '10%', '2.5'])}",
        "target:",
        f"  2013/14: {target}",
        f"  2014/15: {round(target * 1.02, 1)}",
        "measurements:",
    ]
    year = 2012
    for index in range(count):
        if monthly:
            y, m = divmod(3 + index, 12)
            period = f"{year + y}-{m + 1:02d}"
        else:
            y, q = divmod(index, 4)
            period = f"{year + y}-Q{q + 1}"
        value = round(base * rng.uniform(0.8, 1.2), 1)
        lines += [f"  - period: {period}", f"    value: {value}"]
        if rng.random() < 0.5:
            lines.append(f"    note: {sentence(rng, 5)}")
    if number % 3 == 0:
        lines += [
            "action_plan:",
            f"  period: {period}",
            "  non_compliance_reason: |",
            paragraph(rng, 4),
            "  what: |",
            paragraph(rng, 3),
            "  how: |",
            paragraph(rng, 3),
            f"  who: {rng.choice(LEADS)}",
            f"  when: Quarter {rng.randint(1, 4)}",
        ]
    return "\n".join(lines) + "\n"


def write_corpus(count: int, folder: Path, seed: int = 2014) -> list[Path]:
    rng = random.Random(seed)
    written = []
    for number in range(count):
        sub = folder / DIRECTORATES[number % len(DIRECTORATES)]
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"indicator-{number:05d}.yaml"
        path.write_text(indicator(rng, number), encoding="utf-8")
        written.append(path)
    return written


def corpus_of(size: int, work: Path) -> Path:
    """The corpus of `size` files in `work`, written the first time it is asked for."""
    folder = work / f"corpus-{size}"
    if not folder.exists():
        write_corpus(size, folder)
    return folder


def plan_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("count", type=int, help="how many indicator files")
    parser.add_argument("folder", type=Path, help="where to write them (created)")
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args()
    paths = write_corpus(args.count, args.folder, args.seed)
    size = sum(p.stat().st_size for p in paths) / len(paths)
    print(f"wrote {len(paths)} files to {args.folder} (mean {size / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
