"""Charts to explore the model in the browser: a network's layers on a platform's roofline,
and a what-if calculator that recomputes every network's prediction as the reader changes a
platform's peak, bandwidth, on-chip memory and batch.

Both choose what they draw with Vega parameters (drop-downs and sliders), so the page needs
no server; the numbers they start from are the model's (``model.bounds``,
``model.calibration``), the formulas in their expressions are the documented ones.
"""

from __future__ import annotations

import json
import math

import altair as alt
import numpy as np
import pandas as pd

from generator.charts.common import (
    chart_spec,
    display_frame,
    named,
    platform_labels,
    require_columns,
    require_rows,
    rows_height,
    sort_frame,
    tooltip,
    variant_labels,
)
from generator.charts.reading import Control, Reading
from generator.charts.spec import ChartSpec
from generator.charts.theme import NEUTRAL, Style

MEMORY_COLOR, COMPUTE_COLOR, ROOF_COLOR = "#D55E00", "#0072B2", "#555555"  # colour-blind safe (Okabe-Ito)
X_LAYER = "Layer intensity (ops per off-chip byte, log)"
Y_LAYER = "Attained (TOP/s, log)"


def _roof_label(frame: pd.DataFrame) -> pd.Series:
    return platform_labels(frame) + " " + frame["precision"].astype(str)


def _decades(values: pd.Series) -> tuple[float, float]:
    finite = values[np.isfinite(values) & (values > 0)]
    return 10.0 ** math.floor(math.log10(float(finite.min()))), 10.0 ** math.ceil(math.log10(float(finite.max())))


def layer_roofline_chart(layers: pd.DataFrame, layer_times: pd.DataFrame, platforms: pd.DataFrame,
                         variants: pd.DataFrame, precisions: pd.DataFrame, name: str,
                         title: str = "A network's layers on a roofline") -> ChartSpec:
    """One point per layer with operations of the chosen network variant on the chosen
    platform row's roofline: x = its operations per byte it moves off chip, y = the
    performance it attains (operations / its time), orange where memory-bound; a layer that
    moves nothing off chip is drawn at the right edge. Two drop-downs choose the network and
    the platform (defaults: the network with most layers, the platform row where most of
    them are memory-bound).

    The page ships each variant's layers (``layers``: ``frames.layers_frame``) and each
    platform row's figures once, and the chart computes the ``per-layer`` rule of
    ``model.bounds.layer_times`` in the browser for the pair chosen (``layer_times``, the
    model's own result, gives the batch of every pair and the defaults), so its size grows
    with layers plus platforms, not with their product."""
    require_rows(layer_times, "layer_roofline_chart")
    require_columns(layer_times, ("platform", "mode", "precision", "network", "pruning_pct", "layer", "batch",
                                  "peak_tops", "bandwidth_gbps", "memory_bound", "ops_gop"), "layer_roofline_chart")
    times = layer_times.merge(platforms.drop_duplicates("platform")[["platform", "platform_name"]], on="platform")
    times["roof"] = _roof_label(times)
    networks = variants.drop_duplicates("network").set_index("network")["network_name"]
    times["network_name"] = times["network"].map(networks)
    times["variant"] = variant_labels(times)
    order = times.sort_values(["task", "network_name", "pruning_pct"], ascending=[True, True, False], kind="mergesort")
    variants_shown = list(dict.fromkeys(order["variant"]))
    roof_order = list(dict.fromkeys(sort_frame(times, ["platform_name", "mode", "precision"])["roof"]))
    counts = times[times["ops_gop"] > 0].drop_duplicates(["variant", "layer"]).groupby("variant").size()
    default_variant = max(variants_shown, key=lambda v: (counts.get(v, 0), -variants_shown.index(v)))
    # the platform row on which most of the default network's layers are memory-bound: the case worth a look
    bound = times[(times["variant"] == default_variant) & (times["ops_gop"] > 0)].groupby("roof")["memory_bound"].sum()
    default_roof = max(roof_order, key=lambda r: (bound.get(r, 0), -roof_order.index(r)))

    roofs = platforms.copy()
    roofs["roof"] = _roof_label(roofs)
    roofs = roofs[roofs["roof"].isin(roof_order)].merge(precisions[["precision", "bytes_per_element"]], on="precision")
    link = roofs["host_link_gbps"] if "host_link_gbps" in roofs.columns else pd.Series(np.nan, index=roofs.index)
    roofs["memory_gbps"] = link.where(link.notna(), roofs["bandwidth_gbps"])
    roofs["onchip_bytes"] = roofs["onchip_mb"].fillna(0.0) * 1e6
    roofs["shares"] = ((roofs["sweep"] == "batch") if "sweep" in roofs.columns else True) * 1.0  # 1: a batch shares
    roofs["series"] = "roof"
    pairs = times.drop_duplicates(["roof", "variant"])[["roof", "variant", "batch"]].assign(series="batch")
    mine = layers.merge(variants[["task", "network", "pruning_pct", "network_name"]],
                        on=["task", "network", "pruning_pct"])
    mine["variant"] = variant_labels(mine)
    mine = mine[mine["variant"].isin(variants_shown)]
    mine["activations_m"] = mine["activations_in_m"] + mine["activations_out_m"]
    mine["series"] = "layer"
    ridge = roofs["peak_tops"] * 1000 / roofs["memory_gbps"]
    with np.errstate(divide="ignore"):
        intensity = layer_times["ops_gop"] * 1e9 / layer_times["traffic_bytes"]
    low, high = _decades(pd.concat([ridge, intensity[layer_times["ops_gop"] > 0]]))
    x_max = high * 10  # room at the right edge for the layers that move nothing off chip
    lines = pd.concat([roofs.assign(intensity_ops_per_byte=x, series="line") for x in
                       (low, ridge.clip(low, x_max), x_max)], ignore_index=True)
    lines["attained_tops"] = np.minimum(lines["peak_tops"], lines["memory_gbps"] * lines["intensity_ops_per_byte"] / 1000)
    columns = ["series", "roof", "variant", "layer", "name", "kind", "ops_gop", "weights_m", "activations_m", "batch",
               "peak_tops", "memory_gbps", "onchip_bytes", "shares", "bytes_per_element", "intensity_ops_per_byte",
               "attained_tops"]
    data = display_frame(sort_frame(pd.concat([roofs, pairs, mine, lines], ignore_index=True).reindex(columns=columns),
                                    ["series", "roof", "variant", "layer", "intensity_ops_per_byte"]))

    network = alt.param(name="layer_network", value=default_variant,
                        bind=alt.binding_select(options=variants_shown, name="Network: "))
    platform = alt.param(name="layer_platform", value=default_roof,
                         bind=alt.binding_select(options=roof_order, name="Platform: "))
    chosen_fields = ("peak_tops", "memory_gbps", "onchip_bytes", "bytes_per_element")
    picked = {f"_{f}": f"datum.series === 'roof' && datum.roof === layer_platform ? datum[{json.dumps(f)}] : null"
              for f in chosen_fields}
    picked["_shares"] = "datum.series === 'roof' && datum.roof === layer_platform ? (datum.shares ? 1 : 0) : null"
    picked["_batch"] = ("datum.series === 'batch' && datum.roof === layer_platform && datum.variant === layer_network "
                        "? datum.batch : null")
    x = alt.X("intensity_ops_per_byte:Q", title=X_LAYER, scale=alt.Scale(type="log", domain=[low, x_max]))
    y = alt.Y("attained_tops:Q", title=Y_LAYER, scale=alt.Scale(type="log"))
    base = alt.Chart(named(name))
    roof = base.transform_filter("datum.series === 'line' && datum.roof === layer_platform").mark_line(
        color=ROOF_COLOR, strokeWidth=2).encode(
        x=x, y=y, order=alt.Order("intensity_ops_per_byte:Q"),
        tooltip=tooltip(("roof", "Platform"), ("peak_tops", "Peak (TOP/s)", ""),
                        ("memory_gbps", "Bandwidth of off-chip traffic (GB/s)", "")))
    # the per-layer rule of model.bounds.layer_times, for the chosen pair
    points = (
        base.transform_calculate(**picked)
        .transform_joinaggregate([alt.JoinAggregateFieldDef(op="max", field=f, **{"as": f"chosen{f}"})
                                  for f in picked])
        .transform_filter("datum.series === 'layer' && datum.variant === layer_network")
        .transform_calculate(
            activation_bytes="datum.activations_m * 1e6 * datum.chosen_bytes_per_element",
            weight_bytes="datum.weights_m * 1e6 * datum.chosen_bytes_per_element",
        )
        .transform_calculate(kept="datum.activation_bytes * datum.chosen_batch <= datum.chosen_onchip_bytes")
        .transform_calculate(kept_bytes="datum.kept ? datum.activation_bytes * datum.chosen_batch : 0")
        .transform_joinaggregate([alt.JoinAggregateFieldDef(op="max", field="kept_bytes", **{"as": "reserve"})])
        .transform_window(cumulative="sum(weight_bytes)", sort=[alt.SortField("layer", order="ascending")],
                          frame=[None, 0])
        .transform_calculate(
            traffic="(datum.cumulative <= datum.chosen_onchip_bytes - datum.reserve ? 0 : datum.weight_bytes) / "
                    "(datum.chosen_shares === 1 ? datum.chosen_batch : 1) + (datum.kept ? 0 : datum.activation_bytes)",
            compute_s="datum.ops_gop * 1e9 / (datum.chosen_peak_tops * 1e12)",
        )
        .transform_calculate(memory_s="datum.traffic / (datum.chosen_memory_gbps * 1e9)")
        .transform_calculate(time_s="max(datum.compute_s, datum.memory_s)",
                             bound="datum.memory_s > datum.compute_s ? 'memory-bound' : 'compute-bound'")
        .transform_joinaggregate([alt.JoinAggregateFieldDef(op="sum", field="time_s", **{"as": "total_s"})])
        .transform_filter("datum.ops_gop > 0")
        .transform_calculate(
            share_pct="100 * datum.time_s / datum.total_s",
            traffic_kb="datum.traffic / 1000",
            intensity_ops_per_byte=f"datum.traffic > 0 ? datum.ops_gop * 1e9 / datum.traffic : {x_max!r}",
            attained_tops="datum.ops_gop * 1e9 / datum.time_s / 1e12",
        )
        .mark_point(filled=True, opacity=0.85)
        .encode(
            x=x, y=y,
            color=alt.Color("bound:N", title="Layer", scale=alt.Scale(domain=["compute-bound", "memory-bound"],
                                                                       range=[COMPUTE_COLOR, MEMORY_COLOR]),
                            legend=alt.Legend(orient="bottom")),
            shape=alt.Shape("bound:N", title="Layer", scale=alt.Scale(domain=["compute-bound", "memory-bound"],
                                                                       range=["circle", "triangle-down"]),
                            legend=alt.Legend(orient="bottom")),
            size=alt.Size("share_pct:Q", title="Share of the time (%)", scale=alt.Scale(range=[25, 400]),
                          legend=None),
            tooltip=tooltip(("name", "Layer"), ("kind", "Kind"), ("bound", "Bound"),
                            ("ops_gop", "Operations (GOP)", ""), ("weights_m", "Weights (M)", ""),
                            ("traffic_kb", "Off-chip traffic (kB per input)", ""),
                            ("share_pct", "Share of the network's time (%)", ".3~r"), ("chosen_batch", "Batch", "d")),
        )
    )
    chart = alt.layer(roof, points, width="container", height=400, title=alt.Title(
        title, subtitle=["Orange triangles: memory-bound layers; size: share", "of the time; at the right edge: nothing "
                         "off chip."])).add_params(network, platform)
    memory_layers = times[(times["roof"] == default_roof) & (times["variant"] == default_variant)
                          & times["memory_bound"] & (times["ops_gop"] > 0)]
    description = (f"{title}: {len(variants_shown)} network variants described by their layers on {len(roof_order)} "
                   f"platform rows; {default_variant} on {default_roof} has {len(memory_layers)} memory-bound layers.")
    reading = Reading(controls=(Control("select", "layer_network", "the network"),
                                Control("select", "layer_platform", "the platform")))
    return chart_spec(chart, name, data, description, reading=reading)


# --- what if ------------------------------------------------------------------------------------

WHATIF_MODELS = ("weights-offchip", "platform-aware", "calibrated")


def whatif_chart(variants: pd.DataFrame, precisions: pd.DataFrame, tasks: pd.DataFrame, platforms: pd.DataFrame,
                 fits: pd.DataFrame, name: str, title: str = "Every network on a platform you change") -> ChartSpec:
    """Every network variant's predicted inputs/s at the chosen platform row's precision, under
    QuTiBench's ``weights-offchip`` assumption, the ``platform-aware`` bound and the
    ``calibrated`` prediction (the platform's fitted efficiency and overhead), recomputed in
    the browser from the platform's peak, bandwidth and on-chip memory times the reader's
    factors, at the reader's batch. ``fits``: ``calibration.platform_fits``."""
    require_rows(variants, "whatif_chart")
    require_columns(platforms, ("platform", "platform_name", "mode", "precision", "peak_tops", "bandwidth_gbps",
                                "onchip_mb"), "whatif_chart (platforms)")
    roofs = platforms.merge(fits, on=["platform", "mode", "precision"], how="left")
    roofs["roof"] = _roof_label(roofs)
    link = roofs["host_link_gbps"] if "host_link_gbps" in roofs.columns else pd.Series(np.nan, index=roofs.index)
    roofs["memory_gbps"] = link.where(link.notna(), roofs["bandwidth_gbps"])
    roofs["onchip"] = roofs["onchip_mb"].fillna(0.0)
    roofs["shares"] = ((roofs["sweep"] == "batch") if "sweep" in roofs.columns else True) * 1.0  # 1: a batch shares
    roofs["efficiency"] = roofs["calibration_factor"]
    rank = {p: i for i, p in enumerate(precisions["precision"])}
    roofs["precision_rank"] = roofs["precision"].map(rank)
    roofs["series"] = "platform"
    work = variants.merge(tasks[["task", "input_elements", "output_elements"]], on="task").merge(
        precisions[["precision", "bytes_per_element"]], how="cross")
    work = work[work["precision"].isin(set(roofs["precision"]))].copy()
    work["variant"] = variant_labels(work)
    work["io_elements"] = work["input_elements"] + work["output_elements"]
    work["precision_rank"] = work["precision"].map(rank)
    work["series"] = "network"
    order = sort_frame(work.assign(_prune=-work["pruning_pct"]), ["task", "network_name", "_prune"])
    rows = list(dict.fromkeys(order["variant"]))
    roof_order = list(dict.fromkeys(sort_frame(roofs, ["platform_name", "mode", "precision"])["roof"]))
    default = roof_order[0]
    columns = ["series", "roof", "precision", "precision_rank", "peak_tops", "bandwidth_gbps", "memory_gbps", "onchip",
               "shares",
               "efficiency", "overhead_ms", "variant", "task", "ops_gop", "weights_m", "io_elements",
               "bytes_per_element"]
    data = display_frame(pd.concat([roofs, order], ignore_index=True).reindex(columns=columns))
    platform = alt.param(name="whatif_platform", value=default,
                         bind=alt.binding_select(options=roof_order, name="Start from: "))
    factors = [alt.param(name=n, value=0, bind=alt.binding_range(min=-2, max=2, step=0.1, name=label))
               for n, label in (("peak_log10", "Peak x 10^"), ("bandwidth_log10", "Bandwidth x 10^"),
                                ("onchip_log10", "On-chip memory x 10^"))]
    batch = alt.param(name="batch_log2", value=0, bind=alt.binding_range(min=0, max=10, step=1,
                                                                          name="Batch 2^"))

    def chosen(field: str) -> alt.JoinAggregateFieldDef:
        return alt.JoinAggregateFieldDef(op="max", field=f"_{field}", **{"as": f"chosen_{field}"})

    picked = [f"datum.series === 'platform' && datum.roof === whatif_platform ? datum[{json.dumps(f)}] : null"
              for f in ("peak_tops", "bandwidth_gbps", "memory_gbps", "onchip", "efficiency", "overhead_ms",
                        "precision_rank")]
    fields = ("peak_tops", "bandwidth_gbps", "memory_gbps", "onchip", "efficiency", "overhead_ms", "precision_rank")
    chart = (
        alt.Chart(named(name))
        .transform_calculate(**{f"_{f}": expr for f, expr in zip(fields, picked)},
                             _shares="datum.series === 'platform' && datum.roof === whatif_platform && datum.shares "
                                     "? 1 : null")
        .transform_joinaggregate([*(chosen(f) for f in fields), chosen("shares")])
        .transform_filter("datum.series === 'network' && datum.precision_rank === datum.chosen_precision_rank")
        .transform_calculate(
            peak="datum.chosen_peak_tops * pow(10, peak_log10)",
            bandwidth="datum.chosen_bandwidth_gbps * pow(10, bandwidth_log10)",
            memory="datum.chosen_memory_gbps * pow(10, bandwidth_log10)",
            onchip_bytes="datum.chosen_onchip * pow(10, onchip_log10) * 1e6",
            batch="pow(2, batch_log2)",
        )
        .transform_calculate(
            compute_s="datum.ops_gop * 1e9 / (datum.peak * 1e12)",
            offchip_s="datum.weights_m * 1e6 * datum.bytes_per_element / (datum.bandwidth * 1e9)",
            bound_s="(max(0, datum.weights_m * 1e6 * datum.bytes_per_element - datum.onchip_bytes) / "
                    "(datum.chosen_shares === 1 ? datum.batch : 1) + datum.io_elements * datum.bytes_per_element) "
                    "/ (datum.memory * 1e9)",
        )
        .transform_calculate(**{
            "weights-offchip": "1 / max(datum.compute_s, datum.offchip_s)",
            "platform-aware": "1 / max(datum.compute_s, datum.bound_s)",
            "calibrated": "isValid(datum.chosen_efficiency) ? 1 / max(datum.compute_s / datum.chosen_efficiency + "
                          "datum.chosen_overhead_ms / 1000 / datum.batch, datum.compute_s, datum.bound_s) : null",
        })
        .transform_fold(list(WHATIF_MODELS), as_=["model", "fps"])
        .transform_filter("isValid(datum.fps)")
        .mark_point(filled=True, size=70, opacity=0.9)
        .encode(
            y=alt.Y("variant:N", title=None, sort=rows, axis=alt.Axis(labelLimit=0)),
            x=alt.X("fps:Q", title="Predicted inputs/s (log)", scale=alt.Scale(type="log")),
            color=alt.Color("model:N", title="Model", scale=alt.Scale(domain=list(WHATIF_MODELS),
                                                                      range=[NEUTRAL, COMPUTE_COLOR, MEMORY_COLOR]),
                            legend=alt.Legend(orient="bottom")),
            shape=alt.Shape("model:N", title="Model", scale=alt.Scale(domain=list(WHATIF_MODELS),
                                                                      range=["square", "triangle-up", "circle"]),
                            legend=alt.Legend(orient="bottom")),
            tooltip=tooltip(("variant", "Network"), ("model", "Model"), ("fps", "Predicted (inputs/s)", ""),
                            ("peak", "Peak (TOP/s)", ""), ("bandwidth", "Bandwidth (GB/s)", ""),
                            ("batch", "Batch", "d")),
        )
        .add_params(platform, *factors, batch)
        .properties(width="container", height=rows_height(len(rows), 20), title=alt.Title(
            title, subtitle=["A slider multiplies the platform's figure by 10 to", "its value; calibrated: the "
                             "platform's fitted efficiency."]))
    )
    description = (f"{title}: {len(rows)} network variants predicted on any of {len(roof_order)} platform rows "
                   f"(starting from {default}) under {len(WHATIF_MODELS)} models, recomputed as the reader changes "
                   "the peak, bandwidth, on-chip memory and batch.")
    reading = Reading(controls=(Control("select", "whatif_platform", "the platform to start from"),
                                Control("slider", "batch_log2", "its peak, bandwidth and on-chip memory and the batch")))
    return chart_spec(chart, name, data, description, reading=reading)
