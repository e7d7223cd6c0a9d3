"""Text from data is escaped wherever it lands in HTML."""

import json

import pandas as pd

from generator.render import Renderer, markdown_to_html, script_json
from generator.structure import Figure, Page, Section, Table
from tests.helpers import REPO

EVIL = '<script>alert("x")</script> & </script><b>'


def _page_with(text: str) -> Page:
    table = Table("t", text, ["Platform", text], [[text, text]], pd.DataFrame({"a": [1]}), groups=[text])
    fig = Figure("f", text, {"title": text, "mark": "point"}, pd.DataFrame({"a": [1]}))
    return Page(slug="p", title=text, nav_title=text, sections=[Section("s", text, tables=[table], figures=[fig],
                                                                        facts=[(text, text)])])


def test_data_text_is_escaped_in_every_place_it_lands():
    renderer = Renderer(REPO / "templates", REPO / "site_src")
    page = _page_with(EVIL)
    html = renderer.render_page(page, [page], {"title": EVIL, "tagline": EVIL, "version": "0", "downloads": [EVIL]})
    assert "<script>alert" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    # The only script elements are the chart spec and the two shipped scripts.
    assert html.count("<script") == 3


def test_script_json_cannot_close_the_script_element_and_round_trips():
    text = str(script_json({"title": EVIL}))
    assert "</script>" not in text and "<" not in text and ">" not in text
    assert json.loads(text) == {"title": EVIL}


def test_markdown_prose_renders_to_html():
    assert str(markdown_to_html("A **bold** claim")) == "<p>A <strong>bold</strong> claim</p>"
