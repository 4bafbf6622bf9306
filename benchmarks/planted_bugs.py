"""Planted bugs: how many realistic one-line mistakes in the rule-bearing code the tests catch.

Each bug below is a slip a developer really makes (an off-by-one, `<` for `<=`, a lower-is-better
mirror with the wrong sign, a forecast or a unit check forgotten, April taken for the financial
year's start, `NA` or `NO_DATA` not read as written), in the judging rules, the file format,
the edits, the report's drafted sentence and the reading of legacy documents. The script copies
the project into a work folder once per worker, plants one bug at a time, runs the fast tests of
that part of the code (`pytest -x -q`) against the copy, puts the line back, and counts the bugs
the tests catch ("killed") and miss ("survived"):

    python benchmarks/planted_bugs.py                 # every bug, two workers
    python benchmarks/planted_bugs.py --only spc      # the bugs whose file or text holds "spc"
    python benchmarks/planted_bugs.py --list          # the bugs, and any whose line is gone

A bug names its line by text, not number, so it survives edits around it. A bug whose line is no
longer in its file (the code was rewritten) is reported as stale and not counted: rewrite it or
drop it. Where a line occurs more than once, the bug names a line before it (`after`).
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "src/actionplan"
# What a work copy needs: the tests read the seed plans, the templates, the README and the
# benchmarks' corpus makers.
COPIED = ("src", "tests", "templates", "plans", "benchmarks", "pyproject.toml", "README.md")
TIMEOUT = 300  # seconds: a bug that makes a test hang is caught, as the hang would be

# The fast tests of each part of the code, the mirrored rule tests first (they fail soonest).
# A path that does not exist (yet, or any more) is left out with a warning.
JUDGE_TESTS = (
    "tests/judge",
    "tests/domain",
    "tests/test_examples.py",
    "tests/cli/test_check.py",
    "tests/cli/test_app.py",
    "tests/cli/test_rules.py",
    "tests/output/report",
)
DOMAIN_TESTS = (
    "tests/domain",
    "tests/judge",
    "tests/test_examples.py",
    "tests/cli/test_app.py",
    "tests/cli/test_check.py",
    "tests/edit",
    "tests/legacy",
)
EDIT_TESTS = ("tests/edit", "tests/app", "tests/cli/test_app.py")
REPORT_TESTS = ("tests/output/report",)
LEGACY_TESTS = ("tests/legacy", "tests/cli/test_importing.py")
TESTS_BY_PART = {
    "judge/": JUDGE_TESTS,
    "domain/": DOMAIN_TESTS,
    "edit/": EDIT_TESTS,
    "output/report": REPORT_TESTS,
    "legacy/": LEGACY_TESTS,
}


class Bug(NamedTuple):
    """One planted bug: the file (under src/actionplan), the line as it stands (without its
    indentation), the line that replaces it, and, for a line that occurs more than once, the
    text of a line before the one meant."""

    file: str
    original: str
    replacement: str
    after: str = ""


STATUS = "judge/status.py"
TARGETS = "judge/targets.py"
COVERAGE = "judge/coverage.py"
TRAVEL = "judge/travel.py"
CHECK = "judge/assessment.py"
HORIZON = "judge/horizon.py"
SPC = "judge/spc.py"
SPC_LIMITS = "judge/spc_limits.py"
SPC_RULES = "judge/spc_rules.py"
TREND = "judge/trend.py"
PERIODS = "domain/periods.py"
FIGURES = "domain/figures.py"
VALUES = "domain/values.py"
STATUS_WORDS = "domain/status_words.py"
MODELS = "domain/models.py"
STATUSES = "domain/statuses.py"
WORDS = "domain/words.py"
RECORDS = "edit/records.py"
CSV_RECORDS = "edit/csv_records.py"
TABLE_ROWS = "edit/table_rows.py"
TABLE_WORDS = "edit/table_words.py"
REPORT_TEXT = "output/report/evidence.py"
EXCEPTIONS = "judge/exceptions.py"
ACTIONS = "judge/actions.py"
IMPACT = "judge/impact.py"
TRIAGE = "judge/triage.py"
DUE = "judge/due.py"
RESTATED = "judge/restated.py"
LEGACY_FIGURES = "legacy/figures.py"
INFERENCE = "legacy/inference.py"

BUGS: tuple[Bug, ...] = (
    # --- status: bands, mirror, softening, NO TARGET / NO DATA ---------------------------------
    Bug(STATUS, "if short_by <= green:", "if short_by < green:"),
    Bug(
        STATUS,
        'short_by = target - value if direction == "higher" else value - target',
        'short_by = target - value if direction == "higher" else target - value',
    ),
    Bug(
        STATUS,
        "return by_unit or settings.tolerance",
        "return by_unit",
    ),
    Bug(
        STATUS,
        "softened = computed is Status.RED and _soften(indicator, measurement, settings)",
        "softened = _soften(indicator, measurement, settings)",
    ),
    Bug(
        STATUS,
        "if m.period == year_ago and not m.forecast and m.value is not None",
        "if m.period == year_ago and m.value is not None",
    ),
    Bug(
        STATUS,
        "return travel is not Travel.WORSENING",
        "return travel is Travel.IMPROVING",
    ),
    Bug(
        STATUS,
        "if not (settings.amber_if_improved_on_last_year if rule is None else rule):",
        "if not (rule or settings.amber_if_improved_on_last_year):",
    ),
    Bug(
        STATUS,
        "year_ago = measurement.period.shifted_years(-1)",
        "year_ago = measurement.period.shifted_years(1)",
    ),
    Bug(
        STATUS,
        "return amount * abs(target) if band.relative else amount",
        "return amount * target if band.relative else amount",
    ),
    Bug(
        STATUS,
        "computed = Status.NO_DATA if measurement.value is None else Status.NO_TARGET",
        "computed = Status.NO_TARGET",
        "if missing:",
    ),
    Bug(
        STATUS,
        "if indicator.cumulative is not True or indicator.unit not in ADDITIVE_UNITS:",
        "if indicator.cumulative is not True:",
    ),
    Bug(
        STATUS,
        "span = target_period or financial_year_of("
        "measurement.period.end, settings.financial_year_start)",
        "span = target_period or financial_year_of(measurement.period.end)",
    ),
    Bug(
        STATUS,
        "published is Status.BLUE and self.computed in (Status.NO_TARGET, Status.NO_DATA)",
        "published is Status.BLUE and self.computed is Status.NO_TARGET",
    ),
    Bug(
        STATUS,
        "return self.measurement.status or self.computed",
        "return self.computed",
    ),
    # --- targets: the most specific period, trajectories, pro-rating ----------------------------
    Bug(
        TARGETS,
        "if figure_period.contains(period) and (best is None or figure_period.days < best.days):",
        "if figure_period.contains(period) and (best is None or figure_period.days > best.days):",
    ),
    Bug(
        TARGETS,
        "if not isinstance(target, dict) or target_period == measurement.period:",
        "if not isinstance(target, dict):",
    ),
    Bug(
        TARGETS,
        "return Decimal(months) / Decimal(total)",
        "return Decimal(months - 1) / Decimal(total)",
    ),
    Bug(
        TARGETS,
        "return Decimal(elapsed.days) / Decimal(span.days)",
        "return Decimal(elapsed.days) / Decimal(span.days + 1)",
    ),
    Bug(
        TARGETS,
        'ADDITIVE_UNITS = frozenset({"count", "currency", "days", "number"})',
        'ADDITIVE_UNITS = frozenset({"count", "currency", "number"})',
    ),
    # --- coverage ---------------------------------------------------------------------------------
    Bug(
        COVERAGE,
        "if read(indicator, measurement, settings).status is not Status.RED:",
        "if read(indicator, measurement, settings).computed is not Status.RED:",
    ),
    Bug(COVERAGE, "if as_of > due.end:", "if as_of >= due.end:"),
    Bug(
        COVERAGE,
        "if plan is None or plan.period is not None or status not in _UNJUDGED:",
        "if plan is None or plan.period is not None or status is not Status.NO_DATA:",
    ),
    Bug(
        COVERAGE,
        "return min((known_on(m) for m in answered), default=plan.period.end)",
        "return max((known_on(m) for m in answered), default=plan.period.end)",
    ),
    Bug(
        COVERAGE,
        "if plan.period.end < episode_start.start:",
        "if plan.period.start < episode_start.start:",
    ),
    # --- travel and staleness -----------------------------------------------------------------
    Bug(
        TRAVEL,
        'return Travel.IMPROVING if (new > old) == (direction == "higher") else Travel.WORSENING',
        'return Travel.IMPROVING if (new < old) == (direction == "higher") else Travel.WORSENING',
    ),
    Bug(
        TRAVEL,
        "return measurement.period.start if measurement.forecast else measurement.period.end",
        "return measurement.period.end",
    ),
    Bug(
        TRAVEL,
        "return shift_months(known_on(latest), 2 * months)",
        "return shift_months(known_on(latest), months)",
    ),
    Bug(
        TRAVEL,
        "m for m in actuals if m.period.end < now.period.start"
        " and _same_length(m.period, now.period)",
        "m for m in actuals if m.period.end < now.period.start",
    ),
    Bug(
        TRAVEL,
        "match = [m for m in actuals if m.period == year_ago]",
        "match = [m for m in actuals if m.period.contains(year_ago)]",
    ),
    Bug(
        TRAVEL,
        "return months == b.whole_months if months is not None else a.days == b.days",
        "return a.days == b.days",
    ),
    Bug(
        TRAVEL,
        'return compare(now.value, earlier[-1].value or 0.0, indicator.direction or "higher")',
        'return compare(now.value, earlier[0].value or 0.0, indicator.direction or "higher")',
    ),
    # --- one indicator assessed at a date -------------------------------------------------------
    Bug(
        CHECK,
        "(m for m in indicator.measurements if known_on(m) <= as_of),",
        "(m for m in indicator.measurements if known_on(m) < as_of),",
    ),
    Bug(
        CHECK,
        "key=lambda m: (m.period.sort_key, not m.forecast, known_on(m)),",
        "key=lambda m: (m.period.sort_key, m.forecast, known_on(m)),",
    ),
    Bug(
        CHECK,
        "latest_actual = next((m for m in reversed(known) if not m.forecast), None)",
        "latest_actual = next((m for m in known if not m.forecast), None)",
    ),
    Bug(
        CHECK,
        "if travels and not indicator.cumulative",
        "if travels",
    ),
    Bug(
        CHECK,
        "stale=since is not None and as_of > since,",
        "stale=since is not None and as_of >= since,",
    ),
    Bug(
        CHECK,
        "actuals = [m for m in known if not m.forecast and m.value is not None]",
        "actuals = [m for m in known if m.value is not None]",
    ),
    Bug(
        HORIZON,
        "turning.add(_next(assessment.stale_since))  # stale from the day after",
        "turning.add(assessment.stale_since)",
    ),
    Bug(HORIZON, "if ordinal <= today:", "if ordinal < today:"),
    # --- SPC ------------------------------------------------------------------------------------
    Bug(SPC, "if len(values) < MIN_POINTS:", "if len(values) <= MIN_POINTS:"),
    Bug(
        SPC_LIMITS,
        "kept = [r for r in ranges if r < screen]",
        "kept = [r for r in ranges if r <= screen]",
    ),
    Bug(
        SPC_LIMITS,
        "near_upper_limit=mean + NEAR_LIMIT * mean_range,",
        "near_upper_limit=mean + LIMIT * mean_range,",
    ),
    Bug(
        SPC_RULES,
        "if i - start >= length and items[start]:",
        "if i - start > length and items[start]:",
    ),
    Bug(
        SPC_RULES,
        "sides = [(v > mean) - (v < mean) for v in values]",
        "sides = [(v >= mean) - (v < mean) for v in values]",
    ),
    Bug(
        SPC_RULES,
        "if seg.has_limits and (high > seg.near_upper_limit or low < seg.near_lower_limit):",
        "if seg.has_limits and high > seg.near_upper_limit:",
    ),
    Bug(
        SPC_RULES,
        "if seg.has_limits and (high > seg.upper_limit or low < seg.lower_limit):",
        "if seg.has_limits and high > seg.upper_limit:",
    ),
    Bug(
        SPC_RULES,
        "if (v > seg.upper_limit or v < seg.lower_limit) and sides[i]:",
        "if (v >= seg.upper_limit or v <= seg.lower_limit) and sides[i]:",
    ),
    Bug(SPC_RULES, "runs = long_runs(steps, run - 1)", "runs = long_runs(steps, run)"),
    Bug(
        SPC_RULES,
        "and (v < seg.near_lower_limit or v > seg.near_upper_limit)",
        "and (v <= seg.near_lower_limit or v >= seg.near_upper_limit)",
    ),
    Bug(
        SPC_RULES,
        "and near[s] + near[s + 1] + near[s + 2] >= 2",
        "and near[s] + near[s + 1] + near[s + 2] > 2",
    ),
    Bug(SPC, "if target > seg.upper_limit:", "if target >= seg.upper_limit:"),
    Bug(
        SPC,
        'return "consistent_fail" if better > 0 else "consistent_pass"',
        'return "consistent_pass" if better > 0 else "consistent_fail"',
    ),
    Bug(
        SPC,
        '-1: ("common_cause", "special_cause_concern", "special_cause_improvement"),',
        '-1: ("common_cause", "special_cause_improvement", "special_cause_concern"),',
    ),
    Bug(
        SPC_LIMITS,
        "screen = SCREEN * r_mean(ranges) if ranges else 0.0",
        "screen = LIMIT * r_mean(ranges) if ranges else 0.0",
    ),
    # --- the series SPC and charts are drawn on -------------------------------------------------
    Bug(
        TREND,
        "if not m.forecast and m.value is not None and known_on(m) <= as_of",
        "if not m.forecast and m.value is not None and m.period.end <= as_of",
    ),
    Bug(
        TREND,
        "alike = [m for m in actuals if _length(m.period) == days]",
        "alike = actuals",
    ),
    Bug(
        TREND,
        "return months * 100 if months is not None else period.days",
        "return period.days",
    ),
    Bug(
        TREND,
        "year = financial_year_of(m.period.end, settings.financial_year_start)",
        "year = financial_year_of(m.period.end)",
    ),
    Bug(
        TREND,
        "elif previous is not None and (m.period.start - previous.period.end).days == 1:",
        "elif previous is not None:",
    ),
    Bug(
        TREND,
        "next((i for i, p in enumerate(points) if p.period.start >= mark.start), len(points))",
        "next((i for i, p in enumerate(points) if p.period.start > mark.start), len(points))",
    ),
    Bug(
        TREND,
        "if not num or den <= before_den:",
        "if not num or den < before_den:",
    ),
    # --- periods --------------------------------------------------------------------------------
    Bug(
        PERIODS,
        "return (self.end, -self.start.toordinal())",
        "return (self.end, self.start.toordinal())",
    ),
    Bug(
        PERIODS,
        "return self.start <= other.start and other.end <= self.end",
        "return self.start < other.start and other.end <= self.end",
    ),
    Bug(
        PERIODS,
        "return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1",
        "return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month",
    ),
    Bug(
        PERIODS,
        "return date(year, month, last if is_month_end else min(day.day, last))",
        "return date(year, month, min(day.day, last))",
    ),
    Bug(
        PERIODS,
        "start_year = day.year if day.month >= fy_start else day.year - 1",
        "start_year = day.year if day.month > fy_start else day.year - 1",
    ),
    Bug(
        PERIODS,
        "year, month = add_months(fy.start.year, fy.start.month, 3 * (quarter - 1))",
        "year, month = add_months(fy.start.year, fy.start.month, 3 * quarter)",
    ),
    Bug(
        PERIODS,
        "end_year, end_month = add_months(year, month, 2)",
        "end_year, end_month = add_months(year, month, 3)",
    ),
    Bug(PERIODS, "if end_year != start_year + 1:", "if end_year < start_year:"),
    Bug(
        PERIODS,
        '_FY = re.compile(r"(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})")',
        '_FY = re.compile(r"(\\d{4})\\s*/\\s*(\\d{2}|\\d{4})")',
    ),
    Bug(PERIODS, "if due.end < written:", "if due.end <= written:"),
    Bug(
        PERIODS,
        "fy = financial_year_of(written, fy_start)",
        "fy = financial_year_of(written)",
    ),
    Bug(PERIODS, "if fy.whole_months != 12:", "if fy.whole_months is None:"),
    Bug(
        PERIODS,
        "year = written.year if month >= written.month else written.year + 1",
        "year = written.year if month > written.month else written.year + 1",
    ),
    # --- figures --------------------------------------------------------------------------------
    Bug(
        FIGURES,
        'MISSING_WORDS = frozenset({"", "na", "n/a", "-", "null", "none", "m", "missing", "*",'
        ' ".."})',
        'MISSING_WORDS = frozenset({"", "na", "-", "null", "none", "m", "missing", "*", ".."})',
    ),
    Bug(FIGURES, "text = value.strip()", "text = value"),
    Bug(FIGURES, 'if body[:1] in ("-", "+"):', 'if body[:1] == "-":'),
    Bug(
        FIGURES,
        '_GROUPED = re.compile(r"\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?")',
        '_GROUPED = re.compile(r"\\d{1,3}(?:,\\d{1,3})+(?:\\.\\d+)?")',
    ),
    Bug(FIGURES, "if text.lower() in MISSING_WORDS:", "if text in MISSING_WORDS:"),
    Bug(
        FIGURES,
        "return int(value) if value.is_integer() else value",
        "return int(value)",
    ),
    # --- values, models, statuses, words --------------------------------------------------------
    Bug(
        VALUES,
        "if amount is None or amount < 0:",
        "if amount is None or amount <= 0:",
    ),
    Bug(
        VALUES,
        "if green is not None and green.relative == amber.relative"
        " and green.amount > amber.amount:",
        "if green is not None and green.amount > amber.amount:",
    ),
    Bug(
        STATUS_WORDS,
        'text = " ".join(str(value).replace("_", " ").split()).upper()',
        'text = " ".join(str(value).split()).upper()',
    ),
    Bug(
        STATUS_WORDS,
        '_ALIASES = {"R": "RED", "A": "AMBER", "G": "GREEN", "B": "BLUE", "M": "NO DATA"}',
        '_ALIASES = {"R": "RED", "A": "AMBER", "G": "GREEN", "B": "BLUE"}',
    ),
    Bug(
        VALUES,
        'value, int(context.get("fy_start", DEFAULT_FY_START)) if context else DEFAULT_FY_START',
        "value, DEFAULT_FY_START",
    ),
    Bug(VALUES, "return to_period(value, info).end", "return to_period(value, info).start"),
    Bug(
        MODELS,
        "key = (period.start, period.end, measurement.forecast)",
        "key = (period.start, period.end, False)",
    ),
    Bug(
        MODELS,
        'return [name for name in PLAN_SECTIONS if not (getattr(self, name) or "").strip()]',
        "return [name for name in PLAN_SECTIONS if not getattr(self, name)]",
    ),
    Bug(
        MODELS,
        'PLAN_SECTIONS: tuple[str, ...] = ("non_compliance_reason", "what", "how", "who", "when")',
        'PLAN_SECTIONS: tuple[str, ...] = ("non_compliance_reason", "what", "how", "who")',
    ),
    Bug(STATUSES, 'NO_DATA = "NO DATA"', 'NO_DATA = "NO_DATA"'),
    Bug(STATUSES, "if tolerance_set or not bare:", "if tolerance_set and not bare:"),
    Bug(WORDS, 'MONTH_NAMES["sept"] = 9', 'MONTH_NAMES["sep"] = 9'),
    Bug(
        WORDS,
        "return f\"{count} {noun if count == 1 else (nouns or noun + 's')}\"",
        "return f\"{count} {noun if count <= 1 else (nouns or noun + 's')}\"",
    ),
    # --- records from CSV and Fingertips --------------------------------------------------------
    Bug(
        CSV_RECORDS,
        "and (wanted.age is None or _same(wanted.age, self.age))",
        "and (wanted.age is None or _same(wanted.sex, self.sex))",
    ),
    Bug(
        CSV_RECORDS,
        "return a.strip().casefold() == b.strip().casefold()",
        "return a.strip() == b.strip()",
    ),
    Bug(
        CSV_RECORDS,
        'if row.get("Category Type") or not row.get("Value"):',
        'if not row.get("Value"):',
    ),
    Bug(
        CSV_RECORDS,
        'return f"{first}..{last}" if 0 < last - first <= MAX_SPAN else None',
        'return f"{first}..{last}" if 0 <= last - first <= MAX_SPAN else None',
    ),
    Bug(
        CSV_RECORDS,
        'return f"{m[1]}/{m[2]}..{last}/{m[4]}" if 0 < last - first <= MAX_SPAN else None',
        'return f"{m[1]}/{m[2]}..{last}/{m[4]}" if 0 <= last - first <= MAX_SPAN else None',
    ),
    Bug(
        CSV_RECORDS,
        "if following_year(first, m[2]) != first + 1 or following_year(last, m[4]) != last + 1:",
        "if following_year(first, m[2]) != first + 1:",
    ),
    Bug(
        RECORDS,
        "earlier = seen.setdefault((m.period, m.forecast), record.line)",
        "earlier = seen.get((m.period, m.forecast), record.line)",
    ),
    Bug(
        CSV_RECORDS,
        'data = {k: v for k, v in row.items() if v and k != "id"}',
        'data = {k: v for k, v in row.items() if k != "id"}',
    ),
    # --- rows of a published table --------------------------------------------------------------
    Bug(
        TABLE_ROWS,
        "if sum(not cell.blank for cell in cells) < 2:",
        "if sum(not cell.blank for cell in cells) <= 2:",
    ),
    Bug(
        TABLE_ROWS,
        "value = float(Decimal(repr(value)) * 100)  # exact: 0.536 is 53.6, not 53.6000001",
        "value = value * 100",
    ),
    Bug(
        TABLE_ROWS,
        'unit: Unit | None = "percent" if cell.percent else None',
        "unit: Unit | None = None",
    ),
    Bug(
        TABLE_WORDS,
        "return word_key(text) in self.missing or not text.strip()",
        "return not text.strip()",
    ),
    Bug(TABLE_ROWS, "first = text.lower().split()[0]", "first = text.split()[0]"),
    Bug(
        TABLE_ROWS,
        "return str(whole_or_float(value))  # an id typed as a number: 101, not 101.0",
        "return str(value)",
    ),
    Bug(TABLE_ROWS, "unit = self.unit() or unit or target_unit", "unit = self.unit() or unit"),
    Bug(
        TABLE_ROWS,
        'if previous is not None and not self.cell("previous").blank:',
        "if previous is not None:",
    ),
    # --- the report's drafted evidence ----------------------------------------------------------
    Bug(REPORT_TEXT, "gap = exact(value) - target", "gap = Decimal(value) - target"),
    Bug(REPORT_TEXT, "if count < 2:", "if count < 1:"),
    Bug(
        REPORT_TEXT,
        'side = "below" if indicator.direction != "lower" else "above"',
        'side = "below"',
    ),
    Bug(REPORT_TEXT, "and known_on(m) <= as_of", "and m.period.end <= as_of"),
    Bug(
        REPORT_TEXT,
        "and (m.period.whole_months == months if months else m.period.days == days)",
        "and m.period.days == days",
    ),
    Bug(
        REPORT_TEXT,
        'return value < target if indicator.direction != "lower" else value > target',
        'return value <= target if indicator.direction != "lower" else value >= target',
    ),
    Bug(
        REPORT_TEXT,
        "if reading is None or reading.measurement.forecast or reading.measurement.value is None:",
        "if reading is None or reading.measurement.value is None:",
    ),
    Bug(
        REPORT_TEXT,
        "beyond = point.value > spc.upper_limit or point.value < spc.lower_limit",
        "beyond = point.value > spc.upper_limit",
    ),
    Bug(
        REPORT_TEXT,
        'return f"{len(run)} points above the mean"',
        'return f"{len(run)} points below the mean"',
    ),
    Bug(
        REPORT_TEXT,
        "rising = run[-1].value > run[0].value",
        "rising = run[-1].value < run[0].value",
    ),
    Bug(REPORT_TEXT, "if count < MIN_POINTS:", "if count <= MIN_POINTS:"),
    # --- legacy figures and what they imply -----------------------------------------------------
    Bug(
        LEGACY_FIGURES,
        '_FIGURE = r"[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s*%?"',
        '_FIGURE = r"[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?%?"',
    ),
    Bug(
        LEGACY_FIGURES,
        '_AFTER = r"(?=[\\s(;]|$)"  # what may follow a figure: never a comma, so "4,6" is not 4',
        '_AFTER = r"(?=[\\s(;,]|$)"',
    ),
    Bug(LEGACY_FIGURES, "if len(set(dated)) == 1:", "if dated:"),
    Bug(
        LEGACY_FIGURES,
        "start_year = int(found[2]) if found[2] else (end_year if first <= last else end_year - 1)",
        "start_year = int(found[2]) if found[2] else end_year",
    ),
    Bug(
        LEGACY_FIGURES,
        'return "/" in text or int(second) == (int(first) + 1) % 100',
        'return "/" in text',
    ),
    Bug(LEGACY_FIGURES, "quarter = found[1] or found[3]", "quarter = found[1]"),
    Bug(
        LEGACY_FIGURES,
        "return context.year or financial_year_of(period.end, context.fy_start)",
        "return context.year or financial_year_of(period.end)",
    ),
    Bug(
        LEGACY_FIGURES,
        "months = [m for m in _BARE_MONTH.finditer(rest) if m[1][0].isupper()]",
        "months = list(_BARE_MONTH.finditer(rest))",
    ),
    Bug(
        LEGACY_FIGURES,
        'if found is None or not _YEAR_END.search(found["lead"]) or result.forecast is not None:',
        "if found is None or result.forecast is not None:",
    ),
    Bug(
        LEGACY_FIGURES,
        "elif len(full) > 1 or (full and bare) or len(bare) > 1:",
        "elif len(full) > 1 or len(bare) > 1:",
    ),
    Bug(
        INFERENCE,
        'return "higher" if self.figure.value < self.target.value else "lower"',
        'return "higher" if self.figure.value > self.target.value else "lower"',
    ),
    Bug(
        INFERENCE,
        "return first.unit == second.unit or not (first.percent or second.percent)",
        "return first.unit == second.unit",
    ),
    Bug(
        INFERENCE,
        "and (actual.percent or _whole_year(performance.period))",
        "and _whole_year(performance.period)",
    ),
    Bug(
        INFERENCE,
        "return period is not None and period.whole_months == 12",
        "return period is not None and (period.whole_months or 0) >= 12",
    ),
    Bug(INFERENCE, "if year.contains(period):", "if year.end >= period.end:"),
    # --- a council's own rules: floors, ranges, points, a plan after N RED periods, travel ----
    Bug(
        STATUS,
        "green, amber = Decimal(0), abs(target - floor)",
        "green, amber = abs(target - floor), abs(target - floor)",
    ),
    Bug(
        STATUS,
        "below = low is not None and (figure < low or high is None or "
        "figure - low < high - figure)",
        "below = low is not None and figure < low",
    ),
    Bug(
        STATUS,
        "return amount * abs(target) if band.relative else amount",
        "return amount * abs(target)",
    ),
    Bug(
        EXCEPTIONS,
        "return start if longest >= after else None",
        "return start if run >= after else None",
    ),
    Bug(
        TRAVEL,
        'return Travel.IMPROVING if (slope > 0) == (indicator.direction != "lower") '
        "else Travel.WORSENING",
        "return Travel.IMPROVING if slope > 0 else Travel.WORSENING",
    ),
    # --- actions, plan impact, triage, what is owed, what was restated ------------------------
    Bug(
        ACTIONS, "if elapsed - progress.percent > tolerance:", "if elapsed - progress.percent >= 0:"
    ),
    Bug(ACTIONS, "if as_of > due:", "if as_of >= due:"),
    Bug(
        ACTIONS,
        "done = action.progress is not None and action.progress.percent >= 100",
        "done = action.progress is not None and action.progress.percent > 100",
    ),
    Bug(
        IMPACT,
        "before = [p for p in points if p.period.end <= written]",
        "before = [p for p in points if p.period.end < written]",
    ),
    Bug(IMPACT, "if len(after) < options.points:", "if len(after) < options.points - 1:"),
    Bug(TRIAGE, 'if spc.assurance == "consistent_fail":', 'if spc.assurance == "inconsistent":'),
    Bug(
        DUE,
        "return timedelta(days=int(median(lags))) if lags else None",
        "return timedelta(days=max(lags)) if lags else None",
    ),
    Bug(DUE, "if due > by:", "if due >= by:"),
    Bug(
        RESTATED,
        "if m.forecast or m.value is None or known_on(m) > since:",
        "if m.value is None or known_on(m) > since:",
    ),
)


@dataclass(frozen=True)
class Outcome:
    bug: Bug
    number: int  # the bug's place in BUGS, from 1, to run it alone with --only
    line: int  # where it was planted; 0 when its line is gone (stale)
    killed: bool
    detail: str  # the first failing test, or why nothing ran


def locate(text: str, bug: Bug) -> int | None:
    """The index of the bug's line in `text`'s lines, or None when it is not (only once) there."""
    lines = text.splitlines()
    start = 0
    if bug.after:
        before = [i for i, line in enumerate(lines) if bug.after in line]
        if len(before) != 1:
            return None
        start = before[0] + 1
    found = [i for i in range(start, len(lines)) if lines[i].strip() == bug.original]
    if not found or (len(found) > 1 and not bug.after):
        return None
    return found[0]


def planted(text: str, index: int, replacement: str) -> str:
    lines = text.splitlines(keepends=True)
    line = lines[index]
    indent = line[: len(line) - len(line.lstrip())]
    ending = line[len(line.rstrip("\r\n")) :]
    lines[index] = indent + replacement + ending
    return "".join(lines)


def tests_for(copy: Path, file: str) -> list[str]:
    for part, paths in TESTS_BY_PART.items():
        if file.startswith(part):
            return [p for p in paths if (copy / p).exists()]
    raise SystemExit(f"no tests are named for {file}: add its part to TESTS_BY_PART")


def make_copy(work: Path, name: str) -> Path:
    """A copy of the project's working files (not its git history, venv or caches)."""
    copy = work / name
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".mutation")
    for entry in COPIED:
        source = ROOT / entry
        if source.is_dir():
            shutil.copytree(source, copy / entry, ignore=ignore)
        elif source.exists():
            copy.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / entry)
    return copy


def run_tests(copy: Path, tests: list[str]) -> tuple[bool, str]:
    """(passed, the first failure's summary line) for the tests run against the copy."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(copy / "src")
    # Compiled files are keyed by the source's mtime in seconds and its size: a bug of the same
    # length planted within a second of the last would be read from a stale one.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-n0",  # the script's own workers use the cores; xdist's would only add start-up
        "-p",
        "no:cacheprovider",
        "-m",
        "not slow",
        *tests,
    ]
    try:
        done = subprocess.run(
            command, cwd=copy, env=env, capture_output=True, text=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return False, f"timed out after {TIMEOUT} s"
    failed = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    summary = failed[0] if failed else (done.stdout.strip().splitlines() or [""])[-1]
    return done.returncode == 0, summary


def try_bug(copy: Path, number: int, bug: Bug) -> Outcome:
    path = copy / PACKAGE / bug.file
    original = path.read_text(encoding="utf-8")
    index = locate(original, bug)
    if index is None:
        return Outcome(bug, number, 0, False, "stale: its line is not in the file (once)")
    path.write_text(planted(original, index, bug.replacement), encoding="utf-8")
    try:
        passed, summary = run_tests(copy, tests_for(copy, bug.file))
    finally:
        path.write_text(original, encoding="utf-8")
    return Outcome(bug, number, index + 1, not passed, summary)


def baseline(copies: queue.Queue[Path], files: set[str]) -> None:
    """The tests each chosen bug runs must pass without any bug, or nothing would count."""
    suites = sorted({tuple(tests_for(ROOT, f)) for f in files})

    def one(tests: tuple[str, ...]) -> tuple[bool, str]:
        copy = copies.get()
        try:
            return run_tests(copy, list(tests))
        finally:
            copies.put(copy)

    with ThreadPoolExecutor(max_workers=copies.qsize()) as pool:
        for passed, summary in pool.map(one, suites):
            if not passed:
                raise SystemExit(f"the tests fail without any bug planted: {summary}")


def chosen(only: list[str]) -> Iterator[tuple[int, Bug]]:
    for number, bug in enumerate(BUGS, start=1):
        words = f"{bug.file} {bug.original}"
        if not only or any(o == str(number) if o.isdigit() else o in words for o in only):
            yield number, bug


def report(outcomes: list[Outcome], seconds: float) -> None:
    stale = [o for o in outcomes if o.line == 0]
    counted = [o for o in outcomes if o.line]
    killed = sum(o.killed for o in counted)
    survivors = [o for o in counted if not o.killed]
    for o in stale:
        print(f"stale   #{o.number} {o.bug.file}: {o.bug.original}")
    for o in survivors:
        print(f"survived #{o.number} {PACKAGE}/{o.bug.file}:{o.line}")
        print(f"    - {o.bug.original}\n    + {o.bug.replacement}")
    share = killed / len(counted) if counted else 0.0
    print(
        f"\n{killed} of {len(counted)} planted bugs killed: {share:.1%} "
        f"({len(survivors)} survived, {len(stale)} stale, {seconds:.0f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="bug numbers or text to match")
    parser.add_argument("--workers", type=int, default=2, help="work copies run at once")
    parser.add_argument("--list", action="store_true", help="list the bugs; run nothing")
    parser.add_argument("--no-baseline", action="store_true", help="skip the clean test run")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each outcome")
    options = parser.parse_args()
    selection = list(chosen(options.only))
    if options.list:
        for number, bug in selection:
            text = (ROOT / PACKAGE / bug.file).read_text(encoding="utf-8")
            where = locate(text, bug)
            mark = "stale" if where is None else f"line {where + 1}"
            print(f"#{number} {bug.file} ({mark}): {bug.original}")
        print(f"{len(selection)} bugs")
        return
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="planted-bugs-") as folder:
        copies: queue.Queue[Path] = queue.Queue()
        for worker in range(max(1, options.workers)):
            copies.put(make_copy(Path(folder), f"copy-{worker}"))
        if not options.no_baseline:
            baseline(copies, {bug.file for _, bug in selection})

        def one(item: tuple[int, Bug]) -> Outcome:
            copy = copies.get()
            try:
                outcome = try_bug(copy, *item)
            finally:
                copies.put(copy)
            if options.verbose:
                word = "killed" if outcome.killed else ("stale" if not outcome.line else "SURVIVED")
                print(f"#{outcome.number} {word}: {outcome.detail}", flush=True)
            return outcome

        with ThreadPoolExecutor(max_workers=copies.qsize()) as pool:
            outcomes = list(pool.map(one, selection))
    report(outcomes, time.monotonic() - started)


if __name__ == "__main__":
    main()
