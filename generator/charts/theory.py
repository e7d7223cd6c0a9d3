"""Charts of the theoretical model: rooflines, predicted throughput, platform and network specs.

Inputs are the tidy frames of ``generator.frames`` and ``generator.model.roofline``; nothing
here computes model numbers, it only draws them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from generator.charts.common import (
    all_of,
    checkbox_filter,
    checkbox_params,
    clean_frame,
    color_scale,
    dash_scale,
    finish,
    format_sig,
    platform_labels,
    require_columns,
    require_rows,
    sort_frame,
    sorted_values,
    tooltip_number,
    variant_labels,
)
from generator.frames import kind_order

X_INTENSITY = "Arithmetic intensity (ops/byte)"
Y_PERFORMANCE = "Performance (TOP/s)"

# Darker companion palette for network rules, so they do not read as platform rooflines.
NETWORK_PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#666666", "#1f3a93",
                   "#b8860b", "#8b0000")

ROOFLINE_COLUMNS = ("platform", "platform_name", "vendor", "kind", "mode", "precision",
                    "intensity_ops_per_byte", "attainable_tops")
INTENSITY_COLUMNS = ("task", "network", "network_name", "pruning_pct", "precision", "ops_gop", "weights_m",
                     "intensity_ops_per_byte")


def _precision_order(values: Sequence[str], order: Sequence[str] | None) -> list[str]:
    """Precisions in the given display order (unknown ones last, sorted), else sorted."""
    present = sorted_values(values)
    if not order:
        return present
    known = [p for p in order if p in present]
    return known + [p for p in present if p not in known]


def _platform_sort(frame: pd.DataFrame) -> pd.DataFrame:
    """Platforms listed by kind (FPGA, GPU, ...), then name, then mode."""
    out = frame.copy()
    out["_kind_order"] = [kind_order(k) for k in out["kind"]] if "kind" in out.columns else 0
    out = sort_frame(out, ["_kind_order", "platform_name", "platform", "mode", "precision"])
    return out.drop(columns="_kind_order")


# --- roofline -----------------------------------------------------------------------------


def roofline_chart(
    roofline_points: pd.DataFrame,
    intensities: pd.DataFrame,
    title: str = "Roofline: attainable performance of each platform",
    toggle_by: str = "vendor",
) -> alt.LayerChart:
    """Log-log rooflines (one line per platform-mode-precision) and network intensities.

    ``roofline_points``: ``model.roofline_points`` rows (three points per roof).
    ``intensities``: ``model.network_intensities`` rows; only the precisions that have a
    roofline are drawn, as vertical rules. One checkbox per ``toggle_by`` value ("vendor" or
    "kind") and per precision, generated from the data. Both frames are stacked into one
    dataset (column ``series`` = "roofline" | "network") so the chart has one CSV.
    """
    require_rows(roofline_points, "roofline_chart")
    require_columns(roofline_points, ROOFLINE_COLUMNS, "roofline_chart (roofline_points)")
    require_columns(intensities, INTENSITY_COLUMNS, "roofline_chart (intensities)")

    roofs = roofline_points.copy()
    roofs["series"] = "roofline"
    roofs["platform_label"] = platform_labels(roofs)
    roofs = sort_frame(roofs, ["platform_label", "precision", "intensity_ops_per_byte", "attainable_tops"])
    precisions = sorted_values(roofs["precision"])

    rules = intensities[intensities["precision"].isin(precisions)].copy()
    rules["series"] = "network"
    rules["variant_label"] = variant_labels(rules) if len(rules) else pd.Series(dtype=object)
    rules = sort_frame(rules, ["task", "network_name", "network", "pruning_pct", "precision"])
    data = clean_frame(pd.concat([roofs, rules], ignore_index=True))

    group_toggles = checkbox_params(roofs[toggle_by], toggle_by)
    precision_toggles = checkbox_params(precisions, "precision")
    show_precision = checkbox_filter("precision", precision_toggles)
    show_roof = all_of(checkbox_filter(toggle_by, group_toggles), show_precision)

    x = alt.X("intensity_ops_per_byte:Q", title=X_INTENSITY, scale=alt.Scale(type="log"))
    dash = alt.StrokeDash("precision:N", title="Precision", scale=dash_scale(precisions),
                          legend=alt.Legend(symbolType="stroke", symbolStrokeColor="#333",
                                            symbolStrokeWidth=2, symbolSize=500))
    pick_platform = alt.selection_point(name="pick_platform", fields=["platform_label"], bind="legend")
    pick_network = alt.selection_point(name="pick_network", fields=["network_name"], bind="legend")
    base = alt.Chart(data)
    lines = (
        base.transform_filter(f"datum.series === 'roofline' && {show_roof}")
        .mark_line(strokeWidth=2, point=alt.OverlayMarkDef(size=20, filled=True))
        .encode(
            x=x,
            y=alt.Y("attainable_tops:Q", title=Y_PERFORMANCE, scale=alt.Scale(type="log")),
            color=alt.Color("platform_label:N", title="Platform (roofline)",
                            scale=color_scale(sorted_values(roofs["platform_label"]))),
            strokeDash=dash,
            detail="precision:N",
            order="intensity_ops_per_byte:Q",
            opacity=alt.condition(pick_platform, alt.value(1.0), alt.value(0.12)),
            tooltip=[
                alt.Tooltip("platform_name:N", title="Platform"),
                alt.Tooltip("mode:N", title="Mode"),
                alt.Tooltip("vendor:N", title="Vendor"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("precision:N", title="Precision"),
                tooltip_number("intensity_ops_per_byte", "Intensity (ops/byte)"),
                tooltip_number("attainable_tops", "Attainable (TOP/s)"),
            ],
        )
    )
    network_rules = (
        base.transform_filter(f"datum.series === 'network' && {show_precision}")
        .mark_rule(strokeWidth=1.2)
        .encode(
            x=x,
            color=alt.Color("network_name:N", title="Network (intensity)",
                            scale=color_scale(sorted_values(rules["network_name"]), NETWORK_PALETTE),
                            legend=alt.Legend(symbolType="stroke", symbolOpacity=1, symbolStrokeWidth=2)),
            opacity=alt.condition(pick_network, alt.value(0.45), alt.value(0.05)),
            strokeDash=dash,
            tooltip=[
                alt.Tooltip("network_name:N", title="Network"),
                alt.Tooltip("pruning_pct:Q", title="Pruning (% kept)", format="~g"),
                alt.Tooltip("precision:N", title="Precision"),
                tooltip_number("ops_gop", "Operations (GOP/input)"),
                tooltip_number("weights_m", "Weights (M)"),
                tooltip_number("intensity_ops_per_byte", "Intensity (ops/byte)"),
            ],
        )
    )
    chart = (
        alt.layer(lines.add_params(pick_platform), network_rules.add_params(pick_network))
        .add_params(*[p for _, p in group_toggles], *[p for _, p in precision_toggles])
        .resolve_scale(color="independent")
        .properties(width="container", height=460, title=alt.Title(
            title, subtitle="Lines: platform rooflines; vertical rules: network intensities. Click a legend "
                            "entry to highlight it (shift-click for more); tick the boxes below to show or "
                            "hide groups."))
    )
    return finish(chart)


# --- predicted throughput heatmap ---------------------------------------------------------


def prediction_heatmap(
    predictions: pd.DataFrame,
    models: Sequence[str],
    default: str,
    title: str = "Predicted throughput (inputs/s)",
    precision_order: Sequence[str] | None = None,
) -> alt.LayerChart:
    """Heatmap of predicted fps of ONE task under a model chosen in a drop-down.

    ``predictions``: ``model.bounds.predictions`` rows of one task, every model in ``models``
    (``assumption`` column), with ``platform_name`` and ``network_name`` joined. Rows are
    platform-mode-precision, columns the network variants (a prediction runs the variant at
    its row's precision, so the matrix is dense). The drop-down starts at ``default``; the
    colour scale (log fps) spans every model, so a colour means the same throughput whatever
    the model; each cell prints its value (3 significant digits).
    """
    require_rows(predictions, "prediction_heatmap")
    require_columns(predictions, ("platform", "mode", "precision", "network", "pruning_pct", "fps", "bound",
                                  "assumption", "platform_name", "network_name"), "prediction_heatmap")
    frame = predictions[predictions["fps"].notna() & (predictions["fps"] > 0)
                        & predictions["assumption"].isin(list(models))].copy()
    require_rows(frame, "prediction_heatmap (rows with fps)")
    if default not in set(frame["assumption"]):
        raise ValueError(f"prediction_heatmap: no rows for the default model {default!r}")
    precisions = _precision_order(frame["precision"], precision_order)
    prec_rank = {p: i for i, p in enumerate(precisions)}

    frame["platform_label"] = platform_labels(frame)
    frame["row_label"] = frame["platform_label"] + " " + frame["precision"]
    frame["variant_label"] = variant_labels(frame)
    frame["fps_label"] = [format_sig(v) for v in frame["fps"]]
    frame["_prec"] = frame["precision"].map(prec_rank)
    frame["_prune"] = -frame["pruning_pct"]
    frame = sort_frame(frame, ["_prec", "platform_label", "network_name", "_prune", "assumption"])
    rows = list(dict.fromkeys(frame["row_label"]))
    columns = list(dict.fromkeys(sort_frame(frame, ["network_name", "_prune"])["variant_label"]))
    keep = ["assumption", "platform", "platform_name", "mode", "precision", "network", "network_name",
            "pruning_pct", "row_label", "variant_label", "fps", "fps_label", "bound", "batch"]
    frame = clean_frame(frame[[c for c in keep if c in frame.columns]])

    low, high = float(frame["fps"].min()), float(frame["fps"].max())
    dark_below = math.sqrt(low * high)  # geometric middle of the log colour scale
    model = alt.param(name="model", value=default,
                      bind=alt.binding_select(options=list(models), name="Model: "))
    base = alt.Chart(frame).transform_filter("datum.assumption === model").encode(
        x=alt.X("variant_label:N", title="Network variant", sort=columns,
                axis=alt.Axis(labelAngle=-50, orient="top", labelLimit=200)),
        y=alt.Y("row_label:N", title="Platform, mode and precision", sort=rows, axis=alt.Axis(labelLimit=260)),
        tooltip=[
            alt.Tooltip("row_label:N", title="Platform"),
            alt.Tooltip("variant_label:N", title="Network"),
            tooltip_number("fps", "Predicted (inputs/s)"),
            alt.Tooltip("bound:N", title="Bound"),
            alt.Tooltip("batch:Q", title="Batch"),
            alt.Tooltip("assumption:N", title="Model"),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("fps:Q", title="Inputs/s (log)",
                        scale=alt.Scale(type="log", scheme="viridis", domain=[low, high]),
                        legend=alt.Legend(format="~s", orient="right", gradientLength=220)),
    )
    text = base.mark_text(fontSize=10).encode(
        text="fps_label:N",
        color=alt.condition(f"datum.fps < {dark_below!r}", alt.value("white"), alt.value("black")),
    )
    chart = alt.layer(cells, text).add_params(model).properties(
        width=alt.Step(46), height=alt.Step(22),
        title=alt.Title(title, subtitle="Roofline model chosen below the chart; empty cells have no prediction."),
    )
    return finish(chart)


def _labelled_bars(base: alt.Chart, color: alt.Color, label_field: str, step: int, title: str) -> alt.LayerChart:
    """Horizontal bars with their value printed at the bar end, full container width."""
    bars = base.mark_bar().encode(color=color)
    text = base.mark_text(align="left", dx=3, fontSize=10, color="#333").encode(text=f"{label_field}:N")
    return finish(alt.layer(bars, text).properties(width="container", height=alt.Step(step), title=title))


def _variant_order(frame: pd.DataFrame, then: Sequence[str] = ()) -> pd.DataFrame:
    """Variants by task and network name, pruning level descending (100% first)."""
    out = frame.assign(_prune=-frame["pruning_pct"])
    return sort_frame(out, ["task", "network_name", "_prune", *then]).drop(columns="_prune")


# --- platform and network specifications --------------------------------------------------


def peak_bar_chart(platforms: pd.DataFrame, title: str = "Peak performance per platform") -> alt.LayerChart:
    """Peak TOP/s per platform-mode-precision (log axis: peaks span three decades).

    One bar per row of the ``platforms`` frame, grouped by platform (kind order), coloured
    by precision, the value printed at the bar end.
    """
    require_rows(platforms, "peak_bar_chart")
    require_columns(platforms, ("platform", "platform_name", "kind", "mode", "precision", "peak_tops",
                                "bandwidth_gbps"),
                    "peak_bar_chart")
    frame = _platform_sort(platforms[platforms["peak_tops"].notna()])
    frame["platform_label"] = platform_labels(frame)
    frame["row_label"] = frame["platform_label"] + " · " + frame["precision"]
    frame["peak_label"] = [format_sig(v) for v in frame["peak_tops"]]
    rows = list(dict.fromkeys(frame["row_label"]))
    frame = clean_frame(frame)

    base = alt.Chart(frame).encode(
        y=alt.Y("row_label:N", title="Platform, mode and precision", sort=rows),
        x=alt.X("peak_tops:Q", title="Peak performance (TOP/s, log)", scale=alt.Scale(type="log"), stack=None),
        tooltip=[
            alt.Tooltip("platform_name:N", title="Platform"),
            alt.Tooltip("mode:N", title="Mode"),
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("precision:N", title="Precision"),
            tooltip_number("peak_tops", "Peak (TOP/s)"),
            tooltip_number("bandwidth_gbps", "Bandwidth (GB/s)"),
        ],
    )
    color = alt.Color("precision:N", title="Precision", scale=color_scale(sorted_values(frame["precision"])))
    return _labelled_bars(base, color, "peak_label", 18, title)


def bandwidth_bar_chart(
    platforms: pd.DataFrame,
    title: str = "Off-chip memory bandwidth per platform",
) -> alt.LayerChart:
    """Memory bandwidth (GB/s, linear) per platform-mode: one bar each, coloured by kind."""
    require_rows(platforms, "bandwidth_bar_chart")
    require_columns(platforms, ("platform", "platform_name", "kind", "mode", "bandwidth_gbps"), "bandwidth_bar_chart")
    frame = _platform_sort(platforms).drop_duplicates(["platform", "mode"]).reset_index(drop=True)
    keep = [c for c in ("platform", "platform_name", "vendor", "kind", "mode", "bandwidth_gbps", "memory_gb",
                        "power_w") if c in frame.columns]
    frame = frame[keep].copy()
    frame["platform_label"] = platform_labels(frame)
    frame["bandwidth_label"] = [format_sig(v) for v in frame["bandwidth_gbps"]]
    rows = list(dict.fromkeys(frame["platform_label"]))
    frame = clean_frame(frame)

    base = alt.Chart(frame).encode(
        y=alt.Y("platform_label:N", title="Platform and mode", sort=rows),
        x=alt.X("bandwidth_gbps:Q", title="Memory bandwidth (GB/s)"),
        tooltip=[
            alt.Tooltip("platform_name:N", title="Platform"),
            alt.Tooltip("mode:N", title="Mode"),
            alt.Tooltip("kind:N", title="Kind"),
            tooltip_number("bandwidth_gbps", "Bandwidth (GB/s)"),
        ],
    )
    color = alt.Color("kind:N", title="Kind", scale=color_scale(sorted_values(frame["kind"])))
    return _labelled_bars(base, color, "bandwidth_label", 20, title)


def intensity_bar_chart(
    intensities: pd.DataFrame,
    title: str = "Arithmetic intensity per network variant",
) -> alt.Chart:
    """Arithmetic intensity (ops/byte, log) per network variant, one bar per precision.

    ``intensities``: ``model.network_intensities`` rows.
    """
    require_rows(intensities, "intensity_bar_chart")
    require_columns(intensities, INTENSITY_COLUMNS, "intensity_bar_chart")
    frame = intensities.copy()
    frame["variant_label"] = variant_labels(frame)
    frame = _variant_order(frame, ["precision"])
    rows = list(dict.fromkeys(frame["variant_label"]))
    precisions = sorted_values(frame["precision"])
    frame = clean_frame(frame)

    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("variant_label:N", title="Network variant (% channels kept)", sort=rows),
        yOffset=alt.YOffset("precision:N", sort=precisions),
        x=alt.X("intensity_ops_per_byte:Q", title="Arithmetic intensity (ops/byte, log)", scale=alt.Scale(type="log"),
                stack=None),
        color=alt.Color("precision:N", title="Precision", scale=color_scale(precisions)),
        tooltip=[
            alt.Tooltip("network_name:N", title="Network"),
            alt.Tooltip("pruning_pct:Q", title="Pruning (% kept)", format="~g"),
            alt.Tooltip("precision:N", title="Precision"),
            tooltip_number("ops_gop", "Operations (GOP/input)"),
            tooltip_number("weights_m", "Weights (M)"),
            tooltip_number("intensity_ops_per_byte", "Intensity (ops/byte)"),
        ],
    ).properties(width="container", height=alt.Step(5, **{"for": "offset"}), title=title)
    return finish(chart)


def ops_bar_chart(
    variants: pd.DataFrame,
    title: str = "Operations and weights per network variant",
) -> alt.HConcatChart:
    """Two bar charts side by side, same rows: GOP per input and millions of weights (log)."""
    require_rows(variants, "ops_bar_chart")
    require_columns(variants, ("task", "network", "network_name", "pruning_pct", "ops_gop", "weights_m"),
                    "ops_bar_chart")
    frame = variants.copy()
    frame["variant_label"] = variant_labels(frame)
    frame = _variant_order(frame)
    frame["ops_label"] = [format_sig(v) for v in frame["ops_gop"]]
    frame["weights_label"] = [format_sig(v) for v in frame["weights_m"]]
    rows = list(dict.fromkeys(frame["variant_label"]))
    networks = sorted_values(frame["network_name"])
    frame = clean_frame(frame)

    tooltip = [
        alt.Tooltip("network_name:N", title="Network"),
        alt.Tooltip("task:N", title="Task"),
        alt.Tooltip("pruning_pct:Q", title="Pruning (% kept)", format="~g"),
        tooltip_number("ops_gop", "Operations (GOP/input)"),
        tooltip_number("weights_m", "Weights (M)"),
    ]
    base = alt.Chart(frame).encode(
        y=alt.Y("variant_label:N", title="Network variant (% channels kept)", sort=rows),
        color=alt.Color("network_name:N", title="Network", scale=color_scale(networks), legend=None),
        tooltip=tooltip,
    )

    def panel(field: str, label: str, axis_title: str, show_y: bool) -> alt.LayerChart:
        x = alt.X(f"{field}:Q", title=axis_title, scale=alt.Scale(type="log"), stack=None)
        y_axis = alt.Y("variant_label:N", title="Network variant (% channels kept)" if show_y else None,
                       sort=rows, axis=alt.Axis() if show_y else None)
        bars = base.mark_bar().encode(x=x, y=y_axis)
        text = base.mark_text(align="left", dx=3, fontSize=10, color="#333").encode(x=x, y=y_axis, text=f"{label}:N")
        return alt.layer(bars, text).properties(width=300, height=alt.Step(18))

    chart = alt.hconcat(
        panel("ops_gop", "ops_label", "Operations per input (GOP, log)", True),
        panel("weights_m", "weights_label", "Weights (millions, log)", False),
        spacing=24,
    ).properties(title=title)
    return finish(chart)


# --- how good is the model -------------------------------------------------------------------


def model_fit_chart(pairs: pd.DataFrame, models: Sequence[str],
                    title: str = "Measured vs predicted throughput, per model") -> alt.FacetChart:
    """Log-log scatter of measured against predicted inputs/s, one panel per model.

    ``pairs``: ``model.fidelity.prediction_pairs`` rows (all tasks) with ``platform_name``
    and ``network_name`` joined. Points above the grey diagonal were measured faster than
    predicted; each panel's header gives the model's median |ln(measured/predicted)|.
    """
    require_rows(pairs, "model_fit_chart")
    require_columns(pairs, ("model", "platform", "mode", "precision", "network", "pruning_pct",
                            "measured_fps", "predicted_fps", "abs_log_error"), "model_fit_chart")
    frame = pairs[pairs["model"].isin(list(models))].copy()
    require_rows(frame, "model_fit_chart (pairs of the given models)")
    medians = frame.groupby("model")["abs_log_error"].median()
    frame["panel"] = [f"{m} (median error x{math.exp(medians[m]):.2f})" for m in frame["model"]]
    panels = [next(p for p in frame["panel"] if p.startswith(m + " ")) for m in models if m in medians.index]
    frame["platform_label"] = platform_labels(frame)
    frame["config"] = frame["platform_label"] + " " + frame["precision"] + " · " + variant_labels(frame)
    frame["factor_label"] = [f"x{math.exp(e):.2f}" for e in frame["abs_log_error"]]
    frame["series"] = "configuration"
    low = float(min(frame["measured_fps"].min(), frame["predicted_fps"].min()))
    high = float(max(frame["measured_fps"].max(), frame["predicted_fps"].max()))
    diagonal = pd.DataFrame([(panel, value, value, "diagonal") for panel in panels for value in (low, high)],
                            columns=["panel", "predicted_fps", "measured_fps", "series"])
    keep = ["panel", "series", "config", "platform_label", "task", "measured_fps", "predicted_fps", "factor_label"]
    data = clean_frame(sort_frame(pd.concat([frame[keep], diagonal], ignore_index=True),
                                  ["panel", "series", "config"]))
    scale = alt.Scale(type="log", domain=[low, high])
    x = alt.X("predicted_fps:Q", title="Predicted (inputs/s, log)", scale=scale)
    y = alt.Y("measured_fps:Q", title="Measured (inputs/s, log)", scale=scale)
    line = alt.Chart().transform_filter("datum.series === 'diagonal'").mark_line(
        color="#888888", strokeDash=[4, 3]).encode(x=x, y=y)
    points = alt.Chart().transform_filter("datum.series === 'configuration'").mark_point(
        filled=True, size=30, opacity=0.75).encode(
        x=x, y=y,
        color=alt.Color("platform_label:N", title="Platform", scale=color_scale(sorted_values(frame["platform_label"]))),
        tooltip=[alt.Tooltip("config:N", title="Configuration"), alt.Tooltip("task:N", title="Task"),
                 tooltip_number("measured_fps", "Measured (inputs/s)"),
                 tooltip_number("predicted_fps", "Predicted (inputs/s)"),
                 alt.Tooltip("factor_label:N", title="Off by")],
    )
    chart = (
        alt.layer(line, points, data=data)
        .properties(width=220, height=220)
        .facet(facet=alt.Facet("panel:N", sort=panels, title=None), columns=3)
        .properties(title=alt.Title(title, subtitle="On the dashed diagonal, prediction = measurement; a bound "
                                                     "keeps every point on or below it."))
    )
    return finish(chart)
