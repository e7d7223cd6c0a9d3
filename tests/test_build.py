"""The build: atomic, deterministic, data-driven, self-contained, and clear about bad input."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.errors import DataError
from tests.helpers import FIXTURES, REPO
from tests.output_runs import cache_env


def make_project(tmp_path: Path, data: Path = FIXTURES / "minidata") -> Path:
    """A project folder with the repository's templates, prose and config and the given data."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(data, root / "data")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "site_src", root / "site_src")
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    return root


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def quiet(_msg: str) -> None:
    pass


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("mini"))
    build(Project(root), root / "build", log=quiet)
    return root / "build"


def test_two_builds_are_byte_identical(tmp_path):
    root = make_project(tmp_path)
    build(Project(root), tmp_path / "one", log=quiet)
    build(Project(root), tmp_path / "two", log=quiet)
    one, two = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert one == two
    assert "index.html" in one and "data/measurements.csv" in one


def test_the_output_folder_is_readable_by_others(mini_site):
    assert mini_site.stat().st_mode & 0o755 == 0o755


def test_a_failed_build_keeps_the_previous_output(tmp_path):
    root = make_project(tmp_path)
    out = root / "build"
    build(Project(root), out, log=quiet)
    before = tree_digest(out)
    platforms = root / "data" / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("bandwidth_gbps:", "bandwidth_gbps: -1 #", 1))
    with pytest.raises(DataError):
        build(Project(root), out, log=quiet)
    assert tree_digest(out) == before
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith((".build.new-", ".build.old-"))]
    assert leftovers == []


def test_a_template_error_keeps_the_previous_output(tmp_path):
    root = make_project(tmp_path)
    out = root / "build"
    build(Project(root), out, log=quiet)
    before = tree_digest(out)
    (root / "templates" / "page.html").write_text("{% extends 'base.html' %}{% block content %}{{ no_such_variable }}{% endblock %}")
    with pytest.raises(Exception):
        build(Project(root), out, log=quiet)
    assert tree_digest(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith((".build.new-", ".build.old-"))] == []


def test_the_site_has_a_page_per_task_and_the_normalized_tables(mini_site):
    names = {p.name for p in mini_site.iterdir()}
    assert {"index.html", "theory.html", "assets", "data"} <= names
    tasks = {row["task"] for row in read_csv(mini_site / "data" / "networks.csv")}
    for task in tasks:
        assert (mini_site / f"{task}.html").exists()
    for name in ("platforms.csv", "networks.csv", "accuracy.csv", "measurements.csv", "predictions.csv",
                 "pareto.csv", "efficiency.csv", "power.csv"):
        assert (mini_site / "data" / name).exists(), name


def test_every_chart_offers_its_data_and_every_link_is_relative_and_resolves(mini_site):
    for page in mini_site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"#]+)"', html):
            assert not re.match(r"^(/|[a-z]+:)", target), f"{page.name}: non-relative link {target}"
            assert (mini_site / target).exists(), f"{page.name}: broken link {target}"
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"{page.name}: duplicate element ids"
        charts = re.findall(r'<figure class="chart" id="fig-([^"]+)"', html)
        for chart in charts:  # each page's downloads in a folder of its own: no two pages collide
            assert f'href="data/charts/{page.stem}/{chart}.csv"' in html


def test_the_vega_javascript_is_shipped_and_no_page_loads_anything_remote(mini_site):
    first = (mini_site / "assets" / "vega-bundle.js").read_text(encoding="utf-8")
    names = json.loads(first.rsplit("self.vegaBundleParts=", 1)[1].split(";")[0]) if "vegaBundleParts" in first else []
    bundle = first + "".join((mini_site / "assets" / name).read_text(encoding="utf-8") for name in names)
    assert sorted(path.name for path in (mini_site / "assets").glob("vega-bundle*.js")) == sorted(["vega-bundle.js", *names])
    assert "window.vega = " in bundle or "window.vega=" in bundle
    assert "window.vegaEmbed" not in bundle and "window.vegaLite" not in bundle  # compiled at build time
    for page in mini_site.glob("*.html"):
        assert not re.search(r'(src|href)="(https?:)?//', page.read_text(encoding="utf-8")), page.name


def test_home_page_figures_are_computed_from_the_data(mini_site):
    html = (mini_site / "index.html").read_text(encoding="utf-8")
    measurements = read_csv(mini_site / "data" / "measurements.csv")
    platforms = {row["platform"] for row in read_csv(mini_site / "data" / "platforms.csv")}
    variants = read_csv(mini_site / "data" / "networks.csv")
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html))
    assert facts["Measured experiments"] == f"{len(measurements):,}"
    assert facts["Platforms"] == str(len(platforms))
    assert facts["Network variants"] == str(len(variants))


def test_adding_a_platform_adds_its_predictions_rooflines_and_heatmap_rows(tmp_path):
    root = make_project(tmp_path)
    platforms = root / "data" / "platforms.yaml"
    platforms.write_text(platforms.read_text() + (
        "  - id: new-npu\n"
        "    name: Brand-new NPU\n"
        "    vendor: Newcomer Inc\n"
        "    kind: TPU\n"
        "    modes:\n"
        "      - peak_tops: {INT8: 3.0, FP16: 1.5}\n"
        "        bandwidth_gbps: 12.0\n"
    ))
    out = root / "build"
    build(Project(root), out, log=quiet)
    predictions = [r for r in read_csv(out / "data" / "predictions.csv") if r["platform"] == "new-npu"]
    variants = read_csv(out / "data" / "networks.csv")
    assumptions = {r["assumption"] for r in read_csv(out / "data" / "predictions.csv")}
    assert len(predictions) == 2 * len(variants) * len(assumptions)
    for variant_page in {r["task"] for r in variants}:
        roofline = read_csv(out / "data" / "charts" / variant_page / f"{variant_page}-roofline.csv")
        assert any(r["platform_label"] == "Brand-new NPU" for r in roofline)
        heatmap = read_csv(out / "data" / "charts" / variant_page / f"{variant_page}-prediction.csv")
        mine = [r for r in heatmap if r["row_label"].startswith("Brand-new NPU ")]
        assert {r["row_label"] for r in mine} == {"Brand-new NPU INT8", "Brand-new NPU FP16"}
        assert {r["assumption"] for r in mine} == assumptions
        html = (out / f"{variant_page}.html").read_text(encoding="utf-8")
        assert "Newcomer Inc" in html  # its own vendor checkbox, derived from the data


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", **cache_env()})


def test_cli_reports_bad_data_in_one_line_per_problem_without_traceback(tmp_path):
    root = make_project(tmp_path)
    platforms = root / "data" / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("bandwidth_gbps:", "bandwidth_gbps: -1 #", 1))
    result = run_cli("build", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors and "data/platforms.yaml" in errors[0] and "bandwidth_gbps" in errors[0]
    assert not (root / "build").exists()


def test_cli_reports_yaml_syntax_errors_with_their_line(tmp_path):
    root = make_project(tmp_path)
    (root / "data" / "tasks.yaml").write_text("tasks:\n  - id: imagenet\n    name: [unclosed\n")
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"data/tasks\.yaml, line \d+", result.stderr)


def test_cli_build_prints_progress_and_a_summary(tmp_path):
    root = make_project(tmp_path)
    result = run_cli("build", "--out", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("Loading and validating")
    assert re.match(r"Built \d+ pages with \d+ charts", lines[-1])


def test_cli_rejects_a_missing_project_folder_without_traceback(tmp_path):
    result = run_cli("--project", str(tmp_path / "nowhere"), "build", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "folder not found" in result.stderr


def test_a_data_set_without_measurements_builds_the_theory_and_says_so(tmp_path):
    root = make_project(tmp_path)
    for path in (root / "data" / "measurements").glob("*.csv"):
        path.unlink()
    shutil.rmtree(root / "data" / "power_traces", ignore_errors=True)
    out = root / "build"
    build(Project(root), out, log=quiet)
    assert read_csv(out / "data" / "measurements.csv") == []
    assert len(read_csv(out / "data" / "predictions.csv")) > 0
    for task in {row["task"] for row in read_csv(out / "data" / "networks.csv")}:
        html = (out / f"{task}.html").read_text(encoding="utf-8")
        assert "Rooflines for All Hardware Platforms and CNNs" in html
        assert "No measurements of" in html


def test_every_chart_csv_is_exactly_the_data_the_page_embeds_for_it(mini_site):
    import json

    import pandas as pd

    from generator.output.datasets import decode
    from generator.output.tables import to_csv_text

    checked = 0
    for page in mini_site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        data = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)
        for fig_id, spec_text in re.findall(r'<script type="application/json" id="spec-([^"]+)">(.*?)</script>', html):
            (name,) = set(re.findall(r'"url":"dataset:([^"]+)"', spec_text))  # compiled: site.js loads it
            encoded = json.loads(data.group(1))[name]
            rows = decode(encoded)
            embedded = pd.DataFrame(rows, columns=list(encoded["fields"]), dtype=object)
            csv_text = (mini_site / "data" / "charts" / page.stem / f"{fig_id}.csv").read_text(encoding="utf-8")
            assert to_csv_text(embedded, sort=False) == csv_text, fig_id
            checked += 1
    assert checked >= 20
