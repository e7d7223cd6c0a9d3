"""Rebuilds redo only what changed, observed through what the build reports and what it
writes: an unchanged build is up to date, a changed run redraws only what draws it, a
rebuild equals a build from nothing, the memo is safe to delete and never runs or trusts
what it did not write, ``validate`` and ``build`` agree whatever the memo holds, and an
interrupted build leaves the output whole."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import Project, build
from generator.cli import main
from tests.helpers import REPO


def quiet(_msg: str) -> None:
    pass


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def change_one_latency(root: Path) -> None:
    path = root / "data" / "measurements" / "fpga-a.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3].replace(",5.0,", ",5.5,", 1)  # batch 4: neither its configuration's best run nor its fps
    path.write_text("\n".join(lines) + "\n")


def built(root: Path, out: Path | None = None, **options) -> tuple[list[str], object]:
    """(what the build logged, its summary)."""
    lines: list[str] = []
    summary = build(Project(root), out or root / "build", log=lines.append, warn=lines.append, **options)
    return lines, summary


def made(lines: list[str], what: str) -> list[str]:
    """The names a build reported for ``what`` ("charts drawn", "pages assembled", ...)."""
    for line in lines:
        match = re.match(rf"\s*{what}: (\d+)(?:: (.*))?; reused: \d+$", line)
        if match:
            return sorted(match.group(2).split(", ")) if match.group(2) else []
    return []


def reused(lines: list[str]) -> list[str]:
    """The lines of a build's report that say it reused something."""
    return [line for line in lines if re.search(r"; reused: [1-9]", line)]


def test_a_build_with_nothing_changed_is_up_to_date_and_leaves_the_output_alone(project):
    out = project / "build"
    _, first = built(project)
    stamp = (out / "index.html").stat().st_mtime_ns
    _, second = built(project)
    assert not first.up_to_date and second.up_to_date
    assert second.report() == first.report()
    assert (out / "index.html").stat().st_mtime_ns == stamp
    assert second.line().startswith("Up to date: ")


@pytest.mark.parametrize("change", ["data", "output", "option", "prose", "template", "link"])
def test_any_change_of_inputs_output_or_options_means_a_real_build(project, change):
    out = project / "build"
    link = project / "templates" / "assets" / "linked.txt"
    (project / "templates" / "assets" / "a.txt").write_text("a\n")
    (project / "templates" / "assets" / "b.txt").write_text("a\n")  # the same bytes: only the link's target differs
    link.symlink_to("a.txt")
    built(project)
    options = {}
    if change == "data":
        change_one_latency(project)
    elif change == "output":
        (out / "index.html").unlink()  # a file the build wrote, gone (an edited one is refused: test_safe_output)
    elif change == "option":
        options = {"base_path": "/repo/"}
    elif change == "prose":
        (project / "site_src" / "index.md").write_text("New words.\n")
    elif change == "template":
        (project / "templates" / "assets" / "extra.txt").write_text("new\n")
    else:
        link.unlink()
        link.symlink_to("b.txt")
    _, again = built(project, **options)
    assert not again.up_to_date
    assert (out / "index.html").is_file()


def test_a_changed_latency_redraws_only_the_charts_that_draw_it_on_its_task_page(project):
    built(project)
    change_one_latency(project)  # an ImageNet run
    lines, _ = built(project)
    assert made(lines, "charts drawn") == ["imagenet-box-lat_comp_ms", "imagenet-latency-throughput"]
    assert made(lines, "pages assembled") == ["imagenet", "index"]
    assert made(lines, "measurement files read") == ["data/measurements/fpga-a.csv"]
    assert made(lines, "model tables computed") == []  # no configuration's best run changed


def test_a_changed_best_run_recomputes_the_model_tables(project):
    built(project)
    path = project / "data" / "measurements" / "fpga-a.csv"
    path.write_text(path.read_text().replace(",888.9,", ",950,"))  # the best throughput of its configuration
    lines, _ = built(project)
    assert {"predictions", "efficiency", "pareto_points"} <= set(made(lines, "model tables computed"))


def test_a_file_with_a_warning_is_read_and_warned_about_on_every_build(project):
    path = project / "data" / "measurements" / "fpga-a.csv"
    lines = path.read_text().splitlines()
    lines[4] = lines[4].replace(",9.0,", ",900.0,", 1)  # latency x throughput 100x off: a warning
    path.write_text("\n".join(lines) + "\n")
    first, _ = built(project)
    change_one_latency(project)  # another line of the same file
    second, _ = built(project)
    for log in (first, second):
        assert len([line for line in log if line.startswith("warning:") and "fpga-a.csv, line 5" in line]) == 1


def test_a_rebuild_equals_a_build_from_nothing_byte_for_byte(project, tmp_path):
    out = project / "build"
    built(project, figures=True)
    change_one_latency(project)
    built(project, figures=True)
    shutil.rmtree(project / ".cache")
    built(project, tmp_path / "fresh", figures=True)
    assert tree(out) == tree(tmp_path / "fresh")


def test_the_memo_is_safe_to_delete(project, tmp_path):
    built(project, tmp_path / "one")
    shutil.rmtree(project / ".cache")
    built(project, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_damaged_memo_entries_are_misses_and_the_site_is_the_same(project, tmp_path):
    built(project, tmp_path / "one")
    damaged = [entry for entry in (project / ".cache").rglob("*.json")]
    assert {entry.parent.name for entry in damaged} >= {"charts", "pages", "model", "measurements", "files"}
    for number, entry in enumerate(damaged):
        entry.write_text(["garbage", '{"format": 1}\n[]', entry.read_text()[:-3]][number % 3])
    lines, _ = built(project, tmp_path / "two")
    assert made(lines, "pages assembled") and not reused(lines)  # everything made afresh
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


class Planted:
    """What a pickle planted in a committed cache would run when loaded."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (Path(self.path).write_text, ("the cache ran code\n",))


def test_a_cache_folder_from_elsewhere_is_never_read_and_runs_nothing(project, tmp_path, monkeypatch):
    built(project, tmp_path / "one")
    planted = tmp_path / "planted.txt"
    for entry in list((project / ".cache").rglob("*.json")):  # another user's entries, and pickles beside them
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Planted(str(planted))))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))  # another secret
    shutil.rmtree(tmp_path / "one")
    lines, _ = built(project, tmp_path / "one")
    assert made(lines, "pages assembled") and not reused(lines)  # everything made afresh
    assert not planted.exists()


def cli(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(root.parent / "user-cache")}
    return subprocess.run([sys.executable, "-m", "generator", "--project", str(root), *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_validate_and_build_agree_on_odd_entries_whatever_the_memo_holds(project, capsys):
    def run(*args: str) -> tuple[int, str]:
        status = main(["--project", str(project), *args])
        return status, capsys.readouterr().err

    assert run("build", "-q")[0] == 0
    odd = project / "data" / "measurements" / "x.csv"
    for entry in ("fifo", "folder named like a file", "dangling link", "looping link"):
        if entry == "fifo":
            os.mkfifo(odd)
        elif entry == "folder named like a file":
            odd.mkdir()
        elif entry == "dangling link":
            odd.symlink_to(project / "nowhere.csv")
        else:
            odd.symlink_to(odd)
        for _ in range(2):  # with the memo of the good build, then without any
            (checked, problems), (status, errors) = run("validate"), run("build", "-q")
            assert (checked, status) == (1, 1), (entry, problems, errors)
            assert "x.csv" in problems and "x.csv" in errors
            shutil.rmtree(project / ".cache", ignore_errors=True)
        if odd.is_dir() and not odd.is_symlink():
            odd.rmdir()
        else:
            odd.unlink()
        assert run("build", "-q")[0] == 0


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_build_ends_at_once_and_leaves_the_previous_output_whole(project, sig, status):
    assert cli(project, "build", "-q").returncode == 0
    before = tree(project / "build")
    (project / "site_src" / "index.md").write_text("Changed.\n")
    shutil.rmtree(project / ".cache")
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(project.parent / "user-cache")}
    process = subprocess.Popen([sys.executable, "-u", "-m", "generator", "build"], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("Computing roofline"):
            break
    time.sleep(0.3)
    process.send_signal(sig)
    started = time.monotonic()
    _, err = process.communicate(timeout=30)
    assert process.returncode == status, err
    assert time.monotonic() - started < 10
    assert "the previous output is unchanged" in err
    assert tree(project / "build") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith((".build.new-", ".build.old-"))]


def test_static_figures_one_svg_per_chart_shown_without_javascript_and_rendered_once(project):
    out = project / "build"
    lines, summary = built(project, figures=True)
    svgs = sorted(out.glob("figures/*/*.svg"))
    assert len(svgs) == summary.charts
    assert all(p.read_text().lstrip().startswith("<svg") for p in svgs)
    html = (out / "imagenet.html").read_text()
    assert '<noscript><img class="chart-static" src="figures/imagenet/imagenet-roofline.svg"' in html
    assert 'href="figures/imagenet/imagenet-roofline.svg" download>figure (SVG)' in html
    assert f"Static figures: {summary.charts} SVGs ({summary.charts} rendered, 0 reused)" in lines
    change_one_latency(project)
    lines, _ = built(project, figures=True)
    assert made(lines, "figures rendered") == ["figures/imagenet/imagenet-box-lat_comp_ms.svg",
                                                "figures/imagenet/imagenet-latency-throughput.svg"]
