import math

import numpy as np
import pandas as pd
import pytest

from generator.model.fidelity import ERROR_COLUMNS, REL_TOL, exceeds, model_error

NAN = math.nan
LN2 = math.log(2.0)


def config(platform, task, fps, network="net"):
    return dict(task=task, platform=platform, mode="", precision="INT8", network=network,
                pruning_pct=100.0, fps=fps)


def prediction(platform, task, model, fps, network="net"):
    return dict(task=task, platform=platform, mode="", precision="INT8", network=network,
                pruning_pct=100.0, assumption=model, fps=fps)


CONFIGS = pd.DataFrame([
    config("a", "imagenet", 200.0),
    config("b", "imagenet", 100.0),
    config("c", "mnist", 50.0),
    config("d", "mnist", NAN),        # not measured: never counts
    config("e", "mnist", 10.0),       # measured, but no model predicts it
])
PREDICTIONS = pd.DataFrame([
    prediction("a", "imagenet", "roof", 100.0),   # measured 2x the prediction: ln 2, above
    prediction("b", "imagenet", "roof", 400.0),   # 1/4 of it: ln 4
    prediction("c", "mnist", "roof", 50.0 * (1 + REL_TOL / 10)),  # equal up to rounding: 0
    prediction("d", "mnist", "roof", 10.0),
    prediction("a", "imagenet", "guess", 200.0),  # exact: 0
    prediction("b", "imagenet", "guess", NAN),    # no prediction
    prediction("z", "imagenet", "guess", 1.0),    # not measured
])


def test_model_error_by_hand():
    frame = model_error(PREDICTIONS, CONFIGS)
    assert list(frame.columns) == list(ERROR_COLUMNS)
    assert list(zip(frame["task"], frame["model"], frame["configurations"])) == [
        ("imagenet", "guess", 1), ("imagenet", "roof", 2),
        ("mnist", "guess", 0), ("mnist", "roof", 1),
        ("all", "guess", 1), ("all", "roof", 3)]
    rows = frame.set_index(["task", "model"])
    # imagenet, roof: errors ln 2 and ln 4 = 2 ln 2
    assert rows.loc[("imagenet", "roof"), "median_abs_log_error"] == pytest.approx(1.5 * LN2)
    assert rows.loc[("imagenet", "roof"), "p90_abs_log_error"] == pytest.approx(1.9 * LN2)
    assert rows.loc[("imagenet", "roof"), "above_bound_pct"] == pytest.approx(50.0)
    # all, roof: errors 0, ln 2, 2 ln 2; p90 at rank 0.9 x 2 = 1.8: ln 2 + 0.8 x ln 2
    assert rows.loc[("all", "roof"), "median_abs_log_error"] == pytest.approx(LN2)
    assert rows.loc[("all", "roof"), "p90_abs_log_error"] == pytest.approx(1.8 * LN2)
    assert rows.loc[("all", "roof"), "above_bound_pct"] == pytest.approx(100.0 / 3)
    assert rows.loc[("mnist", "roof"), "median_abs_log_error"] == pytest.approx(0.0, abs=1e-9)
    assert rows.loc[("mnist", "roof"), "above_bound_pct"] == 0.0
    assert rows.loc[("all", "guess"), "median_abs_log_error"] == 0.0
    assert rows.loc[("all", "guess"), "above_bound_pct"] == 0.0
    empty = rows.loc[("mnist", "guess")]
    assert math.isnan(empty["median_abs_log_error"]) and math.isnan(empty["above_bound_pct"])


def test_model_error_matches_an_independent_computation():
    rng = np.random.default_rng(7)
    n = 40
    measured = rng.uniform(1.0, 1000.0, n)
    predicted = measured * np.exp(rng.normal(0.0, 1.0, n))
    tasks = np.where(np.arange(n) % 3 == 0, "mnist", "cifar10")
    configs = pd.DataFrame([config(f"p{i}", tasks[i], measured[i]) for i in range(n)])
    predictions = pd.DataFrame([prediction(f"p{i}", tasks[i], "m", predicted[i]) for i in range(n)])
    frame = model_error(predictions, configs).set_index("task")
    errors = np.abs(np.log(measured / predicted))
    for task, mask in (("cifar10", tasks == "cifar10"), ("mnist", tasks == "mnist"),
                       ("all", np.ones(n, dtype=bool))):
        assert frame.at[task, "configurations"] == mask.sum()
        assert frame.at[task, "median_abs_log_error"] == pytest.approx(np.median(errors[mask]))
        assert frame.at[task, "p90_abs_log_error"] == pytest.approx(
            np.quantile(errors[mask], 0.9, method="linear"))
        above = (measured[mask] > predicted[mask]).mean() * 100
        assert frame.at[task, "above_bound_pct"] == pytest.approx(above)


def test_model_error_does_not_depend_on_row_order():
    forward = model_error(PREDICTIONS, CONFIGS)
    backward = model_error(PREDICTIONS.iloc[::-1], CONFIGS.iloc[::-1])
    pd.testing.assert_frame_equal(forward, backward)


def test_exceeds_uses_a_tiny_relative_tolerance():
    assert list(exceeds(np.array([100.0, 100.0, 101.0, NAN, 5.0]),
                        np.array([100.0, 100.0 * (1 - 1e-12), 100.0, 1.0, NAN]))) == [
        False, False, True, False, False]
