"""`record` writes each figure as it was given: `123456789012345678901` and `1e23` as typed, not
as the digits of the double nearest them; a figure's formatting (`19,625`, `53.6%`, `£1,200.50`)
is taken off by its text, never by a round trip through a float; a figure that the tool would
read as another number is refused with the reason. The same for one figure, a CSV's rows and
a published table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from actionplan.domain import figures
from actionplan.domain.figures import parse_number, whole_or_float
from actionplan.workspace.construct import construct
from actionplan.workspace.yamlfile import compose
from support.one_plan import invoke, plans_tree

PLAN = "title: A\ndirection: higher\nmeasurements:\n  - period: 2014-04\n    value: 5\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return plans_tree(tmp_path, monkeypatch, PLAN)


def recorded(tree: Path) -> list[object]:
    """The values of the plan's measurements after the first, as `check` reads them."""
    text = (tree / "plans" / "a.yaml").read_text()
    data = construct(compose(text, Path("a.yaml")), Path("a.yaml"))
    return [item["value"] for item in data["measurements"][1:]]


def plan_text(tree: Path) -> str:
    return (tree / "plans" / "a.yaml").read_text()


@pytest.mark.parametrize(
    ("given", "line"),
    [
        ("123456789012345678901", "value: 123456789012345678901\n"),
        ("1e23", "value: 1e23\n"),
        ("1E+23", "value: 1E+23\n"),
        ("-2.5e-7", "value: -2.5e-7\n"),
        ("12.50", "value: 12.50\n"),
        ("0.30000000000000000001", "value: 0.30000000000000000001\n"),
        ("19,625", "value: 19625\n"),
        ("53.6%", "value: 53.6\n"),
        ("£1,200.50", "value: 1200.50\n"),
        ("+7", "value: 7\n"),
        ("007.5", "value: 7.5\n"),
        (".5", "value: 0.5\n"),
        ("-.5", "value: -0.5\n"),
        ("5.", "value: 5\n"),
    ],
)
def test_one_figure_is_written_as_given(tree: Path, given: str, line: str) -> None:
    code, err = invoke("record", "a", "2014-05", "--", given)
    assert code == 0, err
    assert f"  - period: 2014-05\n    {line}" in plan_text(tree)
    assert parse_number(recorded(tree)[0]) == parse_number(given)
    assert invoke("check")[0] == 0


def test_a_csv_figure_is_written_as_given(tree: Path) -> None:
    Path("in.csv").write_text(
        "id,period,value,numerator,denominator\n"
        "a,2014-05,1e300,1e300,3e299\n"
        'a,2014-06,"19,625",,\n'
        "a,2014-07,123456789012345678901,,\n"
    )
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 0, err
    text = plan_text(tree)
    assert "value: 1e300\n    numerator: 1e300\n    denominator: 3e299\n" in text
    assert "value: 19625\n" in text
    assert "value: 123456789012345678901\n" in text
    assert max(len(line) for line in text.splitlines()) < 40  # no 301-digit expansion


def test_a_fingertips_figure_is_written_as_given(tree: Path) -> None:
    (tree / "plans" / "a.yaml").write_text(
        PLAN.replace("direction", "fingertips: {indicator: 1, area: E1}\ndirection")
    )
    Path("ft.csv").write_text(
        "Indicator ID,Area Code,Sex,Age,Category Type,Time period,Value,Count,Denominator\n"
        "1,E1,Persons,All,,2014,1e23,12345678901234567890,9.50\n"
    )
    code, err = invoke("record", "--csv", "ft.csv")
    assert code == 0, err
    assert "value: 1e23\n    numerator: 12345678901234567890\n    denominator: 9.50\n" in (
        plan_text(tree)
    )


def test_a_table_figure_and_target_are_written_as_given(tree: Path) -> None:
    Path("kpis.csv").write_text("Indicator,Q1,Target\na,1e23,123456789012345678901\n")
    code, err = invoke(
        "record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=Q1",
        "--map", "target=Target", "--table", "kpis.csv",
    )  # fmt: skip
    assert code == 0, err
    text = plan_text(tree)
    assert "value: 1e23\n" in text
    assert "2014-05: 123456789012345678901\n" in text


def test_a_workbook_number_is_written_as_the_number_it_stores(tree: Path) -> None:
    # A workbook stores a number, not its text: it is written in the shortest form that reads
    # back as that very number, never as the 24 digits of its binary expansion.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Indicator", "Q1"])
    sheet.append(["a", 1e23])
    buffer = io.BytesIO()
    book.save(buffer)
    Path("kpis.xlsx").write_bytes(buffer.getvalue())
    code, err = invoke(
        "record", "--period", "2014-05", "--map", "id=Indicator", "--map", "value=Q1",
        "--table", "kpis.xlsx",
    )  # fmt: skip
    assert code == 0, err
    assert "99999999999999991611392" not in plan_text(tree)
    assert recorded(tree) == [1e23]


@pytest.mark.parametrize("given", ["1e-400", "0.1e-330", "-7e-999"])
def test_a_figure_the_tool_would_read_as_zero_is_refused_with_the_reason(
    tree: Path, given: str
) -> None:
    code, err = invoke("record", "a", "2014-05", "--", given)
    assert code == 2
    assert "too small" in err and "read as 0" in err
    assert plan_text(tree) == PLAN
    Path("in.csv").write_text(f"id,period,value\na,2014-05,{given}\n")
    code, err = invoke("record", "--csv", "in.csv")
    assert code == 2 and "in.csv:2:" in err and "too small" in err
    assert plan_text(tree) == PLAN


def test_a_large_whole_float_is_not_expanded_into_its_binary_digits() -> None:
    assert whole_or_float(617.0) == 617 and isinstance(whole_or_float(617.0), int)
    assert isinstance(whole_or_float(1e23), float)
    assert isinstance(whole_or_float(2.0**60), float)


def test_the_written_form_is_the_same_number_as_the_one_read() -> None:
    for text in ["19,625", "-£1,200.50", "53.6%", "1e23", "0009", "12.", ".25e2"]:
        figure = figures.written(text)
        assert isinstance(figure, figures.Written)
        assert figure == parse_number(text) == float(figure.text)
    assert figures.written("NA") is None


def test_a_new_indicator_target_is_written_as_given(tree: Path) -> None:
    code, err = invoke(
        "new", "--indicator", "b", "--title", "B", "--direction", "higher", "--target", "1e23"
    )
    assert code == 0, err
    assert "target: 1e23\n" in (tree / "plans" / "b.yaml").read_text()
