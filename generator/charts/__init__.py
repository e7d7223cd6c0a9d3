"""Charts: pure functions from tidy frames to Vega-Lite specs (via Altair) that refer to
their data by name. ``theme`` holds the look and the site-wide colours (no Altair: a build
decides them before any chart is drawn); ``spec`` what a chart function returns; ``common``
the shared helpers and the Altair theme; ``theory``, ``experiments`` and ``power`` one
function per chart.
"""
