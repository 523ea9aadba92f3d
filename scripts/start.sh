#!/usr/bin/env bash
# Install everything Lotline needs and start it on the embedded default (SQLite + simulators).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/debian-deps.sh
exec python3 scripts/bootstrap.py start "$@"
