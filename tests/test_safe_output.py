"""The output folder is the user's: replaced only when it is exactly a previous build (its
marker is the manifest of what that build wrote), atomically, one build at a time; whatever
a killed build left is restored or removed by the next, and only when it is provably ours.

Destructive cases run inside the throw-away tree of the ``project`` fixture
(tmp_path/work/project), so even a wrong ``--out ..`` could only reach folders the test made."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output.write import MARKER
from tests.output_runs import (ENV, break_data, build, built_sites, digest, leftovers, retitle, run, tree)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    return built_sites(tmp_path_factory.mktemp("sites"))


def refused(result: subprocess.CompletedProcess, out: str) -> str:
    """The one error line of a build refused as a usage problem."""
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {out}: "), line
    return line


def manifest(folder: Path) -> dict:
    return json.loads((folder / MARKER).read_text(encoding="utf-8"))


# --- whose folder ----------------------------------------------------------------------------


@pytest.mark.parametrize("out, reason", [
    (".", "is the project folder"),
    ("..", "contains the project folder"),
    ("../..", "contains the project folder"),
    ("data", "is inside"),
    ("data/measurements", "is inside"),
    ("site_src", "is inside"),
    ("templates/x", "is inside"),
    ("notes", "holds files that are not a previous build of this generator (no .qutibench-site marker)"),
    ("afile.txt", "is a file, not a folder"),
    ("afile.txt/site", "cannot be created"),
    ("/proc/x", "cannot be"),
])
def test_an_output_that_is_not_ours_is_refused_and_nothing_is_touched(project, out, reason):
    (project / "notes").mkdir()
    (project / "notes" / "mine.txt").write_text("personal")
    (project / "afile.txt").write_text("a file")
    (project.parent / "other-program.tmp").write_text("kept by someone else")
    everything = project.parent.parent
    before = tree(everything)
    line = refused(build(project, out), out)
    assert reason in line
    assert tree(everything) == before


@pytest.mark.parametrize("forged", ["empty", "garbage", "old text marker", "symlink", "folder", "other generator",
                                    "lists nothing"])
def test_a_marker_that_is_not_our_manifest_proves_nothing(project, forged):
    """A file named like the marker does not make a folder a previous build: the folder keeps
    its thesis and photos."""
    forged_folder = project.parent / "forged"
    (forged_folder / "photos").mkdir(parents=True)
    (forged_folder / "photos" / "cat.jpg").write_bytes(b"\xff\xd8 a cat")
    (forged_folder / "thesis.tex").write_text("\\documentclass{book}")
    marker = forged_folder / MARKER
    if forged == "empty":
        marker.write_text("")
    elif forged == "garbage":
        marker.write_bytes(b"\x00\xffnot json{")
    elif forged == "old text marker":
        marker.write_text("This folder is a site written by qutibench-site (python -m generator build).\ninputs: 0\n")
    elif forged == "symlink":
        (project.parent / "real-marker.json").write_text(json.dumps(
            {"generator": "qutibench-site", "format": 1, "fingerprint": "", "report": {}, "files": {}}))
        marker.symlink_to(project.parent / "real-marker.json")
    elif forged == "folder":
        marker.mkdir()
    elif forged == "other generator":
        marker.write_text(json.dumps({"generator": "another-tool", "format": 1, "files": {}}))
    else:  # a real-looking manifest that lists none of the files
        marker.write_text(json.dumps({"generator": "qutibench-site", "format": 1, "fingerprint": "x",
                                      "report": {}, "files": {}}))
    before = tree(forged_folder)
    line = refused(build(project, "../forged"), "../forged")
    assert "not a previous build" in line or "did not write: photos/, thesis.tex" in line
    assert tree(forged_folder) == before
    assert leftovers(project.parent) == []


def test_a_previous_build_with_files_it_did_not_write_is_refused_naming_them(project, sites):
    """A built site copied into a gh-pages checkout: its .git/ and CNAME are not the build's."""
    checkout = project / "gh-pages"
    shutil.copytree(sites["old"], checkout)
    (checkout / ".git" / "refs").mkdir(parents=True)
    (checkout / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (checkout / "CNAME").write_text("bench.example.org\n")
    (checkout / "data" / "my-notes.txt").write_text("mine")
    before = tree(checkout)
    line = refused(build(project, "gh-pages"), "gh-pages")
    assert "holds files this generator did not write: .git/, CNAME, data/my-notes.txt;" in line
    assert "site_src/extra/" in line
    assert tree(checkout) == before


def test_many_foreign_files_are_named_a_few_then_counted(project, sites):
    shutil.copytree(sites["old"], project / "build")
    for n in range(12):
        (project / "build" / f"mine-{n:02}.txt").write_text("mine")
    line = refused(build(project), "build")
    assert "mine-00.txt, mine-01.txt, mine-02.txt, mine-03.txt, mine-04.txt and 7 more;" in line


def test_a_file_changed_since_the_last_build_is_refused_not_overwritten(project):
    assert build(project).returncode == 0
    (project / "build" / "index.html").write_text("edited by hand")
    retitle(project)
    before = tree(project / "build")
    line = refused(build(project), "build")
    assert "files changed since the last build: index.html;" in line
    assert tree(project / "build") == before
    assert leftovers(project) == []


def test_an_empty_folder_or_a_previous_build_is_replaced(project, sites):
    (project / "empty").mkdir()
    shutil.copytree(sites["old"], project / "previous")
    shutil.copytree(sites["old"], project / "incomplete")
    (project / "incomplete" / "index.html").unlink()  # a file the build wrote, gone: still ours
    retitle(project)
    for out in ("empty", "previous", "incomplete"):
        assert build(project, out).returncode == 0
        assert digest(project / out) == digest(sites["new"])
    assert leftovers(project) == []


def test_the_marker_lists_every_file_the_build_wrote_with_its_hash(project):
    assert build(project).returncode == 0
    written = manifest(project / "build")
    assert (written["generator"], written["format"]) == ("qutibench-site", 1)
    files = digest(project / "build")
    del files[MARKER]
    assert written["files"] == files
    pages = [name for name in files if name.endswith(".html") and "/" not in name and name != "404.html"]
    assert written["report"]["summary"]["pages"] == len(pages) == 5  # home, theory, two tasks, contributing
    assert not (project / "build" / MARKER).is_symlink()


def test_the_same_inputs_give_the_same_marker(project, sites):
    assert build(project, "again").returncode == 0
    retitle(project)
    assert build(project, "again-new").returncode == 0
    assert (project / "again" / MARKER).read_bytes() == (sites["old"] / MARKER).read_bytes()
    assert (project / "again-new" / MARKER).read_bytes() == (sites["new"] / MARKER).read_bytes()


def test_an_absent_folder_is_created_with_its_parents(project):
    assert build(project, "new/deeper/site").returncode == 0
    assert (project / "new" / "deeper" / "site" / "index.html").exists()


# --- the author's own files: site_src/extra/ ----------------------------------------------------


def test_files_in_site_src_extra_are_copied_verbatim_and_belong_to_the_build(project):
    extra = project / "site_src" / "extra"
    (extra / ".well-known").mkdir(parents=True)
    (extra / "CNAME").write_text("bench.example.org\n")
    (extra / ".nojekyll").write_bytes(b"")
    (extra / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    (extra / ".well-known" / "security.txt").write_bytes(b"Contact: mailto:a@example.org\r\n")
    assert build(project).returncode == 0
    out = project / "build"
    for name in ("CNAME", ".nojekyll", "robots.txt", ".well-known/security.txt"):
        assert (out / name).read_bytes() == (extra / name).read_bytes()
        assert name in manifest(out)["files"]

    (extra / "CNAME").unlink()  # the next build replaces the build's own files like the rest
    (extra / "robots.txt").write_text("User-agent: *\nDisallow: /data/\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert not (out / "CNAME").exists()
    assert (out / "robots.txt").read_text() == "User-agent: *\nDisallow: /data/\n"


def test_an_extra_file_named_like_a_file_the_site_writes_is_a_problem(project, sites):
    shutil.copytree(sites["old"], project / "build")
    (project / "site_src" / "extra" / "assets").mkdir(parents=True)
    (project / "site_src" / "extra" / "index.html").write_text("<p>mine</p>")
    (project / "site_src" / "extra" / "assets" / "site.js").write_text("alert(1)")
    before = tree(project / "build")
    result = build(project)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [
        "error: site_src/extra/assets/site.js: expected a file the site does not write itself, found the name of "
        "one of its pages, tables, assets or its marker; rename it",
        "error: site_src/extra/index.html: expected a file the site does not write itself, found the name of "
        "one of its pages, tables, assets or its marker; rename it",
    ]
    assert tree(project / "build") == before
    assert leftovers(project) == []


@pytest.mark.parametrize("entry, message", [
    ("outside", "expected a file inside the project, found a symbolic link that leads outside it "
                "(an input may only link to files inside the project)"),
    ("dangling", "expected a file, found a symbolic link to nothing (its target does not exist)"),
    ("fifo", "expected a regular file to copy into the site, found a named pipe (FIFO)"),
    ("folder link", "expected a regular file to copy into the site, found a folder"),
])
def test_an_extra_entry_that_is_not_a_file_of_the_project_is_a_problem_for_validate_and_build(project, entry,
                                                                                              message):
    extra = project / "site_src" / "extra"
    extra.mkdir(parents=True)
    secret = project.parent / "secret.txt"
    secret.write_text("password=hunter2")
    if entry == "outside":
        (extra / "notes.txt").symlink_to(secret)
    elif entry == "dangling":
        (extra / "notes.txt").symlink_to(project / "nowhere")
    elif entry == "fifo":
        os.mkfifo(extra / "notes.txt")
    else:
        (extra / "notes.txt").symlink_to(project / "data")
    for command in (["validate"], ["build", "-q"]):
        result = run(project, *command)
        assert result.returncode == 1, result.stderr
        assert f"error: site_src/extra/notes.txt: {message}" in result.stderr
        assert "hunter2" not in result.stderr + result.stdout
    assert not (project / "build").exists()


# --- atomic and recoverable --------------------------------------------------------------------


@pytest.mark.parametrize("exchange, fault", [
    (True, "writing"), (True, "staged"), (True, "swapped"), (True, "removing"),
    (False, "writing"), (False, "staged"), (False, "moved-aside"), (False, "swapped"), (False, "removing"),
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
    break_data(project)
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


@pytest.mark.parametrize("up_to_date", [False, True])
def test_leftovers_that_are_not_provably_ours_are_never_removed(project, sites, up_to_date):
    """Folders named like a killed build's leftovers are kept unless their marker lists
    everything in them: with no marker, with a copied marker, or with a journal that does not
    list the file, by a build that rebuilds and by one that finds everything up to date."""
    if up_to_date:
        assert build(project).returncode == 0
    fakes = {name: project / name for name in (".build.old-notmine", ".build.new-copied", ".build.new-journal")}
    for folder in fakes.values():
        folder.mkdir()
        (folder / "keep.txt").write_text("someone else's")
    shutil.copyfile(sites["old"] / MARKER, fakes[".build.new-copied"] / MARKER)
    (fakes[".build.new-journal"] / MARKER).write_text(
        '{"format": 1, "generator": "qutibench-site", "staging": true}\n'
        '{"path": "index.html", "sha256": "00"}\n')
    before = {name: tree(folder) for name, folder in fakes.items()}
    result = build(project)
    assert result.returncode == 0
    assert result.stdout.startswith("Up to date") == up_to_date
    assert {name: tree(folder) for name, folder in fakes.items()} == before
