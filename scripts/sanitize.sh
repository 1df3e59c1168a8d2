#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (with LeakSanitizer) and/or ThreadSanitizer, each in its own scratch
# path (.build-asan, .build-tsan): every module, the dependencies' C code (BoringSSL, NIO's shims) and the bootstrap
# that the emulator tests run are instrumented.
#
# Usage: scripts/sanitize.sh address|thread|all [--filter REGEX] [--skip REGEX] [--parallel] [--no-build]
#
#   --filter, --skip  passed to `swift test` (e.g. --filter PhoneyCoreTests.ChunkEngineTests)
#   --parallel        tests side by side, as `swift test` runs them: faster, but on 2 busy cores the slowed-down suite
#                     starves the tests with 1-5 s timeouts (the AWS client, moto, the emulator's deadline), so one
#                     test at a time (`--no-parallel`) is the default
#   --no-build        test what the last run built
#
# Fails when a test fails and also when any sanitizer report appears, even from a test that passed or from a child
# process (the bootstrap under the emulator): every report goes to a file of its own under
# <scratch>/sanitizer-reports/ as well as being counted from the test log. Prints the tests passed and failed and
# the reports found, per sanitizer; the full logs stay in <scratch>/sanitize-logs/.
#
# Built without the Jemalloc trait (--disable-default-traits): a sanitizer must own malloc, and jemalloc linked into
# the executables would take it over. Built with `nice -n 15` when SANITIZE_NICE is unset, so a shared machine stays
# usable; SANITIZE_TIMEOUT (minutes, default 240) bounds each test run.
#
# A suppression is only for a finding shown to be in third-party or toolchain code, with its reason beside it
# (write_suppressions below); never for Phoney's own code.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: scripts/sanitize.sh address|thread|all [--filter REGEX] [--skip REGEX] [--parallel] [--no-build]" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
case "$1" in
    address) sanitizers=(address) ;;
    thread) sanitizers=(thread) ;;
    all) sanitizers=(address thread) ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
esac
shift
test_args=()
parallel=--no-parallel
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --filter | --skip)
            [[ $# -ge 2 ]] || usage
            test_args+=("$1" "$2")
            shift 2
            ;;
        --filter=* | --skip=*) test_args+=("$1"); shift ;;
        --parallel) parallel=--parallel; shift ;;
        --no-build) build=0; shift ;;
        *) usage ;;
    esac
done

nice_level=${SANITIZE_NICE:-15}
timeout_minutes=${SANITIZE_TIMEOUT:-240}
[[ "$nice_level" =~ ^[0-9]+$ && "$timeout_minutes" =~ ^[0-9]+$ ]] || {
    echo "sanitize: SANITIZE_NICE and SANITIZE_TIMEOUT must be whole numbers" >&2
    exit 2
}

# The suite's own needs, as scripts/test.sh provides them: the Python cross-checks and moto, and the emulator.
scripts/setup.sh
if ! python3 -c 'import botocore, boto3, moto.server, flask' >/dev/null 2>&1; then
    python3 -m pip install --quiet botocore boto3 'moto[server]>=5,<6'
fi
rie=$(scripts/lambda-rie.sh)

# Writes the suppressions of one tool (asan, lsan or tsan: each parses only its own kinds) to $2; comments carry each
# one's reason.
write_suppressions() {
    case "$1" in
        asan) echo "# AddressSanitizer: none." >"$2" ;;
        lsan)
            cat >"$2" <<'EOF'
# Swift's lazily initialised globals (`static let`, global `let`, metadata caches) live for the whole process by
# design and are reached through swift_once; LeakSanitizer often cannot see the references, because Swift keeps
# enum case bits in the spare bits of a pointer. The Swift runtime's mechanism, once per process.
leak:once_slow
# HummingbirdTesting (RouterTestFramework) makes a NIOAsyncTestingChannel for every test request's context and never
# closes it; an embedded channel and its pipeline refer to each other until the channel is closed, so each one is a
# cycle (about 460 of them, all indirect). Third-party test scaffolding, not Phoney's router.
leak:NIOAsyncTestingChannelC4loop
# The DispatchQueue of each of those channels' NIOAsyncTestingEventLoop (the same count); the unwinder stops inside
# libdispatch, so only these frames are left to match. Phoney's own code creates no DispatchQueue.
leak:_dispatch_lane_create_with_target
leak:dispatch_queue_set_specific
leak:8Dispatch0A5QueueC7__label4attr5queue
leak:8Dispatch0A5QueueC11setSpecific
# libcurl's per-request strings, one set for each URLSession request the emulator tests make (swift-corelibs-
# foundation's FoundationNetworking drives libcurl; every frame is inside libcurl).
leak:libcurl.so
leak:20FoundationNetworking10URLSessionC12_MultiHandle
# swift-corelibs-foundation's Process keeps itself in a cycle with its run-loop source (and a weak side table) after
# its child has exited and been waited for; what MotoServer.start hands it (the URL, the arguments, the FileHandles) is
# held by that cycle.
leak:10Foundation7ProcessC
leak:17PhoneyTestSupport10MotoServerC5start
# FoundationEssentials' readBytesFromFile leaks its 4 KB buffer when a file reads back empty (a procfs `children`
# file of a thread with no child: 8 blocks for each of the emulator test's VmHWM probes).
leak:readBytesFromFile
EOF
            ;;
        tsan) echo "# ThreadSanitizer: none." >"$2" ;;
    esac
}

summary=()
status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) short=asan ;;
        thread) short=tsan ;;
    esac
    scratch=".build-$short"
    reports="$PWD/$scratch/sanitizer-reports"
    logs="$scratch/sanitize-logs"
    mkdir -p "$logs"
    rm -rf "$reports"
    mkdir -p "$reports"
    suppressions="$PWD/$scratch/$short.supp"
    write_suppressions "$short" "$suppressions"
    if [[ "$sanitizer" == address ]]; then write_suppressions lsan "$PWD/$scratch/lsan.supp"; fi
    flags=(--sanitize="$sanitizer" --scratch-path "$scratch" --disable-default-traits)

    if [[ "$build" == 1 ]]; then
        echo "== $sanitizer: build ($scratch, log $logs/build.log)"
        started=$(date +%s)
        if ! nice -n "$nice_level" swift build --build-tests "${flags[@]}" >"$logs/build.log" 2>&1; then
            tail -n 40 "$logs/build.log" >&2
            echo "sanitize: the $sanitizer build failed" >&2
            exit 1
        fi
        echo "$sanitizer: built in $(($(date +%s) - started)) s"
    fi

    # log_path: every process (the test runner, the bootstrap the emulator starts) writes its reports to a file of
    # its own, so a report from a child whose output a test throws away is still found. exitcode: a process with a
    # report exits non-zero even when its test passed.
    common="log_path=$reports/$short:log_exe_name=1:exitcode=66:suppressions=$suppressions:print_suppressions=0"
    common+=":handle_abort=1:symbolize=1"
    case "$sanitizer" in
        address)
            # ASan cannot continue after an error in Swift code (no -fsanitize-recover), so it stops at the first;
            # LeakSanitizer checks each process as it exits.
            sanitizer_env=(
                "ASAN_OPTIONS=$common:halt_on_error=1:abort_on_error=0:detect_leaks=1"
                "LSAN_OPTIONS=suppressions=$PWD/$scratch/lsan.supp:print_suppressions=0"
            )
            ;;
        thread)
            # Races are reported and the run goes on, so one night's log holds every race, not just the first;
            # a bigger history keeps the other thread's stack of an older access.
            sanitizer_env=("TSAN_OPTIONS=$common:halt_on_error=0:history_size=4:second_deadlock_stack=1")
            ;;
    esac

    echo "== $sanitizer: test (log $logs/test.log)"
    started=$(date +%s)
    test_status=0
    # PHONEY_BOOTSTRAP: the emulator tests run the instrumented bootstrap; PHONEY_SANITIZER: tests that measure memory
    # skip what a sanitizer's own bookkeeping makes meaningless.
    sanitizer_env+=(PHONEY_SANITIZER="$sanitizer" PHONEY_RIE="$rie" PHONEY_BOOTSTRAP="$PWD/$scratch/debug/bootstrap")
    env "${sanitizer_env[@]}" \
        timeout --signal=INT --kill-after=60 "$((timeout_minutes * 60))" \
        nice -n "$nice_level" swift test --skip-build --disable-xctest "$parallel" "${flags[@]}" \
        ${test_args[@]+"${test_args[@]}"} \
        >"$logs/test.log" 2>&1 || test_status=$?
    elapsed=$(($(date +%s) - started))
    [[ "$test_status" == 124 ]] && echo "sanitize: $sanitizer tests timed out after $timeout_minutes minutes" >&2

    # Swift Testing's lines: "✔ Test name() passed after …", "✘ Test name() failed after …" (the run line says
    # "Test run with N tests", which these patterns skip).
    passed=$(grep -cE '^. Test [^r].* passed after ' "$logs/test.log" || true)
    failed=$(grep -cE '^. Test [^r].* failed after ' "$logs/test.log" || true)
    pattern='ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer|runtime error:'
    found=$(cat "$logs/test.log" "$reports"/* 2>/dev/null | grep -cE "$pattern" || true)
    if [[ "$found" -gt 0 || -n "$(ls -A "$reports")" ]]; then
        echo "-- $sanitizer reports (full text in $reports/ and $logs/test.log):"
        for file in "$reports"/*; do
            [[ -f "$file" ]] || continue
            echo "--- $file"
            cat "$file"
        done
        grep -nE "$pattern" "$logs/test.log" || true
    fi
    if [[ "$test_status" != 0 ]]; then
        grep -E '^. (Test|Suite) .*(failed|issue)' "$logs/test.log" | head -n 40 || true
        tail -n 20 "$logs/test.log"
    fi
    # Swift Testing's own closing line (its count includes each parameterised test's cases differently).
    grep -E '^. Test run with ' "$logs/test.log" || true
    line="$sanitizer: $passed tests passed, $failed failed, $found sanitizer reports"
    line+=" (tests exit $test_status, ${elapsed} s)"
    echo "$line"
    summary+=("$line")
    # A filter that matches nothing, or a runner that died before its first result, is not a pass.
    if [[ "$test_status" != 0 || "$failed" -gt 0 || "$found" -gt 0 || "$passed" -eq 0 ]]; then
        status=1
    fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$status"
