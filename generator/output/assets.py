"""Static assets: the site's CSS/JS and the Vega, Vega-Lite and Vega-Embed bundle.

The JavaScript comes from vl-convert's bundle, pinned to the Vega-Lite version of the
installed Altair, so the published site needs no CDN and works offline.
"""

from __future__ import annotations

import functools
from pathlib import Path

import altair as alt
import vl_convert

from generator.output.write import Staging

BUNDLE_NAME = "vega-bundle.js"


def vegalite_version() -> str:
    """Altair's Vega-Lite schema version as vl-convert names it ('v6.4.1' -> '6.4')."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega + Vega-Lite + Vega-Embed as one classic script defining window.vegaEmbed."""
    return vl_convert.javascript_bundle(vl_version=vegalite_version())


def write_assets(source_dir: Path, staging: Staging) -> None:
    """Copy the project's static files to ``assets/`` and write the JavaScript bundle there."""
    if source_dir.is_dir():
        for path in sorted(source_dir.iterdir()):
            if path.is_file():
                staging.write_bytes(f"assets/{path.name}", path.read_bytes())
    staging.write_text(f"assets/{BUNDLE_NAME}", vega_bundle())
