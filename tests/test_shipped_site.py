"""The site built from the shipped data set: counts, spot values, every section present."""

from __future__ import annotations

import re

import pytest

from generator.build import Project, build
from tests.helpers import REPO
from tests.test_build import read_csv


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("shipped") / "build"
    build(Project(REPO), out, log=lambda _msg: None)
    return out


def test_all_974_measured_runs_are_published(site):
    rows = read_csv(site / "data" / "measurements.csv")
    assert len(rows) == 974
    tx2 = [r for r in rows if (r["platform"], r["mode"], r["precision"], r["network"], r["pruning_pct"], r["batch"])
           == ("tx2", "maxn", "FP16", "googlenet-v1", "100", "1")]
    assert len(tx2) == 1
    assert tx2[0]["fps_comp"] == "194.27"
    assert tx2[0]["lat_comp_ms"] == "5.23807"  # as measured: nine significant digits keep every input digit


def prediction(site, platform, precision, network, pruning="100", assumption="weights-offchip"):
    rows = [r for r in read_csv(site / "data" / "predictions.csv")
            if (r["platform"], r["precision"], r["network"], r["pruning_pct"], r["assumption"])
            == (platform, precision, network, pruning, assumption)]
    assert len(rows) == 1
    return rows[0]


def test_hand_worked_predictions_from_the_shipped_data(site):
    ultra96 = prediction(site, "ultra96-dpu", "INT8", "googlenet-v1")
    assert ultra96["bound"] == "compute"
    assert float(ultra96["fps"]) == pytest.approx(0.96e12 / 3.13e9, rel=1e-4)  # 306.7
    zcu104 = prediction(site, "zcu104-dpu", "INT8", "resnet-50", "50")
    assert zcu104["bound"] == "memory"
    assert float(zcu104["fps"]) == pytest.approx(19.2e9 * (3.75e9 / 15.8e6) / 3.75e9, rel=1e-4)  # ~1215


@pytest.mark.parametrize("task,name", [("imagenet", "ImageNet"), ("cifar10", "CIFAR-10"), ("mnist", "MNIST")])
def test_every_task_page_has_the_theory_and_the_seven_experimental_parts(site, task, name):
    html = (site / f"{task}.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h[2-4]>([^<]+)</h[2-4]>", html)
    expected = [
        "Theoretical Analysis",
        "Rooflines for All Hardware Platforms and CNNs",
        "Performance Prediction",
        "Experimental Data Analysis",
        f"Overview of All Measurements for {name}",
        "Line Plot",
        "Boxplots",
        "Pareto Graphs",
        "Theoretical Pareto and Measured Pareto Overlapped",
        "Efficiency Plot",
        f"{name} Power Measurements",
    ]
    for heading in expected:
        assert heading in headings, f"{task}: missing {heading!r}"


def test_power_traces_appear_where_traces_exist(site):
    html = (site / "imagenet.html").read_text(encoding="utf-8")
    assert 'id="fig-imagenet-trace-edgetpu"' in html
    for task in ("cifar10", "mnist"):
        assert "-trace-" not in (site / f"{task}.html").read_text(encoding="utf-8")


def test_generated_tables_have_the_documented_columns(site):
    expected = {
        "predictions.csv": ["task", "platform", "mode", "precision", "network", "pruning_pct", "assumption", "ops_gop",
                            "intensity_ops_per_byte", "peak_tops", "bandwidth_gbps", "attainable_tops", "fps", "bound"],
        "pareto.csv": ["task", "kind", "platform", "mode", "precision", "network", "pruning_pct", "fps", "top1_pct",
                       "on_front", "batch"],
        "efficiency.csv": ["task", "platform", "mode", "precision", "network", "pruning_pct", "predicted_fps",
                           "peak_fps", "measured_fps", "batch", "efficiency_pct"],
        "power.csv": ["task", "platform", "mode", "precision", "network", "pruning_pct", "batch", "fps_comp",
                      "power_full_w", "energy_mj", "fps_per_w"],
    }
    for name, columns in expected.items():
        header = (site / "data" / name).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(columns) <= set(header), (name, set(columns) - set(header))


@pytest.fixture(scope="module")
def shipped_pages():
    from generator.analysis import analyse
    from generator.build import gather
    from generator.pages import build_pages

    inputs = gather(Project(REPO), lambda _msg: None)
    return build_pages(analyse(inputs.dataset, inputs.config), inputs.config, inputs.prose)


def test_every_chart_on_the_site_is_valid_vega_lite(shipped_pages):
    """Each chart of every page, with the full data, renders to SVG through vl-convert."""
    import vl_convert

    from generator.output.assets import vegalite_version
    from generator.charts.common import for_static_render

    figures = [f for page in shipped_pages for f in page.all_figures()]
    assert len(figures) >= 40
    for fig in figures:
        svg = vl_convert.vegalite_to_svg(for_static_render(fig.spec), vl_version=vegalite_version())
        assert svg.lstrip().startswith("<svg"), fig.id
        assert "<text" in svg, fig.id  # titles and axis labels were drawn
