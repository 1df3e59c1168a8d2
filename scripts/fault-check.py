#!/usr/bin/env python3
"""Faults with a defined outcome, each asserted: full disks, broken pipes, SIGTERM mid-stream, a Runtime API that
drops the connection, settings stores that never answer at init, deadlines about to pass.

Usage: scripts/fault-check.py [--quick] [--phoney PATH] [--bootstrap PATH] [--only ID,…]
                              [--expect-known-failures ID,…]

Each check asserts the RIGHT behaviour. Checks listed in --expect-known-failures (by default KNOWN_FAILURES below:
the ones that fail today) are reported as KNOWN-FAIL and do not fail the run; pass `--expect-known-failures ""` to
see them fail. A known failure that passes is reported as FIXED (remove it from the list). Exit status 1 when a
check outside the list fails. --quick runs the checks marked quick (about 30-40 s; for scripts/test.sh); the rest
(the 35-second SIGTERM with a slow reader, the Parameter Store variant of the init check) run without it.
Nothing is built: --phoney defaults to .build/release/phoney, --bootstrap to the packaged static bootstrap
(.build-lambda/lambda-ARCH/bootstrap) when it exists, else .build/release/bootstrap.

The checks (id: what must happen):
  generate-dev-full             `phoney generate … --output /dev/full`: exit 1 within 10 s, no crash, ENOSPC said
  generate-dev-full-names-file  … and the message names /dev/full
  generate-stdout-full          `phoney generate … > /dev/full` (standard output full): exit 1, ENOSPC said
  export-full-fs                `phoney export … --to DIR` on a 1 MiB tmpfs: exit 1 within 10 s, ENOSPC said, no
                                partial part, temporary file or manifest left (needs root to mount; else SKIP)
  export-full-fs-names-file     … and the message names the part file being written
  broken-pipe                   `phoney generate --count 10000000 | head -c 100`: phoney ends within 2 s, killed by
                                SIGPIPE (status 141 in a shell), nothing on standard error (no crash report);
                                NDJSON and CSV, 1 thread and all cores
  sigterm-drain                 SIGTERM while a 300,000-record stream is being read: a new connection is refused at
                                once, the in-flight stream completes (every record, the final chunk), exit 0 within
                                15 s
  sigterm-slow-stream           (not quick) SIGTERM while a slow client reads a 10-million-record stream: a new
                                connection is refused at once, the server ends the stream after a bounded grace
                                (30 s) and exits; the client sees the body end without the final chunk (cut, not
                                complete-looking)
  lambda-drop-next              the Runtime API closes the connection halfway through an invocation's body:
                                the bootstrap exits non-zero within 5 s with a `runtime stopped: …` line, no crash
  lambda-drop-response          the Runtime API closes the connection while the runtime posts its response: same
  lambda-init-secrets-hang      USE_SECRETS_MANAGER=true and an endpoint that accepts and never answers: POST
                                /runtime/init/error (Runtime.InitError, naming Secrets Manager and the timeout)
                                within Lambda's 10 s init phase (the code gives each AWS call 5 s), then exit 1
  lambda-init-parameters-hang   (not quick) the same with USE_PARAMETER_STORE=true
  lambda-deadline               invocations whose Lambda-Runtime-Deadline-Ms has passed or is 101 ms away
                                (LAMBDA_DEADLINE_RESERVE_MS 100): each response is posted before the deadline (or
                                at once when it has passed) as a 503 with generated_before_stop and next_offset;
                                an invocation after them with a normal deadline gets its 200
"""
import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERSON = os.path.join(ROOT, "fixtures/person.json")
ENOSPC = re.compile(r"No space left on device|ENOSPC")
CRASH = re.compile(r"Fatal error|Crash|Backtrace|Segmentation|panic|Current stack trace", re.IGNORECASE)
# The checks that fail today (see docs/reliability.md): asserted anyway, reported as KNOWN-FAIL.
KNOWN_FAILURES: list[str] = []

CHECKS = []


class Skip(Exception):
    pass


class Fail(Exception):
    pass


def check(identifier, quick):
    def register(function):
        CHECKS.append((identifier, quick, function))
        return function
    return register


def expect(condition, message):
    if not condition:
        raise Fail(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(args, timeout, **kwargs):
    """Runs args; returns (exit status or None on timeout, stderr text, seconds)."""
    started = time.monotonic()
    process = subprocess.Popen(args, stderr=subprocess.PIPE, **kwargs)
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
        return None, err.decode(errors="replace"), time.monotonic() - started
    return process.returncode, err.decode(errors="replace"), time.monotonic() - started


# MARK: - The command line


@check("generate-dev-full", quick=True)
def generate_dev_full(ctx):
    status, err, seconds = run([ctx.phoney, "generate", PERSON, "--count", "100000", "--format", "ndjson",
                                "--seed", "1", "--output", "/dev/full"], timeout=10)
    ctx.note("generate-dev-full-names-file", err)
    expect(status is not None, f"no exit within 10 s: {err[:200]}")
    expect(status == 1, f"exit status {status}, want 1: {err[:200]}")
    expect(ENOSPC.search(err), f"no ENOSPC in the message: {err.strip()[:200]!r}")
    expect(not CRASH.search(err), f"crash report: {err[:300]}")
    return f"exit 1 in {seconds:.2f} s: {err.strip()!r}"


@check("generate-dev-full-names-file", quick=True)
def generate_dev_full_names_file(ctx):
    err = ctx.notes.get("generate-dev-full-names-file")
    if err is None:
        _, err, _ = run([ctx.phoney, "generate", PERSON, "--count", "100000", "--output", "/dev/full"], timeout=10)
    expect("/dev/full" in err, f"the message does not name the file: {err.strip()!r}")
    return f"{err.strip()!r}"


@check("generate-stdout-full", quick=True)
def generate_stdout_full(ctx):
    with open("/dev/full", "wb") as full:
        status, err, seconds = run([ctx.phoney, "generate", PERSON, "--count", "100000", "--format", "csv",
                                    "--seed", "1"], timeout=10, stdout=full)
    expect(status == 1, f"exit status {status}, want 1: {err[:200]}")
    expect(ENOSPC.search(err), f"no ENOSPC in the message: {err.strip()!r}")
    expect(not CRASH.search(err), f"crash report: {err[:300]}")
    return f"exit 1 in {seconds:.2f} s: {err.strip()!r}"


def full_filesystem(ctx):
    """A 1 MiB tmpfs, mounted once per run; raises Skip when it cannot be."""
    if "fullfs" in ctx.notes:
        if isinstance(ctx.notes["fullfs"], Skip):
            raise ctx.notes["fullfs"]
        return ctx.notes["fullfs"]
    mount = tempfile.mkdtemp(prefix="phoney-fullfs-")
    if os.geteuid() != 0:
        ctx.notes["fullfs"] = Skip("mounting a small tmpfs needs root")
        raise ctx.notes["fullfs"]
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount], capture_output=True, text=True)
    if result.returncode != 0:
        ctx.notes["fullfs"] = Skip(f"cannot mount a tmpfs: {result.stderr.strip()}")
        raise ctx.notes["fullfs"]
    ctx.cleanups.append(lambda: (subprocess.run(["umount", mount]), os.rmdir(mount)))
    target = os.path.join(mount, "out")
    status, err, seconds = run([ctx.phoney, "export", PERSON, "--count", "200000", "--format", "ndjson", "--seed", "1",
                                "--shard-records", "50000", "--to", target], timeout=10)
    left = []
    for folder, _, files in os.walk(target):
        left += [os.path.relpath(os.path.join(folder, name), target) for name in files]
    ctx.notes["fullfs"] = (status, err, seconds, left)
    return ctx.notes["fullfs"]


@check("export-full-fs", quick=True)
def export_full_fs(ctx):
    status, err, seconds, left = full_filesystem(ctx)
    expect(status is not None, f"no exit within 10 s: {err[:200]}")
    expect(status == 1, f"exit status {status}, want 1: {err[:200]}")
    expect(ENOSPC.search(err), f"no ENOSPC in the message: {err.strip()!r}")
    expect(not CRASH.search(err), f"crash report: {err[:300]}")
    expect(not left, f"files left behind: {left}")
    return f"exit 1 in {seconds:.2f} s, nothing left in the folder: {err.strip()!r}"


@check("export-full-fs-names-file", quick=True)
def export_full_fs_names_file(ctx):
    _, err, _, _ = full_filesystem(ctx)
    expect(re.search(r"part-\d+", err), f"the message does not name the part file: {err.strip()!r}")
    return f"{err.strip()!r}"


@check("broken-pipe", quick=True)
def broken_pipe(ctx):
    observed = []
    for output_format, threads in [("ndjson", None), ("csv", None), ("ndjson", "1"), ("json", "1")]:
        args = [ctx.phoney, "generate", PERSON, "--count", "10000000", "--format", output_format, "--seed", "1"]
        if threads:
            args += ["--threads", threads]
        started = time.monotonic()
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = process.stdout.read(100)
        process.stdout.close()  # what `head -c 100` does after its 100 bytes
        closed = time.monotonic()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise Fail(f"{output_format}: still running 10 s after the reader went away")
        ended = time.monotonic() - closed
        err = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        label = f"{output_format}{' --threads ' + threads if threads else ''}"
        expect(len(first) == 100, f"{label}: only {len(first)} bytes before the close")
        expect(ended < 2, f"{label}: took {ended:.2f} s to end after the reader went away")
        expect(process.returncode == -signal.SIGPIPE,
               f"{label}: exit status {process.returncode}, want death by SIGPIPE; stderr {err[:200]!r}")
        expect(not err.strip(), f"{label}: standard error not empty: {err[:300]!r}")
        observed.append(f"{label} {ended * 1000:.0f} ms")
        del started
    return "SIGPIPE (141 in a shell), nothing on stderr, ended after the close in " + ", ".join(observed)


# MARK: - The HTTP server and SIGTERM


class Server:
    def __init__(self, phoney, api_key):
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile("w+", prefix="phoney-fault-server-", suffix=".log")
        environment = dict(os.environ, ENV_STATE="test", API_KEY=api_key, RATE_LIMIT_PER_MINUTE="0",
                           LOG_LEVEL="info", SECRET_KEY=secrets.token_hex(32))
        self.process = subprocess.Popen(
            [phoney, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--env-file", ""],
            env=environment, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise Fail("the server did not start")

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def text(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()


def start_stream(port, api_key, count):
    with open(PERSON) as handle:
        body = json.dumps({"template": json.load(handle), "count": count, "seed": 5}).encode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.sendall((f"POST /api/v1/template/generate HTTP/1.1\r\nHost: x\r\nX-API-Key: {api_key}\r\n"
                  f"Content-Type: application/json\r\nAccept: application/x-ndjson\r\n"
                  f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
    return sock


class Reader(threading.Thread):
    """Reads a chunked response to its end (or the connection's), at most `rate` bytes a second."""

    def __init__(self, sock, rate=None):
        super().__init__(daemon=True)
        self.sock, self.rate = sock, rate
        self.data = bytearray()
        self.error = None
        self.first_byte = threading.Event()

    def run(self):
        started = time.monotonic()
        try:
            while True:
                block = self.sock.recv(65536)
                if not block:
                    break
                self.data += block
                self.first_byte.set()
                if self.rate:
                    ahead = len(self.data) / self.rate - (time.monotonic() - started)
                    if ahead > 0:
                        time.sleep(ahead)
        except OSError as error:
            self.error = error
        finally:
            self.first_byte.set()
            self.sock.close()

    def outcome(self):
        """(complete: the final chunk arrived, records)."""
        head, _, body = bytes(self.data).partition(b"\r\n\r\n")
        records, position, complete = 0, 0, False
        while True:
            line_end = body.find(b"\r\n", position)
            if line_end < 0:
                break
            try:
                size = int(body[position:line_end].split(b";")[0], 16)
            except ValueError:
                break
            if size == 0:
                complete = True
                break
            chunk = body[line_end + 2:line_end + 2 + size]
            records += chunk.count(b"\n")
            if len(chunk) < size:
                break
            position = line_end + 2 + size + 2
        return complete, records


def connect_refused(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return False
    except ConnectionRefusedError:
        return True
    except OSError:
        return False


def sigterm_during_stream(ctx, count, rate, grace):
    api_key = "fault-" + secrets.token_hex(12)
    server = Server(ctx.phoney, api_key)
    try:
        reader = Reader(start_stream(server.port, api_key, count), rate=rate)
        reader.start()
        reader.first_byte.wait(10)
        time.sleep(0.3)
        signalled = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.1)
        alive_before = server.process.poll() is None
        refused = connect_refused(server.port)
        alive_after = server.process.poll() is None
        try:
            server.process.wait(timeout=grace)
            exited = time.monotonic() - signalled
        except subprocess.TimeoutExpired:
            exited = None
            server.process.kill()
            server.process.wait()
        reader.join(10)
        complete, records = reader.outcome()
        return {"exit_seconds": exited, "status": server.process.returncode, "refused": refused,
                "refused_while_running": alive_before and alive_after, "complete": complete, "records": records,
                "bytes": len(reader.data), "reader_error": reader.error, "log": server.text()}
    finally:
        server.stop()


@check("sigterm-drain", quick=True)
def sigterm_drain(ctx):
    # 300,000 records (about 80 MB) read at 25 MB/s: the stream is still running when SIGTERM comes.
    result = sigterm_during_stream(ctx, 300_000, rate=25 << 20, grace=15)
    observed = (f"exit {result['status']} {result['exit_seconds'] and round(result['exit_seconds'], 2)} s after "
                f"SIGTERM; new connection refused {result['refused']} (server still draining: "
                f"{result['refused_while_running']}); stream complete {result['complete']}, {result['records']} records")
    expect(result["refused"], f"a new connection during the drain was not refused: {observed}")
    expect(result["exit_seconds"] is not None, f"no exit within 15 s: {observed}")
    expect(result["complete"] and result["records"] == 300_000, f"the in-flight stream was not drained: {observed}")
    expect(result["status"] == 0, f"exit status {result['status']}: {observed}")
    expect(not CRASH.search(result["log"]), f"crash in the log: {observed}")
    return observed


@check("sigterm-slow-stream", quick=False)
def sigterm_slow_stream(ctx):
    # 10 million records (about 2.5 GB) read at 1 MB/s: the drain alone would take some 40 minutes.
    result = sigterm_during_stream(ctx, 10_000_000, rate=1 << 20, grace=35)
    observed = (f"exit {result['status']} "
                f"{'after %.1f s' % result['exit_seconds'] if result['exit_seconds'] else 'NOT within 35 s (killed)'};"
                f" new connection refused {result['refused']}; the client got {result['bytes'] / 1e6:.1f} MB, "
                f"{result['records']} records, final chunk {result['complete']}")
    expect(result["refused"], f"a new connection during the grace was not refused: {observed}")
    expect(result["exit_seconds"] is not None and result["exit_seconds"] <= 35,
           f"the server did not end the stream and exit within a 30 s grace (+5 s): {observed}")
    expect(not result["complete"], f"the cut stream ended with a final chunk, as if complete: {observed}")
    return observed


# MARK: - The Lambda runtime against a fake Runtime API


class FakeRuntimeAPI(threading.Thread):
    """A Runtime API over plain HTTP/1.1 keep-alive. `scenario(request)` says what to do with each request:
    ("respond", status, headers, body), ("partial", bytes) then close, ("close",) or ("hang",)."""

    def __init__(self, scenario):
        super().__init__(daemon=True)
        self.scenario = scenario
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.requests = []
        self.stopped = threading.Event()

    def run(self):
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        buffer = b""
        try:
            while not self.stopped.is_set():
                while b"\r\n\r\n" not in buffer:
                    block = conn.recv(65536)
                    if not block:
                        return
                    buffer += block
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                lines = head.decode().split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
                length = int(headers.get("content-length", "0"))
                request = {"method": method, "path": path, "headers": headers, "at": time.time()}
                action = self.scenario(request)
                if action[0] == "close-before-body":
                    self.requests.append(request)
                    return
                while len(buffer) < length:
                    block = conn.recv(65536)
                    if not block:
                        return
                    buffer += block
                request["body"], buffer = buffer[:length], buffer[length:]
                self.requests.append(request)
                if action[0] == "respond":
                    _, status, extra, body = action
                    text = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n"
                    text += "".join(f"{k}: {v}\r\n" for k, v in extra.items())
                    conn.sendall(text.encode() + b"\r\n" + body)
                elif action[0] == "partial":
                    conn.sendall(action[1])
                    return
                elif action[0] == "close":
                    return
                elif action[0] == "hang":
                    self.stopped.wait(60)
                    return
        except OSError:
            return
        finally:
            conn.close()

    def stop(self):
        self.stopped.set()
        self.listener.close()


def invocation(request_id, event, deadline_ms=None):
    body = json.dumps(event).encode()
    headers = {"Lambda-Runtime-Aws-Request-Id": request_id,
               "Lambda-Runtime-Deadline-Ms": str(deadline_ms or int(time.time() * 1000) + 30_000),
               "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:phoney-fault",
               "Content-Type": "application/json"}
    return headers, body


def gateway_event(method, path, body=None, headers=None):
    return {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
            "headers": dict({"host": "fault.execute-api.us-east-1.amazonaws.com", "content-type": "application/json"},
                            **(headers or {})),
            "requestContext": {"http": {"method": method, "path": path, "sourceIp": "192.0.2.7"}, "stage": "$default",
                               "requestId": "fault"},
            "body": body or "", "isBase64Encoded": False}


LAMBDA_KEY = "fault-check-api-key-0123456789"


def run_bootstrap(ctx, api, extra_env=None, timeout=15):
    """Runs the bootstrap against `api` until it exits or `timeout`; returns (status or None, output, seconds)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and not k.startswith("USE_")}
    env.update({"AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{api.port}", "ENV_STATE": "test", "API_KEY": LAMBDA_KEY,
                "RATE_LIMIT_PER_MINUTE": "0", "LOG_LEVEL": "info", "AWS_LAMBDA_FUNCTION_NAME": "phoney-fault",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "1769"})
    env.update(extra_env or {})
    started = time.monotonic()
    process = subprocess.Popen([ctx.bootstrap], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        output, _ = process.communicate(timeout=timeout)
        status = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        status = None
    return status, output.decode(errors="replace"), time.monotonic() - started, started


def last_line(output, pattern):
    lines = [line for line in output.splitlines() if re.search(pattern, line)]
    return lines[-1] if lines else None


@check("lambda-drop-next", quick=True)
def lambda_drop_next(ctx):
    def scenario(request):
        if request["path"].endswith("/invocation/next"):
            headers, body = invocation("drop-next", gateway_event("GET", "/health"))
            text = "HTTP/1.1 200 OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            text += f"Content-Length: {len(body)}\r\n\r\n"
            return ("partial", text.encode() + body[:len(body) // 2])
        return ("respond", 202, {}, b"{}")
    api = FakeRuntimeAPI(scenario)
    api.start()
    try:
        status, output, seconds, _ = run_bootstrap(ctx, api, timeout=10)
    finally:
        api.stop()
    line = last_line(output, r"runtime stopped")
    observed = f"exit {status} after {seconds:.2f} s; {line!r}"
    expect(status is not None and seconds <= 5, f"no exit within 5 s: {output[-300:]!r}")
    expect(status not in (0, None) and status > 0, f"exit status {status} (negative: killed by a signal): {observed}")
    expect(line and re.search(r"Runtime API|closed|connection|EOF", line, re.IGNORECASE),
           f"no clear line saying the Runtime API connection broke: {output[-400:]!r}")
    expect(not CRASH.search(output), f"crash report: {output[-400:]!r}")
    responses = [r for r in api.requests if "/response" in r["path"] or "/error" in r["path"]]
    expect(not responses, f"the runtime answered an invocation it never received whole: {responses}")
    return observed + "; no retry (the next request would have been another GET next)"


@check("lambda-drop-response", quick=True)
def lambda_drop_response(ctx):
    state = {"next": 0}

    def scenario(request):
        if request["path"].endswith("/invocation/next"):
            state["next"] += 1
            if state["next"] > 1:
                return ("hang",)
            headers, body = invocation("drop-response", gateway_event("GET", "/health"))
            return ("respond", 200, headers, body)
        if request["path"].endswith("/response"):
            return ("close",)
        return ("respond", 202, {}, b"{}")
    api = FakeRuntimeAPI(scenario)
    api.start()
    try:
        status, output, seconds, _ = run_bootstrap(ctx, api, timeout=10)
    finally:
        api.stop()
    line = last_line(output, r"runtime stopped")
    observed = f"exit {status} after {seconds:.2f} s; {line!r}; GET next calls {state['next']}"
    expect(status is not None and seconds <= 5, f"no exit within 5 s (next calls {state['next']}): {output[-300:]!r}")
    expect(status is not None and status > 0, f"exit status {status}: {observed}")
    expect(line and re.search(r"Runtime API|closed|connection|EOF", line, re.IGNORECASE),
           f"no clear line saying the Runtime API connection broke: {output[-400:]!r}")
    expect(not CRASH.search(output), f"crash report: {output[-400:]!r}")
    return observed


class BlackHole(threading.Thread):
    """Accepts connections and never answers."""

    def __init__(self):
        super().__init__(daemon=True)
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.stopped = False

    def run(self):
        while not self.stopped:
            try:
                conn, _ = self.listener.accept()
                self.held.append(conn)
            except OSError:
                return

    def stop(self):
        self.stopped = True
        self.listener.close()
        for conn in self.held:
            conn.close()


def init_hang(ctx, store_env, service_pattern):
    hole = BlackHole()
    hole.start()

    def scenario(request):
        if request["path"].endswith("/init/error"):
            return ("respond", 202, {}, b"{}")
        if request["path"].endswith("/invocation/next"):
            return ("hang",)
        return ("respond", 202, {}, b"{}")
    api = FakeRuntimeAPI(scenario)
    api.start()
    env = dict(store_env, AWS_ENDPOINT_URL=f"http://127.0.0.1:{hole.port}", AWS_REGION="us-east-1",
               AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    try:
        status, output, seconds, started = run_bootstrap(ctx, api, env, timeout=20)
    finally:
        api.stop()
        hole.stop()
    errors = [r for r in api.requests if r["path"].endswith("/init/error")]
    expect(errors, f"no POST /runtime/init/error (exit {status} after {seconds:.1f} s): {output[-400:]!r}")
    document = json.loads(errors[0]["body"])
    after = errors[0]["at"] - (time.time() - (time.monotonic() - started))
    observed = (f"init/error {after:.2f} s after start, errorType {document.get('errorType')!r}, message "
                f"{document.get('errorMessage')!r}; exit {status} after {seconds:.2f} s; connections to the silent "
                f"endpoint {len(hole.held)}")
    expect(after <= 10, f"the init error came after Lambda's 10 s init phase: {observed}")
    expect(document.get("errorType") == "Runtime.InitError", f"errorType: {observed}")
    expect(re.search(service_pattern, document.get("errorMessage", ""), re.IGNORECASE)
           and re.search(r"timeout|timed out|no response", document.get("errorMessage", ""), re.IGNORECASE),
           f"the message does not say which store timed out: {observed}")
    expect(status is not None and status > 0, f"the bootstrap did not exit non-zero: {observed}")
    expect(not any(r["path"].endswith("/invocation/next") for r in api.requests),
           f"it asked for invocations after a failed init: {observed}")
    return observed


@check("lambda-init-secrets-hang", quick=True)
def lambda_init_secrets_hang(ctx):
    return init_hang(ctx, {"USE_SECRETS_MANAGER": "true", "SECRET_NAME": "phoney/fault"}, r"secrets ?manager")


@check("lambda-init-parameters-hang", quick=False)
def lambda_init_parameters_hang(ctx):
    return init_hang(ctx, {"USE_PARAMETER_STORE": "true", "PARAMETER_STORE_PREFIX": "/phoney/fault"},
                     r"ssm|parameter")


@check("lambda-deadline", quick=True)
def lambda_deadline(ctx):
    with open(PERSON) as handle:
        person = json.load(handle)
    person["bio"] = "{{text:max_nb_chars=400}}"
    body = json.dumps({"template": person, "count": 5000, "seed": 3})
    event = gateway_event("POST", "/api/v1/template/generate", body, {"x-api-key": LAMBDA_KEY})
    plan = [("passed", -1000), ("near", 101), ("normal", 30_000)]
    handed = {}
    state = {"index": 0}

    def scenario(request):
        if request["path"].endswith("/invocation/next"):
            if state["index"] >= len(plan):
                return ("hang",)
            name, offset = plan[state["index"]]
            state["index"] += 1
            deadline = int(time.time() * 1000) + offset
            handed[name] = deadline
            headers, payload = invocation(name, event, deadline)
            return ("respond", 200, headers, payload)
        return ("respond", 202, {}, b"{}")
    api = FakeRuntimeAPI(scenario)
    api.start()
    try:
        deadline = time.monotonic() + 30
        process_result = {}

        def go():
            process_result["r"] = run_bootstrap(ctx, api, {"LAMBDA_DEADLINE_RESERVE_MS": "100"}, timeout=30)
        runner = threading.Thread(target=go, daemon=True)
        runner.start()
        while time.monotonic() < deadline:
            if sum(1 for r in api.requests if "/invocation/" in r["path"] and r["method"] == "POST") >= 3:
                break
            time.sleep(0.05)
    finally:
        api.stop()
    runner.join(35)
    answers = {r["path"].split("/")[-2]: r for r in api.requests if r["method"] == "POST" and "/invocation/" in r["path"]}
    observed = []
    for name, _ in plan:
        expect(name in answers, f"no answer posted for the `{name}` invocation; got {sorted(answers)}")
        answer = answers[name]
        expect(answer["path"].endswith("/response"), f"`{name}` was answered through {answer['path']}")
        document = json.loads(answer["body"])
        status = document.get("statusCode")
        late = answer["at"] * 1000 - handed[name]
        payload = json.loads(document.get("body") or "{}") if status == 503 else {}
        observed.append(f"{name}: {status} posted {late:+.0f} ms from the deadline"
                        + (f", generated_before_stop {payload.get('generated_before_stop')}, next_offset "
                           f"{payload.get('next_offset')}" if status == 503 else ""))
        if name == "normal":
            expect(status == 200, f"the invocation after the deadline ones got {status}: {observed}")
            continue
        expect(status == 503, f"`{name}` got {status}, want 503: {observed}")
        expect("generated_before_stop" in payload and "next_offset" in payload,
               f"`{name}`: the 503 does not say how far it got: {document.get('body', '')[:300]}")
        if name == "near":
            expect(late <= 0, f"`near` was answered after its deadline: {observed}")
        else:
            expect(late <= 1000 + 500, f"`passed` was not answered at once: {observed}")
    return "; ".join(observed)


# MARK: - Runner


class Context:
    def __init__(self, phoney, bootstrap):
        self.phoney, self.bootstrap = phoney, bootstrap
        self.notes = {}
        self.cleanups = []

    def note(self, key, value):
        self.notes[key] = value


def default_bootstrap():
    arch = "x86_64" if platform.machine() in ("x86_64", "amd64") else "arm64"
    staged = os.path.join(ROOT, f".build-lambda/lambda-{arch}/bootstrap")
    return staged if os.access(staged, os.X_OK) else os.path.join(ROOT, ".build/release/bootstrap")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the checks marked quick (under a minute)")
    parser.add_argument("--phoney", default=os.path.join(ROOT, ".build/release/phoney"))
    parser.add_argument("--bootstrap", default=default_bootstrap())
    parser.add_argument("--only", default="", help="comma-separated check ids")
    parser.add_argument("--expect-known-failures", default=",".join(KNOWN_FAILURES),
                        help="comma-separated ids that fail today (default: %(default)s)")
    args = parser.parse_args()
    known = {item for item in args.expect_known_failures.split(",") if item}
    only = {item for item in args.only.split(",") if item}
    for path in (args.phoney, args.bootstrap):
        if not os.access(path, os.X_OK):
            sys.exit(f"fault-check: {path} is not executable (nothing is built here)")
    context = Context(args.phoney, args.bootstrap)
    started = time.monotonic()
    failed, counts = [], {}
    print(f"== fault-check{' --quick' if args.quick else ''}: load average "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])}", flush=True)
    try:
        for identifier, quick, function in CHECKS:
            if (args.quick and not quick) or (only and identifier not in only):
                continue
            check_started = time.monotonic()
            try:
                observed = function(context)
                verdict = "FIXED" if identifier in known else "PASS"
                detail = observed + (" (listed as a known failure: remove it from the list)"
                                     if identifier in known else "")
            except Skip as reason:
                verdict, detail = "SKIP", str(reason)
            except Fail as failure:
                verdict = "KNOWN-FAIL" if identifier in known else "FAIL"
                detail = str(failure)
                if verdict == "FAIL":
                    failed.append(identifier)
            except Exception as error:  # noqa: BLE001 - a check that breaks is a failure, not a crash of the run
                verdict = "KNOWN-FAIL" if identifier in known else "FAIL"
                detail = f"{type(error).__name__}: {error}"
                if verdict == "FAIL":
                    failed.append(identifier)
            counts[verdict] = counts.get(verdict, 0) + 1
            print(f"{verdict:10} {identifier} ({time.monotonic() - check_started:.1f} s): {detail}", flush=True)
    finally:
        for cleanup in reversed(context.cleanups):
            try:
                cleanup()
            except OSError:
                pass
    summary = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items()))
    print(f"fault-check: {summary} in {time.monotonic() - started:.1f} s")
    if failed:
        print(f"fault-check: FAILED: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
