"""Rendering: Markdown prose and Jinja templates -> HTML strings.

Autoescaping is on for every template, so text that comes from ``data/`` (platform names,
vendors, descriptions) is escaped wherever it lands. Markdown comes from ``site_src/`` and
from the model's own documentation strings, never from data files. Chart specs are embedded
as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, so
no data value can close the script element.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2
import markdown as md
from markupsafe import Markup

from generator.structure import Page

_MD_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "attr_list"]


def markdown_to_html(text: str) -> Markup:
    """Markdown (trusted prose from site_src/ or the model's docs) to HTML."""
    return Markup(md.markdown(text or "", extensions=_MD_EXTENSIONS, output_format="html"))


def script_json(value: Any) -> Markup:
    """JSON safe to place inside a <script> element (no '</script>' can appear)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


class Renderer:
    """Loads prose from ``site_src/`` and renders pages with ``templates/``."""

    def __init__(self, templates_dir: Path, site_src_dir: Path):
        self.site_src_dir = site_src_dir
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["markdown"] = markdown_to_html
        self.env.filters["script_json"] = script_json

    def prose(self, name: str, default: str = "") -> str:
        """Markdown source ``site_src/<name>.md``; ``default`` when the file is absent."""
        path = self.site_src_dir / f"{name}.md"
        return path.read_text(encoding="utf-8") if path.exists() else default

    def render_page(self, page: Page, nav: list[Page], site: dict[str, Any]) -> str:
        return self.env.get_template("page.html").render(page=page, nav=nav, site=site)
