"""Charts of the theoretical model: rooflines, predicted throughput, platform and network
specifications, and how well each model predicts the measurements.

Inputs are tidy frames of ``generator.frames`` and ``generator.model``; nothing here
computes model numbers, it only draws them. Quantities that span decades are drawn as
points on log axes (a bar on a log axis starts at an arbitrary minimum).
"""

from __future__ import annotations

import math
import json
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from generator.charts.common import (
    Toggle,
    LINES_EXPR,
    chart_spec,
    checkbox_filter,
    checkbox_params,
    display_frame,
    leaders,
    named,
    platform_labels,
    require_columns,
    require_rows,
    row_step,
    rows_height,
    sort_frame,
    title_lines,
    tooltip,
    variant_labels,
    wrapped,
    wrapped_axis,
    zoom,
)
from generator.charts.reading import Control, Key, Reading
from generator.charts.spec import ChartSpec
from generator.charts import theme
from generator.charts.theme import NEUTRAL, Style
from generator.formatting import compact_expr

X_INTENSITY = "Arithmetic intensity (ops/byte, log)"
Y_PERFORMANCE = "Attainable performance (TOP/s, log)"

ROOFLINE_COLUMNS = ("platform", "platform_name", "vendor", "kind", "mode", "precision",
                    "intensity_ops_per_byte", "attainable_tops", "peak_tops", "bandwidth_gbps")
INTENSITY_COLUMNS = ("task", "network", "network_name", "pruning_pct", "precision", "ops_gop", "weights_m",
                     "intensity_ops_per_byte")


def _busiest_precision(frame: pd.DataFrame, style: Style) -> str:
    """The precision most platform modes support (file order breaks ties): the default view."""
    counts = frame.drop_duplicates(["platform_label", "precision"])["precision"].value_counts()
    order = style.precisions_in(counts.index)
    return max(order, key=lambda p: (counts[p], -order.index(p)))


RULE_LABEL_PX = 9 * 0.6  # width of one character of a 9 px rule label
RULE_LANE_PX = 11  # one lane of rule labels
PHONE_PLOT_PX = 280  # the plot's width on a phone (390 px screen): labels that clear there clear everywhere
ROOF_DASHES = ((), (6, 4), (2, 3), (8, 3, 2, 3), (1, 3))  # the k-th roof of a group of coinciding ones


def _decades(values: pd.Series) -> tuple[float, float]:
    """The log10 extent of a nice log scale over ``values`` (whole decades)."""
    logs = [math.log10(v) for v in values if v > 0]
    return float(math.floor(min(logs))), float(math.ceil(max(logs)))


def rule_lanes(rules: pd.DataFrame, roofs: pd.DataFrame, width: float = PHONE_PLOT_PX) -> pd.DataFrame:
    """Where each labelled network rule prints its name: ``lane`` (0 at the top) and ``side``
    (right of the rule, or left when it would run past the plot's right edge), chosen per
    precision so that no two labels overlap in a plot ``width`` px wide; a wider plot only
    spreads them further apart."""
    out = rules.assign(lane=0, side="right")
    for precision, mine in out[out["rule_label"].notna()].groupby("precision", sort=False):
        shown = pd.concat([roofs.loc[roofs["precision"] == precision, "intensity_ops_per_byte"],
                           out.loc[out["precision"] == precision, "intensity_ops_per_byte"]])
        low, high = _decades(shown)
        ends: list[float] = []  # per lane, where its last label ends
        ordered = mine.sort_values("intensity_ops_per_byte", kind="mergesort")
        for index, value, label in zip(ordered.index, ordered["intensity_ops_per_byte"].tolist(),
                                       ordered["rule_label"].tolist()):
            x = (math.log10(value) - low) / max(high - low, 1e-9) * width
            size = len(str(label)) * RULE_LABEL_PX + 3
            start, end = (x + 3, x + 3 + size) if x + 3 + size <= width else (x - 3 - size, x - 3)
            lane = next((i for i, last in enumerate(ends) if start > last + 4), len(ends))
            if lane == len(ends):
                ends.append(end)
            ends[lane] = end
            out.at[index, "lane"] = lane
            out.at[index, "side"] = "right" if start > x else "left"
    return out


def coinciding_roofs(roofs: pd.DataFrame) -> pd.DataFrame:
    """``roof_rank`` (0, 1, ...: the dash of a roof drawn on another) and ``same_roof`` (the
    other platform modes with the same peak and bandwidth at that precision)."""
    firsts = roofs.drop_duplicates(["platform_label", "precision"])
    groups = {key: list(group["platform_label"]) for key, group in
              firsts.groupby(["precision", "peak_tops", "bandwidth_gbps"], sort=False)}
    rank: dict[Any, int] = {}
    same: dict[Any, str] = {}
    for (precision, _peak, _bw), labels in groups.items():
        for i, label in enumerate(labels):
            rank[(label, precision)] = i % len(ROOF_DASHES)
            same[(label, precision)] = ", ".join(other for other in labels if other != label)
    keys = list(zip(roofs["platform_label"], roofs["precision"]))
    same_roof = pd.Series([same[k] or None for k in keys], index=roofs.index, dtype=object)
    return roofs.assign(roof_rank=[rank[k] for k in keys], same_roof=same_roof)


def _legend_values(roofs: pd.DataFrame, style: Style, vendors: Sequence[Toggle]) -> dict[str, str]:
    """Vega expression: the platform modes drawn (a roof at the chosen precision, its vendor
    ticked), in legend order: the legend lists what the chart draws, no more."""
    terms = []
    for label in style.platforms_in(roofs["platform_label"]):
        mine = roofs[roofs["platform_label"] == label]
        precisions = " || ".join(f"precision === {json.dumps(p)}" for p in dict.fromkeys(mine["precision"]))
        vendor = checkbox_filter("vendor", [t for t in vendors if t.value in set(mine["vendor"])]).replace(
            "datum[\"vendor\"]", json.dumps(str(mine["vendor"].iloc[0])))
        terms.append(f"(({precisions}) && {vendor} ? {json.dumps(label + chr(10))} : '')")
    return {"expr": f"split(slice({' + '.join(terms)}, 0, -1), '\\n')"}


def roofline_chart(points: pd.DataFrame, intensities: pd.DataFrame, style: Style, name: str,
                   title: str = "Rooflines of every platform, with the networks' arithmetic intensity",
                   opening: str | None = None) -> ChartSpec:
    """Log-log rooflines, one per platform mode at the chosen precision, and the network
    variants' intensities as neutral, labelled vertical rules.

    ``points``: ``model.roofline.roofline_points`` rows (three points per roof) with
    ``peak_tops`` and ``bandwidth_gbps``; ``intensities``: ``model.roofline.network_intensities``
    rows of one task. A drop-down chooses the precision (default: ``opening`` when roofs
    have it, e.g. the precision the task's measurements used most, else the one most
    platforms support), check boxes show or hide vendors; the legend lists the roofs drawn;
    a roof that coincides with another is dashed and names it in its tooltip; rule labels
    are staggered in lanes so that none overlaps another (``rule_lanes``), and each rule
    answers its tooltip within a finger's width of it.
    """
    require_rows(points, "roofline_chart")
    require_columns(points, ROOFLINE_COLUMNS, "roofline_chart (points)")
    require_columns(intensities, INTENSITY_COLUMNS, "roofline_chart (intensities)")
    roofs = points.copy()
    roofs["series"] = "roofline"
    roofs["platform_label"] = platform_labels(roofs)
    roofs["ridge_ops_per_byte"] = roofs["peak_tops"] * 1000.0 / roofs["bandwidth_gbps"]
    precisions = style.precisions_in(roofs["precision"])
    rules = intensities[intensities["precision"].isin(precisions)].copy()
    rules["series"] = "network"
    rules["variant_label"] = variant_labels(rules) if len(rules) else pd.Series(dtype=object)
    rank = {p: i for i, p in enumerate(style.platform_order)}
    roofs["_order"] = roofs["platform_label"].map(rank).fillna(len(rank))
    roofs = coinciding_roofs(sort_frame(roofs, ["_order", "precision", "intensity_ops_per_byte"]))
    rules = sort_frame(rules.assign(_prune=-rules["pruning_pct"]), ["network_name", "_prune", "precision"])
    # Each network is labelled once, at its least pruned variant; the others are in the tooltips.
    first = ~rules.duplicated(["network_name", "precision"])
    rules["rule_label"] = rules["network_name"].where(first)
    rules = rule_lanes(rules, roofs)
    rules["lane_px"] = 4 + rules["lane"] * RULE_LANE_PX
    columns = ["series", "platform_label", "vendor", "precision", "intensity_ops_per_byte", "attainable_tops",
               "peak_tops", "bandwidth_gbps", "ridge_ops_per_byte", "roof_rank", "same_roof", "variant_label",
               "rule_label", "lane_px", "side", "ops_gop", "weights_m"]
    data = display_frame(pd.concat([roofs, rules], ignore_index=True).reindex(columns=columns))

    default = opening if opening in precisions else _busiest_precision(roofs, style)
    precision = alt.param(name="precision", value=default,
                          bind=alt.binding_select(options=precisions, name="Precision: "))
    vendors = checkbox_params(roofs.drop_duplicates("vendor").sort_values("_order")["vendor"], "vendor")
    x = alt.X("intensity_ops_per_byte:Q", title=X_INTENSITY, scale=alt.Scale(type="log"))
    base = alt.Chart(named(name))
    color = alt.Color("platform_label:N", title="Platform", scale=style.platform_scale(roofs["platform_label"]),
                      legend=alt.Legend(columns=2, symbolType="stroke",
                                        values=_legend_values(roofs, style, vendors)))
    lines = (
        base.transform_filter(f"datum.series === 'roofline' && datum.precision === precision && "
                              f"{checkbox_filter('vendor', vendors)}")
        .mark_line(**ROOF_KEY.props(), point=alt.OverlayMarkDef(size=25, filled=True), clip=True)
        .encode(
            x=x,
            y=alt.Y("attainable_tops:Q", title=Y_PERFORMANCE, scale=alt.Scale(type="log")),
            color=color,
            strokeDash=alt.StrokeDash("roof_rank:O", scale=alt.Scale(domain=list(range(len(ROOF_DASHES))),
                                                                      range=[list(d) for d in ROOF_DASHES]),
                                      legend=None),
            detail=alt.Detail("platform_label:N"),
            order=alt.Order("intensity_ops_per_byte:Q"),
            tooltip=tooltip(("platform_label", "Platform"), ("precision", "Precision"),
                            ("peak_tops", "Peak (TOP/s)", ""), ("bandwidth_gbps", "Bandwidth (GB/s)", ""),
                            ("ridge_ops_per_byte", "Ridge (ops/byte)", ""), ("same_roof", "Same roof as")),
        )
        .add_params(zoom(), precision)
    )
    on_rules = base.transform_filter("datum.series === 'network' && datum.precision === precision")
    network_rules = on_rules.mark_rule(**RULE_KEY.props()).encode(x=x)
    rule_tips = on_rules.mark_rule(strokeWidth=24, strokeOpacity=0, color=NEUTRAL).encode(  # a finger's width
        x=x,
        tooltip=tooltip(("variant_label", "Network"), ("precision", "Precision"),
                        ("ops_gop", "Operations (GOP/input)", ""), ("weights_m", "Weights (M)", ""),
                        ("intensity_ops_per_byte", "Intensity (ops/byte)", "")),
    )
    labelled = on_rules.transform_filter("isValid(datum.rule_label)")
    # Each side's layer draws every label (empty text where the other side prints it): a layer
    # without rows would leave the x scale an infinite extent.
    labels = [labelled.transform_calculate(side_label=f"datum.side === {json.dumps(side)} ? datum.rule_label : ''")
        .mark_text(align="left" if side == "right" else "right", baseline="top", dx=3 if side == "right" else -3,
                   fontSize=9, **paint).encode(x=x, y=alt.Y("lane_px:Q", scale=None), text=alt.Text("side_label:N"))
        for paint in ({"color": "white", "stroke": "white", "strokeWidth": 3}, {"color": "#4A4A4A"})  # a halo, then the text
        for side in ("right", "left")]
    # The chosen precision, printed in the plot's lower right corner: it follows the drop-down,
    # and an exported SVG or PNG of the view says which precision it shows.
    stamp = base.transform_filter("datum.series === 'roofline'").transform_aggregate(roofs="count()").mark_text(
        align="right", baseline="bottom", fontSize=13, fontWeight="bold", color="#333333",
        x={"expr": "width - 6"}, y={"expr": "height - 6"}, text={"expr": "'Precision: ' + precision"})
    reading = Reading(keys=(ROOF_KEY, RULE_KEY), encodings=("a roof that coincides with another is dashed",
                                                            "lower right: the precision shown"),
                      controls=(Control("select", "precision", "the precision"),
                                Control("checkbox", "show_vendor_", "vendors")))
    chart = alt.layer(lines, network_rules, rule_tips, *labels, stamp, width="container", height=440, title=alt.Title(
        title, subtitle=reading.sentence()))
    peaks = roofs.drop_duplicates(["platform_label", "precision"])
    description = (f"Roofline chart of {peaks['platform_label'].nunique()} platform modes at "
                   f"{len(precisions)} precisions ({', '.join(precisions)}) with the arithmetic intensity of "
                   f"{rules['variant_label'].nunique()} network variants; it opens at {default}. Highest peaks: "
                   f"{leaders(peaks.assign(lab=peaks['platform_label'] + ' ' + peaks['precision']), 'peak_tops', 'lab', 'TOP/s')}.")
    return chart_spec(chart, name, data, description, vendors, reading)


ROOF_KEY = Key({"type": "line"}, "a platform mode's roofline at the chosen precision", colour="in the platform's colour")
RULE_KEY = Key({"type": "rule", "strokeDash": [3, 3], "strokeWidth": 1.2, "opacity": 0.8, "color": NEUTRAL},
               "a network variant's arithmetic intensity (labelled once per network)", colour="in grey")


# --- predicted throughput heatmap ---------------------------------------------------------


HEATMAP_READING = Reading(
    encodings=("colour = predicted inputs/s on a log scale, the same for every model",
               "each cell prints its value"),
    controls=(Control("select", "model", "the model"),))
HEATMAP_COLUMNS = 5  # network variants per panel: a panel with its row labels fits a phone (390 px)
HEATMAP_CELL = 36  # px per column: room for a printed value ("1.23k") and two lines of a rotated name


def prediction_heatmap(predictions: pd.DataFrame, models: Sequence[str], default: str, style: Style, name: str,
                       title: str = "Predicted throughput (inputs/s)", max_columns: int = HEATMAP_COLUMNS) -> ChartSpec:
    """Heatmap of predicted inputs/s of ONE task under a model chosen in a drop-down.

    ``predictions``: ``model.bounds.predictions`` rows of one task for ``models``
    (``assumption`` column) with ``platform_name`` and ``network_name`` joined. Rows are
    platform-mode-precision (grouped by precision), columns network variants, at most
    ``max_columns`` per panel (panels one below the other, so the chart fits a phone; a
    larger value gives a wider chart); the drop-down starts at ``default`` and the title
    names the model shown. The colour scale (log) spans every model, so a colour means the
    same throughput whatever the model; cells print their value in black or white,
    whichever contrasts more with the cell's colour (computed here from the scheme).
    """
    require_rows(predictions, "prediction_heatmap")
    require_columns(predictions, ("platform", "mode", "precision", "network", "pruning_pct", "fps", "bound",
                                  "assumption", "platform_name", "network_name", "batch"), "prediction_heatmap")
    frame = predictions[predictions["fps"].notna() & (predictions["fps"] > 0)
                        & predictions["assumption"].isin(list(models))].copy()
    require_rows(frame, "prediction_heatmap (rows with fps)")
    if default not in set(frame["assumption"]):
        raise ValueError(f"prediction_heatmap: no rows for the default model {default!r}")
    frame["platform_label"] = platform_labels(frame)
    frame["row_label"] = frame["platform_label"] + " " + frame["precision"]
    frame["variant_label"] = variant_labels(frame)
    prec_rank = {p: i for i, p in enumerate(style.precisions)}
    plat_rank = {p: i for i, p in enumerate(style.platform_order)}
    frame["_prec"] = frame["precision"].map(prec_rank).fillna(len(prec_rank))
    frame["_plat"] = frame["platform_label"].map(plat_rank).fillna(len(plat_rank))
    frame["_prune"] = -frame["pruning_pct"]
    frame = sort_frame(frame, ["_prec", "_plat", "network_name", "_prune", "assumption"])
    frame["row"] = wrapped(frame["row_label"])
    frame["column"] = wrapped(frame["variant_label"], 16)
    rows = list(dict.fromkeys(frame["row"]))
    columns = list(dict.fromkeys(sort_frame(frame, ["network_name", "_prune"])["column"]))
    panels = max(1, math.ceil(len(columns) / max(1, max_columns)))
    per_panel = math.ceil(len(columns) / panels)  # balanced: 10 columns are two panels of 5
    frame["panel"] = frame["column"].map({c: i // per_panel + 1 for i, c in enumerate(columns)})

    low, high = float(frame["fps"].min()), float(frame["fps"].max())
    span = math.log(high / low) if high > low else 1.0
    frame["text_color"] = [theme.text_on(theme.scheme_color(math.log(v / low) / span)) for v in frame["fps"]]
    data = display_frame(frame, ["assumption", "panel", "row_label", "row", "variant_label", "column", "fps",
                                 "bound", "batch", "text_color"])
    model = alt.param(name="model", value=default, bind=alt.binding_select(options=list(models), name="Model: "))
    base = alt.Chart().transform_filter("datum.assumption === model").encode(
        x=alt.X("column:N", title=None, sort=columns,
                axis=alt.Axis(labelAngle=-90, orient="top", labelExpr=LINES_EXPR, labelLimit=0, labelOverlap=False,
                              labelFontSize=10, labelLineHeight=12)),
        y=alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis()),
        tooltip=tooltip(("row_label", "Platform"), ("variant_label", "Network"), ("fps", "Predicted (inputs/s)", ""),
                        ("bound", "Bound"), ("batch", "Batch", "d"), ("assumption", "Model")),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("fps:Q", title="Inputs/s (log)", scale=alt.Scale(type="log", scheme="viridis",
                                                                         domain=[low, high]),
                        legend=alt.Legend(format="~s", orient="bottom", direction="horizontal", gradientLength=180)),
    )
    text = base.transform_calculate(fps_label=compact_expr("fps")).mark_text(fontSize=10).encode(
        text=alt.Text("fps_label:N"), fill=alt.Fill("text_color:N", scale=None))
    panel = alt.layer(cells, text, width=alt.Step(HEATMAP_CELL), height=alt.Step(row_step(rows, 22)))
    # Each panel's header names the model shown (a signal: it follows the drop-down, and an
    # exported SVG or PNG of the view carries it).
    part = f" + ' (part ' + datum.value + ' of {panels})'" if panels > 1 else ""
    header = alt.Header(labelExpr=f"'Under the ' + model + ' model'{part}", labelOrient="top", labelAngle=0,
                        labelAnchor="start", labelAlign="left", labelFontSize=12, labelLimit=0)
    chart = (
        panel.facet(facet=alt.Facet("panel:O", title=None, header=header), columns=1, data=named(name))
        .resolve_scale(x="independent")
        .add_params(model)
        .properties(title=alt.Title(title, subtitle=HEATMAP_READING.sentence()))
    )
    shown = frame[frame["assumption"] == default]
    description = (f"Heatmap of predicted inputs/s of {len(columns)} network variants on {len(rows)} platform modes "
                   f"and precisions, under {len(models)} models; it opens with {default}. Highest under {default}: "
                   f"{leaders(shown.assign(lab=shown['row_label'] + ' · ' + shown['variant_label']), 'fps', 'lab', 'inputs/s')}.")
    return chart_spec(chart, name, data, description, reading=HEATMAP_READING)


# --- platform and network specifications --------------------------------------------------


def _platform_rows(frame: pd.DataFrame, style: Style) -> list[str]:
    return style.platforms_in(frame["platform_label"])


def peak_chart(platforms: pd.DataFrame, style: Style, name: str,
               title: str = "Peak performance per platform and precision") -> ChartSpec:
    """Peak TOP/s (log) per platform mode: one point per supported precision."""
    require_rows(platforms, "peak_chart")
    require_columns(platforms, ("platform", "platform_name", "mode", "precision", "peak_tops"), "peak_chart")
    frame = platforms[platforms["peak_tops"].notna()].copy()
    frame["platform_label"] = platform_labels(frame)
    frame["row"] = wrapped(frame["platform_label"])
    rows = wrapped(_platform_rows(frame, style))
    data = display_frame(sort_frame(frame, ["platform_label", "precision"]), ["platform_label", "row", "precision",
                                                                              "peak_tops"])
    chart = alt.Chart(named(name)).mark_point(filled=True, size=70).encode(
        y=alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis()),
        x=alt.X("peak_tops:Q", title=title_lines("Peak performance (TOP/s, log)"), scale=alt.Scale(type="log")),
        color=alt.Color("precision:N", title="Precision", scale=style.precision_color_scale(frame["precision"])),
        shape=style.precision_shape(frame["precision"]),
        tooltip=tooltip(("platform_label", "Platform"), ("precision", "Precision"), ("peak_tops", "Peak (TOP/s)", "")),
    ).properties(width="container", height=rows_height(len(rows), row_step(rows, 20)), title=title)
    description = (f"Peak performance of {len(rows)} platform modes at {frame['precision'].nunique()} precisions; "
                   f"highest: {leaders(frame.assign(lab=frame['platform_label'] + ' ' + frame['precision']), 'peak_tops', 'lab', 'TOP/s')}.")
    return chart_spec(chart, name, data, description)


def bandwidth_chart(platforms: pd.DataFrame, style: Style, name: str,
                    title: str = "Off-chip memory bandwidth per platform") -> ChartSpec:
    """Memory bandwidth (GB/s, linear axis from 0) per platform mode, in platform colours."""
    require_rows(platforms, "bandwidth_chart")
    require_columns(platforms, ("platform", "platform_name", "mode", "bandwidth_gbps"), "bandwidth_chart")
    frame = platforms.drop_duplicates(["platform", "mode"]).copy()
    frame["platform_label"] = platform_labels(frame)
    frame["row"] = wrapped(frame["platform_label"])
    rows = wrapped(_platform_rows(frame, style))
    data = display_frame(frame, ["platform_label", "row", "bandwidth_gbps"])
    base = alt.Chart(named(name)).encode(
        y=alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis()),
        x=alt.X("bandwidth_gbps:Q", title="Bandwidth (GB/s)"),
        tooltip=tooltip(("platform_label", "Platform"), ("bandwidth_gbps", "Bandwidth (GB/s)", "")),
    )
    bars = base.mark_bar().encode(color=style.platform_color(frame["platform_label"]))
    text = base.transform_calculate(label=compact_expr("bandwidth_gbps")).mark_text(align="left", dx=3).encode(
        text=alt.Text("label:N"))
    chart = alt.layer(bars, text, width="container", height=rows_height(len(rows), row_step(rows, 20)), title=title)
    description = (f"Off-chip memory bandwidth of {len(rows)} platform modes; highest: "
                   f"{leaders(frame, 'bandwidth_gbps', 'platform_label', 'GB/s')}.")
    return chart_spec(chart, name, data, description)


QUANTITIES = {"ops_gop": "Operations (GOP per input)", "weights_m": "Weights (millions)"}


def network_chart(variants: pd.DataFrame, name: str,
                  title: str = "Operations and weights per network variant") -> ChartSpec:
    """Operations per input (GOP) and weights (millions), one point each per variant, log axis."""
    require_rows(variants, "network_chart")
    require_columns(variants, ("task", "network", "network_name", "pruning_pct", "ops_gop", "weights_m"),
                    "network_chart")
    frame = variants.copy()
    frame["variant_label"] = variant_labels(frame)
    frame = sort_frame(frame.assign(_prune=-frame["pruning_pct"]), ["task", "network_name", "_prune"])
    frame["row"] = wrapped(frame["variant_label"])
    rows = list(dict.fromkeys(frame["row"]))
    long = frame.melt(id_vars=["task", "variant_label", "row"], value_vars=list(QUANTITIES), var_name="quantity_id")
    long["quantity"] = long["quantity_id"].map(QUANTITIES)
    data = display_frame(long, ["task", "variant_label", "row", "quantity", "value"])
    chart = alt.Chart(named(name)).mark_point(filled=True, size=60).encode(
        y=alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis()),
        x=alt.X("value:Q", title=title_lines("GOP per input / millions of weights (log)"), scale=alt.Scale(type="log")),
        color=alt.Color("quantity:N", title=None, scale=alt.Scale(domain=list(QUANTITIES.values()),
                                                                  range=["#0072B2", "#D55E00"])),
        shape=alt.Shape("quantity:N", title=None, scale=alt.Scale(domain=list(QUANTITIES.values()),
                                                                  range=["circle", "square"])),
        tooltip=tooltip(("variant_label", "Network"), ("quantity", "Quantity"), ("value", "Value", "")),
    ).properties(width="container", height=rows_height(len(rows), row_step(rows, 18)), title=title)
    description = (f"Operations per input and weights of {len(rows)} network variants; most operations: "
                   f"{leaders(frame, 'ops_gop', 'variant_label', 'GOP')}.")
    return chart_spec(chart, name, data, description)


def intensity_chart(intensities: pd.DataFrame, style: Style, name: str,
                    title: str = "Arithmetic intensity per network variant and precision") -> ChartSpec:
    """Intensity (ops/byte, log) of every variant at every precision (weights read off chip)."""
    require_rows(intensities, "intensity_chart")
    require_columns(intensities, INTENSITY_COLUMNS, "intensity_chart")
    frame = intensities.copy()
    frame["variant_label"] = variant_labels(frame)
    frame = sort_frame(frame.assign(_prune=-frame["pruning_pct"]), ["task", "network_name", "_prune"])
    frame["row"] = wrapped(frame["variant_label"])
    rows = list(dict.fromkeys(frame["row"]))
    data = display_frame(frame, ["task", "variant_label", "row", "precision", "intensity_ops_per_byte"])
    chart = alt.Chart(named(name)).mark_point(filled=True, size=55).encode(
        y=alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis()),
        x=alt.X("intensity_ops_per_byte:Q", title=title_lines("Arithmetic intensity (ops/byte, log)"), scale=alt.Scale(type="log")),
        color=alt.Color("precision:N", title="Precision", scale=style.precision_color_scale(frame["precision"])),
        shape=style.precision_shape(frame["precision"]),
        tooltip=tooltip(("variant_label", "Network"), ("precision", "Precision"),
                        ("intensity_ops_per_byte", "Intensity (ops/byte)", "")),
    ).properties(width="container", height=rows_height(len(rows), row_step(rows, 18)), title=title)
    description = (f"Arithmetic intensity of {len(rows)} network variants at {frame['precision'].nunique()} "
                   f"precisions, weights read from off-chip memory once per input.")
    return chart_spec(chart, name, data, description)


# --- how good is the model -------------------------------------------------------------------


def model_fit_chart(pairs: pd.DataFrame, models: Sequence[str], style: Style, name: str,
                    title: str = "Measured against predicted throughput, per model") -> ChartSpec:
    """Log-log scatter of measured against predicted inputs/s, one panel per model.

    ``pairs``: ``model.fidelity.prediction_pairs`` rows (all tasks) with ``platform_name``
    and ``network_name`` joined. Points above the dashed diagonal were measured faster than
    predicted; each panel's header gives the model's median factor off.
    """
    require_rows(pairs, "model_fit_chart")
    require_columns(pairs, ("model", "platform", "mode", "precision", "network", "pruning_pct",
                            "measured_fps", "predicted_fps", "abs_log_error"), "model_fit_chart")
    frame = pairs[pairs["model"].isin(list(models))].copy()
    require_rows(frame, "model_fit_chart (pairs of the given models)")
    medians = frame.groupby("model")["abs_log_error"].median()
    present = [m for m in models if m in medians.index]
    panel_of = {m: f"{m}: typically x{math.exp(medians[m]):.2f} off" for m in present}
    frame["panel"] = frame["model"].map(panel_of)
    frame["platform_label"] = platform_labels(frame)
    frame["config"] = frame["platform_label"] + " " + frame["precision"] + " · " + variant_labels(frame)
    frame["off_by"] = [f"x{math.exp(e):.2f}" for e in frame["abs_log_error"]]
    frame = sort_frame(frame, ["model", "config"])
    low = float(min(frame["measured_fps"].min(), frame["predicted_fps"].min()))
    high = float(max(frame["measured_fps"].max(), frame["predicted_fps"].max()))
    data = display_frame(frame, ["panel", "config", "platform_label", "task", "measured_fps", "predicted_fps", "off_by"])
    scale = alt.Scale(type="log", domain=[low, high])
    x = alt.X("predicted_fps:Q", title="Predicted (inputs/s, log)", scale=scale)
    y = alt.Y("measured_fps:Q", title="Measured (inputs/s, log)", scale=scale)
    diagonal = alt.Chart().mark_rule(color=NEUTRAL, strokeDash=[4, 3]).encode(
        x=alt.XDatum(low, type="quantitative", scale=scale), y=alt.YDatum(low, type="quantitative", scale=scale),
        x2=alt.X2Datum(high), y2=alt.Y2Datum(high))
    points = alt.Chart().mark_point(filled=True, size=32, opacity=0.8).encode(
        x=x, y=y, color=style.platform_color(frame["platform_label"]),
        tooltip=tooltip(("config", "Configuration"), ("measured_fps", "Measured (inputs/s)", ""),
                        ("predicted_fps", "Predicted (inputs/s)", ""), ("off_by", "Off by")),
    )
    chart = (
        alt.layer(diagonal, points, data=named(name))
        .properties(width=230, height=230)
        .facet(facet=alt.Facet("panel:N", sort=[panel_of[m] for m in present], title=None), columns=3)
        .properties(title=alt.Title(title, subtitle="On the dashed diagonal a prediction equals its measurement; "
                                                     "a bound keeps every point on or below it."))
    )
    description = (f"Measured against predicted throughput of {frame['config'].nunique()} measured configurations "
                   f"under {len(present)} models; median factor off: "
                   + ", ".join(f"{m} x{math.exp(medians[m]):.2f}" for m in present) + ".")
    return chart_spec(chart, name, data, description)
