#!/usr/bin/env bash
# Builds every libFuzzer target (PHONEY_FUZZ=1, into .build-fuzz) and runs each for a short time on its seed corpus:
# the seeds must all pass, and a few seconds of mutation must find nothing. The long runs are scripts/fuzz.sh.
#
#   scripts/fuzz-smoke.sh [SECONDS_PER_TARGET [TARGET...]]   (default 20, or $FUZZ_SMOKE_SECONDS; every target)
#
# The test command runs `template` alone (PhoneyCore only: about 2.5 minutes cold): the other three link PhoneyAPI,
# whose dependencies take a cold .build-fuzz about 15 minutes more to build on two cores.
#
# A cold .build-fuzz builds every dependency again (swift-crypto's BoringSSL is most of it); FUZZ_SCRATCH_PATH=.build
# after `swift build -c release` rebuilds only Phoney's own modules (see scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${FUZZ_SMOKE_SECONDS:-20}}
targets=(template request gateway jwt)
if [[ $# -gt 1 ]]; then
    targets=("${@:2}")
fi
started=$(date +%s)
for target in "${targets[@]}"; do
    PHONEY_FUZZ=1 swift build -c release --scratch-path "${FUZZ_SCRATCH_PATH:-.build-fuzz}" --product "fuzz-$target"
done
built=$(date +%s)
echo "fuzz-smoke: built ${#targets[@]} targets in $((built - started))s"

failed=()
for target in "${targets[@]}"; do
    FUZZ_NO_BUILD=1 scripts/fuzz.sh "$target" "$seconds" || failed+=("$target")
done
echo "fuzz-smoke: $(( $(date +%s) - started ))s in all (build $((built - started))s)"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz-smoke: FAILED: ${failed[*]} (logs in .build-fuzz/logs/, inputs in .build-fuzz/artifacts/)" >&2
    exit 1
fi
