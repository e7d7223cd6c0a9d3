"""Site chrome files: the favicon, the standalone 404 page, and the Vega licence texts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import altair as alt
import pytest
import vl_convert

from generator.output.render import Renderer
from tests.helpers import REPO

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

TEMPLATES = REPO / "templates"


def render_404(**variables) -> str:
    env = Renderer(TEMPLATES).env  # the pages' environment (strict, autoescaping)
    return env.get_template("404.html").render(**variables)


def test_favicon_is_a_square_svg():
    root = ET.parse(TEMPLATES / "assets" / "favicon.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 32 32"


def test_404_page_links_home_relatively_with_the_site_css_and_favicon():
    page = render_404(site={"title": "My Benchmarks", "tagline": "t"})
    assert "<base" not in page
    assert '<link rel="stylesheet" href="assets/style.css">' in page
    assert '<link rel="icon" href="assets/favicon.svg">' in page
    assert '<a href="index.html">Go to the home page</a>' in page
    assert "<title>Page not found · My Benchmarks</title>" in page
    assert not re.search(r'(href|src)="/', page)  # nothing absolute: works under any sub-path


def test_404_page_with_base_path_resolves_links_from_the_project_root():
    page = render_404(base_path="/my-repo/")
    assert page.index('<base href="/my-repo/">') < page.index('href="assets/style.css"')
    assert "CNN Inference Benchmarks" in page  # default title without a site dict


def test_404_page_escapes_its_variables():
    page = render_404(site={"title": "<b>x</b>"}, base_path='/a"><script>/')
    assert "<b>x</b>" not in page and "<script>" not in page


def test_vega_licences_name_the_bundled_versions():
    text = (REPO / "generator" / "vendor" / "VEGA-LICENSES.txt").read_text(encoding="utf-8")
    assert f"(npm: vega@{vl_convert.get_vega_version()})" in text
    assert f"Vega-Lite {alt.SCHEMA_VERSION.lstrip('v')}" in text  # what the charts are compiled from
    assert "(npm: vega-lite@" not in text and "(npm: vega-embed@" not in text  # not shipped
    assert text.count("Redistribution and use in source and binary forms") == 1
