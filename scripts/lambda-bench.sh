#!/usr/bin/env bash
# Cold and warm figures of the Lambda bootstrap under the AWS Lambda Runtime Interface Emulator: init (median of
# fresh starts), first and warm invocations (p50/p99), peak RSS. The measuring is scripts/lambda-bench.py.
#
#   scripts/lambda-bench.sh                                  # the deployable static binary, packaged first if needed
#   scripts/lambda-bench.sh --bootstrap .build/release/bootstrap --starts 10 --invokes 200
set -euo pipefail
cd "$(dirname "$0")/.."

rie=$(scripts/lambda-rie.sh)
args=("$@")
if [[ " $* " != *" --bootstrap "* ]]; then
    arch=$(uname -m)
    staged=".build-lambda/lambda-$arch/bootstrap"
    [ -x "$staged" ] || scripts/package-lambda.sh --arch "$arch" >&2
    args+=(--bootstrap "$staged")
fi
exec python3 scripts/lambda-bench.py --rie "$rie" "${args[@]}"
