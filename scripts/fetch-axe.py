"""Fetch axe-core (the accessibility engine the browser tests run) from the npm registry.

    python scripts/fetch-axe.py [DEST]   (default: .cache/node/node_modules/axe-core/axe.min.js)

Only Python is needed (no Node.js): the pinned release's tarball is downloaded, checked
against its published sha512 integrity, and axe.min.js is extracted. A copy already in
place with the right version is kept.
"""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

root = Path(__file__).resolve().parent.parent
dest = Path(sys.argv[1]) if len(sys.argv) > 1 else root / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
stamp = dest.with_name("VERSION")
if dest.is_file() and stamp.is_file() and stamp.read_text().strip() == VERSION:
    sys.exit(0)
data = urllib.request.urlopen(TARBALL, timeout=120).read()
digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
if digest != INTEGRITY:
    sys.exit(f"error: {TARBALL} does not match its published integrity; not installed")
with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
    script = archive.extractfile("package/axe.min.js").read()
dest.parent.mkdir(parents=True, exist_ok=True)
dest.write_bytes(script)
stamp.write_text(VERSION + "\n")
print(f"installed axe-core {VERSION} at {dest}")
