"""Main-thread blocking on a phone, measured in Chromium rather than simulated: built sites
side by side, loads interleaved so that a busy machine slows every site alike.

    python benchmarks/blocking_time.py SITE [SITE...] [--pages imagenet theory] [--loads 3]

Each page of each SITE (a built site folder) is served with gzip (as scripts/check-pages.py
serves it), opened in headless Chromium ($CHROME_PATH, default /usr/bin/chromium) at 412x823
as a touch phone with the CPU slowed down 4x (Lighthouse's mobile preset), and watched for 6 s
after its load event. Printed per page and site: the blocking time after the first contentful
paint (the sum of each long task's time past 50 ms, as Lighthouse's total blocking time counts
it), the longest task and the first contentful paint, one number per load.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WATCH = """window.longTasks = []; new PerformanceObserver(list => list.getEntries().forEach(
  e => window.longTasks.push([e.startTime, e.duration]))).observe({type: 'longtask', buffered: true});"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--pages", nargs="+", default=["imagenet", "theory"])
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("check_pages", ROOT / "scripts" / "check-pages.py")
    assert spec and spec.loader
    check_pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_pages)
    from playwright.sync_api import sync_playwright

    servers = [check_pages.serve(site) for site in args.sites]
    results: dict[tuple[str, int], list[tuple[float, float, float]]] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
                                         args=["--no-sandbox"])
            for _ in range(args.loads):
                for page_name in args.pages:
                    for index, (_, base) in enumerate(servers):
                        context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True,
                                                      has_touch=True)
                        context.add_init_script(WATCH)
                        page = context.new_page()
                        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                        page.goto(f"{base}{page_name}.html")
                        page.wait_for_load_state("load")
                        page.wait_for_timeout(6000)
                        seen = page.evaluate("({fcp: (performance.getEntriesByName('first-contentful-paint')[0]"
                                             " || {startTime: 0}).startTime, tasks: window.longTasks})")
                        fcp = seen["fcp"]
                        blocking = sum(max(0.0, min(duration, start + duration - fcp) - 50)
                                       for start, duration in seen["tasks"] if start + duration > fcp)
                        longest = max([duration for _, duration in seen["tasks"]] or [0.0])
                        results.setdefault((page_name, index), []).append((blocking, longest, fcp))
                        context.close()
            browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
    for (page_name, index), runs in sorted(results.items()):
        print(f"{page_name} {args.sites[index]}: blocking after FCP {[round(r[0]) for r in runs]} ms "
              f"(median {statistics.median(r[0] for r in runs):.0f}), longest task {[round(r[1]) for r in runs]} ms, "
              f"FCP {[round(r[2]) for r in runs]} ms")


if __name__ == "__main__":
    main()
