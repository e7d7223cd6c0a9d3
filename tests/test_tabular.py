"""Generated CSV is deterministic: sorted rows, stable columns, numbers at significant digits."""

import numpy as np
import pandas as pd
import pytest

from generator.output.tables import SIGNIFICANT_DIGITS, format_number, to_csv_text


def test_numbers_keep_nine_significant_digits_in_positional_notation():
    assert SIGNIFICANT_DIGITS == 9
    assert format_number(5.23807) == "5.23807"
    assert format_number(194.27) == "194.27"
    assert format_number(1000000.0) == "1000000"
    assert format_number(0.0007) == "0.0007"
    assert format_number(0.0038432) == "0.0038432"  # energies below 0.1 mJ keep every digit
    assert format_number(0.000668672) == "0.000668672"
    assert format_number(123456789.4) == "123456789"
    assert format_number(1.5e-12) == "0.0000000000015"
    assert format_number(0.1 + 0.2) == "0.3"  # float noise stays out of the diff
    assert format_number(-1e-30) == "-0.000000000000000000000000000001"
    assert format_number(-0.0) == "0"
    assert format_number(float("nan")) == ""


def test_huge_numbers_are_written_not_crashed_on():
    assert format_number(1e308).startswith("1000000000")
    assert format_number(float("inf")) == "inf"


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
