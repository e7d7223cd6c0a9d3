"""Deterministic CSV output: sorted rows, stable columns, fixed number formatting.

Generated tables are reviewed as diffs in pull requests, so the same inputs must give the
same bytes, and a changed measurement must change only its own line. Floats are rounded to
a number of decimals chosen by the unit in the column name, trailing zeros trimmed
(``194.27``, ``5.238``); integers stay integers; booleans are ``true``/``false``; missing
values are empty cells.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

# Decimals by column-name suffix; the first match wins. Chosen so that every value in the
# shipped data keeps its meaningful digits (e.g. 0.002 ms, 0.0007 GOP, 0.9623 W).
_DECIMALS_BY_SUFFIX: tuple[tuple[str, int], ...] = (
    ("_per_w", 3),
    ("_ms", 3),
    ("_pct", 3),
    ("_mj", 4),
    ("_w", 4),
    ("_gop", 6),
    ("_m", 6),
    ("_tops", 6),
    ("_gbps", 3),
    ("_gb", 3),
    ("_ops_per_byte", 3),
    ("_s", 3),
    ("_v", 4),
    ("_a", 4),
)
FPS_DECIMALS = 3
DEFAULT_DECIMALS = 6


def decimals_for(column: str) -> int:
    """Number of decimals written for a float column, from the unit in its name."""
    for suffix, decimals in _DECIMALS_BY_SUFFIX:
        if column.endswith(suffix):
            return decimals
    if "fps" in column.split("_"):  # fps, fps_comp, predicted_fps: inputs/s
        return FPS_DECIMALS
    return DEFAULT_DECIMALS


def format_number(value: float, decimals: int) -> str:
    """Fixed-point with trailing zeros trimmed; never scientific notation; -0 -> 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _format_cell(value, decimals: int) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return format_number(float(value), decimals)
    return str(value)


def sort_rows(frame: pd.DataFrame, key: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows sorted by ``key`` (default: all columns), stable, NaN last."""
    columns = list(key) if key else list(frame.columns)
    return frame.sort_values(columns, kind="mergesort", na_position="last").reset_index(drop=True)


def to_csv_text(frame: pd.DataFrame, key: Sequence[str] | None = None, sort: bool = True) -> str:
    """The frame as CSV text, rows sorted by ``key`` (unless ``sort`` is false: the caller's
    order is already meaningful and deterministic), numbers at fixed precision."""
    if sort:
        frame = sort_rows(frame, key)
    out = io.StringIO()
    out.write(",".join(_quote(str(c)) for c in frame.columns) + "\n")
    decimals = [decimals_for(str(c)) for c in frame.columns]
    for row in frame.itertuples(index=False, name=None):
        cells = (_quote(_format_cell(v, d)) for v, d in zip(row, decimals))
        out.write(",".join(cells) + "\n")
    return out.getvalue()


def write_csv(frame: pd.DataFrame, path: Path, key: Sequence[str] | None = None, sort: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv_text(frame, key, sort), encoding="utf-8", newline="\n")


def _quote(text: str) -> str:
    if any(ch in text for ch in ',"\n\r') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text
