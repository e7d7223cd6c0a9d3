"""``build``: gather every input, compute, then write (as MkDocs' ``commands/build.py``).

1. **Gather**: ``site.yml``, ``data/`` and ``site_src/`` are read and checked together, so
   one run reports every problem of every input (``gather``).
2. **Compute**: the model's tables (``analysis``) and the pages (``pages``), in memory.
3. **Write**: the site is rendered into a staging folder and swapped into the output
   folder in one step (``output.write``); a failure anywhere leaves the output untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import generator
from generator import __version__
from generator.analysis import Results, analyse
from generator.errors import Problem, UsageError
from generator.inputs.checks import Problems
from generator.inputs.config import SiteConfig, read_config
from generator.inputs.dataset import read_dataset
from generator.inputs.prose import Prose, read_prose
from generator.output import write
from generator.output import datasets
from generator.output.assets import write_assets
from generator.output.render import Renderer
from generator.output.tables import to_csv_text
from generator.site.pages import PROSE_NAMES, build_pages
from generator.records import Dataset

Log = Callable[[str], None]


@dataclass(frozen=True)
class Project:
    """Where a project's inputs live (the folder holding site.yml, data/, templates/...)."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def site_src_dir(self) -> Path:
        return self.root / "site_src"

    @property
    def config_file(self) -> Path:
        return self.root / "site.yml"

    @property
    def cache_dir(self) -> Path:
        """Build cache (git-ignored, safe to delete): work a rebuild need not redo."""
        return self.root / ".cache"

    def inputs(self) -> list[Path]:
        """Folders the build reads and must never write into (nor the generator's own code)."""
        code = Path(generator.__file__).resolve().parent
        return [self.data_dir, self.site_src_dir, self.templates_dir, self.root / "generator", code,
                self.root / ".git"]

    def check(self) -> None:
        if not self.root.is_dir():
            raise UsageError(f"{self.root}: project folder not found")
        for folder in (self.data_dir, self.templates_dir):
            if not folder.is_dir():
                raise UsageError(f"{folder}: folder not found (is {self.root} a project folder?)")

    def display(self, path: Path) -> str:
        """A path as the user reads it: relative to the current folder when inside it, else to the project."""
        for base in (Path.cwd(), self.root):
            try:
                return path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
        return str(path)


@dataclass(frozen=True)
class Inputs:
    config: SiteConfig
    dataset: Dataset
    prose: Prose
    warnings: list[Problem]


@dataclass(frozen=True)
class BuildSummary:
    out: Path
    pages: int
    charts: int
    tables: int
    data_files: int
    measurements: int
    platforms: int
    variants: int
    warnings: int
    seconds: float

    def line(self) -> str:
        warned = f", {self.warnings} warning{'s' if self.warnings != 1 else ''}" if self.warnings else ""
        return (
            f"Built {self.pages} pages with {self.charts} charts and {self.tables} tables "
            f"({self.measurements} measurements, {self.platforms} platforms, "
            f"{self.variants} network variants{warned}) into {self.out} in {self.seconds:.1f} s"
        )


def gather(project: Project, log: Log, strict: bool = False) -> Inputs:
    """Read and check every input; raise DataError with every problem of all of them."""
    project.check()
    problems = Problems()
    config = read_config(problems, project.config_file, project.display(project.config_file))
    log(f"Loading and validating {project.display(project.data_dir)}/ ...")
    dataset = read_dataset(problems, project.data_dir, project.display(project.data_dir))
    prose = read_prose(problems, project.site_src_dir, project.display(project.site_src_dir), PROSE_NAMES)
    if strict:
        problems.escalate_warnings()
    problems.raise_if_any()
    assert config is not None and dataset is not None
    log(
        f"  {len(dataset.platforms)} platforms, {len(dataset.networks)} networks, "
        f"{len(dataset.measurements)} measurements, {len(dataset.power_traces)} power samples"
    )
    return Inputs(config, dataset, prose, problems.report(warning=True))


def load_project(project: Project, log: Log, strict: bool = False) -> tuple[SiteConfig, Results]:
    """Gather and analyse (no output): what ``validate`` and ``diff`` need."""
    inputs = gather(project, log, strict)
    for warning in inputs.warnings:
        log(f"warning: {warning}")
    log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
    return inputs.config, analyse(inputs.dataset, inputs.config)


def build(project: Project, out: Path, log: Log = print, strict: bool = False,
          warn: Log | None = None, base_path: str = "") -> BuildSummary:
    """Build the site of ``project`` into ``out``. ``base_path`` (e.g. ``/repo/``) is the
    URL path the site is published under; only ``404.html`` needs it (see its template)."""
    started = time.perf_counter()
    target = write.check_target(out, project.root, project.inputs())
    write.recover(target, log)  # a killed build's output is whole again, even if this one fails
    inputs = gather(project, log, strict)
    for warning in inputs.warnings:
        (warn or log)(f"warning: {warning}")
    config = inputs.config
    log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
    results = analyse(inputs.dataset, config)
    log("Building charts and pages ...")
    pages = build_pages(results, config, inputs.prose)
    renderer = Renderer(project.templates_dir)
    downloads = results.downloads()
    figures = [f for p in pages for f in p.all_figures()]
    tables = [t for p in pages for t in p.all_tables()]
    site = {"title": config.title, "tagline": config.tagline, "version": __version__, "downloads": sorted(downloads)}

    log(f"Writing the site into a staging folder next to {target.name}/ ...")
    with write.publish(target, project.root, project.inputs(), log) as staging:
        for name, (frame, key) in downloads.items():
            staging.write_text(f"data/{name}", to_csv_text(frame, key))
        for fig in figures:  # the chart's own order: the CSV is exactly what the chart embeds
            staging.write_text(fig.csv_path, to_csv_text(fig.data, sort=False))
        for tab in tables:
            staging.write_text(tab.csv_path, to_csv_text(tab.data, sort=False))
        for page in pages:
            log(f"  {page.filename}: {len(page.all_figures())} charts, {len(page.all_tables())} tables")
            data = datasets.page_data(page.datasets())
            staging.write_text(page.filename, renderer.render("page.html", page=page, nav=pages, site=site,
                                                              page_data=data))
        if (project.templates_dir / "404.html").is_file():
            staging.write_text("404.html", renderer.render("404.html", site=site, base_path=normal_base(base_path)))
        write_assets(project.templates_dir / "assets", staging, project.cache_dir)
    return BuildSummary(
        out=target,
        pages=len(pages),
        charts=len(figures),
        tables=len(tables),
        data_files=len(downloads) + len(figures) + len(tables),
        measurements=len(results.measurements),
        platforms=results.platforms["platform"].nunique(),
        variants=len(results.variants),
        warnings=len(inputs.warnings),
        seconds=time.perf_counter() - started,
    )


def normal_base(base_path: str) -> str:
    """``repo`` or ``/repo`` -> ``/repo/``; empty stays empty (relative links)."""
    path = base_path.strip().strip("/")
    return f"/{path}/" if path else ""
