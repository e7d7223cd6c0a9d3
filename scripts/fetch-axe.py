"""Fetch axe-core only (kept for old instructions): ``python scripts/fetch-npm.py axe-core``."""

import runpy
import sys
from pathlib import Path

sys.argv = [sys.argv[0], "axe-core"]
runpy.run_path(str(Path(__file__).with_name("fetch-npm.py")), run_name="__main__")
