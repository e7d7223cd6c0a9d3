"""Regenerate generator/vendor/vega-bundle*.js for the installed Altair and vl-convert.

    python scripts/update-vega-bundle.py

The site ships Vega alone (no CDN): the build compiles every chart from Vega-Lite to Vega, so
neither the Vega-Lite compiler nor Vega-Embed goes to the browser. Making it takes vl-convert
about 2 s, so it is made once, here, and committed next to its licences
(generator/vendor/VEGA-LICENSES.txt: update the versions there too). It is then cut into
parts that run one after the other (scripts/split-vega-bundle.mjs: Node.js and acorn, e.g.
``npm i acorn`` in .tools/), so that no single task evaluates all of Vega at load.
"""

import json
import subprocess
import tempfile
from pathlib import Path

import altair as alt
import vl_convert

from generator.output.assets import snippet

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "generator" / "vendor"

vega_lite = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
with tempfile.TemporaryDirectory() as tmp:
    whole = Path(tmp) / "vega-bundle.js"
    whole.write_text(vl_convert.javascript_bundle(snippet(), vl_version=vega_lite), encoding="utf-8", newline="\n")
    for old in VENDOR.glob("vega-bundle*.js"):
        old.unlink()
    names = json.loads(subprocess.run(["node", str(ROOT / "scripts" / "split-vega-bundle.mjs"), str(whole), str(VENDOR)],
                                      check=True, capture_output=True, text=True, cwd=ROOT).stdout)
(VENDOR / "vega-bundle.json").write_text(json.dumps({"vega_lite": vega_lite, "vl_convert": vl_convert.__version__, "snippet": snippet(),
                                                     "parts": names}, indent=2) + "\n", encoding="utf-8")
print(f"wrote {len(names)} parts of the Vega bundle to {VENDOR} (Vega-Lite {vega_lite}, vl-convert {vl_convert.__version__})")
