import math

import numpy as np
import pandas as pd
import pytest

from generator import frames
from generator.inputs.dataset import load_dataset
from generator.model import bounds, calibration, experiments
from generator.model.fidelity import (
    ERROR_COLUMNS,
    REL_TOL,
    VALIDATION_COLUMNS,
    exceeds,
    median_interval,
    model_error,
    validation,
)
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

NAN = math.nan
LN2 = math.log(2.0)
KEY = list(bounds.CONFIG_KEY)


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
NO_CALIBRATION = pd.DataFrame(columns=["scheme", *KEY, "predicted_fps"])


def test_validation_rows_repeat_the_models_without_measurements_under_every_scheme():
    frame = validation(PREDICTIONS, NO_CALIBRATION, CONFIGS)
    assert list(frame.columns) == list(VALIDATION_COLUMNS)
    assert len(frame) == 3 * 4  # (a, b, c) roof + (a) guess, per scheme
    assert set(frame["scheme"]) == set(calibration.SCHEMES)
    roof_a = frame[(frame["model"] == "roof") & (frame["platform"] == "a")]
    assert roof_a["predicted_fps"].tolist() == [100.0] * 3 and roof_a["measured_fps"].tolist() == [200.0] * 3


def test_model_error_by_hand():
    frame = model_error(validation(PREDICTIONS, NO_CALIBRATION, CONFIGS))
    assert list(frame.columns) == list(ERROR_COLUMNS)
    overall = frame[(frame["platform"] == "") & (frame["scheme"] == calibration.NETWORK_OUT)]
    assert list(zip(overall["task"], overall["model"], overall["configurations"])) == [
        ("imagenet", "guess", 1), ("imagenet", "roof", 2),
        ("mnist", "guess", 0), ("mnist", "roof", 1),
        ("all", "guess", 1), ("all", "roof", 3)]
    rows = overall.set_index(["task", "model"])
    # imagenet, roof: errors ln 2 and ln 4 = 2 ln 2
    assert rows.loc[("imagenet", "roof"), "median_abs_log_error"] == pytest.approx(1.5 * LN2)
    assert rows.loc[("imagenet", "roof"), "p90_abs_log_error"] == pytest.approx(1.9 * LN2)
    assert rows.loc[("imagenet", "roof"), "above_bound_pct"] == pytest.approx(50.0)
    # all, roof: errors 0, ln 2, 2 ln 2; p90 at rank 0.9 x 2 = 1.8: ln 2 + 0.8 x ln 2
    assert rows.loc[("all", "roof"), "median_abs_log_error"] == pytest.approx(LN2)
    assert rows.loc[("all", "roof"), "p90_abs_log_error"] == pytest.approx(1.8 * LN2)
    assert rows.loc[("all", "roof"), "above_bound_pct"] == pytest.approx(100.0 / 3)
    # three platforms, one configuration each: the resampled medians lie between 0 and 2 ln 2
    low, high = rows.loc[("all", "roof"), ["ci_low", "ci_high"]]
    assert 0.0 <= low <= LN2 <= high <= 2 * LN2
    assert rows.loc[("mnist", "roof"), "median_abs_log_error"] == pytest.approx(0.0, abs=1e-9)
    assert rows.loc[("mnist", "roof"), "above_bound_pct"] == 0.0
    assert math.isnan(rows.loc[("mnist", "guess"), "median_abs_log_error"])
    per_platform = frame[(frame["platform"] == "b") & (frame["model"] == "roof")]
    assert per_platform["median_abs_log_error"].tolist() == pytest.approx([2 * LN2] * 3)
    assert per_platform["ci_low"].isna().all()


def test_model_error_does_not_depend_on_row_order():
    forward = model_error(validation(PREDICTIONS, NO_CALIBRATION, CONFIGS))
    backward = model_error(validation(PREDICTIONS.iloc[::-1], NO_CALIBRATION, CONFIGS.iloc[::-1]))
    pd.testing.assert_frame_equal(forward, backward)


def test_exceeds_uses_a_tiny_relative_tolerance():
    assert exceeds(np.array([1.0 + 1e-12, 1.1, NAN]), np.array([1.0, 1.0, 1.0])).tolist() == [False, True, False]


def test_interval_resamples_whole_platforms_and_is_reproducible():
    errors = np.array([0.1, 0.1, 0.1, 2.0, 2.0, 2.0])
    one_platform = median_interval(errors, np.array(["a"] * 6))
    assert one_platform == (pytest.approx(1.05), pytest.approx(1.05))  # every resample is the same data
    two = median_interval(errors, np.array(["a", "a", "a", "b", "b", "b"]))
    assert two == median_interval(errors, np.array(["a", "a", "a", "b", "b", "b"]))  # fixed seed
    assert two == (pytest.approx(0.1), pytest.approx(2.0))  # drawing a twice or b twice happens
    # configurations resampled one by one would narrow it; clusters keep a platform together
    spread = median_interval(errors, np.array(["a", "b", "c", "d", "e", "f"]))
    assert spread[1] - spread[0] <= two[1] - two[0]


# --- the validation schemes on the shipped data ------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    ds = load_dataset(SHIPPED)
    inputs = (frames.platforms_frame(ds), frames.variants_frame(ds), frames.precisions_frame(ds),
              frames.tasks_frame(ds))
    return ds, inputs


def schemes(shipped, measurements):
    _, inputs = shipped
    runs = experiments.batch_medians(measurements)
    facts = bounds.bound_facts(*inputs, runs)
    frame = calibration.validation(facts, runs, experiments.configurations(measurements))
    return frame.set_index(["scheme", *KEY])["predicted_fps"]


@pytest.mark.parametrize(("platform", "network"), [("tx2", "resnet-50"), ("edgetpu", "mobilenet-v1"),
                                                   ("zcu104-finn", "cnv")])
def test_a_network_own_runs_scaled_ten_times_move_none_of_its_held_out_predictions(shipped, platform, network):
    ds, _ = shipped
    before = schemes(shipped, ds.measurements)
    scaled = ds.measurements.copy()
    mine = ((scaled["platform"] == platform) & (scaled["network"] == network)).to_numpy()
    scaled.loc[mine, "fps_comp"] *= 10
    after = schemes(shipped, scaled)
    own = (before.index.get_level_values("platform") == platform) & \
          (before.index.get_level_values("network") == network)
    assert own.sum() >= 2
    for scheme in (calibration.NETWORK_OUT, calibration.PLATFORM_OUT):
        held = own & (before.index.get_level_values("scheme") == scheme)
        pd.testing.assert_series_equal(before[held], after[held])
    # ... while the other networks of the platform, calibrated on it, do move (the test can fail)
    others = (before.index.get_level_values("platform") == platform) & ~own & \
             (before.index.get_level_values("scheme") == calibration.NETWORK_OUT)
    assert not np.allclose(before[others], after[others])


def test_a_platform_own_runs_scaled_ten_times_move_none_of_its_platform_out_predictions(shipped):
    ds, _ = shipped
    before = schemes(shipped, ds.measurements)
    scaled = ds.measurements.copy()
    scaled.loc[(scaled["platform"] == "tx2").to_numpy(), "fps_comp"] *= 10
    after = schemes(shipped, scaled)
    held = (before.index.get_level_values("platform") == "tx2") & \
           (before.index.get_level_values("scheme") == calibration.PLATFORM_OUT)
    pd.testing.assert_series_equal(before[held], after[held])
    assert not np.allclose(before[~held], after[~held])
