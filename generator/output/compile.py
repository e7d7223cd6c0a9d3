"""Vega-Lite compiled to Vega when the site is built, so the browser only runs Vega.

Each chart ships as ``{"wide": VEGA, "narrow": PATCH}``: the Vega spec for a figure at least
``NARROW_PX`` wide, and the replacements that turn it into the spec for a phone (derived
from the Vega-Lite spec before compiling: one column of facets, a heatmap without printed
values where its cells are too narrow for them, shorter label limits, legends one below the
other). What depends on the figure's exact width (a facet panel's width, a heatmap's cell
step, the title's line breaks) ``site.js`` sets before drawing.

Zoom: each scale a ``bind: "scales"`` parameter drives gets a twin (``<scale>_home``) that
keeps the unzoomed domain, and every update of the zoom signals is clamped to it: a chart
never zooms out beyond its data's view, nor in beyond a thousandth of it. The signals' names
go into ``usermeta.zoom`` for the "Reset zoom" button.

Labels: the text layers a chart lists in ``usermeta.labels`` are placed by Vega's label
transform, beside the points of another layer and clear of every other mark (``place_labels``).

Data: a named dataset becomes ``{"url": "dataset:NAME"}``, which ``site.js``'s loader answers
from the page's data (in a task of its own, after the one that parses the chart).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from importlib import metadata
from typing import Any

import vl_convert

from generator.memo import Memo

NARROW_PX = 640  # below this figure width site.js draws the narrow variant
NARROW_REFERENCE_PX = 360  # the phone width the narrow variant is laid out for
WIDE_REFERENCE_PX = 700  # the narrowest "wide" figure (a heatmap's cells are sized for it)
LABEL_LIMIT_NARROW = 110
MIN_HEATMAP_STEP = 14
TEXT_MIN_STEP = 34
DATASET = "dataset:"
ZOOM_IN_LIMIT = 1000  # the smallest span: the unzoomed span / this


def walk(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    """``visit`` every dict of a spec, depth first (a dict before what it holds)."""
    if isinstance(node, list):
        for item in node:
            walk(item, visit)
    elif isinstance(node, dict):
        visit(node)
        for value in list(node.values()):
            walk(value, visit)


# --- the Vega-Lite variants ------------------------------------------------------------------


def _heatmap_cells(spec: dict[str, Any]) -> int:
    cells = 0

    def visit(node: dict[str, Any]) -> None:
        nonlocal cells
        x = node.get("x")
        if isinstance(x, dict) and isinstance(x.get("sort"), list):
            cells = max(cells, len(x["sort"]))

    walk(spec, visit)
    return cells


def _is_text_layer(layer: dict[str, Any]) -> bool:
    mark = layer.get("mark")
    return mark == "text" or (isinstance(mark, dict) and mark.get("type") == "text")


def variant(spec: dict[str, Any], narrow: bool) -> dict[str, Any]:
    """The Vega-Lite spec laid out for a phone (``narrow``) or a wider figure."""
    out = copy.deepcopy(spec)
    width = NARROW_REFERENCE_PX if narrow else WIDE_REFERENCE_PX
    # One accessible description per chart (site.js names the SVG by the description generated from
    # the data) instead of one per mark: Vega-Lite's per-mark descriptions made a third of a page's
    # bytes and thousands of aria attributes; the chart's data is offered as CSV next to it.
    out.setdefault("config", {})["aria"] = False
    if "facet" in out and "spec" in out:
        columns = 1 if narrow else max(1, min(out.get("columns") or 2, 3))
        out["columns"] = columns
        if narrow and isinstance(out["spec"].get("height"), (int, float)):
            out["spec"]["height"] = min(out["spec"]["height"], 200)
    step_width = out.get("width")
    if isinstance(step_width, dict) and "step" in step_width:
        cells = max(_heatmap_cells(out), 1)
        room = width - (130 if narrow else 240)
        step = max(MIN_HEATMAP_STEP, min(step_width["step"], room // cells))
        if step < TEXT_MIN_STEP and isinstance(out.get("layer"), list):
            out["layer"] = [layer for layer in out["layer"] if not _is_text_layer(layer)]
        out.setdefault("usermeta", {})["cells"] = cells
    if narrow:
        def visit(node: dict[str, Any]) -> None:
            axis = node.get("axis")
            if isinstance(axis, dict) and axis.get("labelLimit", 0) > LABEL_LIMIT_NARROW:
                axis["labelLimit"] = LABEL_LIMIT_NARROW
            legend = node.get("legend")
            if isinstance(legend, dict) and legend.get("columns"):
                legend["columns"] = 1

        walk(out, visit)
        config = out.setdefault("config", {})
        config["axis"] = {**config.get("axis", {}), "labelLimit": LABEL_LIMIT_NARROW}
        config["legend"] = {**config.get("legend", {}), "columns": 1, "labelLimit": 170,
                            "layout": {"bottom": {"direction": "vertical", "anchor": "start"}}}
    return out


def _deferred_data(spec: dict[str, Any]) -> None:
    """Named data -> ``dataset:NAME`` addresses (answered by site.js's loader)."""
    def visit(node: dict[str, Any]) -> None:
        data = node.get("data")
        if isinstance(data, dict) and isinstance(data.get("name"), str) and set(data) == {"name"}:
            node["data"] = {"url": DATASET + data["name"], "format": {"type": "json"}}

    walk(spec, visit)


# --- zoom limits ------------------------------------------------------------------------------

_DOMAIN_OF = re.compile(r'domain\("([^"]+)"\)')


def _scales(vega: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Every ``scales`` list of the spec (top level and groups)."""
    found: list[list[dict[str, Any]]] = []

    def visit(node: dict[str, Any]) -> None:
        if isinstance(node.get("scales"), list):
            found.append(node["scales"])

    walk(vega, visit)
    return found


def _clamped(update: str, scale: str, log: bool) -> str:
    home = f'domain("{scale}_home")'
    if log:
        lo, hi = f"log({home}[0])", f"log({home}[1])"
        logs = f"[log(({update})[0]), log(({update})[1])]"
        clamp = f"clampRange({logs}, {lo}, {hi})"
        return (f"(log(({update})[1]) - log(({update})[0])) < ({hi} - {lo}) / {ZOOM_IN_LIMIT} ? domain(\"{scale}\") : "
                f"[exp({clamp}[0]), exp({clamp}[1])]")
    return (f"span({update}) < span({home}) / {ZOOM_IN_LIMIT} ? domain(\"{scale}\") : "
            f"clampRange({update}, {home}[0], {home}[1])")


def limit_zoom(vega: dict[str, Any]) -> list[str]:
    """Clamp every scale-bound zoom signal of ``vega`` (in place) to its scale's unzoomed
    domain; the names of those signals."""
    scale_lists = _scales(vega)
    by_name = {scale["name"]: (scales, scale) for scales in scale_lists for scale in scales}
    names: list[str] = []
    twins: set[str] = set()

    def visit(node: dict[str, Any]) -> None:
        for signal in node.get("signals", []) if isinstance(node.get("signals"), list) else []:
            handlers = signal.get("on")
            if not isinstance(handlers, list):
                continue
            zooms = [h for h in handlers if isinstance(h.get("update"), str) and
                     re.match(r"zoom(Linear|Log|Pow|Symlog)\(domain\(", h["update"])]
            if not zooms:
                continue
            match = _DOMAIN_OF.search(zooms[0]["update"])
            if not match or match.group(1) not in by_name:
                continue
            scale_name = match.group(1)
            scales, scale = by_name[scale_name]
            if scale_name not in twins:
                twin = {k: v for k, v in scale.items() if k != "domainRaw"}
                twin["name"] = f"{scale_name}_home"
                scales.append(twin)
                twins.add(scale_name)
            log = scale.get("type") == "log"
            for handler in handlers:
                update = handler.get("update")
                if isinstance(update, str) and update != "null":
                    handler["update"] = _clamped(update, scale_name, log)
            names.append(signal["name"])

    walk(vega, visit)
    return names


# --- compiling ----------------------------------------------------------------------------------


def diff(base: Any, other: Any, path: tuple[Any, ...] = ()) -> list[list[Any]]:
    """``[[path, value], ...]`` that turn ``base`` into ``other`` (a list or mapping that
    differs in shape is replaced whole)."""
    if isinstance(base, dict) and isinstance(other, dict) and base.keys() == other.keys():
        return [change for key in base for change in diff(base[key], other[key], (*path, key))]
    if isinstance(base, list) and isinstance(other, list) and len(base) == len(other):
        return [change for i, (a, b) in enumerate(zip(base, other)) for change in diff(a, b, (*path, i))]
    return [] if base == other else [[list(path), other]]


# Where the label transform may put a label, in order of preference: beside its point, then above or below.
LABEL_ANCHORS = ["left", "right", "top-left", "top-right", "bottom-left", "bottom-right", "top", "bottom"]


def place_labels(vega: dict[str, Any], layers: dict[str, list[str | None]]) -> None:
    """The text layers of ``layers`` (``{label: [anchor, field]}``, Vega-Lite layer names)
    placed by Vega's label transform: layer ``label`` shows ``field`` of each row of layer
    ``anchor``'s marks (its points) beside its point, where it overlaps no other label, no
    point and no mark of the layers before it; a label that has no such place is not shown
    (its point keeps its tooltip). A layer whose ``field`` is None is left out (it draws
    labels for static figures only, which have no label transform)."""
    def visit(node: dict[str, Any]) -> None:
        marks = node.get("marks")
        if not isinstance(marks, list):
            return
        static_only = {f"{label}_marks" for label, (_anchor, field) in layers.items() if field is None}
        marks[:] = [mark for mark in marks if mark.get("name") not in static_only]
        names = [mark.get("name") for mark in marks]
        for label, (anchor, field) in layers.items():
            label_marks, anchor_marks = f"{label}_marks", f"{anchor}_marks"
            if field is None or label_marks not in names or anchor_marks not in names[:names.index(label_marks)]:
                continue
            index = names.index(label_marks)
            mark = marks[index]
            update = mark["encode"]["update"]
            for channel in ("x", "y", "dx", "dy", "align", "baseline", "lineHeight"):
                update.pop(channel, None)
            update["text"] = {"field": f"datum.{field}"}
            mark["from"] = {"data": anchor_marks}
            mark["transform"] = [{"type": "label", "size": {"signal": "[width, height]"}, "anchor": LABEL_ANCHORS,
                                  "offset": [4], "avoidMarks": [n for n in names[:index] if n and n != anchor_marks]}]

    walk(vega, visit)


def to_vega(spec: dict[str, Any], vl_version: str) -> dict[str, Any]:
    """One Vega-Lite spec compiled, its data deferred, its zoom limited and its labels placed."""
    source = copy.deepcopy(spec)
    _deferred_data(source)
    vega: dict[str, Any] = vl_convert.vegalite_to_vega(source, vl_version=vl_version)
    vega.pop("$schema", None)
    zoom = limit_zoom(vega)
    meta = {**vega.get("usermeta", {}), **source.get("usermeta", {})}
    place_labels(vega, meta.pop("labels", {}))
    if zoom:
        meta["zoom"] = zoom
    if meta:
        vega["usermeta"] = meta
    else:
        vega.pop("usermeta", None)
    return vega


def compile_chart(spec: dict[str, Any], vl_version: str) -> dict[str, Any]:
    """``{"wide": VEGA, "narrow": PATCH}`` of a Vega-Lite spec."""
    wide = to_vega(variant(spec, narrow=False), vl_version)
    narrow = to_vega(variant(spec, narrow=True), vl_version)
    return {"wide": wide, "narrow": diff(wide, narrow)}


def compiled(specs: dict[str, dict[str, Any]], vl_version: str, memo: Memo | None = None) -> dict[str, dict[str, Any]]:
    """``compile_chart`` of each ``{label: spec}`` through ``memo`` (an unchanged chart is not
    compiled again). One after the other: vl-convert holds Python's lock while it compiles, so
    threads would not run two at once (measured: two threads took as long as one)."""
    keys = {label: memo.key("vega", spec, vl_version, metadata.version("vl-convert-python"), NARROW_PX)
            for label, spec in specs.items()} if memo is not None else {}
    out: dict[str, dict[str, Any]] = {}
    missing = []
    # A chart drawn twice in one build (the same spec on two pages) is compiled twice rather than
    # reported as reused: "reused" means kept from an earlier build.
    this_build = memo.used.get("vega", set()) if memo is not None else set()
    for label in specs:
        value = memo.get("vega", keys[label], None) if memo is not None and keys[label] not in this_build else None
        if value is None:
            missing.append(label)
        else:
            out[label] = value
    for label in missing:
        out[label] = compile_chart(specs[label], vl_version)
        if memo is not None and keys[label] not in this_build:
            memo.put("vega", keys[label], out[label], label)
    return {label: out[label] for label in specs}
