#!/usr/bin/env python3
"""Clients that go away mid-stream: generation must stop, memory must stay flat, the server must go on.

Opens --count (1,000) streaming requests of 10 million records each against `phoney serve` on loopback,
--concurrency (8) at a time, and closes each early, in a fixed rotation of six ways:

    ndjson person, close right after the response headers          (FIN)
    csv person, close after 1-64 KiB of body                       (RST: SO_LINGER 0)
    ndjson of ~10 MB records (ten fields of 1,000 × 1,000-character strings), close mid-record, 100-600 KiB in (FIN)
    ndjson person, close after 1-64 KiB of body                    (FIN)
    csv person, close right after the response headers             (RST)
    csv of ~10 MB records, close mid-record                        (RST)

Then it measures, from /proc/PID/stat and /proc/PID/status of the server:
- CPU time (user + system) in the second right after the last close and in the idle second after that.
  Generation that did not stop would burn about a core per engine thread (2,000 ms a second here). The first
  second may still finish the records being rendered when the clients left (generation is checked between
  records, and a 10 MB record takes 50-100 ms): at most --finishing-cpu-ms (400); the idle second after it at most
  --idle-cpu-ms (50);
- VmRSS, settled (--settle-seconds, 12, after the last close), after a warm-up tenth of the disconnects (the
  "start": several 10 MB-record streams at once raise what the allocator keeps, once), after half of the rest and
  at the end: the end may be at most --rss-growth-mib (24) above the middle and --rss-total-growth-mib (32) above
  the start, which a leak of about 70 KB per disconnect would break; the CPU check runs at all three points. The peak while 8 streams run (each may hold 64 MiB of engine
  buffers plus two of its records) is reported, not bounded here (scripts/memory-check.py bounds one stream);
- open file descriptors at the start and the end (a connection left open by the server shows there);
- that the server still answers /health and a complete 1,000-record stream afterwards.

Usage: scripts/disconnect-soak.py [--count 1000] [--concurrency 8] [--phoney PATH]
Exit status 0 when every bound holds, 1 otherwise. Not part of scripts/test.sh (about 1-3 minutes).
"""
import argparse
import json
import os
import random
import secrets
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIB = 1 << 20
TICK = os.sysconf("SC_CLK_TCK")
HUGE_FIELD = "{{[pystr]:count=1000,min_chars=1000,max_chars=1000}}"
HUGE = {f"f{index}": HUGE_FIELD for index in range(10)}
# (template name, Accept, how much body to read before closing: "headers", "few", "mid-record"; RST on close)
WAYS = [
    ("person", "application/x-ndjson", "headers", False),
    ("person", "text/csv", "few", True),
    ("huge", "application/x-ndjson", "mid-record", False),
    ("person", "application/x-ndjson", "few", False),
    ("person", "text/csv", "headers", True),
    ("huge", "text/csv", "mid-record", True),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def rss(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def open_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def request_bytes(port, api_key, template, accept, count):
    body = json.dumps({"template": template, "count": count, "seed": 11}).encode()
    head = (f"POST /api/v1/template/generate HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-API-Key: {api_key}\r\n"
            f"Content-Type: application/json\r\nAccept: {accept}\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


def read_headers(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        block = sock.recv(4096)
        if not block:
            raise ConnectionError(f"closed before the headers ended: {data[:200]!r}")
        data += block
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, head, rest


def disconnect(port, api_key, templates, way, rng):
    name, accept, point, reset = way
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    try:
        sock.sendall(request_bytes(port, api_key, templates[name], accept, 10_000_000))
        status, head, rest = read_headers(sock)
        if status != 200:
            raise RuntimeError(f"stream answered {status}: {head[:200]!r} {rest[:200]!r}")
        target = {"headers": 0, "few": rng.randint(1, 64) * 1024, "mid-record": rng.randint(100, 600) * 1024}[point]
        received = len(rest)
        while received < target:
            block = sock.recv(min(65536, target - received))
            if not block:
                raise ConnectionError("the server closed the stream early")
            received += len(block)
        if reset:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return received
    finally:
        sock.close()


def complete_stream(port, api_key, template, count):
    """Reads a whole NDJSON stream; returns its record count."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    with sock:
        sock.sendall(request_bytes(port, api_key, template, "application/x-ndjson", count))
        status, head, rest = read_headers(sock)
        if status != 200:
            raise RuntimeError(f"stream answered {status}")
        data = bytearray(rest)
        while not data.endswith(b"0\r\n\r\n"):
            block = sock.recv(1 << 20)
            if not block:
                break
            data += block
    # Strip the chunked framing: size line, data, CRLF.
    records, position = bytearray(), 0
    while True:
        line_end = data.index(b"\r\n", position)
        size = int(data[position:line_end].split(b";")[0], 16)
        if size == 0:
            break
        records += data[line_end + 2:line_end + 2 + size]
        position = line_end + 2 + size + 2
    return records.count(b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--phoney", default=os.path.join(ROOT, ".build/release/phoney"))
    parser.add_argument("--finishing-cpu-ms", type=float, default=400)
    parser.add_argument("--idle-cpu-ms", type=float, default=50)
    parser.add_argument("--rss-growth-mib", type=float, default=24)
    parser.add_argument("--rss-total-growth-mib", type=float, default=32)
    parser.add_argument("--settle-seconds", type=float, default=12)
    parser.add_argument("--json-out")
    args = parser.parse_args()
    if not os.access(args.phoney, os.X_OK):
        sys.exit(f"disconnect-soak: {args.phoney} is not an executable phoney binary")
    with open(os.path.join(ROOT, "fixtures/person.json")) as handle:
        templates = {"person": json.load(handle), "huge": HUGE}

    api_key = "disconnect-" + secrets.token_hex(16)
    port = free_port()
    environment = dict(os.environ, ENV_STATE="test", API_KEY=api_key, RATE_LIMIT_PER_MINUTE="0", LOG_LEVEL="warning",
                       SECRET_KEY=secrets.token_hex(32))
    log = tempfile.NamedTemporaryFile("w+", prefix="phoney-disconnect-", suffix=".log", delete=False)
    server = subprocess.Popen([args.phoney, "serve", "--host", "127.0.0.1", "--port", str(port), "--env-file", ""],
                              env=environment, stdout=log, stderr=subprocess.STDOUT)
    failures = []
    figures = {}
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        # Warm-up: one complete stream of each template, so the start figure includes the engine's buffers.
        complete_stream(port, api_key, templates["person"], 2000)
        complete_stream(port, api_key, templates["huge"], 2)
        time.sleep(args.settle_seconds)
        pid = server.pid
        figures["rss_before_warmup"] = rss(pid)
        figures["fds_start"] = open_fds(pid)
        print(f"== disconnect-soak: {args.count} streams of 10,000,000 records, {args.concurrency} at a time, "
              f"closed early; load average {' '.join(open('/proc/loadavg').read().split()[:3])}", flush=True)
        print(f"before the warm-up: RSS {figures['rss_before_warmup'] / MIB:.1f} MiB, {figures['fds_start']} open fds",
              flush=True)

        lock = threading.Lock()
        errors = []
        received_total = [0]

        def batch(first, last):
            """Runs disconnects first..<last on --concurrency threads."""
            next_index = [first]

            def worker(seed):
                rng = random.Random(seed)
                while True:
                    with lock:
                        index = next_index[0]
                        if index >= last:
                            return
                        next_index[0] += 1
                    try:
                        received = disconnect(port, api_key, templates, WAYS[index % len(WAYS)], rng)
                    except Exception as error:  # noqa: BLE001 - every failure is reported
                        with lock:
                            errors.append(f"#{index} {WAYS[index % len(WAYS)][:3]}: {error}")
                        received = 0
                    with lock:
                        received_total[0] += received

            workers = [threading.Thread(target=worker, args=(first + seed,)) for seed in range(args.concurrency)]
            for thread in workers:
                thread.start()
            for thread in workers:
                thread.join()

        def quiet(label):
            """CPU in the two seconds after the last close, then RSS once the allocator has had time to hand
            freed pages back (--settle-seconds; jemalloc's default decay is 10 s)."""
            idle = []
            for _ in range(2):
                before = cpu_ticks(pid)
                time.sleep(1.0)
                idle.append((cpu_ticks(pid) - before) / TICK * 1000)
            loaded = rss(pid)
            time.sleep(max(0.0, args.settle_seconds - 2))
            settled = rss(pid)
            figures[f"idle_cpu_ms_{label}"] = idle
            figures[f"rss_{label}"] = settled
            figures[f"rss_{label}_right_after"] = loaded
            print(f"{label}: idle CPU {idle[0]:.0f} ms in the first second after the last close, {idle[1]:.0f} ms in "
                  f"the next (bounds {args.finishing_cpu_ms:g} and {args.idle_cpu_ms:g} ms); RSS {loaded / MIB:.1f} MiB right after, "
                  f"{settled / MIB:.1f} MiB {args.settle_seconds:g} s later", flush=True)
            if idle[0] > args.finishing_cpu_ms:
                failures.append(f"{label}: the server used {idle[0]:.0f} ms of CPU in the second after the last close "
                                f"(bound {args.finishing_cpu_ms:g} ms): generation did not stop")
            if idle[1] > args.idle_cpu_ms:
                failures.append(f"{label}: the server used {idle[1]:.0f} ms of CPU in the idle second after that (bound "
                                f"{args.idle_cpu_ms:g} ms): generation did not stop")

        started = time.monotonic()
        cpu_before = cpu_ticks(pid)
        # The first tenth is the warm-up: several huge-record streams at once raise what the allocator keeps
        # (the settled RSS steps up once, then stays); "start" is measured after it.
        warmup = args.count // 10
        batch(0, warmup)
        quiet("start")
        batch(warmup, (warmup + args.count) // 2)
        quiet("middle")
        batch((warmup + args.count) // 2, args.count)
        elapsed = time.monotonic() - started - 2 * args.settle_seconds
        cpu_during = (cpu_ticks(pid) - cpu_before) / TICK
        quiet("end")
        figures["fds_end"] = open_fds(pid)
        with open(f"/proc/{pid}/status") as handle:
            figures["hwm"] = int(next(line for line in handle if line.startswith("VmHWM:")).split()[1]) * 1024
        figures.update(seconds=round(elapsed, 1), cpu_s=cpu_during, received_bytes=received_total[0],
                       errors=errors[:20], error_count=len(errors))
        print(f"{args.count} disconnects in {elapsed:.1f} s of streaming ({received_total[0] / MIB:.0f} MiB read; "
              f"server CPU {cpu_during:.1f} s); RSS start {figures['rss_start'] / MIB:.1f} MiB, middle "
              f"{figures['rss_middle'] / MIB:.1f} MiB, end {figures['rss_end'] / MIB:.1f} MiB (settled); peak "
              f"{figures['hwm'] / MIB:.1f} MiB while {args.concurrency} streams ran; open fds "
              f"{figures['fds_start']} → {figures['fds_end']}", flush=True)

        if errors:
            failures.append(f"{len(errors)} stream(s) failed before the planned close, first: {errors[0]}")
        if figures["rss_end"] - figures["rss_middle"] > args.rss_growth_mib * MIB:
            failures.append(f"settled RSS grew {(figures['rss_end'] - figures['rss_middle']) / MIB:.1f} MiB over the "
                            f"second half (bound {args.rss_growth_mib:g} MiB)")
        if figures["rss_end"] - figures["rss_start"] > args.rss_total_growth_mib * MIB:
            failures.append(f"settled RSS grew {(figures['rss_end'] - figures['rss_start']) / MIB:.1f} MiB from the "
                            f"start (bound {args.rss_total_growth_mib:g} MiB)")
        if figures["fds_end"] > figures["fds_start"] + 2:
            failures.append(f"open fds went from {figures['fds_start']} to {figures['fds_end']}: connections leak")
        try:
            records = complete_stream(port, api_key, templates["person"], 1000)
            figures["after_records"] = records
            if records != 1000:
                failures.append(f"a stream of 1,000 records afterwards gave {records}")
            print(f"afterwards: a 1,000-record stream gave {records} records")
        except Exception as error:  # noqa: BLE001
            failures.append(f"the server did not answer afterwards: {error}")
        if server.poll() is not None:
            failures.append(f"the server exited with status {server.returncode}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.seek(0)
        crash = [line for line in log if "Fatal error" in line or '"level":"error"' in line]
        if crash:
            failures.append(f"server log: {crash[0][:300]}")
        log.close()
    figures["failures"] = failures
    if args.json_out:
        with open(args.json_out, "w") as handle:
            json.dump(figures, handle, indent=1)
    for failure in failures:
        print(f"disconnect-soak: FAIL: {failure}")
    if failures:
        print(f"disconnect-soak: server log in {log.name}")
        return 1
    os.unlink(log.name)
    print("disconnect-soak: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
