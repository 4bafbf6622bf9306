"""The JSON Schema of an indicator file, from the models, for editors that check YAML as you type.

It accepts what the models accept where JSON Schema can say so (a number typed into a text field,
`yes` for true), and a council's own status words when the settings' `statuses:` are given;
what needs the workspace (a period's financial year, a figure's spelling) is left to
`actionplan check`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from actionplan.domain.models import Indicator
from actionplan.domain.values import NUMBER_SCHEMA, PERIOD_SCHEMA, Status

DIALECT = "https://json-schema.org/draft/2020-12/schema"

REPORTED_EXAMPLES = ["2014-07-31", "2014-07"]  # as the models' `reported` schema gives them

# Examples shown by editors beside each key's description, for the keys the models give none.
EXAMPLES: dict[str, dict[str, list[Any]]] = {
    "Indicator": {
        "id": ["smoking-quitters"],
        "title": ["Smoking quitters (4 weeks)"],
        "strategic_director_lead": ["Policy, Performance & Public Health"],
        "departmental_lead": ["Julie Webster, Head of Public Health"],
        "description": ["Smokers who set a quit date and are smoke free four weeks later."],
        "unit": ["count", "percent"],
        "frequency": ["monthly"],
        "direction": ["higher"],
        "cumulative": [True],
        "tolerance": ["5%", "10pp", 2.5, {"green": "5%", "amber": "10%"}],
        "amber_if_improved_on_last_year": [True],
        "target": [1900, {"2014/15": 1900, "2014-04": 993}, {"low": 85, "high": 95}],
        "floor": [60, {"2024/25": 60}],
        "plan_after": [2],
        "travel_window": [6],
        "target_decimals": [2],
        "fingertips": [{"indicator": 92443, "area": "E08000015"}],
        "spc": [{"recalculate_from": ["2023-04"]}, {"rules": "mdc", "points": 6}],
        "events": [[{"period": "2014-09", "text": "New provider contract"}]],
        "measurements": [[{"period": "2014-04", "value": 617, "note": "Wirral Wide"}]],
        "action_plan": [{"period": "2014-04", "who": "Rebecca Mellor, Public Health"}],
    },
    "Measurement": {
        "note": ["Wirral Wide"],
        "reported": REPORTED_EXAMPLES,
        "forecast": [True],
        "status": ["RED"],
        "comparators": [{"England": "48.82%"}],
    },
    "SpcSettings": {
        "rules": ["mdc", "nhsrplotthedots"],
        "points": [7, 6],
        "screen_moving_ranges": [False],
    },
    "Event": {"period": ["2014-09"], "text": ["New provider contract"]},
    "ActionPlan": {
        "period": ["2014-04", "2014/15 Q1"],
        "performance": ["617 Wirral Wide; April target is 993"],
        "non_compliance_reason": ["Attendance at stop smoking services fell by 45%."],
        "what": ["- More quit dates set\n- More four-week quitters\n"],
        "how": ["Targeted work with GP practices to increase referrals."],
        "who": ["Rebecca Mellor, Public Health"],
        "when": ["Quarter 3", "2015-03"],
        "updated": ["2014-07-31"],
        "internal": [True],
    },
}
DESCRIPTIONS = {("Indicator", "measurements"): "The figures, one per period, in period order."}
# The spellings pydantic reads as true or false.
BOOLEAN_WORDS = ["yes", "no", "true", "false", "on", "off", "y", "n", "t", "f", "1", "0"]
STATUS_WORDS = ["red", "amber", "green", "no[ _]+target", "no[ _]+data", "r", "a", "g", "blue", "m"]
MISSING_WORDS = ["na", "n/a", "-", "null", "none", "m", "missing", "\\*", "\\.\\."]

# Patterns say in an editor what the models refuse: "April 2014" is not a period, "about 600"
# not a figure. Each accepts at least all the models accept (the models have the last word).
_Y = r"\d{4}"
# A financial year's second year follows its first: spelled out, as JSON Schema has no arithmetic.
_FY = r"\d\d(" + "|".join(rf"{n:02d}\s*[/-]\s*(\d\d)?{(n + 1) % 100:02d}" for n in range(100)) + ")"
_SINGLE = "|".join(
    [
        rf"{_Y}-(0?[1-9]|1[0-2])(-(0?[1-9]|[12]\d|3[01]))?",
        rf"{_Y}-?\s*[Qq][1-4]",
        rf"{_FY}(\s*-?\s*[Qq][1-4])?",
        rf"[Qq][1-4]\s*-?\s*{_FY}",
        _Y,
    ]
)
PERIOD_PATTERN = rf"^\s*({_SINGLE})(\s*\.\.\s*({_SINGLE}))?\s*$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _any_case(words: list[str]) -> str:
    """An alternation matching the words in any case (JSON Schema regexes have no flags)."""

    def letters(word: str) -> str:
        return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)

    return "(" + "|".join(letters(word) for word in words) + ")"


# A comma only between groups of three digits, as the models read figures (`4,6` is refused).
_DIGITS = r"(\d{1,3}(,\d{3})+(\.\d+)?|(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)"
FIGURE_PATTERN = (
    r"^(\s*" + _any_case(MISSING_WORDS) + r"?\s*|\s*[-+]?\s*[£$€]?\s*" + _DIGITS + r"\s*%?\s*)$"
)
STATUS_PATTERN = r"^\s*" + _any_case(STATUS_WORDS) + r"\s*$"
# What a regex would read as syntax in a council's word (`(within 10%)`), escaped to a literal.
_SPECIAL = set("\\^$.|?*+()[]{}/")


def council_word_pattern(word: str) -> str:
    """A council's status word as the settings' `statuses:` read it: any case, each run of
    spaces and underscores as any other such run (`On target`, `ON_TARGET`)."""
    parts = word.replace("_", " ").split()

    def literal(part: str) -> str:
        return "".join(
            f"[{c.upper()}{c.lower()}]"
            if c.upper() != c.lower()
            else ("\\" + c if c in _SPECIAL else c)
            for c in part
        )

    return r"[\s_]+".join(literal(part) for part in parts)


def status_pattern(council_words: Iterable[str] = ()) -> str:
    """The tool's status names and letters, and a council's own words beside them."""
    words = [council_word_pattern(word) for word in council_words if word.strip()]
    if not words:
        return STATUS_PATTERN
    return r"^\s*(" + "|".join([_any_case(STATUS_WORDS), *words]) + r")\s*$"


class _Generator(GenerateJsonSchema):
    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        # Text fields take numbers too (`when: 2015`): the models keep them as text.
        return {"type": ["string", "number"]}

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "boolean"},
                {"enum": [0, 1]},
                {"type": "string", "pattern": "^" + _any_case(BOOLEAN_WORDS) + "$"},
            ]
        }


def indicator_schema(council_words: Iterable[str] = ()) -> dict[str, Any]:
    """The schema; `council_words`, the settings' `statuses:` words, are accepted as a
    measurement's `status` beside the tool's own names."""
    schema = Indicator.model_json_schema(schema_generator=_Generator)
    for name, properties in [("Indicator", schema["properties"])] + [
        (name, definition["properties"]) for name, definition in schema.get("$defs", {}).items()
    ]:
        for key, examples in EXAMPLES.get(name, {}).items():
            properties[key].setdefault("examples", examples)
        for (model, key), text in DESCRIPTIONS.items():
            if model == name:
                properties[key].setdefault("description", text)
    _add_patterns(schema, status_pattern(council_words))
    schema["properties"]["id"]["pattern"] = ID_PATTERN
    for key in ("target", "floor"):
        for branch in schema["properties"][key].get("oneOf", []):
            if branch.get("type") == "object":  # the period -> target map
                branch["propertyNames"] = {"pattern": PERIOD_PATTERN}
    schema["dependentRequired"] = {"target": ["direction"]}
    return {
        "$schema": DIALECT,
        "title": "actionplan indicator file",
        "description": "One performance indicator, its measurements and its action plan.",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _add_patterns(node: Any, statuses: str) -> None:
    """Give the text form of every period, figure and status its pattern."""
    if isinstance(node, list):
        for item in node:
            _add_patterns(item, statuses)
        return
    if not isinstance(node, dict):
        return
    pattern = {
        str(PERIOD_SCHEMA["examples"]): PERIOD_PATTERN,
        str(NUMBER_SCHEMA["examples"]): FIGURE_PATTERN,
        str(REPORTED_EXAMPLES): PERIOD_PATTERN,  # a date, or a period meaning its last day
    }.get(str(node.get("examples")))
    for branch in node.get("anyOf", []):
        if pattern and branch.get("type") == "string":
            branch["pattern"] = pattern
    if node.get("enum") == [status.value for status in Status]:
        node["examples"] = node.pop("enum")  # still offered for completion
        node["pattern"] = statuses
    for value in node.values():
        _add_patterns(value, statuses)
