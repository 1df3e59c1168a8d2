#!/usr/bin/env python3
"""Peak memory with records far larger than a chunk: the engine's bounded-memory promise, measured.

Ten fields of 1,000 strings of 1,000 characters make records of about 10 MB. For each format and several thread
counts, `phoney generate … --output /dev/null` must peak at no more than 64 MiB plus two records' size (its
resident set, read from the kernel's rusage). The same holds for the server streaming NDJSON and CSV to a client
that reads at full speed and to one that reads slowly (the server's VmHWM): a slow reader must slow generation
down, not grow memory.

Usage: scripts/memory-check.py [PHONEY] [--count N]     (default .build/release/phoney, 12 records)
Prints one line per run with the peak and the limit; exits 1 if any run is over.
"""
import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELD = "{{[pystr]:count=1000,min_chars=1000,max_chars=1000}}"
TEMPLATE = {f"f{index}": FIELD for index in range(10)}
MIB = 1 << 20


def peak_of_command(args):
    """Runs args; returns (exit status, peak resident bytes)."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"memory-check: {' '.join(args)} failed: {process.stderr.read().decode()[:400]}")
    return usage.ru_maxrss * 1024


def record_size(phoney, path, output_format):
    output = subprocess.run([phoney, "generate", path, "--seed", "1", "--count", "2", "--format", output_format],
                            capture_output=True, check=True).stdout
    return len(output) // 2


def vm_hwm(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stream(port, accept, count, slow):
    body = json.dumps({"template": TEMPLATE, "count": count, "seed": 3})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", "/api/v1/template/generate", body=body,
                       headers={"Content-Type": "application/json", "Accept": accept, "X-API-Key": API_KEY})
    response = connection.getresponse()
    if response.status != 200:
        sys.exit(f"memory-check: stream answered {response.status}: {response.read()[:300]!r}")
    received = 0
    while True:
        block = response.read(64 * 1024)
        if not block:
            break
        received += len(block)
        if slow:
            time.sleep(0.002)  # about 30 MB/s: far slower than the server renders
    connection.close()
    return received


API_KEY = "memory-check-key-0123456789abcdef"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("phoney", nargs="?", default=os.path.join(ROOT, ".build/release/phoney"))
    parser.add_argument("--count", type=int, default=12)
    args = parser.parse_args()
    over = 0
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "large.json")
        with open(path, "w") as handle:
            json.dump(TEMPLATE, handle)
        for output_format in ["ndjson", "json", "csv"]:
            size = record_size(args.phoney, path, output_format)
            limit = 64 * MIB + 2 * size
            for threads in [1, 2, 8]:
                peak = peak_of_command([args.phoney, "generate", path, "--seed", "1", "--count", str(args.count),
                                        "--format", output_format, "--threads", str(threads), "--output", os.devnull])
                verdict = "ok" if peak <= limit else "OVER"
                over += peak > limit
                print(f"memory-check: generate {output_format:6} threads={threads}: peak {peak / MIB:6.1f} MiB, "
                      f"limit {limit / MIB:6.1f} MiB (record {size / MIB:.1f} MiB) {verdict}")

        port = free_port()
        environment = dict(os.environ, API_KEY=API_KEY, RATE_LIMIT_PER_MINUTE="0", LOG_LEVEL="warning",
                           ENV_STATE="test", MAX_BODY_BYTES="1048576")
        server = subprocess.Popen([args.phoney, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                  env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            for accept, output_format in [("application/x-ndjson", "ndjson"), ("text/csv", "csv")]:
                size = record_size(args.phoney, path, output_format)
                limit = 64 * MIB + 2 * size
                for slow in [False, True]:
                    received = stream(port, accept, args.count, slow)
                    peak = vm_hwm(server.pid)
                    verdict = "ok" if peak <= limit and received >= args.count * size * 0.9 else "OVER"
                    over += verdict != "ok"
                    print(f"memory-check: stream {output_format:6} {'slow' if slow else 'fast'} reader: server peak "
                          f"{peak / MIB:6.1f} MiB, limit {limit / MIB:6.1f} MiB, {received / MIB:.0f} MiB received "
                          f"{verdict}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if over:
        sys.exit(f"memory-check: {over} run(s) over the limit")


if __name__ == "__main__":
    main()
