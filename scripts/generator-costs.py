#!/usr/bin/env python3
"""Every generator's cost per output byte, at its defaults and at the smallest and largest value of each integer
parameter, counted by callgrind; fails when a generator's largest parameters cost more than a few times its
default per byte (a generator whose time grows faster than its output: a quadratic loop, a recount from the start).

Usage: scripts/generator-costs.py [--gates PATH] [--only GENERATOR] [--report FILE] [--max-ratio R]

- Counts come from one callgrind run of `gates generator-costs` (Benchmarks/gates/GeneratorCosts.swift): each
  measured render lies between `phoney_gate_begin` (callgrind zeroes its counters there) and `phoney_gate_end`
  (callgrind dumps them there), so dump i holds exactly configuration i's instructions. Instruction counts do not
  move with this shared machine's load, so the check is the same run after run.
- `--report FILE` also runs `gates generator-costs --time` natively and writes a Markdown table with instructions
  per byte, the ratio to the default and the wall-clock ns per byte (best of three, a report, never checked).
- The check: for every `largest …` configuration, instructions per byte <= R x the default's (R = 4). Smaller
  values cost more per byte (each value has a fixed part), so only the largest are checked.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_callgrind(gates, only):
    workdir = tempfile.mkdtemp(prefix="generator-costs.")
    try:
        out = os.path.join(workdir, "cg.out")
        # Valgrind 3.19 gives up on the toolchain's DWARF 5 debug info: run a copy without it (as bench-gate.sh does).
        stripped = os.path.join(workdir, "gates")
        subprocess.run(["strip", "--strip-debug", "-o", stripped, gates], check=True)
        command = ["valgrind", "--tool=callgrind", "--zero-before=*phoney_gate_begin*",
                   "--dump-before=*phoney_gate_end*", f"--callgrind-out-file={out}", stripped, "generator-costs"]
        if only:
            command += ["--only", only]
        env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            sys.stderr.write(result.stderr[-4000:])
            sys.exit(f"generator-costs: gates failed under callgrind (exit {result.returncode})")
        rows = parse_rows(result.stdout)
        dumps = {}
        for path in glob.glob(out + ".*"):
            suffix = path.rsplit(".", 1)[1]
            if suffix.isdigit():
                dumps[int(suffix)] = instructions(path)
        if len(dumps) < len(rows):
            sys.exit(f"generator-costs: {len(rows)} configurations but {len(dumps)} callgrind dumps")
        for index, row in enumerate(rows, start=1):
            row["instructions"] = dumps[index]
        return rows
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def instructions(path):
    with open(path) as handle:
        for line in handle:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    sys.exit(f"generator-costs: no totals in {path}")


def parse_rows(text):
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        label, generator, arguments, values, size, ns = line.split("\t")
        rows.append({"label": label, "generator": generator, "arguments": arguments, "values": int(values),
                     "bytes": int(size), "ns": ns})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gates", default=os.environ.get("GATES_BIN", os.path.join(ROOT, ".build/release/gates")))
    parser.add_argument("--only")
    parser.add_argument("--report")
    parser.add_argument("--max-ratio", type=float, default=4.0)
    options = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("generator-costs: valgrind is not installed (scripts/setup.sh installs it)")
    rows = run_callgrind(options.gates, options.only)
    defaults = {}
    for row in rows:
        row["per_byte"] = row["instructions"] / max(row["bytes"], 1)
        if row["label"] == "default":
            defaults[row["generator"]] = row["per_byte"]
    failures = []
    for row in rows:
        base = defaults.get(row["generator"])
        row["ratio"] = row["per_byte"] / base if base else None
        if row["label"].startswith("largest") and row["ratio"] is not None and row["ratio"] > options.max_ratio:
            failures.append(row)
    if options.report:
        timed = subprocess.run([options.gates, "generator-costs", "--time"] +
                               (["--only", options.only] if options.only else []),
                               capture_output=True, text=True, check=True)
        ns = {(r["generator"], r["label"]): r["ns"] for r in parse_rows(timed.stdout)}
        write_report(options.report, rows, ns, options.max_ratio)
    generators = len({row["generator"] for row in rows})
    largest = [row for row in rows if row["label"].startswith("largest") and row["ratio"] is not None]
    worst = max(largest, key=lambda row: row["ratio"], default=None)
    print(f"generator-costs: {len(rows)} configurations of {generators} generators; "
          f"{len(largest)} largest-parameter configurations checked against {options.max_ratio:g}x the default")
    if worst:
        print(f"generator-costs: worst ratio {worst['ratio']:.2f}x ({worst['generator']} {worst['arguments']}, "
              f"{worst['per_byte']:.1f} instructions per byte)")
    for row in failures:
        print(f"generator-costs: FAIL {row['generator']} {row['arguments']}: {row['per_byte']:.1f} instructions "
              f"per byte, {row['ratio']:.1f}x its default ({defaults[row['generator']]:.1f})", file=sys.stderr)
    sys.exit(1 if failures else 0)


def write_report(path, rows, ns, max_ratio):
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"] * 3
    lines = [
        "# Cost per output byte of every generator",
        "",
        "Written by `scripts/generator-costs.py --report Benchmarks/generator-costs.md` from one run: instructions",
        "counted by callgrind (the same run after run), ns per byte on the wall clock (best of three renders; load",
        f"average {' '.join(load)}; a report, never checked). Each configuration renders `{{\"v\": \"{{{{name:args}}}}\"}}`",
        "(NDJSON, en_US, seed 42) until about 256 KiB are written; *ratio* is instructions per byte against the",
        f"generator's default. The test command fails when a `largest` configuration is over {max_ratio:g}x.",
        "",
        "| generator | configuration | arguments | bytes | instructions/byte | ratio | ns/byte |",
        "|---|---|---|--:|--:|--:|--:|",
    ]
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
        lines.append(f"| `{row['generator']}` | {row['label']} | `{row['arguments']}` | {row['bytes']} | "
                     f"{row['per_byte']:.1f} | {ratio} | {ns.get((row['generator'], row['label']), '-')} |")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
