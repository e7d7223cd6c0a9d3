"""``build``: validate, compute, render, and swap the new site in atomically.

The site is written into a temporary folder next to the output folder and renamed into
place only when everything succeeded, so a failed build (bad data, a template error) never
leaves a half-written or emptied ``build/`` behind.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.analysis import Results, analyse
from generator.assets import write_assets
from generator.config import SiteConfig, load_config
from generator.errors import UsageError
from generator.loading import load_dataset
from generator.model.roofline import ASSUMPTIONS
from generator.pages import build_pages
from generator.render import Renderer
from generator.tabular import write_csv

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

    def check(self) -> None:
        for folder in (self.data_dir, self.templates_dir):
            if not folder.is_dir():
                raise UsageError(f"{folder}: folder not found (is {self.root} a project folder?)")


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
    seconds: float

    def line(self) -> str:
        return (
            f"Built {self.pages} pages with {self.charts} charts and {self.tables} tables "
            f"({self.measurements} measurements, {self.platforms} platforms, "
            f"{self.variants} network variants) into {self.out} in {self.seconds:.1f} s"
        )


def load_project(project: Project, log: Log) -> tuple[SiteConfig, Results]:
    """Validate and analyse; raises DataError with every problem found."""
    project.check()
    config = load_config(project.config_file, ASSUMPTIONS, display_name=_display(project.config_file, project.root))
    log(f"Loading and validating {_display(project.data_dir, project.root)}/ ...")
    dataset = load_dataset(project.data_dir)
    log(
        f"  {len(dataset.platforms)} platforms, {len(dataset.networks)} networks, "
        f"{len(dataset.measurements)} measurements, {len(dataset.power_traces)} power samples"
    )
    log("Computing roofline predictions, Pareto fronts, efficiency and power ...")
    return config, analyse(dataset, config)


def build(project: Project, out: Path, log: Log = print) -> BuildSummary:
    started = time.perf_counter()
    config, results = load_project(project, log)
    renderer = Renderer(project.templates_dir, project.site_src_dir)
    log("Building charts and pages ...")
    pages = build_pages(results, config, renderer)

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published site must be readable
    try:
        log(f"Writing the site into a staging folder next to {out.name}/ ...")
        data_files = 0
        for name, (frame, key) in results.downloads().items():
            write_csv(frame, staging / "data" / name, key)
            data_files += 1
        figures = [f for p in pages for f in p.all_figures()]
        tables = [t for p in pages for t in p.all_tables()]
        for fig in figures:
            write_csv(fig.data, staging / fig.csv_path)
        for tab in tables:
            write_csv(tab.data, staging / tab.csv_path, sort=False)
        site = {
            "title": config.title,
            "tagline": config.tagline,
            "version": __version__,
            "downloads": sorted(results.downloads()),
        }
        for page in pages:
            log(f"  {page.filename}: {len(page.all_figures())} charts, {len(page.all_tables())} tables")
            (staging / page.filename).write_text(renderer.render_page(page, pages, site), encoding="utf-8", newline="\n")
        write_assets(project.templates_dir / "assets", staging / "assets")
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildSummary(
        out=out,
        pages=len(pages),
        charts=len(figures),
        tables=len(tables),
        data_files=data_files + len(figures) + len(tables),
        measurements=len(results.measurements),
        platforms=results.platforms["platform"].nunique(),
        variants=len(results.variants),
        seconds=time.perf_counter() - started,
    )


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with two renames; the old site is removed last."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    try:
        staging.rename(out)
    except BaseException:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
