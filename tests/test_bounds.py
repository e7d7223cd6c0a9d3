import math

import numpy as np
import pandas as pd
import pytest

from generator.model import bounds, calibration, roofline
from generator.model.experiments import configurations, efficiency
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_SOURCE

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

NAN = math.nan
PRECISIONS = pd.DataFrame({"precision": ["INT4", "INT8"], "bits": [4.0, 8.0],
                           "bytes_per_element": [0.5, 1.0]})
# 10 000 elements cross the memory interface per input when the weights are on chip.
TASKS = pd.DataFrame({"task": ["t"], "task_name": ["T"], "input_elements": [9000],
                      "output_elements": [1000]})


def platform(name, onchip_mb, peak_tops=1.0, bandwidth_gbps=1.0, precision="INT8", mode="", kind="FPGA",
             host_link_gbps=NAN, sweep="batch"):
    """Default roof: 1 TOP/s and 1 GB/s, ridge at 1000 operations per byte."""
    return dict(platform=name, platform_name=name.upper(), vendor="V", kind=kind, mode=mode,
                precision=precision, peak_tops=peak_tops, bandwidth_gbps=bandwidth_gbps,
                memory_gb=NAN, power_w=NAN, onchip_mb=float(onchip_mb), host_link_gbps=host_link_gbps,
                sweep=sweep)


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


NO_LAYERS = pd.DataFrame(columns=["task", "network", "pruning_pct", *bounds.LAYER_RUNS])


def aware(platforms, variants, runs=NO_RUNS):
    return bounds.platform_aware(pd.DataFrame(platforms), pd.DataFrame(variants), PRECISIONS,
                                 TASKS, runs)


def predict(platforms, variants, runs=NO_RUNS, layers=NO_LAYERS, **kwargs):
    return bounds.predictions(pd.DataFrame(platforms), pd.DataFrame(variants), PRECISIONS, TASKS, layers, runs,
                              **kwargs)


def row_of(frame, platform_id, network, **match):
    rows = frame[(frame["platform"] == platform_id) & (frame["network"] == network)]
    for column, value in match.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1
    return rows.iloc[0]


def test_every_assumption_is_documented_with_a_formula():
    assert bounds.ALL_ASSUMPTIONS == (*roofline.ASSUMPTIONS, "platform-aware", "per-layer", "calibrated")
    assert set(bounds.ALL_ASSUMPTION_DOCS) == set(bounds.ALL_ASSUMPTIONS)
    assert all("intensity =" in doc for doc in bounds.ALL_ASSUMPTION_DOCS.values())
    assert bounds.BOUNDS == ("platform-aware",)


# --- the bound -------------------------------------------------------------------------------


def test_weights_that_fit_stay_on_chip():
    # 2 M INT8 weights = 2 MB <= 2 MB on chip: only the 10 000 input/output bytes move,
    # 1e9 / 1e4 = 1e5 operations per byte, far above the ridge: compute-bound at 1000 fps.
    frame = aware([platform("p", 2.0)], [variant("fits", 2.0)], measurements(run("p", "fits", 8, 5.0)))
    row = frame.iloc[0]
    assert bool(row["weights_onchip"]) is True
    assert row["assumption"] == "platform-aware"
    assert row["batch"] == 8
    assert row["intensity_ops_per_byte"] == pytest.approx(1e5)
    assert row["fps"] == pytest.approx(1000.0)
    assert row["bound"] == "compute"
    assert list(frame.columns) == [*roofline.PREDICTION_COLUMNS, "weights_onchip"]


def test_only_the_weights_beyond_the_onchip_memory_are_read_once_per_batch():
    # 6 MB of weights, 2 MB on chip: 4 MB read per batch of 4 (the largest measured for the
    # configuration), 1 MB per input + 10 000 input/output bytes.
    runs = measurements(run("p", "big", 1, 100.0), run("p", "big", 2, 300.0),
                        run("p", "big", 4, 250.0), run("p", "big", 4, 260.0, repeat=2))
    row = aware([platform("p", 2.0)], [variant("big", 6.0)], runs).iloc[0]
    assert bool(row["weights_onchip"]) is False
    assert row["batch"] == 4
    assert row["intensity_ops_per_byte"] == pytest.approx(1e9 / (1e6 + 1e4))
    assert row["fps"] == pytest.approx(1000.0 * 1e9 / (1e6 + 1e4) / 1000)  # 1 GB/s x 990 ops/B
    assert row["bound"] == "memory"
    # at INT4 the same weights are 3 MB: 1 MB streamed, 0.25 MB per input, 5 000 I/O bytes
    int4 = aware([platform("p", 2.0, precision="INT4")], [variant("big", 6.0)], runs).iloc[0]
    assert int4["batch"] == 4 and int4["intensity_ops_per_byte"] == pytest.approx(1e9 / (0.25e6 + 5e3))


def test_threads_do_not_share_weight_reads_and_a_host_link_carries_the_traffic():
    runs = measurements(run("t", "big", 8, 1.0), run("h", "big", 8, 1.0))
    threads = row_of(aware([platform("t", 2.0, sweep="threads")], [variant("big", 6.0)], runs), "t", "big")
    assert threads["batch"] == 8
    assert threads["intensity_ops_per_byte"] == pytest.approx(1e9 / (4e6 + 1e4))  # 4 MB per input, not 0.5
    linked = row_of(aware([platform("h", 2.0, bandwidth_gbps=25.6, host_link_gbps=0.5)], [variant("big", 6.0)],
                          runs), "h", "big")
    assert linked["bandwidth_gbps"] == 0.5
    assert linked["fps"] == pytest.approx(0.5e9 / (0.5e6 + 1e4))  # bytes per input at 0.5 GB/s
    assert linked["bound"] == "memory"


def test_unmeasured_configuration_uses_the_platform_largest_batch_then_one():
    # "big" (8 MB) is not measured on p: p's largest batch over all its runs is 16
    # (another network, another mode); q has no runs at all: batch 1.
    runs = measurements(run("p", "other", 16, 10.0, mode="slow"), run("p", "big", 2, 1.0,
                                                                       precision="INT4"))
    platforms = [platform("p", 0.0), platform("p", 0.0, mode="slow"),
                 platform("p", 0.0, precision="INT4"), platform("q", 0.0)]
    frame = aware(platforms, [variant("big", 8.0), variant("other", 8.0)], runs)
    fast = row_of(frame, "p", "big", mode="", precision="INT8")
    assert fast["batch"] == 16
    assert fast["intensity_ops_per_byte"] == pytest.approx(1e9 / (8e6 / 16 + 1e4))
    assert row_of(frame, "p", "big", precision="INT4")["batch"] == 2  # its own sweep
    assert row_of(frame, "p", "other", mode="slow")["batch"] == 16
    q = row_of(frame, "q", "big")
    assert q["batch"] == 1
    assert q["intensity_ops_per_byte"] == pytest.approx(1e9 / (8e6 + 1e4))
    assert q["bound"] == "memory"


def test_unknown_onchip_memory_never_holds_the_weights():
    row = aware([platform("p", NAN)], [variant("tiny", 0.001)]).iloc[0]
    assert bool(row["weights_onchip"]) is False
    assert row["intensity_ops_per_byte"] == pytest.approx(1e9 / (1e3 + 1e4))


def test_missing_onchip_column_is_rejected():
    plain = {k: v for k, v in platform("p", 1.0).items() if k != "onchip_mb"}
    with pytest.raises(ValueError, match="onchip_mb"):
        aware([plain], [variant("n", 1.0)])


def test_platform_aware_bounds_a_consistent_data_set():
    # Each run reaches 90 % of the least traffic's roofline at its own batch, the
    # compute-bound one 100 % of its peak. The best run is at the largest batch, so a bound at
    # batch 1 (weights-offchip) is exceeded, but the platform-aware one is not.
    platforms = [platform("p", 1.0), platform("q", 8.0, peak_tops=0.5)]
    variants = [variant("big", 4.0), variant("huge", 16.0), variant("mid", 6.0)]
    frame = pd.DataFrame(platforms)
    rows = []
    for name, weights_m in (("big", 4.0), ("huge", 16.0)):
        for batch in (1, 2, 4, 8):
            traffic = (weights_m - 1.0) * 1e6 / batch + 1e4
            tops = min(1.0, 1e9 / traffic / 1000)
            rows.append(run("p", name, batch, 0.9 * tops * 1000))
    rows += [run("q", "mid", 1, 500.0), run("q", "huge", 1, 0.9 * 1e9 / (8e6 + 1e4))]
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


# --- the per-layer roofline ----------------------------------------------------------------------


def layer(network, index, ops_gop, weights_m, act_in_m, act_out_m, kind="conv", pruning_pct=100.0):
    return dict(task="t", network=network, pruning_pct=pruning_pct, layer=index, name=f"l{index}", kind=kind,
                ops_gop=ops_gop, weights_m=weights_m, activations_in_m=act_in_m, activations_out_m=act_out_m)


def test_per_layer_prediction_of_layers_by_hand():
    # 1 TOP/s, 1 GB/s, 1 MB on chip, INT8 (1 byte), batch 2 (measured on the platform).
    # layer 1: 0.4 GOP, 0.3 M weights, 0.2 M + 0.2 M activations: 2 x 0.4 MB = 0.8 MB fit,
    #   so 0.8 MB is reserved for activations; its weights (0.3 MB) do not fit next to them.
    #   compute 0.4 ms; memory 0.3 MB / 2 (shared by the batch) = 0.15 ms: 0.4 ms.
    # layer 2: 0.01 GOP, 0.1 M weights, 1 M + 1 M activations: 4 MB do not fit: 2 MB per input
    #   plus its 0.1 MB of weights / 2: 2.05 MB = 2.05 ms memory against 0.01 ms compute.
    layers = pd.DataFrame([layer("net", 1, 0.4, 0.3, 0.2, 0.2), layer("net", 2, 0.01, 0.1, 1.0, 1.0)])
    runs = measurements(run("p", "other", 2, 1.0))
    variants = [variant("net", 0.4, ops_gop=0.41), variant("other", 0.4, ops_gop=0.41)]
    times = bounds.layer_times(pd.DataFrame([platform("p", 1.0)]), pd.DataFrame(variants), PRECISIONS, TASKS,
                               layers, runs)
    mine = times[times["network"] == "net"].set_index("layer")
    assert mine["compute_s"].tolist() == pytest.approx([0.4e-3, 0.01e-3])
    assert mine["memory_s"].tolist() == pytest.approx([0.15e-3, 2.05e-3])
    assert mine["activations_onchip"].tolist() == [True, False]
    assert mine["weights_onchip"].tolist() == [False, False]
    assert mine["memory_bound"].tolist() == [False, True]
    frame = predict([platform("p", 1.0)], variants, runs, layers, assumptions=("per-layer",))
    net = row_of(frame, "p", "net")
    assert net["fps"] == pytest.approx(1 / (0.4e-3 + 2.05e-3))
    assert net["bound"] == "memory"  # the memory-bound layer takes most of the time
    assert net["intensity_ops_per_byte"] == pytest.approx(0.41e9 / (0.15e6 + 2.05e6))
    # "other" has no layers: one layer with its totals, reading its input and writing its output
    other = row_of(frame, "p", "other")
    assert other["fps"] == pytest.approx(1 / max(0.41e-3, (0.4e6 / 2 + 1e4) / 1e9))


def test_per_layer_keeps_weights_on_chip_in_network_order_while_they_fit():
    layers = pd.DataFrame([layer("net", i, 0.001, 0.4, 0.001, 0.001) for i in (1, 2, 3)])
    times = bounds.layer_times(pd.DataFrame([platform("p", 1.0)]), pd.DataFrame([variant("net", 1.2)]),
                               PRECISIONS, TASKS, layers, NO_RUNS)
    assert times["weights_onchip"].tolist() == [True, True, False]  # 0.8 MB fit next to 2 kB of activations


# --- the calibrated prediction -------------------------------------------------------------------


def synthetic_runs(platform_id, efficiency_, overhead_s, networks, batches=(1, 4, 16), peak_tops=1.0, **extra):
    """Runs exactly at ops / peak / efficiency + overhead / batch."""
    rows = []
    for network, ops_gop in networks:
        for batch in batches:
            time = ops_gop * 1e9 / (peak_tops * 1e12) / efficiency_ + overhead_s / batch
            rows.append(run(platform_id, network, batch, 1.0 / time, **extra))
    return rows


NETS = [("n1", 1.0), ("n2", 0.5), ("n3", 0.1), ("n4", 2.0)]


def test_calibration_recovers_a_platform_efficiency_and_overhead():
    runs = measurements(*synthetic_runs("a", 0.25, 0.002, NETS[:3]))
    variants = [variant(n, 0.001, ops_gop=ops) for n, ops in NETS]
    frame = predict([platform("a", 100.0)], variants, runs, assumptions=("calibrated",))
    assert list(frame.columns) == [*roofline.PREDICTION_COLUMNS, *bounds.EXTRA_COLUMNS]
    n4 = row_of(frame, "a", "n4")  # not measured: calibrated on the three others, at batch 16
    assert n4["calibration_factor"] == pytest.approx(0.25)
    assert n4["overhead_ms"] == pytest.approx(2.0)
    assert n4["fps"] == pytest.approx(1 / (2e-3 / 0.25 + 0.002 / 16))
    assert (n4["calibration_basis"], n4["calibration_configurations"]) == ("platform and precision", 3)
    n1 = row_of(frame, "a", "n1")  # measured: calibrated on n2 and n3 only, same truth
    assert n1["calibration_configurations"] == 2 and n1["fps"] == pytest.approx(1 / (4e-3 + 0.002 / 16))
    assert n1["attainable_tops"] == pytest.approx(n1["fps"] * 1.0 / 1000)


def test_a_configuration_own_runs_never_move_its_own_prediction():
    runs = measurements(*synthetic_runs("a", 0.25, 0.002, NETS))
    variants = [variant(n, 0.001, ops_gop=ops) for n, ops in NETS]
    before = predict([platform("a", 100.0)], variants, runs, assumptions=("calibrated",))
    faster = runs.copy()
    faster.loc[faster["network"] == "n1", "fps_comp"] *= 2  # still below its peak: it calibrates the others
    after = predict([platform("a", 100.0)], variants, faster, assumptions=("calibrated",))
    assert row_of(after, "a", "n1")["fps"] == row_of(before, "a", "n1")["fps"]
    assert row_of(after, "a", "n2")["fps"] != pytest.approx(row_of(before, "a", "n2")["fps"])


def test_calibration_falls_back_from_precision_to_platform_to_kind_to_all():
    runs = measurements(*synthetic_runs("a", 0.5, 0.0, NETS[:2]), *synthetic_runs("g", 0.1, 0.0, NETS[:2]))
    platforms = [platform("a", 100.0), platform("a", 100.0, precision="INT4"), platform("b", 100.0),
                 platform("g", 100.0, kind="GPU"), platform("c", 100.0, kind="CPU")]
    variants = [variant(n, 0.001, ops_gop=ops) for n, ops in NETS[:3]]
    frame = predict(platforms, variants, runs, assumptions=("calibrated",))
    basis = {(r["platform"], r["precision"]): (r["calibration_basis"], round(r["calibration_factor"], 6))
             for _, r in frame[frame["network"] == "n3"].iterrows()}
    all_four = basis.pop(("c", "INT8"))
    assert basis == {("a", "INT8"): ("platform and precision", 0.5), ("a", "INT4"): ("platform", 0.5),
                     ("b", "INT8"): ("platforms of its kind", 0.5), ("g", "INT8"): ("platform and precision", 0.1)}
    assert all_four[0] == "all platforms" and 0.1 < all_four[1] < 0.5  # one fit to both platforms' runs


def test_runs_above_their_compute_peak_never_calibrate():
    # n2 measured at 3x its peak (a data error): the efficiency stays the one of n1 and n3.
    good = synthetic_runs("a", 0.25, 0.0, [NETS[0], NETS[2]])
    bad = [run("a", "n2", 1, 3 * 1000.0 / 0.5)]
    frame = predict([platform("a", 100.0)], [variant(n, 0.001, ops_gop=ops) for n, ops in NETS[:3]],
                    measurements(*good, *bad), assumptions=("calibrated",))
    assert row_of(frame, "a", "n2")["calibration_factor"] == pytest.approx(0.25)
    assert row_of(frame, "a", "n1")["calibration_configurations"] == 1  # n3 only: n2 is out


def test_the_calibrated_prediction_keeps_the_bound_memory_roof():
    # 0.5 GB/s link, 6 MB weights, 2 MB on chip: the bound is memory (4 MB per input at batch 1)
    runs = measurements(*synthetic_runs("h", 0.5, 0.0, [("n1", 0.1), ("n2", 0.2)], batches=(1,)))
    variants = [variant("n1", 0.1, ops_gop=0.1), variant("n2", 0.1, ops_gop=0.2), variant("big", 6.0, ops_gop=1.0)]
    frame = predict([platform("h", 2.0, host_link_gbps=0.5)], variants, runs,
                    assumptions=("platform-aware", "calibrated"))
    big = frame[frame["network"] == "big"].set_index("assumption")
    assert big.at["platform-aware", "bound"] == "memory"
    assert big.at["calibrated", "fps"] == pytest.approx(big.at["platform-aware", "fps"])  # 2 ms of compute < 8 ms


def test_nothing_to_calibrate_on_gives_no_prediction():
    frame = predict([platform("a", 100.0)], [variant("n1", 1.0)], measurements(run("a", "n1", 1, 500.0)),
                    assumptions=("calibrated",))
    only = frame.iloc[0]
    assert only["calibration_basis"] == "none" and math.isnan(only["calibration_factor"])
    assert math.isnan(only["fps"]) and only["calibration_configurations"] == 0


# --- every model together ------------------------------------------------------------------------


def test_predictions_combine_every_assumption_in_one_frame():
    runs = measurements(*synthetic_runs("a", 0.25, 0.001, NETS[:2]))
    platforms = [platform("a", 100.0), platform("b", 100.0)]
    variants = [variant(n, 1.0, ops_gop=ops) for n, ops in NETS]
    frame = predict(platforms, variants, runs, batch=8)
    assert list(frame.columns) == [*roofline.PREDICTION_COLUMNS, *bounds.EXTRA_COLUMNS]
    assert len(frame) == 2 * 4 * len(bounds.ALL_ASSUMPTIONS)
    keys = [*bounds.CONFIG_KEY, "assumption"]
    assert frame.equals(frame.sort_values(keys).reset_index(drop=True))
    a1 = frame[(frame["platform"] == "a") & (frame["network"] == "n1")].set_index("assumption")
    assert a1.at["batch-amortised", "batch"] == 8
    assert a1["weights_onchip"].to_dict() == {
        "batch-amortised": False, "calibrated": True, "per-layer": False, "platform-aware": True,
        "weights-offchip": False, "weights-onchip": True}
    assert a1.at["weights-offchip", "calibration_basis"] == ""
    assert a1.at["weights-offchip", "calibration_configurations"] is pd.NA
    assert math.isnan(a1.at["weights-onchip", "calibration_factor"])
    assert frame["weights_onchip"].dtype == bool
    pd.testing.assert_frame_equal(
        frame[frame["assumption"] == "platform-aware"].reset_index(drop=True)
        .drop(columns=list(bounds.EXTRA_COLUMNS[1:])),
        aware(platforms, variants, runs))


def test_static_assumptions_alone_need_no_onchip_column():
    platforms = [{k: v for k, v in platform("a", 1.0).items() if k != "onchip_mb"}]
    frame = predict(platforms, [variant("n1", 1.0)], assumptions=("weights-offchip",))
    assert list(frame["assumption"]) == ["weights-offchip"]
    with pytest.raises(ValueError, match="assumption"):
        predict(platforms, [variant("n1", 1.0)], assumptions=("made-up",))


def test_predictions_do_not_depend_on_input_order():
    platforms = [platform("p", 1.0), platform("q", 8.0), platform("p", 1.0, precision="INT4")]
    variants = [variant("big", 4.0), variant("small", 0.5), variant("big", 2.0, pruning_pct=50)]
    runs = measurements(run("p", "big", 4, 10.0), run("q", "small", 2, 10.0),
                        run("p", "big", 2, 10.0, pruning_pct=50), run("p", "small", 1, 20.0))
    forward = predict(platforms, variants, runs)
    backward = predict(platforms[::-1], variants[::-1], runs.iloc[::-1])
    pd.testing.assert_frame_equal(forward, backward)


# --- validation schemes ------------------------------------------------------------------------


def test_each_scheme_holds_out_its_unit():
    runs = measurements(*synthetic_runs("a", 0.25, 0.0, NETS), *synthetic_runs("b", 0.5, 0.0, NETS[:2]),
                        *synthetic_runs("a", 0.25, 0.0, NETS[:1], precision="INT4"))
    platforms = pd.DataFrame([platform("a", 100.0), platform("a", 100.0, precision="INT4"), platform("b", 100.0)])
    variants = pd.DataFrame([variant(n, 0.001, ops_gop=ops) for n, ops in NETS])
    facts = bounds.bound_facts(platforms, variants, PRECISIONS, TASKS, runs)
    configs = configurations(runs)
    frame = calibration.validation(facts, runs, configs)
    assert sorted(set(frame["scheme"])) == sorted(calibration.SCHEMES)
    basis = frame.set_index(["scheme", "platform", "precision", "network"])["calibration_basis"]
    # n1 at INT4 on a: its configuration out, a INT4 has nothing else: a at INT8 calibrates it
    assert basis[("leave-one-configuration-out", "a", "INT4", "n1")] == "platform"
    # the whole network out of a: n1 at INT8 leaves n2..n4 at INT8
    assert basis[("leave-one-network-out", "a", "INT8", "n1")] == "platform and precision"
    assert basis[("leave-one-network-out", "a", "INT4", "n1")] == "platform"  # INT4 had only n1
    # the whole platform out: a's configurations fall back on b (same kind)
    assert basis[("leave-one-platform-out", "a", "INT8", "n3")] == "platforms of its kind"
    by = frame.set_index(["scheme", "platform", "precision", "network"])["predicted_fps"]
    assert by[("leave-one-network-out", "a", "INT8", "n1")] == pytest.approx(250.0)  # 0.25 x 1000 fps
    assert by[("leave-one-platform-out", "a", "INT8", "n1")] == pytest.approx(500.0)  # b's 0.5
