#!/usr/bin/env python3
"""Regenerates deploy/lambda/text-order.txt: the functions the Lambda `bootstrap` runs in init and in requests.

scripts/package-lambda.sh lays these functions out together at the start of .text (static route). Scattered over the
32 MB of .text, the 1.4 MB of code that init and a request run made 15-32 MB of the executable resident, because the
kernel maps a whole page-cache folio, or a 64 kB fault-around window, around every page that is touched.

How: the unstripped static bootstrap (debug info stripped, valgrind 3.19 cannot read DWARF 5) runs under callgrind as
the runtime of the AWS Lambda Runtime Interface Emulator; it is invoked with the benchmark's event (scripts/
lambda-bench.py) and then once with every API Gateway event in Tests/PhoneyLambdaTests/Events/v1 and v2; callgrind
dumps its profile and every function that ran is written out, one symbol a line. Needs valgrind (apt: valgrind).

    scripts/lambda-text-order.py [--unstripped .build-lambda/lambda-x86_64/bootstrap.unstripped] [--invokes 10]
    scripts/lambda-text-order.py --check [--max-missing 0.02]

--check profiles the same way but writes nothing: it fails when more than --max-missing (2 %) of the functions that
ran are not in the committed list, which then needs regenerating. Two profiles of one binary differ by a function or
two in 3,700; a list made before one engine change (the plan cache's lock) missed 291 (7.8 %). The test command runs
the check on the packaged bootstrap.
"""
import argparse
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unstripped", default=os.path.join(ROOT, ".build-lambda/lambda-x86_64/bootstrap.unstripped"))
    parser.add_argument("--rie", default=os.environ.get("PHONEY_RIE", os.path.join(ROOT, ".build-tools/aws-lambda-rie-x86_64")))
    parser.add_argument("--invokes", type=int, default=10)
    parser.add_argument("--output", default=os.path.join(ROOT, "deploy/lambda/text-order.txt"))
    parser.add_argument("--check", action="store_true",
                        help="compare the profile with the list at --output instead of writing it")
    parser.add_argument("--max-missing", type=float, default=0.02)
    args = parser.parse_args()

    spec = importlib.util.spec_from_file_location("lambda_bench", os.path.join(ROOT, "scripts/lambda-bench.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    work = tempfile.mkdtemp(prefix="phoney-text-order-")
    binary = os.path.join(work, "bootstrap")
    subprocess.run(["strip", "--strip-debug", "-o", binary, args.unstripped], check=True)
    wrapper = os.path.join(work, "run.sh")
    with open(wrapper, "w") as handle:
        handle.write(f"#!/bin/sh\nexec valgrind --tool=callgrind --demangle=no --dump-instr=no "
                     f"--callgrind-out-file={work}/callgrind.%p.out {binary} \"$@\" 2>>{work}/valgrind.log\n")
    os.chmod(wrapper, 0o755)

    with open(os.path.join(ROOT, "fixtures/person.json")) as handle:
        payload = bench.event(__import__("json").load(handle), 100)
    events = sorted(glob.glob(os.path.join(ROOT, "Tests/PhoneyLambdaTests/Events/v[12]/*.json")))
    environment = {"ENV_STATE": "test", "RATE_LIMIT_PER_MINUTE": "0", "LOG_LEVEL": "warning",
                   "AWS_LAMBDA_FUNCTION_TIMEOUT": "600", "AWS_LAMBDA_FUNCTION_NAME": "phoney-text-order",
                   "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128"}
    emulator = bench.Emulator(args.rie, wrapper, environment)
    try:
        for _ in range(args.invokes):
            emulator.invoke(payload)
        for path in events:
            with open(path, "rb") as handle:
                emulator.invoke(handle.read())
        pid = emulator.bootstrap_pid()
        subprocess.run(["callgrind_control", "--dump", str(pid)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while not glob.glob(f"{work}/callgrind.{pid}.out.*") and time.time() < deadline:
            time.sleep(0.5)
        time.sleep(2)
    finally:
        emulator.stop()

    names, ran = {}, set()
    for profile in glob.glob(f"{work}/callgrind.{pid}.out.*"):
        with open(profile) as handle:
            for line in handle:
                match = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
                if match:
                    kind, number, name = match.groups()
                    if name:
                        names[number] = name
                    if kind == "fn":
                        ran.add(number)
    # callgrind marks recursion levels with 'N; addresses without a symbol are left out.
    symbols = sorted({re.sub(r"'\d+$", "", names[n]) for n in ran if n in names} - {""})
    symbols = [s for s in symbols if not s.startswith("0x")]
    if len(symbols) < 1000:
        sys.exit(f"lambda-text-order: only {len(symbols)} functions in the profile; see {work}/valgrind.log")
    if args.check:
        shutil.rmtree(work, ignore_errors=True)
        with open(args.output) as handle:
            listed = {line.strip() for line in handle if line.strip()}
        missing = sorted(set(symbols) - listed)
        share = len(missing) / len(symbols)
        print(f"lambda-text-order: {len(missing)} of the {len(symbols)} functions that ran are not in "
              f"{os.path.relpath(args.output, ROOT)} ({share:.1%}, at most {args.max_missing:.0%} allowed)")
        if share > args.max_missing:
            for name in missing[:10]:
                print(f"  not listed: {name}")
            print("lambda-text-order: the list is stale; regenerate it with scripts/lambda-text-order.py (after "
                  "scripts/package-lambda.sh) and commit it")
            return 1
        return 0
    with open(args.output, "w") as handle:
        handle.write("\n".join(symbols) + "\n")
    print(f"{len(symbols)} functions -> {args.output} (profile in {work})")


if __name__ == "__main__":
    sys.exit(main())
