"""The pages' words about their charts are true of the charts: every sentence on a built
page that names a chart's control (drop-down, check boxes, clicks, legend entries) or its
marks (hollow/filled shapes, panels) has it in the chart specs of that page, and every
figure's caption says how to read its chart in the words the chart was built from."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.build import Project, build
from tests.helpers import REPO

PAGES = ("theory", "imagenet", "cifar10", "mnist")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("prose") / "site"
    build(Project(REPO), out, log=lambda _msg: None)
    return out


def nodes(tree: Any):
    if isinstance(tree, dict):
        yield tree
        for value in tree.values():
            yield from nodes(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from nodes(value)


def figures(page: str) -> list[tuple[dict[str, Any], str]]:
    """(spec, caption text) of every chart figure of a built page."""
    out = []
    for block in re.findall(r'<figure class="chart".*?</figure>', page, re.S):
        spec = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>', block, re.S).group(1))
        caption = re.search(r"<figcaption>(.*?)</figcaption>", block, re.S).group(1)
        out.append((spec, text(caption)))
    return out


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def controls(spec: dict[str, Any]) -> set[str]:
    """The kinds of control a spec offers: select, checkbox, click, legend-click."""
    found = set()
    for node in nodes(spec):
        for param in node.get("params", []) if isinstance(node.get("params"), list) else []:
            bind = param.get("bind")
            if isinstance(bind, dict) and bind.get("input") in ("select", "checkbox"):
                found.add(bind["input"])
            elif bind == "legend" or (isinstance(bind, dict) and "legend" in bind):
                found.add("legend-click")
            select = param.get("select")
            if isinstance(select, dict) and select.get("type") == "point" and "click" in str(select.get("on", "click")):
                found.add("click")
    return found


def marks(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [n["mark"] if isinstance(n["mark"], dict) else {"type": n["mark"]} for n in nodes(spec)
            if isinstance(n.get("mark"), (str, dict))]


def is_faceted(spec: dict[str, Any]) -> bool:
    return any("facet" in n or "vconcat" in n or "hconcat" in n or "concat" in n for n in nodes(spec))


def shape(name: str):
    return lambda specs: any(m.get("type") == "point" and m.get("shape", "circle") == name
                             for s in specs for m in marks(s))


# A sentence that matches the pattern claims what the function checks in the page's specs.
# Shapes count when named as marks: "(crosses)", "hollow diamond", "circles:".
SHAPE_WORDS = r"(?:\((?:{0})\)|(?:hollow|filled) (?:{0})|\b(?:{0}):)"
CLAIMS = {
    r"drop-down": lambda specs: any("select" in controls(s) for s in specs),
    r"check ?box": lambda specs: any("checkbox" in controls(s) for s in specs),
    r"\bclick": lambda specs: any(controls(s) & {"click", "legend-click"} for s in specs),
    r"legend entr": lambda specs: any("legend-click" in controls(s) for s in specs),
    r"\bpanels?\b": lambda specs: any(is_faceted(s) for s in specs),
    r"\bhollow\b": lambda specs: any(m.get("filled") is False for s in specs for m in marks(s)),
    SHAPE_WORDS.format("cross|crosses"): shape("cross"),
    SHAPE_WORDS.format("circle|circles"): shape("circle"),
    SHAPE_WORDS.format("diamond|diamonds"): shape("diamond"),
    SHAPE_WORDS.format("square|squares"): shape("square"),
}


@pytest.mark.parametrize("name", PAGES)
def test_every_sentence_about_controls_or_marks_is_true_of_the_pages_charts(site, name):
    page = (site / f"{name}.html").read_text(encoding="utf-8")
    specs = [spec for spec, _caption in figures(page)]
    main = re.search(r"<main.*?</main>", page, re.S)
    words = text(re.sub(r"<script.*?</script>", " ", main.group(0) if main else page, flags=re.S))
    checked = 0
    for sentence in re.split(r"(?<=[.!?])\s+", words):
        for claim, holds in CLAIMS.items():
            if re.search(claim, sentence, re.I):
                checked += 1
                assert holds(specs), f"{name}: {sentence!r} claims {claim!r}, no chart of the page has it"
    if name != "theory":
        assert checked > 0  # the captions do speak of the controls


@pytest.mark.parametrize("name", PAGES)
def test_each_caption_describes_the_controls_its_own_chart_has_and_no_others(site, name):
    page = (site / f"{name}.html").read_text(encoding="utf-8")
    for spec, caption in figures(page):
        has = controls(spec)
        says = {"select": "drop-down below the chart" in caption, "checkbox": "check boxes below the chart" in caption,
                "click": bool(re.search(r"\bClick\b", caption))}
        for kind, said in says.items():
            if said:
                assert kind in has, (name, spec.get("description"), kind)
        assert "select" not in has or "drop-down" in caption, spec.get("description")
        assert "checkbox" not in has or "check boxes" in caption, spec.get("description")


def test_the_heatmap_names_the_model_it_shows_in_the_view_itself(site):
    page = (site / "imagenet.html").read_text(encoding="utf-8")
    (heatmap,) = [spec for spec, _ in figures(page) if any(p.get("name") == "model" for p in spec.get("params", []))]
    header = heatmap["facet"]["header"]
    assert "model" in header["labelExpr"]  # a signal: it follows the drop-down, and an export of the view carries it
    assert "(shown:" not in heatmap["description"]
