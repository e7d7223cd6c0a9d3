"""Roofline model: attainable throughput = min(peak compute, bandwidth x arithmetic intensity).

Units: peak in TOP/s, bandwidth in GB/s, intensity in operations per byte, so
``bandwidth_gbps x intensity / 1000`` is TOP/s. Operations per input are GOP (``ops_gop``),
weights are millions of elements (``weights_m``). The functions on numbers work elementwise
on numpy arrays and pandas Series too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, sorted_rows

ASSUMPTIONS = ("weights-offchip", "batch-amortised", "weights-onchip")
DEFAULT_ASSUMPTION = "weights-offchip"
ASSUMPTION_DOCS: dict[str, str] = {
    "weights-offchip": (
        "Every input reads all weights from off-chip memory: intensity = ops / (weights x "
        "bytes per element), i.e. `ops_gop x 10^9 / (weights_m x 10^6 x bytes_per_element)` "
        "operations per byte."
    ),
    "batch-amortised": (
        "The weights are read once per batch and shared by its `batch` inputs: intensity = "
        "batch x ops / (weights x bytes per element), so a memory-bound prediction grows "
        "with the batch until it reaches the compute roof."
    ),
    "weights-onchip": (
        "The weights stay on chip and only inputs and outputs cross the memory interface: "
        "intensity = ops / ((input elements + output elements) x bytes per element)."
    ),
}

Number = float | np.ndarray | pd.Series
PREDICTION_COLUMNS = (
    *CONFIG_KEY, "assumption", "batch", "ops_gop", "weights_m", "intensity_ops_per_byte",
    "peak_tops", "bandwidth_gbps", "ridge_ops_per_byte", "attainable_tops", "fps", "peak_fps",
    "bound",
)
_PLATFORM_ID = ("platform", "platform_name", "vendor", "kind", "mode", "precision")


def intensity_ops_per_byte(
    ops_gop: Number,
    weights_m: Number,
    bytes_per_element: Number,
    assumption: str,
    batch: Number = 1,
    input_elements: Number | None = None,
    output_elements: Number | None = None,
) -> Number:
    """Operations per byte moved off chip, under one of ``ASSUMPTIONS``."""
    ops = ops_gop * 1e9
    if assumption == "weights-offchip":
        return ops / (weights_m * 1e6 * bytes_per_element)
    if assumption == "batch-amortised":
        return batch * ops / (weights_m * 1e6 * bytes_per_element)
    if assumption == "weights-onchip":
        if input_elements is None or output_elements is None:
            raise ValueError("weights-onchip needs input_elements and output_elements")
        return ops / ((input_elements + output_elements) * bytes_per_element)
    raise ValueError(f"unknown roofline assumption {assumption!r}; expected one of {ASSUMPTIONS}")


def attainable_tops(peak_tops: Number, bandwidth_gbps: Number, intensity: Number) -> Number:
    """The roof: compute-bound at ``peak_tops``, memory-bound below the ridge."""
    return np.minimum(peak_tops, bandwidth_gbps * intensity / 1000.0)


def ridge_ops_per_byte(peak_tops: Number, bandwidth_gbps: Number) -> Number:
    """Intensity where the memory roof meets the compute roof."""
    return peak_tops * 1000.0 / bandwidth_gbps


def _check(assumptions: tuple[str, ...] | list[str]) -> None:
    unknown = [a for a in assumptions if a not in ASSUMPTIONS]
    if unknown:
        raise ValueError(f"unknown roofline assumption {unknown}; expected one of {ASSUMPTIONS}")


def _lookup(frame: pd.DataFrame, table: pd.DataFrame, on: str) -> pd.DataFrame:
    """Left-join ``table`` on ``on``; a key missing from ``table`` is a contract violation."""
    joined = frame.merge(table, on=on, how="left", validate="many_to_one", indicator=True)
    missing = sorted(set(joined.loc[joined["_merge"] == "left_only", on]))
    if missing:
        raise ValueError(f"unknown {on} {missing}: not in the {on}s frame")
    return joined.drop(columns="_merge")


def _with_intensity(frame: pd.DataFrame, batch: int) -> pd.DataFrame:
    """Add ``batch`` and ``intensity_ops_per_byte`` to rows with an ``assumption`` each."""
    frame = frame.copy()
    frame["batch"] = np.where(frame["assumption"] == "batch-amortised", batch, 1).astype("int64")
    frame["intensity_ops_per_byte"] = np.nan
    for assumption in sorted(set(frame["assumption"])):
        rows = frame["assumption"] == assumption
        part = frame.loc[rows]
        frame.loc[rows, "intensity_ops_per_byte"] = intensity_ops_per_byte(
            part["ops_gop"], part["weights_m"], part["bytes_per_element"], assumption,
            part["batch"], part["input_elements"], part["output_elements"],
        )
    return frame


def _workloads(variants: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """Variants with their task's input and output sizes (for weights-onchip)."""
    cols = ["task", "input_elements", "output_elements"]
    return _lookup(variants, tasks[cols], "task")


def predictions(
    platforms: pd.DataFrame,
    variants: pd.DataFrame,
    precisions: pd.DataFrame,
    tasks: pd.DataFrame,
    assumptions: tuple[str, ...] = (DEFAULT_ASSUMPTION,),
    batch: int = 1,
) -> pd.DataFrame:
    """Predicted throughput of every variant on every platform-mode-precision row and assumption."""
    _check(assumptions)
    roofs = _lookup(
        platforms[["platform", "mode", "precision", "peak_tops", "bandwidth_gbps"]],
        precisions[["precision", "bytes_per_element"]], "precision",
    )
    work = _workloads(variants[["task", "network", "pruning_pct", "ops_gop", "weights_m"]], tasks)
    frame = roofs.merge(work, how="cross").merge(
        pd.DataFrame({"assumption": list(assumptions)}), how="cross"
    )
    frame = with_roof(_with_intensity(frame, batch))
    return sorted_rows(frame[list(PREDICTION_COLUMNS)], [*CONFIG_KEY, "assumption"])


def with_roof(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``ridge_ops_per_byte``, ``attainable_tops``, ``fps``, ``peak_fps`` and ``bound``
    ("memory" or "compute") to rows with ``peak_tops``, ``bandwidth_gbps``,
    ``intensity_ops_per_byte`` and ``ops_gop``."""
    frame = frame.copy()
    frame["ridge_ops_per_byte"] = ridge_ops_per_byte(frame["peak_tops"], frame["bandwidth_gbps"])
    frame["attainable_tops"] = attainable_tops(
        frame["peak_tops"], frame["bandwidth_gbps"], frame["intensity_ops_per_byte"]
    )
    frame["fps"] = frame["attainable_tops"] * 1000.0 / frame["ops_gop"]
    frame["peak_fps"] = frame["peak_tops"] * 1000.0 / frame["ops_gop"]
    memory_tops = frame["bandwidth_gbps"] * frame["intensity_ops_per_byte"] / 1000.0
    frame["bound"] = np.where(memory_tops < frame["peak_tops"], "memory", "compute")
    return frame


def network_intensities(
    variants: pd.DataFrame,
    precisions: pd.DataFrame,
    tasks: pd.DataFrame,
    assumption: str = DEFAULT_ASSUMPTION,
    batch: int = 1,
) -> pd.DataFrame:
    """Intensity of every variant at every precision: where each network sits on a roofline."""
    _check([assumption])
    prec = precisions[["precision", "bytes_per_element"]].reset_index(drop=True)
    prec["_order"] = range(len(prec))
    frame = _workloads(variants, tasks).merge(prec, how="cross")
    frame["assumption"] = assumption
    frame = _with_intensity(frame, batch)
    frame = sorted_rows(frame, ["task", "network", "pruning_pct", "_order"])
    return frame[["task", "network", "network_name", "pruning_pct", "precision", "ops_gop",
                  "weights_m", "intensity_ops_per_byte"]]


def roofline_points(platforms: pd.DataFrame, x_min: float, x_max: float) -> pd.DataFrame:
    """Three points per roofline row (x_min, ridge clipped into range, x_max) for a line mark."""
    ridge = ridge_ops_per_byte(platforms["peak_tops"], platforms["bandwidth_gbps"])
    assert isinstance(ridge, pd.Series)
    parts = []
    xs: tuple[float | pd.Series, ...] = (x_min, ridge.clip(x_min, x_max), x_max)
    for point, x in enumerate(xs):
        part = platforms[[*_PLATFORM_ID, "peak_tops", "bandwidth_gbps"]].copy()
        part["_point"] = point
        part["intensity_ops_per_byte"] = x
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    frame["intensity_ops_per_byte"] = frame["intensity_ops_per_byte"].astype(float)
    frame["attainable_tops"] = attainable_tops(
        frame["peak_tops"], frame["bandwidth_gbps"], frame["intensity_ops_per_byte"]
    )
    frame = sorted_rows(frame, ["platform", "mode", "precision", "_point"])
    return frame[[*_PLATFORM_ID, "intensity_ops_per_byte", "attainable_tops"]]
