import math

import pandas as pd
import pytest

from generator.model.experiments import configurations, efficiency, pareto_points
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_SOURCE

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

NAN = math.nan


def run(platform, network, pruning_pct, batch, fps_comp, top1_pct=NAN, repeat=1,
        precision="INT8", mode="", lat_comp_ms=NAN, power_full_w=NAN, task="imagenet"):
    row = dict.fromkeys(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE, NAN)
    row.update(task=task, platform=platform, mode=mode, precision=precision, network=network,
               pruning_pct=float(pruning_pct), batch=batch, repeat=repeat, fps_comp=fps_comp,
               top1_pct=top1_pct, lat_comp_ms=lat_comp_ms, power_full_w=power_full_w,
               source_file="m.csv", source_row=1)
    return row


def measurements(*rows):
    return pd.DataFrame(list(rows), columns=list(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE))


def prediction(platform, network, pruning_pct, fps, peak_fps, precision="INT8", mode="",
               assumption="weights-offchip", task="imagenet"):
    return dict(task=task, platform=platform, mode=mode, precision=precision, network=network,
                pruning_pct=float(pruning_pct), assumption=assumption, batch=1, fps=fps,
                peak_fps=peak_fps)


def test_configurations_pick_the_fastest_run_and_count_all_runs():
    frame = configurations(measurements(
        run("zcu104", "resnet-50", 100, 1, 100.0, top1_pct=70.0, lat_comp_ms=10.0),
        run("zcu104", "resnet-50", 100, 8, 300.0, top1_pct=71.0, lat_comp_ms=26.7,
            power_full_w=20.0),
        run("zcu104", "resnet-50", 100, 4, 250.0, top1_pct=72.0),
        run("zcu104", "resnet-50", 100, 16, NAN, lat_comp_ms=50.0),
    ))
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["fps"] == 300.0
    assert row["batch"] == 8
    assert row["lat_comp_ms"] == 26.7
    assert row["top1_pct"] == 71.0
    assert row["power_full_w"] == 20.0
    assert row["runs"] == 4
    assert list(frame.columns) == ["task", "platform", "mode", "precision", "network",
                                   "pruning_pct", "fps", "batch", "lat_comp_ms", "top1_pct",
                                   "power_full_w", "runs"]
    assert str(frame["batch"].dtype) == "Int64"
    assert frame["runs"].dtype == "int64"


def test_configurations_break_fps_ties_by_smallest_batch():
    frame = configurations(measurements(
        run("p", "n", 100, 32, 500.0, lat_comp_ms=64.0),
        run("p", "n", 100, 2, 500.0, lat_comp_ms=4.0),
        run("p", "n", 100, 8, 500.0, lat_comp_ms=16.0),
    ))
    assert frame.loc[0, "batch"] == 2
    assert frame.loc[0, "lat_comp_ms"] == 4.0


def test_configurations_fall_back_to_mean_top1_when_best_run_has_none():
    frame = configurations(measurements(
        run("p", "n", 100, 1, 100.0, top1_pct=60.0),
        run("p", "n", 100, 2, 200.0, top1_pct=NAN),
        run("p", "n", 100, 4, 150.0, top1_pct=70.0),
    ))
    assert frame.loc[0, "fps"] == 200.0
    assert frame.loc[0, "top1_pct"] == pytest.approx(65.0)


def test_configurations_without_fps_keep_a_row_with_missing_values():
    frame = configurations(measurements(
        run("p", "n", 100, 1, NAN, top1_pct=60.0, lat_comp_ms=5.0),
        run("p", "n", 100, 2, NAN, top1_pct=62.0, lat_comp_ms=9.0),
    ))
    row = frame.iloc[0]
    assert math.isnan(row["fps"])
    assert row["batch"] is pd.NA
    assert math.isnan(row["lat_comp_ms"])
    assert row["top1_pct"] == pytest.approx(61.0)
    assert row["runs"] == 2


def test_configurations_are_one_row_per_key_sorted():
    frame = configurations(measurements(
        run("zcu104", "resnet-50", 50, 1, 10.0),
        run("ultra96", "resnet-50", 100, 1, 20.0),
        run("tx2", "resnet-50", 100, 1, 30.0, mode="maxq", precision="FP16"),
        run("tx2", "resnet-50", 100, 1, 40.0, mode="maxn", precision="FP16"),
        run("zcu104", "resnet-50", 100, 1, 50.0),
        run("zcu104", "resnet-50", 100, 2, 60.0),
    ))
    assert list(zip(frame["platform"], frame["mode"], frame["pruning_pct"])) == [
        ("tx2", "maxn", 100.0), ("tx2", "maxq", 100.0), ("ultra96", "", 100.0),
        ("zcu104", "", 50.0), ("zcu104", "", 100.0)]
    assert list(frame["runs"]) == [1, 1, 1, 1, 2]


def small_set():
    """Three measured configurations and three predictions; two pairs match."""
    configs = configurations(measurements(
        run("a", "net", 100, 4, 500.0, top1_pct=70.0),       # matches a prediction
        run("a", "net", 50, 2, 900.0, top1_pct=65.0),        # no prediction at 50 %
        run("b", "net", 100, 1, 100.0, top1_pct=NAN),        # no top-1: not a Pareto point
    ))
    predictions = pd.DataFrame([
        prediction("a", "net", 100, fps=400.0, peak_fps=800.0),
        prediction("b", "net", 100, fps=250.0, peak_fps=250.0),
        prediction("c", "net", 100, fps=50.0, peak_fps=60.0),
        prediction("c", "net", 100, fps=99.0, peak_fps=60.0, assumption="weights-onchip"),
        prediction("c", "net", 25, fps=3000.0, peak_fps=3000.0),  # no published accuracy
    ])
    accuracy = pd.DataFrame([
        dict(task="imagenet", network="net", pruning_pct=100.0, precision="INT8",
             top1_pct=71.0, top5_pct=NAN),
        dict(task="imagenet", network="net", pruning_pct=50.0, precision="INT8",
             top1_pct=66.0, top5_pct=NAN),
    ])
    return configs, predictions, accuracy


def test_pareto_points_match_measured_and_predicted_configurations():
    configs, predictions, accuracy = small_set()
    points = pareto_points(configs, predictions, accuracy)
    assert list(points.columns) == ["task", "kind", "platform", "mode", "precision", "network",
                                    "pruning_pct", "fps", "top1_pct", "on_front", "batch",
                                    "has_partner"]
    got = [(r.kind, r.platform, r.pruning_pct, r.fps, r.top1_pct, r.on_front, r.has_partner)
           for r in points.itertuples()]
    assert got == [
        ("measured", "a", 50.0, 900.0, 65.0, True, False),
        ("measured", "a", 100.0, 500.0, 70.0, True, True),
        ("predicted", "a", 100.0, 400.0, 71.0, True, True),
        ("predicted", "b", 100.0, 250.0, 71.0, False, False),
        ("predicted", "c", 100.0, 50.0, 71.0, False, False),
    ]
    assert list(points["batch"].astype(object)) == [2, 4, pd.NA, pd.NA, pd.NA]
    assert str(points["batch"].dtype) == "Int64"
    assert points["on_front"].dtype == bool and points["has_partner"].dtype == bool


def test_pareto_points_use_the_requested_assumption():
    configs, predictions, accuracy = small_set()
    points = pareto_points(configs, predictions, accuracy, assumption="weights-onchip")
    predicted = points[points["kind"] == "predicted"]
    assert list(predicted["platform"]) == ["c"] and list(predicted["fps"]) == [99.0]
    assert not points["has_partner"].any()


def test_pareto_front_is_computed_per_task():
    configs = configurations(measurements(
        run("a", "net", 100, 1, 500.0, top1_pct=70.0),
        run("a", "tiny", 100, 1, 10.0, top1_pct=50.0, task="mnist"),
    ))
    empty = pd.DataFrame(columns=["task", "platform", "mode", "precision", "network",
                                  "pruning_pct", "assumption", "fps", "peak_fps"])
    accuracy = pd.DataFrame(columns=["task", "network", "pruning_pct", "precision", "top1_pct",
                                     "top5_pct"])
    points = pareto_points(configs, empty, accuracy)
    assert list(points["task"]) == ["imagenet", "mnist"]
    assert list(points["on_front"]) == [True, True]


def test_efficiency_compares_matching_configurations_only():
    configs, predictions, _ = small_set()
    frame = efficiency(configs, predictions)
    assert list(frame.columns) == ["task", "platform", "mode", "precision", "network",
                                   "pruning_pct", "predicted_fps", "peak_fps", "measured_fps",
                                   "batch", "efficiency_pct", "above_bound", "above_peak"]
    got = [(r.platform, r.predicted_fps, r.peak_fps, r.measured_fps, r.batch, r.efficiency_pct)
           for r in frame.itertuples()]
    # a: 500 measured / 400 predicted = 125 % (above the prediction is possible).
    # b: 100 / 250 = 40 %, even though b has no measured top-1.
    assert got == [("a", 400.0, 800.0, 500.0, 4, 125.0), ("b", 250.0, 250.0, 100.0, 1, 40.0)]
    assert str(frame["batch"].dtype) == "Int64"
    # no platform-aware bound in these predictions: above_bound is unknown
    assert frame["above_bound"].isna().all()
    assert list(frame["above_peak"]) == [False, False]


def test_efficiency_flags_measurements_above_the_platform_aware_bound_and_the_peak():
    configs = configurations(measurements(
        run("a", "net", 100, 4, 500.0),
        run("b", "net", 100, 1, 100.0),
        run("c", "net", 100, 1, 300.0),
        run("d", "net", 100, 1, 70.0),
    ))
    predictions = pd.DataFrame([
        prediction("a", "net", 100, fps=400.0, peak_fps=800.0),
        prediction("a", "net", 100, fps=450.0, peak_fps=800.0, assumption="platform-aware"),
        prediction("b", "net", 100, fps=250.0, peak_fps=250.0),
        prediction("b", "net", 100, fps=100.0 / (1 + 1e-12), peak_fps=250.0,
                   assumption="platform-aware"),  # equal up to rounding: not above
        prediction("c", "net", 100, fps=50.0, peak_fps=200.0),
        prediction("c", "net", 100, fps=200.0, peak_fps=200.0, assumption="platform-aware"),
        prediction("d", "net", 100, fps=50.0, peak_fps=60.0),
    ])
    frame = efficiency(configs, predictions)
    assert list(frame["platform"]) == ["a", "b", "c", "d"]
    assert list(frame["above_bound"].astype(object)) == [True, False, True, pd.NA]
    assert list(frame["above_peak"]) == [False, False, True, True]
    assert str(frame["above_bound"].dtype) == "boolean"
    assert str(frame["above_peak"].dtype) == "boolean"
    # the flags do not depend on which assumption the efficiency is computed against
    aware = efficiency(configs, predictions, assumption="platform-aware")
    assert list(aware["platform"]) == ["a", "b", "c"]
    assert list(aware["above_bound"]) == [True, False, True]
