"""Charts of the measurements: latency/throughput sweeps, distributions, Pareto fronts, efficiency.

Inputs are measurement rows and the frames of ``generator.model``
with the display names ``platform_name`` and ``network_name`` joined by the caller (ids are
shown where a name column is missing).
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from generator.records import CONFIG_KEY
from generator.charts.common import (
    FMT_PCT,
    checkbox_filter,
    checkbox_params,
    clean_frame,
    color_scale,
    config_labels,
    PICK_HINT,
    config_tooltips,
    pick_config,
    finish,
    format_sig,
    platform_labels,
    pruning_label,
    require_columns,
    require_rows,
    shape_scale,
    sort_frame,
    sorted_values,
    tooltip_number,
)
from generator.frames import kind_order

X_FPS_LOG = "Throughput (inputs/s, log)"
Y_TOP1 = "Top-1 accuracy (%)"
# Above this many configurations a colour legend is longer than the chart: names go to tooltips.
MAX_LEGEND_ENTRIES = 40


def _with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``config``/``platform_label`` and make sure the name columns exist for tooltips."""
    out = frame.copy()
    out["platform_label"] = platform_labels(out)
    out["config"] = config_labels(out)
    if "platform_name" not in out.columns:
        out["platform_name"] = out["platform"].astype(str)
    if "network_name" not in out.columns:
        out["network_name"] = out["network"].astype(str)
    return out


def _legend(domain_size: int, title: str) -> alt.Legend | None:
    if domain_size > MAX_LEGEND_ENTRIES:
        return None
    return alt.Legend(title=title, orient="bottom", columns=2 if domain_size > 8 else 1, labelLimit=360,
                      symbolLimit=0)


# --- latency vs throughput ------------------------------------------------------------------


def latency_throughput_chart(
    runs: pd.DataFrame,
    title: str = "Latency vs throughput across batch sizes",
) -> alt.LayerChart:
    """Latency (ms, log) over throughput (inputs/s, log): one line per configuration.

    ``runs``: measurement rows (``Dataset.measurements`` columns) plus ``platform_name`` and
    ``network_name``. Rows without both ``fps_comp`` and ``lat_comp_ms`` are dropped. The
    line joins the per-batch means in batch order (repeats averaged); every run is a point.
    Click a point or a legend entry to highlight a configuration; checkboxes hide platforms.
    """
    require_rows(runs, "latency_throughput_chart")
    require_columns(runs, (*CONFIG_KEY, "batch", "fps_comp", "lat_comp_ms"), "latency_throughput_chart")
    frame = runs[(runs["fps_comp"] > 0) & (runs["lat_comp_ms"] > 0)]
    require_rows(frame, "latency_throughput_chart (runs with fps_comp and lat_comp_ms)")
    frame = _with_labels(frame)
    keep = [*CONFIG_KEY, "platform_name", "network_name", "platform_label", "config", "batch",
            *(["repeat"] if "repeat" in frame.columns else []), "fps_comp", "lat_comp_ms"]
    frame = clean_frame(sort_frame(frame[keep], ["config", "batch", "repeat"]))

    configs = sorted_values(frame["config"])
    toggles = checkbox_params(frame["platform_name"], "platform")
    show = checkbox_filter("platform_name", toggles)
    pick = pick_config()
    color = alt.Color("config:N", scale=color_scale(configs), legend=_legend(len(configs), "Configuration"))
    x = alt.X("fps_comp:Q", title=X_FPS_LOG, scale=alt.Scale(type="log"))
    y = alt.Y("lat_comp_ms:Q", title="Latency (ms, log)", scale=alt.Scale(type="log"))
    dim = alt.condition(pick, alt.value(0.9), alt.value(0.08))

    base = alt.Chart(frame).transform_filter(show)
    lines = (
        base.transform_aggregate(fps_comp="mean(fps_comp)", lat_comp_ms="mean(lat_comp_ms)",
                                 groupby=["config", "batch"])
        .mark_line(strokeWidth=1.5)
        .encode(x=x, y=y, color=color, order="batch:Q", opacity=dim)
    )
    points = base.mark_point(filled=True, size=36).encode(
        x=x, y=y, color=color, opacity=dim,
        tooltip=config_tooltips([
            alt.Tooltip("batch:Q", title="Batch"),
            tooltip_number("fps_comp", "Throughput (inputs/s)"),
            tooltip_number("lat_comp_ms", "Latency (ms)"),
        ]),
    ).add_params(pick)
    chart = alt.layer(lines, points).add_params(*[p for _, p in toggles]).properties(
        width="container", height=440,
        title=alt.Title(title, subtitle="One line per configuration through its batch sizes. " + PICK_HINT),
    )
    return finish(chart)


# --- box plots ------------------------------------------------------------------------------


def boxplot_chart(
    boxes: pd.DataFrame,
    outliers: pd.DataFrame,
    value_title: str,
    unit: str,
    title: str | None = None,
    log_scale: bool = False,
    columns: int = 4,
) -> alt.FacetChart:
    """Tukey box plots over the pruning level, one panel per platform and precision.

    ``boxes``/``outliers``: ``model.stats.box_stats`` output with by = pruning_pct,
    precision, platform_label. Boxes are q1..q3 with the median tick, whiskers as rules,
    outliers as points. Panels wrap (``columns``) instead of a sparse platform x precision
    grid; each panel has its own y scale (platforms differ by orders of magnitude).
    """
    require_rows(boxes, "boxplot_chart")
    by = ("pruning_pct", "precision", "platform_label")
    require_columns(boxes, (*by, "n", "q1", "median", "q3", "whisker_low", "whisker_high", "minimum",
                            "maximum"), "boxplot_chart (boxes)")
    outliers = outliers if outliers is not None else pd.DataFrame(columns=[*by, "value"])
    require_columns(outliers, (*by, "value"), "boxplot_chart (outliers)")
    data = pd.concat([boxes.assign(part="box"), outliers.assign(part="outlier")], ignore_index=True)
    data["panel"] = data["platform_label"].astype(str) + " · " + data["precision"].astype(str)
    data["pruning_label"] = [pruning_label(p) for p in data["pruning_pct"]]
    data["_prune"] = -data["pruning_pct"]
    data = sort_frame(data, ["panel", "_prune", "part", "value"])
    levels = list(dict.fromkeys(data["pruning_label"]))
    data = clean_frame(data.drop(columns="_prune").sort_values(["panel", "part"], kind="mergesort")
                       .reset_index(drop=True))
    panels = sorted_values(data["panel"])
    precisions = sorted_values(data["precision"])
    axis_title = f"{value_title} ({unit}{', log' if log_scale else ''})"
    scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=False)

    x = alt.X("pruning_label:N", title="Pruning (% channels kept)", sort=levels, axis=alt.Axis(labelAngle=0))
    color = alt.Color("precision:N", title="Precision", scale=color_scale(precisions))
    box_tooltip = [
        alt.Tooltip("platform_label:N", title="Platform"),
        alt.Tooltip("precision:N", title="Precision"),
        alt.Tooltip("pruning_label:N", title="Pruning (% kept)"),
        alt.Tooltip("n:Q", title="Runs"),
        *[tooltip_number(f, f"{name} ({unit})") for f, name in (
            ("maximum", "Maximum"), ("whisker_high", "Upper whisker"), ("q3", "Q3"), ("median", "Median"),
            ("q1", "Q1"), ("whisker_low", "Lower whisker"), ("minimum", "Minimum"))],
    ]
    box = alt.Chart().transform_filter("datum.part === 'box'")
    whiskers = box.mark_rule(color="#555").encode(
        x=x, y=alt.Y("whisker_low:Q", title=axis_title, scale=scale), y2="whisker_high:Q", tooltip=box_tooltip)
    bars = box.mark_bar(size=16).encode(x=x, y=alt.Y("q1:Q", title=axis_title, scale=scale), y2="q3:Q",
                                        color=color, tooltip=box_tooltip)
    medians = box.mark_tick(color="#111", size=16, thickness=2).encode(
        x=x, y=alt.Y("median:Q", title=axis_title, scale=scale), tooltip=box_tooltip)
    points = alt.Chart().transform_filter("datum.part === 'outlier'").mark_point(
        shape="circle", size=22, color="#333", filled=False).encode(
        x=x, y=alt.Y("value:Q", title=axis_title, scale=scale),
        tooltip=[alt.Tooltip("platform_label:N", title="Platform"), alt.Tooltip("precision:N", title="Precision"),
                 alt.Tooltip("pruning_label:N", title="Pruning (% kept)"),
                 tooltip_number("value", f"Outlier ({unit})")],
    )
    chart = (
        alt.layer(whiskers, bars, medians, points, data=data)
        .properties(width=170, height=150)
        .facet(facet=alt.Facet("panel:N", sort=panels, title=None), columns=columns)
        .resolve_scale(y="independent")
        .properties(title=alt.Title(title or f"{value_title} by pruning level ({unit})",
                                    subtitle="Boxes: quartiles; tick: median; whiskers: most extreme runs within "
                                             "1.5 IQR; circles: outliers."))
    )
    return finish(chart)


# --- Pareto fronts -------------------------------------------------------------------------


def _pareto_frame(points: pd.DataFrame, what: str) -> pd.DataFrame:
    require_rows(points, what)
    require_columns(points, (*CONFIG_KEY, "kind", "fps", "top1_pct", "on_front"), what)
    frame = points[(points["fps"] > 0) & points["top1_pct"].notna()]
    require_rows(frame, f"{what} (points with fps and top1_pct)")
    frame = _with_labels(frame)
    frame["on_front"] = frame["on_front"].astype(bool)
    frame["front"] = ["on the Pareto front" if f else "dominated" for f in frame["on_front"]]
    return frame


def pareto_chart(
    points: pd.DataFrame,
    title: str = "Accuracy vs throughput of the measured configurations",
) -> alt.LayerChart:
    """Top-1 (%) over throughput (inputs/s, log) with the Pareto front as a line.

    ``points``: ``model.pareto_points`` rows (only kind "measured" are drawn) plus
    ``platform_name`` and ``network_name``. Colour = platform, shape = precision; front
    points are large and outlined, dominated ones small and faded.
    """
    frame = _pareto_frame(points, "pareto_chart")
    frame = frame[frame["kind"] == "measured"]
    require_rows(frame, "pareto_chart (measured points)")
    frame = clean_frame(sort_frame(frame, ["task", "fps", "top1_pct", "config"]))
    platforms = sorted_values(frame["platform_label"])
    precisions = sorted_values(frame["precision"])
    pick = alt.selection_point(name="pick_platform", fields=["platform_label"], bind="legend")

    x = alt.X("fps:Q", title=X_FPS_LOG, scale=alt.Scale(type="log"))
    y = alt.Y("top1_pct:Q", title=Y_TOP1, scale=alt.Scale(zero=False))
    base = alt.Chart(frame)
    front = base.transform_filter("datum.on_front").mark_line(color="#222", strokeWidth=1.5).encode(
        x=x, y=y, detail="task:N", order="fps:Q")
    dots = base.mark_point(filled=True, stroke="#111").encode(
        x=x, y=y,
        color=alt.Color("platform_label:N", title="Platform", scale=color_scale(platforms)),
        shape=alt.Shape("precision:N", title="Precision", scale=shape_scale(precisions)),
        size=alt.Size("front:N", title="Pareto front", scale=alt.Scale(
            domain=["on the Pareto front", "dominated"], range=[140, 45])),
        strokeWidth=alt.condition("datum.on_front", alt.value(1.2), alt.value(0)),
        opacity=alt.condition(pick, alt.value(0.9), alt.value(0.1)),
        tooltip=config_tooltips([
            alt.Tooltip("batch:Q", title="Batch"),
            tooltip_number("fps", "Throughput (inputs/s)"),
            tooltip_number("top1_pct", "Top-1 (%)"),
            alt.Tooltip("front:N", title="Pareto"),
        ]),
    ).add_params(pick)
    chart = alt.layer(front, dots).properties(
        width="container", height=440,
        title=alt.Title(title, subtitle="Line: Pareto front (no other configuration is both faster and more "
                                        "accurate). Click a platform in the legend to highlight it."),
    )
    return finish(chart)


def pareto_overlap_chart(
    points: pd.DataFrame,
    title: str = "Predicted vs measured Pareto fronts",
) -> alt.LayerChart:
    """Predicted (circles) and measured (crosses) points with both Pareto fronts.

    ``points``: ``model.pareto_points`` rows of both kinds plus ``platform_name`` and
    ``network_name``. A configuration has one colour in both kinds (sorted palette); points
    whose configuration exists in only one kind are faded. Checkboxes per platform.
    """
    frame = _pareto_frame(points, "pareto_overlap_chart")
    require_columns(frame, ("has_partner",), "pareto_overlap_chart")
    frame["has_partner"] = frame["has_partner"].astype(bool)
    frame["partner"] = ["measured and predicted" if p else "only " + str(k)
                        for p, k in zip(frame["has_partner"], frame["kind"])]
    frame["point"] = frame["kind"]
    frame = clean_frame(sort_frame(frame, ["task", "kind", "fps", "top1_pct", "config"]))
    configs = sorted_values(frame["config"])
    kinds = ["measured", "predicted"]
    toggles = checkbox_params(frame["platform_name"], "platform")
    show = checkbox_filter("platform_name", toggles)

    x = alt.X("fps:Q", title=X_FPS_LOG, scale=alt.Scale(type="log"))
    y = alt.Y("top1_pct:Q", title=Y_TOP1, scale=alt.Scale(zero=False))
    base = alt.Chart(frame).transform_filter(show)
    fronts = base.transform_filter("datum.on_front").mark_line(strokeWidth=2).encode(
        x=x, y=y, order="fps:Q", detail="task:N",
        color=alt.Color("kind:N", title="Pareto front", scale=alt.Scale(domain=kinds, range=["#111111", "#e45756"]),
                        legend=alt.Legend(symbolType="stroke", orient="right")),
    )
    dots = base.mark_point(filled=True, size=70).encode(
        x=x, y=y,
        color=alt.Color("config:N", scale=color_scale(configs), legend=_legend(len(configs), "Configuration")),
        # own field: a shape on "kind" would be merged into the front-line legend
        shape=alt.Shape("point:N", title="Point", scale=alt.Scale(domain=kinds, range=["cross", "circle"])),
        opacity=alt.Opacity("partner:N", title="Configuration exists as", scale=alt.Scale(
            domain=["measured and predicted", "only measured", "only predicted"], range=[0.95, 0.3, 0.3])),
        tooltip=config_tooltips([
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("batch:Q", title="Batch"),
            tooltip_number("fps", "Throughput (inputs/s)"),
            tooltip_number("top1_pct", "Top-1 (%)"),
            alt.Tooltip("front:N", title="Pareto"),
            alt.Tooltip("partner:N", title="Exists as"),
        ]),
    )
    chart = (
        alt.layer(fronts, dots)
        .add_params(*[p for _, p in toggles])
        .resolve_scale(color="independent")
        .properties(width="container", height=460, title=alt.Title(
            title, subtitle="Circles: roofline prediction; crosses: measurement; same colour = same configuration; "
                            "faded = no counterpart. Tick the boxes below to show or hide platforms."))
    )
    return finish(chart)


# --- efficiency -------------------------------------------------------------------------------

MEASURES = ("peak_fps", "predicted_fps", "measured_fps")
MEASURE_NAMES = {"peak_fps": "theoretical peak", "predicted_fps": "roofline prediction",
                 "measured_fps": "measurement"}


def efficiency_chart(
    efficiency: pd.DataFrame,
    title: str = "Measured throughput vs prediction and peak",
) -> alt.FacetChart:
    """Per configuration: peak, predicted and measured inputs/s on a log axis, one panel per kind.

    ``efficiency``: ``model.efficiency`` rows plus ``platform_name``, ``network_name`` and
    ``kind``. Drawn as a bullet chart so 60+ configurations stay readable: one row per
    configuration, the wide grey bar is the theoretical peak, the light blue bar over it the
    roofline prediction, the thin dark bar the measurement, labelled with efficiency_pct
    (measured / predicted). The bars are folded in Vega-Lite from the one frame (one dataset).
    """
    require_rows(efficiency, "efficiency_chart")
    require_columns(efficiency, (*CONFIG_KEY, *MEASURES, "efficiency_pct", "kind"), "efficiency_chart")
    frame = _with_labels(efficiency)
    frame["efficiency_label"] = [f"{format_sig(e)}%" for e in frame["efficiency_pct"]]
    frame["_kind"] = [kind_order(k) for k in frame["kind"]]
    frame["_prune"] = -frame["pruning_pct"]
    frame = sort_frame(frame, ["_kind", "kind", "platform_label", "precision", "network_name", "_prune"])
    rows = list(dict.fromkeys(frame["config"]))
    kinds = list(dict.fromkeys(frame["kind"]))
    frame = clean_frame(frame.drop(columns=["_kind", "_prune"]))

    names = [MEASURE_NAMES[m] for m in MEASURES]
    name_expr = " : ".join(f"datum.measure === {json.dumps(k)} ? {json.dumps(v)}" for k, v in MEASURE_NAMES.items())
    y = alt.Y("config:N", title=None, sort=rows, axis=alt.Axis(labelLimit=340))
    x = alt.X("value:Q", title="Throughput (inputs/s, log)", scale=alt.Scale(type="log"), stack=None)
    # Fold order = drawing order: peak at the back, measurement in front.
    base = alt.Chart().transform_fold(list(MEASURES), as_=["measure", "value"]).transform_calculate(
        series=f"{name_expr} : datum.measure")
    bars = base.mark_bar().encode(
        y=y, x=x,
        color=alt.Color("series:N", title="Throughput", sort=names,
                        scale=alt.Scale(domain=names, range=["#d0d0d0", "#9ecae9", "#1f4e79"])),
        size=alt.condition("datum.measure === 'measured_fps'", alt.value(5), alt.value(13)),
        tooltip=config_tooltips([
            alt.Tooltip("batch:Q", title="Batch (measured)"),
            tooltip_number("peak_fps", "Peak (inputs/s)"),
            tooltip_number("predicted_fps", "Predicted (inputs/s)"),
            tooltip_number("measured_fps", "Measured (inputs/s)"),
            alt.Tooltip("efficiency_pct:Q", title="Efficiency (% of prediction)", format=FMT_PCT),
        ]),
    )
    labels = base.transform_filter("datum.measure === 'measured_fps'").mark_text(
        align="left", dx=3, fontSize=10, color="#111").encode(y=y, x=x, text="efficiency_label:N")
    chart = (
        alt.layer(bars, labels, data=frame)
        .properties(width=520, height=alt.Step(17))
        .facet(row=alt.Row("kind:N", sort=kinds, title=None,
                           header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold")))
        .resolve_scale(y="independent")
        .properties(title=alt.Title(title, subtitle="Grey: theoretical peak; light blue: roofline prediction; "
                                                     "dark: measured, labelled with measured / predicted."))
    )
    return finish(chart)


__all__ = [
    "boxplot_chart",
    "efficiency_chart",
    "latency_throughput_chart",
    "pareto_chart",
    "pareto_overlap_chart",
]
