"""How well each model predicts the measurements, under each validation scheme: log errors,
how often a model is exceeded, and an interval that says how much the figures would move
with other platforms.

A configuration's error is |ln(measured / predicted)| of its best measured throughput. The
models that read no measurement (the roofline assumptions, the bound, the per-layer model)
predict the same under every scheme; the ``calibrated`` one is predicted anew for each
(``calibration.validation``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, sorted_rows
from generator.model.calibration import CALIBRATED, CONFIGURATION_OUT, SCHEMES

# A measurement counts as above a prediction (or a peak) only when it exceeds it by more
# than this relative margin, so a measurement equal to its prediction up to floating-point
# rounding is not "above".
REL_TOL = 1e-9
ALL_TASKS = "all"
ALL_PLATFORMS = ""
RESAMPLES = 2000  # cluster bootstrap resamples of the interval
SEED = 17  # the bootstrap's fixed seed: the same data give the same interval
INTERVAL_RULE = (
    f"95% interval of the median: the 2.5th and 97.5th percentiles of the median over {RESAMPLES:,} resamples "
    "that draw the platforms with replacement (each with all its configurations), with a fixed seed, so it says "
    "how much the figure depends on which platforms happen to be in the data set."
)
VALIDATION_COLUMNS = ("scheme", "model", *CONFIG_KEY, "predicted_fps", "measured_fps")
ERROR_COLUMNS = ("task", "platform", "model", "scheme", "configurations", "median_abs_log_error", "ci_low",
                 "ci_high", "p90_abs_log_error", "above_bound_pct")

_KEY = list(CONFIG_KEY)


def exceeds(measured: pd.Series | np.ndarray, limit: pd.Series | np.ndarray) -> np.ndarray:
    """``measured > limit x (1 + REL_TOL)`` elementwise; false where either is NaN."""
    measured = np.asarray(measured, dtype=float)
    limit = np.asarray(limit, dtype=float)
    with np.errstate(invalid="ignore"):
        return measured > limit * (1.0 + REL_TOL)


def _measured(configs: pd.DataFrame) -> pd.DataFrame:
    measured = configs.loc[configs["fps"].notna() & (configs["fps"] > 0), [*_KEY, "fps"]]
    return measured.rename(columns={"fps": "measured_fps"}).astype(
        {c: str for c in ("task", "platform", "mode", "precision", "network")})


def validation(predictions: pd.DataFrame, calibrated: pd.DataFrame, configs: pd.DataFrame) -> pd.DataFrame:
    """``VALIDATION_COLUMNS``: one row per scheme, model and measured configuration it predicts.

    ``predictions``: every model's prediction (``assumption``, ``fps``), the same under every
    scheme, except the ``calibrated`` rows, which come from ``calibrated`` (scheme,
    ``CONFIG_KEY``, ``predicted_fps``: ``calibration.validation``). ``configs``: the measured
    configurations (``fps``, the best ``fps_comp``). A model predicts a configuration when its
    ``fps`` is > 0. Sorted by scheme, model and configuration."""
    measured = _measured(configs)
    static = predictions.loc[(predictions["assumption"] != CALIBRATED) & predictions["fps"].notna()
                             & (predictions["fps"] > 0), [*_KEY, "assumption", "fps"]]
    static = static.rename(columns={"assumption": "model", "fps": "predicted_fps"})
    parts = [static.assign(scheme=scheme) for scheme in SCHEMES]
    if CALIBRATED in set(predictions["assumption"]):
        fitted = calibrated.loc[calibrated["predicted_fps"].notna() & (calibrated["predicted_fps"] > 0)]
        parts.append(fitted[["scheme", *_KEY, "predicted_fps"]].assign(model=CALIBRATED))
    frame = pd.concat(parts, ignore_index=True).merge(measured, on=_KEY, how="inner", validate="many_to_one")
    return sorted_rows(frame[list(VALIDATION_COLUMNS)], ["scheme", "model", *_KEY])


def pairs(validation_rows: pd.DataFrame, scheme: str = CONFIGURATION_OUT) -> pd.DataFrame:
    """The validation rows of one scheme with ``abs_log_error`` and ``above`` (``exceeds``):
    what a measured-against-predicted chart draws."""
    frame = validation_rows[validation_rows["scheme"] == scheme].reset_index(drop=True)
    frame["abs_log_error"] = np.abs(np.log(frame["measured_fps"] / frame["predicted_fps"]))
    frame["above"] = exceeds(frame["measured_fps"], frame["predicted_fps"])
    return frame


def _median_of_multiset(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Per row of ``weights`` (counts of each sorted value): the median of the multiset, as
    ``np.median`` of the values repeated that many times (the mean of the middle two)."""
    cumulative = np.cumsum(weights, axis=1)
    total = cumulative[:, -1]
    low = np.floor((total - 1) / 2)
    high = np.ceil((total - 1) / 2)
    at_low = np.argmax(cumulative > low[:, None], axis=1)
    at_high = np.argmax(cumulative > high[:, None], axis=1)
    return np.where(total > 0, (values[at_low] + values[at_high]) / 2.0, np.nan)


def median_interval(errors: np.ndarray, clusters: np.ndarray, resamples: int = RESAMPLES,
                    seed: int = SEED) -> tuple[float, float]:
    """(2.5th, 97.5th) percentile of the median of ``errors`` over ``resamples`` cluster
    bootstrap resamples: each draws as many clusters as there are, with replacement, and
    takes all the errors of each cluster drawn (``INTERVAL_RULE``). Deterministic: clusters
    in sorted order, one seeded generator."""
    if not len(errors):
        return np.nan, np.nan
    order = np.argsort(errors, kind="stable")
    values, members = errors[order], clusters[order]
    names, index = np.unique(members, return_inverse=True)
    rng = np.random.Generator(np.random.PCG64(seed))
    draws = rng.integers(0, len(names), size=(resamples, len(names)))
    counts = np.zeros((resamples, len(names)))
    np.add.at(counts, (np.repeat(np.arange(resamples), len(names)), draws.ravel()), 1.0)
    medians = _median_of_multiset(values, counts[:, index])
    low, high = np.percentile(medians, [2.5, 97.5])
    return float(low), float(high)


def model_error(validation_rows: pd.DataFrame) -> pd.DataFrame:
    """``ERROR_COLUMNS``: per task (and ``"all"``), model and scheme, over all platforms
    (``platform`` ""), the number of configurations, the median |ln(measured / predicted)| with
    its 95% interval (``median_interval``, platforms as clusters), the 90th percentile (linear
    interpolation, numpy's default) and the percentage measured above the prediction; then,
    for all tasks, the same per platform (no interval). A task with no configuration for a
    model gives a row with 0 configurations and NaN statistics. Rows: tasks in name order,
    then ``"all"``; models in name order within each, schemes in ``SCHEMES`` order."""
    frame = validation_rows.copy()
    frame["error"] = np.abs(np.log(frame["measured_fps"] / frame["predicted_fps"]))
    frame["above"] = exceeds(frame["measured_fps"], frame["predicted_fps"])
    models = sorted(set(frame["model"]))
    tasks = sorted(set(frame["task"]))
    rows = []

    def row(task: str, platform: str, model: str, scheme: str, mine: pd.DataFrame, interval: bool) -> tuple:
        errors = mine["error"].to_numpy(dtype=float)
        n = len(errors)
        low, high = median_interval(errors, mine["platform"].to_numpy(dtype=str)) if interval else (np.nan, np.nan)
        return (task, platform, model, scheme, n, float(np.median(errors)) if n else np.nan, low, high,
                float(np.percentile(errors, 90)) if n else np.nan,
                100.0 * float(mine["above"].mean()) if n else np.nan)

    groups = frame.groupby(["scheme", "model"], sort=False)
    for task in [*tasks, ALL_TASKS]:
        for model in models:
            for scheme in SCHEMES:
                mine = groups.get_group((scheme, model)) if (scheme, model) in groups.groups else frame.iloc[:0]
                if task != ALL_TASKS:
                    mine = mine[mine["task"] == task]
                rows.append(row(task, ALL_PLATFORMS, model, scheme, mine, interval=True))
    for platform in sorted(set(frame["platform"])):
        for model in models:
            for scheme in SCHEMES:
                mine = frame[(frame["platform"] == platform) & (frame["model"] == model) & (frame["scheme"] == scheme)]
                if len(mine):
                    rows.append(row(ALL_TASKS, platform, model, scheme, mine, interval=False))
    result = pd.DataFrame(rows, columns=list(ERROR_COLUMNS))
    return result.astype({"configurations": "int64", "median_abs_log_error": float, "ci_low": float,
                          "ci_high": float, "p90_abs_log_error": float, "above_bound_pct": float})
