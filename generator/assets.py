"""Static assets: the site's CSS/JS and the Vega, Vega-Lite and Vega-Embed bundle.

The JavaScript comes from vl-convert's bundle, pinned to the Vega-Lite version of the
installed Altair, so the published site needs no CDN and works offline.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import altair as alt
import vl_convert

BUNDLE_NAME = "vega-bundle.js"


def vegalite_version() -> str:
    """Altair's Vega-Lite schema version as vl-convert names it ('v6.4.1' -> '6.4')."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    """Vega + Vega-Lite + Vega-Embed as one classic script defining window.vegaEmbed."""
    return vl_convert.javascript_bundle(vl_version=vegalite_version())


def write_assets(source_dir: Path, out_dir: Path) -> None:
    """Copy the project's static files and write the JavaScript bundle next to them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if source_dir.is_dir():
        for path in sorted(source_dir.iterdir()):
            if path.is_file():
                shutil.copyfile(path, out_dir / path.name)
    (out_dir / BUNDLE_NAME).write_text(vega_bundle(), encoding="utf-8", newline="\n")
