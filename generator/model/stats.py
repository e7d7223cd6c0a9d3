"""Tukey boxplot statistics, computed here so the chart shows exactly the documented rule."""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.model import sorted_rows

WHISKER_RULE = (
    "Boxes span the first to the third quartile (linear interpolation between data points) "
    "with a line at the median. Whiskers reach the most extreme data points that lie within "
    "1.5 x the interquartile range (IQR = q3 - q1) below q1 and above q3 (Tukey); points "
    "beyond the whiskers are drawn individually as outliers."
)
_BOX_STATS = ("n", "q1", "median", "q3", "whisker_low", "whisker_high", "minimum", "maximum", "outliers")


def box_stats(
    frame: pd.DataFrame, value: str, by: str | list[str] | tuple[str, ...], max_outliers: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(boxes, outliers) of ``value`` per group of ``by``; NaN values are ignored.

    ``outliers`` in the boxes counts every outlier; the outliers frame holds at most
    ``max_outliers`` of each side per group (all when None): the most extreme ones.
    Computed for all groups at once on the values sorted by group: quantiles by linear
    interpolation between neighbouring values (as numpy's and pandas' default).
    """
    by = [by] if isinstance(by, str) else list(by)
    data = frame.loc[frame[value].notna(), [*by, value]]
    keys = data[by].copy()
    for column in by:  # categorical keys group like their text
        if isinstance(keys[column].dtype, pd.CategoricalDtype):
            keys[column] = keys[column].astype(str)
    if data.empty:
        empty = pd.DataFrame(columns=[*by, *_BOX_STATS]).astype({"n": "int64", "outliers": "int64"})
        return empty, pd.DataFrame(columns=[*by, "value"]).astype({"value": float})
    group = keys.groupby(by, sort=True, dropna=False).ngroup().to_numpy()
    values = data[value].to_numpy(dtype=float)
    order = np.lexsort((values, group))  # by group, then by value
    group, values = group[order], values[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    n = np.diff(np.r_[starts, len(values)])

    def quantile(q: float) -> np.ndarray:
        position = q * (n - 1)
        below = np.floor(position).astype(np.int64)
        above = np.minimum(below + 1, n - 1)
        low, high = values[starts + below], values[starts + above]
        return low + (high - low) * (position - below)

    q1, median, q3 = quantile(0.25), quantile(0.5), quantile(0.75)
    reach = 1.5 * (q3 - q1)
    low_fence, high_fence = np.repeat(q1 - reach, n), np.repeat(q3 + reach, n)
    inside = (values >= low_fence) & (values <= high_fence)  # never empty: the median is inside
    whisker_low = np.minimum.reduceat(np.where(inside, values, np.inf), starts)
    whisker_high = np.maximum.reduceat(np.where(inside, values, -np.inf), starts)
    below_whisker = values < np.repeat(whisker_low, n)
    above_whisker = values > np.repeat(whisker_high, n)
    outside = below_whisker | above_whisker
    boxes = keys.iloc[order[starts]].reset_index(drop=True)
    for column, stat in zip(_BOX_STATS, (n, q1, median, q3, whisker_low, whisker_high, values[starts],
                                         values[starts + n - 1], np.add.reduceat(outside.astype(np.int64), starts))):
        boxes[column] = stat
    boxes = boxes.astype({"n": "int64", "outliers": "int64", **{c: float for c in _BOX_STATS[1:] if c != "outliers"}})
    if max_outliers is not None:  # the most extreme: the first of each group's low ones, the last of its high ones
        rank = np.arange(len(values)) - np.repeat(starts, n)
        from_top = np.repeat(n, n) - 1 - rank
        outside = (below_whisker & (rank < max_outliers)) | (above_whisker & (from_top < max_outliers))
    outliers = keys.iloc[order[outside]].reset_index(drop=True)
    outliers["value"] = values[outside]
    return sorted_rows(boxes, by), sorted_rows(outliers, [*by, "value"])
