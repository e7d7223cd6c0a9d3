"""Generated CSV is deterministic: sorted rows, stable columns, numbers at significant digits."""

import numpy as np
import pandas as pd
import pytest

from generator.formatting import SIGNIFICANT_DIGITS, fmt_table
from generator.output.tables import to_csv_text

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


def test_numbers_keep_nine_significant_digits_in_positional_notation():
    assert SIGNIFICANT_DIGITS == 9
    assert fmt_table(5.23807) == "5.23807"
    assert fmt_table(194.27) == "194.27"
    assert fmt_table(1000000.0) == "1000000"
    assert fmt_table(0.0007) == "0.0007"
    assert fmt_table(0.0038432) == "0.0038432"  # energies below 0.1 mJ keep every digit
    assert fmt_table(0.000668672) == "0.000668672"
    assert fmt_table(123456789.4) == "123456789"
    assert fmt_table(1.5e-12) == "0.0000000000015"
    assert fmt_table(0.1 + 0.2) == "0.3"  # float noise stays out of the diff
    assert fmt_table(-1e-30) == "-0.000000000000000000000000000001"
    assert fmt_table(-0.0) == "0"
    assert fmt_table(float("nan")) == ""


def test_digits_none_keeps_every_digit_a_float_holds_in_positional_notation():
    assert fmt_table(219.4345766, None) == "219.4345766"  # ten significant digits, as read
    assert fmt_table(58.59603891, None) == "58.59603891"
    assert fmt_table(100.0, None) == "100"
    assert fmt_table(1e-05, None) == "0.00001"
    assert fmt_table(2.5e16, None) == "25000000000000000"
    assert fmt_table(float("nan"), None) == ""
    frame = pd.DataFrame({"x": [219.4345766, np.nan, 12.5], "n": [1, 2, 3]})
    assert to_csv_text(frame, sort=False, digits=None) == "x,n\n219.4345766,1\n,2\n12.5,3\n"
    assert to_csv_text(frame, sort=False).splitlines()[1] == "219.434577,1"  # the default: nine digits


def test_huge_numbers_are_written_not_crashed_on():
    assert fmt_table(1e308).startswith("1000000000")
    assert fmt_table(float("inf")) == "inf"


def test_rows_are_sorted_and_cells_typed():
    frame = pd.DataFrame({
        "platform": ["b", "a", "a"],
        "batch": pd.array([2, 1, None], dtype="Int64"),
        "fps": [1.23456, 2.0, np.nan],
        "on_front": [True, False, True],
    })
    text = to_csv_text(frame, key=["platform", "batch"])
    assert text.splitlines() == [
        "platform,batch,fps,on_front",
        "a,1,2,false",
        "a,,,true",
        "b,2,1.23456,true",
    ]


def test_same_rows_in_another_order_give_the_same_bytes():
    frame = pd.DataFrame({"x": ["c", "a", "b"], "y_ms": [3.0, 1.0, 2.0]})
    shuffled = frame.sample(frac=1.0, random_state=3)
    assert to_csv_text(frame) == to_csv_text(shuffled)


def test_text_with_commas_and_quotes_is_quoted():
    frame = pd.DataFrame({"name": ['Board, "rev B"']})
    assert to_csv_text(frame).splitlines()[1] == '"Board, ""rev B"""'


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd"])
def test_a_text_cell_never_starts_a_spreadsheet_formula(text):
    line = to_csv_text(pd.DataFrame({"name": [text]})).splitlines()[1]
    assert line.lstrip('"').startswith("'")


def test_numbers_are_not_mistaken_for_formulas():
    assert to_csv_text(pd.DataFrame({"x_w": [-1.5]})).splitlines()[1] == "-1.5"
