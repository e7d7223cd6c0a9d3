import math

import pandas as pd
import pytest

from generator.model.power import GLITCH_RULE, clean_trace, power_runs, power_summary
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_SOURCE, TRACE_COLUMNS

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

NAN = math.nan


def run(network, batch, fps_comp, power_full_w, repeat=1, platform="zcu104", power_idle_w=NAN):
    row = dict.fromkeys(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE, NAN)
    row.update(task="imagenet", platform=platform, mode="", precision="INT8", network=network,
               pruning_pct=100.0, batch=batch, repeat=repeat, fps_comp=fps_comp,
               power_full_w=power_full_w, power_idle_w=power_idle_w, source_file="m.csv", source_row=1, note="")
    return row


def measurements(*rows):
    return pd.DataFrame(list(rows), columns=list(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE))


RUNS = measurements(
    run("resnet-50", 1, 500.0, 10.0, power_idle_w=6.0),   # 20 mJ per input (8 above idle), 50 inputs/s/W
    run("resnet-50", 8, 1000.0, 25.0, power_idle_w=6.0),  # 25 mJ (19 above idle), 40 inputs/s/W
    run("resnet-50", 16, NAN, 30.0),              # power but no fps: only in power means
    run("resnet-50", 32, 1200.0, NAN),            # fps but no power: not a power run
    run("googlenet", 1, 250.0, 12.5, repeat=2),   # 50 mJ, 20 inputs/s/W
    run("mobilenet", 1, 900.0, NAN),              # no power at all: no summary row
)


def test_power_runs_compute_energy_and_efficiency():
    frame = power_runs(RUNS)
    got = [(r.network, r.batch, r.repeat, r.energy_mj, r.fps_per_w) for r in frame.itertuples()]
    assert got == [
        ("googlenet", 1, 2, pytest.approx(50.0), pytest.approx(20.0)),
        ("resnet-50", 1, 1, pytest.approx(20.0), pytest.approx(50.0)),
        ("resnet-50", 8, 1, pytest.approx(25.0), pytest.approx(40.0)),
    ]
    assert list(frame.columns) == ["task", "platform", "mode", "precision", "network",
                                   "pruning_pct", "batch", "repeat", "fps_comp", "power_full_w", "power_idle_w",
                                   "energy_mj", "energy_above_idle_mj", "fps_per_w"]
    # above idle: (full - idle) / fps; no idle reading, no energy above idle
    assert frame["energy_above_idle_mj"].tolist()[1:] == pytest.approx([8.0, 19.0])
    assert math.isnan(frame["energy_above_idle_mj"].iloc[0])


def test_power_summary_per_configuration():
    frame = power_summary(RUNS)
    assert list(frame.columns) == ["task", "platform", "mode", "precision", "network",
                                   "pruning_pct", "runs", "power_full_w_mean", "energy_mj_mean",
                                   "energy_above_idle_mj_mean", "fps_per_w_max"]
    assert list(frame["network"]) == ["googlenet", "resnet-50"]
    resnet = frame.iloc[1]
    assert resnet["runs"] == 3
    assert resnet["power_full_w_mean"] == pytest.approx((10 + 25 + 30) / 3)
    assert resnet["energy_mj_mean"] == pytest.approx(22.5)
    assert resnet["fps_per_w_max"] == pytest.approx(50.0)
    googlenet = frame.iloc[0]
    assert (googlenet["runs"], googlenet["energy_mj_mean"]) == (1, pytest.approx(50.0))


def test_power_summary_without_fps_leaves_energy_missing():
    frame = power_summary(measurements(run("n", 1, NAN, 7.0)))
    assert frame.loc[0, "power_full_w_mean"] == 7.0
    assert math.isnan(frame.loc[0, "energy_mj_mean"])


def trace(power_w, platform="zcu104", mode="", network="resnet-50"):
    return pd.DataFrame({"platform": platform, "mode": mode, "network": network,
                         "time_s": [0.1 * i for i in range(len(power_w))],
                         "power_w": [float(p) for p in power_w]}, columns=list(TRACE_COLUMNS))


def test_glitch_rule_is_documented():
    assert "median" in GLITCH_RULE and "MAD" in GLITCH_RULE and "\n" not in GLITCH_RULE


def test_clean_trace_removes_a_spike():
    noisy = [10.0, 10.2, 9.9, 10.1, 10.3, 9.8, 10.0, 55.0, 10.1, 9.9]
    kept, removed = clean_trace(trace(noisy))
    assert list(removed["power_w"]) == [55.0]
    assert removed["time_s"].iloc[0] == pytest.approx(0.7)
    assert len(kept) == 9 and 55.0 not in set(kept["power_w"])
    assert list(kept.columns) == list(TRACE_COLUMNS) == list(removed.columns)


def test_clean_trace_removes_a_two_sample_spike():
    noisy = [10.0, 10.2, 9.9, 10.1, 31.0, 30.0, 9.8, 10.0, 10.1, 9.9]
    kept, removed = clean_trace(trace(noisy))
    assert list(removed["power_w"]) == [31.0, 30.0]
    assert len(kept) == 8


def test_clean_trace_keeps_normal_noise():
    noisy = [10.0, 10.4, 9.7, 10.1, 10.6, 9.5, 10.0, 10.8, 9.9, 10.2]
    kept, removed = clean_trace(trace(noisy))
    assert removed.empty and list(kept["power_w"]) == noisy


def test_clean_trace_keeps_a_load_phase_after_a_longer_idle_phase():
    # Mostly idle, then three samples under load: the trace median (4 W) would call the
    # load a glitch; the running median follows the phase change.
    phases = [4.0, 4.3, 3.8, 4.1, 4.0, 3.9, 4.2, 12.0, 12.4, 11.7]
    kept, removed = clean_trace(trace(phases))
    assert removed.empty and len(kept) == 10


def test_clean_trace_sorts_samples_by_time():
    frame = trace([10.0, 10.1, 9.9, 10.0]).iloc[::-1]
    kept, _ = clean_trace(frame)
    assert list(kept["time_s"]) == pytest.approx([0.0, 0.1, 0.2, 0.3])


def test_clean_trace_keeps_everything_in_a_flat_trace():
    # MAD is 0 here, so only the 1.5 x median floor keeps the small step from being flagged.
    flat = [5.0] * 8 + [5.5, 5.0]
    kept, removed = clean_trace(trace(flat))
    assert removed.empty and list(kept["power_w"]) == flat


def test_clean_trace_judges_each_trace_on_its_own():
    # 20 W is normal for the busy board and a spike for the idle one.
    frame = pd.concat([
        trace([20.0, 20.5, 19.5, 20.2, 19.8], network="resnet-50"),
        trace([2.0, 2.1, 1.9, 20.0, 2.0], network=""),
    ], ignore_index=True)
    kept, removed = clean_trace(frame)
    assert list(zip(removed["network"], removed["power_w"])) == [("", 20.0)]
    assert len(kept) == 9
    assert list(kept["network"]) == [""] * 4 + ["resnet-50"] * 5
