"""The model: pure computations from tidy frames to tidy frames, with no I/O and no plotting.

``roofline`` predicts attainable throughput from peak compute, memory bandwidth and
arithmetic intensity; ``bounds`` adds the platform-aware bound (on-chip memory, measured
batches) and the calibrated prediction; ``fidelity`` measures how far each model is from
the measurements; ``layers`` computes operations and weights of a network from its layers;
``experiments`` reduces measured runs to one row per configuration
and pairs them with predictions; ``pareto`` finds the throughput/accuracy front; ``power``
derives energy per input and cleans power traces; ``stats`` summarises distributions as
Tukey boxplots; ``overview`` tabulates what was measured where. Every function sorts its
output explicitly, so the same data always gives the same rows; import the submodules
directly (``from generator.model import roofline``).
"""

from __future__ import annotations

import pandas as pd

from generator.records import CONFIG_KEY

__all__ = ["CONFIG_KEY", "sorted_rows"]


def sorted_rows(frame: pd.DataFrame, by: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """Rows sorted by ``by`` (stable) with a fresh index: output never depends on input order."""
    return frame.sort_values(list(by), kind="stable").reset_index(drop=True)
