"""Text from data is text: escaped wherever it lands in HTML, never markup or script."""

import json
from html.parser import HTMLParser

import pandas as pd
import pytest

from generator.output.render import DataText, Renderer, data_markdown, markdown_to_html, md_escape, script_json, \
    site_markdown
from generator.charts.spec import ChartSpec
from generator.output.datasets import page_data
from generator.site.structure import Figure, Page, Section, Table
from tests.helpers import REPO

EVIL = '<script>alert("x")</script> & </script><b>'

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit


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
    # The only script elements are the chart spec, the page's data and the shipped site.js (which loads Vega).
    assert html.count("<script") == 3


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


# --- contributor Markdown is a closed language ---------------------------------------------

ATTRIBUTE_LIST_PAYLOADS = [
    '![logo](missing.png){: onerror="alert(1)" }',
    '# Digits {: tabindex=1 autofocus onfocus="alert(1)" }',
    'Hover me {: onmouseover="alert(1)" }',
    "Clobber {: #page-data }",
    "Clobber\n{: id=page-data name=page-data class=chart-view }",
    "* item {: onclick=alert(1) }",
    '[x](https://example.org){: onclick="alert(1)" data-spec="spec-x" }',
]


class _Elements(HTMLParser):
    """Every (tag, attributes) of an HTML fragment."""

    def __init__(self, text: str):
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


ALLOWED = {"p": set(), "br": set(), "hr": set(), "strong": set(), "em": set(), "code": set(), "pre": set(),
           "blockquote": set(), "ul": set(), "ol": {"start"}, "li": set(), "a": {"href", "title", "rel"},
           "img": {"src", "alt", "title"}, "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(),
           "h6": set(), "table": set(), "thead": set(), "tbody": set(), "tr": set(), "th": {"style"},
           "td": {"style"}}


@pytest.mark.parametrize("text", ATTRIBUTE_LIST_PAYLOADS)
def test_attribute_lists_in_data_markdown_are_text_not_attributes(text):
    html = str(data_markdown(text))
    for tag, attributes in _Elements(html).found:
        assert set(attributes) <= ALLOWED[tag], html
    assert "{:" in html  # shown as the contributor wrote it


@pytest.mark.parametrize("text", ATTRIBUTE_LIST_PAYLOADS + [
    "<img src=x onerror=alert(1)>", "<details open ontoggle=alert(1)>", "<a href=x id=page-data>x</a>",
    "| a | b |\n|:--|--:|\n| 1 | 2 |", "```html\n<script>alert(1)</script>\n```", "3. three\n4. four",
    "> quote *em* **strong** `code`\n\n---\n\n## Heading", "line  \nbreak", "&lt;script&gt; &#x3c;b&#x3e;",
])
def test_data_markdown_yields_only_allowed_tags_and_attributes(text):
    for tag, attributes in _Elements(str(data_markdown(text))).found:
        assert tag in ALLOWED and set(attributes) <= ALLOWED[tag], (tag, attributes)
        assert not any(name.startswith("on") or name in ("id", "name", "class") for name in attributes)


@pytest.mark.parametrize("url", ["https://tracker.example/p.gif", "http://tracker.example/p.gif",
                                 "//tracker.example/p.gif", "/\\tracker.example/p.gif", r"\\\\tracker.example/p.gif",
                                 " //tracker.example/p.gif", "HTTPS://tracker.example/p.gif"])
def test_an_image_from_elsewhere_becomes_its_alt_text(url):
    html = str(data_markdown(f"Before ![a pixel]({url}) after"))
    assert "<img" not in html and "tracker" not in html
    assert html == "<p>Before a pixel after</p>"


@pytest.mark.parametrize("url", ["assets/logo.png", "logo.png", "../assets/logo.png", "/assets/logo.png"])
def test_an_image_from_the_site_itself_stays(url):
    html = str(data_markdown(f"![logo]({url})"))
    assert html == f'<p><img alt="logo" src="{url}"></p>'


def test_data_markdown_keeps_tables_lists_and_code():
    html = str(data_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n3. x\n4. y\n\n```\ncode <b>\n```"))
    assert '<th style="text-align:left">a</th>' in html and '<td style="text-align:right">2</td>' in html
    assert '<ol start="3">' in html
    assert "<pre><code>code &lt;b&gt;\n</code></pre>" in html


@pytest.mark.parametrize("name", ['x {: onclick="alert(1)" }', "y {: #page-data }", "z\n{: autofocus onfocus=alert(1) }"])
def test_a_data_name_in_generated_site_prose_cannot_add_attributes(name):
    html = str(site_markdown(f"# Runs of {md_escape(name)}\n\nRuns of {md_escape(name)} here."))
    for _tag, attributes in _Elements(html).found:
        assert attributes == {}, html
