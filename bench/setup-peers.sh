#!/usr/bin/env bash
# Installs the peers of the benchmark into .bench-venv; WeasyPrint needs Pango from Debian.
set -euo pipefail
venv=${1:-.bench-venv}
if ! ldconfig -p | grep -q libpango-1.0; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b >/dev/null
  else
    echo "WeasyPrint needs Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0" >&2
  fi
fi
test -x "$venv/bin/python" || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r bench/requirements-peers.txt
touch "$venv/.installed"
