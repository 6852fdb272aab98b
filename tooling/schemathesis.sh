#!/usr/bin/env bash
# Installs schemathesis (https://schemathesis.io, from PyPI), pinned with every
# dependency in tooling/schemathesis.txt, into .cache/schemathesis, a Python
# virtual environment of its own; prints the path of its `st` command. Run by
# .ci/run and, when the environment is missing or its pins changed, by the
# contract-fuzzing test (test/api/contrato.test.ts). Needs python3 with venv
# (Debian: python3-venv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv=.cache/schemathesis
pins=tooling/schemathesis.txt
if [ -x "$venv/bin/st" ] && cmp -s "$pins" "$venv/pins.txt"; then
  echo "$PWD/$venv/bin/st"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "schemathesis: falta o python3 com venv (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
echo "schemathesis: instalando $(grep -i '^schemathesis==' "$pins") em $venv (PyPI)…" >&2
python3 -m venv --clear "$venv" >&2
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$pins" >&2
cp "$pins" "$venv/pins.txt"
echo "$PWD/$venv/bin/st"
