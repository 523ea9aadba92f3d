#!/usr/bin/env bash
# Install everything (Debian libraries, venv, test tools, the npm ZPL renderer) and run the whole
# test suite: ruff, mypy (strict where it must be), import-linter contracts, then pytest on
# SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/debian-deps.sh --test
exec python3 scripts/bootstrap.py test "$@"
