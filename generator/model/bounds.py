"""Predictions that use what is known of each platform: on-chip memory, the link to its
memory, what its measured batches mean, and the layers of each network.

``platform_aware`` is the site's **bound**: a roofline whose memory traffic is the least any
execution must move (the weights that cannot stay on chip, once per batch, and each input and
output), so no sound measurement exceeds it. ``per_layer`` is the roofline applied layer by
layer (each layer's compute or memory time, whichever is larger, summed over the layers), a
prediction of a layer-by-layer execution. ``calibration`` fits the ``calibrated``
prediction. ``predictions`` returns every model in one frame for every page.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import CONFIG_KEY, calibration, roofline, sorted_rows

PLATFORM_AWARE = "platform-aware"
PER_LAYER = "per-layer"
CALIBRATED = calibration.CALIBRATED
ASSUMPTIONS = (PLATFORM_AWARE, PER_LAYER, CALIBRATED)
ALL_ASSUMPTIONS = (*roofline.ASSUMPTIONS, *ASSUMPTIONS)
BOUNDS = (PLATFORM_AWARE,)  # the models the site calls bounds: no sound measurement is above them
BATCH_RULE = (
    "B is the largest batch measured for the configuration, else the largest measured on the platform, else 1; "
    "on a platform whose runs sweep threads or streams (`sweep` in `data/platforms.yaml`) each input reads "
    "the weights itself, so they are shared by 1 input, not B"
)
ASSUMPTION_DOCS: dict[str, str] = {
    PLATFORM_AWARE: (
        "A bound: the least memory traffic any execution needs. At most `onchip_mb` of the weights stay on "
        "chip; the rest is read once per batch of B inputs, and every input is read and every output written "
        "once: intensity = ops / (max(0, weights x bytes per element - onchip_mb) / B + (input elements + "
        f"output elements) x bytes per element). {BATCH_RULE}. Off-chip traffic moves at `host_link_gbps` "
        "where a platform reaches its memory through a link to the host, else at `bandwidth_gbps`."
    ),
    PER_LAYER: (
        "The roofline applied layer by layer, for networks described by their layers: a layer's time is the "
        "larger of its compute time (operations / peak) and its memory time (bytes / bandwidth), and a "
        "network's time is the sum over its layers, so intensity = ops / the bytes all layers move. A layer's "
        "input and output activations stay on chip when B of them fit in `onchip_mb`, else they are read and "
        "written for every input; the weights stay on chip layer by layer, in network order, while they fit "
        "next to the largest activations kept on chip, and the other layers read theirs once per batch. "
        f"{BATCH_RULE}. A network without layers counts as one layer that reads its input and writes its "
        "output."
    ),
    CALIBRATED: calibration.DOC,
}
ALL_ASSUMPTION_DOCS: dict[str, str] = {**roofline.ASSUMPTION_DOCS, **ASSUMPTION_DOCS}
EXTRA_COLUMNS = ("weights_onchip", *calibration.COLUMNS)
LAYER_RUNS = ("layer", "name", "kind", "ops_gop", "weights_m", "activations_in_m", "activations_out_m")

_KEY = list(CONFIG_KEY)
_ROOF = ["platform", "mode", "precision"]


def largest_batches(keys: pd.DataFrame, runs: pd.DataFrame) -> pd.Series:
    """Per row of ``keys`` (``CONFIG_KEY`` columns): the largest batch measured for that
    configuration, else the largest measured on its platform id (any mode, task, network),
    else 1; int64. Every run counts, with or without ``fps_comp``."""
    batches = runs[[*_KEY, "batch"]]
    per_config = batches.groupby(_KEY, sort=True, dropna=False, observed=True)["batch"].max().rename("_config")
    per_platform = batches.groupby("platform", sort=True, observed=True)["batch"].max().rename("_platform")
    joined = keys[_KEY].astype({"platform": str}).merge(
        per_config.reset_index().astype({c: str for c in ("task", "platform", "mode", "precision", "network")}),
        on=_KEY, how="left")
    joined = joined.merge(per_platform.reset_index().astype({"platform": str}), on="platform", how="left")
    batch = joined["_config"].fillna(joined["_platform"]).fillna(1)
    return pd.Series(batch.to_numpy(dtype="int64"), index=keys.index, name="batch")


def memory_bandwidth_gbps(platforms: pd.DataFrame) -> pd.Series:
    """The bandwidth off-chip traffic gets: the host link where a platform has one."""
    if "host_link_gbps" not in platforms.columns:
        return platforms["bandwidth_gbps"].astype(float)
    link = platforms["host_link_gbps"].astype(float)
    return link.where(link.notna(), platforms["bandwidth_gbps"].astype(float))


def _configurations(platforms: pd.DataFrame, variants: pd.DataFrame, precisions: pd.DataFrame,
                    tasks: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """Every platform-mode-precision row x variant with what the platform models need:
    bytes per element, on-chip bytes, the bandwidth of off-chip traffic, the batch B and
    how many inputs share a weight read."""
    if "onchip_mb" not in platforms.columns:
        raise ValueError("the platform models need an onchip_mb column in the platforms frame")
    roofs = platforms.copy()
    roofs["memory_gbps"] = memory_bandwidth_gbps(roofs)
    roofs["sweep"] = roofs["sweep"].astype(str) if "sweep" in roofs.columns else "batch"
    roofs = roofs[[*_ROOF, "peak_tops", "bandwidth_gbps", "memory_gbps", "onchip_mb", "sweep"]]
    roofs = roofs.merge(precisions[["precision", "bytes_per_element"]], on="precision", how="left",
                        validate="many_to_one")
    work = variants[["task", "network", "pruning_pct", "ops_gop", "weights_m"]].merge(
        tasks[["task", "input_elements", "output_elements"]], on="task", how="left", validate="many_to_one")
    frame = roofs.merge(work, how="cross")
    frame["onchip_bytes"] = frame["onchip_mb"].astype(float).fillna(0.0) * 1e6
    frame["batch"] = largest_batches(frame, runs)
    frame["share"] = np.where(frame["sweep"] == "batch", frame["batch"], 1).astype("int64")
    return frame


def _finish(frame: pd.DataFrame, assumption: str, traffic_bytes: np.ndarray) -> pd.DataFrame:
    """Prediction columns from per-input off-chip bytes (the bound's roofline)."""
    frame = frame.copy()
    frame["assumption"] = assumption
    frame["intensity_ops_per_byte"] = frame["ops_gop"] * 1e9 / traffic_bytes
    frame["bandwidth_gbps"] = frame["memory_gbps"]
    return roofline.with_roof(frame)


def bound_facts(platforms: pd.DataFrame, variants: pd.DataFrame, precisions: pd.DataFrame, tasks: pd.DataFrame,
                runs: pd.DataFrame) -> pd.DataFrame:
    """Per platform-mode-precision row and variant, what the bound is made of
    (``calibration.FACT_COLUMNS``: B, the platform's kind and sweep, compute seconds per
    input, the weight bytes that cannot stay on chip, the input and output bytes, and the
    bandwidth they move at) and the rest of the bound's inputs; sorted by ``CONFIG_KEY``."""
    frame = _configurations(platforms, variants, precisions, tasks, runs)
    kinds = platforms.drop_duplicates("platform").set_index("platform")["kind"].astype(str)
    frame["kind"] = frame["platform"].map(kinds)
    frame["compute_s"] = frame["ops_gop"] * 1e9 / (frame["peak_tops"] * 1e12)
    weights = frame["weights_m"] * 1e6 * frame["bytes_per_element"]
    frame["streamed_bytes"] = np.maximum(0.0, weights - frame["onchip_bytes"])
    frame["io_bytes"] = (frame["input_elements"] + frame["output_elements"]) * frame["bytes_per_element"]
    return sorted_rows(frame, _KEY)


def platform_aware(platforms: pd.DataFrame, variants: pd.DataFrame, precisions: pd.DataFrame,
                   tasks: pd.DataFrame, runs: pd.DataFrame, facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``platform-aware`` bound of every variant on every platform-mode-precision row.

    ``platforms`` needs ``onchip_mb`` (NaN: nothing stays on chip), and may have
    ``host_link_gbps`` and ``sweep``; ``runs`` the ``CONFIG_KEY`` and ``batch`` columns of the
    runs (``facts``: ``bound_facts`` of the same, when already made). Columns:
    ``roofline.PREDICTION_COLUMNS`` (``batch`` = B, ``bandwidth_gbps`` = the bandwidth the
    traffic gets) and ``weights_onchip`` (all weights fit); sorted by ``CONFIG_KEY``.
    """
    frame = facts if facts is not None else bound_facts(platforms, variants, precisions, tasks, runs)
    traffic = frame["streamed_bytes"] / frame["share"] + frame["io_bytes"]
    frame = _finish(frame, PLATFORM_AWARE, traffic.to_numpy(dtype=float))
    frame["weights_onchip"] = (frame["streamed_bytes"] <= 0).to_numpy(dtype=bool)
    return sorted_rows(frame[[*roofline.PREDICTION_COLUMNS, "weights_onchip"]], _KEY)


def variant_layers(variants: pd.DataFrame, layers: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """The layers of every variant (``layers``: the rows of ``frames.layers_frame``), and for a
    variant without layers one row, kind "network", with its totals, reading its task's input
    and writing its output. Columns: ``task``, ``network``, ``pruning_pct`` and ``LAYER_RUNS``."""
    keys = ["task", "network", "pruning_pct"]
    described = variants[keys].merge(layers[keys].drop_duplicates(), on=keys, how="left", indicator=True)
    bare = variants[(described["_merge"] == "left_only").to_numpy()].merge(
        tasks[["task", "input_elements", "output_elements"]], on="task", how="left")
    whole = pd.DataFrame({
        **{key: bare[key] for key in keys}, "layer": 1, "name": "network", "kind": "network",
        "ops_gop": bare["ops_gop"], "weights_m": bare["weights_m"],
        "activations_in_m": bare["input_elements"] / 1e6, "activations_out_m": bare["output_elements"] / 1e6,
    })
    parts = [part for part in (layers[[*keys, *LAYER_RUNS]], whole) if len(part)]
    frame = pd.concat(parts, ignore_index=True) if parts else whole
    frame = frame.astype({"pruning_pct": float, "layer": "int64", "ops_gop": float, "weights_m": float,
                          "activations_in_m": float, "activations_out_m": float})
    return sorted_rows(frame, [*keys, "layer"])


def layer_times(platforms: pd.DataFrame, variants: pd.DataFrame, precisions: pd.DataFrame, tasks: pd.DataFrame,
                layers: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """Every layer of every variant on every platform-mode-precision row under the ``per-layer``
    rule: ``CONFIG_KEY``, ``batch``, ``LAYER_RUNS``, ``peak_tops``, ``bandwidth_gbps`` (of the
    traffic), ``traffic_bytes`` (off-chip bytes per input), ``compute_s`` and ``memory_s``
    (seconds per input), ``weights_onchip`` and ``activations_onchip`` (bools) and
    ``memory_bound`` (``memory_s > compute_s``); sorted by ``CONFIG_KEY`` and layer."""
    configs = _configurations(platforms, variants, precisions, tasks, runs)
    configs = configs.drop(columns=["ops_gop", "weights_m"])
    frame = configs.merge(variant_layers(variants, layers, tasks), on=["task", "network", "pruning_pct"])
    frame = sorted_rows(frame, [*_KEY, "layer"])
    element = frame["bytes_per_element"]
    activations = (frame["activations_in_m"] + frame["activations_out_m"]) * 1e6 * element
    kept = activations * frame["batch"] <= frame["onchip_bytes"]
    groups = [frame[c] for c in _KEY]
    reserve = (activations * frame["batch"]).where(kept, 0.0).groupby(groups, sort=False).transform("max")
    weights = frame["weights_m"] * 1e6 * element
    resident = weights.groupby(groups, sort=False).cumsum() <= frame["onchip_bytes"] - reserve
    traffic = np.where(resident, 0.0, weights) / frame["share"] + np.where(kept, 0.0, activations)
    frame["traffic_bytes"] = traffic
    frame["compute_s"] = frame["ops_gop"] * 1e9 / (frame["peak_tops"] * 1e12)
    frame["memory_s"] = traffic / (frame["memory_gbps"] * 1e9)
    frame["weights_onchip"] = resident.to_numpy(dtype=bool)
    frame["activations_onchip"] = kept.to_numpy(dtype=bool)
    frame["memory_bound"] = (frame["memory_s"] > frame["compute_s"]).to_numpy(dtype=bool)
    frame["bandwidth_gbps"] = frame["memory_gbps"]
    return frame[[*_KEY, "batch", *LAYER_RUNS, "peak_tops", "bandwidth_gbps", "traffic_bytes", "compute_s",
                  "memory_s", "weights_onchip", "activations_onchip", "memory_bound"]].reset_index(drop=True)


def per_layer(platforms: pd.DataFrame, variants: pd.DataFrame, precisions: pd.DataFrame, tasks: pd.DataFrame,
              layers: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """The ``per-layer`` prediction of every variant on every platform-mode-precision row:
    ``roofline.PREDICTION_COLUMNS`` with ``fps`` = 1 / the summed layer times,
    ``attainable_tops`` = operations / that time, ``intensity_ops_per_byte`` = operations / the
    bytes all layers move, and ``bound`` "memory" when memory-bound layers take most of the time."""
    times = layer_times(platforms, variants, precisions, tasks, layers, runs)
    times["time_s"] = np.maximum(times["compute_s"], times["memory_s"])
    times["memory_time_s"] = times["time_s"].where(times["memory_bound"], 0.0)
    totals = times.groupby(_KEY, sort=True, observed=True).agg(
        time_s=("time_s", "sum"), memory_time_s=("memory_time_s", "sum"), traffic_bytes=("traffic_bytes", "sum"),
        batch=("batch", "first"), peak_tops=("peak_tops", "first"), bandwidth_gbps=("bandwidth_gbps", "first"),
    ).reset_index()
    frame = totals.merge(variants[["task", "network", "pruning_pct", "ops_gop", "weights_m"]],
                         on=["task", "network", "pruning_pct"], how="left")
    frame["assumption"] = PER_LAYER
    with np.errstate(divide="ignore"):
        frame["intensity_ops_per_byte"] = frame["ops_gop"] * 1e9 / frame["traffic_bytes"]
    frame["ridge_ops_per_byte"] = roofline.ridge_ops_per_byte(frame["peak_tops"], frame["bandwidth_gbps"])
    frame["fps"] = 1.0 / frame["time_s"]
    frame["attainable_tops"] = frame["fps"] * frame["ops_gop"] / 1000.0
    frame["peak_fps"] = frame["peak_tops"] * 1000.0 / frame["ops_gop"]
    frame["bound"] = np.where(frame["memory_time_s"] > frame["time_s"] / 2, "memory", "compute")
    frame["weights_onchip"] = False
    return sorted_rows(frame[[*roofline.PREDICTION_COLUMNS, "weights_onchip"]], _KEY)


def predictions(
    platforms: pd.DataFrame,
    variants: pd.DataFrame,
    precisions: pd.DataFrame,
    tasks: pd.DataFrame,
    layers: pd.DataFrame,
    runs: pd.DataFrame,
    assumptions: tuple[str, ...] = ALL_ASSUMPTIONS,
    batch: int = 1,
) -> pd.DataFrame:
    """``roofline.predictions`` for the static assumptions plus ``platform-aware``,
    ``per-layer`` and ``calibrated`` when asked, in one frame sorted by ``CONFIG_KEY`` and
    ``assumption``.

    ``layers``: ``frames.layers_frame`` rows; ``runs``: one row per configuration and batch
    (``CONFIG_KEY``, ``batch`` and ``fps_comp``, NaN where not measured:
    ``experiments.batch_medians``). Columns: ``roofline.PREDICTION_COLUMNS`` then
    ``EXTRA_COLUMNS``: ``weights_onchip`` (true for ``weights-onchip`` and where the bound keeps
    every weight on chip), and the calibration's columns (NaN, "" or <NA> outside ``calibrated``).
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
    if PLATFORM_AWARE in assumptions or CALIBRATED in assumptions:
        facts = bound_facts(platforms, variants, precisions, tasks, runs)
        bound = platform_aware(platforms, variants, precisions, tasks, runs, facts)
        if PLATFORM_AWARE in assumptions:
            parts.append(bound)
        if CALIBRATED in assumptions:
            parts.append(calibration.calibrated(bound, facts, runs))
    if PER_LAYER in assumptions:
        parts.append(per_layer(platforms, variants, precisions, tasks, layers, runs))
    columns = [*roofline.PREDICTION_COLUMNS, *EXTRA_COLUMNS]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    frame["weights_onchip"] = frame["weights_onchip"].astype(bool)
    frame = calibration.typed(frame)
    return sorted_rows(frame, [*_KEY, "assumption"])
