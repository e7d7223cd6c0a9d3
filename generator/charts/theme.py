"""The site's look, decided once: the Altair theme, and one colour per platform (and mode),
one colour, shape and dash per precision, the same on every chart of every page.

**Platforms.** Each platform gets a hue from ``PALETTE`` (colour-blind-friendly hues of the
Okabe-Ito and Tol sets, darkened where needed so every one has at least 3:1 contrast on
white, as thin lines and small points need). The hue's slot is chosen from a hash of the
platform id, taking the next free slot when it is taken, platforms in file order: a
platform added at the end of ``platforms.yaml`` never changes the colour of another. An
optional ``color:`` in ``platforms.yaml`` pins a platform's colour. The modes of one
platform (the same device at other clocks) are darker shades of its hue.

**Precisions** follow their order in ``precisions.yaml``: the i-th precision has the i-th
shape, dash pattern and colour.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd

from generator.frames import platform_label
from generator.records import kind_order

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#8A7C0C",  # olive (yellow, darkened)
    "#332288",  # indigo
    "#882255",  # wine
    "#8C5A2B",  # brown
    "#1F8FA6",  # cyan (darkened)
    "#5B8C11",  # lime (darkened)
    "#B8680A",  # orange (darkened)
)
NEUTRAL = "#6B6B6B"  # network intensities, removed samples, diagonals: never a platform
MODE_DARKEN = (0.0, 0.38, 0.62, 0.72, 0.8)  # shade of the i-th mode of a platform
MIN_CONTRAST = 3.0

PRECISION_SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge")
PRECISION_DASHES = ((), (6, 3), (2, 2), (8, 3, 2, 3), (12, 4), (1, 4), (4, 1, 1, 1))  # the first solid: an empty pattern ([1, 0] made Chromium dash a zoomed-in line at 1 px, seconds per notch)
PRECISION_COLORS = ("#5B3A8E", "#2E6DB4", "#1B8A6B", "#B35C00", "#A3243B", "#4D4D4D", "#7A5195")

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_on_white(color: str) -> float:
    return 1.05 / (relative_luminance(color) + 0.05)


def darken(color: str, amount: float) -> str:
    """``color`` mixed with ``amount`` (0..1) of black."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c * (1 - amount)):02X}" for c in channels)


# Vega's continuous "viridis" scheme: these colours, interpolated piecewise in RGB (as
# vega-scale builds its continuous schemes), so Python knows the colour of every heatmap cell.
_VIRIDIS_HEX = ("440154470e61481a6c482575472f7d443a834144873d4e8a39568c35608d31688e2d708e2a788e27818e23888e"
                "21918d1f988b1fa08822a8842ab07f35b77943bf7154c56866cc5d7ad1518fd744a5db36bcdf27d2e21be9e51afde725")
VIRIDIS = tuple("#" + _VIRIDIS_HEX[i:i + 6] for i in range(0, len(_VIRIDIS_HEX), 6))
TEXT_DARK, TEXT_LIGHT = "#000000", "#FFFFFF"


def scheme_color(t: float, stops: Sequence[str] = VIRIDIS) -> str:
    """The colour at ``t`` (0..1) of a scheme given by evenly spaced ``stops`` (d3's piecewise
    RGB interpolation, rounded to whole channels as d3 does)."""
    t = min(1.0, max(0.0, t))
    n = len(stops) - 1
    i = min(n - 1, int(t * n))
    f = t * n - i
    a = [int(stops[i][k:k + 2], 16) for k in (1, 3, 5)]
    b = [int(stops[i + 1][k:k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * f):02X}" for x, y in zip(a, b))


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever contrasts more with ``background`` (always at least 4.58:1)."""
    return TEXT_DARK if contrast(background, TEXT_DARK) >= contrast(background, TEXT_LIGHT) else TEXT_LIGHT


def platform_hues(platforms: Sequence[str], pinned: dict[str, str] | None = None) -> dict[str, str]:
    """Platform id -> hue: ``pinned`` ones as given, the others by hashed slot (see the module doc)."""
    pinned = {k: v.upper() for k, v in (pinned or {}).items() if v}
    taken = set(pinned.values())
    hues = dict(pinned)
    for platform in platforms:
        if platform in hues:
            continue
        free = [c for c in PALETTE if c not in taken] or list(PALETTE)
        start = zlib.crc32(platform.encode("utf-8")) % len(PALETTE)
        for offset in range(len(PALETTE)):
            candidate = PALETTE[(start + offset) % len(PALETTE)]
            if candidate in free:
                break
        hues[platform] = candidate
        taken.add(candidate)
    return hues


def platform_mode_colors(platforms: pd.DataFrame) -> pd.DataFrame:
    """One row per (platform, mode) of the platforms frame with its ``color``.

    ``platforms``: ``frames.platforms_frame`` (file order), with an optional ``color``
    column (``platforms.yaml``'s pinned colour, empty when not set).
    """
    modes = platforms.drop_duplicates(["platform", "mode"])[["platform", "mode"]].reset_index(drop=True)
    pinned = {}
    if "color" in platforms.columns:
        pinned = {p: c for p, c in zip(platforms["platform"], platforms["color"]) if isinstance(c, str) and c}
    hues = platform_hues(list(dict.fromkeys(modes["platform"])), pinned)
    position = modes.groupby("platform", sort=False).cumcount()
    modes["color"] = [darken(hues[p], MODE_DARKEN[min(i, len(MODE_DARKEN) - 1)])
                      for p, i in zip(modes["platform"], position)]
    return modes


def precision_styles(precisions: Sequence[str]) -> pd.DataFrame:
    """One row per precision (file order) with its ``shape``, ``dash`` and ``color``."""
    n = len(precisions)
    return pd.DataFrame({
        "precision": list(precisions),
        "shape": [PRECISION_SHAPES[i % len(PRECISION_SHAPES)] for i in range(n)],
        "dash": [list(PRECISION_DASHES[i % len(PRECISION_DASHES)]) for i in range(n)],
        "color": [PRECISION_COLORS[i % len(PRECISION_COLORS)] for i in range(n)],
    })


THEME_CONFIG: dict = {
    "font": FONT,
    "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12, "subtitleColor": "#4A4A4A",
              "offset": 8},
    "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 180, "gridColor": "#E6E6E6",
             "titleColor": "#333333", "labelColor": "#333333", "labelOverlap": True},
    "legend": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 220, "symbolLimit": 0,
               "orient": "bottom", "direction": "horizontal", "columns": 0, "titleOrient": "top",
               "labelColor": "#333333"},
    "header": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 300, "labelFontWeight": "bold"},
    "view": {"stroke": "#D0D0D0", "continuousHeight": 320},
    "point": {"size": 45, "strokeWidth": 1.6},
    "line": {"strokeWidth": 1.8},
    "text": {"fontSize": 10, "color": "#222222"},
    "tick": {"thickness": 2},
    "range": {"category": list(PALETTE)},
}


@alt.theme.register("qutibench", enable=True)
def site_theme() -> alt.theme.ThemeConfig:
    """The site's Altair theme, registered and enabled when this module is imported."""
    return {"config": THEME_CONFIG}  # type: ignore[typeddict-item]


@dataclass(frozen=True)
class Style:
    """Site-wide encodings: one colour per platform mode, one shape/dash/colour per precision.
    Plain data (decided before any chart is drawn); its methods give the Altair scales and
    channels the charts use."""

    platform_colors: dict[str, str]  # platform label ("Jetson TX2 maxn") -> colour
    platform_order: tuple[str, ...]  # labels in display order (kind, name, mode)
    precisions: tuple[str, ...]  # file order
    precision_shapes: dict[str, str] = field(default_factory=dict)
    precision_dashes: dict[str, list[int]] = field(default_factory=dict)
    precision_colors: dict[str, str] = field(default_factory=dict)

    def platforms_in(self, labels: Iterable[Any]) -> list[str]:
        present = {str(v) for v in labels}
        return [p for p in self.platform_order if p in present] + sorted(present - set(self.platform_order))

    def precisions_in(self, values: Iterable[Any]) -> list[str]:
        present = {str(v) for v in values}
        return [p for p in self.precisions if p in present] + sorted(present - set(self.precisions))

    def platform_scale(self, labels: Iterable[Any]) -> alt.Scale:
        domain = self.platforms_in(labels)
        return alt.Scale(domain=domain, range=[self.platform_colors.get(p, NEUTRAL) for p in domain])

    def shape_scale(self, precisions: Iterable[Any]) -> alt.Scale:
        domain = self.precisions_in(precisions)
        return alt.Scale(domain=domain, range=[self.precision_shapes.get(p, "circle") for p in domain])

    def dash_scale(self, precisions: Iterable[Any]) -> alt.Scale:
        domain = self.precisions_in(precisions)
        return alt.Scale(domain=domain, range=[self.precision_dashes.get(p, []) for p in domain])

    def precision_color_scale(self, precisions: Iterable[Any]) -> alt.Scale:
        domain = self.precisions_in(precisions)
        return alt.Scale(domain=domain, range=[self.precision_colors.get(p, NEUTRAL) for p in domain])

    def platform_color(self, labels: Iterable[Any], title: str = "Platform") -> alt.Color:
        return alt.Color("platform_label:N", title=title, scale=self.platform_scale(labels),
                         legend=alt.Legend(columns=2, symbolType="circle"))

    def precision_shape(self, precisions: Iterable[Any]) -> alt.Shape:
        return alt.Shape("precision:N", title="Precision", scale=self.shape_scale(precisions))

    def precision_dash(self, precisions: Iterable[Any]) -> alt.StrokeDash:
        return alt.StrokeDash("precision:N", title="Precision", scale=self.dash_scale(precisions),
                              legend=alt.Legend(symbolType="stroke", symbolStrokeColor="#333333"))


def site_style(platform_colors: pd.DataFrame, platforms: pd.DataFrame, precisions: Sequence[str]) -> Style:
    """The Style of a data set: colours of ``theme.platform_mode_colors``, platforms listed
    by kind, name and mode (``platforms``: the platforms frame), precisions in file order."""
    modes = platforms.drop_duplicates(["platform", "mode"]).drop(columns=["color"], errors="ignore")
    modes = modes.merge(platform_colors, on=["platform", "mode"])  # pinned colours are in platform_colors
    modes = modes.assign(_k=[kind_order(k) for k in modes["kind"]], label=[
        platform_label(n, m) for n, m in zip(modes["platform_name"], modes["mode"])])
    order = modes.sort_values(["_k", "platform_name", "platform"], kind="mergesort")
    styles = precision_styles(list(precisions))
    return Style(
        platform_colors=dict(zip(order["label"], order["color"])),
        platform_order=tuple(order["label"]),
        precisions=tuple(precisions),
        precision_shapes=dict(zip(styles["precision"], styles["shape"])),
        precision_dashes=dict(zip(styles["precision"], styles["dash"])),
        precision_colors=dict(zip(styles["precision"], styles["color"])),
    )
