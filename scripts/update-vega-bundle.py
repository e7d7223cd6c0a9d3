"""Regenerate generator/vendor/vega-bundle.js for the installed Altair and vl-convert.

    python scripts/update-vega-bundle.py

The site ships Vega alone as one script (no CDN): the build compiles every chart from
Vega-Lite to Vega, so neither the Vega-Lite compiler nor Vega-Embed goes to the browser. Making it takes
vl-convert about 2 s, so it is made once, here, and committed next to its licences
(generator/vendor/VEGA-LICENSES.txt: update the versions there too).
"""

import json
from pathlib import Path

import altair as alt
import vl_convert

from generator.output.assets import snippet

VENDOR = Path(__file__).resolve().parent.parent / "generator" / "vendor"

vega_lite = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
(VENDOR / "vega-bundle.js").write_text(vl_convert.javascript_bundle(snippet(), vl_version=vega_lite), encoding="utf-8",
                                       newline="\n")
(VENDOR / "vega-bundle.json").write_text(json.dumps({"vega_lite": vega_lite, "vl_convert": vl_convert.__version__, "snippet": snippet()},
                                                    indent=2) + "\n", encoding="utf-8")
print(f"wrote {VENDOR / 'vega-bundle.js'} (Vega-Lite {vega_lite}, vl-convert {vl_convert.__version__})")
