"""Static-site generator for CNN-inference benchmark data.

One process, one linear build (``build``): ``inputs`` (files in ``data/``, ``site_src/``
and ``site.yml`` -> a validated :class:`records.Dataset`) -> ``frames`` (records -> tidy
pandas frames) -> ``model`` and ``analysis`` (every derived table, once) -> ``site`` and
``charts`` (pages assembled from the results) -> ``output`` (HTML, tables, the atomic
write), driven by ``cli``; ``memo`` carries what a rebuild need not redo and
``fingerprint`` answers "nothing changed" cheaply.
"""

__version__ = "0.1.0"
