"""Fixtures shared by the whole suite.

``project`` / ``make_project``: a throw-away project folder (the repository's templates,
prose and site.yml, and a data set: the small fixture by default, or the shipped data),
so no test ever builds into the repository itself.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browsing import ARGS, CHROMIUM, required
from tests.helpers import FIXTURES, REPO

MINIDATA = FIXTURES / "minidata"
SHIPPED = REPO / "data"


def copy_project(root: Path, data: Path = MINIDATA) -> Path:
    """``root`` made into a project: ``data`` as its data/, the repository's templates,
    site_src/ and site.yml. ``root`` must not exist yet or be empty."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, root / "data")
    for name in ("templates", "site_src"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    return root


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's cache folder (where the memo's secret lives) of this test session, so the
    tests never write into the home folder; builds run as subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("user-cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """``make_project(data=MINIDATA, name="project")``: a new project folder under this test's
    tmp_path (two levels deep: destructive cases stay inside it)."""
    def make(data: Path = MINIDATA, name: str = "project") -> Path:
        return copy_project(tmp_path / "work" / name, data)
    return make


@pytest.fixture
def project(make_project: Callable[..., Path]) -> Path:
    """A project with the small fixture data set."""
    return make_project()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, one for the whole session (browser tests only)."""
    if not Path(CHROMIUM).exists():
        required(f"Chromium ({CHROMIUM})")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data's site, built once per test session for every browser test, below a
    sub-path (like a GitHub Pages project site): <root>/project/sub/."""
    from generator.build import Project, build

    root = tmp_path_factory.mktemp("served")
    out = root / "project" / "sub"
    build(Project(REPO), out, log=lambda _msg: None)
    return out
