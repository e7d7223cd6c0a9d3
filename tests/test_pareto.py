import math

import pandas as pd
import pytest

from generator.model.pareto import pareto_front

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


def front(points, index=None):
    frame = pd.DataFrame(points, columns=["fps", "top1_pct"], index=index)
    return list(pareto_front(frame))


def test_pareto_front_drops_dominated_points():
    # (100, 70) beats (50, 60) in both; (200, 50) and (100, 70) trade off.
    assert front([(100, 70), (50, 60), (200, 50)]) == [True, False, True]


def test_pareto_front_same_fps_keeps_only_the_more_accurate():
    assert front([(100, 70), (100, 65)]) == [True, False]


def test_pareto_front_same_accuracy_keeps_only_the_faster():
    assert front([(100, 70), (120, 70)]) == [False, True]


def test_pareto_front_keeps_exact_duplicates_of_a_front_point():
    assert front([(100, 70), (100, 70), (50, 60)]) == [True, True, False]


def test_pareto_front_drops_both_duplicates_of_a_dominated_point():
    assert front([(50, 60), (50, 60), (100, 70)]) == [False, False, True]


def test_pareto_front_excludes_nan_points():
    nan = math.nan
    # The NaN points would dominate everything if they were compared.
    assert front([(100, 70), (nan, 99), (1000, nan), (50, 60)]) == [True, False, False, False]


def test_pareto_front_single_point_is_on_the_front():
    assert front([(1, 1)]) == [True]


def test_pareto_front_empty_frame_gives_empty_series():
    result = pareto_front(pd.DataFrame({"fps": [], "top1_pct": []}))
    assert result.empty and result.dtype == bool


def test_pareto_front_is_aligned_with_the_frame_index_and_custom_columns():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 2.0, 0.5]}, index=[10, 20, 30])
    frame.loc[30, "b"] = 1.0
    result = pareto_front(frame, x="a", y="b")
    assert list(result.index) == [10, 20, 30]
    assert list(result) == [True, True, True]
    frame.loc[20, "a"] = 0.5  # now dominated by (1, 3)
    assert list(pareto_front(frame, x="a", y="b")) == [True, False, True]
