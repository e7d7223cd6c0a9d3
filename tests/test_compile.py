"""Charts compiled to Vega at build time (generator/output/compile.py) and static figures'
subtitles (generator/output/figures.py)."""

from __future__ import annotations

import copy
import json

import altair as alt
import pandas as pd

from generator.charts.common import PAN_EVENTS, ZOOM_EVENTS, zoom
from generator.output.assets import vegalite_version
from generator.output.compile import NARROW_PX, compile_chart, diff, to_vega, variant
from generator.output.figures import static_spec, static_subtitle


def scatter(log_x: bool = False) -> dict:
    x = alt.X("a:Q", scale=alt.Scale(type="log") if log_x else alt.Undefined)
    chart = alt.Chart(alt.NamedData(name="points")).mark_point().encode(
        x=x, y="b:Q", tooltip=["name:N"]).add_params(zoom()).properties(
        width="container", title=alt.Title("Points", subtitle="Filled: measured. Click a point to highlight it."))
    spec = chart.to_dict(validate=False)
    spec.pop("datasets", None)
    return spec


def apply(base: dict, changes: list) -> dict:
    out = copy.deepcopy(base)
    for path, value in changes:
        node = out
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return out


def signals(vega: dict) -> dict[str, dict]:
    found: dict[str, dict] = {}

    def walk(node):
        if isinstance(node, dict):
            for s in node.get("signals", []) if isinstance(node.get("signals"), list) else []:
                if "on" in s:
                    found[s["name"]] = s
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(vega)
    return found


def test_the_wheel_zooms_only_with_a_modifier_and_only_a_mouse_pans():
    spec = scatter()
    (param,) = [p for p in spec["params"] if p.get("bind") == "scales"]
    assert param["select"]["zoom"] == ZOOM_EVENTS and "event.ctrlKey" in ZOOM_EVENTS
    assert param["select"]["translate"] == PAN_EVENTS and "pointerType === 'mouse'" in PAN_EVENTS
    vega = to_vega(spec, vegalite_version())
    wheel = [e for s in signals(vega).values() for h in s["on"] for e in
             (h["events"] if isinstance(h["events"], list) else [h["events"]])
             if isinstance(e, dict) and e.get("type") == "wheel"]
    assert wheel and all(e.get("filter") for e in wheel)  # a filtered wheel: unfiltered, it would take every notch


def test_every_zoom_update_is_clamped_to_a_twin_scale_of_the_unzoomed_domain():
    for log_x in (False, True):
        vega = to_vega(scatter(log_x), vegalite_version())
        zooms = vega["usermeta"]["zoom"]
        assert sorted(zooms) == ["zoom_a", "zoom_b"]
        scales = {s["name"]: s for s in vega["scales"]}
        assert {"x_home", "y_home"} <= set(scales) and "domainRaw" not in scales["x_home"]
        assert scales["x_home"]["type"] == scales["x"]["type"]
        for name in zooms:
            updates = [h["update"] for h in signals(vega)[name]["on"] if h["update"] != "null"]
            assert updates and all("clampRange(" in u and "_home\")" in u for u in updates)


def test_named_data_is_loaded_by_the_page_and_the_narrow_variant_is_a_patch_of_the_wide_one():
    spec = scatter()
    chart = compile_chart(spec, vegalite_version())
    text = json.dumps(chart["wide"])
    assert '"url": "dataset:points"' in text
    narrow = to_vega(variant(spec, narrow=True), vegalite_version())
    assert apply(chart["wide"], chart["narrow"]) == narrow
    assert chart["narrow"]  # something differs on a phone (label limits, legends)
    assert NARROW_PX == 640


def test_diff_replaces_what_changed_shape_whole():
    assert diff({"a": [1, 2], "b": 1}, {"a": [1, 3], "b": 1}) == [[["a", 1], 3]]
    assert diff({"a": [1, 2]}, {"a": [1]}) == [[["a"], [1]]]
    assert diff({"a": 1}, {"b": 1}) == [[[], {"b": 1}]]


def test_a_static_figure_keeps_no_sentence_about_interaction():
    assert static_subtitle("Filled: measured. Click a point to highlight it.") == "Filled: measured."
    assert static_subtitle(["Lines: rooflines; rules: networks.", "Scroll to zoom, drag to pan."]) == \
        ["Lines: rooflines; rules: networks."]
    # Lines laid out for a panel's width stay that short once a sentence is gone.
    lines = ["Line: one configuration", "through its batch sizes.", "Hover a point for its run."]
    kept = static_subtitle(lines)
    assert " ".join(kept) == "Line: one configuration through its batch sizes."
    assert max(map(len, kept)) <= max(map(len, lines))
    static = static_spec(scatter(), {"points": pd.DataFrame({"a": [1.0], "b": [2.0], "name": ["x"]})})
    assert static["title"]["subtitle"] == "Filled: measured."


def test_listed_text_layers_are_placed_by_vegas_label_transform_beside_their_points():
    """A text layer listed in ``usermeta.labels`` reads the rows of the points it labels
    from their marks and is placed by Vega's label transform clear of the layers before it;
    a layer listed without a field (static figures only) is left out of the browser's spec."""
    base = alt.Chart(alt.NamedData(name="points"))
    line = base.mark_line().encode(x="a:Q", y="b:Q")
    points = base.mark_point().encode(x="a:Q", y="b:Q").properties(name="pts")
    text = base.mark_text(dx=-6, align="right").encode(x="a:Q", y="b:Q", text="name:N")
    chart = alt.layer(line, points, text.properties(name="lbl"), text.properties(name="lbl_static"),
                      usermeta={"labels": {"lbl": ["pts", "name"], "lbl_static": ["pts", None]}})
    vega = to_vega(chart.to_dict(validate=False), vegalite_version())
    marks = {mark["name"]: mark for mark in vega["marks"]}
    assert "lbl_static_marks" not in marks and "labels" not in vega.get("usermeta", {})
    label = marks["lbl_marks"]
    assert label["from"] == {"data": "pts_marks"}
    assert label["encode"]["update"]["text"] == {"field": "datum.name"}
    assert not {"x", "y", "dx", "align"} & set(label["encode"]["update"])  # the transform places it
    (transform,) = label["transform"]
    line_name = next(name for name in marks if name not in ("pts_marks", "lbl_marks"))
    assert transform["type"] == "label" and transform["avoidMarks"] == [line_name]
