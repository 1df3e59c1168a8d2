#!/usr/bin/env bash
# HTTP benchmark on loopback with wrk (and curl for the stream):
#   1. POST /template, fixtures/person.json, count=1, 64 connections
#   2. POST /template, fixtures/person.json, count=100, 64 connections (records/s = requests/s × 100)
#   3. GET /health, 64 connections
#   4. NDJSON stream of 10 million person records from /api/v1/template/generate to /dev/null, with the
#      server's peak RSS (VmHWM) read from /proc on a server started just for it
#
#   scripts/http-bench.sh                    # 10 s per wrk run
#   DURATION=30s STREAM_COUNT=1000000 scripts/http-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
STREAM_COUNT=${STREAM_COUNT:-10000000}
PORT=${PORT:-18766}
BIN=${PHONEY_BIN:-.build/release/phoney}
LOG_LEVEL=${LOG_LEVEL:-warning}

if ! command -v wrk >/dev/null 2>&1; then
    echo "== installing wrk"
    if ! apt-get install -y -qq wrk >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq wrk
    fi
fi
if [[ ! -x "$BIN" ]]; then
    echo "== building phoney (release)"
    swift build -c release --product phoney
fi

workdir=$(mktemp -d)
api_key="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ENV_STATE=test API_KEY="$api_key" RATE_LIMIT_PER_MINUTE=0 LOG_LEVEL
SECRET_KEY="bench-secret-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SECRET_KEY
API_PASSWORD_HASH=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' | "$BIN" hash-password --cost 4)
export API_PASSWORD_HASH
server=""

start_server() {
    "$BIN" serve --host 127.0.0.1 --port "$PORT" --env-file /dev/null >"$workdir/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "server did not start"; cat "$workdir/server.log"; exit 1
}
stop_server() {
    if [[ -n "$server" ]]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        server=""
    fi
}
trap 'stop_server; rm -rf "$workdir"' EXIT

template=$(tr -d '\n' < fixtures/person.json)
for count in 1 100; do
    cat >"$workdir/template-$count.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"template": $template, "count": $count, "seed": 1}'
LUA
done

# Runs wrk and prints "requests/s p50 p99 errors".
run_wrk() {
    local output
    output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
    echo "$output" >>"$workdir/wrk.txt"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(awk '/Non-2xx/ {print $NF}' <<<"$output")
    echo "$rps $p50 $p99 ${errors:-0}"
}

echo "== phoney HTTP benchmark: $THREADS wrk threads, $CONNECTIONS connections, $DURATION per run, $(nproc) cores"
# Figures differ by host more than by most changes: say which one this is and how busy it was.
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
echo "== host: ${cpu:-unknown CPU}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_server
url="http://127.0.0.1:$PORT"
curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"template\": $template, \"count\": 1}" "$url/template" >/dev/null

read -r rps p50 p99 errors < <(run_wrk -s "$workdir/template-1.lua" "$url/template")
printf '%-44s %12s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "POST /template person count=1" "$rps" "$p50" "$p99" "$errors"
read -r rps p50 p99 errors < <(run_wrk -s "$workdir/template-100.lua" "$url/template")
records=$(awk -v r="$rps" 'BEGIN {printf "%.0f", r * 100}')
printf '%-44s %12s req/s  p50 %-9s p99 %-9s non-2xx %s  (%s records/s)\n' "POST /template person count=100" "$rps" "$p50" "$p99" "$errors" "$records"
read -r rps p50 p99 errors < <(run_wrk "$url/health")
printf '%-44s %12s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "GET /health" "$rps" "$p50" "$p99" "$errors"
stop_server

# A fresh server, so VmHWM is the stream's own peak.
start_server
body="{\"template\": $template, \"count\": $STREAM_COUNT, \"seed\": 1}"
read -r seconds bytes < <(curl -sS -o /dev/null --max-time 300 -w '%{time_total} %{size_download}\n' \
    -H "X-API-Key: $api_key" -H 'Content-Type: application/json' -H 'Accept: application/x-ndjson' \
    -d "$body" "$url/api/v1/template/generate")
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
rate=$(awk -v n="$STREAM_COUNT" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')
mib=$(awk -v b="$bytes" 'BEGIN {printf "%.0f", b / 1048576}')
printf '%-44s %12s records/s  %s s, %s MiB, server peak RSS %s MiB\n' "NDJSON stream person count=$STREAM_COUNT" \
    "$rate" "$seconds" "$mib" "$(awk -v k="$peak" 'BEGIN {printf "%.1f", k / 1024}')"
stop_server
