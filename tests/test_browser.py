"""End-to-end: the built site in headless Chromium, offline, from file:// and from a sub-path.

Chromium comes from Debian's packages (/usr/bin/chromium); Playwright drives it. Without
Chromium these tests are skipped, unless REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from generator.build import Project, build
from tests.helpers import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (REQUIRE_BROWSER=1) but /usr/bin/chromium is missing")
        pytest.skip("Chromium is not installed")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # Served below a sub-path (like a GitHub Pages project site): <root>/project/sub/
    root = tmp_path_factory.mktemp("served")
    out = root / "project" / "sub"
    build(Project(REPO), out, log=lambda _msg: None)
    return out


def open_offline(browser, url: str, width: int = 1280, height: int = 900, dialogs: list[str] | None = None):
    """A page whose every request outside file:// and localhost is refused, with errors collected
    (and, if ``dialogs`` is given, every alert/confirm/prompt message, from the first moment)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("file://", "http://127.0.0.1")) else route.abort())
    page = context.new_page()
    if dialogs is not None:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    return page, errors


def wait_for_charts(page) -> None:
    page.wait_for_selector("html[data-charts='done']", timeout=60_000)


@pytest.mark.parametrize("name", ["index", "theory", "imagenet", "cifar10", "mnist"])
def test_every_chart_renders_offline_from_file_urls(browser, site, name):
    page, errors = open_offline(browser, (site / f"{name}.html").as_uri())
    views = page.locator(".chart-view")
    if views.count():
        wait_for_charts(page)
        states = page.eval_on_selector_all(".chart-view", "els => els.map(e => e.getAttribute('data-state'))")
        assert states == ["rendered"] * len(states)
        svgs = page.eval_on_selector_all(".chart-view", "els => els.map(e => !!e.querySelector('svg'))")
        assert all(svgs)
    assert errors == []
    page.context.close()


def test_the_site_works_from_a_sub_path_over_http(browser, site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.parent.parent))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}/project/sub/"
        page, errors = open_offline(browser, base + "index.html")
        page.click("nav[aria-label='Pages'] >> text=ImageNet")
        page.wait_for_url(base + "imagenet.html")
        wait_for_charts(page)
        csv_link = page.locator("a[download]").first.get_attribute("href")
        response = page.request.get(base + csv_link)
        assert response.ok and response.text().count("\n") > 1
        assert errors == []
        page.context.close()
    finally:
        server.shutdown()


def test_pages_fit_a_phone_screen_without_sideways_scrolling(browser, site):
    for name in ("index", "imagenet"):
        page, errors = open_offline(browser, (site / f"{name}.html").as_uri(), width=390, height=844)
        if name != "index":
            wait_for_charts(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name}: page is {overflow}px wider than the phone screen"
        page.context.close()


def test_a_tooltip_appears_on_hover(browser, site):
    page, _ = open_offline(browser, (site / "imagenet.html").as_uri())
    wait_for_charts(page)
    mark = page.locator("#fig-imagenet-pareto .chart-view svg g.mark-symbol path").first
    mark.hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
    assert page.locator("#vg-tooltip-element").inner_text().strip() != ""
    page.context.close()


def test_clicking_a_point_highlights_its_configuration_without_a_legend(browser, site):
    page, errors = open_offline(browser, (site / "mnist.html").as_uri())
    wait_for_charts(page)
    chart = "#fig-mnist-latency-throughput .chart-view svg"
    assert page.locator(f"{chart} g.role-legend").count() == 0  # too many configurations for a legend

    def opacities():
        return page.eval_on_selector_all(f"{chart} g.mark-symbol path",
                                         "els => els.map(e => e.getAttribute('opacity') || e.style.opacity)")

    before = set(opacities())
    page.locator(f"{chart} g.mark-symbol path").first.click(force=True)
    page.wait_for_timeout(300)
    after = opacities()
    assert len(before) == 1 and len(set(after)) == 2  # one configuration bright, the rest dimmed
    assert errors == []
    page.context.close()


HOSTILE = {  # the payloads an outside contributor tried (each alert names where it came from)
    "description": "Runs <img src=x onerror=alert(1)> here; [paper](javascript:alert(2)) "
                   "<script>alert(3)</script> [ok](https://example.org)\n\n<img src=z onerror=alert(4)>",
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


def test_contributor_text_never_runs_as_script(browser, hostile_site):
    for html in sorted(hostile_site.glob("*.html")):
        dialogs: list[str] = []
        page, errors = open_offline(browser, html.as_uri(), dialogs=dialogs)
        if page.locator(".chart-view").count():
            wait_for_charts(page)
            for mark in page.locator(".chart-view svg g.mark-symbol path, .chart-view svg g.mark-rect path").all()[:30]:
                mark.hover(force=True)  # tooltips show the names too
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
