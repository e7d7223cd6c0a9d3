"""Scaled copies of the shipped data set, for the benchmarks.

``scaled_project(factor, dest)`` copies the project (data/, site_src/, templates/, site.yml)
and repeats every measured run ``factor`` times: copy k > 0 gets new ``repeat`` numbers and
its timings and powers jittered (log-normal, 5% and 3%), so the runs stay valid and
consistent (latency x throughput / batch still near 1) but are not identical copies.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
TIMING = ("lat_comp_ms", "lat_sys_ms")
THROUGHPUT = ("fps_comp", "fps_sys")
POWER = ("power_base_w", "power_idle_w", "power_full_w")


def scaled_project(factor: int, dest: Path, seed: int = 7) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    for name in ("templates", "site_src", "data"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copyfile(ROOT / "site.yml", dest / "site.yml")
    rng = np.random.default_rng(seed)
    for path in sorted((dest / "data" / "measurements").glob("*.csv")):
        runs = pd.read_csv(path, dtype={"mode": str}, keep_default_na=False, na_values=[""])
        runs["mode"] = runs["mode"].fillna("")
        copies = [runs]
        for k in range(1, factor):
            copy = runs.copy()
            copy["repeat"] = copy["repeat"].fillna(1).astype(int) + 1000 * k
            speed = np.exp(rng.normal(0, 0.05, len(copy)))
            for column in TIMING:
                copy[column] = copy[column] / speed
            for column in THROUGHPUT:
                copy[column] = copy[column] * speed
            for column in POWER:
                copy[column] = copy[column] * np.exp(rng.normal(0, 0.03, len(copy)))
            copies.append(copy)
        pd.concat(copies, ignore_index=True).to_csv(path, index=False, float_format="%.6g")
    return dest
