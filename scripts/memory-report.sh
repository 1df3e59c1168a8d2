#!/usr/bin/env bash
# The Lambda memory and cost report (Power Tuning without an AWS account): measures the bootstrap under the Lambda
# Runtime Interface Emulator and writes Benchmarks/memory-report.md, memory-report.svg and
# memory-recommendation.json (raw figures: .build-tools/memory-report.json). The measuring and the model are
# scripts/memory-report.py (its --help says how).
#
#   scripts/memory-report.sh                                   # .build/release/bootstrap
#   scripts/memory-report.sh --bootstrap PATH                  # another build (it is copied, and the copy measured)
#   scripts/memory-report.sh --quick --no-quota-check          # a quarter of the invocations, no cgroup check
#   scripts/memory-report.sh --from-json .build-tools/memory-report.json  # re-render from the saved figures
#
# The CPU-quota check needs root (cgroup v1, /sys/fs/cgroup/cpu); without it the report says it did not run. The
# emulator listens on 127.0.0.1 only and is invoked serially. Takes about a minute (the first
# run also fetches the emulator through scripts/lambda-rie.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
esac

rie=$(scripts/lambda-rie.sh)
exec python3 scripts/memory-report.py --rie "$rie" --command "scripts/memory-report.sh $*" "$@"
