#!/usr/bin/env bash
# Checks /docs in a real browser: starts `phoney serve` (ENV_STATE=dev, its made-up password read from its first
# line), then drives the page in headless Chromium with scripts/docs-browser-check.py: example request, login
# through the page, a locked operation with the page's token, a path parameter. Saves a screenshot.
#
#   scripts/docs-browser-check.sh [SCREENSHOT.png]        # default .build-tools/docs.png
#
# Installs chromium (apt-get) and websocket-client (pip) when missing. Not part of the test suite: Chromium is
# several hundred MB.
set -euo pipefail
cd "$(dirname "$0")/.."

shot=${1:-.build-tools/docs.png}
mkdir -p "$(dirname "$shot")"
if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
python3 -c 'import websocket' 2>/dev/null || python3 -m pip install --quiet websocket-client
bin=.build/release/phoney
[ -x "$bin" ] || swift build -c release --product phoney

port=${PORT:-18799}
log=$(mktemp)
env -u API_PASSWORD_HASH ENV_STATE=dev RATE_LIMIT_PER_MINUTE=0 "$bin" serve --port "$port" --env-file /dev/null \
    >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
done
password=$(grep -o 'password "[^"]*"' "$log" | head -n 1 | cut -d'"' -f2)
[ -n "$password" ] || { echo "no generated password in the server log"; cat "$log"; exit 1; }
python3 scripts/docs-browser-check.py --url "http://127.0.0.1:$port" --password "$password" --screenshot "$shot"
