"""Charts of power: mean board power, energy per inference, inputs/s per watt, power traces.

Inputs are the frames of ``generator.model.power``; display
names (``platform_name``, ``network_name``) are used when the caller joined them, ids
otherwise.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from generator.records import CONFIG_KEY
from generator.charts.common import (
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
    require_columns,
    require_rows,
    sort_frame,
    sorted_values,
    tooltip_number,
)

GLITCH = "glitch (removed)"
X_MARK = "M-1,-1L1,1M1,-1L-1,1"  # an "x" symbol path (Vega symbol shapes accept SVG paths)
# Above this many configurations a colour legend is longer than the chart: names go to tooltips.
MAX_LEGEND_ENTRIES = 40


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["platform_label"] = platform_labels(out)
    out["config"] = config_labels(out)
    for name, ident in (("platform_name", "platform"), ("network_name", "network")):
        if name not in out.columns:
            out[name] = out[ident].astype(str)
    return out


def _config_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Configurations by platform, precision, network, then pruning level descending."""
    out = frame.assign(_prune=-frame["pruning_pct"])
    out = sort_frame(out, ["platform_label", "precision", "network_name", "_prune", "batch", "repeat"])
    return out.drop(columns="_prune")


def power_chart(summary: pd.DataFrame, title: str = "Mean board power under load per configuration") -> alt.LayerChart:
    """Mean full-load power (W) per configuration: one bar each, coloured by platform.

    ``summary``: ``model.power.power_summary`` rows (names optional).
    """
    require_rows(summary, "power_chart")
    require_columns(summary, (*CONFIG_KEY, "power_full_w_mean"), "power_chart")
    frame = summary[summary["power_full_w_mean"].notna()]
    require_rows(frame, "power_chart (configurations with power_full_w_mean)")
    frame = _config_order(_labelled(frame))
    frame["power_label"] = [format_sig(v) + " W" for v in frame["power_full_w_mean"]]
    rows = list(dict.fromkeys(frame["config"]))
    platforms = sorted_values(frame["platform_label"])
    frame = clean_frame(frame)

    extra = [tooltip_number("power_full_w_mean", "Mean full power (W)")]
    if "runs" in frame.columns:
        extra.insert(0, alt.Tooltip("runs:Q", title="Runs"))
    if "energy_mj_mean" in frame.columns:
        extra.append(tooltip_number("energy_mj_mean", "Mean energy (mJ/input)"))
    if "fps_per_w_max" in frame.columns:
        extra.append(tooltip_number("fps_per_w_max", "Best inputs/s per W"))
    base = alt.Chart(frame).encode(
        y=alt.Y("config:N", title=None, sort=rows, axis=alt.Axis(labelLimit=340)),
        x=alt.X("power_full_w_mean:Q", title="Mean full power (W)"),
        tooltip=config_tooltips(extra),
    )
    bars = base.mark_bar().encode(
        color=alt.Color("platform_label:N", title="Platform", scale=color_scale(platforms)))
    text = base.mark_text(align="left", dx=3, fontSize=10, color="#333").encode(text="power_label:N")
    chart = alt.layer(bars, text).properties(width="container", height=alt.Step(16), title=title)
    return finish(chart)


def _batch_chart(runs: pd.DataFrame, value: str, y_title: str, tooltip_title: str, title: str,
                 what: str) -> alt.LayerChart:
    """One line per configuration over the batch size (log2), repeats averaged; runs as points."""
    require_rows(runs, what)
    require_columns(runs, (*CONFIG_KEY, "batch", value), what)
    frame = runs[runs[value] > 0]
    require_rows(frame, f"{what} (runs with {value})")
    frame = _config_order(_labelled(frame))
    configs = sorted_values(frame["config"])
    frame = clean_frame(frame)
    toggles = checkbox_params(frame["platform_name"], "platform")
    pick = pick_config()
    legend = None if len(configs) > MAX_LEGEND_ENTRIES else alt.Legend(
        title="Configuration", orient="bottom", columns=2 if len(configs) > 8 else 1, labelLimit=360)
    color = alt.Color("config:N", scale=color_scale(configs), legend=legend)
    x = alt.X("batch:Q", title="Batch size (inputs per call, log2)", scale=alt.Scale(type="log", base=2))
    y = alt.Y(f"{value}:Q", title=y_title, scale=alt.Scale(type="log"))
    dim = alt.condition(pick, alt.value(0.9), alt.value(0.08))
    base = alt.Chart(frame).transform_filter(checkbox_filter("platform_name", toggles))
    lines = base.transform_aggregate(**{value: f"mean({value})"}, groupby=["config", "batch"]).mark_line(
        strokeWidth=1.5).encode(x=x, y=y, color=color, order="batch:Q", opacity=dim)
    extra = [alt.Tooltip("batch:Q", title="Batch"), tooltip_number(value, tooltip_title)]
    for col, name in (("fps_comp", "Throughput (inputs/s)"), ("power_full_w", "Full power (W)")):
        if col != value and col in frame.columns:
            extra.append(tooltip_number(col, name))
    points = base.mark_point(filled=True, size=36).encode(
        x=x, y=y, color=color, opacity=dim, tooltip=config_tooltips(extra)).add_params(pick)
    chart = alt.layer(lines, points).add_params(*[p for _, p in toggles]).properties(
        width="container", height=400,
        title=alt.Title(title, subtitle="One line per configuration (mean over repeats). " + PICK_HINT),
    )
    return finish(chart)


def energy_chart(runs: pd.DataFrame, title: str = "Energy per inference") -> alt.LayerChart:
    """Energy per input (mJ, log) over batch size, one line per configuration.

    ``runs``: ``model.power.power_runs`` rows (names optional).
    """
    return _batch_chart(runs, "energy_mj", "Energy per input (mJ, log)", "Energy (mJ/input)", title,
                        "energy_chart")


def fps_per_watt_chart(runs: pd.DataFrame, title: str = "Throughput per watt") -> alt.LayerChart:
    """Inputs/s per W (log) over batch size, one line per configuration.

    ``runs``: ``model.power.power_runs`` rows (names optional).
    """
    return _batch_chart(runs, "fps_per_w", "Throughput per watt (inputs/s per W, log)", "Inputs/s per W", title,
                        "fps_per_watt_chart")


def power_trace_chart(
    kept: pd.DataFrame,
    removed: pd.DataFrame | None = None,
    title: str = "Power over time",
    columns: int = 1,
) -> alt.FacetChart:
    """Power (W) over time (s), one panel per platform mode, one colour per network.

    ``kept``/``removed``: ``model.power.clean_trace`` output (trace columns; names
    optional). The idle board (network "") is shown as "idle". Removed glitch samples are
    drawn as small red x marks (tooltip "glitch (removed)") when ``removed`` has rows.
    """
    require_rows(kept, "power_trace_chart")
    cols = ("platform", "mode", "network", "time_s", "power_w")
    require_columns(kept, cols, "power_trace_chart (kept)")
    parts = [kept.assign(sample="kept")]
    if removed is not None and len(removed):
        require_columns(removed, cols, "power_trace_chart (removed)")
        parts.append(removed.assign(sample=GLITCH))
    data = pd.concat(parts, ignore_index=True)
    data["panel"] = platform_labels(data)
    names = data["network_name"].astype(object) if "network_name" in data.columns else data["network"]
    names = names.where(names.notna() & (names != ""), data["network"]).fillna("").astype(str)
    data["network_label"] = [n if n else "idle" for n in names]
    # Traces are long: ship only what is drawn, power rounded to the mW (float noise of V x A).
    data = data[["panel", "network_label", "sample", "time_s", "power_w"]].assign(power_w=data["power_w"].round(3))
    data = clean_frame(sort_frame(data, ["panel", "network_label", "sample", "time_s"]))
    networks = sorted_values(data["network_label"])
    panels = sorted_values(data["panel"])

    x = alt.X("time_s:Q", title="Time (s)")
    y = alt.Y("power_w:Q", title="Power (W)")
    tooltip = [
        alt.Tooltip("panel:N", title="Platform"),
        alt.Tooltip("network_label:N", title="Network"),
        tooltip_number("time_s", "Time (s)"),
        tooltip_number("power_w", "Power (W)"),
        alt.Tooltip("sample:N", title="Sample"),
    ]
    lines = alt.Chart().transform_filter("datum.sample === 'kept'").mark_line(strokeWidth=1.2).encode(
        x=x, y=y, color=alt.Color("network_label:N", title="Network", scale=color_scale(networks)),
        detail="network_label:N", order="time_s:Q", tooltip=tooltip)
    layers = [lines]
    if GLITCH in set(data["sample"]):
        layers.append(alt.Chart().transform_filter(f"datum.sample === '{GLITCH}'").mark_point(
            filled=False, color="#d62728", size=30, strokeWidth=1.5).encode(
            x=x, y=y, tooltip=tooltip,
            shape=alt.Shape("sample:N", title="Removed", scale=alt.Scale(domain=[GLITCH], range=[X_MARK]),
                            legend=alt.Legend(symbolStrokeColor="#d62728", symbolStrokeWidth=1.5))))
    chart = (
        alt.layer(*layers, data=data)
        .properties(width=700, height=200)
        .facet(facet=alt.Facet("panel:N", sort=panels, title=None), columns=columns)
        .properties(title=alt.Title(title, subtitle="One panel per platform mode; idle = board without a network."))
    )
    return finish(chart)
