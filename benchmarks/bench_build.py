"""Build benchmark: cold builds, rebuilds and page weight on the shipped data and scaled copies.

    python benchmarks/bench_build.py [--scale 1 100 1000] [--runs 3] [--browser]

For each scale (x1 = the shipped data; x100 and x1000 repeat every run with jittered
timings and powers, see ``scaled_data.py``), in a throw-away copy of the project:

* the import floor: ``python -c "import altair, pandas, numpy, jinja2, yaml, markdown"``;
* a cold build (no memo, no output), a rebuild with nothing changed, and a rebuild after
  one measured latency changed; wall seconds (median of ``--runs``) and the peak memory of
  the build process, each time also as a multiple of the import floor;
* the ImageNet page's weight (HTML with its inline data: everything it loads but the
  shared JavaScript and CSS);
* a rebuild after one latency changed inside a process that has built before, with the
  builder ``serve`` uses (``serve.builder_of``: the imports paid once, the memo kept in
  memory);
* where the time of a cold build and of a rebuild after one change goes: the stages of the
  one linear build (gather and check, analyse, assemble the pages, the rest: the download
  tables and writing), timed in one process.
* with ``--browser``: the longest main-thread task while the ImageNet page loads (Chromium).

Prints a Markdown table; nothing is asserted (performance is read, not tested).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaled_data import scaled_project  # noqa: E402

FLOOR = [sys.executable, "-c", "import altair, pandas, numpy, jinja2, yaml, markdown"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak memory in MB) of one process, from the kernel's accounting."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)} in {cwd}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def median_of(runs: int, prepare, command: list[str], cwd: Path) -> tuple[float, float]:
    walls, peaks = [], []
    for _ in range(runs):
        prepare()
        wall, peak = measure(command, cwd)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


def change_one_latency(project: Path) -> None:
    """Alternate one measured latency between two values (a run that is not a best run)."""
    path = sorted((project / "data" / "measurements").glob("*.csv"))[-1]
    lines = path.read_text().split("\n")
    header = lines[0].split(",")
    column = header.index("lat_comp_ms")
    cells = lines[2].split(",")
    cells[column] = "9.87654" if cells[column] != "9.87654" else "9.87655"
    lines[2] = ",".join(cells)
    path.write_text("\n".join(lines))


STAGES = (
    "import time, json, sys\n"
    "t0 = time.perf_counter()\n"
    "from pathlib import Path\n"
    "import generator.build as b\n"
    "t = {'imports': time.perf_counter() - t0}\n"
    "def timed(name, f):\n"
    "    def g(*a, **k):\n"
    "        s = time.perf_counter(); r = f(*a, **k); t[name] = t.get(name, 0) + time.perf_counter() - s; return r\n"
    "    return g\n"
    "b.gather = timed('gather and check', b.gather)\n"
    "b.analyse = timed('analyse', b.analyse)\n"
    "b.assemble = timed('assemble the pages', b.assemble)\n"
    "b.compiled = timed('compile to Vega', b.compiled)\n"
    "s = time.perf_counter(); b.build(b.Project(Path('.')), Path('out'), log=lambda m: None)\n"
    "total = time.perf_counter() - s\n"
    "t['assemble the pages'] -= t.get('compile to Vega', 0)  # compiling happens inside assembling\n"
    "t['tables, writing and the rest'] = total - sum(v for k, v in t.items() if k != 'imports')\n"
    "print(json.dumps(t))\n"
)

SERVE = (
    "import json, statistics, sys, time\n"
    "from pathlib import Path\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from bench_build import change_one_latency\n"
    "from generator.serve import builder_of\n"
    "build = builder_of(Path('.'))\n"
    "build(Path('.'), Path('out'))\n"
    "times = []\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    change_one_latency(Path('.'))\n"
    "    s = time.perf_counter(); build(Path('.'), Path('out'))\n"
    "    times.append(time.perf_counter() - s)\n"
    "print(json.dumps(statistics.median(times)))\n"
)


def stages(project: Path, cold: bool) -> dict[str, float]:
    """Seconds per stage of one build in this process: cold (no memo, no output) or after one
    measured latency changed."""
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "out", ignore_errors=True)
    else:
        change_one_latency(project)
    out = subprocess.run([sys.executable, "-c", STAGES], cwd=project, env=ENV, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def in_process_rebuild(project: Path, runs: int) -> float:
    """Median seconds of a rebuild after one latency changed, in a process that has built
    before, with ``serve``'s builder: the imports are paid once, the memo stays in memory."""
    out = subprocess.run([sys.executable, "-c", SERVE, str(Path(__file__).resolve().parent), str(runs)],
                         cwd=project, env=ENV, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def longest_task_ms(page: Path) -> float | None:
    """The longest main-thread task (PerformanceObserver 'longtask') in the 3 s after load."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=args)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script("window.__tasks = []; new PerformanceObserver(l => l.getEntries().forEach("
                                "e => window.__tasks.push(e.duration))).observe({type: 'longtask', buffered: true});")
        tab = context.new_page()
        tab.goto(page.as_uri())
        tab.wait_for_timeout(3000)
        tasks = tab.evaluate("window.__tasks")
        browser.close()
    return max(tasks) if tasks else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also measure the longest task at page load")
    args = parser.parse_args()
    build = [sys.executable, "-m", "generator", "build", "-q", "--out", "out"]
    rows, breakdowns = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scale:
            project = scaled_project(scale, Path(tmp) / f"x{scale}")
            floor, _ = median_of(args.runs, lambda: None, FLOOR, project)

            def clean() -> None:
                shutil.rmtree(project / ".cache", ignore_errors=True)
                shutil.rmtree(project / "out", ignore_errors=True)

            cold, cold_mb = median_of(args.runs, clean, build, project)
            same, _ = median_of(args.runs, lambda: None, build, project)
            one, _ = median_of(args.runs, lambda: change_one_latency(project), build, project)
            serve = in_process_rebuild(project, args.runs)
            runs = sum(sum(1 for _ in p.open()) - 1 for p in (project / "data" / "measurements").glob("*.csv"))
            weight = (project / "out" / "imagenet.html").stat().st_size / 1000
            task = longest_task_ms(project / "out" / "imagenet.html") if args.browser else None
            rows.append((scale, runs, floor, cold, cold_mb, same, one, serve, weight, task))
            breakdowns.append((scale, "cold build", stages(project, cold=True)))
            breakdowns.append((scale, "rebuild after one run changed", stages(project, cold=False)))
    print("| runs | import floor | cold build | peak memory | rebuild, nothing changed | rebuild, one run changed "
          "| same, in `serve` | ImageNet page |" + (" longest task at load |" if args.browser else ""))
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if args.browser else ""))
    for scale, runs, floor, cold, mb, same, one, serve, weight, task in rows:
        print(f"| {runs:,} (x{scale}) | {floor:.2f} s | {cold:.1f} s ({cold / floor:.1f}x) | {mb:,.0f} MB "
              f"| {same:.2f} s ({same / floor:.2f}x) | {one:.1f} s ({one / floor:.2f}x) "
              f"| {serve:.1f} s ({serve / floor:.2f}x) | {weight:.0f} KB |"
              + (f" {task:.0f} ms |" if task is not None else ""))
    print()
    for scale, what, times in breakdowns:
        print(f"x{scale} {what}: "
              + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in times.items()))


if __name__ == "__main__":
    main()
