#!/usr/bin/env bash
# The performance gate: instructions and malloc calls per iteration of each workload of `gates`
# (Benchmarks/gates), counted by callgrind, against the baselines committed in Benchmarks/Thresholds/.
#
#   scripts/bench-gate.sh              # check; exits 1 when a workload is more than 3 % worse than its baseline
#   scripts/bench-gate.sh --record     # re-baseline every workload (commit the thresholds alone, saying why)
#   scripts/bench-gate.sh --only REGEX # only the workloads whose names match
#
# GATES_BIN (default .build/release/gates, which `swift build -c release` makes) names the binary.
#
# Why these figures: this machine has no hardware instruction counter (`perf stat -e instructions true` says
# "<not supported>"), and wall time moves by tens of per cent with the neighbours' load. Callgrind counts the same
# instructions run after run, whatever else the machine does, so a 3 % threshold means something.
#
# How a workload is isolated: `gates WORKLOAD K` runs the process start-up, the workload's set-up (compiling the
# plan, building the router or the Lambda app), two warm-up iterations, then K iterations. Each workload runs
# twice under callgrind, at K = N and K = 2N; everything but N iterations is the same in both runs, so the
# difference of the totals divided by N is one iteration's cost. This needs no client requests in the binary (a
# C shim and its target) and no --toggle-collect on a function name (async functions are split into many
# partial functions, so no single symbol spans an iteration), and it counts every thread the iteration wakes.
# Mallocs are callgrind's call counts of malloc, calloc, realloc, posix_memalign, aligned_alloc and memalign,
# differenced the same way. SWIFT_DETERMINISTIC_HASHING=1 keeps dictionary layouts, hence counts, the same.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly allowed_percent=3
readonly thresholds=Benchmarks/Thresholds
bin=${GATES_BIN:-.build/release/gates}
record=false
only=""

while [[ $# -gt 0 ]]; do
    case "$1" in
        --record) record=true ;;
        --only) only=${2:?--only needs a regular expression}; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-gate: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done

# N per workload. Two runs of the same binary differ by up to about 10,000 instructions outside the iterations
# (thread hand-offs in the concurrency runtime, clock readings formatted as text), so N iterations must cost
# enough for that to stay far below the 3 % (here under 0.1 % of each workload); and few enough that the whole
# gate stays near a minute on two cores.
iterations_for() {
    case "$1" in
        render-*) echo 10 ;;
        compile-*) echo 50 ;;
        cache-hit-*) echo 5000 ;;
        api-template-count-1) echo 100 ;;
        api-template-count-100) echo 20 ;;
        lambda-*) echo 20 ;;
        *) echo 20 ;;
    esac
}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "== installing valgrind" >&2
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get install -y -qq valgrind >&2 || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq valgrind >&2; }
fi
if [[ ! -x "$bin" ]]; then
    echo "bench-gate: $bin is missing; build it with \`swift build -c release\` (or set GATES_BIN)" >&2
    exit 2
fi

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
started=$(date +%s)
# Valgrind 3.19 (Debian 12) gives up on the DWARF 5 debug info the toolchain writes ("Possibly corrupted
# debuginfo file"), so callgrind runs a copy without it: the same code, function names from the symbol table.
strip --strip-debug -o "$workdir/gates" "$bin"
bin="$workdir/gates"

"$bin" --list >"$workdir/list.tsv"
mapfile -t workloads < <(cut -f1 "$workdir/list.tsv")
if [[ -n "$only" ]]; then
    mapfile -t workloads < <(printf '%s\n' "${workloads[@]}" | grep -E -x -- "$only" || true)
fi
if [[ ${#workloads[@]} -eq 0 ]]; then
    echo "bench-gate: no workload matches '$only'" >&2
    exit 2
fi

# One callgrind run; its output file is $workdir/WORKLOAD.K.out, its program output $workdir/WORKLOAD.K.log.
measure() {
    local workload=$1 count=$2
    if ! SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$workdir/$workload.$count.out" \
        "$bin" "$workload" "$count" >"$workdir/$workload.$count.log" 2>&1; then
        echo "bench-gate: $workload with $count iterations failed under callgrind:" >&2
        tail -n 20 "$workdir/$workload.$count.log" >&2
        return 1
    fi
}

# Two callgrind runs at a time (one per core); each prints nothing unless it fails.
jobs_running=0
failed=0
for workload in "${workloads[@]}"; do
    n=$(iterations_for "$workload")
    for count in "$n" $((2 * n)); do
        if [[ $jobs_running -ge 2 ]]; then
            wait -n || failed=1
            jobs_running=$((jobs_running - 1))
        fi
        measure "$workload" "$count" &
        jobs_running=$((jobs_running + 1))
    done
done
while [[ $jobs_running -gt 0 ]]; do
    wait -n || failed=1
    jobs_running=$((jobs_running - 1))
done
if [[ $failed -ne 0 ]]; then
    exit 1
fi

for workload in "${workloads[@]}"; do
    printf '%s %s\n' "$workload" "$(iterations_for "$workload")"
done >"$workdir/plan.txt"

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
toolchain=$(swift --version 2>/dev/null | head -n 1 || echo unknown)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain -- Sources Benchmarks/gates Package.swift Package.resolved 2>/dev/null)" ]]; then
    commit="$commit+uncommitted"
fi

GATE_DIR="$workdir" GATE_THRESHOLDS="$thresholds" GATE_RECORD="$record" GATE_ALLOWED="$allowed_percent" \
    GATE_CPU="$cpu" GATE_TOOLCHAIN="$toolchain" GATE_VALGRIND="$(valgrind --version)" GATE_COMMIT="$commit" \
    GATE_KERNEL="$(uname -sr)" GATE_SECONDS=$(($(date +%s) - started)) python3 - <<'PY'
import datetime
import json
import os
import re
import sys

work = os.environ["GATE_DIR"]
folder = os.environ["GATE_THRESHOLDS"]
record = os.environ["GATE_RECORD"] == "true"
allowed = float(os.environ["GATE_ALLOWED"])
machine = {
    "cpu": os.environ["GATE_CPU"],
    "kernel": os.environ["GATE_KERNEL"],
    "toolchain": os.environ["GATE_TOOLCHAIN"],
    "valgrind": os.environ["GATE_VALGRIND"],
}
ALLOCATORS = {"malloc", "calloc", "realloc", "posix_memalign", "aligned_alloc", "memalign"}


def counts(path):
    """Total instructions (Ir) and calls into the allocator's entry points of one callgrind output file."""
    names = {}
    total = None
    mallocs = 0
    callee = None
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            # Function names are compressed to "(id) name" on first use and "(id)" after (their own id space).
            if line.startswith(("fn=", "cfn=")):
                key, _, value = line.rstrip("\n").partition("=")
                match = re.match(r"\((\d+)\)(?: (.*))?$", value)
                name = value
                if match:
                    if match.group(2) is not None:
                        names[match.group(1)] = match.group(2)
                    name = names.get(match.group(1), "")
                if key == "cfn":
                    callee = re.sub(r"'\d+$", "", name)
            elif line.startswith("calls="):
                if callee in ALLOCATORS:
                    mallocs += int(line[6:].split()[0])
                callee = None
            elif line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
    if total is None:
        sys.exit(f"bench-gate: no totals in {path}")
    return total, mallocs


plan = [line.split() for line in open(os.path.join(work, "plan.txt"), encoding="utf-8")]
summaries = dict(line.rstrip("\n").split("\t", 1) for line in open(os.path.join(work, "list.tsv"), encoding="utf-8"))
results = []
for workload, text in plan:
    n = int(text)
    small = counts(os.path.join(work, f"{workload}.{n}.out"))
    large = counts(os.path.join(work, f"{workload}.{2 * n}.out"))
    instructions = round((large[0] - small[0]) / n)
    mallocs = round((large[1] - small[1]) / n, 2) + 0.0  # no "-0"
    results.append((workload, n, instructions, mallocs, small[0], summaries[workload]))


def grouped(value):
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def change(now, base):
    if base == 0:
        return "0.0 %" if now == 0 else "new"
    return f"{(now - base) * 100 / base:+.1f} %"


def worse(now, base):
    return now > base * (1 + allowed / 100)


def better(now, base):
    return now < base * (1 - allowed / 100)


if record:
    os.makedirs(folder, exist_ok=True)
    today = datetime.date.today().isoformat()
    for workload, n, instructions, mallocs, startup, summary in results:
        document = {
            "workload": workload,
            "what": summary,
            "instructionsPerIteration": instructions,
            "mallocsPerIteration": mallocs,
            "allowedRegressionPercent": allowed,
            "recorded": dict(machine, date=today, commit=os.environ["GATE_COMMIT"], iterations=[n, 2 * n]),
        }
        with open(os.path.join(folder, f"{workload}.json"), "w", encoding="utf-8") as out:
            json.dump(document, out, indent=2)
            out.write("\n")
        print(f"recorded {workload}: {grouped(instructions)} instructions, {grouped(mallocs)} mallocs per iteration")
    print(f"\nwrote {len(results)} files to {folder}/ in {os.environ['GATE_SECONDS']} s. Commit them on their own, "
          "with the reason for the new baseline in the message.")
    sys.exit(0)

rows = []
failures = []
improvements = []
missing = []
foreign = set()
for workload, n, instructions, mallocs, startup, summary in results:
    path = os.path.join(folder, f"{workload}.json")
    if not os.path.exists(path):
        missing.append(workload)
        rows.append([workload, grouped(instructions), "-", "-", grouped(mallocs), "-", "-", "NO BASELINE"])
        continue
    base = json.load(open(path, encoding="utf-8"))
    base_instructions = base["instructionsPerIteration"]
    base_mallocs = base["mallocsPerIteration"]
    limit = float(base.get("allowedRegressionPercent", allowed))
    recorded = base.get("recorded", {})
    for key in ("cpu", "toolchain", "valgrind"):
        if recorded.get(key) != machine[key]:
            foreign.add(f"{key}: baseline {recorded.get(key)!r}, here {machine[key]!r}")
    verdicts = []
    if instructions > base_instructions * (1 + limit / 100):
        verdicts.append("instructions")
    if mallocs > base_mallocs * (1 + limit / 100):
        verdicts.append("mallocs")
    if verdicts:
        failures.append(workload)
        verdict = "WORSE (" + ", ".join(verdicts) + ")"
    elif better(instructions, base_instructions) or (base_mallocs > 0 and better(mallocs, base_mallocs)):
        improvements.append(workload)
        verdict = "better: re-baseline"
    else:
        verdict = "ok"
    rows.append([
        workload, grouped(instructions), grouped(base_instructions), change(instructions, base_instructions),
        grouped(mallocs), grouped(base_mallocs), change(mallocs, base_mallocs), verdict,
    ])

header = ["workload", "instructions/iter", "baseline", "change", "mallocs/iter", "baseline", "change", "verdict"]
widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
for index, row in enumerate([header] + rows):
    cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row) if i > 0]
    print("  ".join(cells[:-1]) + "  " + row[-1])
    if index == 0:
        print("  ".join("-" * width for width in widths))
print(f"\n(callgrind, per iteration = (run of 2N - run of N) / N; allowed regression {allowed:g} %; "
      f"{os.environ['GATE_SECONDS']} s)")
for line in sorted(foreign):
    print(f"note: the baselines come from another setup ({line}); counts can differ for that reason alone")
if improvements:
    print(f"\nbetter than the baseline by more than {allowed:g} %: {', '.join(improvements)}. Re-baseline "
          "(scripts/bench-gate.sh --record, a commit of its own saying why) so the gate keeps the gain.")
if missing:
    print(f"\nFAILED: no baseline for {', '.join(missing)} in {folder}/: record one with scripts/bench-gate.sh --record.")
if failures:
    print(f"\nFAILED: {', '.join(failures)} more than {allowed:g} % worse than the baseline in {folder}/. Find the "
          "cause (valgrind --tool=callgrind .build/release/gates WORKLOAD N, then callgrind_annotate); if the cost "
          "is intended, re-baseline with scripts/bench-gate.sh --record in a commit of its own that says why.")
if failures or missing:
    sys.exit(1)
print("\ngate passed")
PY
