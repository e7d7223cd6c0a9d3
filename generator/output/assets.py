"""Static assets: the site's CSS/JS/icon and the Vega bundle (Vega alone: the charts are
compiled to Vega when the site is built, ``output/compile.py``).

The bundle is vendored (``generator/vendor/vega-bundle*.js``, made by vl-convert for the
Vega-Lite version of the installed Altair and cut into parts that run one after the other,
so that no single task at load runs all of Vega's start-up code; ``scripts/update-vega-bundle.py``
remakes them) and shipped with its licences, so the published site needs no CDN and works
offline. ``vega-bundle.js`` names the other parts; ``site.js`` loads them after the page's first
paint. If the installed Altair targets another Vega-Lite version, the bundle is made with
vl-convert, in one file, and kept in the build's memo.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path, PurePosixPath

import altair as alt
import vl_convert

from generator.errors import DataError, Problem
from generator.inputs.extra import Extra
from generator.memo import Memo
from generator.output.write import MARKER, Staging

BUNDLE_NAME = "vega-bundle.js"
LICENSE_NAME = "vega-bundle.LICENSE.txt"


def snippet() -> str:
    """What the bundle defines: Vega alone, as ``window.vega`` (vl-convert resolves the module
    address of its own Vega from what it has inlined, and leaves out what nothing uses)."""
    return (f"import * as vegaModule from 'https://cdn.jsdelivr.net/npm/vega@{vl_convert.get_vega_version()}/+esm';\n"
            "window.vega = vegaModule;")


VENDOR = Path(__file__).resolve().parent.parent / "vendor"


def vegalite_version() -> str:
    """Altair's Vega-Lite schema version as vl-convert names it ('v6.4.1' -> '6.4')."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def vega_bundle_files(memo: Memo | None = None) -> dict[str, str]:
    """Vega as classic scripts defining window.vega, by file name: the vendored parts
    (``vega-bundle.js`` first, which names the others), or one file made here."""
    meta = json.loads((VENDOR / "vega-bundle.json").read_text(encoding="utf-8"))
    if meta.get("vega_lite") == vegalite_version() and meta.get("snippet") == snippet():
        return {name: (VENDOR / name).read_text(encoding="utf-8") for name in meta["parts"]}
    return {BUNDLE_NAME: vega_bundle(memo)}


def vega_bundle(memo: Memo | None = None) -> str:
    """Vega as one classic script defining window.vega, made by vl-convert."""
    version = vegalite_version()

    def make() -> str:
        return vl_convert.javascript_bundle(snippet(), vl_version=version)

    if memo is None:
        return make()
    text = memo.remember("assets", memo.key("vega bundle", snippet(), version, metadata.version("vl-convert-python")), make, label=BUNDLE_NAME)
    assert isinstance(text, str)
    return text


def write_assets(source_dir: Path, staging: Staging, memo: Memo | None = None) -> None:
    """The project's static files to ``assets/``, with the JavaScript bundle and its licences."""
    if source_dir.is_dir():
        for path in sorted(source_dir.iterdir()):
            if path.is_file():
                staging.write_bytes(f"assets/{path.name}", path.read_bytes())
    for name, text in vega_bundle_files(memo).items():
        staging.write_text(f"assets/{name}", text)
    staging.write_bytes(f"assets/{LICENSE_NAME}", (VENDOR / "VEGA-LICENSES.txt").read_bytes())


def write_extra(extra: Extra, staging: Staging) -> None:
    """The site author's own files (``site_src/extra/``), verbatim, after everything else:
    one with the name of a file or folder the site writes itself is a problem (DataError)."""
    written = set(staging.files)
    folders = {parent.as_posix() for path in written for parent in PurePosixPath(path).parents if parent.name}
    problems = []
    for relative, source in extra.files.items():
        parents = {parent.as_posix() for parent in PurePosixPath(relative).parents if parent.name}
        if relative in written or relative in folders or parents & written or relative.startswith(MARKER):
            problems.append(Problem(extra.shown(relative), "", "", "expected a file the site does not write "
                                    "itself, found the name of one of its pages, tables, assets or its marker; "
                                    "rename it"))
            continue
        try:
            data = source.read_bytes()
        except OSError as exc:
            problems.append(Problem(extra.shown(relative), "", "", f"expected a readable file, found {exc.strerror}"))
            continue
        staging.write_bytes(relative, data)
    if problems:
        raise DataError(problems)
