import math

import pandas as pd
import pytest

from generator.model.stats import WHISKER_RULE, box_stats

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


def frame():
    values = [-20.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, math.nan]
    return pd.DataFrame({
        "platform": ["a"] * len(values) + ["b"],
        "fps": values + [42.0],
    })


def test_box_stats_match_hand_computed_tukey_quartiles():
    boxes, outliers = box_stats(frame(), "fps", "platform")
    a = boxes.iloc[0]
    # 11 sorted values: q1 at position 2.5 -> 2.5, median at 5 -> 5, q3 at 7.5 -> 7.5.
    assert a["platform"] == "a" and a["n"] == 11
    assert (a["q1"], a["median"], a["q3"]) == (2.5, 5.0, 7.5)
    # IQR 5: fences at 2.5 - 7.5 = -5 and 7.5 + 7.5 = 15.
    assert (a["whisker_low"], a["whisker_high"]) == (1.0, 9.0)
    assert (a["minimum"], a["maximum"]) == (-20.0, 100.0)
    assert list(zip(outliers["platform"], outliers["value"])) == [("a", -20.0), ("a", 100.0)]
    assert list(boxes.columns) == ["platform", "n", "q1", "median", "q3", "whisker_low",
                                   "whisker_high", "minimum", "maximum", "outliers"]
    assert a["outliers"] == 2


def test_box_stats_draw_at_most_the_most_extreme_outliers_but_count_them_all():
    values = [5.0] * 20 + [-3.0, -2.0, -1.0, 50.0, 60.0, 70.0, 80.0]
    boxes, outliers = box_stats(pd.DataFrame({"platform": "a", "fps": values}), "fps", ["platform"], max_outliers=2)
    assert boxes.iloc[0]["outliers"] == 7
    assert list(outliers["value"]) == [-3.0, -2.0, 70.0, 80.0]  # the two lowest and the two highest


def test_box_stats_single_value_group_has_equal_stats_and_no_outlier():
    boxes, outliers = box_stats(frame(), "fps", ["platform"])
    b = boxes.iloc[1]
    assert b["n"] == 1
    assert [b[c] for c in ("q1", "median", "q3", "whisker_low", "whisker_high",
                           "minimum", "maximum")] == [42.0] * 7
    assert "b" not in set(outliers["platform"])


def test_box_stats_group_by_several_columns_sorted():
    data = pd.DataFrame({"kind": ["GPU", "FPGA", "FPGA", "GPU"],
                         "mode": ["", "y", "x", ""],
                         "fps": [4.0, 1.0, 2.0, 6.0]})
    boxes, outliers = box_stats(data, "fps", ("kind", "mode"))
    assert list(zip(boxes["kind"], boxes["mode"], boxes["median"])) == [
        ("FPGA", "x", 2.0), ("FPGA", "y", 1.0), ("GPU", "", 5.0)]
    assert boxes.loc[2, "q1"] == pytest.approx(4.5)
    assert outliers.empty and list(outliers.columns) == ["kind", "mode", "value"]


def test_box_stats_empty_frame_gives_empty_frames_with_columns():
    boxes, outliers = box_stats(pd.DataFrame({"g": [], "v": []}), "v", "g")
    assert boxes.empty and list(boxes.columns)[:2] == ["g", "n"]
    assert outliers.empty


def test_whisker_rule_is_documented():
    assert "1.5" in WHISKER_RULE and "quartile" in WHISKER_RULE
