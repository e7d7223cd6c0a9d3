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


def copy_project(root: Path, data: Path = MINIDATA, warm: bool = True) -> Path:
    """``root`` made into a project: ``data`` as its data/, the repository's templates,
    site_src/ and site.yml. ``root`` must not exist yet or be empty.

    ``warm``: with the small fixture data set, the project starts with the memo of a build of
    that same project (made once per test session, ``warm_memo``), so its charts are not
    rendered again in every test that builds it; ``warm=False`` for a project that has
    never been built (what a first build computes)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, root / "data")
    for name in ("templates", "site_src"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    memo = warm_memo() if warm and data == MINIDATA else None
    if memo is not None:
        shutil.copytree(memo, root / ".cache")
    return root


# --- one render of every chart per session ------------------------------------------------------

_WARM: dict[str, Path] = {}  # "root": where warm_memo builds; "memo": its .cache, once built


def warm_memo() -> Path | None:
    """The ``.cache`` folder of a project with the small fixture data set, built once per test
    session (and per worker process); None outside a session."""
    if "memo" not in _WARM and "root" in _WARM:
        from generator.build import build
        from generator.project import Project

        root = copy_project(_WARM["root"] / "project", warm=False)
        build(Project(root), root / "build", log=lambda _msg: None)
        _WARM["memo"] = root / ".cache"
    return _WARM.get("memo")


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's cache folder (where the memo's secret lives) of this test session, so the
    tests never write into the home folder; builds run as subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("user-cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    _WARM["root"] = tmp_path_factory.mktemp("warm-memo")
    yield folder
    _WARM.clear()
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
def data(tmp_path: Path) -> Path:
    """A copy of the small fixture data set alone, as ``tmp_path/data``."""
    target = tmp_path / "data"
    shutil.copytree(MINIDATA, target)
    return target


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
