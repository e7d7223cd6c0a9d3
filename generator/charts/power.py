"""Charts of power: mean board power, energy per inference, inputs/s per watt, power traces.

Inputs are frames of ``generator.model.power`` and ``generator.model.experiments`` with
display names joined by the caller.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from generator.charts.common import (
    chart_spec,
    checkbox_filter,
    display_frame,
    leaders,
    named,
    pick_config,
    platform_labels,
    require_columns,
    require_rows,
    row_step,
    rows_height,
    title_lines,
    tooltip,
    with_labels,
    wrapped,
    wrapped_axis,
    zoom,
)
from generator.charts.experiments import DESKTOP_PANELS, Panels, _ordered, _platform_toggles, sweep_chart, sweep_reading
from generator.charts.spec import ChartSpec
from generator.charts.theme import NEUTRAL, Style
from generator.formatting import compact_expr
from generator.records import CONFIG_KEY


def power_chart(summary: pd.DataFrame, style: Style, name: str,
                title: str = "Mean board power under load per configuration") -> ChartSpec:
    """Mean full-load power (W, linear axis from 0) per configuration, in platform colours.

    ``summary``: ``model.power.power_summary`` rows of one task with names joined.
    """
    require_rows(summary, "power_chart")
    require_columns(summary, (*CONFIG_KEY, "platform_name", "network_name", "power_full_w_mean", "runs"), "power_chart")
    frame = _ordered(with_labels(summary[summary["power_full_w_mean"].notna()]), style)
    require_rows(frame, "power_chart (configurations with power)")
    frame["row"] = wrapped(frame["config"])
    rows = list(frame["row"])
    data = display_frame(frame, ["config", "row", "platform_label", "precision", "runs", "power_full_w_mean",
                                 "energy_mj_mean", "fps_per_w_max"])
    base = alt.Chart(named(name)).encode(
        y=alt.Y("row:N", title=None, sort=rows, axis=wrapped_axis()),  # data order: sorted above
        # Room right of the longest bar for its printed value ("15.5 W"): the axis runs 30% past it.
        x=alt.X("power_full_w_mean:Q", title=title_lines("Mean full power (W)"),
                scale=alt.Scale(domain=[0, float(frame["power_full_w_mean"].max()) * 1.3])),
        tooltip=tooltip(("config", "Configuration"), ("runs", "Runs", "d"), ("power_full_w_mean", "Mean power (W)", ""),
                        ("energy_mj_mean", "Mean energy (mJ/input)", ""), ("fps_per_w_max", "Best inputs/s per W", "")),
    )
    bars = base.mark_bar(size=11).encode(color=style.platform_color(frame["platform_label"]))
    text = base.transform_calculate(label=compact_expr("power_full_w_mean") + " + ' W'").mark_text(
        align="left", dx=3).encode(text=alt.Text("label:N"))
    chart = alt.layer(bars, text, width="container", height=rows_height(len(rows), row_step(rows)), title=title)
    description = (f"Mean full-load power of {len(frame)} configurations; highest: "
                   f"{leaders(frame, 'power_full_w_mean', 'config', 'W')}; lowest: "
                   f"{leaders(frame, 'power_full_w_mean', 'config', 'W', largest=False)}.")
    return chart_spec(chart, name, data, description)


def _batch_chart(batches: pd.DataFrame, style: Style, name: str, value: str, y_title: str, value_title: str,
                 title: str, what: str, best_largest: bool, panels: Panels = DESKTOP_PANELS) -> ChartSpec:
    """One line per configuration over the batch size (log2) of a per-batch median."""
    require_rows(batches, what)
    require_columns(batches, (*CONFIG_KEY, "platform_name", "network_name", "batch", value), what)
    frame = _ordered(with_labels(batches), style, "batch")
    drawn = frame.dropna(subset=[value])
    drawn = drawn[drawn[value] > 0]
    require_rows(drawn, f"{what} (runs with {value})")
    toggles = _platform_toggles(drawn, style)
    shown = f"isValid(datum[{value!r}]) && datum[{value!r}] > 0 && {checkbox_filter('platform_name', toggles)}"
    # Padding: a configuration measured at one batch size is a point on the domain's edge,
    # drawn whole in its colour, not half clipped on the axis.
    x = alt.X("batch:Q", title="Batch size (inputs per call, log2)", scale=alt.Scale(type="log", base=2, padding=12))
    y = alt.Y(f"{value}:Q", title=y_title, scale=alt.Scale(type="log", padding=12))
    tips = tooltip(("config", "Configuration"), ("batch", "Batch", "d"), (value, value_title, ""),
                   ("fps_comp", "Throughput (inputs/s)", ""), ("runs", "Runs", "d"))
    reading = sweep_reading("median of repeated runs")
    chart = sweep_chart(drawn, style, name, shown, x, y, tips, title, reading, panels)
    data = display_frame(frame, ["config", "platform_label", "platform_name", "variant_label", "precision", "batch",
                                 "fps_comp",
                                 "energy_mj", "energy_above_idle_mj", "fps_per_w", "runs"])
    best = drawn.sort_values(value, ascending=not best_largest).drop_duplicates("config")
    description = (f"{value_title} of {drawn['config'].nunique()} configurations over {drawn['batch'].nunique()} "
                   f"batch sizes; best: {leaders(best, value, 'config', value_title.split('(')[-1].rstrip(')'), largest=best_largest)}.")
    return chart_spec(chart, name, data, description, toggles, reading)


def energy_chart(batches: pd.DataFrame, style: Style, name: str, title: str = "Energy per inference",
                 panels: Panels = DESKTOP_PANELS) -> ChartSpec:
    """Energy per input (mJ, log) over the batch size, per configuration."""
    return _batch_chart(batches, style, name, "energy_mj", "Energy per input (mJ, log)", "Energy (mJ/input)", title,
                        "energy_chart", best_largest=False, panels=panels)


def energy_above_idle_chart(batches: pd.DataFrame, style: Style, name: str,
                            title: str = "Energy per inference above idle", panels: Panels = DESKTOP_PANELS
                            ) -> ChartSpec:
    """Energy per input above the idle power (mJ, log) over the batch size, per configuration
    with an idle reading."""
    return _batch_chart(batches, style, name, "energy_above_idle_mj", "Energy above idle per input (mJ, log)",
                        "Energy above idle (mJ/input)", title, "energy_above_idle_chart", best_largest=False,
                        panels=panels)


def fps_per_watt_chart(batches: pd.DataFrame, style: Style, name: str, title: str = "Throughput per watt",
                       panels: Panels = DESKTOP_PANELS) -> ChartSpec:
    """Inputs/s per W (log) over the batch size, per configuration."""
    return _batch_chart(batches, style, name, "fps_per_w", "Inputs/s per W (log)", "Inputs/s per W", title,
                        "fps_per_watt_chart", best_largest=True, panels=panels)


def power_trace_chart(samples: pd.DataFrame, style: Style, name: str,
                      title: str = "Power over time, one panel per network",
                      panels: Panels = Panels(columns=2, width=280, height=150)) -> ChartSpec:
    """Power (W) over time (s): small multiples per network (and the idle board), one line
    per platform mode in its colour. Removed glitch samples are drawn as neutral triangles
    at the top edge; they do not stretch the y axis.

    ``samples``: ``model.power.trace_display`` rows (``kept`` or ``removed``) with
    ``platform_name`` and ``network_name`` joined.
    """
    require_rows(samples, "power_trace_chart")
    require_columns(samples, ("platform", "mode", "network", "time_s", "power_w", "sample"), "power_trace_chart")
    frame = samples.copy()
    frame["platform_label"] = platform_labels(frame)
    names = frame["network_name"] if "network_name" in frame.columns else frame["network"]
    frame["panel"] = [n if isinstance(n, str) and n else "idle (no network)" for n in names]
    kept = frame[frame["sample"] == "kept"]
    require_rows(kept, "power_trace_chart (kept samples)")
    top = float(kept["power_w"].max()) * 1.08
    order = sorted(set(frame["panel"]) - {"idle (no network)"}) + (
        ["idle (no network)"] if "idle (no network)" in set(frame["panel"]) else [])
    frame = frame.sort_values(["panel", "platform_label", "sample", "time_s"], kind="mergesort")
    # One kept sample per panel also enters the (invisible) removed-sample layer, so that layer
    # has rows in every panel: with each panel's own time axis, an empty layer has no extent.
    first_kept = frame[frame["sample"] == "kept"].drop_duplicates("panel").index
    frame["anchor"] = frame.index.isin(first_kept)
    data = display_frame(frame, ["panel", "platform_label", "sample", "time_s", "power_w", "anchor"])
    x = alt.X("time_s:Q", title="Time (s)")
    y = alt.Y("shown_w:Q", title="Power (W)", scale=alt.Scale(domain=[0, top], nice=False))
    clamp = f"min(datum.power_w, {top!r})"  # a removed glitch is drawn at the top edge
    tips = tooltip(("platform_label", "Platform"), ("panel", "Network"), ("time_s", "Time (s)", ""),
                   ("power_w", "Power (W)", ""), ("sample", "Sample"))
    lines = alt.Chart().transform_filter("datum.sample === 'kept'").transform_calculate(shown_w=clamp).mark_line(
        strokeWidth=1.3).encode(
        x=x, y=y, color=style.platform_color(kept["platform_label"]), detail=alt.Detail("platform_label:N"),
        order=alt.Order("time_s:Q"),
        tooltip=tips)
    removed = alt.Chart().transform_filter("datum.sample === 'removed' || datum.anchor").transform_calculate(
        shown_w=clamp).mark_point(shape="triangle-up", filled=True, color=NEUTRAL, size=40).encode(
        x=x, y=y, tooltip=tips,
        opacity=alt.OpacityValue(**alt.when("datum.sample === 'removed'").then(alt.value(1)).otherwise(alt.value(0))))
    chart = (
        alt.layer(lines, removed, data=named(name))
        .properties(width=panels.width, height=panels.height)
        .facet(facet=alt.Facet("panel:N", sort=order, title=None), columns=panels.columns)
        .resolve_scale(x="independent")  # each trace spans its own panel, not the longest one's
        .properties(title=panels.title(title, "Grey triangles: samples removed as glitches (drawn at the top, "
                                              "their value in the tooltip). Each panel has its own time axis."))
    )
    description = (f"Power traces of {kept['platform_label'].nunique()} platform modes running "
                   f"{len(order)} workloads, {len(kept)} samples shown; "
                   f"{int((frame['sample'] == 'removed').sum())} glitch samples removed; peak kept power "
                   f"{kept['power_w'].max():.3g} W.")
    return chart_spec(chart, name, data, description)
