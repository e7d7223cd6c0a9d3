"""Power: energy per input and efficiency from measured runs, and cleaning of power traces."""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, sorted_rows
from generator.records import MEASUREMENT_KEY

_KEY = list(CONFIG_KEY)
TRACE_KEY = ("platform", "mode", "network")
GLITCH_WINDOW = 5  # samples in the running median: spikes of up to 2 samples stand out
GLITCH_MADS = 5.0  # how many scaled MADs above the running median a glitch must lie
GLITCH_FLOOR = 1.5  # ... and how many times the running median, so flat traces flag nothing
MAD_SCALE = 1.4826  # makes the MAD estimate the standard deviation of normal noise

GLITCH_RULE = (
    "A power-trace sample is treated as a measurement glitch, and left out of the trace "
    "charts, when it is a short spike above its neighbours. Each trace (one platform, mode "
    "and network) is taken in time order; the *local level* is the running median of "
    f"{GLITCH_WINDOW} samples centred on the sample, and the *noise* is {MAD_SCALE} x the median "
    "absolute deviation (MAD) of all samples of the trace from their local level. A sample "
    f"is a glitch when it lies more than {GLITCH_MADS:g} x the noise above its local level "
    f"**and** more than {GLITCH_FLOOR:g} x the local level "
    f"(`power_w > level + {GLITCH_MADS:g} x noise` and `power_w > {GLITCH_FLOOR:g} x level`). "
    "Medians are not moved by a few spikes, a phase change (idle to full load) moves the "
    "local level with it, and the second condition keeps small steps in a flat trace whose "
    "noise is 0. Only upward spikes of one or two samples are removed."
)


ENERGY_RULE = (
    "**Energy per inference** (mJ) is full power divided by throughput, times 1000; **energy above idle** "
    "subtracts the run's idle power (the platform configured and waiting) first, so it is what the inferences "
    "themselves cost: (full - idle power) / throughput x 1000. **Inputs per second per watt** is throughput "
    "divided by full power."
)


def power_runs(measurements: pd.DataFrame) -> pd.DataFrame:
    """Runs with both throughput and full-load power: energy per input (mJ), in total and
    above idle (NaN without an idle reading), and inputs/s per W."""
    has_both = measurements["fps_comp"].notna() & measurements["power_full_w"].notna()
    frame = measurements.loc[has_both, [*MEASUREMENT_KEY, "fps_comp", "power_full_w", "power_idle_w"]]
    frame = frame.astype({"fps_comp": float, "power_full_w": float, "power_idle_w": float})
    frame["energy_mj"] = frame["power_full_w"] / frame["fps_comp"] * 1000.0
    frame["energy_above_idle_mj"] = (frame["power_full_w"] - frame["power_idle_w"]) / frame["fps_comp"] * 1000.0
    frame["fps_per_w"] = frame["fps_comp"] / frame["power_full_w"]
    return sorted_rows(frame, MEASUREMENT_KEY)


def power_summary(measurements: pd.DataFrame) -> pd.DataFrame:
    """Per configuration with a full-load power reading: runs with power, means and best efficiency.

    ``runs`` and ``power_full_w_mean`` count every run with ``power_full_w``;
    ``energy_mj_mean`` and ``fps_per_w_max`` only the runs that also have ``fps_comp``
    (NaN when none has).
    """
    powered = measurements.loc[measurements["power_full_w"].notna(), [*_KEY, "power_full_w"]]
    base = powered.astype({"power_full_w": float}).groupby(_KEY, sort=True).agg(
        runs=("power_full_w", "size"), power_full_w_mean=("power_full_w", "mean")
    )
    derived = power_runs(measurements).groupby(_KEY, sort=True).agg(
        energy_mj_mean=("energy_mj", "mean"), energy_above_idle_mj_mean=("energy_above_idle_mj", "mean"),
        fps_per_w_max=("fps_per_w", "max")
    )
    frame = base.join(derived, how="left").reset_index()
    frame["runs"] = frame["runs"].astype("int64")
    return sorted_rows(frame, _KEY)


def _glitches(power_w: pd.Series) -> pd.Series:
    """``GLITCH_RULE`` on one trace, samples in time order."""
    level = power_w.rolling(GLITCH_WINDOW, center=True, min_periods=1).median()
    excess = power_w - level
    noise = MAD_SCALE * excess.abs().median()
    return (excess > GLITCH_MADS * noise) & (power_w > GLITCH_FLOOR * level)


def clean_trace(traces: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split power traces into (kept, removed) samples by ``GLITCH_RULE``, per trace."""
    ordered = sorted_rows(traces, [*TRACE_KEY, "time_s"])
    power = ordered["power_w"].astype(float)
    groups = power.groupby([ordered[c] for c in TRACE_KEY], sort=False, dropna=False)
    glitch = groups.transform(_glitches).astype(bool)
    return ordered.loc[~glitch].reset_index(drop=True), ordered.loc[glitch].reset_index(drop=True)


TRACE_BUCKETS = 200  # time slices of a trace reduced for display: about a panel's plot width in px


def trace_display(kept: pd.DataFrame, removed: pd.DataFrame, buckets: int = TRACE_BUCKETS) -> pd.DataFrame:
    """The samples a trace chart draws: every removed (glitch) sample, and the kept ones
    reduced, per trace, to the lowest and the highest sample of each of ``buckets`` equal
    time slices when the trace has more than ``2 x buckets`` samples (a line drawn through
    them looks the same at chart size). Column ``sample``: "kept" or "removed"."""
    parts = []
    for _, trace in kept.groupby(list(TRACE_KEY), sort=True, dropna=False):
        trace = trace.sort_values("time_s", kind="stable")
        if len(trace) > 2 * buckets:
            times = trace["time_s"].to_numpy(dtype=float)
            span = times[-1] - times[0]
            slot = np.minimum(((times - times[0]) / span * buckets).astype(int), buckets - 1) if span > 0 \
                else np.zeros(len(times), dtype=int)
            power = trace["power_w"].reset_index(drop=True)
            slots = pd.Series(slot)
            keep = sorted(set(power.groupby(slots).idxmin()) | set(power.groupby(slots).idxmax()))
            trace = trace.iloc[keep]
        parts.append(trace.assign(sample="kept"))
    parts.append(removed.assign(sample="removed"))
    frame = pd.concat(parts, ignore_index=True)
    return sorted_rows(frame, [*TRACE_KEY, "sample", "time_s"])
