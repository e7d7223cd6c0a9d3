"""The one formatter of numbers for people (tables, prose): significant digits, separators."""

from __future__ import annotations

import math

import pandas as pd

NA = "—"


def fmt(value: float | None, digits: int = 3) -> str:
    """``digits`` significant digits, trailing zeros trimmed, thousands separators; — when missing."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return NA
    value = float(value)
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_pct(value: float) -> str:
    """Pruning levels: 100%, 12.5%."""
    return f"{float(value):g}%"
