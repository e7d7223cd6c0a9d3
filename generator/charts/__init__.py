"""Charts: pure functions from tidy frames to Vega-Lite specs (via Altair) that refer to
their data by name. ``theme`` holds the look and the site-wide colours; ``common`` the
shared helpers; ``theory``, ``experiments`` and ``power`` one function per chart.
"""

from generator.charts import theme  # noqa: F401  (registers and enables the site theme)
