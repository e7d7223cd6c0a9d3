"""Charts: valid Vega-Lite that renders offline, data referred to by name (the page ships it
once), one colour per platform mode and one shape per precision everywhere, and each
chart's promised reading (boxes per configuration, anomalies, fronts, trace domains)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import altair as alt
import jsonschema
import numpy as np
import pandas as pd
import pytest
from altair.vegalite.v6.schema import core

from generator.analysis import analyse
from generator.build import Project, gather
from generator.charts import common, experiments, power, theme, theory
from generator.output.assets import vegalite_version
from generator.output.figures import render_svg, static_spec
from generator.site.pages import build_pages, style_of
from tests.helpers import FIXTURES, REPO, nodes

VL_SCHEMA = core.load_schema()
# One validator: jsonschema.validate() checks the (large) schema itself on every call, 20x the spec's cost.
VL_VALIDATOR = jsonschema.validators.validator_for(VL_SCHEMA)(VL_SCHEMA)


# --- helpers --------------------------------------------------------------------------------


def encodings(spec: dict[str, Any], channel: str) -> list[dict[str, Any]]:
    return [n["encoding"][channel] for n in nodes(spec) if isinstance(n.get("encoding"), dict)
            and channel in n["encoding"]]


def marks(spec: dict[str, Any]) -> list[str]:
    out = []
    for n in nodes(spec):
        mark = n.get("mark")
        out += [mark] if isinstance(mark, str) else [mark["type"]] if isinstance(mark, dict) and "type" in mark else []
    return out


def data_names(spec: dict[str, Any]) -> set[str]:
    return {n["data"]["name"] for n in nodes(spec) if isinstance(n.get("data"), dict) and "name" in n["data"]}


def platform_scales(spec: dict[str, Any]) -> list[dict[str, str]]:
    """label -> colour of every colour/fill/stroke scale over platform labels."""
    out = []
    for channel in ("color", "fill", "stroke"):
        for enc in encodings(spec, channel):
            if enc.get("field") == "platform_label" and "scale" in enc:
                out.append(dict(zip(enc["scale"]["domain"], enc["scale"]["range"])))
    return out


def project_with(tmp_path: Path, data: Path = FIXTURES / "minidata") -> Project:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(data, root / "data")
    for name in ("templates", "site_src"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    return Project(root)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(results, style, every figure of every page) of the minidata site."""
    project = project_with(tmp_path_factory.mktemp("charts"))
    inputs = gather(project, lambda _msg: None)
    results = analyse(inputs.dataset, inputs.config)
    pages = build_pages(results, inputs.config, inputs.prose)
    return results, style_of(results), [(page, fig) for page in pages for fig in page.all_figures()]


# --- every chart --------------------------------------------------------------------------------


def test_every_chart_has_the_spec_altairs_own_to_dict_gives_it(tmp_path, monkeypatch):
    """``chart_spec`` serializes charts as assembled (skipping Altair's second assembly):
    the specs must be exactly Altair's."""
    charts = []
    real = common.assembled
    monkeypatch.setattr(common, "assembled", lambda chart: charts.append(chart) or real(chart))
    project = project_with(tmp_path)
    inputs = gather(project, lambda _msg: None)
    build_pages(analyse(inputs.dataset, inputs.config), inputs.config, inputs.prose)
    assert len(charts) >= 20 and any(isinstance(c, alt.FacetChart) for c in charts)
    for chart in charts:
        assert real(chart).to_dict(validate=False) == chart.to_dict(validate=False)


def test_every_chart_is_valid_vega_lite_and_renders_offline(site):
    _results, _style, figures = site
    assert len(figures) >= 20
    for page, fig in figures:
        spec = static_spec(fig.spec, page.datasets())
        VL_VALIDATOR.validate(spec)
        svg = render_svg(fig.spec, page.datasets(), vegalite_version())
        assert svg.startswith("<svg") and "<text" in svg, fig.id


def test_every_chart_refers_to_one_named_dataset_of_its_page_and_embeds_no_values(site):
    for page, fig in site[2]:
        assert data_names(fig.spec) == {fig.chart.name}, fig.id
        assert not any("values" in n for n in nodes(fig.spec) if isinstance(n.get("data"), dict)), fig.id
        assert "datasets" not in fig.spec
        assert page.datasets()[fig.chart.name].equals(fig.chart.data)  # charts may share one dataset


def test_every_chart_has_a_title_a_tooltip_and_a_description_from_its_data(site):
    for _page, fig in site[2]:
        title = fig.spec["title"]
        assert (title if isinstance(title, str) else title["text"]), fig.id
        assert encodings(fig.spec, "tooltip"), fig.id
        assert fig.spec["description"] == fig.description
        assert any(ch.isdigit() for ch in fig.description), fig.id  # counts or leaders from the data


def test_chart_data_is_rounded_for_display_and_json_clean(site):
    for _page, fig in site[2]:
        json.dumps(fig.spec, allow_nan=False)
        for column in fig.chart.data.columns:
            values = [v for v in fig.chart.data[column] if isinstance(v, float) and v == v and v != 0]
            for v in values:
                assert float(f"{v:.6g}") == v, (fig.id, column, v)


def test_a_platform_has_one_colour_on_every_chart_and_no_colour_names_two_platforms(site):
    _results, style, figures = site
    seen: dict[str, str] = {}
    scales = 0
    for _page, fig in figures:
        for scale in platform_scales(fig.spec):
            scales += 1
            assert len(set(scale.values())) == len(scale), fig.id  # no colour twice in one legend
            for label, color in scale.items():
                assert seen.setdefault(label, color) == color, (fig.id, label)
                assert style.platform_colors[label] == color
    assert scales >= 10 and len(seen) == len(style.platform_order)


def test_every_solid_line_has_no_dash_pattern(site):
    """A dash pattern with no gap draws a solid line, but the browser still dashes the whole
    path: a zoomed-in line, far longer than the view, then took seconds per wheel notch."""
    _results, _style, figures = site
    patterns = [pattern for _page, fig in figures for node in nodes(fig.spec)
                for key in ("strokeDash",) if isinstance(node.get(key), dict)
                for pattern in (node[key].get("scale") or {}).get("range", []) if isinstance(pattern, list)]
    patterns += [node["strokeDash"] for _page, fig in figures for node in nodes(fig.spec)
                 if isinstance(node.get("strokeDash"), list)]
    assert patterns  # rooflines and line plots do use dashes
    gapless = [p for p in patterns if p and not any(p[1::2])]
    assert gapless == []


def test_every_colour_encoding_has_a_legend_or_is_a_fixed_value(site):
    for _page, fig in site[2]:
        for enc in encodings(fig.spec, "color"):
            if "field" in enc:
                assert enc.get("legend", {}) is not None, fig.id


# --- the site's colours -----------------------------------------------------------------------


def test_every_palette_colour_and_mode_shade_has_three_to_one_contrast_on_white():
    for color in theme.PALETTE:
        for amount in theme.MODE_DARKEN:
            assert theme.contrast_on_white(theme.darken(color, amount)) >= theme.MIN_CONTRAST, (color, amount)
    assert theme.contrast_on_white(theme.NEUTRAL) >= theme.MIN_CONTRAST
    assert theme.NEUTRAL not in theme.PALETTE


def test_adding_a_platform_at_the_end_changes_no_other_platforms_colour():
    platforms = ["ultra96-dpu", "zcu102-dpu", "zcu104-dpu", "tx2", "edgetpu", "ncs2", "u96-a53"]
    before = theme.platform_hues(platforms)
    after = theme.platform_hues([*platforms, "brand-new-npu"])
    assert {p: after[p] for p in platforms} == before
    assert after["brand-new-npu"] not in before.values()
    assert len(set(before.values())) == len(platforms)


def test_a_pinned_colour_wins_and_is_not_given_to_another_platform():
    hues = theme.platform_hues(["a", "b", "c"], pinned={"b": "#123456"})
    assert hues["b"] == "#123456"
    assert "#123456" not in (hues["a"], hues["c"])


def test_the_modes_of_a_platform_are_distinct_shades_of_its_hue():
    platforms = pd.DataFrame({"platform": ["tx2"] * 3 + ["fpga"], "mode": ["maxn", "maxp", "maxq", ""],
                              "precision": "FP16"})
    colors = theme.platform_mode_colors(platforms)
    tx2 = list(colors.loc[colors["platform"] == "tx2", "color"])
    assert len(set(tx2)) == 3 and tx2[0] in theme.PALETTE
    assert tx2[1] == theme.darken(tx2[0], theme.MODE_DARKEN[1])


def test_precisions_keep_their_file_order_shape_and_dash():
    styles = theme.precision_styles(["INT2", "INT4", "INT8"])
    assert list(styles["shape"]) == list(theme.PRECISION_SHAPES[:3])
    assert list(styles["dash"]) == [list(d) for d in theme.PRECISION_DASHES[:3]]


# --- hand-made frames: what each chart promises ----------------------------------------------------

STYLE = theme.Style(
    platform_colors={"ZCU104": "#0072B2", "Jetson TX2 maxn": "#009E73"},
    platform_order=("ZCU104", "Jetson TX2 maxn"),
    precisions=("INT8", "FP16"),
    precision_shapes={"INT8": "circle", "FP16": "square"},
    precision_dashes={"INT8": [1, 0], "FP16": [6, 3]},
    precision_colors={"INT8": "#5B3A8E", "FP16": "#2E6DB4"},
)


def config_rows(**values) -> pd.DataFrame:
    base = {"task": "imagenet", "platform": "zcu104", "platform_name": "ZCU104", "mode": "", "precision": "INT8",
            "network": "resnet-50", "network_name": "ResNet-50", "pruning_pct": 100.0}
    length = max(len(v) for v in values.values())
    return pd.DataFrame({**{k: [v] * length for k, v in base.items()}, **values})


def test_boxplots_draw_one_box_per_configuration_network_included():
    boxes = pd.concat([
        config_rows(network=["resnet-50"], network_name=["ResNet-50"], part=["box"]),
        config_rows(network=["googlenet"], network_name=["GoogLeNet"], part=["box"]),
        config_rows(network=["googlenet"], network_name=["GoogLeNet"], part=["outlier"]),
    ], ignore_index=True)
    for column, value in (("n", 5), ("q1", 10.0), ("median", 12.0), ("q3", 14.0), ("whisker_low", 9.0),
                          ("whisker_high", 16.0)):
        boxes[column] = np.where(boxes["part"] == "box", value, np.nan)
    boxes["value"] = np.where(boxes["part"] == "outlier", 40.0, np.nan)
    chart = experiments.boxplot_chart(boxes, STYLE, "box", "Latency", "ms")
    configs = chart.data.loc[chart.data["part"] == "box", "config"]
    assert list(configs) == ["ZCU104 INT8 · GoogLeNet 100%", "ZCU104 INT8 · ResNet-50 100%"]
    assert {"rule", "bar", "tick", "point"} <= set(marks(chart.spec))
    rows = list(dict.fromkeys(chart.data.loc[chart.data["part"] == "box", "row"]))
    assert rows == ["ZCU104 INT8\nGoogLeNet 100%", "ZCU104 INT8\nResNet-50 100%"]  # wrapped, never cut
    assert chart.spec["height"] == 2 * common.row_step(rows)  # one band per configuration, tall enough for its lines
    assert common.row_step(rows) >= 2 * common.LINE_PX


def test_efficiency_labels_a_measurement_above_the_peak_as_an_anomaly():
    eff = config_rows(network=["resnet-50", "mlp"], network_name=["ResNet-50", "MLP"],
                      peak_fps=[1000.0, 500.0], predicted_fps=[800.0, 500.0], measured_fps=[400.0, 700.0],
                      efficiency_pct=[50.0, 140.0], above_peak=[False, True], above_bound=[False, True],
                      batch=[1, 1])
    chart = experiments.efficiency_chart(eff, STYLE, "eff", "platform-aware")
    labels = dict(zip(chart.data["config"], chart.data["label"]))
    assert labels["ZCU104 INT8 · MLP 100%"] == "140% above peak!"
    assert labels["ZCU104 INT8 · ResNet-50 100%"] == "50%"
    assert "1 measured above the compute peak: ZCU104 INT8 · MLP 100%" in chart.description
    assert set(marks(chart.spec)) == {"point", "text"}  # points on a log axis, never bars
    # The legend of the mark kinds and the sentence come from the marks the chart draws.
    legends = [e for e in encodings(chart.spec, "shape") if e.get("legend")]
    assert len({json.dumps(e, sort_keys=True) for e in legends}) == 1  # one legend, the same in every layer
    legend = legends[0]
    drawn = {json.loads(n["calculate"]): n for n in nodes(chart.spec) if n.get("as") == "mark_kind"}
    assert legend["scale"]["domain"] == sorted(drawn, key=legend["scale"]["domain"].index) == [
        "theoretical peak", "platform-aware prediction",
                                                        "measurement"]
    reading = experiments.efficiency_reading("platform-aware", calibrated=False)
    for key in reading.keys:
        assert key.look() in chart.reading.lower() and key.means in chart.reading
        assert any(isinstance(n.get("mark"), dict) and n["mark"].get("shape") == key.mark["shape"]
                   and n["mark"].get("filled") == key.mark.get("filled") for n in nodes(chart.spec))
    assert "hollow diamond: platform-aware prediction" in chart.reading


def test_power_traces_keep_removed_samples_out_of_the_y_domain():
    samples = pd.DataFrame({
        "platform": "edgetpu", "platform_name": "Edge TPU", "mode": "fast", "network": ["a"] * 4 + [""] * 2,
        "network_name": ["Net A"] * 4 + [None] * 2, "time_s": [0.0, 1, 2, 3, 0, 1],
        "power_w": [1.0, 2.0, 9.3, 1.5, 0.5, 0.6], "sample": ["kept", "kept", "removed", "kept", "kept", "kept"]})
    chart = power.power_trace_chart(samples, theme.Style({"Edge TPU fast": "#CC79A7"}, ("Edge TPU fast",), ()),
                                    "traces")
    (domain,) = [e["scale"]["domain"] for e in encodings(chart.spec, "y") if "scale" in e][:1]
    assert domain == [0, pytest.approx(2.0 * 1.08)]
    assert set(chart.data["panel"]) == {"Net A", "idle (no network)"}
    assert chart.spec["facet"]["field"] == "panel"
    assert chart.spec["resolve"]["scale"]["x"] == "independent"  # a short trace is not squeezed by a long one
    removed = [m for m in nodes(chart.spec) if m.get("mark", {}) == {"type": "point", "shape": "triangle-up",
                                                                        "filled": True, "color": theme.NEUTRAL,
                                                                        "size": 40}]
    assert removed, "removed samples are drawn in a neutral mark"


def test_the_pareto_fronts_are_computed_in_the_browser_from_the_points_shown():
    points = config_rows(network=["a", "b"], network_name=["A", "B"], fps=[10.0, 20.0], top1_pct=[70.0, 60.0],
                         batch=[1, 1], kind=["measured", "measured"])
    spec = experiments.pareto_chart(points, STYLE, "pareto").spec
    windows = [n for n in nodes(spec) if "window" in n]
    assert [w["window"][0]["op"] for w in windows][:2] == ["max", "lag"]
    assert any(n.get("filter") == "datum.on_front" for n in nodes(spec))
    first_filter = next(n["filter"] for n in nodes(spec) if isinstance(n.get("filter"), str) and "show_platform" in n["filter"])
    assert "ZCU104" in first_filter  # the platform check boxes act before the front is computed


def test_every_row_label_is_drawn_whole_on_as_many_lines_as_it_needs(site):
    """No band axis cuts a label: wrapped labels (lines of at most LINE_CHARS characters,
    split by the axis' labelExpr) without a length limit, unique as the text they wrap."""
    checked = 0
    for _page, fig in site[2]:
        for channel in ("x", "y"):
            for enc in encodings(fig.spec, channel):
                if enc.get("type") != "nominal" or ("axis" in enc and enc["axis"] is None):
                    continue
                checked += 1
                assert enc.get("axis", {}).get("labelLimit") == 0, fig.id
                if enc["axis"].get("labelExpr") != common.LINES_EXPR:
                    continue  # whole one-line names (the what-if chart's variants)
                labels = fig.chart.data[enc["field"]].dropna().unique()
                originals = {label.replace("\n", " ") for label in labels}
                assert len(originals) == len(labels), fig.id  # wrapping keeps labels unique
                assert all(len(line) <= common.LINE_CHARS or " " not in line
                           for label in labels for line in label.split("\n")), fig.id
    assert checked >= 10


def test_wrapping_breaks_at_spaces_and_after_the_configuration_dot():
    assert common.wrap_words("Neural Compute Stick 2 FP16 · EfficientNet-EdgeTPU-L 100% †") == [
        "Neural Compute Stick 2 FP16", "EfficientNet-EdgeTPU-L 100% †"]
    assert common.wrap_words("a-very-long-word-that-cannot-break-anywhere x", 10) == [
        "a-very-long-word-that-cannot-break-anywhere", "x"]


def test_heatmap_text_has_four_and_a_half_to_one_contrast_on_every_cell(site):
    """The printed value's colour is chosen from the cell's colour (Vega's viridis at the
    cell's place on the log scale), so every cell of every model reads at 4.5:1 or more."""
    cells = 0
    for _page, fig in site[2]:
        if not fig.id.endswith("-prediction"):
            continue
        (domain,) = [e["scale"]["domain"] for e in encodings(fig.spec, "color") if e.get("field") == "fps"]
        low, high = domain
        for fps, text in zip(fig.chart.data["fps"], fig.chart.data["text_color"]):
            t = (np.log(fps) - np.log(low)) / (np.log(high) - np.log(low))
            assert theme.contrast(theme.scheme_color(float(t)), text) >= 4.5, (fig.id, fps, text)
            cells += 1
    assert cells > 0


def test_the_scheme_colours_are_vegas_viridis_at_its_ends_and_middle():
    assert theme.scheme_color(0) == "#440154" and theme.scheme_color(1) == "#FDE725"
    assert theme.scheme_color(0.5) == "#21918D"  # the 16th of 31 stops


def test_a_wide_heatmap_is_split_into_panels_that_fit_a_phone_and_name_the_model():
    rows = []
    for i in range(7):
        for model in ("platform-aware", "calibrated"):
            rows.append(("zcu104", "ZCU104", "", "INT8", f"net{i}", f"Network {i}", 100.0, model, 10.0 ** i,
                         "compute", 1))
    frame = pd.DataFrame(rows, columns=["platform", "platform_name", "mode", "precision", "network", "network_name",
                                        "pruning_pct", "assumption", "fps", "bound", "batch"])
    chart = theory.prediction_heatmap(frame, ["platform-aware", "calibrated"], "calibrated", STYLE, "pred")
    assert sorted(chart.data.groupby("panel")["column"].nunique()) == [3, 4]  # 7 columns: two balanced panels
    assert chart.spec["resolve"]["scale"]["x"] == "independent"
    assert "model" in chart.spec["facet"]["header"]["labelExpr"]  # the header follows the drop-down
    wide = theory.prediction_heatmap(frame, ["platform-aware", "calibrated"], "calibrated", STYLE, "pred",
                                     max_columns=10)
    assert set(wide.data["panel"]) == {1}


def test_display_frame_rounds_floats_and_keeps_missing_values_missing():
    frame = pd.DataFrame({"x": [1234.56789, np.nan, 1 / 3], "t": ["a", None, "c"], "b": [True, False, True]})
    out = common.display_frame(frame)
    assert list(out["x"][[0, 2]]) == [1234.57, 0.333333] and np.isnan(out["x"][1])
    assert list(out["t"]) == ["a", None, "c"]


def test_heatmap_offers_every_model_in_one_chart_opening_at_the_default():
    rows = []
    for platform, name, mode, precision, peak in (("zcu104", "ZCU104", "", "INT8", 4.6),
                                                  ("tx2", "Jetson TX2", "maxn", "FP16", 1.33)):
        for model, factor in (("platform-aware", 1.0), ("calibrated", 0.25)):
            rows.append(("imagenet", platform, name, mode, precision, "resnet-50", "ResNet-50", 50.0, model,
                         peak * 1000 / 3.8 * factor, "compute", 1))
    frame = pd.DataFrame(rows, columns=["task", "platform", "platform_name", "mode", "precision", "network",
                                        "network_name", "pruning_pct", "assumption", "fps", "bound", "batch"])
    chart = theory.prediction_heatmap(frame, ["platform-aware", "calibrated"], "calibrated", STYLE, "pred")
    (param,) = [p for p in chart.spec["params"] if p["name"] == "model"]
    assert param["value"] == "calibrated" and param["bind"]["options"] == ["platform-aware", "calibrated"]
    assert set(chart.data["assumption"]) == {"platform-aware", "calibrated"}
    (domain,) = [e["scale"]["domain"] for e in encodings(chart.spec, "color") if "field" in e]
    assert domain == [pytest.approx(frame["fps"].min()), pytest.approx(frame["fps"].max())]
    assert any("fps_label" in json.dumps(n) and "format" in json.dumps(n) for n in nodes(chart.spec)
               if "calculate" in n)  # the printed value is derived in the browser
    with pytest.raises(ValueError, match="default model"):
        theory.prediction_heatmap(frame, ["platform-aware"], "weights-offchip", STYLE, "pred")


def test_an_empty_frame_is_a_clear_value_error():
    with pytest.raises(ValueError, match="empty frame"):
        experiments.pareto_chart(pd.DataFrame(), STYLE, "p")
    with pytest.raises(ValueError, match="empty frame"):
        theory.peak_chart(pd.DataFrame(), STYLE, "p")


def test_a_colour_pinned_in_platforms_yaml_is_the_platforms_colour_on_every_chart(tmp_path):
    project = project_with(tmp_path)
    platforms = project.data_dir / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("    kind: FPGA\n", "    kind: FPGA\n    color: '#123456'\n", 1))
    inputs = gather(project, lambda _msg: None)
    results = analyse(inputs.dataset, inputs.config)
    style = style_of(results)
    assert style.platform_colors["Fixture FPGA A"] == "#123456"
    figures = [f for page in build_pages(results, inputs.config, inputs.prose) for f in page.all_figures()]
    pinned = [scale["Fixture FPGA A"] for f in figures for scale in platform_scales(f.spec) if "Fixture FPGA A" in scale]
    assert pinned and set(pinned) == {"#123456"}


# --- the roofline -------------------------------------------------------------------------------


def roof_points(rows: list[tuple[str, str, str, str, float, float]]) -> pd.DataFrame:
    """Three points per roof of (platform, name, vendor, precision, peak TOP/s, GB/s)."""
    out = []
    for platform, name, vendor, precision, peak, bandwidth in rows:
        ridge = peak * 1000 / bandwidth
        for intensity in (1.0, ridge, 1e4):
            out.append((platform, name, vendor, "FPGA", "", precision, intensity,
                        min(peak, bandwidth * intensity / 1000), peak, bandwidth))
    return pd.DataFrame(out, columns=list(theory.ROOFLINE_COLUMNS))


def intensity_rows(values: dict[str, float], precision: str = "INT8") -> pd.DataFrame:
    return pd.DataFrame([("imagenet", n.lower(), n, 100.0, precision, 1.0, 1.0, v) for n, v in values.items()],
                        columns=list(theory.INTENSITY_COLUMNS))


def test_coinciding_roofs_are_dashed_apart_and_name_each_other():
    points = roof_points([("a", "Board A", "X", "INT8", 4.0, 20.0), ("b", "Board B", "Y", "INT8", 4.0, 20.0),
                          ("c", "Board C", "Y", "INT8", 1.0, 20.0)])
    style = theme.Style({"Board A": "#0072B2", "Board B": "#D55E00", "Board C": "#009E73"},
                        ("Board A", "Board B", "Board C"), ("INT8",))
    chart = theory.roofline_chart(points, intensity_rows({"Net": 50.0}), style, "roof")
    roofs = chart.data[chart.data["series"] == "roofline"].drop_duplicates("platform_label").set_index("platform_label")
    assert roofs.loc["Board A", "roof_rank"] != roofs.loc["Board B", "roof_rank"]
    assert roofs.loc["Board A", "same_roof"] == "Board B" and roofs.loc["Board C", "same_roof"] is None
    (dash,) = encodings(chart.spec, "strokeDash")
    assert dash["field"] == "roof_rank" and len(set(map(tuple, dash["scale"]["range"]))) == len(dash["scale"]["range"])


def test_the_roofline_legend_lists_only_the_roofs_drawn_at_the_chosen_precision():
    points = roof_points([("a", "Board A", "X", "INT8", 4.0, 20.0), ("b", "Board B", "Y", "FP16", 1.0, 20.0)])
    style = theme.Style({"Board A": "#0072B2", "Board B": "#D55E00"}, ("Board A", "Board B"), ("INT8", "FP16"))
    chart = theory.roofline_chart(points, intensity_rows({"Net": 50.0}), style, "roof", opening="FP16")
    (precision,) = [p for p in chart.spec["params"] if p["name"] == "precision"]
    assert precision["value"] == "FP16"  # the opening precision the page computed from the measurements
    (legend,) = [e["legend"] for e in encodings(chart.spec, "color") if e.get("legend")]
    expr = legend["values"]["expr"]
    assert 'precision === "INT8"' in expr and '"Board A\\n"' in expr and "show_vendor_0" in expr
    svg = render_svg(chart.spec, {"roof": chart.data}, vegalite_version())
    assert ">Board B<" in svg and ">Board A<" not in svg  # at FP16 only Board B is drawn, and only it is listed


def test_network_rule_labels_never_overlap_on_a_phone_wide_plot():
    names = {f"Network {i}": 10 ** (1 + i * 0.05) for i in range(12)}  # twelve rules crowded into 0.6 decades
    rules = intensity_rows(names).assign(rule_label=list(names))
    roofs = roof_points([("a", "Board A", "X", "INT8", 4.0, 20.0)])
    placed = theory.rule_lanes(rules, roofs)
    low, high = 0.0, 4.0  # the decades of the roofs and rules
    boxes = []
    for r in placed.itertuples():
        x = (np.log10(r.intensity_ops_per_byte) - low) / (high - low) * theory.PHONE_PLOT_PX
        size = len(r.rule_label) * theory.RULE_LABEL_PX
        boxes.append((r.lane, x + 3 if r.side == "right" else x - 3 - size, size))
    for i, (lane, start, size) in enumerate(boxes):
        assert start + size <= theory.PHONE_PLOT_PX + 3 and start >= -3
        for other_lane, other_start, other_size in boxes[i + 1:]:
            assert lane != other_lane or start + size < other_start or other_start + other_size < start
    assert placed["lane"].nunique() > 1


def test_batch_sweeps_are_small_multiples_one_panel_per_platform_mode_coloured_by_network():
    batches = pd.concat([config_rows(network=["a"] * 2, network_name=["A"] * 2, batch=[1, 2]),
                         config_rows(network=["b"], network_name=["B"], batch=[1]),
                         config_rows(platform=["tx2"], platform_name=["Jetson TX2"], mode=["maxn"], precision=["FP16"],
                                     network=["a"], network_name=["A"], batch=[1])], ignore_index=True)
    batches = batches.assign(fps_comp=[10.0, 18.0, 5.0, 7.0], lat_comp_ms=[100.0, 110.0, 200.0, 140.0], runs=1)
    chart = experiments.latency_throughput_chart(batches, STYLE, "latency")
    assert chart.spec["facet"]["field"] == "platform_label" and chart.spec["facet"]["sort"] == ["ZCU104",
                                                                                               "Jetson TX2 maxn"]
    (color,) = {json.dumps(e, sort_keys=True) for e in encodings(chart.spec, "color")}
    assert json.loads(color)["field"] == "variant_label"
    assert json.loads(color)["scale"]["domain"] == ["A 100%", "B 100%"]
    assert "one panel per platform mode" in chart.reading.lower() and "colour = network variant" in chart.reading
    xs = [e["scale"] for e in encodings(chart.spec, "x") if "scale" in e]
    assert xs and all(scale.get("padding", 0) > 0 for scale in xs)  # a single-batch point is drawn whole


def test_small_multiples_take_a_phone_layout_from_a_parameter_and_then_fit_390_px():
    batches = pd.concat([config_rows(network=["a"] * 2, network_name=["A"] * 2, batch=[1, 2]),
                         config_rows(platform=["tx2"], platform_name=["Jetson TX2"], mode=["maxn"], precision=["FP16"],
                                     network=["a"], network_name=["A"], batch=[1])], ignore_index=True)
    batches = batches.assign(fps_comp=[10.0, 18.0, 7.0], lat_comp_ms=[100.0, 110.0, 140.0], runs=1)
    desktop = experiments.latency_throughput_chart(batches, STYLE, "latency")
    phone = experiments.latency_throughput_chart(batches, STYLE, "latency", panels=experiments.PHONE_PANELS)
    assert desktop.spec["columns"] == 2 and phone.spec["columns"] == 1
    svg = render_svg(phone.spec, {"latency": phone.data}, vegalite_version())
    assert float(svg.split('width="', 1)[1].split('"', 1)[0]) <= 390
