"""Generated CSV is deterministic: sorted rows, stable columns, fixed-precision numbers."""

import numpy as np
import pandas as pd

from generator.tabular import decimals_for, format_number, to_csv_text


def test_decimals_follow_the_unit_in_the_column_name():
    assert decimals_for("lat_comp_ms") == 3
    assert decimals_for("fps_comp") == 3
    assert decimals_for("predicted_fps") == 3
    assert decimals_for("fps_per_w") == 3
    assert decimals_for("power_full_w") == 4
    assert decimals_for("ops_gop") == 6
    assert decimals_for("top1_pct") == 3


def test_numbers_are_fixed_point_with_trailing_zeros_trimmed():
    assert format_number(5.23807, 3) == "5.238"
    assert format_number(194.27, 3) == "194.27"
    assert format_number(1000000.0, 3) == "1000000"
    assert format_number(0.0007, 6) == "0.0007"
    assert format_number(1e-9, 3) == "0"
    assert format_number(-1e-9, 3) == "0"
    assert format_number(float("nan"), 3) == ""


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
        "b,2,1.235,true",
    ]


def test_same_rows_in_another_order_give_the_same_bytes():
    frame = pd.DataFrame({"x": ["c", "a", "b"], "y_ms": [3.0, 1.0, 2.0]})
    shuffled = frame.sample(frac=1.0, random_state=3)
    assert to_csv_text(frame) == to_csv_text(shuffled)


def test_text_with_commas_and_quotes_is_quoted():
    frame = pd.DataFrame({"name": ['Board, "rev B"']})
    assert to_csv_text(frame).splitlines()[1] == '"Board, ""rev B"""'
