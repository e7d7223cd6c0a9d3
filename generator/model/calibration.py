"""The ``calibrated`` prediction: the bound's compute roof lowered to the efficiency a platform
reaches, plus the time a platform spends per batch outside the computation, both learned from
the platform's other measurements; and the validation schemes that say how well it predicts
what was held out of its calibration.

For one configuration at batch B the predicted time per input is
``max(t_compute / efficiency + overhead / B, t_bound)``: ``t_compute`` = operations / peak,
``t_bound`` = the ``platform-aware`` bound's time (its memory roof stays as it is). The
efficiency and the overhead are fitted (least squares of the relative error, both >= 0) to
the runs of a calibration pool: the platform at the same precision (every mode: each run's
compute time uses its own mode's peak), else the platform at any precision, else the
platforms of its kind, else all platforms. A pool holds one point per configuration and batch
(the median over repeated runs) where the compute roof is the bound, and never a
configuration measured above its compute peak (physically impossible: a data error).

A **scheme** says what is held out of the pool of each measured configuration:
leave-one-configuration-out (the configuration itself), leave-one-network-out (every
configuration of its network on its platform: all modes, precisions and pruning levels) and
leave-one-platform-out (every configuration of its platform). A held-out configuration's own
runs never enter its prediction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, sorted_rows

CALIBRATED = "calibrated"
COLUMNS = ("calibration_factor", "overhead_ms", "calibration_basis", "calibration_configurations")
# Calibration pools, most specific first, with the words the tables use for each.
LEVELS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("platform", "precision"), "platform and precision"),
    (("platform",), "platform"),
    (("kind",), "platforms of its kind"),
    ((), "all platforms"),
)
BASIS_NONE = "none"  # nothing measured to calibrate on: no calibrated prediction
CONFIGURATION_OUT = "leave-one-configuration-out"
NETWORK_OUT = "leave-one-network-out"
PLATFORM_OUT = "leave-one-platform-out"
SCHEMES: dict[str, tuple[str, ...]] = {  # scheme -> the columns whose values a held-out unit shares
    CONFIGURATION_OUT: CONFIG_KEY,
    NETWORK_OUT: ("platform", "network"),
    PLATFORM_OUT: ("platform",),
}
SCHEME_DOCS: dict[str, str] = {
    CONFIGURATION_OUT: "each measured configuration is predicted from every other one, including the same "
                       "network on the same platform at another mode or precision: what a user gets for a "
                       "configuration next to measured ones",
    NETWORK_OUT: "each network is held out of its platform's calibration (all its modes, precisions and "
                 "pruning levels): what a user gets for a new network on a measured platform",
    PLATFORM_OUT: "each platform is held out of its own calibration, which then falls back on platforms of "
                  "its kind or all platforms: what a user gets for a platform nobody measured",
}
DOC = (
    "The `platform-aware` bound with its compute roof lowered to the platform's efficiency and a fixed time per "
    "batch added: time per input = max(ops / peak / efficiency + overhead / B, the bound's time), B as for the "
    "bound. Efficiency and overhead are fitted (least squares of the relative error, both >= 0) to the "
    "platform's other compute-bound runs at the same precision (every batch, the median of repeated runs), else "
    "at any precision, else to the platforms of its kind, else to all platforms; runs measured above their "
    "compute peak never calibrate. A configuration's own runs never enter its own prediction "
    "(leave-one-configuration-out; see the validation schemes). Same intensity = as `platform-aware`."
)

_KEY = list(CONFIG_KEY)
REL_TOL = 1e-9  # a run is above its compute peak only beyond this relative margin (as fidelity.REL_TOL)
FACT_COLUMNS = (*CONFIG_KEY, "batch", "kind", "sweep", "compute_s", "streamed_bytes", "io_bytes", "memory_gbps")


def bound_s(facts: pd.DataFrame, batch: np.ndarray) -> np.ndarray:
    """The ``platform-aware`` bound's time per input (s) of each ``facts`` row (``FACT_COLUMNS``)
    at ``batch``: the streamed weights are shared by the batch only where the platform's
    runs sweep batches."""
    streamed = facts["streamed_bytes"].to_numpy(dtype=float)
    shared = np.where((facts["sweep"] == "batch").to_numpy(), np.asarray(batch, dtype=float), 1.0)
    traffic = streamed / shared + facts["io_bytes"].to_numpy(dtype=float)
    return np.maximum(facts["compute_s"].to_numpy(dtype=float),
                      traffic / (facts["memory_gbps"].to_numpy(dtype=float) * 1e9))


def calibration_runs(facts: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """The points calibrations are fitted to: one per measured configuration and batch
    (``runs``: ``CONFIG_KEY``, ``batch``, ``fps_comp``), with ``kind``, ``compute_s``,
    ``bound_s`` (at that batch) and ``time_s`` (1 / fps), less every configuration measured
    above its compute peak."""
    measured = runs.loc[runs["fps_comp"].notna() & (runs["fps_comp"] > 0), [*_KEY, "batch", "fps_comp"]]
    measured = measured.astype({c: str for c in ("task", "platform", "mode", "precision", "network")})
    frame = measured.merge(facts.drop(columns="batch"), on=_KEY, how="inner", validate="many_to_one")
    frame["time_s"] = 1.0 / frame["fps_comp"].astype(float)
    frame["bound_s"] = bound_s(frame, frame["batch"].to_numpy())
    above = frame["time_s"] * (1.0 + REL_TOL) < frame["compute_s"]
    flagged = frame.loc[above, _KEY].drop_duplicates()
    if len(flagged):
        frame = frame.merge(flagged.assign(_flagged=True), on=_KEY, how="left")
        frame = frame[frame["_flagged"].isna()].drop(columns="_flagged")
    return sorted_rows(frame[[*_KEY, "kind", "batch", "compute_s", "bound_s", "time_s"]], [*_KEY, "batch"])


def fit(points: pd.DataFrame) -> tuple[float, float]:
    """(1 / efficiency, overhead in s per batch) minimising the squared relative error of
    ``compute_s / efficiency + overhead / batch`` against ``time_s`` with both >= 0, over the
    points where the compute roof is the bound (all points when there are none)."""
    return _fit(*(points[c].to_numpy(dtype=float) for c in ("compute_s", "bound_s", "time_s", "batch")))


def _fit(compute_s: np.ndarray, bound: np.ndarray, time_s: np.ndarray, batch: np.ndarray) -> tuple[float, float]:
    """:func:`fit` on the points' columns as arrays."""
    compute_bound = compute_s >= bound * (1.0 - REL_TOL)
    if compute_bound.any():
        compute_s, time_s, batch = compute_s[compute_bound], time_s[compute_bound], batch[compute_bound]
    design = np.c_[compute_s, 1.0 / batch]
    scaled = design / time_s[:, None]
    ones = np.ones(len(time_s))
    best: tuple[float, float, float] | None = None
    for columns in ((0, 1), (0,)):  # with the overhead, then without it when it would be negative
        solution, *_ = np.linalg.lstsq(scaled[:, columns], ones, rcond=None)
        if (solution < 0).any() or solution[0] <= 0:
            continue
        residual = float(np.sum((scaled[:, columns] @ solution - ones) ** 2))
        coefficients = (float(solution[0]), float(solution[1]) if len(columns) > 1 else 0.0)
        if best is None or residual < best[0] - 1e-15:
            best = (residual, *coefficients)
    if best is None:  # every point would want a negative compute time: efficiency from the medians
        return float(np.median(time_s / design[:, 0])), 0.0
    return best[1], best[2]


class _Pools:
    """Fits per calibration pool, each done once: the pools of a level are the points sharing
    the level's columns with the configuration, less the held-out unit's points."""

    def __init__(self, points: pd.DataFrame, unit: Sequence[str]):
        self.points, self.unit = points, list(unit)
        self.groups = {level: points.groupby(list(level), sort=False).indices if level else {(): np.arange(len(points))}
                       for level, _ in LEVELS}
        self.units = points.groupby(self.unit, sort=False).indices if len(points) else {}
        self.fits: dict[tuple, tuple[float, float, str, int]] = {}
        # The columns a fit reads, as arrays (a fit per pool; slicing frames would cost more
        # than the fit), and each point's configuration as a number (pools count them).
        self.columns = [points[c].to_numpy(dtype=float) for c in ("compute_s", "bound_s", "time_s", "batch")]
        self.configuration = (points.groupby(_KEY, sort=False, dropna=False).ngroup().to_numpy() if len(points)
                              else np.zeros(0, dtype=int))

    def calibrate(self, target: dict) -> tuple[float, float, str, int]:
        """(1 / efficiency, overhead s, basis, configurations in the pool) for one configuration."""
        unit_key = tuple(target[c] for c in self.unit)
        held = self.units.get(unit_key[0] if len(unit_key) == 1 else unit_key)
        for level, basis in LEVELS:
            group_key = tuple(target[c] for c in level)
            index = self.groups[level].get(group_key[0] if len(group_key) == 1 else group_key) if level \
                else self.groups[level][()]
            if index is None:
                continue
            if held is not None:
                index = np.setdiff1d(index, held, assume_unique=True)
            if not len(index):
                continue
            key = (level, group_key, unit_key if held is not None else None)
            if key not in self.fits:
                fitted = _fit(*(column[index] for column in self.columns))
                self.fits[key] = (*fitted, basis, int(len(np.unique(self.configuration[index]))))
            return self.fits[key]
        return (np.nan, np.nan, BASIS_NONE, 0)


def predict(facts: pd.DataFrame, points: pd.DataFrame, unit: Sequence[str] = CONFIG_KEY) -> pd.DataFrame:
    """The calibrated prediction of every ``facts`` row at its batch, each calibrated without
    the points that share its ``unit`` columns: ``CONFIG_KEY``, ``fps``, ``calibration_factor``
    (the efficiency on the compute roof), ``overhead_ms`` (per batch), ``calibration_basis``
    and ``calibration_configurations``."""
    pools = _Pools(points, unit)
    rows = [pools.calibrate(target) for target in facts[list(dict.fromkeys([*_KEY, "kind", *unit]))].to_dict("records")]
    frame = facts[_KEY].copy()
    inverse = np.array([r[0] for r in rows], dtype=float)
    overhead = np.array([r[1] for r in rows], dtype=float)
    time = np.maximum(facts["compute_s"].to_numpy(dtype=float) * inverse
                      + overhead / facts["batch"].to_numpy(dtype=float),
                      bound_s(facts, facts["batch"].to_numpy()))
    frame["fps"] = 1.0 / time
    with np.errstate(divide="ignore"):
        frame["calibration_factor"] = 1.0 / inverse
    frame["overhead_ms"] = overhead * 1000.0
    frame["calibration_basis"] = [r[2] for r in rows]
    frame["calibration_configurations"] = pd.array([r[3] for r in rows], dtype="Int64")
    return frame.reset_index(drop=True)


def platform_fits(facts: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """What the calibration learned of every platform-mode-precision row of ``facts`` from
    everything measured: ``platform``, ``mode``, ``precision``, ``calibration_factor``,
    ``overhead_ms``, ``calibration_basis`` and ``calibration_configurations`` (what a new
    network on it would be predicted with)."""
    rows = facts.drop_duplicates(["platform", "mode", "precision"]).reset_index(drop=True)
    fitted = predict(rows.assign(network="", pruning_pct=np.nan), calibration_runs(facts, runs), ("network",))
    keep = ["platform", "mode", "precision", *COLUMNS]
    return sorted_rows(pd.concat([rows[["platform", "mode", "precision"]], fitted[list(COLUMNS)]], axis=1)[keep],
                       ["platform", "mode", "precision"])


def calibrated(bounds: pd.DataFrame, facts: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """The ``calibrated`` rows: the bound rows (``bounds``, with their ``facts``) with ``fps``
    and ``attainable_tops`` of the prediction, each measured configuration calibrated without
    its own runs (leave-one-configuration-out), the others on everything measured."""
    frame = bounds.drop(columns=[c for c in ("fps", *COLUMNS) if c in bounds.columns]).merge(
        predict(facts, calibration_runs(facts, runs)), on=_KEY, how="left", validate="one_to_one")
    frame["assumption"] = CALIBRATED
    frame["attainable_tops"] = frame["fps"] * frame["ops_gop"] / 1000.0
    return sorted_rows(frame, _KEY)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The calibration columns with their types where rows of other models leave them empty."""
    frame = frame.copy()
    frame["calibration_factor"] = frame["calibration_factor"].astype(float)
    frame["overhead_ms"] = frame["overhead_ms"].astype(float)
    frame["calibration_basis"] = frame["calibration_basis"].astype(object).fillna("").astype(str)
    frame["calibration_configurations"] = frame["calibration_configurations"].astype("Int64")
    return frame


def validation(facts: pd.DataFrame, runs: pd.DataFrame, measured: pd.DataFrame) -> pd.DataFrame:
    """The calibrated prediction of every measured configuration (``measured``: its
    ``CONFIG_KEY``) under every scheme: ``scheme``, ``CONFIG_KEY``, ``predicted_fps``,
    ``calibration_basis``."""
    targets = facts.merge(measured[_KEY].drop_duplicates(), on=_KEY, how="inner")
    points = calibration_runs(facts, runs)
    parts = []
    for scheme, unit in SCHEMES.items():
        part = predict(targets, points, unit)
        parts.append(part[[*_KEY, "fps", "calibration_basis"]].rename(columns={"fps": "predicted_fps"})
                     .assign(scheme=scheme))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["scheme", *_KEY])
    return sorted_rows(frame[["scheme", *_KEY, "predicted_fps", "calibration_basis"]], ["scheme", *_KEY])
