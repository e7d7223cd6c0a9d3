"""Headless Chromium for the browser tests: where it is, how a page is opened offline, and
how its charts are drawn at once (the fixtures ``browser`` and ``built_site`` are in conftest)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = Path(os.environ.get("AXE_CORE_JS", REPO / ".tools" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
PHONE, DESKTOP = 390, 1280


def required(what: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required (REQUIRE_BROWSER=1); run scripts/test.sh to install it")
    pytest.skip(f"{what} is not installed")


def open_offline(browser, url: str, width: int = DESKTOP, height: int = 900, dialogs: list[str] | None = None,
                 touch: bool = False):
    """A page whose every request outside file:// and localhost is refused; console warnings,
    errors and page errors are collected (and, if ``dialogs`` is given, every alert/confirm/
    prompt message, from the first moment). ``touch``: a phone (touch screen, mobile viewport)."""
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("file://", "http://127.0.0.1")) else route.abort())
    page = context.new_page()
    if dialogs is not None:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(f"{msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: messages.append(f"pageerror: {exc}"))
    page.goto(url)
    return page, messages


def wait_for_charts(page) -> None:
    """Draw every chart now (they are drawn lazily, as they scroll into view) and wait."""
    page.wait_for_load_state("load")  # the scripts are deferred
    if page.evaluate("!!window.siteCharts"):
        page.evaluate("window.siteCharts.renderAll()")
        page.wait_for_selector("html[data-charts='done']", timeout=90_000)
