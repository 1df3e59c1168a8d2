#!/usr/bin/env bash
# Runs every benchmark suite once and rewrites the `## Latest run` section of Benchmarks/README.md with the date,
# the CPU model, the load average before and after, and every figure with the command that made it. The rest of
# that file is left as it is.
#
#   scripts/bench-report.sh            # full: the bench, HTTP (10 s per wrk run, 10 M-record stream), Lambda
#                                      # (10 fresh starts, 200 warm invokes), the callgrind gate
#   scripts/bench-report.sh --quick    # the bench's --quick, 3 s wrk runs, a 1 M-record stream, 3 starts and 50
#                                      # invokes: a few minutes
#   scripts/bench-report.sh --skip-http --skip-lambda --skip-gate
#
# BENCH_SCRATCH_PATH builds the bench in another folder. Wall-clock figures depend on the machine and its
# neighbours: compare them only within one run, as ratios (the bench reports each against the hand-specialised
# person generator measured in the same run). The gated figures are the callgrind counts (scripts/bench-gate.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
run_http=true
run_lambda=true
run_gate=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=true ;;
        --skip-http) run_http=false ;;
        --skip-lambda) run_lambda=false ;;
        --skip-gate) run_gate=false ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-report: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done

scratch=()
if [[ -n "${BENCH_SCRATCH_PATH:-}" ]]; then
    scratch=(--scratch-path "$BENCH_SCRATCH_PATH")
fi
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
started=$(date +%s)
load_before=$(load)
echo "== load average before: $load_before"

# Every product from the same sources and the same manifest (the bench target exists only with PHONEY_BENCHMARKS
# set; switching it between builds recompiles the modules above PhoneyCore): bench, gates, phoney, bootstrap.
echo "== release build (PHONEY_BENCHMARKS=1)"
export PHONEY_BENCHMARKS=1
swift build -c release "${scratch[@]}" >&2
bin=$(swift build -c release "${scratch[@]}" --show-bin-path)
export GATES_BIN="$bin/gates" PHONEY_BIN="$bin/phoney"

# Each suite: the command as a reader would type it (for the README), its output, its exit status.
: >"$workdir/suites.tsv"
run_suite() {
    local key=$1 shown=$2
    shift 2
    echo "== $shown"
    local begin status=0
    begin=$(date +%s)
    "$@" >"$workdir/$key.txt" 2>"$workdir/$key.err" || status=$?
    cat "$workdir/$key.txt"
    if [[ $status -ne 0 ]]; then
        echo "($shown exited with $status)" >&2
        tail -n 20 "$workdir/$key.err" >&2
    fi
    printf '%s\t%s\t%s\t%s\n' "$key" "$shown" "$status" $(($(date +%s) - begin)) >>"$workdir/suites.tsv"
}

if $quick; then
    run_suite bench "PHONEY_BENCHMARKS=1 swift run -c release bench --quick --json bench.json" \
        "$bin/bench" --quick --json "$workdir/bench.json"
else
    run_suite bench "PHONEY_BENCHMARKS=1 swift run -c release bench --json bench.json" \
        "$bin/bench" --json "$workdir/bench.json"
fi
if $run_http; then
    if $quick; then
        run_suite http "DURATION=3s STREAM_COUNT=1000000 scripts/http-bench.sh" \
            env DURATION=3s STREAM_COUNT=1000000 scripts/http-bench.sh
    else
        run_suite http "scripts/http-bench.sh" scripts/http-bench.sh
    fi
fi
if $run_lambda; then
    if $quick; then
        run_suite lambda "scripts/lambda-bench.sh --starts 3 --invokes 50" scripts/lambda-bench.sh --starts 3 --invokes 50
    else
        run_suite lambda "scripts/lambda-bench.sh" scripts/lambda-bench.sh
    fi
fi
if $run_gate; then
    run_suite gate "scripts/bench-gate.sh" scripts/bench-gate.sh
fi
load_after=$(load)
echo "== load average after: $load_after"

REPORT_DIR="$workdir" REPORT_QUICK="$quick" REPORT_LOAD_BEFORE="$load_before" REPORT_LOAD_AFTER="$load_after" \
    REPORT_SECONDS=$(($(date +%s) - started)) REPORT_CPU="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)" \
    REPORT_CORES="$(nproc)" REPORT_KERNEL="$(uname -sr)" REPORT_TOOLCHAIN="$(swift --version 2>/dev/null | head -n 1)" \
    REPORT_COMMIT="$(git rev-parse --short HEAD)$([[ -n "$(git status --porcelain -- Sources Package.swift)" ]] && echo '+uncommitted')" \
    python3 - <<'PY'
import datetime
import json
import os
import re

work = os.environ["REPORT_DIR"]
quick = os.environ["REPORT_QUICK"] == "true"
suites = {}
for line in open(os.path.join(work, "suites.tsv"), encoding="utf-8"):
    key, command, status, seconds = line.rstrip("\n").split("\t")
    suites[key] = (command, int(status), int(seconds))


def number(value, decimals=0):
    return f"{value:,.{decimals}f}"


def output(key):
    path = os.path.join(work, f"{key}.txt")
    return open(path, encoding="utf-8").read().rstrip() if os.path.exists(path) else ""


def ran(key):
    command, status, seconds = suites[key]
    text = f"`{command}` ({seconds} s"
    return text + (")" if status == 0 else f", **exited with {status}**)")


out = []
add = out.append
add("## Latest run")
add("")
add(f"Written by `scripts/bench-report.sh{' --quick' if quick else ''}` "
    f"({'quick mode: short runs' if quick else 'full runs'}); every figure below comes from this one run.")
add("")
add(f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
add(f"- Host: {os.environ['REPORT_CPU']}, {os.environ['REPORT_CORES']} cores (shared), "
    f"{os.environ['REPORT_KERNEL']}; {os.environ['REPORT_TOOLCHAIN']}; commit {os.environ['REPORT_COMMIT']}")
add(f"- Load average (1, 5, 15 min): before {os.environ['REPORT_LOAD_BEFORE']}, after {os.environ['REPORT_LOAD_AFTER']}; "
    f"the whole report took {os.environ['REPORT_SECONDS']} s")
add("")

bench_path = os.path.join(work, "bench.json")
if "bench" in suites and os.path.exists(bench_path):
    bench = json.load(open(bench_path, encoding="utf-8"))
    ref = bench.get("reference")
    add("### Engine and in-process API")
    add("")
    add(f"{ran('bench')}: {number(bench['recordsPerRenderRun'])} records per render run to NDJSON, seed "
        f"{bench['seed']}; medians of the runs; allocator {bench['machine']['allocator']}; bench's own load "
        f"average before {bench['machine']['loadAverageBefore']}, after {bench['machine']['loadAverageAfter']}.")
    if ref:
        add(f"Wall-clock figures are read against the **reference**, the hand-specialised `person` generator measured "
            f"in the same run: {number(ref['recordsPerSecond'])} records/s, {ref['medianNanosecondsPerRecord']:.1f} "
            f"ns/record (best {ref['bestNanosecondsPerRecord']:.1f}); its output is {ref['check']}. "
            "**x ref** is a benchmark's records/s as a multiple of the reference's; **ref records** is the time of "
            "one unit in reference records.")
    add("")
    rows = bench["benchmarks"]

    def mallocs(entry, decimals):
        value = entry.get("mallocsPerUnit")
        return "-" if value is None else f"{value:.{decimals}f}"

    renders = [e for e in rows if e["unit"] == "record"]
    if renders:
        add("| render | runs | records/s | x ref | x ref, best runs | ns/record | best ns/record | MB/s | mallocs/record |")
        add("|---|--:|--:|--:|--:|--:|--:|--:|--:|")

        def times(value):
            return "-" if value is None else f"{value:.2f}"

        for e in renders:
            add(f"| {e['name']} | {e['runs']} | {number(e['unitsPerSecond'])} | "
                f"{times(e.get('throughputVersusReference'))} | {times(e.get('bestThroughputVersusReference'))} | "
                f"{e['medianNanosecondsPerUnit']:.1f} | "
                f"{e['bestNanosecondsPerUnit']:.1f} | {e['megabytesPerSecond']:.1f} | {mallocs(e, 5)} |")
        add("")
    others = [e for e in rows if e["unit"] != "record"]
    if others:
        add("| operation | unit | runs | per second | µs each | best µs | ref records | mallocs each |")
        add("|---|---|--:|--:|--:|--:|--:|--:|")
        for e in others:
            cost = e.get("costInReferenceRecords")
            add(f"| {e['name']} | {e['unit']} | {e['runs']} | {number(e['unitsPerSecond'])} | "
                f"{e['medianNanosecondsPerUnit'] / 1e3:.3f} | {e['bestNanosecondsPerUnit'] / 1e3:.3f} | "
                f"{'-' if cost is None else f'{cost:.1f}'} | {mallocs(e, 2)} |")
        add("")
    if bench["ratios"]:
        add("Ratios of records per second (best runs; medians in parentheses):")
        add("")
        for r in bench["ratios"]:
            add(f"- {r['fixture']}: {r['comparison']}: {r['best']:.2f}x ({r['median']:.2f}x)")
        add("")
    generators = bench.get("generators") or []
    if generators:
        slow = [g for g in generators if g["nanosecondsPerValue"] > 1000]
        add(f"Generators: {len(generators)} one-field templates (en_US); ns per value with the record frame "
            f"subtracted; {len(slow)} above 1 µs ({', '.join(g['name'] for g in slow) or 'none'}).")
        add("")
        add("<details><summary>ns per value of every generator, slowest first</summary>")
        add("")
        add("| generator | provider | samples | ns/value | best ns/value | ns/record |")
        add("|---|---|--:|--:|--:|--:|")
        for g in generators:
            name = g["name"] + (f" ({g['arguments']})" if g["arguments"] else "")
            add(f"| `{name}` | {g['provider']} | {g['samples']} | {g['nanosecondsPerValue']:.1f} | "
                f"{g['bestNanosecondsPerValue']:.1f} | {g['nanosecondsPerRecord']:.1f} |")
        add("")
        add("</details>")
        add("")
    for text in bench.get("skipped", []) + bench.get("failed", []):
        add(f"- not measured: {text}")
elif "bench" in suites:
    add(f"### Engine and in-process API\n\n{ran('bench')}: no figures (see its output).\n")

titles = {
    "http": "HTTP server on loopback (wrk; curl for the stream)",
    "lambda": "Lambda bootstrap under the Runtime Interface Emulator",
    "gate": "Gated counts (callgrind; deterministic, the figures the test command gates on)",
}
for key in ("http", "lambda", "gate"):
    if key not in suites:
        continue
    add(f"### {titles[key]}")
    add("")
    add(f"{ran(key)}:")
    add("")
    add("```")
    text = output(key)
    # The emulator's paths and the per-run noise of installers are not figures.
    lines = [line for line in text.splitlines() if not re.match(r"^(== installing|Reading package|Selecting)", line)]
    add("\n".join(lines) if lines else "(no output)")
    add("```")
    add("")

section = "\n".join(out).rstrip() + "\n\n"
path = "Benchmarks/README.md"
readme = open(path, encoding="utf-8").read()
match = re.search(r"^## Latest run\n.*?(?=^## )", readme, flags=re.S | re.M)
if not match:
    raise SystemExit(f"bench-report: no '## Latest run' section followed by another section in {path}")
open(path, "w", encoding="utf-8").write(readme[: match.start()] + section + readme[match.end():])
print(f"rewrote the Latest run section of {path}")
PY
