import math

import pandas as pd
import pytest

from generator.model import roofline as rl

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

PRECISIONS = pd.DataFrame(
    {"precision": ["INT2", "INT4", "INT8", "FP16", "FP32"],
     "bits": [2.0, 4.0, 8.0, 16.0, 32.0],
     "bytes_per_element": [0.25, 0.5, 1.0, 2.0, 4.0]}
)
TASKS = pd.DataFrame(
    {"task": ["imagenet"], "task_name": ["ImageNet"],
     "input_elements": [150528], "output_elements": [1000]}
)


def platform_row(platform, precision, peak_tops, bandwidth_gbps, mode="", kind="FPGA"):
    return dict(platform=platform, platform_name=platform.upper(), vendor="V", kind=kind,
                mode=mode, precision=precision, peak_tops=peak_tops,
                bandwidth_gbps=bandwidth_gbps, memory_gb=float("nan"), power_w=float("nan"))


def variant_row(network, pruning_pct, ops_gop, weights_m, task="imagenet"):
    return dict(task=task, network=network, network_name=network.title(),
                pruning_pct=pruning_pct, ops_gop=ops_gop, weights_m=weights_m)


ULTRA96 = platform_row("ultra96", "INT8", 0.96, 4.26)
ZCU104 = platform_row("zcu104", "INT8", 4.6, 19.2)
GOOGLENET = variant_row("googlenet-v1", 100.0, 3.13, 6.0)
RESNET50_HALF = variant_row("resnet-50", 50.0, 3.75, 15.8)


def predict(platforms, variants, **kwargs):
    return rl.predictions(pd.DataFrame(platforms), pd.DataFrame(variants), PRECISIONS, TASKS,
                          **kwargs)


def test_every_assumption_is_documented_with_a_formula():
    assert rl.DEFAULT_ASSUMPTION in rl.ASSUMPTIONS
    assert set(rl.ASSUMPTION_DOCS) == set(rl.ASSUMPTIONS)
    assert all("intensity =" in doc for doc in rl.ASSUMPTION_DOCS.values())


def test_ultra96_googlenet_is_compute_bound():
    intensity = rl.intensity_ops_per_byte(3.13, 6.0, 1.0, "weights-offchip")
    assert intensity == pytest.approx(521.67, abs=0.01)
    assert rl.ridge_ops_per_byte(0.96, 4.26) == pytest.approx(225.35, abs=0.01)
    row = predict([ULTRA96], [GOOGLENET]).iloc[0]
    assert row["bound"] == "compute"
    assert row["attainable_tops"] == pytest.approx(0.96)
    assert row["fps"] == pytest.approx(0.96e12 / 3.13e9)
    assert row["fps"] == pytest.approx(306.7, abs=0.05)
    assert row["peak_fps"] == pytest.approx(row["fps"])


def test_zcu104_pruned_resnet50_is_memory_bound():
    intensity = rl.intensity_ops_per_byte(3.75, 15.8, 1.0, "weights-offchip")
    assert intensity == pytest.approx(237.34, abs=0.01)
    assert rl.ridge_ops_per_byte(4.6, 19.2) == pytest.approx(239.58, abs=0.01)
    row = predict([ZCU104], [RESNET50_HALF]).iloc[0]
    assert row["bound"] == "memory"
    assert row["intensity_ops_per_byte"] == pytest.approx(intensity)
    assert row["ridge_ops_per_byte"] == pytest.approx(239.58, abs=0.01)
    assert row["attainable_tops"] == pytest.approx(19.2 * intensity / 1000)
    assert row["fps"] == pytest.approx(19.2 * intensity / 3.75)
    assert row["fps"] == pytest.approx(1215.2, abs=0.1)
    assert row["peak_fps"] == pytest.approx(4.6e12 / 3.75e9)


def test_attainable_is_the_lower_roof():
    assert rl.attainable_tops(1.0, 10.0, 50.0) == pytest.approx(0.5)
    assert rl.attainable_tops(1.0, 10.0, 500.0) == pytest.approx(1.0)


def test_batch_amortised_grows_linearly_until_the_compute_roof():
    # peak 1 TOP/s, 10 GB/s: ridge 100 ops/B; 1 GOP and 100 M INT8 weights: 10 ops/B per input.
    platform = platform_row("p", "INT8", 1.0, 10.0)
    variant = variant_row("net", 100.0, 1.0, 100.0)
    expected = {1: 100.0, 2: 200.0, 4: 400.0, 8: 800.0, 10: 1000.0, 16: 1000.0, 64: 1000.0}
    for batch, fps in expected.items():
        row = predict([platform], [variant], assumptions=("batch-amortised",), batch=batch).iloc[0]
        assert row["batch"] == batch
        assert row["intensity_ops_per_byte"] == pytest.approx(10.0 * batch)
        assert row["fps"] == pytest.approx(fps)
        assert row["peak_fps"] == pytest.approx(1000.0)
        assert row["bound"] == ("memory" if batch < 10 else "compute")


def test_batch_column_is_one_for_assumptions_without_batch():
    frame = predict([ZCU104], [RESNET50_HALF], assumptions=rl.ASSUMPTIONS, batch=8)
    assert dict(zip(frame["assumption"], frame["batch"])) == {
        "batch-amortised": 8, "weights-offchip": 1, "weights-onchip": 1}
    assert frame["batch"].dtype == "int64"


def test_weights_onchip_uses_the_task_inputs_and_outputs():
    expected = 3.75e9 / ((150528 + 1000) * 0.5)
    assert rl.intensity_ops_per_byte(
        3.75, 15.8, 0.5, "weights-onchip", input_elements=150528, output_elements=1000
    ) == pytest.approx(expected)
    int4 = platform_row("zcu104", "INT4", 4.6, 19.2)
    row = predict([int4], [RESNET50_HALF], assumptions=("weights-onchip",)).iloc[0]
    assert row["intensity_ops_per_byte"] == pytest.approx(expected)
    assert row["bound"] == "compute"


def test_unknown_assumption_is_rejected():
    with pytest.raises(ValueError, match="assumption"):
        rl.intensity_ops_per_byte(1.0, 1.0, 1.0, "weights-nowhere")
    with pytest.raises(ValueError, match="assumption"):
        predict([ZCU104], [RESNET50_HALF], assumptions=("weights-nowhere",))


def test_unknown_precision_is_rejected():
    with pytest.raises(ValueError, match="INT3"):
        predict([platform_row("p", "INT3", 1.0, 1.0)], [GOOGLENET])


def test_predictions_cover_every_platform_row_and_variant():
    platforms = [ULTRA96, ZCU104, platform_row("tx2", "FP16", 1.33, 59.7, mode="maxn"),
                 platform_row("tx2", "FP32", 0.67, 59.7, mode="maxn")]
    variants = [GOOGLENET, RESNET50_HALF, variant_row("resnet-50", 100.0, 7.72, 25.5)]
    frame = predict(platforms, variants, assumptions=("weights-offchip", "weights-onchip"))
    assert len(frame) == 4 * 3 * 2
    assert list(frame.columns) == [
        "task", "platform", "mode", "precision", "network", "pruning_pct", "assumption", "batch",
        "ops_gop", "weights_m", "intensity_ops_per_byte", "peak_tops", "bandwidth_gbps",
        "ridge_ops_per_byte", "attainable_tops", "fps", "peak_fps", "bound"]
    tx2 = frame[frame["platform"] == "tx2"]
    assert sorted(set(tx2["precision"])) == ["FP16", "FP32"]
    assert len(tx2) == 2 * 3 * 2
    fp32 = tx2[(tx2["precision"] == "FP32") & (tx2["network"] == "googlenet-v1")
               & (tx2["assumption"] == "weights-offchip")].iloc[0]
    assert fp32["intensity_ops_per_byte"] == pytest.approx(3.13e9 / (6e6 * 4))
    keys = ["task", "platform", "mode", "precision", "network", "pruning_pct", "assumption"]
    assert frame.equals(frame.sort_values(keys).reset_index(drop=True))
    assert not frame.duplicated(keys).any()


def test_adding_a_platform_row_adds_exactly_its_rows():
    variants = [GOOGLENET, RESNET50_HALF]
    before = predict([ULTRA96], variants)
    newcomer = platform_row("brand-new", "INT4", 2.0, 8.0, kind="VLIW")
    after = predict([ULTRA96, newcomer], variants)
    assert len(after) == len(before) + len(variants)
    added = after[after["platform"] == "brand-new"]
    assert list(added["network"]) == ["googlenet-v1", "resnet-50"]
    old = after[after["platform"] != "brand-new"].reset_index(drop=True)
    pd.testing.assert_frame_equal(old, before)


def test_predictions_do_not_depend_on_input_order():
    platforms = [ULTRA96, ZCU104]
    variants = [GOOGLENET, RESNET50_HALF]
    forward = predict(platforms, variants)
    backward = predict(platforms[::-1], variants[::-1])
    pd.testing.assert_frame_equal(forward, backward)


def test_network_intensities_cover_every_precision_in_display_order():
    frame = rl.network_intensities(pd.DataFrame([GOOGLENET]), PRECISIONS, TASKS)
    assert list(frame["precision"]) == ["INT2", "INT4", "INT8", "FP16", "FP32"]
    assert list(frame.columns) == ["task", "network", "network_name", "pruning_pct", "precision",
                                   "ops_gop", "weights_m", "intensity_ops_per_byte"]
    assert list(frame["intensity_ops_per_byte"]) == pytest.approx(
        [3.13e9 / (6e6 * b) for b in (0.25, 0.5, 1.0, 2.0, 4.0)])


def test_network_intensities_batch_amortised_scales_with_batch():
    frame = rl.network_intensities(pd.DataFrame([GOOGLENET]), PRECISIONS, TASKS,
                                   assumption="batch-amortised", batch=4)
    int8 = frame[frame["precision"] == "INT8"].iloc[0]
    assert int8["intensity_ops_per_byte"] == pytest.approx(4 * 521.666, abs=0.01)


def test_roofline_points_draw_the_roof_with_the_ridge_in_range():
    frame = rl.roofline_points(pd.DataFrame([ULTRA96]), 1.0, 10000.0)
    assert list(frame["intensity_ops_per_byte"]) == pytest.approx([1.0, 0.96e3 / 4.26, 10000.0])
    assert list(frame["attainable_tops"]) == pytest.approx([4.26 / 1000, 0.96, 0.96])
    assert list(frame.columns) == ["platform", "platform_name", "vendor", "kind", "mode",
                                   "precision", "intensity_ops_per_byte", "attainable_tops"]


def test_roofline_points_clip_a_ridge_outside_the_range():
    frame = rl.roofline_points(pd.DataFrame([ULTRA96]), 1.0, 100.0)
    assert list(frame["intensity_ops_per_byte"]) == pytest.approx([1.0, 100.0, 100.0])
    assert frame["attainable_tops"].iloc[-1] == pytest.approx(4.26 * 100 / 1000)
    assert not math.isnan(frame["attainable_tops"].sum())
