"""Regenerate generator/vendor/vega-bundle.js for the installed Altair and vl-convert.

    python scripts/update-vega-bundle.py

The site ships Vega, Vega-Lite and Vega-Embed as one script (no CDN). Making it takes
vl-convert about 2 s, so it is made once, here, and committed next to its licences
(generator/vendor/VEGA-LICENSES.txt: update the versions there too).
"""

import json
from pathlib import Path

import altair as alt
import vl_convert

VENDOR = Path(__file__).resolve().parent.parent / "generator" / "vendor"

vega_lite = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
(VENDOR / "vega-bundle.js").write_text(vl_convert.javascript_bundle(vl_version=vega_lite), encoding="utf-8",
                                       newline="\n")
(VENDOR / "vega-bundle.json").write_text(json.dumps({"vega_lite": vega_lite, "vl_convert": vl_convert.__version__},
                                                    indent=2) + "\n", encoding="utf-8")
print(f"wrote {VENDOR / 'vega-bundle.js'} (Vega-Lite {vega_lite}, vl-convert {vl_convert.__version__})")
