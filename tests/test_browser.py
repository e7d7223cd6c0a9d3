"""End-to-end: the built site in headless Chromium, offline, from file:// and from a sub-path.

Playwright drives the Chromium named by $CHROMIUM (scripts/test.sh chooses one and sets it),
else ``chromium`` on PATH or /usr/bin/chromium; axe-core (the accessibility engine) comes
from npm into .tools/node (scripts/test.sh installs both).
Without them these tests are skipped, unless REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

from __future__ import annotations

import csv
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest

from generator.build import Project, build
from generator.model.pareto import pareto_front
from tests.browsing import AXE, DESKTOP, PHONE, open_offline, required, wait_for_charts
from tests.helpers import REPO

PAGES = ["index", "theory", "imagenet", "cifar10", "mnist", "contributing", "404"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("name", PAGES)
def test_every_chart_renders_fits_the_screen_and_logs_nothing(browser, site, name, width):
    page, messages = open_offline(browser, (site / f"{name}.html").as_uri(), width=width)
    wait_for_charts(page)
    states = page.eval_on_selector_all(".chart-view", "els => els.map(e => e.getAttribute('data-state'))")
    assert states == ["rendered"] * len(states)
    assert page.eval_on_selector_all(".chart-view", "els => els.every(e => !!e.querySelector('svg'))")
    too_wide = page.eval_on_selector_all(
        ".chart-view svg", f"els => els.filter(e => e.getBoundingClientRect().right > {width} + 1)"
                           ".map(e => e.closest('figure').id)")
    assert too_wide == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    assert messages == []  # no Vega-Lite warning, no error
    page.context.close()


LEGEND_ENTRIES = """() => [...document.querySelectorAll('.chart-view svg g.role-legend')].map(legend => {
  const title = legend.querySelector('.role-legend-title text');
  const labels = [...legend.querySelectorAll('.role-legend-label text')].map(t => t.textContent);
  const symbols = [...legend.querySelectorAll('.role-legend-symbol path')].map(p => {
    const fill = p.getAttribute('fill'); return fill && fill !== 'transparent' && fill !== 'none' ? fill : p.getAttribute('stroke');
  });
  return {title: title ? title.textContent : '', entries: labels.map((l, i) => [l, symbols[i]])};
})"""


def test_each_platform_has_one_colour_across_every_rendered_legend(browser, site):
    colours: dict[str, set[str]] = {}
    legends = 0
    for name in PAGES[1:5]:
        page, _ = open_offline(browser, (site / f"{name}.html").as_uri())
        wait_for_charts(page)
        for legend in page.evaluate(LEGEND_ENTRIES):
            if legend["title"] != "Platform":
                continue
            legends += 1
            shown = [colour.lower() for _, colour in legend["entries"]]
            assert len(set(shown)) == len(shown), legend  # no colour stands for two platforms
            for label, colour in legend["entries"]:
                colours.setdefault(label, set()).add(colour.lower())
        page.context.close()
    assert legends >= 20
    assert {label: c for label, c in colours.items() if len(c) > 1} == {}


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_accessibility_violation(browser, site, name):
    if not AXE.is_file():
        required(f"axe-core ({AXE})")
    for width in (DESKTOP, PHONE):
        page, _ = open_offline(browser, (site / f"{name}.html").as_uri(), width=width)
        wait_for_charts(page)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document)).violations.map(
            v => `${v.id} (${v.impact}): ${v.nodes.length} x ${v.nodes[0].target.join(' ')}`)""")
        assert violations == [], f"{name} at {width}px"
        page.context.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def six(value: float) -> float:
    return float(f"{float(value):.6g}")


def test_a_filtered_pareto_front_is_the_python_front_of_what_remains(browser, site):
    page, messages = open_offline(browser, (site / "imagenet.html").as_uri())
    wait_for_charts(page)
    figure = page.locator("#fig-imagenet-pareto")
    front = """() => { const out = [];
      (function walk(n) { if (!n) return; if (n.marktype === 'line') (n.items || []).forEach(i => i.datum && out.push(
        [i.datum.fps, i.datum.top1_pct, i.datum.platform_name])); (n.items || []).forEach(walk); })(
        window.siteCharts.views['imagenet-pareto'].scenegraph().root); return out; }"""
    points = [r for r in read_csv(site / "data" / "pareto.csv") if r["task"] == "imagenet" and r["kind"] == "measured"]
    names = {r["platform"]: r["platform_name"] for r in read_csv(site / "data" / "platforms.csv")}
    frame = pd.DataFrame({"fps": [float(r["fps"]) for r in points], "top1": [float(r["top1_pct"]) for r in points],
                          "platform": [names[r["platform"]] for r in points]})

    def python_front(shown: pd.DataFrame) -> set[tuple[float, float]]:
        on = pareto_front(shown, "fps", "top1")
        return {(six(f), six(t)) for f, t in zip(shown.loc[on, "fps"], shown.loc[on, "top1"])}

    everything = {(f, t) for f, t, _ in page.evaluate(front)}
    assert everything == python_front(frame)
    leader = frame.loc[frame["fps"].idxmax(), "platform"]  # untick the platform of the fastest point
    figure.get_by_label(leader, exact=True).uncheck()
    page.wait_for_timeout(300)
    remaining = {(f, t) for f, t, p in page.evaluate(front)}
    assert remaining == python_front(frame[frame["platform"] != leader])
    assert remaining != everything and remaining
    assert messages == []
    page.context.close()


def test_charts_are_drawn_as_they_scroll_into_view(browser, site):
    page, _ = open_offline(browser, (site / "imagenet.html").as_uri())
    page.wait_for_timeout(1500)
    states = page.eval_on_selector_all(".chart-view", "els => els.map(e => e.getAttribute('data-state'))")
    assert 1 <= states.count("rendered") < len(states)  # what is near the viewport, not the whole page
    last = page.locator(".chart-view").last
    last.scroll_into_view_if_needed()
    page.wait_for_function("el => el.getAttribute('data-state') === 'rendered'", arg=last.element_handle(),
                           timeout=30_000)
    page.context.close()


def test_vega_starts_up_on_a_hidden_chart_that_leaves_nothing_behind(browser, site):
    page, messages = open_offline(browser, (site / "imagenet.html").as_uri())
    page.wait_for_selector(".chart-view[data-state='rendered']", timeout=30_000)
    page.wait_for_timeout(500)
    outside = page.evaluate("[...document.querySelectorAll('svg')].filter(s => !s.closest('.chart-view')).length")
    assert outside == 0  # the warm-up chart is gone once the first real one is drawn
    assert page.evaluate("document.querySelectorAll('.chart-view svg').length") >= 1
    assert messages == []
    page.context.close()


def test_the_page_is_painted_before_the_chart_library_is_requested_and_each_of_its_files_is_fetched_once(browser, site):
    html = (site / "imagenet.html").read_text(encoding="utf-8")
    assert "vega-bundle.js" in html and '<script src="assets/vega-bundle.js"' not in html  # site.js requests it
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    requested = []
    context.on("request", lambda request: requested.append(request.url) if "vega-bundle" in request.url else None)
    # when the library's script element enters the page, had the browser painted it yet?
    context.add_init_script("""new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {
      if (n.tagName === 'SCRIPT' && /vega-bundle/.test(n.src || '') && window.paintedFirst === undefined) {
        window.paintedFirst = performance.getEntriesByType('paint').length > 0; }
    }))).observe(document, {childList: true, subtree: true});""")
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text) if msg.type in ("error", "warning") else None)
    page.goto((site / "imagenet.html").as_uri())
    wait_for_charts(page)
    assert page.evaluate("window.paintedFirst") is True
    files = sorted(path.name for path in (site / "assets").glob("vega-bundle*.js"))  # the library's parts
    assert sorted(url.rsplit("/", 1)[1] for url in requested) == files  # each once, for every chart of the page
    assert page.eval_on_selector_all(".chart-view", "els => els.every(e => e.dataset.state === 'rendered')")
    assert messages == []
    context.close()


@pytest.mark.parametrize("missing", ["vega-bundle.js", "vega-bundle-9.js"])  # the first part, or one it names
def test_every_chart_says_so_when_the_chart_library_does_not_load(browser, site, missing):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900})
    context.route("**/*", lambda route: route.abort() if route.request.url.endswith("/" + missing)
                  or not route.request.url.startswith("file://") else route.continue_())
    page = context.new_page()
    page.goto((site / "imagenet.html").as_uri())
    page.wait_for_selector("html[data-charts='done']", timeout=30_000)
    texts = page.eval_on_selector_all(".chart-view", "els => els.map(e => e.dataset.state + ': ' + e.textContent)")
    assert texts and set(texts) == {"error: The chart library did not load."}
    page.evaluate("window.siteCharts.renderAll()")  # asking again draws nothing and breaks nothing
    assert page.evaluate("document.querySelectorAll('.chart-view svg').length") == 0
    context.close()


def test_the_tooltip_is_compact_and_untouched_by_the_page_styles(browser, site):
    page, _ = open_offline(browser, (site / "imagenet.html").as_uri())
    wait_for_charts(page)
    page.locator("#fig-imagenet-pareto .chart-view svg g.mark-symbol path").first.hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
    style = page.evaluate("""() => { const td = document.querySelector('#vg-tooltip-element td.value');
        const cs = getComputedStyle(td); const box = document.querySelector('#vg-tooltip-element').getBoundingClientRect();
        return [cs.fontSize, cs.borderBottomWidth, box.width, box.height]; }""")
    assert style[0] == "12px" and style[1] == "0px"
    assert style[2] <= 300 and style[3] <= 140
    values = page.eval_on_selector_all("#vg-tooltip-element td.value", "els => els.map(e => e.textContent.trim())")
    assert values and all(values)  # no empty line
    page.context.close()


def test_scatter_charts_zoom_with_ctrl_and_the_wheel_and_pan_with_a_mouse_drag(browser, site):
    page, _ = open_offline(browser, (site / "imagenet.html").as_uri())
    wait_for_charts(page)
    domain = "() => window.siteCharts.views['imagenet-pareto'].scale('pareto_x').domain()"
    before = page.evaluate(domain)
    chart = page.locator("#fig-imagenet-pareto .chart-view svg")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 200)
    page.keyboard.down("Control")  # the wheel alone scrolls the page (tests/test_reader.py)
    page.mouse.wheel(0, -400)
    page.keyboard.up("Control")
    page.wait_for_timeout(300)
    zoomed = page.evaluate(domain)
    assert zoomed[1] / zoomed[0] < before[1] / before[0]  # zoomed in
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 100, box["y"] + 200, steps=5)
    page.mouse.up()
    page.wait_for_timeout(300)
    panned = page.evaluate(domain)
    assert panned[0] < zoomed[0] and panned[1] / panned[0] == pytest.approx(zoomed[1] / zoomed[0])  # dragged
    page.context.close()


def test_the_site_works_from_a_sub_path_over_http(browser, site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.parent.parent))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}/project/sub/"
        page, messages = open_offline(browser, base + "index.html")
        page.click("nav[aria-label='Pages'] >> text=ImageNet")
        page.wait_for_url(base + "imagenet.html")
        wait_for_charts(page)
        csv_link = page.locator("a[download]").first.get_attribute("href")
        response = page.request.get(base + csv_link)
        assert response.ok and response.text().count("\n") > 1
        assert page.request.get(base + "assets/favicon.svg").ok
        assert messages == []
        page.context.close()
    finally:
        server.shutdown()


def test_clicking_a_point_highlights_its_configuration(browser, site):
    page, messages = open_offline(browser, (site / "mnist.html").as_uri())
    wait_for_charts(page)
    chart = "#fig-mnist-latency-throughput .chart-view svg"

    def opacities():
        return page.eval_on_selector_all(f"{chart} g.mark-symbol path",
                                         "els => els.map(e => e.getAttribute('opacity') || e.style.opacity)")

    before = set(opacities())
    page.locator(f"{chart} g.mark-symbol path").first.click(force=True)
    page.wait_for_timeout(300)
    after = opacities()
    assert len(before) == 1 and len(set(after)) == 2  # one configuration bright, the rest dimmed
    assert messages == []
    page.context.close()


HOSTILE = {  # the payloads an outside contributor tried (each alert names where it came from)
    "description": "Runs <img src=x onerror=alert(1)> here; [paper](javascript:alert(2)) "
                   "<script>alert(3)</script> [ok](https://example.org)\n\n<img src=z onerror=alert(4)>\n\n"
                   '![logo](missing.png){: onerror="alert(7)" }\n\n'  # Markdown attribute lists
                   '# Digits {: tabindex=1 autofocus onfocus="alert(8)" }\n\n'
                   'Hover me {: onmouseover="alert(9)" }\n\n'
                   "Clobber {: #page-data }\n\n"  # the page's data script, by id
                   "![pixel](https://tracker.example/p.gif) ![pixel](//tracker.example/q.gif)",  # tracking pixels
    "platform": "<img src=y onerror=alert(5)>",
    "network": "<svg onload=alert(6)></svg>",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The minidata site built from contributor text that tries to run script everywhere it lands."""
    import yaml

    root = tmp_path_factory.mktemp("hostile") / "project"
    root.mkdir()
    shutil.copytree(REPO / "tests" / "fixtures" / "minidata", root / "data")
    for name in ("templates", "site_src"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    for file, key, field, value in (("tasks", "tasks", "description", HOSTILE["description"]),
                                    ("platforms", "platforms", "name", HOSTILE["platform"]),
                                    ("networks", "networks", "name", HOSTILE["network"])):
        path = root / "data" / f"{file}.yaml"
        data = yaml.safe_load(path.read_text())
        for entry in data[key]:
            entry[field] = value if field != "name" else f"{value} {entry['id']}"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    build(Project(root), root / "build", log=lambda _msg: None)
    return root / "build"


INLINE_HANDLERS = """() => [...document.querySelectorAll('*')]
  .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
  .map(e => e.outerHTML.slice(0, 120))"""


def test_contributor_text_never_runs_as_script(browser, hostile_site):
    for html in sorted(hostile_site.glob("*.html")):
        dialogs: list[str] = []
        page, errors = open_offline(browser, html.as_uri(), dialogs=dialogs)
        # the page was requested before this listener: load it again with the listener on
        elsewhere: list[str] = []
        page.on("request", lambda request: None if request.url.startswith("file://") else elsewhere.append(request.url))
        page.reload()
        if page.locator(".chart-view").count():
            wait_for_charts(page)
            states = page.eval_on_selector_all(".chart-view", "els => els.map(e => e.getAttribute('data-state'))")
            assert states == ["rendered"] * len(states), html.name  # the page's data script is not shadowed
            for mark in page.locator(".chart-view svg g.mark-symbol path, .chart-view svg g.mark-rect path").all()[:30]:
                mark.hover(force=True)  # tooltips show the names too
        for element in page.locator("main .intro *").all():
            element.hover(force=True)
            element.focus()
        assert page.evaluate(INLINE_HANDLERS) == [], html.name
        assert page.evaluate("document.querySelectorAll('#page-data').length") <= 1
        assert elsewhere == [], f"{html.name} requested {elsewhere}"
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if "javascript" in h.lower()], html.name
        for link in page.locator("main a[href]:not([download])").all():
            if not link.get_attribute("href").startswith(("http", "#")):
                continue
            link.click(modifiers=["Control"], no_wait_after=True)  # a new tab, never a script
        page.wait_for_timeout(200)
        assert dialogs == [], f"{html.name}: {dialogs}"
        if html.name == "imagenet.html":  # the task description is the page's intro: shown as text
            assert "<img src=x onerror=alert(1)>" in page.locator(".intro").inner_text()
        page.context.close()


def test_the_layer_chart_computes_the_per_layer_model_of_the_python_side(browser, site):
    """The layer roofline recomputes the per-layer rule in the browser (the page ships layers
    and platforms once): for the pair it opens with and for pairs a reader picks (a host link,
    runs that sweep threads), every layer's bound and share of the time are the ones
    ``model.bounds.layer_times`` gives."""
    from generator import frames
    from generator.inputs.dataset import load_dataset
    from generator.model import bounds, experiments
    from tests.conftest import SHIPPED

    ds = load_dataset(SHIPPED)
    runs = experiments.batch_medians(ds.measurements)
    variants = frames.variants_frame(ds)
    times = bounds.layer_times(frames.platforms_frame(ds), variants[variants["from_layers"]],
                               frames.precisions_frame(ds), frames.tasks_frame(ds), frames.layers_frame(ds), runs)
    platforms = frames.platforms_frame(ds).drop_duplicates("platform").set_index("platform")["platform_name"]
    times["roof"] = times["platform"].map(platforms) + [f" {m}" if m else "" for m in times["mode"]] + " " \
        + times["precision"]
    names = variants.drop_duplicates("network").set_index("network")["network_name"]
    times["variant"] = times["network"].map(names) + " " + times["pruning_pct"].map(lambda p: f"{p:g}%")
    times["time_s"] = times[["compute_s", "memory_s"]].max(axis=1)

    page, messages = open_offline(browser, (site / "theory.html").as_uri())
    wait_for_charts(page)
    selects = page.locator("#fig-theory-layers select")
    for pick in (None, ("ResNet-50 v1.5 100%", "Edge TPU fast INT8"), ("MobileNet v1 100%", "ZCU102 DPU INT8")):
        if pick is not None:
            selects.nth(0).select_option(pick[0])
            selects.nth(1).select_option(pick[1])
            page.wait_for_timeout(200)
        network, platform = page.evaluate("() => [...document.querySelectorAll('#fig-theory-layers select')]"
                                          ".map(s => s.value)")
        rows = page.evaluate("""() => {
          const view = window.siteCharts.views['theory-layers'];
          for (const name of Object.keys(view._runtime.data)) {
            const rows = view.data(name);
            if (rows.length && 'share_pct' in rows[0]) return rows.map(r => [r.layer, r.bound, r.share_pct]);
          }
          return [];
        }""")
        mine = times[(times["roof"] == platform) & (times["variant"] == network)]
        assert len(mine), (network, platform)
        share = 100 * mine["time_s"] / mine["time_s"].sum()
        expected = {int(r.layer): ("memory-bound" if r.memory_bound else "compute-bound", s)
                    for r, s in zip(mine.itertuples(), share) if r.ops_gop > 0}
        assert {int(layer) for layer, _, _ in rows} == set(expected), (network, platform)
        for layer, bound, pct in rows:
            assert bound == expected[int(layer)][0], (network, platform, layer)
            assert pct == pytest.approx(expected[int(layer)][1], rel=1e-4), (network, platform, layer)
    assert messages == []
    page.context.close()


def test_the_what_if_calculator_starts_from_the_published_predictions_and_follows_its_sliders(browser, site):
    """At the platform it opens with (measured at batch 1) and the sliders at their start, the
    calculator's predictions are the site's: QuTiBench's assumption and the bound for every
    network, the calibrated prediction for the networks not measured there (the others are
    calibrated without their own runs in predictions.csv). A slider that multiplies the peak
    by 10 moves the compute-bound predictions tenfold and leaves the memory-bound ones."""
    with (site / "data" / "predictions.csv").open(encoding="utf-8") as handle:
        published = list(csv.DictReader(handle))
    page, messages = open_offline(browser, (site / "theory.html").as_uri())
    wait_for_charts(page)
    read = """() => {
      const view = window.siteCharts.views['theory-what-if'];
      for (const name of Object.keys(view._runtime.data)) {
        const rows = view.data(name);
        if (rows.length && 'model' in rows[0] && 'fps' in rows[0])
          return rows.map(r => [r.variant.replace(' \u2020', ''), r.model, r.fps]);  // a note's mark left out
      }
      return [];
    }"""
    start = page.evaluate("() => document.querySelector('#fig-theory-what-if select').value")
    assert start == "Edge TPU fast INT8"
    drawn = {(variant, model): fps for variant, model, fps in page.evaluate(read)}
    mine = [r for r in published if (r["platform"], r["mode"], r["precision"]) == ("edgetpu", "fast", "INT8")]
    measured = {r["network"] for r in csv.DictReader((site / "data" / "measurements.csv").open(encoding="utf-8"))
                if r["platform"] == "edgetpu"}
    names = {r["network"]: r["network_name"] for r in csv.DictReader((site / "data" / "networks.csv").open(encoding="utf-8"))}
    checked = 0
    for r in mine:
        label = f"{names[r['network']]} {float(r['pruning_pct']):g}%"
        if r["assumption"] in ("weights-offchip", "platform-aware") or (
                r["assumption"] == "calibrated" and r["network"] not in measured):
            assert drawn[(label, r["assumption"])] == pytest.approx(float(r["fps"]), rel=1e-4), (label, r["assumption"])
            checked += 1
    assert checked >= 2 * 18
    page.locator("#fig-theory-what-if input[type=range]").first.fill("1")  # the peak x 10
    page.wait_for_timeout(300)
    tenfold = {(variant, model): fps for variant, model, fps in page.evaluate(read)}
    bound = {f"{names[r['network']]} {float(r['pruning_pct']):g}%": r["bound"] for r in mine
             if r["assumption"] == "platform-aware"}
    for label, kind in bound.items():
        ratio = tenfold[(label, "platform-aware")] / drawn[(label, "platform-aware")]
        assert ratio == pytest.approx(1.0) if kind == "memory" else ratio > 1.0, label
    assert messages == []
    page.context.close()
