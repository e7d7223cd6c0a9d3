"""The versions that shape what the generator writes: named by ``--version`` and in every
page's footer. Standard library only (installed distributions' metadata)."""

from __future__ import annotations

import platform
from importlib import metadata

import generator

DISTRIBUTION = "qutibench-site"
# Libraries named in the footer, in this order (display name, distribution).
LIBRARIES = (("Altair", "altair"), ("pandas", "pandas"), ("NumPy", "numpy"), ("Jinja", "jinja2"),
             ("vl-convert", "vl-convert-python"))


def library_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions(vegalite: str) -> list[tuple[str, str]]:
    """(name, version) of the generator, its libraries, Vega-Lite (``vegalite``: the version
    the site's charts are drawn with) and Python (major.minor: patch releases change nothing)."""
    named = [(name, library_version(dist)) for name, dist in LIBRARIES]
    return [(DISTRIBUTION, generator.__version__), *named[:1], ("Vega-Lite", vegalite), *named[1:],
            ("Python", ".".join(platform.python_version_tuple()[:2]))]


def version_line(vegalite: str) -> str:
    """``qutibench-site 0.1.0 (Altair 6.3.0, Vega-Lite 6.4, ..., Python 3.11.7)`` for ``--version``."""
    (name, version), *rest = versions(vegalite)
    rest[-1] = ("Python", platform.python_version())
    return f"{name} {version} (" + ", ".join(f"{n} {v}" for n, v in rest) + ")"
