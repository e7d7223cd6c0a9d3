import math

import numpy as np
import pandas as pd
import pytest

from generator.model import bounds, roofline
from generator.model.experiments import configurations, efficiency
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_SOURCE

NAN = math.nan
PRECISIONS = pd.DataFrame({"precision": ["INT4", "INT8"], "bits": [4.0, 8.0],
                           "bytes_per_element": [0.5, 1.0]})
# 10 000 elements cross the memory interface per input when the weights are on chip.
TASKS = pd.DataFrame({"task": ["t"], "task_name": ["T"], "input_elements": [9000],
                      "output_elements": [1000]})


def platform(name, onchip_mb, peak_tops=1.0, bandwidth_gbps=1.0, precision="INT8", mode=""):
    """Default roof: 1 TOP/s and 1 GB/s, ridge at 1000 operations per byte."""
    return dict(platform=name, platform_name=name.upper(), vendor="V", kind="FPGA", mode=mode,
                precision=precision, peak_tops=peak_tops, bandwidth_gbps=bandwidth_gbps,
                memory_gb=NAN, power_w=NAN, onchip_mb=float(onchip_mb))


def variant(network, weights_m, ops_gop=1.0, pruning_pct=100.0):
    return dict(task="t", network=network, network_name=network.title(),
                pruning_pct=float(pruning_pct), ops_gop=ops_gop, weights_m=weights_m)


def run(platform_id, network, batch, fps_comp, precision="INT8", mode="", repeat=1,
        pruning_pct=100.0):
    row = dict.fromkeys(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE, NAN)
    row.update(task="t", platform=platform_id, mode=mode, precision=precision, network=network,
               pruning_pct=float(pruning_pct), batch=batch, repeat=repeat, fps_comp=fps_comp,
               source_file="m.csv", source_row=1)
    return row


def measurements(*rows):
    return pd.DataFrame(list(rows), columns=list(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE))


NO_RUNS = measurements()


def aware(platforms, variants, runs=NO_RUNS):
    return bounds.platform_aware(pd.DataFrame(platforms), pd.DataFrame(variants), PRECISIONS,
                                 TASKS, runs)


def row_of(frame, platform_id, network, **match):
    rows = frame[(frame["platform"] == platform_id) & (frame["network"] == network)]
    for column, value in match.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1
    return rows.iloc[0]


def test_every_assumption_is_documented_with_a_formula():
    assert bounds.ALL_ASSUMPTIONS == (*roofline.ASSUMPTIONS, "platform-aware", "calibrated")
    assert set(bounds.ALL_ASSUMPTION_DOCS) == set(bounds.ALL_ASSUMPTIONS)
    assert all("intensity =" in doc for doc in bounds.ALL_ASSUMPTION_DOCS.values())


def test_weights_that_fit_stay_on_chip():
    # 2 M INT8 weights = 2 MB <= 2 MB on chip: only the 10 000 input/output bytes move,
    # 1e9 / 1e4 = 1e5 operations per byte, far above the ridge: compute-bound at 1000 fps.
    frame = aware([platform("p", 2.0)], [variant("fits", 2.0)], measurements(run("p", "fits", 8, 5.0)))
    row = frame.iloc[0]
    assert bool(row["weights_onchip"]) is True
    assert row["assumption"] == "platform-aware"
    assert row["batch"] == 1  # no batch enters an on-chip bound
    assert row["intensity_ops_per_byte"] == pytest.approx(1e5)
    assert row["fps"] == pytest.approx(1000.0)
    assert row["bound"] == "compute"
    assert list(frame.columns) == [*roofline.PREDICTION_COLUMNS, "weights_onchip"]


def test_weights_that_do_not_fit_are_amortised_over_the_largest_measured_batch():
    # 4 MB of weights > 2 MB: read once per batch. Largest batch measured for this
    # configuration is 4 (the best run is at batch 2): 4 x 1e9 / 4e6 = 1000 ops/B = ridge.
    runs = measurements(run("p", "big", 1, 100.0), run("p", "big", 2, 300.0),
                        run("p", "big", 4, 250.0), run("p", "big", 4, 260.0, repeat=2))
    row = aware([platform("p", 2.0)], [variant("big", 4.0)], runs).iloc[0]
    assert bool(row["weights_onchip"]) is False
    assert row["batch"] == 4
    assert row["intensity_ops_per_byte"] == pytest.approx(1000.0)
    assert row["fps"] == pytest.approx(1000.0)
    # at INT4 the same weights are 2 MB and fit
    int4 = aware([platform("p", 2.0, precision="INT4")], [variant("big", 4.0)]).iloc[0]
    assert bool(int4["weights_onchip"]) is True


def test_unmeasured_configuration_uses_the_platform_largest_batch_then_one():
    # "big" (8 MB) is not measured on p: p's largest batch over all its runs is 16
    # (another network, another mode); q has no runs at all: batch 1.
    runs = measurements(run("p", "other", 16, 10.0, mode="slow"), run("p", "big", 2, 1.0,
                                                                       precision="INT4"))
    platforms = [platform("p", 1.0), platform("p", 1.0, mode="slow"),
                 platform("p", 1.0, precision="INT4"), platform("q", 1.0)]
    frame = aware(platforms, [variant("big", 8.0), variant("other", 8.0)], runs)
    fast = row_of(frame, "p", "big", mode="", precision="INT8")
    assert fast["batch"] == 16
    assert fast["intensity_ops_per_byte"] == pytest.approx(16 * 1e9 / 8e6)
    assert row_of(frame, "p", "big", precision="INT4")["batch"] == 2  # its own sweep
    assert row_of(frame, "p", "other", mode="slow")["batch"] == 16
    q = row_of(frame, "q", "big")
    assert q["batch"] == 1
    assert q["intensity_ops_per_byte"] == pytest.approx(125.0)
    assert q["fps"] == pytest.approx(125.0)  # 1 GB/s x 125 ops/B = 0.125 TOP/s, 1 GOP
    assert q["bound"] == "memory"


def test_unknown_onchip_memory_never_holds_the_weights():
    row = aware([platform("p", NAN)], [variant("tiny", 0.001)]).iloc[0]
    assert bool(row["weights_onchip"]) is False
    assert row["intensity_ops_per_byte"] == pytest.approx(1e9 / 1e3)


def test_missing_onchip_column_is_rejected():
    plain = {k: v for k, v in platform("p", 1.0).items() if k != "onchip_mb"}
    with pytest.raises(ValueError, match="onchip_mb"):
        aware([plain], [variant("n", 1.0)])


def test_platform_aware_bounds_a_consistent_data_set():
    # Each run reaches 90 % of the roofline at its own batch (weights read once per batch),
    # the compute-bound one 100 % of its peak. The best run is at the largest batch, so a
    # bound at batch 1 (weights-offchip) is exceeded, but the platform-aware one is not.
    platforms = [platform("p", 1.0), platform("q", 8.0, peak_tops=0.5)]
    variants = [variant("big", 4.0), variant("huge", 16.0), variant("mid", 6.0)]
    frame = pd.DataFrame(platforms)
    rows = []
    for name, weights_m in (("big", 4.0), ("huge", 16.0)):
        for batch in (1, 2, 4, 8):
            tops = min(1.0, batch * 1e9 / (weights_m * 1e6) / 1000)
            rows.append(run("p", name, batch, 0.9 * tops * 1000))
    rows += [run("q", "mid", 1, 500.0), run("q", "huge", 1, 0.9 * 62.5)]  # 6 MB fit, 16 do not
    runs = measurements(*rows)
    configs = configurations(runs)
    predictions = pd.concat([
        aware(platforms, variants, runs),
        roofline.predictions(frame, pd.DataFrame(variants), PRECISIONS, TASKS),
    ])
    flags = efficiency(configs, predictions, assumption="platform-aware")
    assert len(flags) == 4
    assert not flags["above_bound"].any()
    assert flags["efficiency_pct"].max() == pytest.approx(100.0)
    offchip = efficiency(configs, predictions)
    assert offchip["efficiency_pct"].max() > 100.0


def _calibration_set():
    """Platform a: three measured configurations (fps / bound = 0.5, 0.25, 0.125) and one
    unmeasured; b: one measured (0.8); c: none. All bounds are 1000 fps (on chip)."""
    platforms = [platform("a", 100.0), platform("b", 100.0), platform("c", 100.0)]
    variants = [variant(n, 1.0) for n in ("n1", "n2", "n3", "n4")]
    runs = measurements(run("a", "n1", 1, 500.0), run("a", "n2", 1, 250.0),
                        run("a", "n3", 1, 125.0), run("b", "n1", 1, 800.0))
    bound = aware(platforms, variants, runs)
    assert np.allclose(bound["fps"], 1000.0)
    return bound, runs


def _factor(frame, platform_id, network):
    row = row_of(frame, platform_id, network)
    return row["calibration_factor"], row["calibration_basis"], row["fps"]


def test_calibration_is_the_median_over_the_platform_other_configurations():
    bound, runs = _calibration_set()
    frame = bounds.calibrated(bound, configurations(runs))
    assert (frame["assumption"] == "calibrated").all()
    assert list(frame.columns) == [*roofline.PREDICTION_COLUMNS, "weights_onchip",
                                   "calibration_factor", "calibration_basis",
                                   "calibration_configurations"]
    assert _factor(frame, "a", "n1") == pytest.approx((0.1875, "platform", 187.5))  # 0.25, 0.125
    assert _factor(frame, "a", "n2") == pytest.approx((0.3125, "platform", 312.5))  # 0.5, 0.125
    assert _factor(frame, "a", "n3") == pytest.approx((0.375, "platform", 375.0))  # 0.5, 0.25
    assert _factor(frame, "a", "n4") == pytest.approx((0.25, "platform", 250.0))  # unmeasured: all 3
    assert row_of(frame, "a", "n4")["calibration_configurations"] == 3
    assert row_of(frame, "a", "n1")["calibration_configurations"] == 2
    row = row_of(frame, "a", "n1")
    assert row["attainable_tops"] == pytest.approx(0.1875)


def test_a_configuration_own_measurement_never_moves_its_own_prediction():
    bound, runs = _calibration_set()
    before = bounds.calibrated(bound, configurations(runs))
    faster = runs.copy()
    faster.loc[(faster["platform"] == "a") & (faster["network"] == "n1"), "fps_comp"] *= 10
    after = bounds.calibrated(bound, configurations(faster))
    assert row_of(after, "a", "n1")["fps"] == row_of(before, "a", "n1")["fps"]
    assert row_of(after, "a", "n2")["fps"] != pytest.approx(row_of(before, "a", "n2")["fps"])
    assert _factor(after, "a", "n2") == pytest.approx((2.5625, "platform", 2562.5))  # 5.0, 0.125


def test_a_platform_without_other_configurations_uses_all_platforms():
    bound, runs = _calibration_set()
    frame = bounds.calibrated(bound, configurations(runs))
    # b's only configuration: the median over a's three (0.5, 0.25, 0.125), not its own 0.8.
    assert _factor(frame, "b", "n1") == pytest.approx((0.25, "all platforms", 250.0))
    # b's unmeasured ones use b's own measured configuration.
    assert _factor(frame, "b", "n2") == pytest.approx((0.8, "platform", 800.0))
    # c measured nothing: all four measured configurations (0.8, 0.5, 0.25, 0.125).
    assert _factor(frame, "c", "n1") == pytest.approx((0.375, "all platforms", 375.0))


def test_nothing_to_calibrate_on_gives_no_prediction():
    platforms = [platform("a", 100.0)]
    runs = measurements(run("a", "n1", 1, 500.0))
    bound = aware(platforms, [variant("n1", 1.0), variant("n2", 1.0)], runs)
    frame = bounds.calibrated(bound, configurations(runs))
    only = row_of(frame, "a", "n1")
    assert only["calibration_basis"] == "none" and math.isnan(only["calibration_factor"])
    assert math.isnan(only["fps"]) and only["calibration_configurations"] == 0
    assert _factor(frame, "a", "n2") == pytest.approx((0.5, "platform", 500.0))


def test_predictions_combine_every_assumption_in_one_frame():
    bound_rows, runs = _calibration_set()
    platforms = pd.DataFrame([platform("a", 100.0), platform("b", 100.0), platform("c", 100.0)])
    variants = pd.DataFrame([variant(n, 1.0) for n in ("n1", "n2", "n3", "n4")])
    configs = configurations(runs)
    frame = bounds.predictions(platforms, variants, PRECISIONS, TASKS, runs, configs, batch=8)
    assert list(frame.columns) == [*roofline.PREDICTION_COLUMNS, *bounds.EXTRA_COLUMNS]
    assert len(frame) == 3 * 4 * len(bounds.ALL_ASSUMPTIONS)
    keys = [*bounds.CONFIG_KEY, "assumption"]
    assert frame.equals(frame.sort_values(keys).reset_index(drop=True))
    a1 = frame[(frame["platform"] == "a") & (frame["network"] == "n1")].set_index("assumption")
    assert a1.at["batch-amortised", "batch"] == 8
    assert a1["weights_onchip"].to_dict() == {
        "batch-amortised": False, "calibrated": True, "platform-aware": True,
        "weights-offchip": False, "weights-onchip": True}
    assert a1.at["calibrated", "calibration_factor"] == pytest.approx(0.1875)
    assert a1.at["weights-offchip", "calibration_basis"] == ""
    assert a1.at["weights-offchip", "calibration_configurations"] is pd.NA
    assert math.isnan(a1.at["weights-onchip", "calibration_factor"])
    assert frame["weights_onchip"].dtype == bool
    pd.testing.assert_frame_equal(
        frame[frame["assumption"] == "platform-aware"].reset_index(drop=True)
        .drop(columns=list(bounds.EXTRA_COLUMNS[1:])),
        bound_rows)


def test_static_assumptions_alone_need_no_onchip_column():
    platforms = pd.DataFrame([platform("a", 1.0)]).drop(columns="onchip_mb")
    frame = bounds.predictions(platforms, pd.DataFrame([variant("n1", 1.0)]), PRECISIONS, TASKS,
                               NO_RUNS, configurations(NO_RUNS), assumptions=("weights-offchip",))
    assert list(frame["assumption"]) == ["weights-offchip"]
    with pytest.raises(ValueError, match="assumption"):
        bounds.predictions(platforms, pd.DataFrame([variant("n1", 1.0)]), PRECISIONS, TASKS,
                           NO_RUNS, configurations(NO_RUNS), assumptions=("made-up",))


def test_platform_aware_does_not_depend_on_input_order():
    platforms = [platform("p", 1.0), platform("q", 8.0), platform("p", 1.0, precision="INT4")]
    variants = [variant("big", 4.0), variant("small", 0.5), variant("big", 2.0, pruning_pct=50)]
    runs = measurements(run("p", "big", 4, 10.0), run("q", "small", 2, 10.0),
                        run("p", "big", 2, 10.0, pruning_pct=50))
    forward = aware(platforms, variants, runs)
    backward = aware(platforms[::-1], variants[::-1], runs.iloc[::-1])
    pd.testing.assert_frame_equal(forward, backward)
