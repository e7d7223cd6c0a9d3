"""Shared chart helpers: stable colours, labels, number formats, data-driven toggles, theme.

Every chart function in this package is a pure function frame(s) -> Altair chart. The
helpers here keep the charts consistent and deterministic: colour domains are the sorted
data values (the same data gives the same colours, whatever the row order), checkboxes are
generated from the values present in the data, and rows are sorted explicitly before they
are embedded.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from generator.frames import platform_label

# Colour palette indexed by position in the sorted domain: strong colours first, then their
# light companions, then cycled. Fixed list, so colours never depend on build order.
PALETTE: tuple[str, ...] = (
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2",
    "#b279a2", "#eeca3b", "#9d755d", "#ff9da6", "#79706e",
    "#9ecae9", "#ffbf79", "#88d27a", "#ff9d98", "#2f6f6a",
    "#d6a5c9", "#b79a20", "#d8b5a5", "#c51b7d", "#393b79",
    "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    "#e6550d", "#31a354", "#756bb1", "#636363", "#17becf",
    "#bcbd22", "#8c564b", "#e377c2", "#aec7e8", "#98df8a",
    "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5",
)
# Dash patterns indexed by position in the sorted domain (solid first).
DASHES: tuple[tuple[int, ...], ...] = ((1, 0), (6, 3), (2, 2), (8, 3, 2, 3), (12, 4), (1, 4), (4, 1, 1, 1))
# Shapes indexed by position in the sorted domain.
SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge")

FMT_VALUE = ",.4~r"  # tooltip numbers: 4 significant digits, thousands separators
FMT_PCT = ".3~r"  # percentages: 3 significant digits
STATIC_WIDTH_PX = 820  # numeric width substituted for "container" when rendering offline

# Theme applied to every top-level chart (``finish``).
CONFIG: dict[str, Any] = {
    "font": "Helvetica, Arial, sans-serif",
    "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12, "subtitleColor": "#555"},
    "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 260, "gridColor": "#e6e6e6"},
    "legend": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 320, "symbolLimit": 0},
    "header": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 320},
    "view": {"stroke": "#cccccc", "continuousHeight": 320, "continuousWidth": 400},
    "tick": {"thickness": 2},
}


# --- checking input ---------------------------------------------------------------------


def require_rows(frame: pd.DataFrame, what: str) -> None:
    """Fail loudly on an empty frame: the caller only draws charts that have data."""
    if frame is None or len(frame) == 0:
        raise ValueError(f"{what}: empty frame, nothing to chart")


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}")


# --- values, scales, labels ---------------------------------------------------------------


def sorted_values(values: Iterable[Any]) -> list[str]:
    """Sorted unique non-null values as strings: the domain of every categorical scale."""
    return sorted({str(v) for v in values if not _is_missing(v)})


def _is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _cycle(items: Sequence[Any], n: int) -> list[Any]:
    return [items[i % len(items)] for i in range(n)]


def color_scale(domain: Sequence[str], palette: Sequence[str] = PALETTE) -> alt.Scale:
    """Categorical colour scale; colour i of the palette for the i-th domain value."""
    return alt.Scale(domain=list(domain), range=_cycle(palette, len(domain)))


def dash_scale(domain: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(domain), range=[list(d) for d in _cycle(DASHES, len(domain))])


def shape_scale(domain: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(domain), range=_cycle(SHAPES, len(domain)))


def format_sig(value: float, digits: int = 3) -> str:
    """Compact label with ``digits`` significant digits: 0.523, 52.3, 523, 5.23k, 1.2M.

    Computed in Python (not with d3's SI format) so that 0.5 reads "0.5", not "500m".
    """
    if _is_missing(value):
        return ""
    if value == 0:
        return "0"
    for factor, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor * 0.9995:
            return _sig(value / factor, digits) + suffix
    return _sig(value, digits)


def _sig(value: float, digits: int) -> str:
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = f"{round(value, decimals):.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def pruning_label(pruning_pct: float) -> str:
    """``100%``, ``12.5%``: percent of channels kept."""
    return f"{float(pruning_pct):g}%"


def _names(frame: pd.DataFrame, name_col: str, id_col: str) -> pd.Series:
    """Display names when the caller joined them, else the ids."""
    if name_col in frame.columns:
        names = frame[name_col].astype(object)
        return names.where(names.notna(), frame[id_col]).astype(str)
    return frame[id_col].astype(str)


def platform_labels(frame: pd.DataFrame) -> pd.Series:
    """``Jetson TX2 maxn`` (name + mode), or just the name for a single-mode platform."""
    names = _names(frame, "platform_name", "platform")
    modes = frame["mode"].fillna("").astype(str) if "mode" in frame.columns else pd.Series("", index=frame.index)
    return pd.Series([platform_label(n, m) for n, m in zip(names, modes)], index=frame.index, dtype=object)


def variant_labels(frame: pd.DataFrame) -> pd.Series:
    """``ResNet-50 50%``: network name + pruning level."""
    names = _names(frame, "network_name", "network")
    return pd.Series(
        [f"{n} {pruning_label(p)}" for n, p in zip(names, frame["pruning_pct"])], index=frame.index, dtype=object
    )


def config_labels(frame: pd.DataFrame) -> pd.Series:
    """``Jetson TX2 maxn FP16 · ResNet-50 50%``: one label per measured configuration."""
    return pd.Series(
        [f"{p} {prec} · {v}" for p, prec, v in zip(platform_labels(frame), frame["precision"], variant_labels(frame))],
        index=frame.index,
        dtype=object,
    )


PICK_HINT = ("Click a point or a legend entry to highlight its configuration (shift-click for more, "
             "double-click to reset); tick the boxes below to show or hide platforms.")


def pick_config() -> alt.Parameter:
    """Highlight configurations from the legend and by clicking marks.

    A legend-bound selection ignores clicks on marks unless ``on`` is given; with many
    configurations the legend is hidden, so clicking a point must work too.
    """
    return alt.selection_point(name="pick_config", fields=["config"], bind="legend", on="click", clear="dblclick")


def config_tooltips(extra: list) -> list:
    """Tooltip fields naming a configuration, then ``extra`` (its measured values)."""
    return [
        alt.Tooltip("config:N", title="Configuration"),
        alt.Tooltip("platform_name:N", title="Platform"),
        alt.Tooltip("mode:N", title="Mode"),
        alt.Tooltip("precision:N", title="Precision"),
        alt.Tooltip("network_name:N", title="Network"),
        alt.Tooltip("pruning_pct:Q", title="Pruning (% kept)", format="~g"),
        *extra,
    ]


def sort_frame(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Stable explicit sort, so the embedded data never depends on input row order."""
    cols = [c for c in by if c in frame.columns]
    return frame.sort_values(cols, kind="mergesort").reset_index(drop=True)


def clean_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Column types Altair serialises to valid JSON (null, never NaN) under pandas 3.

    Altair (6.3) turns missing values of plain ``object`` columns into NaN under pandas 3,
    which is not valid JSON. So object columns become float (numbers only) or the pandas
    string dtype (anything else, missing kept missing); categories become strings. Nullable
    Int64/boolean columns are left as they are (Altair maps <NA> to null).
    """
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        if series.dtype != object:
            continue
        present = [v for v in series if not _is_missing(v)]
        if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
            out[col] = pd.to_numeric(series, errors="coerce").astype(float)
        elif all(isinstance(v, (bool, np.bool_)) for v in present) and present and series.notna().all():
            out[col] = series.astype(bool)
        else:
            out[col] = pd.Series([None if _is_missing(v) else str(v) for v in series], index=series.index,
                                 dtype="str")
    return out


# --- checkbox toggles derived from the data -----------------------------------------------


def checkbox_params(values: Iterable[Any], prefix: str) -> list[tuple[str, alt.Parameter]]:
    """One checked checkbox per sorted unique value; the checkbox label is the value itself.

    Parameter names are ``show_<prefix>_<i>`` (valid Vega identifiers whatever the value).
    """
    return [
        (value, alt.param(name=f"show_{prefix}_{i}", value=True, bind=alt.binding_checkbox(name=value)))
        for i, value in enumerate(sorted_values(values))
    ]


def checkbox_filter(field: str, toggles: Sequence[tuple[str, alt.Parameter]]) -> str:
    """Vega expression: the row's ``field`` value has its checkbox ticked."""
    ref = f"datum[{json.dumps(field)}]"
    terms = [f"({ref} === {json.dumps(value)} && {param.name})" for value, param in toggles]
    return "(" + " || ".join(terms) + ")" if terms else "true"


def all_of(*expressions: str) -> str:
    return " && ".join(expressions) if expressions else "true"


# --- finishing and offline rendering ------------------------------------------------------


def finish(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the shared theme; call once on the top-level chart."""
    return chart.configure(**CONFIG)


def tooltip_number(field: str, title: str, fmt: str = FMT_VALUE) -> alt.Tooltip:
    return alt.Tooltip(f"{field}:Q", title=title, format=fmt)


def for_static_render(spec: dict[str, Any], width_px: int = STATIC_WIDTH_PX) -> dict[str, Any]:
    """Copy of a spec with every ``"width": "container"`` replaced by ``width_px``.

    vl-convert (PNG/SVG export, tests) has no HTML container to measure.
    """
    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (width_px if k == "width" and v == "container" else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(copy.deepcopy(spec))


def vl_version() -> str:
    """Vega-Lite version string for vl-convert, from Altair's schema (``v6.4.1`` -> ``6.4``)."""
    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
