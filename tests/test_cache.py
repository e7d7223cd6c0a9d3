"""Rebuilds redo only what changed: an unchanged build is reported up to date, a changed
measurement rebuilds only its task's page and the charts that draw it, a rebuild equals a
build from nothing, the cache is safe to delete, and static figures are rendered once per
chart."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Project, build
from tests.helpers import FIXTURES, REPO

ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(FIXTURES / "minidata", root / "data")
    for name in ("templates", "site_src"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    return Project(root)


def quiet(_msg: str) -> None:
    pass


def change_one_latency(project: Project) -> None:
    path = project.data_dir / "measurements" / "fpga-a.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3].replace(",5.0,", ",5.5,", 1)  # batch 4: neither its configuration's best run nor its fps
    path.write_text("\n".join(lines) + "\n")


def stored_by_a_rebuild_after_one_change(project: Project) -> list[tuple[str, object]]:
    """(kind, value) of every entry a rebuild adds to the cache after one run changed, by
    whichever process of the build stored it."""
    build(project, project.root / "build", log=quiet)
    before = set(project.cache_dir.rglob("*.pickle"))
    change_one_latency(project)
    build(project, project.root / "build", log=quiet)
    added = sorted(set(project.cache_dir.rglob("*.pickle")) - before)
    return [(path.parent.name, pickle.loads(path.read_bytes())) for path in added]


def test_a_build_with_nothing_changed_is_up_to_date_and_leaves_the_output_alone(project):
    out = project.root / "build"
    first = build(project, out, log=quiet)
    stamp = (out / "index.html").stat().st_mtime_ns
    second = build(project, out, log=quiet)
    assert not first.up_to_date and second.up_to_date
    assert second.report() == first.report()
    assert (out / "index.html").stat().st_mtime_ns == stamp
    assert second.line().startswith("Up to date: ")


def test_the_command_line_reports_up_to_date_without_importing_pandas_or_altair(project):
    code = ("import sys\nfrom generator.cli import main\nrc = main(sys.argv[1:])\n"
            "print('heavy:', sorted(m for m in ('pandas', 'altair') if m in sys.modules))\nsys.exit(rc)\n")
    args = [sys.executable, "-c", code, "--project", str(project.root), "build", "-q"]
    subprocess.run(args, env=ENV, check=True, capture_output=True)
    again = subprocess.run(args, env=ENV, check=True, capture_output=True, text=True)
    assert again.stdout.startswith("Up to date: ")
    assert "heavy: []" in again.stdout


@pytest.mark.parametrize("change", ["data", "output", "option", "prose"])
def test_any_change_of_inputs_output_or_options_means_a_real_build(project, change):
    out = project.root / "build"
    build(project, out, log=quiet)
    kwargs = {}
    if change == "data":
        change_one_latency(project)
    elif change == "output":
        (out / "index.html").unlink()  # a file the build wrote, gone (an edited one is refused: test_safe_output)
    elif change == "option":
        kwargs = {"base_path": "/repo/"}
    else:
        (project.site_src_dir / "index.md").write_text("New words.\n")
    again = build(project, out, log=quiet, **kwargs)
    assert not again.up_to_date
    assert (out / "index.html").read_text() != "edited by hand"


def test_a_changed_latency_rebuilds_only_the_charts_that_draw_it(project):
    stored = stored_by_a_rebuild_after_one_change(project)
    assert sorted(value.name for kind, value in stored if kind == "charts") == ["box-lat_comp_ms", "latency"]




def test_a_changed_measurement_rebuilds_only_its_task_page_and_the_home_page(project):
    stored = stored_by_a_rebuild_after_one_change(project)  # an ImageNet run
    assert sorted(value[0].slug for kind, value in stored if kind == "pages") == ["imagenet", "index"]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="page builders are forked only where there are two cores")
def test_a_rebuild_that_redraws_one_page_leaves_the_charts_to_the_page_builders(project):
    build(project, project.root / "build", log=quiet)
    path = project.data_dir / "measurements" / "fpga-a.csv"
    for change, call in (((",5.0,", ",5.5,"), "from generator.build import Project, build; "
                                                "build(Project(Path('.')), Path('build'), log=print)"),
                         ((",5.5,", ",5.0,"), "from generator.cli import main; main(['build'])")):
        path.write_text(path.read_text().replace(*change, 1))  # one run that is not its configuration's best
        script = f"import sys; from pathlib import Path; {call}; print('altair' in sys.modules)"
        done = subprocess.run([sys.executable, "-c", script], cwd=project.root, env=ENV, capture_output=True,
                              text=True, check=True)
        assert "imagenet.html: " in done.stdout  # a real build (not "up to date")
        assert done.stdout.strip().splitlines()[-1] == "False"  # redrawn by a builder process, not this one
    assert "latency" in (project.root / "build" / "imagenet.html").read_text()


def test_a_process_that_has_the_chart_code_redraws_one_page_itself(project, monkeypatch):
    import generator.site.pages  # noqa: F401  (as ``serve`` has after its first build)
    from generator.builders import PageBuilders

    build(project, project.root / "build", log=quiet)
    forked = []
    monkeypatch.setattr(PageBuilders, "_fork", lambda self, n, **k: forked.append(n))
    change_one_latency(project)
    build(project, project.root / "build", log=quiet)
    assert forked == [] and "latency" in (project.root / "build" / "imagenet.html").read_text()


def test_a_run_that_changes_no_best_run_leaves_the_model_to_the_cache(project):
    stored = stored_by_a_rebuild_after_one_change(project)
    assert [kind for kind, _value in stored if kind == "model"] == []
    assert {kind for kind, _value in stored} == {"inputs", "charts", "pages", "files"}


def test_a_rebuild_reads_only_the_measurement_files_that_changed(project):
    stored = stored_by_a_rebuild_after_one_change(project)
    read = [value for kind, value in stored if kind == "inputs"]
    assert [set(frame["source_file"]) for frame in read] == [{"data/measurements/fpga-a.csv"}]


def test_a_file_with_a_warning_is_read_and_warned_about_on_every_build(project):
    path = project.data_dir / "measurements" / "fpga-a.csv"
    lines = path.read_text().splitlines()
    lines[4] = lines[4].replace(",9.0,", ",900.0,", 1)  # latency x throughput 100x off: a warning
    path.write_text("\n".join(lines) + "\n")
    warnings: list[str] = []
    build(project, project.root / "build", log=quiet, warn=warnings.append)
    change_one_latency(project)  # another line of the same file
    build(project, project.root / "build", log=quiet, warn=warnings.append)
    assert len(warnings) == 2 and all("fpga-a.csv, line 5" in w for w in warnings)


def test_a_rebuild_from_the_cache_equals_a_build_from_nothing(project, tmp_path):
    out = project.root / "build"
    build(project, out, log=quiet, figures=True)
    change_one_latency(project)
    build(project, out, log=quiet, figures=True)
    shutil.rmtree(project.cache_dir)
    build(project, tmp_path / "fresh", log=quiet, figures=True)
    assert tree(out) == tree(tmp_path / "fresh")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_cache_is_safe_to_delete(project, tmp_path):
    build(project, tmp_path / "one", log=quiet)
    shutil.rmtree(project.cache_dir)
    build(project, tmp_path / "two", log=quiet)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_damaged_cache_entry_is_a_miss_not_an_error(project, tmp_path):
    build(project, tmp_path / "one", log=quiet)
    damaged = [entry for entry in project.cache_dir.rglob("*") if entry.is_file()]
    for entry in damaged:
        entry.write_bytes(b"damaged")
    assert {entry.parent.name for entry in damaged} >= {"charts", "pages", "templates"}
    build(project, tmp_path / "two", log=quiet)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_static_figures_one_svg_per_chart_shown_without_javascript_and_rendered_once(project):
    out = project.root / "build"
    messages: list[str] = []
    summary = build(project, out, log=messages.append, figures=True)
    svgs = sorted(out.glob("figures/*/*.svg"))
    assert len(svgs) == summary.charts
    assert all(p.read_text().lstrip().startswith("<svg") for p in svgs)
    html = (out / "imagenet.html").read_text()
    assert '<noscript><img class="chart-static" src="figures/imagenet/imagenet-roofline.svg"' in html
    assert 'href="figures/imagenet/imagenet-roofline.svg" download>figure (SVG)' in html
    assert f"{summary.charts} rendered" in " ".join(messages)
    change_one_latency(project)
    messages.clear()
    build(project, out, log=messages.append, figures=True)
    assert f"{summary.charts - 2} from the cache" in " ".join(messages)  # only the two changed charts
