"""Chart package: every chart builds from small hand-made frames, renders to SVG offline, and
its spec has the promised properties (log scales, data-driven toggles, stable colours, ...)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from generator import charts
from generator.charts import common, experiments, power, theory

# --- helpers --------------------------------------------------------------------------------


def spec_of(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """chart.to_dict(), failing on any warning Altair emits while serialising."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return chart.to_dict()


def render_svg(spec: dict[str, Any]) -> str:
    svg = vlc.vegalite_to_svg(common.for_static_render(spec), vl_version=common.vl_version())
    assert svg.startswith("<svg") and "</svg>" in svg
    return svg


def nodes(tree: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a spec, depth first."""
    if isinstance(tree, dict):
        yield tree
        for value in tree.values():
            yield from nodes(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from nodes(value)


def encodings(spec: dict[str, Any], channel: str) -> list[dict[str, Any]]:
    return [n["encoding"][channel] for n in nodes(spec) if isinstance(n.get("encoding"), dict)
            and channel in n["encoding"]]


def field_scale_types(spec: dict[str, Any], field: str) -> set[str]:
    return {enc.get("scale", {}).get("type", "linear") for ch in ("x", "y")
            for enc in encodings(spec, ch) if enc.get("field") == field}


def marks(spec: dict[str, Any]) -> list[str]:
    out = []
    for n in nodes(spec):
        mark = n.get("mark")
        if isinstance(mark, str):
            out.append(mark)
        elif isinstance(mark, dict) and "type" in mark:
            out.append(mark["type"])
    return out


def checkbox_names(spec: dict[str, Any]) -> list[str]:
    return [p["bind"]["name"] for p in spec.get("params", [])
            if isinstance(p.get("bind"), dict) and p["bind"].get("input") == "checkbox"]


def dataset(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's one inline dataset."""
    assert len(spec["datasets"]) == 1, "each chart carries a single dataset"
    return next(iter(spec["datasets"].values()))


def tooltip_fields(spec: dict[str, Any]) -> set[str]:
    return {t["field"] for tips in encodings(spec, "tooltip") for t in (tips if isinstance(tips, list) else [tips])
            if "field" in t}


def axis_titles(spec: dict[str, Any]) -> set[str]:
    return {enc["title"] for ch in ("x", "y") for enc in encodings(spec, ch) if isinstance(enc.get("title"), str)}


def title_text(spec: dict[str, Any]) -> str:
    title = spec["title"]
    return title if isinstance(title, str) else title["text"]


def shuffled(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[np.random.default_rng(7).permutation(len(frame))].reset_index(drop=True)


# --- hand-made frames -------------------------------------------------------------------------

PLATFORM_ROWS = [
    # platform, name, vendor, kind, mode, precision, peak_tops, bandwidth_gbps
    ("zcu104", "ZCU104", "Xilinx", "FPGA", "", "INT8", 4.6, 19.2),
    ("zcu104", "ZCU104", "Xilinx", "FPGA", "", "INT4", 8.8, 19.2),
    ("tx2", "Jetson TX2", "NVIDIA", "GPU", "maxn", "FP16", 1.33, 59.7),
    ("tx2", "Jetson TX2", "NVIDIA", "GPU", "maxq", "FP16", 0.87, 59.7),
]


def platforms_frame(rows=PLATFORM_ROWS) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["platform", "platform_name", "vendor", "kind", "mode", "precision",
                                        "peak_tops", "bandwidth_gbps"])
    return frame.assign(memory_gb=4.0, power_w=np.nan)


def roofline_frame(platforms: pd.DataFrame) -> pd.DataFrame:
    """Three points per roof (x_min, ridge, x_max), as model.roofline_points gives them."""
    rows = []
    for r in platforms.itertuples():
        ridge = r.peak_tops * 1000 / r.bandwidth_gbps
        for x in (1.0, ridge, 1000.0):
            rows.append((r.platform, r.platform_name, r.vendor, r.kind, r.mode, r.precision, x,
                         min(r.peak_tops, r.bandwidth_gbps * x / 1000)))
    return pd.DataFrame(rows, columns=["platform", "platform_name", "vendor", "kind", "mode", "precision",
                                       "intensity_ops_per_byte", "attainable_tops"])


def intensities_frame() -> pd.DataFrame:
    rows = []
    for network, name, pruning, ops, weights in (("resnet-50", "ResNet-50", 100.0, 7.7, 25.5),
                                                 ("resnet-50", "ResNet-50", 50.0, 3.8, 15.8),
                                                 ("cnv", "CNV", 12.5, 0.01, 0.1)):
        for precision, nbytes in (("INT4", 0.5), ("INT8", 1.0), ("FP16", 2.0), ("FP32", 4.0)):
            rows.append(("imagenet", network, name, pruning, precision, ops, weights,
                         ops * 1000 / (weights * nbytes)))
    return pd.DataFrame(rows, columns=["task", "network", "network_name", "pruning_pct", "precision", "ops_gop",
                                       "weights_m", "intensity_ops_per_byte"])


def predictions_frame() -> pd.DataFrame:
    rows = []
    for p in platforms_frame().itertuples():
        for network, name, pruning, ops in (("resnet-50", "ResNet-50", 100.0, 7.7),
                                            ("resnet-50", "ResNet-50", 50.0, 3.8)):
            fps = p.peak_tops * 1000 / ops / (2 if p.kind == "GPU" else 1)
            for model, factor in (("weights-offchip", 1.0), ("calibrated", 0.25)):
                rows.append(("imagenet", p.platform, p.platform_name, p.mode, p.precision, network, name, pruning,
                             model, fps * factor, p.peak_tops * 1000 / ops,
                             "memory" if p.kind == "GPU" else "compute", 1))
    return pd.DataFrame(rows, columns=["task", "platform", "platform_name", "mode", "precision", "network",
                                       "network_name", "pruning_pct", "assumption", "fps", "peak_fps", "bound",
                                       "batch"])


MODELS = ("weights-offchip", "calibrated")


def runs_frame() -> pd.DataFrame:
    """Two configurations, batch 1/2/4; batch 2 repeated; one run without latency."""
    rows = []
    for platform, name, mode, precision, scale in (("tx2", "Jetson TX2", "maxn", "FP16", 1.0),
                                                   ("zcu104", "ZCU104", "", "INT8", 3.0)):
        for batch, repeat, fps, lat in ((1, 1, 100.0, 10.0), (2, 1, 180.0, 11.0), (2, 2, 190.0, 10.5),
                                        (4, 1, 300.0, 13.0), (8, 1, 320.0, np.nan)):
            rows.append(("imagenet", platform, name, mode, precision, "resnet-50", "ResNet-50", 100.0, batch,
                         repeat, fps * scale, lat / scale, 10.0 * scale))
    frame = pd.DataFrame(rows, columns=["task", "platform", "platform_name", "mode", "precision", "network",
                                        "network_name", "pruning_pct", "batch", "repeat", "fps_comp",
                                        "lat_comp_ms", "power_full_w"])
    frame["energy_mj"] = frame["power_full_w"] / frame["fps_comp"] * 1000
    frame["fps_per_w"] = frame["fps_comp"] / frame["power_full_w"]
    return frame


def pareto_frame() -> pd.DataFrame:
    rows = [
        # kind, platform, name, mode, precision, network, pruning, fps, top1, on_front, batch, has_partner
        ("measured", "tx2", "Jetson TX2", "maxn", "FP16", "resnet-50", 100.0, 200.0, 75.1, True, 8, True),
        ("measured", "tx2", "Jetson TX2", "maxn", "FP16", "resnet-50", 50.0, 150.0, 70.0, False, 4, False),
        ("measured", "zcu104", "ZCU104", "", "INT8", "resnet-50", 100.0, 400.0, 73.0, True, 1, True),
        ("predicted", "tx2", "Jetson TX2", "maxn", "FP16", "resnet-50", 100.0, 500.0, 75.1, False, None, True),
        ("predicted", "zcu104", "ZCU104", "", "INT8", "resnet-50", 100.0, 900.0, 73.3, True, None, True),
        ("predicted", "zcu104", "ZCU104", "", "INT8", "resnet-50", 50.0, 1500.0, 69.5, True, None, False),
        ("predicted", "tx2", "Jetson TX2", "maxn", "FP16", "resnet-50", 30.0, 700.0, 76.0, True, None, False),
    ]
    frame = pd.DataFrame(rows, columns=["kind", "platform", "platform_name", "mode", "precision", "network",
                                        "pruning_pct", "fps", "top1_pct", "on_front", "batch", "has_partner"])
    frame["batch"] = frame["batch"].astype("Int64")
    return frame.assign(task="imagenet", network_name="ResNet-50")


def efficiency_frame() -> pd.DataFrame:
    rows = [
        ("tx2", "Jetson TX2", "GPU", "maxn", "FP16", 100.0, 100.0, 170.0, 50.0, 8),
        ("tx2", "Jetson TX2", "GPU", "maxn", "FP16", 50.0, 200.0, 350.0, 180.0, 8),
        ("zcu104", "ZCU104", "FPGA", "", "INT8", 100.0, 600.0, 600.0, 150.0, 1),
    ]
    frame = pd.DataFrame(rows, columns=["platform", "platform_name", "kind", "mode", "precision", "pruning_pct",
                                        "predicted_fps", "peak_fps", "measured_fps", "batch"])
    frame["efficiency_pct"] = 100 * frame["measured_fps"] / frame["predicted_fps"]
    return frame.assign(task="imagenet", network="resnet-50", network_name="ResNet-50")


def boxes_frame() -> tuple[pd.DataFrame, pd.DataFrame]:
    boxes = pd.DataFrame([
        (100.0, "FP16", "Jetson TX2 maxn", 5, 10.0, 11.0, 12.0, 9.5, 13.0, 9.5, 20.0),
        (50.0, "FP16", "Jetson TX2 maxn", 5, 6.0, 6.5, 7.0, 5.8, 7.5, 5.8, 7.5),
        (100.0, "INT8", "ZCU104", 3, 2.0, 2.1, 2.2, 2.0, 2.2, 2.0, 2.2),
    ], columns=["pruning_pct", "precision", "platform_label", "n", "q1", "median", "q3", "whisker_low",
                "whisker_high", "minimum", "maximum"])
    outliers = pd.DataFrame([(100.0, "FP16", "Jetson TX2 maxn", 20.0)],
                            columns=["pruning_pct", "precision", "platform_label", "value"])
    return boxes, outliers


def summary_frame() -> pd.DataFrame:
    runs = runs_frame()
    key = ["task", "platform", "mode", "precision", "network", "pruning_pct"]
    return runs.groupby(key, as_index=False).agg(
        runs=("batch", "size"), power_full_w_mean=("power_full_w", "mean"), energy_mj_mean=("energy_mj", "mean"),
        fps_per_w_max=("fps_per_w", "max"), platform_name=("platform_name", "first"),
        network_name=("network_name", "first"))


def traces_frame() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [("edgetpu", mode, network, t * 0.5, base + 0.1 * (t % 2))
            for mode, base in (("fast", 2.0), ("slow", 1.2))
            for network in ("", "mobilenet")
            for t in range(6)]
    kept = pd.DataFrame(rows, columns=["platform", "mode", "network", "time_s", "power_w"])
    removed = pd.DataFrame([("edgetpu", "fast", "mobilenet", 1.25, 9.0)], columns=kept.columns)
    return kept, removed


# --- common helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize("value, text", [(0.52345, "0.523"), (52.34, "52.3"), (523.4, "523"), (5234.0, "5.23k"),
                                         (1234567.0, "1.23M"), (999.96, "1k"), (0.0, "0"), (100.0, "100"),
                                         (float("nan"), "")])
def test_format_sig_keeps_three_significant_digits(value, text):
    assert common.format_sig(value) == text


def test_color_scale_domain_is_sorted_and_palette_indexed_by_position():
    scale = common.color_scale(common.sorted_values(["b", "a", "c", "a", None]))
    assert scale.domain == ["a", "b", "c"]
    assert scale.range == list(common.PALETTE[:3])
    many = common.color_scale([f"v{i:03d}" for i in range(len(common.PALETTE) + 2)])
    assert many.range[-2:] == list(common.PALETTE[:2])  # cycles, never random


def test_checkbox_filter_escapes_values_as_json():
    toggles = common.checkbox_params(['Acme "Labs"', "Zed"], "vendor")
    assert [v for v, _ in toggles] == ['Acme "Labs"', "Zed"]
    assert [p.name for _, p in toggles] == ["show_vendor_0", "show_vendor_1"]
    expr = common.checkbox_filter("vendor", toggles)
    assert expr == ('((datum["vendor"] === "Acme \\"Labs\\"" && show_vendor_0) || '
                    '(datum["vendor"] === "Zed" && show_vendor_1))')


def test_for_static_render_replaces_container_widths_without_touching_input():
    spec = {"width": "container", "hconcat": [{"width": "container"}, {"width": 200}]}
    out = common.for_static_render(spec, width_px=640)
    assert out == {"width": 640, "hconcat": [{"width": 640}, {"width": 200}]}
    assert spec["width"] == "container"


def test_vl_version_matches_altair_schema():
    assert common.vl_version() == ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    assert charts.vl_version() == common.vl_version()


def test_platform_and_config_labels_fall_back_to_ids():
    frame = pd.DataFrame({"platform": ["tx2", "zcu"], "mode": ["maxn", ""], "precision": ["FP16", "INT8"],
                          "network": ["cnv", "cnv"], "pruning_pct": [12.5, 100.0]})
    assert list(common.platform_labels(frame)) == ["tx2 maxn", "zcu"]
    assert list(common.config_labels(frame)) == ["tx2 maxn FP16 · cnv 12.5%", "zcu INT8 · cnv 100%"]


# --- empty input ------------------------------------------------------------------------------

EMPTY_CALLS: list[tuple[str, Callable[[pd.DataFrame], Any]]] = [
    ("roofline", lambda e: theory.roofline_chart(e, intensities_frame())),
    ("heatmap", lambda e: theory.prediction_heatmap(e, MODELS, MODELS[0])),
    ("peak", theory.peak_bar_chart),
    ("bandwidth", theory.bandwidth_bar_chart),
    ("intensity", theory.intensity_bar_chart),
    ("ops", theory.ops_bar_chart),
    ("latency", experiments.latency_throughput_chart),
    ("box", lambda e: experiments.boxplot_chart(e, e, "Latency", "ms")),
    ("pareto", experiments.pareto_chart),
    ("overlap", experiments.pareto_overlap_chart),
    ("efficiency", experiments.efficiency_chart),
    ("power", power.power_chart),
    ("energy", power.energy_chart),
    ("fps_per_w", power.fps_per_watt_chart),
    ("trace", lambda e: power.power_trace_chart(e, None)),
]


@pytest.mark.parametrize("name, call", EMPTY_CALLS, ids=[n for n, _ in EMPTY_CALLS])
def test_empty_frame_is_a_clear_value_error(name, call):
    with pytest.raises(ValueError, match="empty frame"):
        call(pd.DataFrame())


def test_missing_column_is_named_in_the_error():
    with pytest.raises(ValueError, match="bandwidth_gbps"):
        theory.bandwidth_bar_chart(platforms_frame().drop(columns="bandwidth_gbps"))


# --- theory -----------------------------------------------------------------------------------


def test_roofline_is_log_log_with_one_checkbox_per_vendor_and_precision():
    platforms = platforms_frame()
    spec = spec_of(theory.roofline_chart(roofline_frame(platforms), intensities_frame()))
    render_svg(spec)
    assert field_scale_types(spec, "intensity_ops_per_byte") == {"log"}
    assert field_scale_types(spec, "attainable_tops") == {"log"}
    assert checkbox_names(spec) == ["NVIDIA", "Xilinx", "FP16", "INT4", "INT8"]
    assert {"Arithmetic intensity (ops/byte)", "Performance (TOP/s)"} <= axis_titles(spec)
    assert {"platform_name", "attainable_tops", "network_name", "intensity_ops_per_byte"} <= tooltip_fields(spec)


def test_roofline_draws_intensity_rules_only_for_roofline_precisions():
    spec = spec_of(theory.roofline_chart(roofline_frame(platforms_frame()), intensities_frame()))
    rows = dataset(spec)
    rule_precisions = {r["precision"] for r in rows if r["series"] == "network"}
    assert rule_precisions == {"FP16", "INT4", "INT8"}  # FP32 has no roofline
    assert sum(r["series"] == "network" for r in rows) == 3 * 3  # 3 variants x 3 precisions
    assert sum(r["series"] == "roofline" for r in rows) == 4 * 3  # 4 roofs x 3 points


def test_roofline_new_vendor_gets_a_checkbox_without_code_change():
    rows = PLATFORM_ROWS + [("u96", "Ultra96 A53", "Arm", "CPU", "", "INT8", 0.19, 4.26)]
    spec = spec_of(theory.roofline_chart(roofline_frame(platforms_frame(rows)), intensities_frame()))
    assert checkbox_names(spec)[:3] == ["Arm", "NVIDIA", "Xilinx"]
    filters = [t["filter"] for n in nodes(spec) for t in n.get("transform", []) if "filter" in t]
    assert any('datum["vendor"] === "Arm"' in f for f in filters)


def untick(spec: dict[str, Any], label: str) -> dict[str, Any]:
    """The spec with the checkbox labelled ``label`` unticked (as a reader would)."""
    for p in spec["params"]:
        if isinstance(p.get("bind"), dict) and p["bind"].get("name") == label:
            p["value"] = False
    return spec


def test_roofline_unticking_a_vendor_hides_its_rooflines():
    spec = spec_of(theory.roofline_chart(roofline_frame(platforms_frame()), intensities_frame()))
    before = render_svg(spec)
    # each vendor has 2 roofs, each drawn as a line and 3 points, all described in the SVG
    assert before.count("Vendor: NVIDIA") == 8 and before.count("Vendor: Xilinx") == 8
    after = render_svg(untick(spec, "NVIDIA"))
    assert after.count("Vendor: NVIDIA") == 0 and after.count("Vendor: Xilinx") == 8
    no_int8 = render_svg(untick(spec_of(theory.roofline_chart(roofline_frame(platforms_frame()),
                                                              intensities_frame())), "INT8"))
    assert "Precision: INT8" not in no_int8 and "Precision: INT4" in no_int8


def test_roofline_toggles_by_kind_when_asked():
    spec = spec_of(theory.roofline_chart(roofline_frame(platforms_frame()), intensities_frame(), toggle_by="kind"))
    assert checkbox_names(spec)[:2] == ["FPGA", "GPU"]


def test_roofline_spec_is_identical_for_shuffled_rows():
    roofs, ints = roofline_frame(platforms_frame()), intensities_frame()
    first = spec_of(theory.roofline_chart(roofs, ints))
    again = spec_of(theory.roofline_chart(shuffled(roofs), shuffled(ints)))
    assert first == again
    domains = [e["scale"]["domain"] for e in encodings(first, "color") if "domain" in e.get("scale", {})]
    assert ["Jetson TX2 maxn", "Jetson TX2 maxq", "ZCU104"] in domains


def test_roofline_vendor_with_quote_still_renders():
    rows = [("x", "X", 'Acme "Labs"', "FPGA", "", "INT8", 1.0, 10.0)]
    spec = spec_of(theory.roofline_chart(roofline_frame(platforms_frame(rows)), intensities_frame()))
    assert checkbox_names(spec)[0] == 'Acme "Labs"'
    render_svg(spec)


def test_heatmap_has_log_colour_text_layer_and_tooltips():
    spec = spec_of(theory.prediction_heatmap(predictions_frame(), MODELS, "weights-offchip"))
    render_svg(spec)
    assert {"rect", "text"} <= set(marks(spec))
    assert [e["scale"]["type"] for e in encodings(spec, "color") if "field" in e] == ["log"]
    assert [e["field"] for e in encodings(spec, "text")] == ["fps_label"]
    assert {"row_label", "variant_label", "fps", "bound", "assumption"} <= tooltip_fields(spec)
    rows = dataset(spec)
    zcu = next(r for r in rows if r["row_label"] == "ZCU104 INT8" and r["pruning_pct"] == 50.0
               and r["assumption"] == "weights-offchip")
    assert zcu["fps_label"] == "1.21k"  # 4.6 TOP/s / 3.8 GOP = 1210.5 inputs/s
    assert zcu["variant_label"] == "ResNet-50 50%"
    assert "inputs/s" in title_text(spec)


def test_heatmap_offers_every_model_in_one_chart_opening_at_the_default():
    spec = spec_of(theory.prediction_heatmap(predictions_frame(), MODELS, "calibrated"))
    (param,) = [p for p in spec["params"] if p["name"] == "model"]
    assert param["value"] == "calibrated"
    assert param["bind"]["input"] == "select" and param["bind"]["options"] == list(MODELS)
    assert {r["assumption"] for r in dataset(spec)} == set(MODELS)  # one dataset for all models
    # one colour scale for all models: a colour means the same throughput whatever the model
    (domain,) = [e["scale"]["domain"] for e in encodings(spec, "color") if "field" in e]
    fps = [r["fps"] for r in dataset(spec)]
    assert domain == [min(fps), max(fps)]
    render_svg(spec)


def test_heatmap_needs_rows_for_its_default_model():
    with pytest.raises(ValueError, match="default model"):
        theory.prediction_heatmap(predictions_frame(), MODELS, "platform-aware")


def test_heatmap_rows_follow_given_precision_order_and_text_contrasts():
    spec = spec_of(theory.prediction_heatmap(predictions_frame(), MODELS, MODELS[0],
                                             precision_order=["INT4", "INT8", "FP16"]))
    rows = next(e["sort"] for e in encodings(spec, "y") if e.get("field") == "row_label")
    assert rows == ["ZCU104 INT4", "ZCU104 INT8", "Jetson TX2 maxn FP16", "Jetson TX2 maxq FP16"]
    text_color = next(e for e in encodings(spec, "color") if "condition" in e)
    assert {text_color["condition"]["value"], text_color["value"]} == {"white", "black"}


def test_peak_bars_are_log_and_coloured_by_sorted_precision():
    spec = spec_of(theory.peak_bar_chart(platforms_frame()))
    render_svg(spec)
    assert field_scale_types(spec, "peak_tops") == {"log"}
    color = next(e for e in encodings(spec, "color") if e.get("field") == "precision")
    assert color["scale"]["domain"] == ["FP16", "INT4", "INT8"]
    assert "Peak performance (TOP/s, log)" in axis_titles(spec)
    rows = next(e["sort"] for e in encodings(spec, "y") if e.get("field") == "row_label")
    assert rows[0].startswith("ZCU104")  # FPGA listed before GPU


def test_bandwidth_has_one_bar_per_platform_mode():
    spec = spec_of(theory.bandwidth_bar_chart(platforms_frame()))
    render_svg(spec)
    assert sorted(r["platform_label"] for r in dataset(spec)) == ["Jetson TX2 maxn", "Jetson TX2 maxq", "ZCU104"]
    assert "Memory bandwidth (GB/s)" in axis_titles(spec)


def test_intensity_bars_grouped_by_precision_on_log_axis():
    spec = spec_of(theory.intensity_bar_chart(intensities_frame()))
    render_svg(spec)
    assert field_scale_types(spec, "intensity_ops_per_byte") == {"log"}
    assert [e["field"] for e in encodings(spec, "yOffset")] == ["precision"]
    assert len(dataset(spec)) == 12


def test_ops_chart_shows_gop_and_weights_with_units():
    variants = intensities_frame().drop_duplicates(["network", "pruning_pct"])[
        ["task", "network", "network_name", "pruning_pct", "ops_gop", "weights_m"]]
    spec = spec_of(theory.ops_bar_chart(variants))
    render_svg(spec)
    assert {"Operations per input (GOP, log)", "Weights (millions, log)"} <= axis_titles(spec)
    assert field_scale_types(spec, "ops_gop") == {"log"} and field_scale_types(spec, "weights_m") == {"log"}
    assert len(dataset(spec)) == 3


# --- experiments -----------------------------------------------------------------------------


def test_latency_throughput_lines_follow_batch_with_legend_highlight():
    spec = spec_of(experiments.latency_throughput_chart(runs_frame()))
    render_svg(spec)
    assert field_scale_types(spec, "fps_comp") == {"log"} and field_scale_types(spec, "lat_comp_ms") == {"log"}
    legend_params = [p for p in spec["params"] if p.get("bind") == "legend"]
    assert [p["select"]["fields"] for p in legend_params] == [["config"]]
    assert legend_params[0]["select"]["on"] == "click"  # points highlight too, legend or not
    assert any(e.get("field") == "batch" for e in encodings(spec, "order"))
    assert len(dataset(spec)) == 8  # the two runs without latency are dropped
    assert {r["config"] for r in dataset(spec)} == {"Jetson TX2 maxn FP16 · ResNet-50 100%",
                                                     "ZCU104 INT8 · ResNet-50 100%"}
    assert checkbox_names(spec) == ["Jetson TX2", "ZCU104"]
    assert {"batch", "fps_comp", "lat_comp_ms", "network_name", "pruning_pct"} <= tooltip_fields(spec)


def test_boxplot_draws_whiskers_boxes_medians_and_outliers_per_panel():
    boxes, outliers = boxes_frame()
    spec = spec_of(experiments.boxplot_chart(boxes, outliers, "Latency", "ms"))
    render_svg(spec)
    assert {"rule", "bar", "tick", "point"} <= set(marks(spec))
    assert "Latency (ms)" in axis_titles(spec)
    rows = dataset(spec)
    assert sorted({r["panel"] for r in rows}) == ["Jetson TX2 maxn · FP16", "ZCU104 · INT8"]
    assert [r["value"] for r in rows if r["part"] == "outlier"] == [20.0]
    assert spec["resolve"]["scale"]["y"] == "independent"
    x = next(e for e in encodings(spec, "x") if e.get("field") == "pruning_label")
    assert x["sort"] == ["100%", "50%"]


def test_boxplot_accepts_no_outliers_and_log_scale():
    boxes, outliers = boxes_frame()
    spec = spec_of(experiments.boxplot_chart(boxes, outliers.iloc[0:0], "Throughput", "inputs/s", log_scale=True))
    render_svg(spec)
    assert field_scale_types(spec, "median") == {"log"}
    assert "Throughput (inputs/s, log)" in axis_titles(spec)


def test_pareto_chart_draws_measured_points_and_front_line():
    spec = spec_of(experiments.pareto_chart(pareto_frame()))
    render_svg(spec)
    rows = dataset(spec)
    assert {r["kind"] for r in rows} == {"measured"} and len(rows) == 3
    assert field_scale_types(spec, "fps") == {"log"}
    assert "line" in marks(spec)
    assert any(t.get("filter") == "datum.on_front" for n in nodes(spec) for t in n.get("transform", []))
    assert {"config", "fps", "top1_pct", "batch"} <= tooltip_fields(spec)
    assert {"Throughput (inputs/s, log)", "Top-1 accuracy (%)"} <= axis_titles(spec)


def test_pareto_overlap_marks_kinds_partners_and_platform_toggles():
    frame = pareto_frame()
    spec = spec_of(experiments.pareto_overlap_chart(frame))
    render_svg(spec)
    shape = next(e for e in encodings(spec, "shape"))
    assert shape["scale"] == {"domain": ["measured", "predicted"], "range": ["cross", "circle"]}
    opacity = next(e for e in encodings(spec, "opacity") if e.get("field") == "partner")
    assert opacity["scale"]["range"][0] > opacity["scale"]["range"][1]
    assert checkbox_names(spec) == ["Jetson TX2", "ZCU104"]
    rows = dataset(spec)
    assert {r["partner"] for r in rows} == {"measured and predicted", "only measured", "only predicted"}
    assert all(r["batch"] is None for r in rows if r["kind"] == "predicted")  # Int64 <NA> -> null
    color = next(e for e in encodings(spec, "color") if e.get("field") == "config")
    assert color["scale"]["domain"] == sorted(color["scale"]["domain"])
    assert spec == spec_of(experiments.pareto_overlap_chart(shuffled(frame)))


def test_pareto_overlap_unticking_a_platform_hides_its_points():
    spec = spec_of(experiments.pareto_overlap_chart(pareto_frame()))
    assert render_svg(spec).count("Platform: ZCU104") == 3  # its three points
    assert "Platform: ZCU104" not in render_svg(untick(spec, "ZCU104"))


def test_pareto_overlap_new_platform_adds_a_checkbox():
    extra = pareto_frame().iloc[[0]].assign(platform="ncs2", platform_name="NCS2", mode="")
    spec = spec_of(experiments.pareto_overlap_chart(pd.concat([pareto_frame(), extra], ignore_index=True)))
    assert checkbox_names(spec) == ["Jetson TX2", "NCS2", "ZCU104"]


def test_efficiency_labels_measurement_with_percent_and_groups_by_kind():
    spec = spec_of(experiments.efficiency_chart(efficiency_frame()))
    render_svg(spec)
    assert field_scale_types(spec, "value") == {"log"}
    fold = next(t["fold"] for n in nodes(spec) for t in n.get("transform", []) if "fold" in t)
    assert fold == ["peak_fps", "predicted_fps", "measured_fps"]
    assert sorted(r["efficiency_label"] for r in dataset(spec)) == ["25%", "50%", "90%"]
    assert [e["field"] for e in encodings(spec, "text")] == ["efficiency_label"]
    assert spec["facet"]["row"]["sort"] == ["FPGA", "GPU"]
    assert "Throughput (inputs/s, log)" in axis_titles(spec)


# --- power -------------------------------------------------------------------------------------


def test_power_chart_bars_in_watts():
    spec = spec_of(power.power_chart(summary_frame()))
    render_svg(spec)
    assert "Mean full power (W)" in axis_titles(spec)
    assert sorted(r["power_label"] for r in dataset(spec)) == ["10 W", "30 W"]
    assert {"power_full_w_mean", "energy_mj_mean", "runs"} <= tooltip_fields(spec)


def test_energy_chart_is_log_millijoules_over_log2_batch():
    spec = spec_of(power.energy_chart(runs_frame()))
    render_svg(spec)
    assert "Energy per input (mJ, log)" in axis_titles(spec)
    y = next(e for e in encodings(spec, "y") if e.get("field") == "energy_mj")
    x = next(e for e in encodings(spec, "x") if e.get("field") == "batch")
    assert y["scale"]["type"] == "log" and x["scale"] == {"type": "log", "base": 2}
    assert checkbox_names(spec) == ["Jetson TX2", "ZCU104"]


def test_fps_per_watt_chart_axis_says_inputs_per_second_per_watt():
    spec = spec_of(power.fps_per_watt_chart(runs_frame()))
    render_svg(spec)
    assert "Throughput per watt (inputs/s per W, log)" in axis_titles(spec)
    assert {r["fps_per_w"] for r in dataset(spec)} >= {10.0, 30.0}


def test_power_trace_shows_idle_and_glitches():
    kept, removed = traces_frame()
    spec = spec_of(power.power_trace_chart(kept, removed))
    render_svg(spec)
    rows = dataset(spec)
    assert {r["network_label"] for r in rows} == {"idle", "mobilenet"}
    assert [r["power_w"] for r in rows if r["sample"] == "glitch (removed)"] == [9.0]
    glitch_shapes = [e for e in encodings(spec, "shape") if e.get("field") == "sample"]
    assert glitch_shapes and glitch_shapes[0]["scale"]["domain"] == ["glitch (removed)"]
    assert {"Time (s)", "Power (W)"} <= axis_titles(spec)
    assert sorted({r["panel"] for r in rows}) == ["edgetpu fast", "edgetpu slow"]


def test_power_trace_without_removed_samples_has_no_glitch_layer():
    kept, _ = traces_frame()
    spec = spec_of(power.power_trace_chart(kept, None))
    render_svg(spec)
    assert not [e for e in encodings(spec, "shape") if e.get("field") == "sample"]


# --- every chart ---------------------------------------------------------------------------------


def all_charts() -> list[tuple[str, alt.TopLevelMixin]]:
    boxes, outliers = boxes_frame()
    kept, removed = traces_frame()
    variants = intensities_frame().drop_duplicates(["network", "pruning_pct"])
    return [
        ("roofline", theory.roofline_chart(roofline_frame(platforms_frame()), intensities_frame())),
        ("heatmap", theory.prediction_heatmap(predictions_frame(), MODELS, MODELS[0])),
        ("peak", theory.peak_bar_chart(platforms_frame())),
        ("bandwidth", theory.bandwidth_bar_chart(platforms_frame())),
        ("intensity", theory.intensity_bar_chart(intensities_frame())),
        ("ops", theory.ops_bar_chart(variants)),
        ("latency", experiments.latency_throughput_chart(runs_frame())),
        ("box", experiments.boxplot_chart(boxes, outliers, "Latency", "ms")),
        ("pareto", experiments.pareto_chart(pareto_frame())),
        ("overlap", experiments.pareto_overlap_chart(pareto_frame())),
        ("efficiency", experiments.efficiency_chart(efficiency_frame())),
        ("power", power.power_chart(summary_frame())),
        ("energy", power.energy_chart(runs_frame())),
        ("fps_per_w", power.fps_per_watt_chart(runs_frame())),
        ("trace", power.power_trace_chart(kept, removed)),
    ]


def test_every_chart_has_title_tooltips_one_dataset_and_json_clean_spec():
    for name, chart in all_charts():
        spec = spec_of(chart)
        assert title_text(spec), name
        assert tooltip_fields(spec), name
        dataset(spec)
        json.dumps(spec, allow_nan=False)  # no NaN/numpy values leak into the spec
        single = not any(k in spec for k in ("facet", "hconcat", "vconcat"))
        if name == "heatmap":  # cells keep a readable size: step widths, not the container
            assert spec["width"] == {"step": 46}
        else:
            assert (spec.get("width") == "container") == single, name
