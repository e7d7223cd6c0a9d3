#!/usr/bin/env bash
# What does a change do to the results? Builds the data of BASE (a git revision, default
# main) and of the working tree with the current generator, and prints a unified diff of
# the normalized tables (build/data/*.csv). Use it when reviewing a pull request.
#   Usage: bash scripts/data-diff.sh [BASE]     (run from anywhere inside the project)
set -euo pipefail
base="${1:-main}"
root="$(git rev-parse --show-toplevel)"
cd "$root"
tmp="$(mktemp -d)"
cleanup() { git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
git worktree add --detach --quiet "$tmp/base" "$base"
python -m generator --project "$tmp/base" build --quiet --out "$tmp/site-base" >/dev/null
python -m generator --project "$root" build --quiet --out "$tmp/site-head" >/dev/null
cd "$tmp"
if diff -ru -x charts -x tables site-base/data site-head/data; then
  echo "No change in the generated data against $base."
fi
