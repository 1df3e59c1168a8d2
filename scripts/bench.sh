#!/usr/bin/env bash
# Runs the benchmarks and prints three tables: glibc's malloc with malloc counts (`swift run -c release bench`),
# then the same binary timed without the malloc counter, with glibc's malloc and with jemalloc preloaded.
#
#   scripts/bench.sh [--quick] [--filter REGEX] [--skip REGEX] [--json FILE]
#
# The bench target exists only with PHONEY_BENCHMARKS set (Package.swift), which this script sets. --json FILE is
# written by the first run (glibc, malloc counts) only.
#
# BENCH_SCRATCH_PATH=.build-bench builds in another folder (useful while other builds hold .build).
#
# Malloc counts come from the first run only. The bench counts mallocs with the benchmark package's interposer
# (the MallocInterposer trait), libMallocInterposerSwift.so, which the bench links: it defines malloc and free and
# forwards to the next definition in the lookup order. It does not combine with a preloaded jemalloc:
# - jemalloc alone comes ahead of the interposer, which then never sees a call: every count would read 0;
# - the interposer first, then jemalloc, counts, but crashes in multi-threaded runs (SIGSEGV in replacement_free).
#   Swift's UnsafeMutablePointer.allocate goes through posix_memalign (swift_slowAlloc with the default alignment),
#   which the interposer passes on without its size header; on free it reads the 4 bytes before the pointer to
#   tell its blocks from others, and a large jemalloc block can be page-aligned right after an unmapped page.
#   (glibc always has its chunk header there, so the glibc run is safe.)
# So the jemalloc run preloads jemalloc alone and measures time; its table prints "-" for malloc counts, and its
# "allocator:" line names what was actually in use. Counting costs time on every malloc, so for a fair comparison
# the glibc timing run bypasses the interposer the same way, by preloading libc itself.
set -euo pipefail

cd "$(dirname "$0")/.."
export PHONEY_BENCHMARKS=1

scratch=()
if [[ -n "${BENCH_SCRATCH_PATH:-}" ]]; then
    scratch=(--scratch-path "$BENCH_SCRATCH_PATH")
fi

jemalloc=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
if [[ ! -e "$jemalloc" ]]; then
    echo "installing libjemalloc-dev for the jemalloc run" >&2
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get install -y libjemalloc-dev >&2
fi

echo "== glibc malloc =="
swift run -c release "${scratch[@]}" bench "$@"

bin=$(swift build -c release "${scratch[@]}" --show-bin-path)
# The timing runs take the same selection without --json, which the first run wrote.
timing=()
while [[ $# -gt 0 ]]; do
    if [[ "$1" == --json ]]; then
        shift 2
        continue
    fi
    timing+=("$1")
    shift
done
libc=$(ldd "$bin/bench" | awk '$1 == "libc.so.6" { print $3 }')

echo
echo "== glibc malloc, not counted (LD_PRELOAD=$libc) =="
LD_PRELOAD="$libc" "$bin/bench" "${timing[@]}"

echo
echo "== jemalloc, not counted (LD_PRELOAD=$jemalloc) =="
LD_PRELOAD="$jemalloc" "$bin/bench" "${timing[@]}"
