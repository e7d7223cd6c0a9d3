"""Pareto front of throughput versus accuracy: the configurations nothing beats on both."""

from __future__ import annotations

import numpy as np
import pandas as pd


def pareto_front(frame: pd.DataFrame, x: str = "fps", y: str = "top1_pct") -> pd.Series:
    """True for rows that no other row matches or beats in both ``x`` and ``y`` (maximised).

    A row is dominated when another row is >= in both and > in at least one, so exact
    duplicates never dominate each other: duplicates of a front point are all on the
    front, duplicates of a dominated point all off. Rows with NaN in ``x`` or ``y`` are
    not comparable and never on the front (nor do they dominate anything).
    """
    xs = frame[x].to_numpy(dtype=float)
    ys = frame[y].to_numpy(dtype=float)
    valid = ~(np.isnan(xs) | np.isnan(ys))
    vx, vy = xs[valid], ys[valid]
    # dominates[j, i]: row j dominates row i
    no_worse = (vx[:, None] >= vx[None, :]) & (vy[:, None] >= vy[None, :])
    better = (vx[:, None] > vx[None, :]) | (vy[:, None] > vy[None, :])
    on_front = np.zeros(len(frame), dtype=bool)
    on_front[valid] = ~(no_worse & better).any(axis=0)
    return pd.Series(on_front, index=frame.index, dtype=bool, name="on_front")
