"""How good is each roofline model? Prints the README's model-error table from data/.

    python benchmarks/model_error.py [--project DIR]

For every model and validation scheme: the median of |ln(measured / predicted)| over the
measured configurations (best fps_comp each) per task and over all tasks with its typical
factor e^median, the 95% interval of the overall median (platforms resampled as clusters),
the 90th percentile and the share of configurations measured above the prediction. Only the
calibrated prediction reads measurements, so it gets one row per scheme; the other models
predict the same under every scheme. The same numbers are published in
build/data/model_error.csv and on the Theory page; a test checks that the README shows this
output.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from generator.analysis import analyse  # noqa: E402
from generator.build import Project, gather  # noqa: E402
from generator.model.calibration import CALIBRATED, CONFIGURATION_OUT, NETWORK_OUT, PLATFORM_OUT  # noqa: E402

SCHEMES = (NETWORK_OUT, CONFIGURATION_OUT, PLATFORM_OUT)  # the scheme a new network gets first


def table(err: pd.DataFrame, tasks: list[str], models: list[str]) -> list[str]:
    """The Markdown table's lines."""
    overall = err[err["platform"] == ""]
    lines = ["| model | held out | " + " | ".join(tasks) + " | 95% interval (all) | 90th percentile (all) "
             "| measured above (all) |",
             "| --- | --- | " + " | ".join("---:" for _ in tasks) + " | ---: | ---: | ---: |"]
    for model in models:
        for scheme in SCHEMES if model == CALIBRATED else (NETWORK_OUT,):
            mine = overall[(overall["model"] == model) & (overall["scheme"] == scheme)].set_index("task")
            cells = [f"{mine.at[t, 'median_abs_log_error']:.3f} (x{math.exp(mine.at[t, 'median_abs_log_error']):.2f})"
                     for t in tasks]
            held = scheme if model == CALIBRATED else "any (reads no measurement)"
            lines.append(f"| `{model}` | {held} | " + " | ".join(cells)
                         + f" | {mine.at['all', 'ci_low']:.3f}-{mine.at['all', 'ci_high']:.3f}"
                         f" | {mine.at['all', 'p90_abs_log_error']:.3f} | {mine.at['all', 'above_bound_pct']:.1f}% |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    inputs = gather(Project(args.project), lambda _msg: None)
    results = analyse(inputs.dataset, inputs.config)
    err = results.model_error
    tasks = [t.id for t in inputs.dataset.tasks if t.id in set(err["task"])] + ["all"]
    models = [m for m in inputs.config.assumptions if m in set(err["model"])]
    print("\n".join(table(err, tasks, models)))
    configs = int(err.loc[err["task"] == "all", "configurations"].max())
    print(f"\nMedian |ln(measured / predicted)| (typical factor) over {configs} measured configurations.")


if __name__ == "__main__":
    main()
