"""A page's named datasets as compact JSON: column-major, text columns dictionary-coded.

``{"name": {"n": rows, "fields": ["x", "label"], "columns": [[1.5, null], {"dict": ["a", "b"], "codes": [0, 1]}]}}``
(lists, so the column order survives JSON written with sorted keys)
-- ``site.js`` decodes it once into the row objects Vega-Lite reads. Repeated labels cost
a small integer per row instead of their text, so a page carries each table once, small.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd


def _column(series: pd.Series) -> Any:
    values = series.tolist()
    text = [v for v in values if isinstance(v, str)]
    if text and all(v is None or isinstance(v, str) for v in values):
        order: dict[str, int] = {}
        codes = [-1 if v is None else order.setdefault(v, len(order)) for v in values]
        return {"dict": list(order), "codes": codes}
    out: list[Any] = []
    for v in values:
        if v is None or (isinstance(v, float) and not math.isfinite(v)):
            out.append(None)
        elif isinstance(v, (bool, np.bool_)):
            out.append(bool(v))
        elif isinstance(v, (int, np.integer)):
            out.append(int(v))
        elif isinstance(v, (float, np.floating)):
            number = float(v)
            out.append(int(number) if number.is_integer() and abs(number) < 1e15 else number)
        else:
            out.append(v)
    return out


def encode(frame: pd.DataFrame) -> dict[str, Any]:
    return {"n": len(frame), "fields": [str(c) for c in frame.columns], "columns": [_column(frame[c]) for c in frame.columns]}


def decode(encoded: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows back (what site.js does); used by the tests."""
    fields = {}
    for name, column in zip(encoded["fields"], encoded["columns"]):
        if isinstance(column, dict):
            fields[name] = [None if k < 0 else column["dict"][k] for k in column["codes"]]
        else:
            fields[name] = column
    return [{name: values[i] for name, values in fields.items()} for i in range(encoded["n"])]


def page_data(datasets: dict[str, pd.DataFrame]) -> dict[str, Any]:
    return {name: encode(frame) for name, frame in sorted(datasets.items())}
