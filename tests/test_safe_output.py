"""The output folder is the user's: replaced only when it is a previous build, atomically,
one build at a time, and whatever a killed build left is restored or removed by the next.

Destructive cases run inside a throw-away tree nested two levels deep (tmp/a/b/project),
so even a wrong ``--out ..`` could only reach folders the test made."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output.write import MARKER
from tests.helpers import FIXTURES, REPO

ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
# Runs the CLI with a fault point armed: the process kills itself (SIGKILL) there.
FAULTY = ("import sys, generator.output.write as w\n"
          "w.FAULT = sys.argv[1] or None\n"
          "w.EXCHANGE = sys.argv[2] == 'exchange'\n"
          "from generator.cli import main\n"
          "sys.exit(main(sys.argv[3:]))\n")


def make_project(base: Path) -> Path:
    root = base / "a" / "b" / "project"
    root.mkdir(parents=True)
    shutil.copytree(FIXTURES / "minidata", root / "data")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "site_src", root / "site_src")
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    (root / "notes").mkdir()
    (root / "notes" / "mine.txt").write_text("personal")
    (root / "afile.txt").write_text("a file")
    (base / "a" / "other-program.tmp").write_text("kept by someone else")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def retitle(root: Path) -> None:
    (root / "site.yml").write_text((root / "site.yml").read_text().replace("title:", "title: New #", 1))


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The old site (as shipped) and the new one (a changed title), built once."""
    root = make_project(tmp_path_factory.mktemp("sites"))
    assert build(root, "old").returncode == 0
    retitle(root)
    assert build(root, "new").returncode == 0
    return {"old": root / "old", "new": root / "new"}


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(root: Path, *args: str, fault: str = "", exchange: bool = True, umask: int | None = None):
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-c", FAULTY, fault, "exchange" if exchange else "renames",
                           "--project", str(root), *args], cwd=root, capture_output=True, text=True, env=ENV,
                          preexec_fn=preexec)


def build(root: Path, out: str = "build", **kwargs) -> subprocess.CompletedProcess:
    return run(root, "build", "-q", "--out", out, **kwargs)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name)


# --- whose folder ----------------------------------------------------------------------------


@pytest.mark.parametrize("out, reason", [
    (".", "is the project folder"),
    ("..", "contains the project folder"),
    ("../..", "contains the project folder"),
    ("data", "is inside"),
    ("data/measurements", "is inside"),
    ("site_src", "is inside"),
    ("templates/x", "is inside"),
    ("notes", "holds files that are not a previous build of this generator"),
    ("afile.txt", "is a file, not a folder"),
    ("afile.txt/site", "cannot be created"),
    ("/proc/x", "cannot be"),
])
def test_an_output_that_is_not_ours_is_refused_and_nothing_is_touched(project, out, reason):
    tree = project.parent.parent
    before = digest(tree)
    result = build(project, out)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {out}: ") and reason in line
    assert digest(tree) == before


def test_an_empty_folder_or_a_previous_build_is_replaced(project, sites):
    (project / "empty").mkdir()
    shutil.copytree(sites["old"], project / "previous")
    (project / "previous" / "stray.txt").write_text("x")  # still a previous build: all of it goes
    retitle(project)
    assert build(project, "empty").returncode == 0
    assert build(project, "previous").returncode == 0
    assert digest(project / "empty") == digest(project / "previous") == digest(sites["new"])
    assert (project / "empty" / MARKER).exists()
    assert leftovers(project) == []


def test_an_absent_folder_is_created_with_its_parents(project):
    assert build(project, "new/deeper/site").returncode == 0
    assert (project / "new" / "deeper" / "site" / "index.html").exists()


# --- atomic and recoverable --------------------------------------------------------------------


@pytest.mark.parametrize("exchange, fault", [
    (True, "staged"), (True, "swapped"), (True, "removing"),
    (False, "staged"), (False, "moved-aside"), (False, "swapped"), (False, "removing"),
])
def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_cleans_up(project, sites, exchange,
                                                                                         fault):
    shutil.copytree(sites["old"], project / "build")
    old, new = digest(sites["old"]), digest(sites["new"])
    assert old != new
    retitle(project)

    killed = build(project, fault=fault, exchange=exchange)
    assert killed.returncode == -9  # SIGKILL at the fault point
    if (project / "build").exists():
        assert digest(project / "build") in (old, new)  # the whole old or the whole new site
    else:
        assert (exchange, fault) == (False, "moved-aside")  # the two-rename window, recovered below
    assert leftovers(project)  # the killed build left its staging or the previous site

    # The next build, even one that fails on bad data, restores the site and removes leftovers.
    platforms = project / "data" / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("bandwidth_gbps: 19.2", "bandwidth_gbps: -1", 1))
    assert build(project).returncode == 1
    assert digest(project / "build") in (old, new)
    assert leftovers(project) == []


def test_after_the_two_rename_window_the_next_good_build_publishes_the_new_site(project, sites):
    shutil.copytree(sites["old"], project / "build")
    retitle(project)
    assert build(project, fault="moved-aside", exchange=False).returncode == -9
    assert not (project / "build").exists()
    assert build(project).returncode == 0
    assert digest(project / "build") == digest(sites["new"])
    assert leftovers(project) == []


def test_concurrent_builds_into_one_folder_both_succeed_one_after_the_other(project):
    args = [sys.executable, "-m", "generator", "--project", str(project), "build", "-q", "--out", "build"]
    first = subprocess.Popen(args, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(args, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert (project / "build" / "index.html").exists()
    assert leftovers(project) == []


def test_published_files_are_world_readable_whatever_the_umask(project):
    assert build(project, umask=0o077).returncode == 0
    out = project / "build"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [out, *out.rglob("*")]}
    assert modes == {0o755, 0o644}


def test_leftovers_that_are_not_ours_are_never_removed(project):
    foreign = project / ".build.old-notmine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("someone else's")
    assert build(project).returncode == 0
    assert (foreign / "keep.txt").read_text() == "someone else's"
