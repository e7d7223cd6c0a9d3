"""Text from data is text: escaped wherever it lands in HTML, never markup or script."""

import json

import pandas as pd
import pytest

from generator.output.render import DataText, Renderer, data_markdown, markdown_to_html, md_escape, script_json, \
    site_markdown
from generator.charts.spec import ChartSpec
from generator.output.datasets import page_data
from generator.site.structure import Figure, Page, Section, Table
from tests.helpers import REPO

EVIL = '<script>alert("x")</script> & </script><b>'


def _page_with(text: str) -> Page:
    table = Table("t", text, ["Platform", text], [[text, text]], pd.DataFrame({"a": [1]}), groups=[text])
    fig = Figure("f", text, ChartSpec({"title": text, "mark": "point", "data": {"name": "d"}}, "d",
                                      pd.DataFrame({"a": [text]}), text))
    return Page(slug="p", title=text, nav_title=text, sections=[Section("s", text, tables=[table], figures=[fig],
                                                                        facts=[(text, text)])])


def test_data_text_is_escaped_in_every_place_it_lands():
    page = _page_with(EVIL)
    html = Renderer(REPO / "templates").render(
        "page.html", page=page, nav=[page], site={"title": EVIL, "tagline": EVIL, "version": "0", "downloads": [EVIL]},
        page_data=page_data(page.datasets()))
    assert "<script>alert" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    # The only script elements are the chart spec, the page's data and the two shipped scripts.
    assert html.count("<script") == 4


def test_script_json_cannot_close_the_script_element_and_round_trips():
    text = str(script_json({"title": EVIL}))
    assert "</script>" not in text and "<" not in text and ">" not in text
    assert json.loads(text) == {"title": EVIL}


def test_markdown_prose_renders_to_html():
    assert str(markdown_to_html("A **bold** claim")) == "<p>A <strong>bold</strong> claim</p>"


@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "Hi <a href='https://x' onclick='alert(1)'>there</a>",
    "<div>\n<iframe src=javascript:alert(1)></iframe>\n</div>",
])
def test_raw_html_in_data_markdown_is_shown_as_text(text):
    html = str(data_markdown(text))
    assert "<img" not in html and "<script" not in html and "<a " not in html and "<iframe" not in html
    assert "&lt;" in html


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
    "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "java&#x09;script:alert(1)", "file:///etc/passwd",
])
def test_data_markdown_keeps_only_web_mail_and_relative_links(url):
    html = str(data_markdown(f"[paper]({url}) and ![img]({url})"))
    assert "href" not in html and "src" not in html
    assert "paper" in html


@pytest.mark.parametrize("url", ["https://example.org/p", "http://example.org", "mailto:a@b.org", "other.html#x"])
def test_safe_links_in_data_markdown_stay(url):
    html = str(data_markdown(f"[paper]({url})"))
    assert f'href="{url}"' in html


def test_site_prose_keeps_html_but_loses_script_links():
    html = str(site_markdown('<div class="note">Hi <a href="javascript:alert(1)">x</a></div>\n\n'
                             '[a](javascript:alert(2)) [b](https://ok.example)'))
    assert '<div class="note">' in html
    assert "javascript" not in html.lower()
    assert 'href="https://ok.example"' in html


def test_the_markdown_filter_treats_data_text_as_untrusted():
    assert "<img" in str(markdown_to_html("<img src=x>"))  # the author's prose may hold HTML
    assert "<img" not in str(markdown_to_html(DataText("<img src=x>")))


@pytest.mark.parametrize("name", ["*bold* [x](javascript:y) <img src=x onerror=z> # h", "a_b | c", "1. item",
                                  "A & B ~ C", "TX2 (maxn) `code`"])
def test_an_escaped_name_is_literal_in_generated_markdown(name):
    html = str(site_markdown(f"Runs of {md_escape(name)} here."))
    assert html == "<p>Runs of " + name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + " here.</p>"
