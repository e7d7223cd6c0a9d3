"""Tukey boxplot statistics, computed here so the chart shows exactly the documented rule."""

from __future__ import annotations

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
    Computed for all groups at once (quantiles by linear interpolation, as numpy's).
    """
    by = [by] if isinstance(by, str) else list(by)
    data = frame.loc[frame[value].notna(), [*by, value]].copy()
    data[value] = data[value].astype(float)
    for column in by:  # categorical keys group like their text
        if isinstance(data[column].dtype, pd.CategoricalDtype):
            data[column] = data[column].astype(str)
    if data.empty:
        empty = pd.DataFrame(columns=[*by, *_BOX_STATS]).astype({"n": "int64", "outliers": "int64"})
        return empty, pd.DataFrame(columns=[*by, "value"]).astype({"value": float})
    groups = data.groupby(by, sort=True, dropna=False)[value]
    boxes = groups.agg(n="size", minimum="min", maximum="max")
    quartiles = groups.quantile([0.25, 0.5, 0.75]).unstack()
    boxes["q1"], boxes["median"], boxes["q3"] = quartiles[0.25], quartiles[0.5], quartiles[0.75]
    reach = 1.5 * (boxes["q3"] - boxes["q1"])
    joined = data.join((boxes["q1"] - reach).rename("_low"), on=by).join((boxes["q3"] + reach).rename("_high"), on=by)
    inside = joined[(joined[value] >= joined["_low"]) & (joined[value] <= joined["_high"])]
    whiskers = inside.groupby(by, sort=True, dropna=False)[value].agg(whisker_low="min", whisker_high="max")
    boxes = boxes.join(whiskers)
    joined = joined.join(whiskers, on=by)
    outside = joined[(joined[value] < joined["whisker_low"]) | (joined[value] > joined["whisker_high"])]
    boxes["outliers"] = outside.groupby(by, sort=True, dropna=False).size().reindex(boxes.index, fill_value=0)
    boxes = boxes.reset_index()[[*by, *_BOX_STATS]]
    boxes = boxes.astype({"n": "int64", "outliers": "int64", **{c: float for c in _BOX_STATS[1:] if c != "outliers"}})
    outliers = outside[[*by, value, "whisker_low"]].copy()
    if max_outliers is not None:
        low = outliers[outliers[value] < outliers["whisker_low"]].sort_values([*by, value], kind="mergesort")
        high = outliers[outliers[value] >= outliers["whisker_low"]].sort_values([*by, value], kind="mergesort")
        outliers = pd.concat([low.groupby(by, sort=False, dropna=False).head(max_outliers),
                              high.groupby(by, sort=False, dropna=False).tail(max_outliers)])
    outliers = outliers[[*by, value]].rename(columns={value: "value"}).astype({"value": float})
    return sorted_rows(boxes, by), sorted_rows(outliers, [*by, "value"])
