"""Charts: pure functions from tidy frames to Vega-Lite specs (via Altair) that refer to
their data by name. ``theme`` holds the look (the Altair theme, registered once) and the
site-wide colours; ``spec`` what a chart function returns; ``common`` the shared helpers
(``draw``: a chart through the build's memo); ``theory``, ``experiments`` and ``power`` one
function per chart.
"""
