"""Charts of the measurements: latency vs throughput, boxplots, Pareto fronts, efficiency.

A configuration (one network variant at one precision on one platform mode) is drawn in
its platform's colour, with its precision's shape or dash; the network is named in its
label, its tooltip or a direct label. Charts show per-configuration aggregates (medians
over repeats, box statistics), so a page grows with configurations, not with runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

import altair as alt
import pandas as pd

from generator.charts.common import (
    Toggle,
    chart_spec,
    checkbox_filter,
    checkbox_params,
    display_frame,
    leaders,
    named,
    pick_config,
    require_columns,
    require_rows,
    row_step,
    rows_height,
    sort_frame,
    title_lines,
    tooltip,
    with_labels,
    wrap_words,
    wrapped,
    wrapped_axis,
    zoom,
)
from generator.charts.reading import Control, Key, Reading
from generator.charts.spec import ChartSpec
from generator.charts.theme import Style
from generator.formatting import fmt_compact
from generator.records import CONFIG_KEY

ANOMALY = "#B00020"  # marks a measurement above its compute peak (and only that)


def _ordered(frame: pd.DataFrame, style: Style, *then: str) -> pd.DataFrame:
    """Rows by platform (site order), precision (file order), network, pruning descending."""
    out = frame.copy()
    out["_plat"] = out["platform_label"].map({p: i for i, p in enumerate(style.platform_order)}).fillna(999)
    out["_prec"] = out["precision"].map({p: i for i, p in enumerate(style.precisions)}).fillna(999)
    out["_prune"] = -out["pruning_pct"]
    out = sort_frame(out, ["_plat", "_prec", "network_name", "_prune", *then])
    return out.drop(columns=["_plat", "_prec", "_prune"])


def _platform_toggles(frame: pd.DataFrame, style: Style) -> list[Toggle]:
    names = frame.drop_duplicates("platform_name")
    order = {p: i for i, p in enumerate(style.platform_order)}
    names = names.assign(_o=names["platform_label"].map(order).fillna(999)).sort_values(["_o", "platform_name"])
    return checkbox_params(names["platform_name"], "platform")


# --- latency vs throughput -------------------------------------------------------------------

SWEEP_POINT = Key({"type": "point", "filled": True, "size": 30}, "one batch size (hover it for the run)")
PLATFORM_BOXES = Control("checkbox", "show_platform_", "platforms")


SWEEP_PANEL_PX = (300, 220)  # a panel's width and height (the page fits the width to the screen)


@dataclass(frozen=True)
class Panels:
    """How small multiples are laid out: ``columns`` of panels ``width`` x ``height`` px.
    The default is a desktop's; a phone's (390 px) is ``PHONE_PANELS``."""

    columns: int = 2
    width: int = SWEEP_PANEL_PX[0]
    height: int = SWEEP_PANEL_PX[1]

    def title(self, text: str, subtitle: str) -> alt.Title:
        """Title and subtitle as lines no wider than the panels (a facet chart is as wide as
        its title)."""
        px = self.columns * self.width
        return alt.Title(wrap_words(text, max(24, int(px / 9))), subtitle=wrap_words(subtitle, max(40, int(px / 6.6))))


DESKTOP_PANELS = Panels()
PHONE_PANELS = Panels(columns=1, width=290, height=200)
NETWORK_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A7C0C", "#332288", "#882255", "#8C5A2B",
                  "#1F8FA6", "#5B8C11", "#B8680A", "#4D4D4D")  # network variants within a panel


def sweep_reading(what: str) -> Reading:
    """Lines over a batch sweep, one per configuration (latency, energy, inputs/s per W)."""
    return Reading(
        keys=(Key({"type": "line"}, f"one configuration through its batch sizes ({what})"), SWEEP_POINT),
        encodings=("one panel per platform mode", "colour = network variant", "dash and shape = precision"),
        controls=(PLATFORM_BOXES, Control("click", "pick", "a point")))


def sweep_chart(drawn: pd.DataFrame, style: Style, name: str, shown: str, x: alt.X, y: alt.Y,
                tips: list[alt.Tooltip], title: str, reading: Reading, panels: Panels = DESKTOP_PANELS
                ) -> alt.FacetChart:
    """Small multiples of a batch sweep: one panel per platform mode (so its modes and
    platforms never share a panel), one line per configuration coloured by its network
    variant, dash and shape by precision. ``shown``: the filter of
    the rows drawn (the platform check boxes included). Network and precision are read
    off colour and dash without hovering: a panel holds a few lines, not all of them."""
    pick = pick_config()
    dim = alt.OpacityValue(**alt.when(pick).then(alt.value(0.95)).otherwise(alt.value(0.12)))
    variants = list(dict.fromkeys(sort_frame(drawn.assign(_prune=-drawn["pruning_pct"]),
                                             ["network_name", "_prune"])["variant_label"]))
    color = alt.Color("variant_label:N", title="Network", scale=alt.Scale(
        domain=variants, range=[NETWORK_COLORS[i % len(NETWORK_COLORS)] for i in range(len(variants))]),
        legend=alt.Legend(columns=2, symbolType="stroke", labelLimit=0))
    base = alt.Chart().transform_filter(shown)
    lines = base.mark_line().encode(x=x, y=y, color=color, strokeDash=style.precision_dash(drawn["precision"]),
                                    detail=alt.Detail("config:N"), order=alt.Order("batch:Q"), opacity=dim)
    points = base.mark_point(**SWEEP_POINT.props()).encode(
        x=x, y=y, color=color, shape=style.precision_shape(drawn["precision"]), opacity=dim, tooltip=tips,
    ).add_params(pick, zoom())
    order = style.platforms_in(drawn["platform_label"])
    return (
        alt.layer(lines, points, data=named(name)).properties(width=panels.width, height=panels.height)
        .facet(facet=alt.Facet("platform_label:N", sort=order, title=None), columns=panels.columns)
        .properties(title=panels.title(title, reading.sentence()))
    )



def latency_throughput_chart(batches: pd.DataFrame, style: Style, name: str,
                             title: str = "Latency against throughput over the batch sweep",
                             panels: Panels = DESKTOP_PANELS) -> ChartSpec:
    """One line per configuration through its batch sizes: median throughput (x, log) and
    median latency (y, log) over repeated runs.

    ``batches``: ``model.experiments.batch_medians`` rows of one task with names joined.
    Click a line to highlight it; boxes below show or hide platforms; scroll to zoom.
    """
    require_rows(batches, "latency_throughput_chart")
    require_columns(batches, (*CONFIG_KEY, "platform_name", "network_name", "batch", "fps_comp", "lat_comp_ms"),
                    "latency_throughput_chart")
    frame = _ordered(with_labels(batches), style, "batch")
    drawn = frame.dropna(subset=["fps_comp", "lat_comp_ms"])
    require_rows(drawn, "latency_throughput_chart (runs with throughput and latency)")
    toggles = _platform_toggles(drawn, style)
    shown = f"isValid(datum.fps_comp) && isValid(datum.lat_comp_ms) && {checkbox_filter('platform_name', toggles)}"
    x = alt.X("fps_comp:Q", title="Throughput (inputs/s, log)", scale=alt.Scale(type="log", padding=12))
    y = alt.Y("lat_comp_ms:Q", title="Latency (ms, log)", scale=alt.Scale(type="log", padding=12))
    tips = tooltip(("config", "Configuration"), ("batch", "Batch", "d"), ("fps_comp", "Throughput (inputs/s)", ""),
                   ("lat_comp_ms", "Latency (ms)", ""), ("runs", "Runs", "d"))
    reading = sweep_reading("median of repeated runs")
    chart = sweep_chart(drawn, style, name, shown, x, y, tips, title, reading, panels)
    data = display_frame(frame, ["config", "platform_label", "platform_name", "variant_label", "precision", "batch",
                                 "fps_comp",
                                 "lat_comp_ms", "runs"])
    best = drawn.sort_values("fps_comp", ascending=False).drop_duplicates("config")
    description = (f"Latency against throughput of {drawn['config'].nunique()} configurations over "
                   f"{drawn['batch'].nunique()} batch sizes ({len(drawn)} points, medians over repeats). Fastest: "
                   f"{leaders(best, 'fps_comp', 'config', 'inputs/s')}.")
    return chart_spec(chart, name, data, description, toggles, reading)


# --- boxplots -------------------------------------------------------------------------------


def boxplot_chart(boxes: pd.DataFrame, style: Style, name: str, quantity: str, unit: str) -> ChartSpec:
    """One horizontal Tukey box per configuration (network included), on a log axis.

    ``boxes``: ``model.stats.box_stats`` rows of one metric by ``CONFIG_KEY`` with names
    joined, plus ``outliers`` rows (``part`` = "box" | "outlier", value in ``value``). The
    statistics are computed in Python, so the chart draws exactly the documented rule.
    """
    require_rows(boxes, "boxplot_chart")
    require_columns(boxes, (*CONFIG_KEY, "platform_name", "network_name", "part", "q1", "median", "q3",
                            "whisker_low", "whisker_high", "n", "value"), "boxplot_chart")
    frame = _ordered(with_labels(boxes), style, "part", "value")
    frame["row"] = wrapped(frame["config"])
    rows = list(dict.fromkeys(frame.loc[frame["part"] == "box", "row"]))
    data = display_frame(frame, ["part", "config", "row", "platform_label", "precision", "n", "q1", "median", "q3",
                                 "whisker_low", "whisker_high", "value"])
    y = alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis())  # data order: sorted above
    x_title = f"{quantity} ({unit}, log)"
    scale = alt.Scale(type="log")
    color = style.platform_color(frame["platform_label"])
    stats = tooltip(("config", "Configuration"), ("n", "Runs", "d"), ("median", f"Median ({unit})", ""),
                    ("q1", "Q1", ""), ("q3", "Q3", ""), ("whisker_low", "Whisker low", ""),
                    ("whisker_high", "Whisker high", ""))
    box = alt.Chart(named(name)).transform_filter("datum.part === 'box'")
    whiskers = box.mark_rule(strokeWidth=1.2).encode(
        y=y, x=alt.X("whisker_low:Q", title=title_lines(x_title), scale=scale), x2=alt.X2("whisker_high:Q"), color=color)
    bodies = box.mark_bar(size=11, opacity=0.85).encode(y=y, x=alt.X("q1:Q", scale=scale), x2=alt.X2("q3:Q"),
                                                        color=color, tooltip=stats)
    medians = box.mark_tick(color="#222222", thickness=2, size=13).encode(
        y=y, x=alt.X("median:Q", scale=scale), tooltip=stats)  # dark: visible on the box and without one
    outliers = alt.Chart(named(name)).transform_filter("datum.part === 'outlier'").mark_point(
        size=18, filled=False).encode(y=y, x=alt.X("value:Q", scale=scale), color=color,
                                      tooltip=tooltip(("config", "Configuration"), ("value", f"Outlier ({unit})", "")))
    chart = alt.layer(whiskers, bodies, medians, outliers,
        width="container", height=rows_height(len(rows), row_step(rows)),
        title=alt.Title(f"{quantity} per configuration", subtitle="Box: quartiles and median of the configuration's "
                                                                  "runs (batch sweep and repeats); whiskers: 1.5 IQR; "
                                                                  "circles: outliers."))
    boxes_only = frame[frame["part"] == "box"]
    description = (f"Boxplots of {quantity.lower()} ({unit}) of {len(rows)} configurations, one box each over "
                   f"its runs. Highest median: {leaders(boxes_only, 'median', 'config', unit)}.")
    return chart_spec(chart, name, data, description)


# --- Pareto fronts ------------------------------------------------------------------------------


def front_transforms(chart: alt.Chart, x: str, y: str, groupby: list[str]) -> alt.Chart:
    """Add ``on_front`` (true: no shown point has x and y at least as high, one higher), per
    ``groupby``, computed in the browser from the rows that pass the filters before it.

    Rows are sorted by x, then y, descending; ``best_so_far`` is the running maximum of y
    and ``best_before`` the previous row's (Vega's window with frame ``[null, -1]`` does not
    give the maximum of the preceding rows, so the running maximum is lagged by one row).
    Exact duplicates share the decision of their first copy (``best_group``), as
    ``model.pareto.pareto_front`` does.
    """
    order: list[alt.SortField | dict[str, str]] = [alt.SortField(x, order="descending"),
                                                   alt.SortField(y, order="descending")]
    return (
        chart.transform_window(best_so_far=f"max({y})", frame=[None, 0], ignorePeers=True, sort=order,
                               groupby=groupby)
        .transform_window(best_before="lag(best_so_far)", sort=order, groupby=groupby)
        .transform_calculate(best_before="isValid(datum.best_before) ? datum.best_before : -1e300")
        .transform_joinaggregate(best_group="min(best_before)", groupby=[*groupby, x, y])
        .transform_calculate(on_front=f"datum[{json.dumps(y)}] > datum.best_group")
    )


def front_labels(base: alt.Chart, x: alt.X, y: alt.Y) -> list[alt.Chart]:
    """The labels of the front's points, naming platform, precision and network. Where Vega
    runs in the browser, its label transform places each beside its point where it overlaps
    no other label, point or line, and leaves out a label that has no such place (``LABELS``:
    the compile step sets it up). A static figure keeps the places drawn here: left of their
    point, so none runs past the plot's right edge (the slowest, leftmost one right of it), in
    two lines, alternately above and below along the front, so neighbours do not share a side."""
    ranked = (base.transform_window(front_rank="row_number()", sort=[alt.SortField("fps", order="descending")],
                                    groupby=["on_front"])
              .transform_joinaggregate(front_count="count()", groupby=["on_front"])
              .transform_calculate(label_dy="datum.front_rank % 2 === 1 ? -12 : 12",
                                   last="datum.on_front && datum.front_rank === datum.front_count"))
    out = []
    places: tuple[tuple[str, str, Literal["left", "right"], int], ...] = (
        ("front_labels", "!datum.last", "right", -6), ("front_label_last", "datum.last", "left", 6))
    for name, test, align, dx in places:
        mine = ranked.transform_calculate(label=f"{test} ? split(datum.front_label, ' · ') : ''")
        for layer, paint in ((f"{name}_halo", {"color": "white", "stroke": "white", "strokeWidth": 3}),
                             (name, {"color": "#222222"})):  # a white halo keeps a label legible over lines
            out.append(mine.mark_text(align=align, dx=dx, dy=alt.ExprRef("datum.label_dy"), baseline="middle",
                                      fontSize=9, lineHeight=10, **paint).encode(
                x=x, y=y, text=alt.Text("label:N")).properties(name=layer))
    return out


# The text layers Vega's label transform places in the browser (``output.compile.place_labels``):
# layer -> [the layer whose points it labels, the field of their rows it shows (None: none, the
# layer only serves static figures)].
LABELS = {"front_labels": ["front_points", "front_label"], "front_labels_halo": ["front_points", None],
          "front_label_last": ["front_points", None], "front_label_last_halo": ["front_points", None]}


PARETO_POINT = Key({"type": "point", "filled": True, "size": 60}, "a measured configuration (its best run)")


def pareto_chart(points: pd.DataFrame, style: Style, name: str,
                 title: str = "Accuracy against throughput: the Pareto front of the measurements") -> ChartSpec:
    """Measured configurations (best run's throughput, top-1) and their Pareto front.

    ``points``: ``model.experiments.pareto_points`` rows of kind "measured" with names
    joined. The front is recomputed in the browser from the platforms shown (check boxes),
    so unticking a platform shows the front of what remains; front points are labelled.
    """
    require_rows(points, "pareto_chart")
    require_columns(points, (*CONFIG_KEY, "platform_name", "network_name", "fps", "top1_pct"), "pareto_chart")
    frame = _ordered(with_labels(points), style)
    toggles = _platform_toggles(frame, style)
    data = display_frame(frame, ["config", "platform_label", "platform_name", "precision", "variant_label", "fps",
                                 "top1_pct", "batch"])
    x = alt.X("fps:Q", title="Throughput (inputs/s, log)", scale=alt.Scale(type="log"))
    y = alt.Y("top1_pct:Q", title="Top-1 accuracy (%)", scale=alt.Scale(zero=False))
    base = front_transforms(alt.Chart(named(name)).transform_filter(checkbox_filter("platform_name", toggles)),
                            "fps", "top1_pct", []).transform_calculate(front_label="datum.on_front ? datum.config : ''")
    front = base.transform_filter("datum.on_front").mark_line(color="#222222", interpolate="step-after",
                                                              strokeWidth=1.5).encode(
        x=x, y=y, order=alt.Order("fps:Q"))
    dots = base.mark_point(**PARETO_POINT.props()).encode(
        x=x, y=y, color=style.platform_color(frame["platform_label"]), shape=style.precision_shape(frame["precision"]),
        tooltip=tooltip(("config", "Configuration"), ("fps", "Throughput (inputs/s)", ""), ("top1_pct", "Top-1 (%)", ""),
                        ("batch", "Batch", "d")),
    ).add_params(zoom()).properties(name="front_points")
    labels = front_labels(base, x, y)
    reading = Reading(keys=(PARETO_POINT, Key({"type": "line", "interpolate": "step-after"},
                                              "the Pareto front of the platforms shown, its points labelled where a label fits")),
                      encodings=("colour = platform", "shape = precision"), controls=(PLATFORM_BOXES,))
    chart = alt.layer(front, dots, *labels, width="container", height=420, name="pareto", usermeta={"labels": LABELS},
                      title=alt.Title(title, subtitle=reading.sentence()))
    on_front = frame[frame["on_front"]] if "on_front" in frame.columns else frame.iloc[:0]
    description = (f"Top-1 accuracy against throughput of {len(frame)} measured configurations; "
                   f"{len(on_front)} on the Pareto front: "
                   + "; ".join(f"{config} ({fmt_compact(fps)} inputs/s, {top1:.3g}%)" for config, fps, top1 in
                               on_front.sort_values("fps")[["config", "fps", "top1_pct"]].itertuples(index=False))
                   + ".")
    return chart_spec(chart, name, data, description, toggles, reading)


def pareto_overlap_chart(points: pd.DataFrame, style: Style, name: str,
                         title: str = "Predicted and measured Pareto fronts") -> ChartSpec:
    """Predicted (hollow) and measured (filled) points per configuration, joined by a thin
    line where both exist, with both fronts computed in the browser from what is shown.

    ``points``: ``model.experiments.pareto_points`` rows (both kinds) with names joined.
    """
    require_rows(points, "pareto_overlap_chart")
    require_columns(points, (*CONFIG_KEY, "kind", "platform_name", "network_name", "fps", "top1_pct"),
                    "pareto_overlap_chart")
    frame = _ordered(with_labels(points), style, "kind")
    pairs = frame.pivot_table(index="config", columns="kind", values=["fps", "top1_pct"], aggfunc="first")
    pairs = pairs.dropna()
    links = pd.DataFrame({"config": pairs.index, "kind": "link",
                          "fps": pairs[("fps", "predicted")].to_numpy(), "top1_pct": pairs[("top1_pct", "predicted")].to_numpy(),
                          "fps_measured": pairs[("fps", "measured")].to_numpy(),
                          "top1_measured": pairs[("top1_pct", "measured")].to_numpy()})
    links = links.merge(frame.drop_duplicates("config")[["config", "platform_label", "platform_name", "precision"]],
                        on="config", how="left")
    both = pd.concat([frame, links], ignore_index=True)
    data = display_frame(both, ["kind", "config", "platform_label", "platform_name", "precision", "fps", "top1_pct",
                                "fps_measured", "top1_measured"])
    toggles = _platform_toggles(frame, style)
    shown = checkbox_filter("platform_name", toggles)
    x = alt.X("fps:Q", title="Throughput (inputs/s, log)", scale=alt.Scale(type="log"))
    y = alt.Y("top1_pct:Q", title="Top-1 accuracy (%)", scale=alt.Scale(zero=False))
    color = style.platform_color(frame["platform_label"])
    base = alt.Chart(named(name)).transform_filter(shown)
    link = base.transform_filter("datum.kind === 'link'").mark_rule(strokeWidth=0.8, opacity=0.5).encode(
        x=x, y=y, x2=alt.X2("fps_measured:Q"), y2=alt.Y2("top1_measured:Q"), color=color)
    marks = front_transforms(base.transform_filter("datum.kind !== 'link'"), "fps", "top1_pct", ["kind"])
    fronts = marks.transform_filter("datum.on_front").mark_line(interpolate="step-after", strokeWidth=1.5).encode(
        x=x, y=y, order=alt.Order("fps:Q"),
        strokeDash=alt.StrokeDash("kind:N", title="Pareto front", scale=alt.Scale(
            domain=["measured", "predicted"], range=[[], [5, 3]]),
            legend=alt.Legend(symbolType="stroke", symbolStrokeColor="#222222")),
        color=alt.ColorValue("#222222"), detail=alt.Detail("kind:N"))
    tips = tooltip(("config", "Configuration"), ("kind", "Kind"), ("fps", "Throughput (inputs/s)", ""),
                   ("top1_pct", "Top-1 (%)", ""))
    shape = style.precision_shape(frame["precision"])
    measured_key = Key({"type": "point", "filled": True, "size": 55}, "measured (the configuration's best run)")
    predicted_key = Key({"type": "point", "filled": False, "size": 55, "strokeWidth": 1.6},
                        "predicted by the default model")
    measured_dots = marks.transform_filter("datum.kind === 'measured'").mark_point(**measured_key.props()).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tips).add_params(zoom())
    predicted_dots = marks.transform_filter("datum.kind === 'predicted'").mark_point(**predicted_key.props()).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tips)
    reading = Reading(
        keys=(measured_key, predicted_key,
              Key({"type": "rule"}, "joins a configuration's predicted and measured points"),
              Key({"type": "line"}, "the Pareto fronts of the platforms shown (legend: measured solid, predicted "
                                    "dashed)")),
        encodings=("colour = platform (a configuration's two points share it)", "shape = precision"),
        controls=(PLATFORM_BOXES,))
    chart = alt.layer(link, fronts, predicted_dots, measured_dots,
        width="container", height=440, name="overlap", title=alt.Title(title, subtitle=reading.sentence()))
    measured = frame[frame["kind"] == "measured"]
    description = (f"{len(measured)} measured and {int((frame['kind'] == 'predicted').sum())} predicted "
                   f"configurations, accuracy against throughput, with both Pareto fronts; {len(links)} "
                   "configurations exist as both.")
    return chart_spec(chart, name, data, description, toggles, reading)


# --- efficiency ----------------------------------------------------------------------------------


PEAK_BAR = "M0,-1L0,1"  # a vertical bar, as a point shape


def efficiency_reading(model: str, calibrated: bool) -> Reading:
    """The efficiency chart's marks (peak, prediction, calibrated prediction, measurement:
    in this order), their legend and the sentence the page prints."""
    keys = [Key({"type": "point", "shape": PEAK_BAR, "filled": False, "size": 240, "strokeWidth": 3,
                 "color": "#8A8A8A"}, "theoretical peak", colour="in grey"),
            Key({"type": "point", "shape": "diamond", "filled": False, "size": 70, "color": "#222222"},
                f"{model} prediction")]
    if calibrated:
        keys.append(Key({"type": "point", "shape": "triangle-down", "filled": True, "size": 28, "color": "#222222"},
                        "calibrated prediction"))
    keys.append(Key({"type": "point", "shape": "circle", "filled": True, "size": 60, "opacity": 1},
                    "measurement", colour="in the platform's colour"))
    return Reading(keys=tuple(keys), encodings=("right of the plot: measured / predicted in %",
                                                "a red outline and label: measured above the peak"))


def efficiency_chart(efficiency: pd.DataFrame, style: Style, name: str, model: str,
                     title: str = "Measured throughput against the prediction and the peak") -> ChartSpec:
    """Per configuration, on one log axis: the theoretical peak (grey tick), the prediction
    of ``model`` (hollow diamond), the calibrated prediction when given (small bar) and the
    measurement (filled point, platform colour) labelled with measured / predicted in %.
    A measurement above the compute peak is drawn and labelled as an anomaly.

    ``efficiency``: ``model.experiments.efficiency`` rows of one task with names joined
    (optional ``calibrated_fps``).
    """
    require_rows(efficiency, "efficiency_chart")
    require_columns(efficiency, (*CONFIG_KEY, "platform_name", "network_name", "peak_fps", "predicted_fps",
                                 "measured_fps", "efficiency_pct", "above_peak"), "efficiency_chart")
    frame = _ordered(with_labels(efficiency), style)
    frame["above_peak"] = frame["above_peak"].fillna(False).astype(bool)
    frame["label"] = [f"{fmt_compact(e)}%" + (" above peak!" if a else "")
                      for e, a in zip(frame["efficiency_pct"], frame["above_peak"])]
    if "calibrated_fps" not in frame.columns:
        frame["calibrated_fps"] = float("nan")
    frame["row"] = wrapped(frame["config"])
    rows = list(frame["row"])
    data = display_frame(frame, ["config", "row", "platform_label", "precision", "peak_fps", "predicted_fps",
                                 "calibrated_fps", "measured_fps", "efficiency_pct", "above_peak", "label", "batch"])
    y = alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis())  # data order: sorted above
    reading = efficiency_reading(model, bool(frame["calibrated_fps"].notna().any()))
    keys = {key.means: key for key in reading.keys}
    scale = alt.Scale(type="log")
    shape = alt.Scale(domain=list(keys), range=[key.mark["shape"] for key in keys.values()])
    legend = alt.Legend(title="Marks", orient="bottom", columns=1, symbolFillColor="transparent",
                        symbolStrokeColor="#222222", symbolStrokeWidth=1.5, labelLimit=0)
    tips = tooltip(("config", "Configuration"), ("measured_fps", "Measured (inputs/s)", ""),
                   ("predicted_fps", f"Predicted, {model} (inputs/s)", ""), ("peak_fps", "Peak (inputs/s)", ""),
                   ("calibrated_fps", "Calibrated prediction (inputs/s)", ""),
                   ("efficiency_pct", "Measured / predicted (%)", ".3~r"), ("batch", "Batch (measured)", "d"))
    base = alt.Chart(named(name))

    def layer(key: Key, field: str, first: bool = False, **encoding: Any) -> alt.Chart:
        chart = base.transform_filter(f"isValid(datum.{field})") if field == "calibrated_fps" else base
        return chart.transform_calculate(mark_kind=json.dumps(key.means)).mark_point(
            **{k: v for k, v in key.mark.items() if k != "type"}).encode(
            y=y, x=alt.X(f"{field}:Q", scale=scale, title=title_lines("Throughput (inputs/s, log)") if first else None),
            shape=alt.Shape("mark_kind:N", scale=shape, legend=legend),
            tooltip=tips, **encoding)

    means = list(keys)
    predicted = layer(keys[means[1]], "predicted_fps", first=True)
    calibrated = [layer(keys[means[2]], "calibrated_fps")] if len(means) > 3 else []
    peak = layer(keys[means[0]], "peak_fps")  # drawn over the diamond: a peak equal to the prediction shows
    measured = layer(keys[means[-1]], "measured_fps", color=style.platform_color(frame["platform_label"]),
                     stroke=alt.StrokeValue(**alt.when(alt.datum.above_peak).then(alt.value(ANOMALY))
                                            .otherwise(alt.value("white"))),
                     strokeWidth=alt.StrokeWidthValue(**alt.when(alt.datum.above_peak).then(alt.value(2.5))
                                                      .otherwise(alt.value(0.5))))
    # The labels stand in a column right of the plot, beside every marker and on none.
    labels = base.mark_text(align="left", dx=6, fontSize=10).encode(
        y=y, x=alt.XValue({"expr": "width"}), text=alt.Text("label:N"),
        color=alt.ColorValue(**alt.when(alt.datum.above_peak).then(alt.value(ANOMALY)).otherwise(alt.value("#222222"))))
    chart = alt.layer(predicted, *calibrated, peak, measured, labels,
        width="container", height=rows_height(len(rows), row_step(rows, 18)),
        title=alt.Title(title, subtitle=reading.sentence()))
    anomalies = frame[frame["above_peak"]]
    description = (f"Measured throughput of {len(frame)} configurations against their {model} prediction and peak; "
                   f"median efficiency {fmt_compact(frame['efficiency_pct'].median())}%; "
                   f"{len(anomalies)} measured above the compute peak"
                   + (": " + "; ".join(anomalies["config"]) if len(anomalies) else "") + ".")
    return chart_spec(chart, name, data, description, reading=reading)
