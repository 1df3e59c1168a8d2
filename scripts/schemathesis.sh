#!/usr/bin/env bash
# Property-based API test: schemathesis generates requests from the server's own /openapi.json and the run fails
# on any 5xx (check not_a_server_error). Also validates the document with openapi-spec-validator.
#
#   scripts/schemathesis.sh              # 40 examples per operation
#   EXAMPLES=200 scripts/schemathesis.sh
#
# Starts `phoney serve` on a loopback port with throwaway credentials and stops it on exit. Bounded: at most
# EXAMPLES examples per operation and TIMEOUT seconds (default 900) for the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLES=${EXAMPLES:-40}
PORT=${PORT:-18765}
TIMEOUT=${TIMEOUT:-900}
BIN=${PHONEY_BIN:-.build/release/phoney}

if ! command -v st >/dev/null 2>&1; then
    echo "== installing schemathesis"
    python3 -m pip install --quiet 'schemathesis>=4,<5'
fi
if ! python3 -c 'import openapi_spec_validator' >/dev/null 2>&1; then
    python3 -m pip install --quiet 'openapi-spec-validator>=0.7'
fi
if [[ ! -x "$BIN" ]]; then
    echo "== building phoney (release)"
    swift build -c release --product phoney
fi

workdir=$(mktemp -d)
password="schemathesis-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
api_key="st-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
hash=$(printf '%s\n' "$password" | "$BIN" hash-password --cost 4)

export ENV_STATE=test
SECRET_KEY="schemathesis-secret-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SECRET_KEY
export API_USERNAME=api_user API_PASSWORD_HASH="$hash" API_KEY="$api_key"
export RATE_LIMIT_PER_MINUTE=0 MAX_STREAM_COUNT=20000 LOG_LEVEL=warning

"$BIN" serve --host 127.0.0.1 --port "$PORT" --env-file /dev/null >"$workdir/server.log" 2>&1 &
server=$!
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null

echo "== openapi-spec-validator"
curl -fsS "http://127.0.0.1:$PORT/openapi.json" -o "$workdir/openapi.json"
python3 -c 'import sys; from openapi_spec_validator import validate; from openapi_spec_validator.readers import read_from_filename; validate(read_from_filename(sys.argv[1])[0]); print("openapi.json is a valid OpenAPI 3.1 document")' "$workdir/openapi.json"

echo "== schemathesis ($EXAMPLES examples per operation)"
status=0
# Run from the scratch folder: schemathesis keeps its example database in ./.schemathesis.
(cd "$workdir" && timeout "$TIMEOUT" st run "http://127.0.0.1:$PORT/openapi.json" \
    --checks not_a_server_error \
    --max-examples "$EXAMPLES" \
    --seed 1 \
    --header "X-API-Key: $api_key" \
    --workers 1) || status=$?

if grep -q '"level":"error"' "$workdir/server.log"; then
    echo "server logged errors:"
    grep '"level":"error"' "$workdir/server.log" | head -20
    status=1
fi
exit $status
