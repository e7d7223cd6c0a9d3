"""Measured runs -> configurations, paired with roofline predictions.

A configuration is one network variant at one precision on one platform mode
(``CONFIG_KEY``); its runs differ in batch (or threads / streams) and repeat. A
configuration is represented by its best run: the highest compute throughput.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, sorted_rows
from generator.model.bounds import PLATFORM_AWARE
from generator.model.fidelity import exceeds
from generator.model.pareto import pareto_front
from generator.model.roofline import DEFAULT_ASSUMPTION

_KEY = list(CONFIG_KEY)


def _has_key_in(frame: pd.DataFrame, other: pd.DataFrame) -> np.ndarray:
    """Per row of ``frame``: does ``other`` hold a row with the same configuration?"""
    if frame.empty or other.empty:
        return np.zeros(len(frame), dtype=bool)
    return pd.MultiIndex.from_frame(frame[_KEY]).isin(pd.MultiIndex.from_frame(other[_KEY]))


def configurations(measurements: pd.DataFrame) -> pd.DataFrame:
    """One row per configuration, described by its best run.

    Best run = highest ``fps_comp`` (smallest batch, then repeat, on ties); runs without
    ``fps_comp`` cannot be best but count in ``runs``. With no best run, ``fps``,
    ``batch``, ``lat_comp_ms`` and ``power_full_w`` are missing. ``top1_pct`` is the best
    run's, or the mean of the configuration's measured top-1 when that run has none.
    """
    groups = measurements.groupby(_KEY, sort=True, dropna=False)
    totals = groups.agg(runs=("fps_comp", "size"), top1_mean=("top1_pct", "mean")).reset_index()
    ranked = measurements.sort_values(
        [*_KEY, "fps_comp", "batch", "repeat"],
        ascending=[True] * len(_KEY) + [False, True, True],
        na_position="last",
    )
    best = ranked.drop_duplicates(_KEY, keep="first")
    has_run = best["fps_comp"].notna()
    frame = pd.DataFrame({col: best[col] for col in _KEY})
    frame["fps"] = best["fps_comp"].astype(float)
    frame["batch"] = best["batch"].astype("Int64").where(has_run)
    frame["lat_comp_ms"] = best["lat_comp_ms"].astype(float).where(has_run)
    frame["top1_pct"] = best["top1_pct"].astype(float).where(has_run)
    frame["power_full_w"] = best["power_full_w"].astype(float).where(has_run)
    frame = frame.merge(totals, on=_KEY, how="left", validate="one_to_one")
    frame["top1_pct"] = frame["top1_pct"].fillna(frame["top1_mean"])
    frame["runs"] = frame["runs"].astype("int64")
    return sorted_rows(frame.drop(columns="top1_mean"), _KEY)


def pareto_points(
    configs: pd.DataFrame,
    predictions: pd.DataFrame,
    accuracy: pd.DataFrame,
    assumption: str = DEFAULT_ASSUMPTION,
) -> pd.DataFrame:
    """Measured and predicted (fps, top-1) points with their Pareto front per task and kind.

    Measured points are configurations with ``fps`` and ``top1_pct``; predicted points
    are predictions under ``assumption`` whose variant has a published top-1 at that
    precision. ``has_partner`` marks a configuration present as both kinds.
    """
    measured = configs.loc[
        configs["fps"].notna() & configs["top1_pct"].notna(), [*_KEY, "fps", "top1_pct", "batch"]
    ]
    published = accuracy.loc[accuracy["top1_pct"].notna(),
                             ["task", "network", "pruning_pct", "precision", "top1_pct"]]
    predicted = predictions.loc[
        (predictions["assumption"] == assumption) & predictions["fps"].notna(), [*_KEY, "fps"]
    ].merge(published, on=["task", "network", "pruning_pct", "precision"], how="inner")
    measured = measured.assign(kind="measured", has_partner=_has_key_in(measured, predicted))
    predicted = predicted.assign(kind="predicted", batch=pd.Series(pd.NA, index=predicted.index, dtype="Int64"),
                                 has_partner=_has_key_in(predicted, measured))
    points = pd.concat([measured, predicted], ignore_index=True)
    points["batch"] = points["batch"].astype("Int64")
    points["fps"] = points["fps"].astype(float)
    points["top1_pct"] = points["top1_pct"].astype(float)
    points["has_partner"] = points["has_partner"].astype(bool)
    points["on_front"] = False
    for _, index in sorted(points.groupby(["task", "kind"]).groups.items()):
        points.loc[index, "on_front"] = pareto_front(points.loc[index]).to_numpy()
    points["on_front"] = points["on_front"].astype(bool)
    columns = ["task", "kind", *_KEY[1:], "fps", "top1_pct", "on_front", "batch", "has_partner"]
    return sorted_rows(points[columns], ["task", "kind", *_KEY[1:]])


def efficiency(
    configs: pd.DataFrame,
    predictions: pd.DataFrame,
    assumption: str = DEFAULT_ASSUMPTION,
) -> pd.DataFrame:
    """Measured best throughput as a percentage of the prediction under ``assumption``.

    ``efficiency_pct`` may exceed 100. ``above_peak``: measured above ``peak_fps``;
    ``above_bound``: measured above the configuration's ``platform-aware`` bound, <NA> when
    ``predictions`` holds none for it (both nullable booleans, ``fidelity.exceeds``).
    """
    measured = configs.loc[configs["fps"].notna(), [*_KEY, "fps", "batch"]]
    predicted = predictions.loc[
        (predictions["assumption"] == assumption) & predictions["fps"].notna(),
        [*_KEY, "fps", "peak_fps"],
    ]
    frame = predicted.rename(columns={"fps": "predicted_fps"}).merge(
        measured.rename(columns={"fps": "measured_fps"}), on=_KEY, how="inner",
        validate="one_to_one",
    )
    frame["batch"] = frame["batch"].astype("Int64")
    frame["efficiency_pct"] = 100.0 * frame["measured_fps"] / frame["predicted_fps"]
    bounds = predictions.loc[predictions["assumption"] == PLATFORM_AWARE, [*_KEY, "fps"]]
    bound_fps = frame[_KEY].merge(bounds.rename(columns={"fps": "_bound_fps"}), on=_KEY,
                                  how="left", validate="one_to_one")["_bound_fps"]
    above_bound = pd.array(exceeds(frame["measured_fps"], bound_fps), dtype="boolean")
    above_bound[bound_fps.isna().to_numpy()] = pd.NA
    frame["above_bound"] = above_bound
    frame["above_peak"] = pd.array(exceeds(frame["measured_fps"], frame["peak_fps"]),
                                   dtype="boolean")
    return sorted_rows(frame, _KEY)


BATCH_VALUES = ("fps_comp", "lat_comp_ms", "power_full_w", "power_idle_w")


def batch_medians(measurements: pd.DataFrame) -> pd.DataFrame:
    """One row per configuration and batch size: the median over its repeated runs of
    ``fps_comp``, ``lat_comp_ms``, ``power_full_w`` and ``power_idle_w``, the energy per
    input (mJ) in total and above idle (``energy_above_idle_mj``: (full - idle power) /
    throughput, NaN without an idle reading) and the inputs/s per W of those medians, and
    ``runs`` (how many runs). Grows with configurations and batch sizes, not with repeats."""
    groups = measurements.groupby([*_KEY, "batch"], sort=True, dropna=False)
    frame = groups[list(BATCH_VALUES)].median().reset_index()
    frame["runs"] = groups.size().to_numpy().astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["energy_mj"] = frame["power_full_w"] / frame["fps_comp"] * 1000.0
        frame["energy_above_idle_mj"] = (frame["power_full_w"] - frame["power_idle_w"]) / frame["fps_comp"] * 1000.0
        frame["fps_per_w"] = frame["fps_comp"] / frame["power_full_w"]
    frame["batch"] = frame["batch"].astype("int64")
    return sorted_rows(frame, [*_KEY, "batch"])
