"""What every chart shares: its result, the site style, labels, the one tooltip helper,
data-driven toggles and zoom.

A chart function is pure: tidy frame(s) in, :class:`ChartSpec` out. The spec refers to its
data by **name** (``{"data": {"name": ...}}``); the page ships each named dataset once and
the browser joins them (``site.js``). ``ChartSpec.data`` is the exact frame behind that
name, rounded for display, and is also the chart's download CSV: one source for both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from altair.utils.schemapi import SchemaBase

from generator.charts import theme  # noqa: F401  (registers and enables the site's Altair theme)
from generator.charts.reading import Reading
from generator.charts.spec import ChartSpec
from generator.formatting import fmt_compact, fmt_pct, is_missing
from generator.frames import platform_label
from generator.memo import Memo


DISPLAY_DIGITS = 6  # significant digits of numbers in chart data (the tables keep nine)


# --- drawing a chart through the memo ------------------------------------------------------


def draw(memo: Memo | None, chart: Callable[..., ChartSpec], *args: Any, label: str = "") -> ChartSpec:
    """``chart(*args)``: a chart function's result, kept in ``memo`` (when given) under a key
    of its name and arguments, so an unchanged chart costs a memo read, not Altair's
    assembly. ``label`` names it in what the build reports.

    The chart is assembled with Altair's validation at every step turned off (its "debug
    mode", which roughly halves a chart's cost); the tests validate every finished spec
    against the Vega-Lite schema instead."""
    def assemble() -> ChartSpec:
        with alt.utils.schemapi.debug_mode(False):
            return chart(*args)

    if memo is None:
        return assemble()
    key = memo.key("chart", f"{chart.__module__}.{chart.__qualname__}", list(args))
    def parts() -> tuple[dict[str, Any], str, pd.DataFrame, str, str]:
        made = assemble()
        return made.spec, made.name, made.data, made.description, made.reading

    spec, name, data, description, reading = memo.remember("charts", key, parts, label=label or chart.__name__)
    return ChartSpec(spec=spec, name=name, data=data, description=description, reading=reading)


# --- checking input ---------------------------------------------------------------------


def require_rows(frame: pd.DataFrame, what: str) -> None:
    """Fail loudly on an empty frame: the caller only draws charts that have data."""
    if frame is None or len(frame) == 0:
        raise ValueError(f"{what}: empty frame, nothing to chart")


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}")


# --- labels --------------------------------------------------------------------------------


def _names(frame: pd.DataFrame, name_col: str, id_col: str) -> list[str]:
    """Each row's name, or its id where it has none, as text (plain lists: a label is made
    per row, and a pandas operation per column costs more than the rows here)."""
    ids = frame[id_col].tolist()
    if name_col not in frame.columns:
        return [str(i) for i in ids]
    return [str(i) if is_missing(n) else str(n) for n, i in zip(frame[name_col].tolist(), ids)]


def platform_labels(frame: pd.DataFrame) -> pd.Series:
    """``Jetson TX2 maxn`` (name + mode), or just the name for a single-mode platform."""
    names = _names(frame, "platform_name", "platform")
    modes = ["" if is_missing(m) else str(m) for m in frame["mode"].tolist()] if "mode" in frame.columns \
        else [""] * len(frame)
    return pd.Series([platform_label(n, m) for n, m in zip(names, modes)], index=frame.index, dtype=object)


def variant_labels(frame: pd.DataFrame) -> pd.Series:
    """``ResNet-50 50%``: network name + pruning level, and `` †`` when the network has a
    note (``network_note``, see ``site.notes``): every chart label and tooltip shows it."""
    names = _names(frame, "network_name", "network")
    noted = (frame["network_note"].fillna("").astype(str) != "").tolist() if "network_note" in frame.columns \
        else [False] * len(frame)
    return pd.Series([f"{n} {fmt_pct(p)}" + (" †" if mark else "")
                      for n, p, mark in zip(names, frame["pruning_pct"].tolist(), noted)], index=frame.index, dtype=object)


def with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """``platform_label``, ``variant_label`` and ``config`` added (configuration frames)."""
    out = frame.copy()
    out["platform_label"] = platform_labels(out)
    out["variant_label"] = variant_labels(out)
    out["config"] = out["platform_label"] + " " + out["precision"].astype(str) + " · " + out["variant_label"]
    return out


# Row labels are wrapped, never cut: a label becomes lines of at most ``LINE_CHARS``
# characters (a phone's label column), joined by a newline that the axis' ``labelExpr``
# splits into lines. Only spaces change, so wrapped labels stay as unique as their text;
# tooltips keep the one-line text.
LINE_CHARS = 30
LINE_PX = 12  # one line of a 10 px axis label
LABEL_FONT = 10
LINES_EXPR = "split(datum.value, '\\n')"


def wrap_words(text: str, width: int = LINE_CHARS) -> list[str]:
    """``text`` as lines of at most ``width`` characters, broken at spaces (a longer word
    stays whole on its own line); a `` · `` always starts a new line."""
    lines: list[str] = []
    for part in str(text).split(" · "):
        line = ""
        for word in part.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return [line for line in lines if line] or [""]


def wrapped(values: Iterable[Any], width: int = LINE_CHARS) -> list[str]:
    """Each value's text wrapped into lines joined by newlines (see ``LINES_EXPR``)."""
    return ["\n".join(wrap_words(str(v), width)) for v in values]


def line_count(labels: Iterable[str]) -> int:
    """The most lines of any wrapped label (at least 1)."""
    return max((str(label).count("\n") + 1 for label in labels), default=1)


def row_step(labels: Iterable[str], mark_px: int = 14) -> int:
    """A band's height: the wrapped label's lines, and at least ``mark_px`` for the mark."""
    return max(mark_px, line_count(labels) * LINE_PX + 3)


def title_lines(text: str, width: int = 22) -> list[str]:
    """An axis title as lines (Vega-Lite draws a list as lines): the value axis of a chart
    with a wide label column is narrow on a phone, and a one-line title would run past it."""
    return wrap_words(text, width)


def wrapped_axis(**kwds: Any) -> alt.Axis:
    """An axis whose labels are wrapped values (``wrapped``), drawn whole: one line per
    line of text and no length limit (the label column is as wide as the longest line)."""
    return alt.Axis(labelExpr=LINES_EXPR, labelLimit=0, labelFontSize=LABEL_FONT, labelLineHeight=LINE_PX,
                    **kwds)


# --- data for display ----------------------------------------------------------------------


def sort_frame(frame: pd.DataFrame, by: Sequence[str], ascending: Sequence[bool] | bool = True) -> pd.DataFrame:
    """Stable explicit sort, so the embedded data never depends on input row order."""
    cols = [c for c in by if c in frame.columns]
    if not isinstance(ascending, bool):
        ascending = [a for c, a in zip(by, ascending) if c in frame.columns]
    return frame.sort_values(cols, kind="mergesort", ascending=ascending).reset_index(drop=True)


def _round_sig(values: np.ndarray, digits: int = DISPLAY_DIGITS) -> np.ndarray:
    out = values.astype(float).copy()
    finite = np.isfinite(out) & (out != 0)
    magnitude = np.floor(np.log10(np.abs(out[finite])))
    scale = 10.0 ** (digits - 1 - magnitude)
    out[finite] = np.round(out[finite] * scale) / scale
    return out


def display_frame(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Only ``columns`` (all by default), floats at ``DISPLAY_DIGITS`` significant digits,
    booleans as booleans, text as text, missing as None: what the chart embeds and offers."""
    picked = frame[list(columns)] if columns is not None else frame
    index = pd.RangeIndex(len(picked))
    data: dict[Any, pd.Series] = {}
    for position, col in enumerate(picked.columns):
        series = picked.iloc[:, position]
        if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_integer_dtype(series.dtype):
            values = series.to_numpy(dtype=object)  # Python bools and ints
            missing = series.isna().to_numpy()
            if missing.any():
                values[missing] = None
            data[col] = pd.Series(values, index=index, dtype=object, copy=False)
        elif pd.api.types.is_float_dtype(series.dtype):
            data[col] = pd.Series(_round_sig(series.to_numpy(dtype=float)), index=index, copy=False)
        else:  # object dtype: pandas' string dtype would turn None into NaN
            data[col] = pd.Series([None if is_missing(v) else str(v) for v in series.tolist()], index=index,
                                  dtype=object)
    out = pd.DataFrame(data, index=index)
    out.columns = picked.columns
    return out


class _AssembledLayers(alt.LayerChart):
    """A layer chart as Altair assembled it, serialized as it is."""

    def __init__(self, *args: Any, **kwds: Any) -> None:
        SchemaBase.__init__(self, *args, **kwds)


class _AssembledFacet(alt.FacetChart):
    """A facet chart as Altair assembled it, serialized as it is."""

    def __init__(self, *args: Any, **kwds: Any) -> None:
        SchemaBase.__init__(self, *args, **kwds)


def assembled(chart: Any) -> Any:
    """``chart`` for ``to_dict``: the same chart, whose copies skip the layer assembly.

    Altair's ``to_dict`` copies a chart through its constructor, and the constructors of
    layer and facet charts assemble their layers again (deep copies of every layer, their
    parameters lifted anew): as much work as drawing the chart. The assembled parts are
    kept as they are instead, so the spec is the same (``tests/test_charts.py`` compares
    every chart's spec with Altair's own ``to_dict``) at half the cost."""
    if isinstance(chart, alt.LayerChart):
        return _AssembledLayers(**{**chart._kwds, "layer": [assembled(layer) for layer in chart.layer]})
    if isinstance(chart, alt.FacetChart):
        return _AssembledFacet(**{**chart._kwds, "spec": assembled(chart.spec)})
    return chart


def chart_spec(chart: alt.Chart | alt.LayerChart | alt.FacetChart, name: str, data: pd.DataFrame, description: str,
               toggles: Sequence[Toggle] = (), reading: Reading | None = None) -> ChartSpec:
    """The finished spec (theme applied, no inline data, not re-validated by Altair: the
    tests validate every spec against the Vega-Lite schema) with its dataset and check boxes."""
    chart.description = description  # in place: ``properties`` would rebuild (and copy) every layer
    spec = assembled(chart).to_dict(validate=False)
    spec.pop("datasets", None)
    if toggles:
        spec.setdefault("params", []).extend(t.param() for t in toggles)
    return ChartSpec(spec=spec, name=name, data=data, description=description,
                     reading=reading.sentence() if reading else "")


def rows_height(rows: int, step: int) -> int:
    """The pixel height of ``rows`` bands of ``step`` px: a chart whose width follows its
    container needs a fixed height (a step height would make Vega-Lite drop "fit-y")."""
    return max(1, rows) * step


def named(name: str) -> alt.NamedData:
    return alt.NamedData(name=name)


# --- tooltips, toggles, zoom -----------------------------------------------------------------

FMT_VALUE = ",.4~r"  # numbers in tooltips: 4 significant digits, thousands separators


def tooltip(*fields: tuple) -> list[alt.Tooltip]:
    """The one tooltip helper: ``(field, title)`` for text, ``(field, title, format)`` for
    numbers (``""`` = the default 4 significant digits). Only fields the data fills belong
    here, so a tooltip never shows an empty line."""
    out = []
    for entry in fields:
        name, title = entry[0], entry[1]
        if len(entry) == 2:
            out.append(alt.Tooltip(f"{name}:N", title=title))
        else:
            out.append(alt.Tooltip(f"{name}:Q", title=title, format=entry[2] or FMT_VALUE))
    return out


@dataclass(frozen=True)
class Toggle:
    """A check box that shows or hides the rows with one value (a top-level parameter)."""

    value: str
    name: str

    def param(self) -> dict[str, Any]:
        return {"name": self.name, "value": True, "bind": {"input": "checkbox", "name": self.value}}


def checkbox_params(values: Iterable[Any], prefix: str) -> list[Toggle]:
    """One checked checkbox per value (in the given order, duplicates dropped). They are
    added to the finished spec by ``chart_spec`` (plain Vega-Lite parameters: assembling
    them through Altair's layer machinery costs a copy of every layer per parameter)."""
    unique = list(dict.fromkeys(str(v) for v in values if not is_missing(v)))
    return [Toggle(value, f"show_{prefix}_{i}") for i, value in enumerate(unique)]


def checkbox_filter(field_name: str, toggles: Sequence[Toggle]) -> str:
    """Vega expression: the row's ``field_name`` value has its checkbox ticked."""
    ref = f"datum[{json.dumps(field_name)}]"
    terms = [f"({ref} === {json.dumps(t.value)} && {t.name})" for t in toggles]
    return "(" + " || ".join(terms) + ")" if terms else "true"


# The wheel scrolls the page: it zooms a chart only with Ctrl or Cmd held (a trackpad's pinch
# arrives as a wheel event with ctrlKey set), and only then is the event consumed ("!").
ZOOM_EVENTS = "wheel![event.ctrlKey || event.metaKey]"
# Only a mouse pans: a finger's drag stays the page's scroll (Chromium ends a touch gesture it
# scrolls with pointercancel, never pointerup, so a touch drag would never end).
PAN_EVENTS = "[pointerdown[event.pointerType === 'mouse'], window:pointerup] > window:pointermove!"

# What a figure with zoom says to its reader (under the chart, only when JavaScript runs), from the same
# events: with a mouse or trackpad, and on a touch screen (the page shows the one that fits the device).
ZOOM_HELP = ("Zoom: Ctrl + wheel (⌘ + wheel on a Mac) or a pinch on a trackpad; drag with a mouse to pan; "
             "double-click or “Reset zoom” restores the view. The wheel alone scrolls the page; hover over a mark "
             "for its values.")
ZOOM_HELP_TOUCH = ("A swipe scrolls the page and leaves the chart as it is; tap a mark for its values, tap "
                   "elsewhere to close them (zooming needs a mouse or trackpad).")


def zoom() -> alt.Parameter:
    """Zoom and pan, opt-in: Ctrl/Cmd + wheel (or a trackpad pinch) zooms, a mouse drag pans,
    double-click or the figure's "Reset zoom" button restores; the domains are clamped to
    the unzoomed view (``output.compile``). The words readers see come from ``interaction_help``."""
    return alt.selection_interval(bind="scales", name="zoom", zoom=ZOOM_EVENTS, translate=PAN_EVENTS)


def pick_config() -> alt.Parameter:
    """Highlight configurations by clicking a mark (shift-click for more, double-click to reset)."""
    return alt.selection_point(name="pick", fields=["config"], on="click", clear="dblclick")


def leaders(frame: pd.DataFrame, value: str, label: str, unit: str, n: int = 2, largest: bool = True) -> str:
    """``fastest: A (1.2k inputs/s), B (900 inputs/s)``-style words for a description."""
    values, labels = frame[value].tolist(), frame[label].tolist()
    rows = sorted((i for i, v in enumerate(values) if not is_missing(v)), key=values.__getitem__,
                  reverse=largest)  # stable either way: ties keep their order
    picked: dict[Any, Any] = {}
    for i in rows:
        if len(picked) == n:
            break
        picked.setdefault(labels[i], values[i])
    return ", ".join(f"{name} ({fmt_compact(v)} {unit})".rstrip() for name, v in picked.items())
