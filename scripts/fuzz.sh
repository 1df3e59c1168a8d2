#!/usr/bin/env bash
# Builds one libFuzzer target (Fuzz/<target>/main.swift, with PHONEY_FUZZ=1 into .build-fuzz) and runs it for a
# number of seconds on its seed corpus, then prints executions and coverage.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]      TARGET: template, request, gateway or jwt
#
# The seeds in fixtures/fuzz/<target>/ are read, never written: new inputs go to .build-fuzz/corpus/<target>/ (kept
# between runs), crashes, leaks and timeouts to .build-fuzz/artifacts/<target>/, the log to .build-fuzz/logs/ (all
# under $FUZZ_SCRATCH_PATH when it is set).
# Exits non-zero on any crash, leak, timeout (5 s an input) or memory over 2 GB.
# FUZZ_NO_BUILD=1 skips the build (scripts/fuzz-smoke.sh builds every target first). FUZZ_SCRATCH_PATH=.build reuses
# the dependencies of an existing release build (only Phoney's own modules are rebuilt, instrumented; a later plain
# release build rebuilds them back).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: scripts/fuzz.sh template|request|gateway|jwt SECONDS [libFuzzer flags...]" >&2
    exit 2
}
[[ $# -ge 2 ]] || usage
target=$1
seconds=$2
shift 2
case "$target" in
    template | request | jwt) max_len=4096 ;;
    gateway) max_len=16384 ;;
    *) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

scratch=${FUZZ_SCRATCH_PATH:-.build-fuzz}
if [[ "${FUZZ_NO_BUILD:-}" != 1 ]]; then
    PHONEY_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "fuzz-$target" >&2
fi
binary="$scratch/release/fuzz-$target"
[[ -x "$binary" ]] || { echo "fuzz: $binary is not built" >&2; exit 1; }

corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
log="$scratch/logs/$target.log"
mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
flags=(
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
    -artifact_prefix="$artifacts/"
)
dictionary="fixtures/fuzz/dictionaries/$target.dict"
[[ -f "$dictionary" ]] && flags+=(-dict="$dictionary")

echo "fuzz: $target for ${seconds}s (log: $log)" >&2
started=$(date +%s)
status=0
# A stuck input is libFuzzer's own -timeout; the outer timeout only guards against the driver itself hanging.
LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0" \
    timeout --signal=INT --kill-after=30 $((seconds + 300)) \
    "$binary" "${flags[@]}" "$@" "$corpus" "fixtures/fuzz/$target" >"$log" 2>&1 || status=$?
elapsed=$(($(date +%s) - started))

# The last status line carries the coverage (`cov:` edges, `ft:` features); -print_final_stats adds the counts.
last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1 || true)
cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -n 1)
speed=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -n 1)
rss=$(sed -nE 's/^stat::peak_rss_mb: *([0-9]+)/\1/p' "$log" | tail -n 1)
printf 'fuzz %s: %ss, %s executions (%s/s), cov: %s ft: %s corpus: %s, peak RSS %s MB, exit %s\n' \
    "$target" "$elapsed" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$status"

if [[ $status -ne 0 ]]; then
    echo "fuzz $target FAILED:" >&2
    grep -E '^==[0-9]+==|^SUMMARY|ERROR: libFuzzer|Fatal error|Test unit written|panic|precondition' "$log" | head -n 20 >&2 || true
    echo "reproduce: LSAN_OPTIONS=suppressions=Fuzz/lsan.supp $binary -runs=1 <artifact>" >&2
    echo "minimize:  LSAN_OPTIONS=suppressions=Fuzz/lsan.supp $binary -minimize_crash=1 -runs=100000 <artifact>" >&2
    exit "$status"
fi
