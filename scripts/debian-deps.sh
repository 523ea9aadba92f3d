#!/usr/bin/env bash
# Debian/Ubuntu packages Lotline needs: Qt's system libraries, Python venv, the CJK TrueType font
# labels embed for Chinese text (fonts-wqy-microhei), and for the tests
# poppler-utils (PDF -> PNG), socat (serial pairs), xvfb (real windows), Node.js + npm (the
# independent ZPL renderer), postgresql-client (pg_dump and pg_restore for the restore test).
# Installs only what is missing; needs root or sudo.
set -euo pipefail
runtime=(python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
         libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-noto-cjk
         fonts-wqy-microhei)
testing=(poppler-utils socat xvfb nodejs npm postgresql-client)
want=("${runtime[@]}")
[ "${1:-}" = "--test" ] && want+=("${testing[@]}")
command -v dpkg >/dev/null 2>&1 || { echo "not Debian/Ubuntu: install Qt's libraries yourself"; exit 0; }
missing=()
for p in "${want[@]}"; do
  # node and npm may come from elsewhere (nodesource, nvm): a working command is enough
  case "$p" in nodejs) command -v node >/dev/null && continue ;; npm) command -v npm >/dev/null && continue ;;
    postgresql-client) command -v pg_restore >/dev/null && continue ;; esac  # pg_dump as new as the server
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
