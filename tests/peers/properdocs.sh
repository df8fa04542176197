#!/usr/bin/env bash
# Installs ProperDocs (the maintained BSD fork of MkDocs 1.x) and this project into a virtual
# environment of its own, so that the integration tests can build the sample with `properdocs build`.
#
#   bash tests/peers/properdocs.sh [VENV]      # VENV defaults to <repo root>/.properdocs-venv
#
# ProperDocs coexists with MkDocs: the project still depends on `mkdocs` (the plugin imports
# mkdocs.*), and `properdocs` redirects every `mkdocs.*` import to `properdocs.*` when it runs, so
# both can sit in the same environment. No version of mkdocs-material / pymdown-extensions is
# named here: they come from the project's own pins in pyproject.toml.
# Does nothing when VENV/.installed is newer than pyproject.toml.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv=${1:-$root/.properdocs-venv}
stamp=$venv/.installed

if [ -x "$venv/bin/python" ] && [ "$stamp" -nt "$root/pyproject.toml" ]; then
  exit 0
fi

test -x "$venv/bin/python" || "${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
# --upgrade: a refresh (pyproject.toml changed) also picks up the latest ProperDocs release; the
# project's dependencies are upgraded only where its pins require it (pip's default strategy).
"$venv/bin/python" -m pip install --quiet --upgrade properdocs -e "$root"
"$venv/bin/properdocs" --version >/dev/null
touch "$stamp"
