"""Static-site generator for CNN-inference benchmark data.

Data flows one way: ``loading`` (files in ``data/`` -> validated :class:`records.Dataset`)
-> ``frames`` (records -> tidy pandas frames) -> ``model`` (pure roofline / Pareto /
efficiency / power computations) -> ``charts`` (frames -> Altair charts) -> ``render``
(Markdown + Jinja -> HTML) -> ``build`` (writes the site atomically), driven by ``cli``.
"""

__version__ = "0.1.0"
