#!/usr/bin/env bash
# The main job: builds Phoney in release mode and runs it. With no arguments it generates five records from the
# person fixture; any arguments are passed to `phoney` (e.g. `scripts/run.sh generate my.json --count 100`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product phoney >&2
if [ "$#" -eq 0 ]; then
    set -- generate fixtures/person.json --count 5 --seed 42 --format ndjson
fi
exec .build/release/phoney "$@"
