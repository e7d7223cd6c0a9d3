"""Where a project's inputs live, and what a build reports. Standard library only, so the
command line can find out cheaply whether a build is needed at all (``fingerprint``)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import generator
from generator.errors import UsageError


EXTRA_FOLDER = "extra"  # in site_src/: the site author's files copied verbatim (not prose)


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
    def extra_dir(self) -> Path:
        """The site author's own files (CNAME, .nojekyll, robots.txt), copied verbatim into the site."""
        return self.site_src_dir / EXTRA_FOLDER

    @property
    def config_file(self) -> Path:
        return self.root / "site.yml"

    @property
    def cache_dir(self) -> Path:
        """The build's memo on disk (git-ignored, safe to delete): work a rebuild need not redo."""
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
        """A path as the user reads it: relative to the current folder when inside it, else to
        the project (a link is shown by its own name, not its target's)."""
        for base in (Path.cwd(), self.root):
            try:
                return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
        return str(path)


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
    up_to_date: bool = False  # nothing had changed: the output was left as it was

    def line(self) -> str:
        warned = f", {self.warnings} warning{'s' if self.warnings != 1 else ''}" if self.warnings else ""
        what = (f"{self.pages} pages with {self.charts} charts and {self.tables} tables "
                f"({self.measurements} measurements, {self.platforms} platforms, "
                f"{self.variants} network variants{warned})")
        if self.up_to_date:
            return f"Up to date: {what} in {self.out}; nothing changed since the last build ({self.seconds:.1f} s)"
        return f"Built {what} into {self.out} in {self.seconds:.1f} s"

    def report(self) -> dict[str, int]:
        """The counts, as the output folder's marker keeps them (``from_report``)."""
        return {k: v for k, v in self.__dict__.items() if k not in ("out", "seconds", "up_to_date")}

    @classmethod
    def from_report(cls, out: Path, report: Any, seconds: float) -> BuildSummary | None:
        """The summary of an up-to-date build from ``report`` (a previous build's), or None
        when ``report`` is not one."""
        names = [f.name for f in fields(cls) if f.name not in ("out", "seconds", "up_to_date")]
        if not isinstance(report, dict) or sorted(report) != sorted(names) \
                or not all(type(report[name]) is int for name in names):
            return None
        return cls(out=out, seconds=seconds, up_to_date=True, **report)


def build_options(strict: bool, base_path: str, figures: bool = False) -> dict:
    """The options that change what a build writes (part of its fingerprint)."""
    return {"strict": strict, "base_path": normal_base(base_path), "figures": figures}


def normal_base(base_path: str) -> str:
    """``repo`` or ``/repo`` -> ``/repo/``; ``/`` stays ``/`` (a site at the domain's root);
    empty stays empty (relative links). The command line has checked it is a path (``cli.base_path``)."""
    if not base_path.strip():
        return ""
    path = base_path.strip().strip("/")
    return f"/{path}/" if path else "/"
