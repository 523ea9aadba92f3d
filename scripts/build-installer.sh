#!/usr/bin/env bash
# Build the one-folder Linux station bundle (dist/lotline/) with PyInstaller, then check it the
# way plant IT would: the station starts offscreen with --selftest and exits 0, and the command
# line migrates a new database and prints its version, all from a folder with no checkout.
#
#   bash scripts/build-installer.sh        # from a clean clone: venv, build tools, build, check
#
# PyInstaller is pinned in the `build` extra of pyproject.toml. Size and build time go to stdout
# (docs/installer.md keeps the figures). Windows: installer/lotline.spec and installer/lotline.iss.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/debian-deps.sh
[ -x .venv/bin/python ] || python3 scripts/bootstrap.py install
PY=$root/.venv/bin/python
# the `build` extra's tools (PyInstaller, pinned); Lotline itself is built from the sources
mapfile -t tools < <("$PY" -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"], sep="\n")')
"$PY" -m pip install --quiet "${tools[@]}"

started=$(date +%s)
nice -n 10 "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" installer/lotline.spec
built=$(( $(date +%s) - started ))

bundle=$root/dist/lotline
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
cd "$check"  # no checkout here: the bundle must carry everything it reads
export HOME=$check XDG_DATA_HOME=$check/data XDG_CONFIG_HOME=$check/config XDG_STATE_HOME=$check/state
unset PYTHONPATH LOTLINE_DATABASE_URL LOTLINE_CONFIG
"$bundle/lotline" --version
"$bundle/lotline" db upgrade --database "sqlite:///$check/check.sqlite"
QT_QPA_PLATFORM=offscreen "$bundle/lotline-station" --selftest > selftest.log 2>&1 || {
  tail -40 selftest.log
  echo "FAILED: the bundle's self-test did not pass (log above)"
  exit 1
}
echo "self-test passed: $(grep -c 'selftest:' selftest.log) steps"

for plugin in platforms/libqoffscreen.so platforms/libqxcb.so; do
  [ -e "$bundle/_internal/PySide6/Qt/plugins/$plugin" ] || { echo "missing Qt plugin $plugin"; exit 1; }
done
for unwanted in pytest hypothesis mypy ruff tests; do
  [ ! -e "$bundle/_internal/$unwanted" ] || { echo "the bundle carries $unwanted"; exit 1; }
done

echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files)"
echo "build time: ${built} s"
