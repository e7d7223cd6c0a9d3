"""A reader's gestures on every chart of every page, with real input events: the mouse
wheel (Playwright's mouse, 1280x900) and a finger (CDP ``Input.dispatchTouchEvent``,
390x844, touch screen). Reading a chart's state afterwards (its axis labels in the SVG,
its scales' domains) is fine; the input never calls into Vega.
"""

from __future__ import annotations

import pytest

from tests.browsing import DESKTOP, PHONE, open_offline, wait_for_charts

pytestmark = pytest.mark.browser

CHART_PAGES = ["theory", "imagenet", "cifar10", "mnist"]
PHONE_HEIGHT, DESKTOP_HEIGHT = 844, 900

# Every chart's axes as the reader sees them: the tick labels of every axis, per figure.
AXES = """() => Object.fromEntries([...document.querySelectorAll('figure.chart')].map(f => [f.id,
  [...f.querySelectorAll('.chart-view svg g.role-axis')].map(a =>
    [...a.querySelectorAll('.role-axis-label text')].map(t => t.textContent).join('|'))]))"""

# Every scale's domain of every view (state read after the input, to catch a zoom the labels hide).
DOMAINS = """() => Object.fromEntries(Object.entries(window.siteCharts.views).map(([name, view]) =>
  [name, Object.keys(view._runtime.scales).sort().map(s => s + ' ' + JSON.stringify(view.scale(s).domain()))]))"""

# The screen position of marks with a tooltip: [x, y] of each item's centre (client pixels).
TOOLTIP_POINTS = """(name) => {
  const view = window.siteCharts.views[name];
  const svg = document.querySelector(`.chart-view[data-name="${name}"] svg`);
  const rect = svg.getBoundingClientRect();
  const scale = rect.width / (svg.width.baseVal.value || rect.width);
  const origin = view.origin();
  const out = [];
  (function visit(scene, ox, oy) {
    (scene.items || []).forEach(item => {
      const b = item.bounds;
      if (item.tooltip !== undefined && item.tooltip !== null && b && scene.interactive !== false && b.width() < 400) {
        out.push([rect.left + (origin[0] + ox + (b.x1 + b.x2) / 2) * scale,
                  rect.top + (origin[1] + oy + (b.y1 + b.y2) / 2) * scale]);
      }
      if (item.items) item.items.forEach(child => visit(child, ox + (item.x || 0), oy + (item.y || 0)));
    });
  })(view.scenegraph().root, 0, 0);
  return out;
}"""


@pytest.fixture(scope="module")
def opened(browser, built_site):
    """``opened(name, width)``: the page with every chart drawn, opened once per module at
    each width (a phone with a touch screen at 390 px); each test reads the state it starts from."""
    pages: dict[tuple[str, int], tuple] = {}

    def get(name: str, width: int):
        if (name, width) not in pages:
            page, messages = open_offline(browser, (built_site / f"{name}.html").as_uri(), width=width,
                                          height=PHONE_HEIGHT if width == PHONE else DESKTOP_HEIGHT,
                                          touch=width == PHONE)
            wait_for_charts(page)
            pages[(name, width)] = (page, messages)
        page, messages = pages[(name, width)]
        page.evaluate("window.scrollTo(0, 0)")
        return page, messages

    yield get
    for page, _ in pages.values():
        page.context.close()


def figures(page) -> list[str]:
    return page.eval_on_selector_all(".chart-view[data-state='rendered']", "els => els.map(e => e.dataset.name)")


def centre_on(page, name: str, height: int) -> dict[str, float]:
    """Scroll so the chart's middle is in the middle of the window; its box after that."""
    page.evaluate("""([name, height]) => { const el = document.querySelector(`.chart-view[data-name="${name}"]`);
        const box = el.getBoundingClientRect(); window.scrollBy(0, box.top + box.height / 2 - height / 2); }""",
                  [name, height])
    page.wait_for_timeout(50)
    return page.locator(f'.chart-view[data-name="{name}"]').bounding_box()


def touch(cdp, kind: str, x: float, y: float) -> None:
    points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


@pytest.mark.parametrize("name", CHART_PAGES)
def test_the_wheel_over_a_chart_scrolls_the_page_and_leaves_every_axis_as_it_was(opened, name):
    page, messages = opened(name, DESKTOP)
    axes, domains = page.evaluate(AXES), page.evaluate(DOMAINS)
    charts = figures(page)
    assert charts
    stuck = []
    for chart in charts:
        box = centre_on(page, chart, DESKTOP_HEIGHT)
        page.mouse.move(box["x"] + box["width"] / 2, min(box["y"] + box["height"] / 2, DESKTOP_HEIGHT - 10))
        down = page.evaluate("window.scrollY + window.innerHeight + 400 < document.documentElement.scrollHeight")
        before = page.evaluate("window.scrollY")
        for _ in range(3):  # three notches
            page.mouse.wheel(0, 100 if down else -100)
            page.wait_for_timeout(60)
        page.wait_for_timeout(150)
        if page.evaluate("window.scrollY") == before:
            stuck.append(chart)
    assert stuck == [], "the wheel did not scroll the page over these charts"
    assert page.evaluate(AXES) == axes
    assert page.evaluate(DOMAINS) == domains
    assert messages == []


@pytest.mark.parametrize("name", CHART_PAGES)
def test_a_swipe_that_starts_on_a_chart_scrolls_the_page_and_leaves_every_axis_as_it_was(opened, name):
    page, messages = opened(name, PHONE)
    axes, domains = page.evaluate(AXES), page.evaluate(DOMAINS)
    cdp = page.context.new_cdp_session(page)
    moved = 0
    charts = figures(page)
    for chart in charts:
        box = centre_on(page, chart, PHONE_HEIGHT)
        x = box["x"] + box["width"] / 2
        # Near the page's end the finger swipes down (the page scrolls back up): a page at its
        # end cannot scroll further down.
        down = page.evaluate("window.scrollY + window.innerHeight + 400 < document.documentElement.scrollHeight")
        y = min(box["y"] + box["height"] / 2, PHONE_HEIGHT - 250) if down else max(box["y"] + box["height"] / 2, 250)
        before = page.evaluate("window.scrollY")
        touch(cdp, "touchStart", x, y)
        for step in range(1, 9):  # a swipe along the page and a little to the side, as a thumb makes it
            touch(cdp, "touchMove", x - 4 * step, y - 20 * step if down else y + 20 * step)
        touch(cdp, "touchEnd", 0, 0)
        page.wait_for_timeout(120)
        moved += page.evaluate("window.scrollY") != before
    assert page.evaluate(AXES) == axes
    assert page.evaluate(DOMAINS) == domains
    assert moved == len(charts), f"the page scrolled for {moved} of {len(charts)} swipes"
    assert messages == []


@pytest.mark.parametrize("name", CHART_PAGES)
def test_a_tap_on_a_mark_shows_its_tooltip_and_a_tap_elsewhere_hides_it(opened, name):
    page, messages = opened(name, PHONE)
    cdp = page.context.new_cdp_session(page)
    visible = "() => { const t = document.querySelector('#vg-tooltip-element'); return !!t && t.classList.contains('visible') && getComputedStyle(t).visibility === 'visible'; }"
    silent = []
    for chart in figures(page):
        centre_on(page, chart, PHONE_HEIGHT)
        points = [(x, y) for x, y in page.evaluate(TOOLTIP_POINTS, chart)
                  if 5 < x < PHONE - 5 and 60 < y < PHONE_HEIGHT - 60]
        if not points:
            silent.append(f"{chart}: no mark with a tooltip on screen")
            continue
        x, y = points[len(points) // 2]
        touch(cdp, "touchStart", x, y)
        touch(cdp, "touchEnd", x, y)
        page.wait_for_timeout(150)
        if not page.evaluate(visible):
            silent.append(f"{chart}: no tooltip after a tap at ({x:.0f}, {y:.0f})")
            continue
        heading = page.locator("h1").bounding_box()  # elsewhere: the page's heading, scrolled into view
        page.evaluate("window.scrollTo(0, 0)")
        heading = page.locator("h1").bounding_box()
        touch(cdp, "touchStart", heading["x"] + 5, heading["y"] + 5)
        touch(cdp, "touchEnd", heading["x"] + 5, heading["y"] + 5)
        page.wait_for_timeout(100)
        if page.evaluate(visible):
            silent.append(f"{chart}: the tooltip stayed after a tap elsewhere")
    assert silent == []
    assert messages == []


def test_a_tap_a_finger_wide_beside_a_roofline_rule_answers_with_its_tooltip(opened):
    page, _ = opened("imagenet", PHONE)
    cdp = page.context.new_cdp_session(page)
    centre_on(page, "imagenet-roofline", PHONE_HEIGHT)
    rule = page.locator("#fig-imagenet-roofline .chart-view svg g.mark-rule line").first.bounding_box()
    x, y = rule["x"] + rule["width"] / 2 + 9, rule["y"] + rule["height"] / 2  # 9 px beside a 1 px rule
    touch(cdp, "touchStart", x, y)
    touch(cdp, "touchEnd", x, y)
    page.wait_for_timeout(150)
    assert page.evaluate("document.querySelector('#vg-tooltip-element.visible') !== null")


def test_zoom_is_clamped_to_the_unzoomed_view_and_reset_restores_it(opened):
    page, messages = opened("imagenet", DESKTOP)
    domain = "() => window.siteCharts.views['imagenet-roofline'].scale('x').domain()"
    home = page.evaluate(domain)
    box = centre_on(page, "imagenet-roofline", DESKTOP_HEIGHT)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    for _ in range(20):  # far out: the issue saw 1e-68..1e78
        page.mouse.wheel(0, 400)
    page.keyboard.up("Control")
    page.wait_for_timeout(200)
    out = page.evaluate(domain)
    assert out[0] >= home[0] * 0.999 and out[1] <= home[1] * 1.001
    page.keyboard.down("Control")
    for _ in range(60):  # far in: never to nothing
        page.mouse.wheel(0, -400)
    page.keyboard.up("Control")
    page.wait_for_timeout(200)
    zoomed = page.evaluate(domain)
    assert zoomed[1] > zoomed[0] and zoomed[1] / zoomed[0] < home[1] / home[0]
    page.locator("#fig-imagenet-roofline button.reset-zoom").click()
    page.wait_for_timeout(200)
    assert page.evaluate(domain) == home
    assert messages == []


# A label Vega shortened with an ellipsis, per chart.
CUT = """() => [...document.querySelectorAll('.chart-view')].flatMap(v =>
  [...v.querySelectorAll('svg text')].filter(t => t.textContent.includes('…')).map(t => `${v.dataset.name}: ${t.textContent}`))"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_no_chart_label_is_cut_with_an_ellipsis(opened, width):
    cut = []
    for name in CHART_PAGES:
        page, _ = opened(name, width)
        cut += page.evaluate(CUT)
    assert cut == [], f"{len(cut)} labels cut at {width} px:\n" + "\n".join(cut)


def test_without_javascript_no_placeholder_or_empty_box_shows_and_the_fallback_does(browser, built_site):
    context = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT}, java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / "imagenet.html").as_uri())
    shown = page.eval_on_selector_all(".chart-view, .chart-help, .chart-loading",
                                      "els => els.filter(e => e.getClientRects().length > 0).length")
    assert shown == 0
    fallbacks = page.eval_on_selector_all("figure.chart", "els => els.map(f => f.innerText)")
    assert fallbacks and all("This chart needs JavaScript" in text for text in fallbacks)  # built without --figures
    assert "drawn when it scrolls into view" not in page.inner_text("main")
    context.close()


def test_printing_draws_every_chart_before_the_page_is_laid_out_for_print(browser, built_site):
    page, messages = open_offline(browser, (built_site / "imagenet.html").as_uri())
    page.wait_for_selector(".chart-view[data-state='rendered']", timeout=30_000)
    page.evaluate("""() => window.addEventListener('afterprint', () => { window.printed =
        [...document.querySelectorAll('.chart-view')].filter(v => v.dataset.state === 'rendered' && v.querySelector('svg')).length; })""")
    total = page.evaluate("document.querySelectorAll('.chart-view').length")
    assert page.evaluate("document.querySelectorAll('.chart-view[data-state=\\'rendered\\']').length") < total
    page.pdf()  # Chromium fires beforeprint, lays out and prints, then afterprint
    assert page.evaluate("window.printed") == total
    assert messages == []
    page.context.close()


# The Pareto front's labels as drawn: [text, x1, y1, x2, y2] of each shown label (view pixels),
# and the bounds of every point of the chart.
FRONT_LABELS = """(name) => {
  const view = window.siteCharts.views[name];
  const found = {};
  (function visit(scene) {
    if (scene.marktype && scene.name) found[scene.name] = scene;
    (scene.items || []).forEach(item => (item.items || []).forEach(visit));
  })(view.scenegraph().root);
  const box = b => [b.x1, b.y1, b.x2, b.y2];
  const labels = found["front_labels_marks"];
  return {
    size: [view.width(), view.height()],
    labels: labels ? labels.items.filter(i => i.opacity !== 0 && i.text).map(i => [i.text, ...box(i.bounds)]) : null,
    points: (found["front_points_marks"] || {items: []}).items.map(i => box(i.bounds)),
    front: (found["front_points_marks"] || {items: []}).items.filter(i => i.datum.on_front).map(i => i.datum.config),
  };
}"""


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_pareto_front_labels_name_front_points_and_overlap_nothing(opened, width):
    """Every label the Pareto chart shows names a point of the front shown, lies inside the
    plot, and overlaps no other label and no point; on a desktop every page labels its front
    (all of it, or at least 5 points)."""
    for name in CHART_PAGES[1:]:
        page, _ = opened(name, width)
        drawn = page.evaluate(FRONT_LABELS, f"{name}-pareto")
        labels, front = drawn["labels"], drawn["front"]
        assert labels is not None and front, name
        if width == DESKTOP:
            assert len(labels) >= min(len(front), 5), (name, len(labels), front)
        for i, (text, *box) in enumerate(labels):
            assert text in front, (name, text)
            inside = box[0] >= -1 and box[1] >= -1 and box[2] <= drawn["size"][0] + 1 and box[3] <= drawn["size"][1] + 1
            assert inside, (name, text, box)  # a text box includes room above its letters: 1 px is not a cut
            assert not any(overlap(box, other[1:]) for other in labels[i + 1:]), (name, text)
            assert not any(overlap(box, point) for point in drawn["points"]), (name, text)
