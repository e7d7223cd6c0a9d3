"""Which pages the site has, what each is built from, and how the navigation names them:
decided from the computed results before any page is assembled."""

from __future__ import annotations

from dataclasses import dataclass

from generator.analysis import Results
from generator.inputs.prose import Prose

# The prose every site needs from site_src/ (tasks/<task id> is optional per task).
PROSE_NAMES = (
    "index", "theory", "theory-model", "theory-model-error", "theory-layers", "theory-what-if", "theory-platforms",
    "theory-networks", "theory-accuracy",
    "task/theory", "task/rooflines", "task/prediction", "task/experimental", "task/overview",
    "task/line-plot", "task/boxplots", "task/pareto", "task/overlap", "task/efficiency", "task/power",
)
HOME_TITLES = ("CNN inference on heterogeneous hardware", "Home")
THEORY_TITLES = ("Theoretical Analysis", "Theory")
# An optional page of prose (site_src/contributing.md): how to send data, last in the navigation.
CONTRIBUTING = "contributing"
CONTRIBUTING_TITLES = ("Contributing", "Contributing")


@dataclass(frozen=True)
class NavItem:
    """A page as the navigation of every page shows it."""

    slug: str
    title: str
    nav_title: str
    filename: str


def page_names(results: Results, prose: Prose | None = None) -> list[str]:
    """The site's pages in navigation order: home, theory, each task that has networks, and
    the Contributing page when ``prose`` has one."""
    task_ids = set(results.variants["task"])
    extra = [CONTRIBUTING] if prose is not None and prose.get(CONTRIBUTING) else []
    return ["index", "theory"] + [t.id for t in results.dataset.tasks if t.id in task_ids] + extra


def page_titles(name: str, results: Results) -> tuple[str, str]:
    """(title, navigation title) of page ``name``."""
    if name == "index":
        return HOME_TITLES
    if name == "theory":
        return THEORY_TITLES
    if name == CONTRIBUTING:
        return CONTRIBUTING_TITLES
    task = results.dataset.task(name)
    assert task is not None, name
    return task.name, task.name


def navigation(results: Results, prose: Prose | None = None) -> list[NavItem]:
    """Every page as the navigation shows it, in navigation order."""
    return [NavItem(name, *page_titles(name, results), f"{name}.html") for name in page_names(results, prose)]


def page_view(name: str, results: Results) -> Results:
    """What page ``name`` is built from: a task's page from its task's rows only
    (``Results.for_task``), the theory page from everything but single runs
    (``Results.without_runs``), the home page from everything. The build keys a page's
    memo entry on this, so a page is assembled again exactly when something it reads changed."""
    if name == "index":
        return results
    if name in ("theory", CONTRIBUTING):  # the Contributing page is prose: it needs the least that is at hand
        return results.without_runs()
    return results.for_task(name)
