"""``build``: one linear pipeline in one process (as MkDocs' ``commands/build.py``).

0. **Up to date?** The fingerprint of every input, the code and the options
   (``fingerprint``); when the output folder is exactly what a build with the same
   fingerprint wrote, nothing is done.
1. **Gather**: ``site.yml``, ``data/`` and ``site_src/`` are read and checked together, so
   one run reports every problem of every input (``gather``).
2. **Analyse**: every table of the site, once (``analysis.Results``).
3. **Assemble**: each page from what it is built from (``site.nav.page_view``) with its
   files: its charts' and tables' CSV, its HTML, and with ``figures`` an SVG per chart.
4. **Write**: the site is written into a staging folder and swapped into the output folder
   in one step (``output.write``); a failure or Ctrl-C anywhere leaves the output untouched.

One explicit memo (``memo.Memo``), made here or passed in by ``serve``, carries what a
rebuild need not redo: the runs of each unchanged measurement file, the model's tables,
the charts, each page's files and the downloads, each under a key of what it is made from.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from generator import __version__
from generator.analysis import Results, analyse
from generator.charts.common import ZOOM_HELP, ZOOM_HELP_TOUCH
from generator.charts.theme import Style
from generator.citation import data_date
from generator.versions import versions
from generator.errors import Problem
from generator.fingerprint import code_digest, entry_digest, up_to_date
from generator.inputs.checks import Problems
from generator.inputs.config import SiteConfig, read_config
from generator.inputs.dataset import read_dataset
from generator.inputs.extra import Extra, read_extra
from generator.inputs.prose import Prose, read_prose
from generator.memo import Memo
from generator.output import datasets, write
from generator.output.assets import vegalite_version, write_assets, write_extra
from generator.output.compile import compiled
from generator.output.figures import render_svg
from generator.output.render import Renderer
from generator.output.tables import to_csv_text
from generator.project import BuildSummary, Project, build_options, normal_base
from generator.records import Dataset
from generator.site.nav import PROSE_NAMES, NavItem, navigation, page_names, page_view
from generator.site.pages import build_page, style_of
from generator.site.structure import Page

Log = Callable[[str], None]


@dataclass(frozen=True)
class Inputs:
    config: SiteConfig
    dataset: Dataset
    prose: Prose
    extra: Extra
    warnings: list[Problem]


def gather(project: Project, log: Log, strict: bool = False, memo: Memo | None = None) -> Inputs:
    """Read and check every input; raise DataError with every problem of all of them.
    Measurement files go through ``memo`` when given."""
    project.check()
    problems = Problems(root=project.root)  # every input file must lie inside the project
    config = read_config(problems, project.config_file, project.display(project.config_file))
    log(f"Loading and validating {project.display(project.data_dir)}/ ...")
    dataset = read_dataset(problems, project.data_dir, project.display(project.data_dir), memo)
    prose = read_prose(problems, project.site_src_dir, project.display(project.site_src_dir), PROSE_NAMES)
    extra = read_extra(problems, project.extra_dir, project.display(project.extra_dir), project.root)
    if strict:
        problems.escalate_warnings()
    problems.raise_if_any()
    assert config is not None and dataset is not None
    if not config.data_date:  # the date of the data: from git when site.yml does not give it
        config = replace(config, data_date=data_date(project.root))
    log(
        f"  {len(dataset.platforms)} platforms, {len(dataset.networks)} networks, "
        f"{len(dataset.measurements)} measurements, {len(dataset.power_traces)} power samples"
    )
    return Inputs(config, dataset, prose, extra, problems.report(warning=True))


def load_project(project: Project, log: Log, strict: bool = False,
                 memo: Memo | None = None) -> tuple[SiteConfig, Results]:
    """Gather and analyse (no output): what ``validate`` and ``diff`` need; measurement files
    and the model's tables go through ``memo`` when given."""
    inputs = gather(project, log, strict, memo)
    for warning in inputs.warnings:
        log(f"warning: {warning}")
    log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
    return inputs.config, analyse(inputs.dataset, inputs.config, memo)


@dataclass(frozen=True)
class Publishing:
    """What every page's files share besides the page: the navigation, the site's facts,
    whether the build also renders a static figure of each chart, the templates (the hash
    of their folder and the renderer compiled from them)."""

    nav: list[NavItem]
    site: dict[str, Any]
    figures: bool
    templates: str
    renderer: Renderer

    def key(self) -> list[Any]:
        """What a page's files depend on besides the page."""
        return [self.nav, self.site, self.figures, self.templates, vegalite_version()]


_MARKUP = re.compile(r"<[^>]*>|!?\[([^\]]*)\]\([^)]*\)|[*_`#>|]")


def page_description(page: Page, limit: int = 160) -> str:
    """The page's ``<meta name="description">``: its first prose (Markdown and HTML taken
    out), cut at a word within ``limit`` characters; else its title and what it shows."""
    texts = [page.intro_md] + [sec.prose_md for sec in page.sections]
    for text in texts:
        plain = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text or "").split())
        if len(plain) >= 40:
            if len(plain) <= limit:
                return plain
            cut = plain[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
            return cut + "…"
    charts, tables = len(page.all_figures()), len(page.all_tables())
    return f"{page.title}: {charts} chart{'s' * (charts != 1)} and {tables} table{'s' * (tables != 1)} computed from the data."


def page_files(page: Page, publishing: Publishing, memo: Memo | None = None) -> dict[str, str]:
    """Every file of ``page``: the CSV of each chart (in the chart's own row order: exactly
    what it embeds) and of each table, with ``figures`` an SVG of each chart (through
    ``memo``), then its HTML."""
    data = page.datasets()
    files: dict[str, str] = {}
    for fig in page.all_figures():
        files[fig.csv_path] = to_csv_text(fig.data, sort=False)
    for tab in page.all_tables():
        files[tab.csv_path] = to_csv_text(tab.data, sort=False)
    if publishing.figures:
        version = vegalite_version()
        for fig in page.all_figures():
            fig.figure_path = f"figures/{page.slug}/{fig.id}.svg"
            chart_data = {fig.chart.name: data[fig.chart.name]}

            def render(fig_spec: dict[str, Any] = fig.spec, frames: dict[str, Any] = chart_data) -> str:
                return render_svg(fig_spec, frames, version)

            if memo is None:
                files[fig.figure_path] = render()
            else:
                files[fig.figure_path] = memo.remember(
                    "figures", memo.key("figure", fig.spec, chart_data, version), render, label=fig.figure_path)
    charts = compiled({fig.id: fig.spec for fig in page.all_figures()}, vegalite_version(), memo)
    files[page.filename] = publishing.renderer.render(
        "page.html", page=page, nav=publishing.nav, site=publishing.site, page_data=datasets.page_data(data),
        charts=charts, description=page_description(page), zoom_help=ZOOM_HELP, zoom_help_touch=ZOOM_HELP_TOUCH)
    return files


def assemble(results: Results, config: SiteConfig, prose: Prose, publishing: Publishing,
             memo: Memo) -> dict[str, dict[str, Any]]:
    """Every page by name (navigation order) as ``{"files": {path: text}, "charts": n,
    "tables": n}``, each through ``memo`` under a key of what it is built from (its view of
    the results, the configuration, the prose, the site's style and ``publishing``): a
    change to one task's data assembles that task's page (and the home page) again."""
    style: Style = style_of(results)
    pages = {}
    for name in page_names(results, prose):
        view = page_view(name, results)

        def make(name: str = name, view: Results = view) -> dict[str, Any]:
            page = build_page(name, view, config, prose, style, memo)
            return {"files": page_files(page, publishing, memo), "charts": len(page.all_figures()),
                    "tables": len(page.all_tables())}

        key = memo.key("page", name, view, config, prose, style, publishing.key())
        pages[name] = memo.remember("pages", key, make, label=name)
    return pages


def sources(results: Results, shown: int = 3) -> list[str]:
    """The runs' sources, most runs first (the footer names the first ``shown``)."""
    counts = results.measurements["source"].astype(str).value_counts()
    ranked = [s for _n, s in sorted(((-int(n), str(s)) for s, n in counts.items() if s))]
    return ranked[:shown] + ([f"{len(ranked) - shown} more"] if len(ranked) > shown else [])


def table_text(frame: pd.DataFrame, key: list[str], memo: Memo, name: str) -> str:
    """A download table's CSV text (sorted by ``key``), through ``memo``."""
    text = memo.remember("files", memo.key("csv", frame, key), lambda: to_csv_text(frame, key, sort=True), label=name)
    assert isinstance(text, str)
    return text


def build(project: Project, out: Path, log: Log = print, strict: bool = False, warn: Log | None = None,
          base_path: str = "", figures: bool = False, memo: Memo | None = None,
          fingerprint: str | None = None) -> BuildSummary:
    """Build the site of ``project`` into ``out``. ``base_path`` (e.g. ``/repo/``) is the
    URL path the site is published under; only ``404.html`` needs it (see its template).
    ``figures``: also an SVG of every chart (``figures/<page>/<chart>.svg``). ``memo``: the
    memo to use (``serve`` keeps one between rebuilds); by default the project's own.
    ``fingerprint``: given by a caller that already found the build not up to date (the
    command line asks first, before it imports this module)."""
    started = time.perf_counter()
    options = build_options(strict, base_path, figures)
    if fingerprint is None:
        unchanged, fingerprint = up_to_date(project, out, options, log, warn)
        if unchanged is not None:
            return unchanged
    target = write.check_target(out, project.root, project.inputs())
    if memo is None:
        memo = Memo.for_project(project.cache_dir, project.root, code_digest())

    inputs = gather(project, log, strict, memo)
    warning_lines = [f"warning: {w}" for w in inputs.warnings]
    for line in warning_lines:
        (warn or log)(line)
    config = inputs.config

    log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
    results = analyse(inputs.dataset, config, memo)

    log("Assembling the pages ...")
    downloads = results.downloads()
    site = {"title": config.title, "tagline": config.tagline, "version": __version__, "downloads": sorted(downloads),
            "versions": versions(vegalite_version()), "sources": sources(results)}
    publishing = Publishing(navigation(results, inputs.prose), site, figures, entry_digest(project.templates_dir),
                            Renderer(project.templates_dir))
    pages = assemble(results, config, inputs.prose, publishing, memo)
    tables = {name: table_text(frame, key, memo, name) for name, (frame, key) in downloads.items()}
    charts = sum(page["charts"] for page in pages.values())
    summary = BuildSummary(
        out=target,
        pages=len(pages),
        charts=charts,
        tables=sum(page["tables"] for page in pages.values()),
        data_files=len(downloads) + charts + sum(page["tables"] for page in pages.values()),
        measurements=len(results.measurements),
        platforms=int(results.platforms["platform"].nunique()),
        variants=len(results.variants),
        warnings=len(inputs.warnings),
        seconds=0.0,
    )
    if figures:
        rendered = len(memo.made.get("figures", []))
        log(f"Static figures: {charts} SVGs ({rendered} rendered, {charts - rendered} reused)")
    for line in memo_report(memo):
        log(line)

    log(f"Writing the site into a staging folder next to {target.name}/ ...")
    report = {"summary": summary.report(), "warning_lines": warning_lines}
    with write.publish(target, project.root, project.inputs(), log, fingerprint=fingerprint,
                       report=report) as staging:
        for name, text in tables.items():
            staging.write_text(f"data/{name}", text)
        for name, page in pages.items():
            log(f"  {name}.html: {page['charts']} charts, {page['tables']} tables")
            for path, text in page["files"].items():
                staging.write_text(path, text)
        if (project.templates_dir / "404.html").is_file():
            staging.write_text("404.html", memo.remember(
                "files", memo.key("404", site, normal_base(base_path), publishing.templates),
                lambda: publishing.renderer.render("404.html", site=site, base_path=normal_base(base_path)),
                label="404.html"))
        write_assets(project.templates_dir / "assets", staging, memo)
        write_extra(inputs.extra, staging)
    memo.prune()
    return replace(summary, seconds=time.perf_counter() - started)


MEMO_KINDS = (("measurements", "measurement files read"), ("model", "model tables computed"),
              ("charts", "charts drawn"), ("pages", "pages assembled"), ("files", "tables formatted"),
              ("figures", "figures rendered"), ("vega", "charts compiled to Vega"))


def memo_report(memo: Memo) -> list[str]:
    """What this build made and what it reused, kind by kind (what a rebuild did)."""
    lines = []
    for kind, what in MEMO_KINDS:
        made, reused = memo.made.get(kind, []), memo.reused.get(kind, 0)
        if made or reused:
            names = f": {', '.join(made)}" if made and len(made) <= 12 else ""
            lines.append(f"  {what}: {len(made)}{names}; reused: {reused}")
    return lines
