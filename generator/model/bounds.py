"""Predictions that use what is known of each platform: on-chip memory and measured runs.

``platform_aware`` is a roofline bound whose memory traffic depends on whether the weights
fit on chip and on the batch the platform was measured at; ``calibrated`` scales it by the
efficiency the platform reaches on its other configurations. ``predictions`` returns
these together with the static assumptions of ``roofline``, one frame for every page.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, roofline, sorted_rows

PLATFORM_AWARE = "platform-aware"
CALIBRATED = "calibrated"
ASSUMPTIONS = (PLATFORM_AWARE, CALIBRATED)
ALL_ASSUMPTIONS = (*roofline.ASSUMPTIONS, *ASSUMPTIONS)
ASSUMPTION_DOCS: dict[str, str] = {
    PLATFORM_AWARE: (
        "The weights stay on chip when they fit in the platform's on-chip memory "
        "(`weights_m x bytes_per_element <= onchip_mb`; never when `onchip_mb` is unknown): "
        "then intensity = ops / ((input elements + output elements) x bytes per element), "
        "as for `weights-onchip`. Otherwise they are read once per batch: intensity = "
        "B x ops / (weights x bytes per element), where B is the largest batch measured for "
        "the configuration, else the largest batch measured on the platform, else 1."
    ),
    CALIBRATED: (
        "The `platform-aware` bound times the platform's achievable efficiency: the median "
        "of measured / bound over the platform's other measured configurations (all tasks), "
        "or over every other measured configuration of all platforms when the platform has "
        "none; a configuration's own measurement never enters its own prediction. Same "
        "intensity = as `platform-aware`."
    ),
}
ALL_ASSUMPTION_DOCS: dict[str, str] = {**roofline.ASSUMPTION_DOCS, **ASSUMPTION_DOCS}

BASIS_PLATFORM = "platform"
BASIS_ALL = "all platforms"
BASIS_NONE = "none"  # no measured configuration to calibrate on: no calibrated prediction
EXTRA_COLUMNS = ("weights_onchip", "calibration_factor", "calibration_basis",
                 "calibration_configurations")

_KEY = list(CONFIG_KEY)


def largest_batches(keys: pd.DataFrame, measurements: pd.DataFrame) -> pd.Series:
    """Per row of ``keys`` (``CONFIG_KEY`` columns): the largest batch measured for that
    configuration, else the largest measured on its platform id (any mode, task, network),
    else 1; int64. Every run counts, with or without ``fps_comp``."""
    runs = measurements[[*_KEY, "batch"]]
    per_config = runs.groupby(_KEY, sort=True, dropna=False)["batch"].max().rename("_config")
    per_platform = runs.groupby("platform", sort=True)["batch"].max().rename("_platform")
    joined = keys[_KEY].merge(per_config.reset_index(), on=_KEY, how="left")
    joined = joined.merge(per_platform.reset_index(), on="platform", how="left")
    batch = joined["_config"].fillna(joined["_platform"]).fillna(1)
    return pd.Series(batch.to_numpy(dtype="int64"), index=keys.index, name="batch")


def platform_aware(
    platforms: pd.DataFrame,
    variants: pd.DataFrame,
    precisions: pd.DataFrame,
    tasks: pd.DataFrame,
    measurements: pd.DataFrame,
) -> pd.DataFrame:
    """The ``platform-aware`` bound of every variant on every platform-mode-precision row.

    ``platforms`` needs a float ``onchip_mb`` column (MB of on-chip memory for weights, NaN
    when unknown); ``measurements`` the ``CONFIG_KEY`` and ``batch`` columns of the
    measurements frame. Columns: ``roofline.PREDICTION_COLUMNS`` (``batch`` = B used, 1 when
    the weights are on chip) and ``weights_onchip`` (bool); sorted by ``CONFIG_KEY``.
    """
    if "onchip_mb" not in platforms.columns:
        raise ValueError("platform-aware needs an onchip_mb column in the platforms frame")
    base = roofline.predictions(platforms, variants, precisions, tasks,
                                assumptions=("weights-onchip",))
    onchip = platforms[["platform", "mode", "precision", "onchip_mb"]]
    frame = base.merge(onchip, on=["platform", "mode", "precision"], how="left",
                       validate="many_to_one")
    frame = frame.merge(precisions[["precision", "bytes_per_element"]], on="precision",
                        how="left", validate="many_to_one")
    weights_mb = frame["weights_m"] * frame["bytes_per_element"]
    fits = (weights_mb <= frame["onchip_mb"].astype(float)).to_numpy(dtype=bool)  # NaN: False
    batch = largest_batches(frame, measurements)
    amortised = roofline.intensity_ops_per_byte(
        frame["ops_gop"], frame["weights_m"], frame["bytes_per_element"], "batch-amortised",
        batch,
    )
    frame["intensity_ops_per_byte"] = np.where(fits, frame["intensity_ops_per_byte"], amortised)
    frame["batch"] = np.where(fits, 1, batch).astype("int64")
    frame["assumption"] = PLATFORM_AWARE
    frame["weights_onchip"] = fits
    frame = roofline.with_roof(frame)
    return sorted_rows(frame[[*roofline.PREDICTION_COLUMNS, "weights_onchip"]], _KEY)


def _factors(bounds: pd.DataFrame, configs: pd.DataFrame) -> pd.DataFrame:
    """Per bound row: calibration factor, basis and how many configurations it is the median of."""
    measured = configs.loc[configs["fps"].notna() & (configs["fps"] > 0), [*_KEY, "fps"]]
    ratios = bounds[[*_KEY, "fps"]].rename(columns={"fps": "bound_fps"}).merge(
        measured.rename(columns={"fps": "measured_fps"}), on=_KEY, how="inner",
        validate="one_to_one",
    )
    ratios = ratios.loc[np.isfinite(ratios["bound_fps"]) & (ratios["bound_fps"] > 0)]
    ratio = (ratios["measured_fps"] / ratios["bound_fps"]).to_numpy(dtype=float)
    position = {key: i for i, key in enumerate(ratios[_KEY].itertuples(index=False, name=None))}
    ratio_platforms = ratios["platform"].to_numpy()
    rows = []
    for key in bounds[_KEY].itertuples(index=False, name=None):
        others = np.ones(len(ratio), dtype=bool)
        if key in position:  # a measured configuration never calibrates itself
            others[position[key]] = False
        own_platform = (ratio_platforms == key[_KEY.index("platform")]) & others
        if own_platform.any():
            basis, pool = BASIS_PLATFORM, ratio[own_platform]
        elif others.any():
            basis, pool = BASIS_ALL, ratio[others]
        else:
            basis, pool = BASIS_NONE, ratio[others]
        factor = float(np.median(pool)) if len(pool) else np.nan
        rows.append((factor, basis, len(pool)))
    return pd.DataFrame(rows, index=bounds.index, columns=[
        "calibration_factor", "calibration_basis", "calibration_configurations"])


def calibrated(bounds: pd.DataFrame, configs: pd.DataFrame) -> pd.DataFrame:
    """The ``calibrated`` prediction: each ``platform-aware`` bound x its calibration factor.

    ``bounds`` is the output of ``platform_aware``; ``configs`` that of
    ``experiments.configurations`` (measured fps = column ``fps``, the best ``fps_comp``).
    The factor of a configuration is the median of measured fps / bound over the other
    measured configurations of its platform id (all modes and tasks), else over every
    other measured configuration (``calibration_basis`` "platform" or "all platforms";
    "none" with NaN factor and fps when there is nothing to calibrate on). A configuration
    that is not measured is calibrated on all its platform's measured configurations.
    Columns: those of ``platform_aware`` (``fps`` and ``attainable_tops`` scaled) plus
    ``calibration_factor``, ``calibration_basis`` and ``calibration_configurations``.
    """
    bounds = bounds.loc[bounds["assumption"] == PLATFORM_AWARE].reset_index(drop=True)
    frame = pd.concat([bounds, _factors(bounds, configs)], axis=1)
    frame["assumption"] = CALIBRATED
    frame["fps"] = frame["fps"] * frame["calibration_factor"]
    frame["attainable_tops"] = frame["attainable_tops"] * frame["calibration_factor"]
    frame["calibration_configurations"] = frame["calibration_configurations"].astype("int64")
    return sorted_rows(frame, _KEY)


def predictions(
    platforms: pd.DataFrame,
    variants: pd.DataFrame,
    precisions: pd.DataFrame,
    tasks: pd.DataFrame,
    measurements: pd.DataFrame,
    configs: pd.DataFrame,
    assumptions: tuple[str, ...] = ALL_ASSUMPTIONS,
    batch: int = 1,
) -> pd.DataFrame:
    """``roofline.predictions`` for the static assumptions plus ``platform-aware`` and
    ``calibrated`` when asked, in one frame sorted by ``CONFIG_KEY`` and ``assumption``.

    Columns: ``roofline.PREDICTION_COLUMNS`` then ``EXTRA_COLUMNS``: ``weights_onchip``
    (bool; true for ``weights-onchip``, false for the other static assumptions),
    ``calibration_factor`` (NaN), ``calibration_basis`` ("") and
    ``calibration_configurations`` (<NA>) outside ``calibrated``. ``onchip_mb`` is needed
    in ``platforms`` only for the two measured-data assumptions.
    """
    unknown = [a for a in assumptions if a not in ALL_ASSUMPTIONS]
    if unknown:
        raise ValueError(f"unknown assumption {unknown}; expected one of {ALL_ASSUMPTIONS}")
    static = tuple(a for a in assumptions if a in roofline.ASSUMPTIONS)
    parts = []
    if static:
        frame = roofline.predictions(platforms, variants, precisions, tasks, static, batch)
        frame["weights_onchip"] = frame["assumption"] == "weights-onchip"
        parts.append(frame)
    if set(ASSUMPTIONS) & set(assumptions):
        bound = platform_aware(platforms, variants, precisions, tasks, measurements)
        if PLATFORM_AWARE in assumptions:
            parts.append(bound)
        if CALIBRATED in assumptions:
            parts.append(calibrated(bound, configs))
    columns = [*roofline.PREDICTION_COLUMNS, *EXTRA_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    frame["weights_onchip"] = frame["weights_onchip"].astype(bool)
    frame["calibration_factor"] = frame["calibration_factor"].astype(float)
    frame["calibration_basis"] = frame["calibration_basis"].astype(object).fillna("").astype(str)
    frame["calibration_configurations"] = frame["calibration_configurations"].astype("Int64")
    return sorted_rows(frame, [*_KEY, "assumption"])
