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
from tests.helpers import REPO, nodes

PAGES = ("theory", "imagenet", "cifar10", "mnist")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("prose") / "site"
    build(Project(REPO), out, log=lambda _msg: None)
    return out


def figures(page: str) -> list[tuple[dict[str, Any], str]]:
    """(Vega spec as a wide figure draws it, caption text) of every chart figure of a built
    page: the charts are compiled to Vega when the site is built, and the page ships them."""
    out = []
    for block in re.findall(r'<figure class="chart".*?</figure>', page, re.S):
        shipped = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>', block, re.S).group(1))
        caption = re.search(r"<figcaption>(.*?)</figcaption>", block, re.S).group(1)
        out.append((shipped["wide"], text(caption)))
    return out


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def events(node: dict[str, Any]) -> list[Any]:
    """The event streams a Vega signal listens to."""
    on = node.get("on")
    return [handler.get("events") for handler in on if isinstance(handler, dict)] if isinstance(on, list) else []


def controls(spec: dict[str, Any]) -> set[str]:
    """The kinds of control a Vega spec offers: select, checkbox (bound signals), click (a
    signal updated on a click on the chart), legend-click (on a legend's entries)."""
    found = set()
    for node in nodes(spec):
        bind = node.get("bind")
        if isinstance(bind, dict) and bind.get("input") in ("select", "checkbox"):
            found.add(bind["input"])
        for stream in events(node):
            words = json.dumps(stream)
            if re.search(r'"type": "click"|(?<![a-z])click', words):
                found.add("legend-click" if "legend" in words else "click")
    return found


def scale_ranges(spec: dict[str, Any]) -> dict[str, list[Any]]:
    return {n["name"]: n["range"] for n in nodes(spec)
            if isinstance(n.get("name"), str) and isinstance(n.get("range"), list) and "type" in n}


def marks(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every point of a Vega spec as ``{"type": "point", "shape": ..., "filled": ...}``, once
    per shape it can take (a shape scale's range, a constant, or Vega's default circle)."""
    ranges = scale_ranges(spec)
    out = []
    for node in nodes(spec):
        if node.get("type") != "symbol" or not isinstance(node.get("encode"), dict):
            continue
        update = {**node["encode"].get("enter", {}), **node["encode"].get("update", {})}
        shape, fill = update.get("shape"), update.get("fill")
        if isinstance(shape, dict) and "scale" in shape:
            shapes = ranges.get(shape["scale"], [])
        elif isinstance(shape, dict) and "value" in shape:
            shapes = [shape["value"]]
        else:
            shapes = ["circle"]
        filled = not (isinstance(fill, dict) and fill.get("value") == "transparent")
        out.extend({"type": "point", "shape": s, "filled": filled} for s in shapes)
    return out


def is_faceted(spec: dict[str, Any]) -> bool:
    return any(isinstance(n.get("from"), dict) and "facet" in n["from"] for n in nodes(spec))


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
    (heatmap,) = [spec for spec, _ in figures(page) if any(n.get("name") == "model" and isinstance(n.get("bind"), dict)
                                                            for n in nodes(spec))]
    # A text drawn in the view from the drop-down's signal: it follows the drop-down, and an
    # export of the view carries it.
    assert any(isinstance(n.get("signal"), str) and re.search(r"\bmodel\b", n["signal"]) and "Under the" in n["signal"]
               for n in nodes(heatmap))
    assert "(shown:" not in heatmap.get("description", "")
