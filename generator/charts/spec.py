"""What a chart function returns: plain data, so pages and their files can be handled
without importing Altair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass
class ChartSpec:
    """A Vega-Lite spec and the named dataset it draws (``data`` = that dataset's frame)."""

    spec: dict[str, Any]
    name: str
    data: pd.DataFrame
    description: str
    reading: str = ""  # how to read it: ``charts.reading.Reading.sentence()``, printed on the page
