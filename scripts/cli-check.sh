#!/usr/bin/env bash
# Checks the `phoney` command line as a user runs it: exit statuses, messages on standard error, and output that
# parses. Part of the test suite (scripts/test.sh); the in-process tests cover the engine behind it.
#
# Usage: scripts/cli-check.sh [path/to/phoney]     (default: .build/release/phoney)
set -euo pipefail
cd "$(dirname "$0")/.."
phoney="${1:-.build/release/phoney}"
[ -x "$phoney" ] || { echo "cli-check: no executable at $phoney (swift build -c release --product phoney)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "cli-check: FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect STATUS PATTERN -- ARGS...: runs phoney ARGS, checks the exit status and that standard error matches PATTERN
# (an extended regular expression; empty for no check). Standard output is left in $work/out.
expect() {
    local status="$1" pattern="$2"
    shift 3
    local actual=0
    "$phoney" "$@" >"$work/out" 2>"$work/err" || actual=$?
    if [ "$actual" != "$status" ]; then
        fail "phoney $* exited $actual, expected $status; stderr: $(head -c 400 "$work/err")"
    elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$work/err"; then
        fail "phoney $* wrote no /$pattern/ on stderr: $(head -c 400 "$work/err")"
    fi
    if grep -q 'Swift runtime failure\|Fatal error\|Backtrace' "$work/err"; then
        fail "phoney $* crashed: $(head -c 400 "$work/err")"
    fi
}

echo '{"name": "{{name}}", "n": "{{random_int:min=1,max=3,unique=true}}"}' >"$work/t.json"
echo '{"name": "{{name}}"}' >"$work/plain.json"

# Record indices are 64-bit: offsets and counts near the top are refused or work, never trap.
expect 0 '' -- generate "$work/plain.json" --seed 1 --count 1 --offset 18446744073709551614
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 1' "$work/out" || fail "offset 2^64-2: not one record"
expect 64 'below 2\^64' -- generate "$work/plain.json" --seed 1 --count 2 --offset 18446744073709551615
expect 64 'below 2\^64' -- generate "$work/plain.json" --count 18446744073709551615 --offset 1
expect 1 'unique records 2 to 5 need 6' -- generate "$work/t.json" --seed 1 --count 4 --offset 2
expect 1 'unique record 18446744073709551614 needs' -- generate "$work/t.json" --seed 1 --offset 18446744073709551614

# A negative seed is the same 64-bit seed as the HTTP API's.
expect 0 '' -- generate "$work/plain.json" --seed=-5 --count 3 --format ndjson
cp "$work/out" "$work/negative"
expect 0 '' -- generate "$work/plain.json" --seed 18446744073709551611 --count 3 --format ndjson
cmp -s "$work/out" "$work/negative" || fail "--seed=-5 and --seed 2^64-5 differ"

# Files as editors save them: a UTF-8 byte order mark; a repeated key takes its last value, as in Python.
printf '\xef\xbb\xbf{"a": "{{name}}", "a": "{{pybool}}"}' >"$work/bom.json"
expect 0 '' -- generate "$work/bom.json" --seed 1 --count 2
python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert all(list(r) == ["a"] and isinstance(r["a"], bool) for r in d), d' \
    "$work/out" || fail "BOM or repeated key: $(cat "$work/out")"

# A template that cannot be read is an error of its own (status 1), not a usage message.
expect 1 '^error: cannot read template' -- generate "$work/missing.json"
printf '{"a": "\xff"}' >"$work/latin1.json"
expect 1 'is not UTF-8' -- generate "$work/latin1.json"
expect 1 "did you mean" -- generate <(echo '{"a": "{{emial}}"}')
expect 64 '' -- generate "$work/plain.json" --format xml

# A backslash before a live placeholder: two backslashes before `{{` are one.
printf '%s' '{"p": "C:\\Users\\\\{{user_name}}", "q": "\\{{x}}"}' >"$work/backslash.json"
expect 0 '' -- generate "$work/backslash.json" --seed 1
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["p"].startswith("C:\\Users\\") and "{{" not in r["p"] and len(r["p"]) > len("C:\\Users\\"), r
assert r["q"] == "{{x}}", r' "$work/out" || fail "backslash escapes: $(cat "$work/out")"

# export: the parts, concatenated in name order, are `generate`'s output byte for byte, for every format, shard size
# and thread count; a missing or torn part is written again and the others are kept, unless they belong to another
# run (here another seed).
for format in ndjson csv json; do
    for shard in 1 7 1000; do
        for threads in 1 2; do
            rm -rf "$work/export"
            expect 0 'phoney: [0-9]+ shards' -- export fixtures/person.json --count 40 --seed 3 --format "$format" \
                --shard-records "$shard" --threads "$threads" --now 2024-01-01 --to "$work/export"
            "$phoney" generate fixtures/person.json --count 40 --seed 3 --format "$format" --now 2024-01-01 \
                >"$work/generated"
            cat "$work"/export/part-* >"$work/joined"
            cmp -s "$work/joined" "$work/generated" || fail "export $format shard=$shard threads=$threads differs"
        done
    done
done
python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
assert m["format"] == "json" and m["count"] == 40 and m["seed"] == 3, m
assert [s["key"] for s in m["shards"]] == ["part-000000.json"], m
assert sum(s["record_count"] for s in m["shards"]) == 40, m' "$work/export/manifest.json" ||
    fail "export manifest: $(head -c 300 "$work/export/manifest.json")"
rm -rf "$work/export"
expect 0 '' -- export fixtures/person.json --count 30 --seed 3 --shard-records 10 --to "$work/export"
rm "$work/export/part-000001.ndjson"
printf 'torn' >"$work/export/part-000002.ndjson"
expect 0 '3 shards .*2 written, 1 already complete' -- export fixtures/person.json --count 30 --seed 3 \
    --shard-records 10 --to "$work/export"
expect 0 '3 shards .*3 written, 0 already complete' -- export fixtures/person.json --count 30 --seed 4 \
    --shard-records 10 --to "$work/export"

# export --gzip: zcat of the parts is generate's output, for any thread count, and the parts are the same bytes.
for threads in 1 2; do
    rm -rf "$work/gz$threads"
    expect 0 '' -- export fixtures/person.json --count 500 --seed 8 --format csv --shard-records 120 --gzip \
        --threads "$threads" --now 2024-01-01 --to "$work/gz$threads"
done
"$phoney" generate fixtures/person.json --count 500 --seed 8 --format csv --now 2024-01-01 >"$work/generated"
cat "$work"/gz1/part-*.csv.gz | gzip -dc >"$work/joined"
cmp -s "$work/joined" "$work/generated" || fail "export --gzip: zcat of the parts differs from generate"
cat "$work"/gz1/part-* | cmp -s - <(cat "$work"/gz2/part-*) || fail "export --gzip: parts differ between thread counts"

# s3:// destinations: a bad location or option is a usage error; no credentials is an error naming the variable.
expect 64 'bucket' -- export fixtures/person.json --count 3 --to s3://Bad_Bucket/prefix
expect 64 'endpoint-url' -- export fixtures/person.json --count 3 --to "$work/x" --endpoint-url http://127.0.0.1:9
env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_PROFILE "$phoney" export fixtures/person.json --count 3 \
    --to s3://bucket/prefix >"$work/out" 2>"$work/err" && fail "export to s3 without credentials succeeded"
grep -q 'AWS_ACCESS_KEY_ID' "$work/err" || fail "export to s3 without credentials: $(head -c 300 "$work/err")"

# s3:// against a moto server on loopback: the objects joined are generate's output; a second run keeps them all.
if python3 -c 'import moto.server, boto3' 2>/dev/null; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
    moto_pid=$!
    export AWS_ACCESS_KEY_ID=cli-check AWS_SECRET_ACCESS_KEY=cli-check AWS_REGION=us-east-1
    for _ in $(seq 1 100); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
        sleep 0.1
    done
    python3 -c "import boto3; boto3.client('s3', endpoint_url='http://127.0.0.1:$port').create_bucket(Bucket='cli-check')"
    for run in first second; do
        expect 0 '' -- export fixtures/person.json --count 3000 --seed 6 --format ndjson --shard-records 1000 \
            --now 2024-01-01 --to s3://cli-check/runs/a --endpoint-url "http://127.0.0.1:$port" --no-progress
        cp "$work/err" "$work/err-$run"
    done
    grep -q '3 written, 0 already complete' "$work/err-first" || fail "s3 export: $(cat "$work/err-first")"
    grep -q '0 written, 3 already complete' "$work/err-second" || fail "s3 export resume: $(cat "$work/err-second")"
    python3 - "$port" "$work/joined-s3" <<'PY'
import boto3, sys
s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}")
keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="cli-check", Prefix="runs/a/part-")["Contents"])
assert keys == [f"runs/a/part-00000{i}.ndjson" for i in range(3)], keys
with open(sys.argv[2], "wb") as out:
    for key in keys:
        out.write(s3.get_object(Bucket="cli-check", Key=key)["Body"].read())
manifest = s3.get_object(Bucket="cli-check", Key="runs/a/manifest.json")["Body"].read()
assert b'"shard_count":3' in manifest, manifest[:300]
PY
    "$phoney" generate fixtures/person.json --count 3000 --seed 6 --format ndjson --now 2024-01-01 >"$work/generated"
    cmp -s "$work/joined-s3" "$work/generated" || fail "s3 export: the objects joined differ from generate"
    kill "$moto_pid" 2>/dev/null || true
    unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION
else
    echo "cli-check: moto and boto3 are not installed; the s3:// export against moto was skipped" >&2
fi

if [ "$failures" -gt 0 ]; then
    echo "cli-check: $failures failed" >&2
    exit 1
fi
echo "cli-check: all passed"
