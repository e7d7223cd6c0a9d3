"""Every way the generator writes a number as text, in one place.

- for readers (pages, tables, chart descriptions): :func:`fmt` (significant digits with
  thousands separators, ``—`` when missing), :func:`fmt_pct` (a pruning level, ``12.5%``),
  :func:`fmt_compact` (``5.23k``, ``1.2M``) and its browser twin :func:`compact_expr`;
- for the generated tables (CSV): :func:`fmt_table`, ``SIGNIFICANT_DIGITS`` significant
  digits in positional notation, so a diff shows data changes and no float noise;
- for the review report (``diff``): :func:`fmt_shown` (a table cell at ``SHOWN_DIGITS``
  significant digits) and :func:`fmt_change` (a signed relative change, ``+3.20%``);
- for messages about inputs: :func:`fmt_written` (a value as its author wrote it),
  :func:`fmt_bound` (a range bound, large and small ones as powers of ten) and
  :func:`fmt_size` (a file size, ``16 MiB``).
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any

import pandas as pd

NA = "—"  # a missing value shown to readers
SIGNIFICANT_DIGITS = 9  # of a float in the generated tables
SHOWN_DIGITS = 4  # of a value in the review report (the tables keep nine)

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _trimmed(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- for readers ---------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 3) -> str:
    """``digits`` significant digits, trailing zeros trimmed, thousands separators; — when missing."""
    if is_missing(value):
        return NA
    value = float(value)  # type: ignore[arg-type]
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    return _trimmed(f"{value:,.{decimals}f}")


def fmt_pct(value: float) -> str:
    """A percentage as given, shortest form: pruning levels ``100%``, ``12.5%``."""
    return f"{float(value):g}%"


def fmt_compact(value: float, digits: int = 3) -> str:
    """Compact text with ``digits`` significant digits: 0.523, 52.3, 523, 5.23k, 1.2M; "" when missing."""
    if is_missing(value):
        return ""
    if value == 0:
        return "0"
    for factor, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor * 0.9995:
            return _sig(value / factor, digits) + suffix
    return _sig(value, digits)


def _sig(value: float, digits: int) -> str:
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return _trimmed(f"{round(value, decimals):.{decimals}f}")


def compact_expr(field_name: str) -> str:
    """A Vega expression giving ``fmt_compact``'s label in the browser (3 significant digits,
    k/M/G from 1000)."""
    ref = f"datum[{json.dumps(field_name)}]"
    return f"{ref} >= 1000 ? format({ref}, '.3~s') : format({ref}, '.3~r')"


# --- for the generated tables --------------------------------------------------------------


def fmt_table(value: float | None, digits: int | None = SIGNIFICANT_DIGITS) -> str:
    """``digits`` significant digits (``None``: all of them, the shortest round-trip text),
    positional notation, trailing zeros trimmed; -0 -> 0; "" when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = _trimmed(format(Decimal(repr(value) if digits is None else f"{value:.{digits}g}"), "f"))
    return "0" if text in ("-0", "") else text


# --- for the review report -----------------------------------------------------------------


def is_number_text(text: str) -> bool:
    """True when ``text`` is a plain decimal number (``12``, ``-0.5``, ``1e-9``)."""
    return bool(_NUMBER.match(text))


def fmt_shown(value: str, digits: int = SHOWN_DIGITS) -> str:
    """A table cell as the report shows it: at most ``digits`` significant digits (whole
    numbers keep all theirs: ``123456.7`` -> ``123457``); a value that has no more, an
    integer, or any other text as it is."""
    if not is_number_text(value) or not any(ch in value for ch in ".eE"):
        return value
    x = float(value)
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else value
    exponent = math.floor(math.log10(abs(x)))
    if -5 <= exponent < 15:
        text = f"{x:.{max(digits - 1 - exponent, 0)}f}"
    else:
        text = f"{x:.{digits - 1}e}"
    return value if float(text) == x else text  # "4.2" stays "4.2", not "4.200"


def fmt_change(pct: float) -> str:
    """A signed relative change in percent: ``+1,234%``, ``-12.3%``, ``+3.20%``, ``+<0.01%``."""
    size = abs(pct)
    if size >= 100:
        text = f"{pct:+,.0f}"
    elif size >= 10:
        text = f"{pct:+.1f}"
    elif size >= 0.01:
        text = f"{pct:+.2f}"
    else:
        text = ("+" if pct >= 0 else "-") + "<0.01"
    return text + "%"


# --- for messages about inputs -------------------------------------------------------------


def fmt_written(value: float | int) -> str:
    """A number as a user would write it: ``100``, ``12.5``, ``1e+308``, never 400 digits."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        text = str(value)
        return text if len(text) <= 16 else f"{text[:6]}... ({len(text)} digits)"
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def fmt_bound(value: float) -> str:
    """A range bound: ``100``, ``0.5``, ``1e6``, ``1e-9`` (very large or small ones as powers)."""
    if value and (abs(value) >= 1e6 or abs(value) < 1e-4):
        mantissa, exponent = f"{value:g}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return fmt_written(float(value))


def fmt_size(size: int) -> str:
    """``16 MiB``, ``2 GiB``, ``1.5 KiB``, ``300 bytes``."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value >= 10 or value.is_integer() else f"{value:.1f} {unit}"
    return f"{size} byte{'s' if size != 1 else ''}"
