"""``build``: gather every input, compute, then write (as MkDocs' ``commands/build.py``).

1. **Gather**: ``site.yml``, ``data/`` and ``site_src/`` are read and checked together, so
   one run reports every problem of every input (``gather``).
2. **Compute**: the model's tables (``analysis``) and the pages (``pages``), in memory.
3. **Write**: the site is rendered into a staging folder and swapped into the output
   folder in one step (``output.write``); a failure anywhere leaves the output untouched.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import __version__
from generator.analysis import Results, analyse
from generator.errors import Problem
from generator.inputs.checks import Problems
from generator.inputs.config import SiteConfig, read_config
from generator.inputs.dataset import read_dataset
from generator.inputs.extra import Extra, read_extra
from generator.inputs.prose import Prose, read_prose
from generator import cache
from generator.output import datasets, write
from generator.project import BuildSummary, Project, normal_base
from generator.output.assets import write_assets, write_extra
from generator.output.render import Renderer, renderer_for
from generator.output.tables import to_csv_text
from generator.site.plan import PROSE_NAMES, NavItem, navigation, page_from, page_names, page_results, style_of
from generator.builders import PageBuilders
from generator.charts.theme import Style
from generator.site.structure import Figure, Page
from generator.records import Dataset

Log = Callable[[str], None]


@dataclass(frozen=True)
class Inputs:
    config: SiteConfig
    dataset: Dataset
    prose: Prose
    extra: Extra
    warnings: list[Problem]


def gather(project: Project, log: Log, strict: bool = False) -> Inputs:
    """Read and check every input; raise DataError with every problem of all of them."""
    project.check()
    problems = Problems(root=project.root)  # every input file must lie inside the project
    config = read_config(problems, project.config_file, project.display(project.config_file))
    log(f"Loading and validating {project.display(project.data_dir)}/ ...")
    dataset = read_dataset(problems, project.data_dir, project.display(project.data_dir))
    prose = read_prose(problems, project.site_src_dir, project.display(project.site_src_dir), PROSE_NAMES)
    extra = read_extra(problems, project.extra_dir, project.display(project.extra_dir), project.root)
    if strict:
        problems.escalate_warnings()
    problems.raise_if_any()
    assert config is not None and dataset is not None
    log(
        f"  {len(dataset.platforms)} platforms, {len(dataset.networks)} networks, "
        f"{len(dataset.measurements)} measurements, {len(dataset.power_traces)} power samples"
    )
    return Inputs(config, dataset, prose, extra, problems.report(warning=True))


def load_project(project: Project, log: Log, strict: bool = False) -> tuple[SiteConfig, Results]:
    """Gather and analyse (no output): what ``validate`` and ``diff`` need."""
    inputs = gather(project, log, strict)
    for warning in inputs.warnings:
        log(f"warning: {warning}")
    log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
    return inputs.config, analyse(inputs.dataset, inputs.config)


def build(project: Project, out: Path, log: Log = print, strict: bool = False,
          warn: Log | None = None, base_path: str = "", figures: bool = False,
          fingerprint: str | None = None, builders: PageBuilders | None = None) -> BuildSummary:
    """Build the site of ``project`` into ``out``. ``base_path`` (e.g. ``/repo/``) is the
    URL path the site is published under; only ``404.html`` needs it (see its template).
    ``figures``: also an SVG of every chart (``figures/<page>/<chart>.svg``). ``fingerprint``:
    what ``cache.reuse`` returned when the caller already asked it (the command line does,
    before the heavy imports); else this asks it first. ``builders``: page builders the
    caller started (the command line does, before the heavy imports); else this starts them."""
    started = time.perf_counter()
    if fingerprint is None:
        reused, fingerprint = cache.reuse(project, out, strict, base_path, log, warn, figures)
        if reused is not None:
            return reused
    target = write.check_target(out, project.root, project.inputs())
    store = cache.Cache(project.cache_dir)
    with contextlib.nullcontext(builders) if builders else PageBuilders(project) as builders:
        with cache.using(store):
            inputs = gather(project, log, strict)
        warning_lines = [f"warning: {w}" for w in inputs.warnings]
        for line in warning_lines:
            (warn or log)(line)
        config = inputs.config
        log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
        with cache.using(store):
            results = analyse(inputs.dataset, config)
        log("Building charts and pages ...")
        downloads = results.downloads()
        site = {"title": config.title, "tagline": config.tagline, "version": __version__, "downloads": sorted(downloads)}
        publishing = Publishing(navigation(results), site, figures, project.templates_dir, project.cache_dir / "templates",
                                cache.folder_hash(project.templates_dir))
        built = build_pages(results, config, inputs.prose, store, publishing, builders)
    pages = [page for page, _files in built]
    all_figures = [f for p in pages for f in p.all_figures()]
    tables = [t for p in pages for t in p.all_tables()]

    svgs = static_figures(pages, store, log) if figures else {}
    counts: dict[str, Any] = {
        "pages": len(pages),
        "charts": len(all_figures),
        "tables": len(tables),
        "data_files": len(downloads) + len(all_figures) + len(tables),
        "measurements": len(results.measurements),
        "platforms": int(results.platforms["platform"].nunique()),
        "variants": len(results.variants),
        "warnings": len(inputs.warnings),
    }
    log(f"Writing the site into a staging folder next to {target.name}/ ...")
    with write.publish(target, project.root, project.inputs(), log, fingerprint=fingerprint,
                       report={"summary": counts, "warning_lines": warning_lines}) as staging:
        for name, (frame, key) in downloads.items():
            text = store.memo("files", cache.key_of("csv", frame, key), lambda: to_csv_text(frame, key, sort=True))
            staging.write_text(f"data/{name}", text)
        for page, files in built:
            log(f"  {page.filename}: {len(page.all_figures())} charts, {len(page.all_tables())} tables")
            for path, text in files.items():
                staging.write_text(path, text)
        if (project.templates_dir / "404.html").is_file():
            staging.write_text("404.html", publishing.renderer().render(
                "404.html", site=site, base_path=normal_base(base_path)))
        for path, svg in svgs.items():
            staging.write_text(path, svg)
        write_assets(project.templates_dir / "assets", staging, project.cache_dir)
        write_extra(inputs.extra, staging)
    store.forget_unused("inputs", "model", "pages", "charts", "files", *(["figures"] if figures else []))
    return BuildSummary(out=target, seconds=time.perf_counter() - started, **counts)


@dataclass(frozen=True)
class Publishing:
    """What every page's files share: the navigation, the site's facts, whether the build
    also renders a static figure of each chart, and the templates (their folder, where their
    compiled form is kept, and the hash of their sources)."""

    nav: list[NavItem]
    site: dict
    figures: bool
    templates_dir: Path
    compiled_dir: Path
    templates: str

    def key(self) -> tuple:
        """What a page's files depend on besides the page (the folders are where, not what)."""
        return self.nav, self.site, self.figures, self.templates

    def renderer(self) -> Renderer:
        """This process's renderer of the templates."""
        return renderer_for(self.templates_dir, self.compiled_dir)


def page_files(page: Page, publishing: Publishing) -> dict[str, str]:
    """Every file of ``page``: the CSV of each chart (in the chart's own row order: exactly
    what it embeds) and of each table, then its HTML."""
    if publishing.figures:
        for fig in page.all_figures():
            fig.figure_path = f"figures/{page.slug}/{fig.id}.svg"
    files = {fig.csv_path: to_csv_text(fig.data, sort=False) for fig in page.all_figures()}
    files.update({tab.csv_path: to_csv_text(tab.data, sort=False) for tab in page.all_tables()})
    files[page.filename] = publishing.renderer().render(
        "page.html", page=page, nav=publishing.nav, site=publishing.site,
        page_data=datasets.page_data(page.datasets()))
    return files


Built = tuple[Page, dict[str, str]]  # a page and its files (``page_files``)
Job = tuple  # the arguments of ``build_page``: (name, view, config, prose, style, publishing, cache folder)


def build_page(name: str, view: Results, config: SiteConfig, prose: Prose, style: Style, publishing: Publishing,
               cache_folder: Path) -> tuple[Built, set[Path]]:
    """Page ``name`` with its files, and the cache entries it used (its charts)."""
    store = cache.Cache(cache_folder)
    with cache.using(store):
        page = page_from(name, view, config, prose, style)
    return (page, page_files(page, publishing)), store.used


def build_pages(results: Results, config: SiteConfig, prose: Prose, store: cache.Cache, publishing: Publishing,
                builders: PageBuilders) -> list[Built]:
    """Every page with its files (``page_files``), each reused from the cache when nothing it
    is built from changed (``page_results``, the navigation, the site's facts, the
    templates); the others handed to ``builders`` largest first, each as soon as it is
    known to be missing. Same pages, same order however they are built."""
    style = style_of(results)
    names = page_names(results)
    pages: dict[str, tuple[Built, set[Path]]] = {}
    keys: dict[str, str] = {}
    views = {name: page_results(name, results) for name in names}
    for name in largest_first(names, views):
        keys[name] = cache.key_of(f"page {name}", cache.key_of("results", views[name]), config, prose, style,
                                  publishing.key())
        hit = store.get("pages", keys[name])
        if isinstance(hit, tuple) and len(hit) == 3 and isinstance(hit[0], Page):
            pages[name] = ((hit[0], hit[1]), {store.folder / "charts" / f"{chart}.pickle" for chart in hit[2]})
        else:
            builders.add((name, views[name], config, prose, style, publishing, store.folder))
    for name, ((page, files), used) in builders.finish().items():
        pages[name] = ((page, files), used)
        store.put("pages", keys[name], (page, files, sorted(path.stem for path in used)))
    store.used |= {path for _built, used in pages.values() for path in used}
    store.used |= {store.folder / "pages" / f"{keys[name]}.pickle" for name in names}
    return [pages[name][0] for name in names]


def largest_first(names: list[str], views: dict[str, Results]) -> list[str]:
    """``names`` in the order pages are handed out: task pages (a dozen charts each) by
    their number of runs, largest first, then the theory page, then the home page (no
    charts), so the last page to finish is a small one."""
    def size(name: str) -> tuple[int, int]:
        return {"index": 0, "theory": 1}.get(name, 2), len(views[name].measurements)
    return sorted(names, key=size, reverse=True)


def static_figures(pages: list[Page], store: cache.Cache, log: Log) -> dict[str, str]:
    """An SVG of every chart (vl-convert, offline), each kept in the cache under a hash of the
    code, its spec and its data, so an unchanged chart is not rendered again. Each at its
    figure's path (set by ``page_files`` when the build makes figures)."""
    from generator.output.assets import vegalite_version
    from generator.output.figures import render_svg

    out: dict[str, str] = {}
    rendered = 0
    for page in pages:
        data = page.datasets()
        for fig in page.all_figures():
            def render(fig: Figure = fig) -> str:
                nonlocal rendered
                rendered += 1
                return render_svg(fig.spec, {fig.chart.name: data[fig.chart.name]}, vegalite_version())
            key = cache.key_of("figure", fig.spec, data[fig.chart.name], vegalite_version())
            out[fig.figure_path] = store.memo("figures", key, render)
    log(f"Static figures: {len(out)} SVGs ({rendered} rendered, {len(out) - rendered} from the cache)")
    return out
