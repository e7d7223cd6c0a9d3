"""Rendering: Markdown prose and Jinja templates -> HTML strings.

Autoescaping is on for every template, so text from ``data/`` (platform names, vendors)
is escaped wherever it lands. Markdown has two levels of trust:

* ``site_src/`` is the site author's prose: it may hold HTML and attribute lists, but links
  and sources with a script scheme (``javascript:``, ``vbscript:``, ``data:``) are dropped;
* text from ``data/`` (:class:`DataText`, e.g. a task description) arrives through pull
  requests, so it is a **closed language**: Markdown's tables, fenced code and lists, no
  attribute lists (``{: onerror=... }``, ``{: #page-data }``) and no raw HTML (shown as
  text); only ``http(s):``, ``mailto:`` and relative links; images only from the site
  itself (a relative address: an image from elsewhere, such as a tracking pixel, becomes
  its alt text). The rendered HTML then goes through a sanitizer (``nh3``, Ammonia) with
  an allow list of tags, attributes and URL schemes as the last line of defence: no
  ``id``, ``name``, ``class`` or event-handler attribute can come out of it, so contributor
  text never shadows the page's own elements (DOM clobbering) or runs script.

Generated prose that quotes a data name escapes it with :func:`md_escape`. Chart specs
are embedded as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and
``&`` escaped, so no data value can close the script element.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path
from typing import Any

import jinja2
import markdown as md
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SITE_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "attr_list"]
_DATA_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]  # no attr_list: attributes are not the contributor's
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DATA_SCHEMES = {"http", "https", "mailto"}
_SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}
_URL_ATTRIBUTE = re.compile(
    r"""(?P<name>\b(?:href|src|action|formaction|xlink:href|poster|background)\s*=\s*)"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s"'>]+))""", re.IGNORECASE)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")  # what Markdown lets a backslash escape

# What Markdown makes of contributor text, and nothing else (the sanitizer's allow list).
_DATA_TAGS = {"p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
              "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
_DATA_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
                    "th": {"style"}, "td": {"style"}}  # style: the tables' text-align only


class DataText(str):
    """Markdown that comes from ``data/`` (untrusted): rendered by :func:`data_markdown`."""


def _cleaned(url: str) -> str:
    """A URL as a browser reads it: entities decoded, blanks and control characters ignored."""
    return re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))


def _scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (entities decoded, blanks and controls ignored)."""
    match = _SCHEME.match(_cleaned(url))
    return match.group(1).lower() if match else None


def _elsewhere(url: str) -> bool:
    """Whether ``url`` leads off the site: it has a scheme, or starts with two slashes
    (``//host/x``; browsers read a backslash as a slash)."""
    return _scheme(url) is not None or re.match(r"[/\\]{2}", _cleaned(url)) is not None


class _Links(Treeprocessor):
    """Drops ``href``/``src`` values whose scheme is not allowed (the text stays); with
    ``local_images``, an image from anywhere but the site becomes its alt text."""

    def __init__(self, md_instance: md.Markdown, allowed: set[str] | None, refused: set[str], local_images: bool):
        super().__init__(md_instance)
        self.allowed, self.refused, self.local_images = allowed, refused, local_images

    def ok(self, url: str) -> bool:
        scheme = _scheme(url)
        if scheme is None:
            return True
        if self.allowed is not None:
            return scheme in self.allowed
        return scheme not in self.refused

    def run(self, root: Any) -> None:
        for element in root.iter():
            if element.tag == "img" and self.local_images and _elsewhere(element.get("src", "")):
                alt, tail = element.get("alt", ""), element.tail
                element.clear()
                element.tag, element.text, element.tail = "span", alt, tail
                continue
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not self.ok(value):
                    del element.attrib[attribute]


class _SafeMarkdown(Extension):
    def __init__(self, escape_html: bool, allowed: set[str] | None):
        super().__init__()
        self.escape_html, self.allowed = escape_html, allowed

    def extendMarkdown(self, md_instance: md.Markdown) -> None:  # noqa: N802 (Markdown's API)
        if self.escape_html:
            md_instance.preprocessors.deregister("html_block")
            md_instance.inlinePatterns.deregister("html")
        md_instance.treeprocessors.register(
            _Links(md_instance, self.allowed, _SCRIPT_SCHEMES, local_images=self.escape_html), "safe_links", 0)


def _strip_script_urls(text: str) -> str:
    """In raw HTML, replace script-scheme URL attributes by ``#``."""
    def fix(match: re.Match[str]) -> str:
        value = match.group("dq") if match.group("dq") is not None else (
            match.group("sq") if match.group("sq") is not None else match.group("uq"))
        return f'{match.group("name")}"#"' if _scheme(value) in _SCRIPT_SCHEMES else match.group(0)
    return _URL_ATTRIBUTE.sub(fix, text)


@functools.cache
def _converter(untrusted: bool) -> md.Markdown:
    """One Markdown converter per kind of text and process, reset before each text (setting
    one up costs more than converting a paragraph)."""
    if untrusted:
        return md.Markdown(output_format="html",
                           extensions=[*_DATA_EXTENSIONS, _SafeMarkdown(escape_html=True, allowed=_DATA_SCHEMES)])
    return md.Markdown(output_format="html",
                       extensions=[*_SITE_EXTENSIONS, _SafeMarkdown(escape_html=False, allowed=None)])


def _local_image_source(element: str, attribute: str, value: str) -> str | None:
    """The sanitizer's filter: an image's address only when it is the site's own."""
    if element == "img" and attribute == "src" and _elsewhere(value):
        return None
    return value


_DATA_CLEANER = nh3.Cleaner(
    tags=_DATA_TAGS, attributes=_DATA_ATTRIBUTES, url_schemes=_DATA_SCHEMES, filter_style_properties={"text-align"},
    attribute_filter=_local_image_source, strip_comments=True, link_rel="noopener noreferrer")


def site_markdown(text: str) -> Markup:
    """The site author's Markdown (``site_src/``): HTML kept, script URLs dropped."""
    out = _converter(untrusted=False).reset().convert(text or "")
    return Markup(_strip_script_urls(out))


def data_markdown(text: str) -> Markup:
    """Markdown from ``data/``, a closed language (see the module doc), sanitized."""
    return Markup(_DATA_CLEANER.clean(_converter(untrusted=True).reset().convert(text or "")))


def markdown_to_html(text: str) -> Markup:
    """The ``markdown`` template filter: :class:`DataText` is untrusted, any other text is prose."""
    return data_markdown(text) if isinstance(text, DataText) else site_markdown(text)


def md_escape(text: str) -> str:
    """A data value (a name) made literal inside generated Markdown."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def script_json(value: Any) -> Markup:
    """JSON safe to place inside a <script> element (no '</script>' can appear)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


class Renderer:
    """Renders pages with ``templates/``. Templates are compiled in memory when first used
    (never stored: a compiled template is code)."""

    def __init__(self, templates_dir: Path):
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

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)
