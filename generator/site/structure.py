"""The site's structure: pages made of sections, figures and tables.

``site.pages`` fills these records from the computed results; ``output.render`` turns them
into HTML. Plain data, so the page content can be tested without parsing HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from generator.charts.spec import ChartSpec


@dataclass
class Figure:
    """A chart: its Vega-Lite spec and the named dataset it draws (offered as CSV)."""

    id: str
    title: str
    chart: ChartSpec
    caption_md: str = ""
    csv_path: str = ""  # set by its Page: data/charts/<page>/<id>.csv
    figure_path: str = ""  # figures/<page>/<id>.svg when the build renders static figures

    @property
    def spec(self) -> dict:
        return self.chart.spec

    @property
    def data(self) -> pd.DataFrame:
        return self.chart.data

    @property
    def description(self) -> str:
        return self.chart.description


@dataclass
class Table:
    """A table of display strings; ``data`` is the tidy frame offered as CSV."""

    id: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    data: pd.DataFrame
    caption_md: str = ""
    # Optional group label per row (e.g. platform kind), rendered as a spanning row.
    groups: list[str] | None = None
    # Optional relative link per row, put on the row's first cell (e.g. a task's page).
    links: list[str | None] | None = None
    csv_path: str = ""  # set by its Page: data/tables/<page>/<id>.csv


@dataclass
class Section:
    id: str
    title: str
    prose_md: str = ""
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    # Simple facts shown as a definition list: (label, value) pairs.
    facts: list[tuple[str, str]] = field(default_factory=list)

    def all_figures(self) -> list[Figure]:
        out = list(self.figures)
        for sub in self.subsections:
            out.extend(sub.all_figures())
        return out

    def all_tables(self) -> list[Table]:
        out = list(self.tables)
        for sub in self.subsections:
            out.extend(sub.all_tables())
        return out


@dataclass
class Page:
    slug: str  # file name without .html
    title: str
    nav_title: str
    intro_md: str = ""
    sections: list[Section] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Downloads live in a folder per page, so no two pages' files can collide.
        for fig in self.all_figures():
            fig.csv_path = f"data/charts/{self.slug}/{fig.id}.csv"
        for tab in self.all_tables():
            tab.csv_path = f"data/tables/{self.slug}/{tab.id}.csv"

    @property
    def filename(self) -> str:
        return f"{self.slug}.html"

    def all_figures(self) -> list[Figure]:
        return [f for s in self.sections for f in s.all_figures()]

    def all_tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.all_tables()]

    def datasets(self) -> dict[str, pd.DataFrame]:
        """Every named dataset of the page's charts, once each (charts may share one)."""
        out: dict[str, pd.DataFrame] = {}
        for fig in self.all_figures():
            known = out.get(fig.chart.name)
            if known is not None and not known.equals(fig.chart.data):
                raise ValueError(f"{self.slug}: two different datasets are named {fig.chart.name!r}")
            out[fig.chart.name] = fig.chart.data
        return out
