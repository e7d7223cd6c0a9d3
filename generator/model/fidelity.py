"""How well each model predicts the measurements: log errors and how often it is exceeded."""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY

# A measurement counts as above a prediction (or a peak) only when it exceeds it by more
# than this relative margin, so a measurement equal to its prediction up to floating-point
# rounding is not "above".
REL_TOL = 1e-9
ALL_TASKS = "all"
ERROR_COLUMNS = ("task", "model", "configurations", "median_abs_log_error",
                 "p90_abs_log_error", "above_bound_pct")

_KEY = list(CONFIG_KEY)


def exceeds(measured: pd.Series | np.ndarray, limit: pd.Series | np.ndarray) -> np.ndarray:
    """``measured > limit x (1 + REL_TOL)`` elementwise; false where either is NaN."""
    measured = np.asarray(measured, dtype=float)
    limit = np.asarray(limit, dtype=float)
    with np.errstate(invalid="ignore"):
        return measured > limit * (1.0 + REL_TOL)


def prediction_pairs(predictions: pd.DataFrame, configs: pd.DataFrame) -> pd.DataFrame:
    """One row per measured configuration and model that predicts it: ``CONFIG_KEY``,
    ``model``, ``measured_fps`` (the best ``fps_comp``), ``predicted_fps``,
    ``abs_log_error`` = |ln(measured / predicted)| and ``above`` (``exceeds``); sorted."""
    measured = configs.loc[configs["fps"].notna() & (configs["fps"] > 0), [*_KEY, "fps"]]
    predicted = predictions.loc[
        predictions["fps"].notna() & (predictions["fps"] > 0), [*_KEY, "assumption", "fps"]
    ]
    pairs = predicted.rename(columns={"fps": "predicted_fps", "assumption": "model"}).merge(
        measured.rename(columns={"fps": "measured_fps"}), on=_KEY, how="inner",
        validate="many_to_one",
    )
    pairs["abs_log_error"] = np.abs(np.log(pairs["measured_fps"] / pairs["predicted_fps"]))
    pairs["above"] = exceeds(pairs["measured_fps"], pairs["predicted_fps"])
    columns = [*_KEY, "model", "measured_fps", "predicted_fps", "abs_log_error", "above"]
    return pairs[columns].sort_values([*_KEY, "model"], kind="stable").reset_index(drop=True)


def model_error(predictions: pd.DataFrame, configs: pd.DataFrame) -> pd.DataFrame:
    """Error of every model (``assumption``) per task and over all tasks (task ``"all"``).

    A configuration counts for a model when it is measured (``configs["fps"]`` > 0, the
    best ``fps_comp``) and the model predicts it (``fps`` > 0). Errors are
    |ln(measured / predicted)|: ``median_abs_log_error``, ``p90_abs_log_error`` (linear
    interpolation, numpy's default) and ``above_bound_pct``, the percentage measured above
    the prediction (``exceeds``). A task with no configuration for a model gives a row with
    0 configurations and NaN statistics. Rows: tasks in name order, then ``"all"``; models
    in name order within each.
    """
    pairs = prediction_pairs(predictions, configs)
    models = sorted(set(predictions["assumption"]))
    tasks = sorted(set(configs.loc[configs["fps"].notna() & (configs["fps"] > 0), "task"]))
    rows = []
    for task in [*tasks, ALL_TASKS]:
        for model in models:
            mine = pairs.loc[pairs["model"] == model]
            if task != ALL_TASKS:
                mine = mine.loc[mine["task"] == task]
            errors = mine["abs_log_error"].to_numpy(dtype=float)
            n = len(errors)
            rows.append((
                task, model, n,
                float(np.median(errors)) if n else np.nan,
                float(np.percentile(errors, 90)) if n else np.nan,
                100.0 * float(mine["above"].mean()) if n else np.nan,
            ))
    frame = pd.DataFrame(rows, columns=list(ERROR_COLUMNS))
    return frame.astype({"configurations": "int64", "median_abs_log_error": float,
                         "p90_abs_log_error": float, "above_bound_pct": float})
