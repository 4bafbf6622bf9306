"""The export's tables and their columns: names, types and meanings, a contract with analysts
(docs/export.md is checked against this list by a test). Bump EXPORT_VERSION on any change that
removes, renames or retypes a column; new columns are added at a table's end."""

from __future__ import annotations

from typing import Literal, NamedTuple

EXPORT_VERSION = 1

ColumnType = Literal["string", "float", "integer", "boolean", "date"]


class Column(NamedTuple):
    name: str
    type: ColumnType
    meaning: str


INDICATORS = (
    Column("id", "string", "The indicator's id."),
    Column("title", "string", "The indicator's title."),
    Column("path", "string", "The plan file, as named on the command line."),
    Column("folder", "string", "The folder holding the file, from the plans root ('' at the top)."),
    Column("unit", "string", "What the figures count: percent, count, days, currency..."),
    Column("direction", "string", "Which way is better: higher or lower (empty: not stated)."),
    Column("frequency", "string", "How often a figure is recorded (empty: not stated)."),
    Column("cumulative", "boolean", "The figures are year-to-date."),
    Column("strategic_director_lead", "string", "The Strategic Director Lead."),
    Column("departmental_lead", "string", "The Departmental Lead."),
    Column("status", "string", "The status shown: as published where published, else computed."),
    Column("computed_status", "string", "The status the figures give."),
    Column("published_status", "string", "The status as published (empty: none)."),
    Column("status_mismatch", "boolean", "The published status differs from the computed one."),
    Column("period", "string", "The period of the figure judged, as written."),
    Column("value", "float", "The figure judged."),
    Column("forecast", "boolean", "The figure judged is a forecast."),
    Column("reported", "date", "When the figure judged was reported."),
    Column("target", "float", "The target the figure was judged against."),
    Column("target_period", "string", "The period of that target (empty: one for every period)."),
    Column("target_prorated", "boolean", "The target is the annual one, pro-rated."),
    Column("stale", "boolean", "A newer figure is due."),
    Column("stale_since", "date", "When a newer figure was due."),
    Column("short_term", "string", "Travel against the previous period: improved, worse, same."),
    Column("long_term", "string", "Travel against the same period a year earlier."),
    Column("spc_variation", "string", "SPC: the latest point's variation (empty: no SPC)."),
    Column("spc_assurance", "string", "SPC: whether the target is assured (empty: no SPC)."),
    Column("spc_mean", "float", "SPC: the mean of the latest limits."),
    Column("spc_lower_limit", "float", "SPC: the lower process limit."),
    Column("spc_upper_limit", "float", "SPC: the upper process limit."),
    Column("spc_reason", "string", "Why there is no SPC (empty: there is)."),
    Column("plan_coverage", "string", "For a RED measure: OK, MISSING, STALE, INCOMPLETE..."),
    Column("plan_detail", "string", "What the plan's coverage means for this measure."),
    Column("plan_due", "date", "When the plan's results are due."),
    Column("needs_plan", "boolean", "RED without a current, complete plan."),
)

MEASUREMENTS = (
    Column("id", "string", "The indicator's id."),
    Column("period", "string", "The period, as written."),
    Column("period_start", "date", "The period's first day."),
    Column("period_end", "date", "The period's last day."),
    Column("value", "float", "The figure (empty: missing)."),
    Column("numerator", "float", "For proportions: the count measured."),
    Column("denominator", "float", "For proportions: the population."),
    Column("forecast", "boolean", "A projected outturn, not an actual."),
    Column("reported", "date", "When the figure was reported."),
    Column("known", "boolean", "Known at the export's date (else left out of every status)."),
    Column("target", "float", "The target for this period's figure."),
    Column("published_status", "string", "The status as published (empty: none)."),
    Column("status", "string", "The status at that period: as published, else computed."),
    Column("computed_status", "string", "The status the figure gives against its target."),
    Column("spc_type", "string", "SPC: the point's type (empty: not on the SPC chart)."),
    Column("special_cause", "boolean", "SPC: the point is a special cause."),
    Column("note", "string", "The note beside the figure."),
)

PLANS = (
    Column("id", "string", "The indicator's id."),
    Column("section", "string", "The plan's section: performance, what, how, who, when..."),
    Column("text", "string", "The section's text, as written (Markdown where the file has it)."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "indicators": INDICATORS,
    "measurements": MEASUREMENTS,
    "plans": PLANS,
}
