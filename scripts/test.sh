#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs every test.
#   - the package with its test extras (pytest, playwright) from PyPI;
#   - Debian's Chromium for the end-to-end browser tests (Playwright drives
#     /usr/bin/chromium; its own browser download is not used);
#   - axe-core, the accessibility engine those tests run, from the npm registry
#     (scripts/fetch-axe.py: Python only, checked against its published checksum).
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

# Fail early and clearly when the browser tests cannot get a Chromium.
if ! command -v chromium >/dev/null 2>&1 && ! command -v apt-get >/dev/null 2>&1; then
  {
    echo "error: Chromium is missing, and apt-get is not available to install it."
    echo "The browser tests drive a system Chromium (Playwright's own browser download is not used):"
    echo "  - Debian/Ubuntu:  apt-get install chromium"
    echo "  - other systems:  install Chromium so that 'chromium' is on PATH (e.g. /usr/bin/chromium)"
    echo "To run every other test without it (browser tests skipped):  python -m pytest"
  } >&2
  exit 1
fi

echo "==> installing the package and test tools"
python -m pip install --quiet --disable-pip-version-check -e '.[test]'

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Chromium from Debian's packages"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "==> fetching axe-core for the accessibility tests"
python scripts/fetch-axe.py

echo "==> running the tests"
export REQUIRE_BROWSER="${REQUIRE_BROWSER:-1}"
python -m pytest "$@"
