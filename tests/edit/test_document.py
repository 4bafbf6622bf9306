"""Edits keep what a person wrote: only the lines an edit adds appear in the diff."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest

from actionplan.domain.models import Measurement, Settings
from actionplan.domain.periods import parse_period
from actionplan.edit.changes import add_measurement, add_plan_skeleton, measurement_text
from actionplan.edit.document import EditError, open_document, parse_document, render, validated
from actionplan.errors import ActionplanError
from actionplan.workspace.atomic import write_atomic
from actionplan.workspace.store import SETTINGS_FILE
from support.paths import ROOT

VALID = sorted(
    p
    for folder in (ROOT / "tests/examples/valid", ROOT / "plans")
    for p in folder.rglob("*.y*ml")
    if p.name != SETTINGS_FILE
)
SETTINGS = Settings()


def measurement(period: str, value: object = 700, **extra: object) -> Measurement:
    data = {"period": period, "value": value, **extra}
    return Measurement.model_validate(data, context={"fy_start": 4})


def only_added(old: str, new: str) -> list[str]:
    """The lines added; fails if any existing line was changed or removed."""
    diff = list(difflib.ndiff(old.splitlines(keepends=True), new.splitlines(keepends=True)))
    changed = [line for line in diff if line.startswith("- ")]
    assert not changed, "".join(diff)
    return [line[2:] for line in diff if line.startswith("+ ")]


def edited(text: str, *periods: str, tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    doc = parse_document(path, text.encode(), 4)
    for period in periods:
        add_measurement(doc, measurement(period))
    return render(doc)


@pytest.mark.parametrize("source", VALID, ids=lambda p: p.name)
@pytest.mark.parametrize("where", ["first", "last"])
def test_record_on_every_valid_example_only_adds_lines(
    source: Path, where: str, tmp_path: Path
) -> None:
    original = source.read_bytes()
    path = tmp_path / source.name
    path.write_bytes(original)
    period = "1990-01" if where == "first" else "2099-12"
    text = measurement_text(path, measurement(period, 123, note="added"), SETTINGS)
    added = only_added(original.decode("utf-8-sig"), text.removeprefix("\ufeff"))
    block = [f"- period: {period}", "value: 123", "note: added"]
    flow = [f"- {{period: {period}, value: 123, note: added}}"]  # like flow-style neighbours
    lines = [line.strip() for line in added]
    if "measurements" not in source.read_text():
        assert lines.pop(0) == "measurements:"
    assert lines in (block, flow)
    indicator = validated(path, text, SETTINGS)
    periods = [m.period for m in indicator.measurements]
    assert periods[0 if where == "first" else -1] == parse_period(period)


LAYOUTS = {
    "aligned values": "title:    Spaced\nunit:     count\nmeasurements:\n  - period:   2014-04\n"
    "    value:    1\n",
    "tilde nulls": "title: T\ndescription: ~\nmeasurements:\n  - period: 2014-04\n    value: ~\n",
    "plain scalar over lines": "title: A long\n  title here\nmeasurements:\n  - period: 2014-04\n"
    "    value: 1\n",
    "dash at key column": "title: T\nmeasurements:\n- period: 2014-04\n  value: 1\n"
    "- period: 2014-06\n  value: 3\n",
    "four spaces": "title: T\ntarget:\n    2014/15: 5\ndirection: higher\nmeasurements:\n"
    "    -   period: 2014-04\n        value: 1\n",
    "trailing blanks": "title: T   \nmeasurements:\n  - period: 2014-04\n    value: 1  \n",
    "crlf": "title: T\r\nmeasurements:\r\n  - period: 2014-04\r\n    value: 1\r\n",
    "comments": "# head\ntitle: 'T'  # quoted\nmeasurements:   # all of them\n"
    '  - period: "2014-04"\n    value: 1   # first\n\n  # june, late\n'
    "  - period: 2014-06\n    value: 3\n\n# the plan\naction_plan: ~\n",
    "document markers": "---\ntitle: T\nmeasurements:\n  - period: 2014-04\n    value: 1\n...\n",
    "long line": "title: " + "word " * 30 + "end\nmeasurements:\n  - period: 2014-04\n"
    "    value: 1\n",
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_layouts_people_write_are_kept(name: str, tmp_path: Path) -> None:
    text = LAYOUTS[name]
    result = edited(text, "2014-05", "2014-01", "2015-01", tmp_path=tmp_path)
    added = only_added(text.replace("\r\n", "\n"), result.replace("\r\n", "\n"))
    assert len(added) == 6
    assert ("\r\n" in result) == ("\r\n" in text)
    periods = [str(m.period) for m in validated(tmp_path / "p.yaml", result, SETTINGS).measurements]
    assert periods == sorted(periods, key=parse_period)


def test_inserted_item_matches_the_files_indentation(tmp_path: Path) -> None:
    result = edited(LAYOUTS["four spaces"], "2014-05", tmp_path=tmp_path)
    assert "    -   period: 2014-05\n        value: 700\n" in result
    result = edited(LAYOUTS["dash at key column"], "2014-05", tmp_path=tmp_path)
    assert "- period: 2014-05\n  value: 700\n- period: 2014-06" in result


def test_insertion_goes_before_the_comments_that_introduce_the_next_item(tmp_path: Path) -> None:
    result = edited(LAYOUTS["comments"], "2014-05", tmp_path=tmp_path)
    assert "value: 1   # first\n  - period: 2014-05\n    value: 700\n\n  # june, late\n" in result


def test_measurements_key_is_added_before_the_plan(tmp_path: Path) -> None:
    text = "title: T\ndirection: higher\ntarget: 4\n\n# plan\naction_plan:\n  period: 2014-04\n"
    result = edited(text, "2014-04", tmp_path=tmp_path)
    assert result == (
        "title: T\ndirection: higher\ntarget: 4\nmeasurements:\n  - period: 2014-04\n"
        "    value: 700\n\n# plan\naction_plan:\n  period: 2014-04\n"
    )


def test_a_recorded_period_is_refused_unless_replaced(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    text = "title: T\nmeasurements:\n  - period: 2014-04\n    value: 1  # first figure\n"
    path.write_text(text)
    doc = open_document(path, 4)
    with pytest.raises(EditError, match="2014-04 already has a value"):
        add_measurement(doc, measurement("2014-04", 5))
    add_measurement(doc, measurement("2014-04", 5, forecast=True))  # a forecast is another kind
    add_measurement(doc, measurement("2014-4", 6), replace=True)
    result = render(doc)
    assert "  - period: 2014-04\n    value: 6  # first figure\n" in result
    values = [(m.value, m.forecast) for m in validated(path, result, SETTINGS).measurements]
    assert values == [(6, False), (5, True)]


def test_replacing_a_figure_without_its_note_keeps_the_lines_after_it(tmp_path: Path) -> None:
    # The comment and blank line after the last measurement hang on its last key (`note`):
    # replacing the figure without a note once dropped them with the key.
    path = tmp_path / "p.yaml"
    text = (
        "title: T\nmeasurements:\n  - period: 2014-04\n    value: 1\n    note: first  # why\n"
        "\n# The plan, when one is needed.\naction_plan: ~\n"
    )
    path.write_text(text)
    doc = open_document(path, 4)
    add_measurement(doc, measurement("2014-04", 6), replace=True)
    assert render(doc) == (
        "title: T\nmeasurements:\n  - period: 2014-04\n    value: 6\n"
        "\n# The plan, when one is needed.\naction_plan: ~\n"
    )


def test_written_values_read_back_as_given(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("title: T\nunit: percent\n")
    doc = open_document(path, 4)
    add_measurement(doc, measurement("2014", "53.6%", reported="2015-07", note="no"))
    add_measurement(doc, measurement("2015", "NA"))
    indicator = validated(path, render(doc), SETTINGS)
    first, second = indicator.measurements
    assert (first.value, first.note, str(first.reported)) == (53.6, "no", "2015-07-31")
    assert second.value is None


def test_plan_skeleton_has_guidance_and_empty_sections(tmp_path: Path) -> None:
    source = ROOT / "tests/examples/valid"
    text = (
        "# keep me\ntitle: T\ndirection: higher\ntarget: 10\nmeasurements:\n"
        "  - period: 2014-04\n    value: 1\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text)
    doc = open_document(path, 4)
    add_plan_skeleton(doc, parse_period("2014-04"))
    result = render(doc)
    added = "".join(only_added(text, result))
    assert "CURRENT SITUATION: Detail what the performance is for this measure" in added
    assert "ACTIONS: This describes what's necessary or how to achieve a 'green' score." in added
    plan = validated(path, result, SETTINGS).action_plan
    assert plan is not None and str(plan.period) == "2014-04"
    assert plan.empty_sections() == ["non_compliance_reason", "what", "how", "who", "when"]
    assert source.is_dir()


def test_an_edit_that_would_not_validate_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("title: T\nmeasurements:\n  - period: 2014-04\n    value: 1\n")
    with pytest.raises(ActionplanError, match="not written"):
        validated(path, "title: T\nmeasurements:\n  - value: 1\n", SETTINGS)


def test_atomic_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("old\n")
    os.chmod(path, 0o640)
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_creating_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    write_atomic(path, "first\n", create=True)
    with pytest.raises(ActionplanError, match="already exists"):
        write_atomic(path, "second\n", create=True)
    assert path.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


SHAPES = {
    "re-spaced": "title: T\ndirection:   higher\ntarget: 10\nmeasurements:\n"
    "  - period: 2014-04   # first\n    value: 5\n\n  # a note on May\n  - period: 2014-06\n"
    "    value: ~\n",
    "flow items": "title: T\nmeasurements:\n- {period: 2014-04, value: 5}\n"
    "- {period: 2014-06, value: 7}\naction_plan:\n  period: 2014-04\n",
    "wide offsets": "title: T\nmeasurements:\n    -   period: 2014-04\n        value: 5\n",
    "block text": "title: T\nmeasurements:\n  - period: 2014-04\n    value: 5\n    note: |\n"
    "      - not an item\n\n      still the note\n  - period: 2014-06\n    value: 6\n",
}


@pytest.mark.parametrize("period", ["1990-01", "2014-05-15", "2099-12"])
@pytest.mark.parametrize(
    "text",
    [*SHAPES.values(), *(p.read_text() for p in VALID)],
    ids=[*SHAPES, *(p.name for p in VALID)],
)
def test_one_rendering_gives_the_text_of_two(text: str, period: str, tmp_path: Path) -> None:
    """A file given one new figure is rendered once, its rendering before the edit read from
    the one after; the text written is the same as with both renderings made."""
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    twice = parse_document(path, text.encode(), 4)
    add_measurement(twice, measurement(period))
    once = parse_document(path, text.encode(), 4, base=False)
    inserted = add_measurement(once, measurement(period))

    assert once.base is None and inserted is not None
    assert render(once, inserted=inserted) == render(twice)
