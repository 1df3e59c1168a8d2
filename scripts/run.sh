#!/usr/bin/env bash
# The main job: builds Phoney in release mode and runs the local API server on http://127.0.0.1:8080 (docs at
# /docs). Any arguments are passed to `phoney` instead, e.g. `scripts/run.sh generate fixtures/person.json --count 5`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product phoney >&2
if [ "$#" -eq 0 ]; then
    set -- serve --host 127.0.0.1 --port 8080
fi
exec .build/release/phoney "$@"
