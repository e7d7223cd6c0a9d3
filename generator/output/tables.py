"""Deterministic CSV output: sorted rows, stable columns, numbers at significant digits.

Generated tables are reviewed as diffs in pull requests, so the same inputs must give the
same bytes, and a changed measurement must change only its own lines. Floats are written
with ``SIGNIFICANT_DIGITS`` significant digits in positional notation, trailing zeros
trimmed (``194.27``, ``5.23807``, ``0.0038432``): every input value keeps all its digits,
and the float noise of derived values (``0.30000000000000004``) does not reach the diff.
Integers stay integers; booleans are ``true``/``false``; missing values are empty cells.
Input files that the generator writes (the QuTiBench importer's ``data/``) pass
``digits=None``: every digit the float holds (the shortest text that reads back as the same
float), so nothing a source gave is rounded.
A text cell that a spreadsheet would run as a formula (``=...``, ``+...``, ``-...``,
``@...``) is written with a leading apostrophe, as OWASP recommends.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from generator.formatting import SIGNIFICANT_DIGITS, fmt_table

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _format_cell(value) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return fmt_table(float(value))
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def sort_rows(frame: pd.DataFrame, key: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows sorted by ``key`` (default: all columns), stable, NaN last."""
    columns = list(key) if key else list(frame.columns)
    return frame.sort_values(columns, kind="mergesort", na_position="last").reset_index(drop=True)


def _column_text(series: pd.Series, digits: int | None = SIGNIFICANT_DIGITS) -> list[str]:
    """Every cell of one column as CSV text (``_format_cell``'s rules), column-wise: text
    is formatted once per distinct value, numbers with one C-level format call each
    (``digits=None``: one ``fmt_table`` call each)."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype) \
            or not pd.api.types.is_float_dtype(dtype):
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        texts = [_quote(_format_cell(v)) for v in uniques] + [""]
        return [texts[c] for c in codes.tolist()]
    values = series.to_numpy(dtype=float)
    if digits is None:
        return [fmt_table(v, None) for v in values.tolist()]
    if digits != SIGNIFICANT_DIGITS:
        return [fmt_table(v, digits) for v in values.tolist()]
    out = list(map(_FLOAT.format, values.tolist()))
    magnitude = np.abs(values)
    with np.errstate(invalid="ignore"):
        odd = ~np.isfinite(values) | ((magnitude < 1e-4) & (magnitude > 0)) | (magnitude >= 1e9) \
            | ((values == 0) & np.signbit(values))
    for index in np.flatnonzero(odd).tolist():  # missing, exponent range, -0: the careful way
        out[index] = fmt_table(values[index])
    return out


_FLOAT = "{:.%dg}" % SIGNIFICANT_DIGITS


def to_csv_text(frame: pd.DataFrame, key: Sequence[str] | None = None, sort: bool = True,
                digits: int | None = SIGNIFICANT_DIGITS) -> str:
    """The frame as CSV text, rows sorted by ``key`` (unless ``sort`` is false: the caller's
    order is already meaningful and deterministic), floats at ``digits`` significant digits
    (``None``: all of them).

    Formatted column by column (a million runs take seconds, not minutes)."""
    if sort:
        frame = sort_rows(frame, key)
    header = ",".join(_quote(str(c)) for c in frame.columns) + "\n"
    if not len(frame):
        return header
    columns = [_column_text(frame[c], digits) for c in frame.columns]
    return header + "\n".join(",".join(cells) for cells in zip(*columns)) + "\n"


def write_csv(frame: pd.DataFrame, path: Path, key: Sequence[str] | None = None, sort: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv_text(frame, key, sort), encoding="utf-8", newline="\n")


def _quote(text: str) -> str:
    if any(ch in text for ch in ',"\n\r') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text
