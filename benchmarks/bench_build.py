"""Build-time benchmark: how long each stage takes on the shipped data and on scaled copies.

Run: python benchmarks/bench_build.py [--scale 1 5 20] [--repeat 3]
Scaled copies repeat every measurement file's rows with new `repeat` numbers, so the data
stays valid while the measurement count grows. Prints one line per stage and scale with the
best of --repeat runs (seconds); nothing is asserted, this is for reading.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis import analyse  # noqa: E402
from generator.build import Project, build  # noqa: E402
from generator.inputs.config import load_config  # noqa: E402
from generator.inputs.dataset import load_dataset  # noqa: E402
from generator.model.roofline import ASSUMPTIONS  # noqa: E402
from generator.site.pages import build_pages  # noqa: E402
from generator.output.render import Renderer  # noqa: E402


def scaled_project(scale: int, workdir: Path) -> Path:
    root = workdir / f"x{scale}"
    for name in ("templates", "site_src"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copyfile(ROOT / "site.yml", root / "site.yml")
    shutil.copytree(ROOT / "data", root / "data")
    for path in sorted((root / "data" / "measurements").glob("*.csv")):
        with path.open(newline="") as fh:
            rows = list(csv.DictReader(fh))
        fields = list(rows[0].keys()) if rows else []
        with path.open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            for copy in range(scale):
                for row in rows:
                    row = dict(row)
                    row["repeat"] = str(int(row.get("repeat") or 1) + copy * 10)
                    writer.writerow(row)
    return root


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    quiet = lambda _msg: None  # noqa: E731
    print(f"{'scale':>5} {'measurements':>12} {'stage':<10} {'best_s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scale:
            root = scaled_project(scale, Path(tmp))
            project = Project(root)
            dataset = load_dataset(project.data_dir)
            config = load_config(project.config_file, ASSUMPTIONS)
            results = analyse(dataset, config)
            renderer = Renderer(project.templates_dir, project.site_src_dir)
            stages = {
                "load": lambda: load_dataset(project.data_dir),
                "analyse": lambda: analyse(dataset, config),
                "pages": lambda: build_pages(results, config, renderer),
                "build": lambda: build(project, Path(tmp) / f"out{scale}", log=quiet),
            }
            for stage, fn in stages.items():
                print(f"{scale:>5} {len(dataset.measurements):>12} {stage:<10} {best(fn, args.repeat):>8.3f}")


if __name__ == "__main__":
    main()
