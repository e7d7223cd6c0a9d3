"""``python -m generator new DIR``: a small working project that builds at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.helpers import REPO


def generator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(cwd)}, timeout=300)


def test_new_writes_a_project_that_builds_at_once(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    made = generator("new", "my-site", "--title", "Lab 42: edge benchmarks", cwd=work)
    assert made.returncode == 0, made.stderr
    site = work / "my-site"
    for path in ("site.yml", "data/platforms.yaml", "data/networks.yaml", "data/measurements/example.csv",
                 "data/README.md", "site_src/index.md", "templates/base.html", ".github/workflows/site.yml",
                 "requirements.txt", "constraints.txt", "README.md", ".gitignore"):
        assert (site / path).is_file(), path
    assert yaml.safe_load((site / "site.yml").read_text(encoding="utf-8"))["title"] == "Lab 42: edge benchmarks"
    assert "python -m generator --project my-site build" in made.stdout  # says what to do next
    built = generator("--project", "my-site", "build", "--strict", cwd=work)
    assert built.returncode == 0, built.stderr
    assert "1 platforms" in built.stdout and "4 measurements" in built.stdout
    for page in ("index.html", "theory.html", "imagenet.html", "404.html"):
        assert (site / "build" / page).is_file(), page
    assert "Lab 42: edge benchmarks" in (site / "build" / "index.html").read_text(encoding="utf-8")


def test_new_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path):
    work = tmp_path / "work"
    (work / "mine").mkdir(parents=True)
    (work / "mine" / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = generator("new", "mine", cwd=work)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "error: mine: exists and is not an empty folder; nothing was written"
    assert [p.name for p in (work / "mine").iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in work.iterdir()) == ["mine"]  # no staging folder left behind
