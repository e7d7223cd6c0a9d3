"""Where data comes from and what readers must know about it: a run's ``source`` (a paper, a
URL, a contributor) and a ``note`` on a platform or network (a caveat), read from ``data/``,
checked like every text a contributor sends, and carried into the downloadable tables."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.citation import Citation, data_date
from generator.errors import DataError
from generator.inputs.config import load_config
from generator.inputs.dataset import load_dataset
from tests.helpers import REPO

HEADER = "task,platform,mode,precision,network,pruning_pct,batch,lat_comp_ms,fps_comp,source\n"


def add_runs(data: Path, rows: str, name: str = "contributed.csv") -> None:
    (data / "measurements" / name).write_text(HEADER + textwrap.dedent(rows).lstrip("\n"), encoding="utf-8")


def add_note(data: Path, file: str, entry_id: str, note: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    marker = f"  - id: {entry_id}\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + f"    note: {note}\n", 1), encoding="utf-8")


def problem_lines(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return [str(p) for p in info.value.problems]


def test_a_runs_source_is_read_and_a_file_without_the_column_has_none(data):
    add_runs(data, """
        imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,"Doe et al., FPL 2024"
        imagenet,fpga-a,,INT8,net-small,100,32,9.0,888,https://example.org/runs
        """)
    runs = load_dataset(data).measurements
    by_batch = dict(zip(runs["batch"], runs["source"].astype(str)))
    assert by_batch[16] == "Doe et al., FPL 2024" and by_batch[32] == "https://example.org/runs"
    assert by_batch[1] == ""  # fpga-a.csv has no source column


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "expected text that does not start with '=', '+', '-', '@'"),
    ("x" * 301, "expected text of at most 300 characters"),
])
def test_a_source_a_spreadsheet_would_run_or_too_long_is_one_problem_line(data, cell, expected):
    quoted = '"' + cell.replace('"', '""') + '"'
    add_runs(data, f"""
        imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,{quoted}
        imagenet,fpga-a,,INT8,net-small,100,32,9.0,888,{quoted}
        """)
    (line,) = problem_lines(data)
    assert line.startswith("data/measurements/contributed.csv, lines 2-3 (2 rows), field 'source': " + expected)


def test_notes_on_a_network_and_a_platform_are_read(data):
    add_note(data, "networks.yaml", "net-big", "Accuracy as published; not reproduced on this hardware.")
    add_note(data, "platforms.yaml", "gpu-b", "Measured with a fan at full speed.")
    ds = load_dataset(data)
    assert ds.network("net-big").note == "Accuracy as published; not reproduced on this hardware."
    assert ds.platform("gpu-b").note == "Measured with a fan at full speed."
    assert ds.network("net-small").note == "" and ds.platform("fpga-a").note == ""


def test_a_note_is_text_of_at_most_300_characters(data):
    add_note(data, "networks.yaml", "net-big", "y" * 301)
    add_note(data, "platforms.yaml", "gpu-b", "'@everyone look'")
    lines = problem_lines(data)
    assert any(line.startswith("data/networks.yaml, line ") and "field 'note': expected text of at most 300" in line
               for line in lines)
    assert any(line.startswith("data/platforms.yaml, line ") and "field 'note': expected text that does not start"
               in line for line in lines)


def test_sources_and_notes_are_in_the_downloadable_tables(make_project, tmp_path):
    from generator.build import Project, build

    root = make_project()
    add_runs(root / "data", """
        imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,"Doe et al., FPL 2024"
        """)
    add_note(root / "data", "networks.yaml", "net-big", "Accuracy as published.")
    add_note(root / "data", "platforms.yaml", "gpu-b", "Fan at full speed.")
    out = tmp_path / "work" / "site"
    build(Project(root), out, log=lambda _msg: None)

    def rows(name: str) -> list[dict[str, str]]:
        with (out / "data" / name).open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    assert {r["source"] for r in rows("measurements.csv") if r["batch"] == "16"} == {"Doe et al., FPL 2024"}
    assert {r["network_note"] for r in rows("networks.csv") if r["network"] == "net-big"} == {"Accuracy as published."}
    assert {r["network_note"] for r in rows("networks.csv") if r["network"] != "net-big"} == {""}
    assert {r["platform_note"] for r in rows("platforms.csv") if r["platform"] == "gpu-b"} == {"Fan at full speed."}


# --- how to cite ---------------------------------------------------------------------------

def git(root: Path, *args: str, date: str = "2024-03-05T12:00:00+00:00") -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_the_data_date_is_that_of_the_last_commit_that_changed_data(project):
    assert data_date(project) == ""  # not a git repository: no date, and no error
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "data", date="2024-03-05T12:00:00+00:00")
    (project / "site_src" / "index.md").write_text("New prose.\n", encoding="utf-8")
    git(project, "commit", "-qam", "prose only", date="2024-09-30T12:00:00+00:00")
    assert data_date(project) == "2024-03-05"  # the prose commit did not move it
    add_runs(project / "data", "imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,Lab notes\n")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "runs", date="2025-01-31T23:30:00+00:00")
    assert data_date(project) == "2025-01-31"


def test_the_citation_reads_as_a_line_and_as_bibtex():
    cite = Citation("CNN Inference Benchmarks", "1.2", "2025-01-31",
                    ("Jane Doe", "The CNN Inference Benchmarks contributors"), "https://example.org/site/")
    assert cite.line() == ("Jane Doe, The CNN Inference Benchmarks contributors. CNN Inference Benchmarks, "
                           "version 1.2 (data of 2025-01-31). https://example.org/site/")
    bib = cite.bibtex()
    assert bib.startswith("@misc{cnn-inference-benchmarks-2025,\n")
    assert "  author = {Jane Doe and {The CNN Inference Benchmarks contributors}},\n" in bib
    assert "  year = {2025},\n  note = {Data of 2025-01-31},\n" in bib and bib.endswith("}")
    assert Citation("A_B {x}").bibtex() == "@misc{a-b-x,\n  title = {A\\_B \\{x\\}}\n}"
    assert Citation("Only a title").line() == "Only a title."


@pytest.mark.parametrize(("setting", "message"), [
    ("date: 2025-13-01", "expected a date like 2025-01-31, found the text '2025-13-01'"),
    ("url: javascript:alert(1)", "expected an address starting with https://"),
    ("authors: Jane Doe", "expected a non-empty list, found the text 'Jane Doe'"),
])
def test_citation_settings_are_checked(tmp_path, setting, message):
    path = tmp_path / "site.yml"
    path.write_text(f"citation:\n  {setting}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_config(path)
    (problem,) = info.value.problems
    assert str(problem).startswith(f"site.yml, line 2, field 'citation.{setting.split(':')[0]}': {message}")


def test_citation_cff_names_the_site_as_site_yml_does():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    config = load_config(REPO / "site.yml")
    assert cff["cff-version"] == "1.2.0" and cff["message"] and cff["authors"]  # what CFF 1.2.0 requires
    assert cff["title"] == config.title
    assert cff["version"] == config.version
    assert [a["name"] for a in cff["authors"]] == list(config.authors)


# --- on the site: the How to cite block, the notes, the footer, the Contributing page -----------

@pytest.fixture(scope="module")
def cited_site(tmp_path_factory):
    """A small project in git with a dated data commit, a citation in site.yml, a note, a
    source, built twice (from git, and from a copy outside git)."""
    from tests.conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("cite") / "work" / "project")
    config = root / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  version: 0.1.0", "  version: 2.1.0")
                      .replace("  authors: [The CNN Inference Benchmarks contributors]", "  authors: [Jane Doe]"),
                      encoding="utf-8")
    add_note(root / "data", "networks.yaml", "net-big", "Accuracy as published; not reproduced here.")
    add_runs(root / "data", "imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,Doe et al. 2024\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "data", date="2024-03-05T12:00:00+00:00")
    built = []
    for name in ("in-git", "again"):
        out = root.parent / name
        done = subprocess.run([sys.executable, "-m", "generator", "--project", str(root), "build", "--out", str(out),
                               "-q"], capture_output=True, text=True, timeout=300,
                              env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(root.parent)})
        assert done.returncode == 0, done.stderr
        built.append(out)
    return root, built


def test_the_home_page_says_how_to_cite_the_site_with_its_version_and_the_date_of_its_data(cited_site):
    _root, (site, again) = cited_site
    page = (site / "index.html").read_text(encoding="utf-8")
    block = page.split('<section id="cite">', 1)[1].split("</section>", 1)[0]
    assert "<h2>How to cite</h2>" in block
    assert "Jane Doe. CNN Inference Benchmarks, version 2.1.0 (data of 2024-03-05)." in block
    assert "@misc{cnn-inference-benchmarks-2024," in block and "version = {2.1.0}" in block
    assert "<dt>Version</dt><dd>2.1.0</dd>" in block and "<dt>Data of</dt><dd>2024-03-05</dd>" in block
    assert "<li>Doe et al. 2024: 1 run</li>" in block and "<li>not given: 20 runs</li>" in block
    assert (again / "index.html").read_bytes() == page.encode("utf-8")  # deterministic


def test_a_build_outside_git_works_and_is_byte_identical_from_run_to_run(cited_site, tmp_path):
    root, _built = cited_site
    outside = tmp_path / "work" / "copy"
    shutil.copytree(root, outside, ignore=shutil.ignore_patterns(".git", ".cache"))
    pages = []
    for name in ("one", "two"):
        out = tmp_path / "work" / name
        done = subprocess.run([sys.executable, "-m", "generator", "--project", str(outside), "build", "--out",
                               str(out), "-q"], capture_output=True, text=True, timeout=300,
                              env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
        assert done.returncode == 0, done.stderr
        pages.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert pages[0] == pages[1]
    home = pages[0][Path("index.html")].decode("utf-8")
    assert "version 2.1.0." in home and "data of" not in home  # no git: no date, and no guess


def test_a_note_is_marked_wherever_its_network_is_drawn_and_written_under_the_tables(cited_site):
    _root, (site, _again) = cited_site
    theory = (site / "theory.html").read_text(encoding="utf-8")
    assert "Net Big †" in theory  # the networks and accuracy tables
    assert "† Net Big: Accuracy as published; not reproduced here." in theory
    imagenet = (site / "imagenet.html").read_text(encoding="utf-8")
    assert "Net Big 100% †" in imagenet  # chart labels and tooltips
    assert "<th scope=\"col\">Net Big †</th>" in imagenet  # the overview
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<strong>Net Big</strong> (network): Accuracy as published; not reproduced here." in home


def test_the_footer_names_the_versions_and_the_sources_and_the_contributing_page_is_linked(cited_site):
    _root, (site, _again) = cited_site
    page = (site / "theory.html").read_text(encoding="utf-8")
    versions = page.split('<p class="versions">', 1)[1].split("</p>", 1)[0]
    assert versions.startswith("Built with qutibench-site 0.1.0, Altair ") and ", Vega-Lite " in versions
    assert "Measurements from Doe et al. 2024 (" in page
    assert '<a href="contributing.html">Contributing</a>' in page
    contributing = (site / "contributing.html").read_text(encoding="utf-8")
    assert "<h1>Contributing</h1>" in contributing and "source" in contributing
