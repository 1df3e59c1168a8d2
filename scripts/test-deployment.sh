#!/usr/bin/env bash
# Contract and smoke test of a deployed Phoney API (API Gateway + Lambda, or `phoney serve`).
#
# Usage: scripts/test-deployment.sh URL [--latency-requests N] [--max-median-ms MS] [--timeout SECONDS]
#
#   URL                   the API's base URL (the stack's ApiUrl, e.g. https://abc.execute-api.eu-west-1.amazonaws.com,
#                         or http://127.0.0.1:8080); a stage path (…/prod) works too
#   --latency-requests N  how many GET /health requests the latency check times (default 20)
#   --max-median-ms MS    a loose limit: fail when their median is above it (default 1500)
#   --timeout SECONDS     per request (default 30; a cold start takes well under a second)
#
# Checks: GET /health; POST /template (record count, fields, types, the seed, same seed same records); the error
# contract (422 for an unknown generator with its error_type, 404 for an unknown /fake generator, 401 without a token
# and with a wrong password); POST /token and a protected POST /api/v1/template/generate with the bearer token, when
# PHONEY_USERNAME and PHONEY_PASSWORD are set (otherwise that part is skipped, and the output says so); latency (the
# median, p90 and max of N requests). The password reaches curl through a private file, never as an argument.
#
# About 30 requests, of which about 10 count against RATE_LIMIT_PER_MINUTE (/health is never counted).
# Exit 0 when every check passed, 1 when one failed, 2 for a usage error. Ends with "N passed, N failed[, N skipped]".
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

url=""
latency_requests=20
max_median_ms=1500
timeout=30
while [ "$#" -gt 0 ]; do
    case "$1" in
        --latency-requests) latency_requests="${2:-}"; shift 2 ;;
        --max-median-ms) max_median_ms="${2:-}"; shift 2 ;;
        --timeout) timeout="${2:-}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "test-deployment: unknown option '$1'" >&2; usage >&2; exit 2 ;;
        *)
            [ -z "$url" ] || { echo "test-deployment: one URL only" >&2; exit 2; }
            url="$1"; shift ;;
    esac
done
[ -n "$url" ] || { echo "test-deployment: URL is required" >&2; usage >&2; exit 2; }
case "$url" in
    http://* | https://*) ;;
    *) echo "test-deployment: '$url' is not an http(s) URL" >&2; exit 2 ;;
esac
for number in "$latency_requests" "$max_median_ms" "$timeout"; do
    [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "test-deployment: '$number' is not a positive whole number" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "test-deployment: curl is required" >&2; exit 2; }
command -v python3 >/dev/null || { echo "test-deployment: python3 is required" >&2; exit 2; }
base="${url%/}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
skipped=0
status=""
elapsed_ms=""

# request METHOD PATH [curl arguments…]: the body goes to $work/body; sets $status (000 when there was no answer)
# and $elapsed_ms.
request() {
    local method="$1" path="$2"
    shift 2
    local out
    : >"$work/body"
    out=$(curl --silent --show-error --max-time "$timeout" -o "$work/body" -w '%{http_code} %{time_total}' \
        -X "$method" "$@" "$base$path" 2>"$work/curl.err") || true
    status="${out%% *}"
    [ -n "$status" ] || status="000"
    elapsed_ms=$(awk -v t="${out##* }" 'BEGIN { printf "%.1f", t * 1000 }')
}

ok() {
    passed=$((passed + 1))
    echo "  ok    $*"
}

not_ok() {
    failed=$((failed + 1))
    echo "  FAIL  $*"
    if [ -s "$work/curl.err" ]; then sed 's/^/        /' "$work/curl.err"; fi
    if [ -s "$work/body" ]; then head -c 600 "$work/body" | sed 's/^/        body: /'; echo; fi
}

skip() {
    skipped=$((skipped + 1))
    echo "  SKIP  $*"
}

# expect NAME STATUS [PYTHON-EXPRESSION]: the last response had STATUS and, parsed as JSON into `d`, the expression
# holds. The expression sees `d` (the body) and `j` (json).
expect() {
    local name="$1" want="$2" expression="${3:-True}" why
    if [ "$status" != "$want" ]; then
        not_ok "$name: HTTP $status, expected $want (${elapsed_ms} ms)"
        return 0
    fi
    if why=$(python3 - "$work/body" "$expression" <<'PY' 2>&1
import json, sys
with open(sys.argv[1], "rb") as handle:
    raw = handle.read()
try:
    d = json.loads(raw) if raw.strip() else None
except ValueError as error:
    sys.exit(f"not JSON: {error}")
j = json
try:
    holds = eval("(" + sys.argv[2] + "\n)", {"d": d, "j": j})  # parenthesised: the expression may span lines
except Exception as error:
    sys.exit(f"{' '.join(sys.argv[2].split())}: {type(error).__name__}: {error}")
if not holds:
    sys.exit(f"does not hold: {' '.join(sys.argv[2].split())}")
PY
    ); then
        ok "$name (HTTP $status, ${elapsed_ms} ms)"
    else
        not_ok "$name: $why"
    fi
}

echo "== test-deployment: $base"

echo "-- health"
request GET /health
expect "GET /health is healthy" 200 "d == {'status': 'healthy'}"

echo "-- template"
template_request='{"template": {"id": "{{uuid4}}", "name": "{{name}}", "email": "{{email}}",
 "age": "{{random_int:min=18,max=90}}", "address": {"city": "{{city}}"}}, "count": 5, "seed": 42}'
fields="{'id', 'name', 'email', 'age', 'address'}"
request POST /template -H 'Content-Type: application/json' --data-binary "$template_request"
expect "POST /template returns 5 records with the template's fields" 200 \
    "d['generated_count'] == 5 and d['requested_count'] == 5 and len(d['data']) == 5 and d['seed'] == 42
     and all(set(r) == $fields for r in d['data'])
     and all(isinstance(r['age'], int) and 18 <= r['age'] <= 90 for r in d['data'])
     and all('@' in r['email'] and isinstance(r['address']['city'], str) for r in d['data'])
     and len({r['id'] for r in d['data']}) == 5"
first="$work/template-first.json"
cp "$work/body" "$first"
request POST /template -H 'Content-Type: application/json' --data-binary "$template_request"
expect "the same seed gives the same records" 200 \
    "d['data'] == j.load(open('$first'))['data']"

echo "-- errors"
request POST /template -H 'Content-Type: application/json' \
    --data-binary '{"template": {"x": "{{no_such_generator_xyz}}"}, "count": 1}'
expect "an unknown generator is a 422 with the validation errors" 422 \
    "d['detail']['message'] == 'Template validation failed'
     and d['detail']['errors'][0]['generator'] == 'no_such_generator_xyz'
     and d['detail']['errors'][0]['error_type']"
request GET /fake/no_such_generator_xyz
expect "GET /fake/<unknown> is a 404" 404 "'detail' in d"
request POST /api/v1/template/generate -H 'Content-Type: application/json' \
    --data-binary '{"template": {"n": "{{name}}"}, "count": 1}'
expect "a protected call without a token is a 401" 401 "'detail' in d"
# Passwords go to curl from a file in the private work folder, so they never appear in a process list.
printf 'wrong-%s' "$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')" >"$work/password"
request POST /token --data-urlencode "username=${PHONEY_USERNAME:-api_user}" --data-urlencode "password@$work/password"
expect "POST /token with a wrong password is a 401" 401 "'detail' in d"

echo "-- token and a protected call"
if [ -n "${PHONEY_USERNAME:-}" ] && [ -n "${PHONEY_PASSWORD:-}" ]; then
    printf '%s' "$PHONEY_PASSWORD" >"$work/password"
    request POST /token --data-urlencode "username=$PHONEY_USERNAME" --data-urlencode "password@$work/password"
    expect "POST /token gives a bearer token" 200 \
        "d['token_type'].lower() == 'bearer' and d['access_token'].count('.') == 2"
    if [ "$status" = "200" ]; then
        python3 -c 'import json, sys; print("Authorization: Bearer " + json.load(open(sys.argv[1]))["access_token"])' \
            "$work/body" >"$work/auth-header"
        request POST /api/v1/template/generate -H @"$work/auth-header" -H 'Content-Type: application/json' \
            --data-binary '{"template": {"name": "{{name}}", "n": "{{random_int:min=1,max=9}}"}, "count": 3, "seed": 7}'
        expect "POST /api/v1/template/generate with the token returns 3 records" 200 \
            "d['generated_count'] == 3 and len(d['data']) == 3 and all(set(r) == {'name', 'n'} for r in d['data'])"
    else
        not_ok "protected call: not attempted, there is no token"
    fi
else
    skip "POST /token and POST /api/v1/template/generate: set PHONEY_USERNAME and PHONEY_PASSWORD to test them"
fi

echo "-- latency ($latency_requests x GET /health, after the requests above warmed it up)"
: >"$work/times"
errors=0
for _ in $(seq 1 "$latency_requests"); do
    request GET /health
    if [ "$status" = "200" ]; then echo "$elapsed_ms" >>"$work/times"; else errors=$((errors + 1)); fi
done
if [ "$errors" -gt 0 ]; then
    not_ok "latency: $errors of $latency_requests requests failed (last HTTP $status)"
else
    read -r median p90 max < <(sort -n "$work/times" | awk '{ t[NR] = $1 } END {
        m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        p = t[int(NR * 0.9 + 0.999999)]
        printf "%.1f %.1f %.1f\n", m, p, t[NR] }')
    echo "  latency: median ${median} ms, p90 ${p90} ms, max ${max} ms (limit: median <= ${max_median_ms} ms)"
    if awk -v m="$median" -v l="$max_median_ms" 'BEGIN { exit !(m <= l) }'; then
        ok "median latency ${median} ms is within ${max_median_ms} ms"
    else
        not_ok "median latency ${median} ms is above the limit of ${max_median_ms} ms"
    fi
fi

echo "== test-deployment: $base"
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
