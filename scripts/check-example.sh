#!/usr/bin/env bash
# Builds Examples/RecordsForTests, an app that depends on Phoney by path as another package would by URL, runs it,
# and checks that what it renders through the library is byte for byte what `phoney generate` makes with the same
# template, seed and reference time. Also checks that depending on PhoneyCore does not fetch the benchmark package.
#
# Usage: scripts/check-example.sh [path/to/phoney]     (default: .build/release/phoney)
set -euo pipefail
cd "$(dirname "$0")/.."
phoney="${1:-.build/release/phoney}"
example=Examples/RecordsForTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# As a dependent would build it: without the variable that turns on Phoney's own benchmarks.
env -u PHONEY_BENCHMARKS swift build --package-path "$example" -c release
binary="$example/.build/release/RecordsForTests"
"$binary" --template >"$work/template.json"
"$binary" 42 25 >"$work/library.ndjson"
"$phoney" generate "$work/template.json" --seed 42 --count 25 --format ndjson --now 2023-11-14T22:13:20 \
    --output "$work/cli.ndjson"
if ! cmp -s "$work/library.ndjson" "$work/cli.ndjson"; then
    echo "check-example: the library's records differ from the CLI's" >&2
    diff <(head -c 600 "$work/library.ndjson") <(head -c 600 "$work/cli.ndjson") >&2 || true
    exit 1
fi
if [ -d "$example/.build/checkouts/benchmark" ]; then
    echo "check-example: depending on PhoneyCore fetched the benchmark package" >&2
    exit 1
fi
echo "check-example: $(wc -l <"$work/library.ndjson") records from the library match the CLI byte for byte"
