"""How good is each roofline model? Prints the README's model-error table from data/.

    python benchmarks/model_error.py [--project DIR]

For every model (assumption) and task: median and 90th percentile of
|ln(measured / predicted)| over the measured configurations (best fps_comp each), the
typical factor e^median, and the share of configurations measured above the prediction.
The same numbers are published in build/data/model_error.csv and on the Theory page.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.analysis import analyse  # noqa: E402
from generator.build import Project, gather  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    inputs = gather(Project(args.project), lambda _msg: None)
    results = analyse(inputs.dataset, inputs.config)
    err = results.model_error
    tasks = [t.id for t in inputs.dataset.tasks if t.id in set(err["task"])] + ["all"]
    print("| model | " + " | ".join(tasks) + " | measured above (all) |")
    print("| --- | " + " | ".join("---:" for _ in tasks) + " | ---: |")
    for model in inputs.config.assumptions:
        mine = err[err["model"] == model].set_index("task")
        cells = [f"{mine.at[t, 'median_abs_log_error']:.3f} (x{math.exp(mine.at[t, 'median_abs_log_error']):.2f})"
                 for t in tasks]
        print(f"| `{model}` | " + " | ".join(cells) + f" | {mine.at['all', 'above_bound_pct']:.1f}% |")
    configs = int(err.loc[err["task"] == "all", "configurations"].max())
    print(f"\nMedian |ln(measured / predicted)| (typical factor) over {configs} measured configurations.")


if __name__ == "__main__":
    main()
