#!/usr/bin/env bash
# Refreshes constraints.txt: the exact version of every library that the README's two
# commands, scripts/test.sh, CI and the workflow install (pip install -c constraints.txt),
# so the same data gives the same bytes on every machine and a pull request's data diff
# never shows a library upgrade as a data change.
#
# It resolves pyproject.toml's dependencies and test extras afresh (the newest versions the
# bounds allow) in a throw-away virtualenv made with $PYTHON (default: python3; use the
# Python version CI uses, 3.11), and writes what got installed. Review the diff, rebuild,
# and commit constraints.txt together with any change the new versions make to the site.
#   bash scripts/update-constraints.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "${tmp}"' EXIT

"${python}" -m venv "${tmp}/venv"
"${tmp}/venv/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
version="$("${tmp}/venv/bin/python" -c 'import platform; print(platform.python_version())')"
{
  echo "# The versions every install uses: pip install -c constraints.txt -e '.[test]'"
  echo "# Made by scripts/update-constraints.sh (a fresh resolve, Python ${version}); do not edit by hand."
  "${tmp}/venv/bin/python" -m pip freeze --exclude-editable --disable-pip-version-check
} > constraints.txt.new
mv constraints.txt.new constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) packages, Python ${version})"
