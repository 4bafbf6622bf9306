"""A council's folder of old Performance Action Plans, generated: template documents as Word
(.docx) and text exports, in a folder per financial year, some of them broken, with a manifest
(manifest.csv) giving the facts some documents leave out. For bench_import.py and its test.

Four kinds of document, after the real plans the template was used for:

- a monthly count whose performance names the month but not its year ("617 Wirral Wide April
  target is 993"): the manifest gives its `year` (or, for some, its `period`);
- a percentage for a financial year ("44.43% (2014-15)", target 66%);
- days lost with a projected outturn ("Projected end of year 10.51 days", target "9.5 days") and
  a `when` that names the year ("2013/14 Q2");
- a percentage for a calendar year, reported later ("7.37% (July 2014) (Covering the service
  delivery period January-December 2013"), target 10%.

Some documents get an `id` in the manifest, and some a `direction` that overrides the one their
figures imply. Broken ones: empty, binary, a damaged .docx, an old binary .doc saved as .docx,
and minutes that are not the template.

    python benchmarks/make_import_corpus.py FOLDER [--count 200] [--broken 12]
"""

from __future__ import annotations

import argparse
import calendar
import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

YEARS = [2012, 2013, 2014, 2015]
GUIDANCE = (
    "This template is to be completed for ALL measures showing **RED** status of "
    "non-compliance against the specified target reported."
)
REASON = (
    "<p>Performance fell short of the target for the {ordinal} month running; attendance "
    "dropped after the service moved to new premises.</p> <p>A recovery plan was agreed with "
    "the provider in {month}.</p>"
)
WHAT = (
    '<ul style="list-style-type: none"> \u2022 More referrals from GP practices. \u2022 Fewer '
    "missed appointments."
)
HOW = (
    "<p>Targeted work with the twelve practices with the lowest referral rates; reminder texts "
    "two days before each appointment.</p>"
)
BROKEN_KINDS = ("empty", "binary", "damaged-docx", "old-doc", "minutes")


@dataclass(frozen=True)
class Expected:
    """What importing a generated document must give."""

    source: Path
    file: str  # the plan file's name
    direction: str
    plan_period: str | None  # the period the plan answers
    manifest: dict[str, str] = field(default_factory=dict)  # the facts the manifest gives


@dataclass
class Corpus:
    folder: Path
    manifest: Path
    documents: list[Expected] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)


def fy(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def write_corpus(folder: Path, count: int = 200, broken: int = 12, seed: int = 9) -> Corpus:
    """`count` documents under `folder` (every `count // broken`-th one broken) and the
    manifest beside them."""
    rng = random.Random(seed)
    corpus = Corpus(folder, folder / "manifest.csv")
    every = count // broken if broken else count + 1
    rows: list[dict[str, str]] = []
    for number in range(1, count + 1):
        year = YEARS[number % len(YEARS)]
        suffix = ".docx" if number % 2 else ".txt"
        source = folder / fy(year).replace("/", "-") / f"plan-{number:03d}{suffix}"
        source.parent.mkdir(parents=True, exist_ok=True)
        if number % every == 0 and len(corpus.broken) < broken:
            kind = BROKEN_KINDS[len(corpus.broken) % len(BROKEN_KINDS)]
            if kind in ("damaged-docx", "old-doc"):
                source = source.with_suffix(".docx")
            _write_broken(source, kind, rng)
            corpus.broken.append(source)
            continue
        rows_of_plan, expected = _plan(number, year, source, rng)
        _write(source, rows_of_plan)
        corpus.documents.append(expected)
        if expected.manifest:
            rows.append({"file": source.relative_to(folder).as_posix(), **expected.manifest})
    with corpus.manifest.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["file", "period", "year", "direction", "id"])
        writer.writeheader()
        writer.writerows(rows)
    return corpus


def _plan(
    number: int, year: int, source: Path, rng: random.Random
) -> tuple[list[tuple[str, str]], Expected]:
    kind = number % 4
    facts: dict[str, str] = {}
    title = (
        f"Indicator {number:03d} " + ("quitters", "uptake", "sickness", "re-presentations")[kind]
    )
    direction = "lower" if kind == 2 else "higher"
    if kind == 0:  # a month without its year
        month = rng.randint(1, 12)
        name = calendar.month_name[month]
        target = rng.randint(500, 1000)
        performance = f"{rng.randint(100, target - 1)} Wirral Wide {name} target is {target}"
        calendar_year = year if month >= 4 else year + 1
        period = f"{calendar_year}-{month:02d}"
        facts = {"period": period} if number % 8 == 0 else {"year": fy(year)}
        annual, when = str(target * 2), "Quarter 3"
    elif kind == 1:  # a percentage for a financial year
        annual = f"{rng.randint(60, 80)}%"
        performance = f"{rng.randint(3000, 5900) / 100}% ({year}-{(year + 1) % 100:02d})"
        period, when = fy(year), "Quarter 1"
    elif kind == 2:  # days lost, with a projected outturn; the year from `when`
        annual = "9.5 days"
        performance = f"Projected end of year {rng.randint(1000, 1300) / 100} days"
        period, when = fy(year), f"{fy(year)} Q2"
    else:  # a calendar year's percentage, reported the July after
        annual = "10%"
        performance = (
            f"{rng.randint(500, 950) / 100}% (July {year + 1}) (Covering the service delivery "
            f"period January-December {year}"
        )
        period, when = f"{year}-01..{year}-12", "By the end of the current contract"
    if number % 10 == 1:
        facts["id"] = f"pi-{number:03d}"
    if number % 7 == 0:
        facts["direction"] = direction = "lower" if direction == "higher" else "higher"
    stem = facts.get("id") or title.lower().replace(" ", "-")
    rows = [
        ("INDICATOR OVERVIEW", ""),
        ("Indicator Title", title),
        ("Strategic Director Lead", "Policy, Performance & Public Health"),
        ("Departmental Lead", f"Lead officer {number}"),
        ("Target", annual),
        ("CURRENT SITUATION: Detail what the performance is", ""),
        ("Performance this Period", performance),
        ("Non-compliance reason", REASON.format(ordinal=number % 5 + 2, month="May")),
        ("ACTIONS: This describes what's necessary", ""),
        ("What (is required)", WHAT),
        ("How (will it be achieved)", HOW),
        ("Who (will be responsible)", f"Service manager {number}"),
        ("When (will results be realised)", when),
    ]
    return rows, Expected(source, f"{stem}.yaml", direction, period, facts)


def _write(source: Path, rows: list[tuple[str, str]]) -> None:
    if source.suffix == ".txt":
        lines = ["PERFORMANCE ACTION PLAN TEMPLATE", "", GUIDANCE, ""]
        lines += [f"{label}\t{value}" for label, value in rows]
        source.write_text("\n".join(lines), encoding="utf-8")
        return
    from docx import Document

    document = Document()
    document.add_paragraph("PERFORMANCE ACTION PLAN TEMPLATE")
    document.add_paragraph(GUIDANCE)
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        if value:
            cells[0].text, cells[1].text = label, value
        else:  # a heading across the table
            cells[0].merge(cells[1]).text = label
    document.save(str(source))


def _write_broken(source: Path, kind: str, rng: random.Random) -> None:
    if kind == "empty":
        source.write_bytes(b"")
    elif kind == "binary":
        source.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    elif kind == "damaged-docx":  # cut short, as by an interrupted copy
        _write(source, [("Indicator Title", "Damaged")])
        source.write_bytes(source.read_bytes()[:4000])
    elif kind == "old-doc":
        source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    else:
        source.write_text("Minutes of the meeting\n\nApologies were received.\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--broken", type=int, default=12)
    args = parser.parse_args()
    corpus = write_corpus(args.folder, args.count, args.broken)
    print(f"{len(corpus.documents)} documents, {len(corpus.broken)} broken, {corpus.manifest}")


if __name__ == "__main__":
    main()
