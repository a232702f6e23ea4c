#!/usr/bin/env bash
# Provision what the test suite needs beyond `pip install -e '.[test]'`: the Node
# packages (sequelize-cli, sequelize, mysql2, pinned by baseline/chain/node/) that
# replay sequelize-cli JavaScript migrations. Idempotent: a second run does nothing.
#
#   bash tests/provision.sh            # uses .venv/bin/python, else python3
#   BASELINE_NODE_DIR=/some/cache bash tests/provision.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "provision: node and npm are needed (apt-get install nodejs npm)" >&2
        exit 3
    fi
fi

PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
"$PY" -m baseline.chain.nodeenv
