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


def _box(values: np.ndarray, max_outliers: int | None) -> tuple[dict[str, float], np.ndarray]:
    """Statistics of one group (NaN-free, non-empty) and its outlying values (at most
    ``max_outliers`` on each side, the most extreme ones)."""
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    reach = 1.5 * (q3 - q1)
    inside = values[(values >= q1 - reach) & (values <= q3 + reach)]
    low, high = inside.min(), inside.max()
    below, above = np.sort(values[values < low]), np.sort(values[values > high])
    stats = dict(n=len(values), q1=q1, median=median, q3=q3, whisker_low=low,
                 whisker_high=high, minimum=values.min(), maximum=values.max(), outliers=len(below) + len(above))
    if max_outliers is not None:
        below, above = below[:max_outliers], above[len(above) - max_outliers:] if max_outliers else above[:0]
    return stats, np.concatenate([below, above])


def box_stats(
    frame: pd.DataFrame, value: str, by: str | list[str] | tuple[str, ...], max_outliers: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(boxes, outliers) of ``value`` per group of ``by``; NaN values are ignored.

    ``outliers`` in the boxes counts every outlier; the outliers frame holds at most
    ``max_outliers`` of each side per group (all when None): the most extreme ones.
    """
    by = [by] if isinstance(by, str) else list(by)
    data = frame.loc[frame[value].notna(), [*by, value]]
    boxes, outliers = [], []
    for group, part in data.groupby(by, sort=True, dropna=False):
        stats, extreme = _box(part[value].to_numpy(dtype=float), max_outliers)
        ids = dict(zip(by, group))
        boxes.append({**ids, **stats})
        outliers.extend({**ids, "value": v} for v in extreme)
    boxes_frame = pd.DataFrame(boxes, columns=[*by, *_BOX_STATS])
    boxes_frame = boxes_frame.astype({"n": "int64", "outliers": "int64",
                                      **{c: float for c in _BOX_STATS[1:] if c != "outliers"}})
    outliers_frame = pd.DataFrame(outliers, columns=[*by, "value"]).astype({"value": float})
    return sorted_rows(boxes_frame, by), sorted_rows(outliers_frame, [*by, "value"])
