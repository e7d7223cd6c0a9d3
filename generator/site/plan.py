"""Which pages the site has, what each is built from, and how the navigation names them:
decided from the computed results before any page is built, without the chart code (so a
build can hand every page to another process and never import Altair itself)."""

from __future__ import annotations

from typing import NamedTuple

from generator.analysis import Results
from generator.inputs.config import SiteConfig
from generator.inputs.prose import Prose
from generator.charts import theme
from generator.charts.theme import Style, site_style
from generator.site.structure import Page

# The prose every site needs from site_src/ (tasks/<task id> is optional per task).
PROSE_NAMES = (
    "index", "theory", "theory-model", "theory-model-error", "theory-platforms", "theory-networks", "theory-accuracy",
    "task/theory", "task/rooflines", "task/prediction", "task/experimental", "task/overview",
    "task/line-plot", "task/boxplots", "task/pareto", "task/overlap", "task/efficiency", "task/power",
)
HOME_TITLES = ("CNN inference on heterogeneous hardware", "Home")
THEORY_TITLES = ("Theoretical Analysis", "Theory")


class NavItem(NamedTuple):
    """A page as the navigation of every page shows it."""

    slug: str
    title: str
    nav_title: str
    filename: str


def page_names(results: Results) -> list[str]:
    """The site's pages in navigation order: home, theory, then each task that has networks."""
    task_ids = set(results.variants["task"])
    return ["index", "theory"] + [t.id for t in results.dataset.tasks if t.id in task_ids]


def page_titles(name: str, results: Results) -> tuple[str, str]:
    """(title, navigation title) of page ``name``."""
    if name == "index":
        return HOME_TITLES
    if name == "theory":
        return THEORY_TITLES
    task = results.dataset.task(name)
    return task.name, task.name


def navigation(results: Results) -> list[NavItem]:
    """Every page as the navigation shows it, in navigation order."""
    return [NavItem(name, *page_titles(name, results), f"{name}.html") for name in page_names(results)]


def page_results(name: str, results: Results) -> Results:
    """What page ``name`` is built from: a task's page from its task's rows only
    (``Results.for_task``), the theory page from everything but single runs
    (``Results.without_runs``), the home page from everything. The build keys its page cache
    on this, so a page is rebuilt exactly when something it reads has changed."""
    if name == "index":
        return results
    if name == "theory":
        return results.without_runs()
    return results.for_task(name)


def style_of(results: Results) -> Style:
    """The site's colours and shapes, decided once for every chart of every page."""
    return site_style(theme.platform_mode_colors(results.platforms), results.platforms,
                      list(results.precisions["precision"]))


def page_from(name: str, view: Results, config: SiteConfig, prose: Prose, style: Style) -> Page:
    """Page ``name`` from what it is built from (``view``: ``page_results(name, ...)``). The
    home page has no charts: building it imports no chart code."""
    if name == "index":
        from generator.site.home import home_page

        return home_page(view, prose)
    from generator.site import pages

    if name == "theory":
        return pages.theory_page(view, config, prose, style)
    return pages.task_page(view, config, prose, style, name)
