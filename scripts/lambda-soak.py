#!/usr/bin/env python3
"""Soak of the Lambda `bootstrap` under the AWS Lambda Runtime Interface Emulator: N serial invocations.

Every API Gateway v2 event of Tests/PhoneyLambdaTests/Events/v2 in rotation (a 6 MB overflow, bad templates, no
credentials, a bearer token and an API key included), each checked against the status it must get (the table of
EventFixtureTests). The emulator crashes on concurrent invokes, so they are serial, on one keep-alive connection.
Every --sample-every (500) invocations it reads VmRSS of the bootstrap process (the emulator's child). It fails
(exit 1) on any unexpected status or invocation error, a bootstrap that was restarted (its pid changed), or VmRSS at
the end more than --rss-growth-mib (8) above VmRSS after the warm-up (--warmup, 1,000 invocations).

Configuration: ENV_STATE=test, the fixtures' login (`phoney` / bcrypt cost 4) and API key, the CORS origin the
preflight event sends, and RATE_LIMIT_PER_MINUTE=0: every event comes from one client address, so the default
limit (60 a minute) would answer 429 to nearly all of them (the limiter is exercised by scripts/soak.sh).

Usage: scripts/lambda-soak.py [--invocations 10000] [--idle SECONDS] [--bootstrap PATH] [--rie PATH]
--idle then waits, for threads the runtime no longer needs to end, and invokes every event once more in the same
process (the test command does this with 1,100 invocations: the packaged bootstrap has no unwind tables, so a thread
that ended by unwinding would abort it).
The bootstrap defaults to the packaged static one (.build-lambda/lambda-ARCH/bootstrap) when it exists, else
.build/release/bootstrap; the emulator to $PHONEY_RIE, else .build-tools/aws-lambda-rie-ARCH, fetched by
scripts/lambda-rie.sh when missing. Nothing is built. Not part of scripts/test.sh (about a minute per 1,000).
"""
import argparse
import http.client
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(ROOT, "Tests/PhoneyLambdaTests/Events/v2")
MIB = 1 << 20
# bcrypt (cost 4) of the fixtures' password `test-password-0123456789` (as in EventFixtureTests).
PASSWORD_HASH = "$2b$04$bxkVVyBJ2oPhwL6As6bhcOTeNoZ0DojYBbB4SDY3Hz4uxsLX8NXdS"
EXPECTED = {
    "get-root.json": 200, "get-health.json": 200, "get-generators.json": 200, "get-api-v1-generators.json": 200,
    "get-fake-name-count-5-seed-42.json": 200, "get-api-v1-fake-email-locale-fr.json": 200,
    "get-fake-unknown-generator.json": 404, "get-api-v1-provider-person-first-name.json": 200,
    "get-fake-name-cookies-multi-value-headers.json": 200, "options-template-cors-preflight.json": 200,
    "post-template-person-count-100.json": 200, "post-template-person-plain-body.json": 200,
    "post-template-format-csv.json": 200, "post-template-unknown-generator.json": 422,
    "post-template-count-1001.json": 400, "post-api-v1-template-generate-no-auth.json": 401,
    "post-api-v1-template-generate-api-key.json": 200, "post-api-v1-template-generate-bearer.json": 200,
    "post-api-v1-template-generate-ndjson-stream.json": 200, "post-api-v1-template-generate-oversized.json": 413,
    "post-api-v1-template-validate.json": 200, "post-token-form.json": 200,
}


class Emulator:
    """The RIE on a loopback port, with the bootstrap as its runtime."""

    def __init__(self, rie, bootstrap, environment):
        self.port = random.randint(20000, 60000)
        self.log = tempfile.NamedTemporaryFile("w+", prefix="phoney-lambda-soak-", suffix=".log", delete=False)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(environment)
        self.process = subprocess.Popen(
            [rie, "--log-level", "error", "--runtime-interface-emulator-address", f"127.0.0.1:{self.port}",
             "--runtime-api-address", f"127.0.0.1:{self.port + 1}", bootstrap],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.connection = None

    def invoke(self, payload):
        for _ in range(300):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                self.connection.request("POST", "/2015-03-31/functions/function/invocations", body=payload)
                answer = self.connection.getresponse()
                return answer.status, answer.read()
            except (ConnectionError, http.client.HTTPException, OSError):
                if self.connection is not None:
                    self.connection.close()
                self.connection = None
                time.sleep(0.02)
        raise RuntimeError("the emulator did not answer")

    def bootstrap_pid(self):
        for task in os.listdir(f"/proc/{self.process.pid}/task"):
            with open(f"/proc/{self.process.pid}/task/{task}/children") as handle:
                children = handle.read().split()
            if children:
                return int(children[0])
        return None

    def stop(self):
        if self.connection is not None:
            self.connection.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def idle_check(emulator, pid, payloads, seconds, failures):
    """Waits `seconds` (libdispatch ends worker threads idle for 5 s), then invokes every event once more: the same
    bootstrap process must answer each with its status. A thread that ended by unwinding (`pthread_exit`) would
    abort the bootstrap, which is linked without unwind tables."""
    threads_before = len(os.listdir(f"/proc/{pid}/task"))
    time.sleep(seconds)
    threads_idle = len(os.listdir(f"/proc/{pid}/task")) if os.path.exists(f"/proc/{pid}") else 0
    wrong = {}
    for name in sorted(payloads):
        _, body = emulator.invoke(payloads[name])
        try:
            document = json.loads(body)
            got = document.get("statusCode", document.get("errorType", "no status"))
        except ValueError:
            got = f"not JSON: {body[:80]!r}"
        if got != EXPECTED[name]:
            wrong[name] = got
    current = emulator.bootstrap_pid()
    print(f"== after {seconds:g} s idle: threads {threads_before} → {threads_idle}; {len(payloads)} events again, "
          f"bootstrap pid {current}", flush=True)
    if current != pid:
        failures.append(f"after {seconds:g} s idle the bootstrap was restarted (pid {pid} → {current})")
    if wrong:
        failures.append(f"after {seconds:g} s idle, unexpected statuses: {wrong}")


def default_bootstrap():
    arch = "x86_64" if platform.machine() in ("x86_64", "amd64") else "arm64"
    staged = os.path.join(ROOT, f".build-lambda/lambda-{arch}/bootstrap")
    return staged if os.access(staged, os.X_OK) else os.path.join(ROOT, ".build/release/bootstrap")


def default_rie():
    if os.environ.get("PHONEY_RIE"):
        return os.environ["PHONEY_RIE"]
    arch = "x86_64" if platform.machine() in ("x86_64", "amd64") else "arm64"
    path = os.path.join(ROOT, f".build-tools/aws-lambda-rie-{arch}")
    if os.access(path, os.X_OK):
        return path
    return subprocess.run([os.path.join(ROOT, "scripts/lambda-rie.sh")], capture_output=True, text=True,
                          check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invocations", type=int, default=10000)
    parser.add_argument("--bootstrap", default=None)
    parser.add_argument("--rie", default=None)
    parser.add_argument("--sample-every", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--rss-growth-mib", type=float, default=8)
    parser.add_argument("--idle", type=float, default=0,
                        help="then wait this many seconds (threads the runtime no longer needs end) and invoke "
                             "every event once more, in the same process")
    parser.add_argument("--json-out")
    args = parser.parse_args()
    bootstrap = args.bootstrap or default_bootstrap()
    rie = args.rie or default_rie()
    for path in (bootstrap, rie):
        if not os.access(path, os.X_OK):
            sys.exit(f"lambda-soak: {path} is not executable")

    events = {}
    for name in sorted(EXPECTED):
        with open(os.path.join(EVENTS, name)) as handle:
            events[name] = handle.read()
    environment = {
        "ENV_STATE": "test", "API_USERNAME": "phoney", "API_PASSWORD_HASH": PASSWORD_HASH,
        "API_KEY": "test-api-key-0123456789", "CORS_ORIGINS": "https://app.example.com",
        "RATE_LIMIT_PER_MINUTE": "0", "LOG_LEVEL": "warning", "AWS_LAMBDA_FUNCTION_NAME": "phoney-soak",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "1769", "AWS_LAMBDA_FUNCTION_TIMEOUT": "30",
    }
    emulator = Emulator(rie, bootstrap, environment)
    failures = []
    samples = []
    unexpected = {}
    counts = {}
    try:
        status, body = emulator.invoke(events["post-token-form.json"].encode())
        token = json.loads(json.loads(body)["body"])["access_token"]
        payloads = {name: text.replace("Bearer <token>", f"Bearer {token}").encode() for name, text in events.items()}
        names = sorted(payloads)
        pid = emulator.bootstrap_pid()
        print(f"== lambda-soak: {args.invocations} serial invocations of {len(names)} v2 events, bootstrap "
              f"{bootstrap} (pid {pid}); load average {' '.join(open('/proc/loadavg').read().split()[:3])}",
              flush=True)
        started = time.monotonic()
        durations = []
        for index in range(1, args.invocations + 1):
            name = names[index % len(names)]
            before = time.perf_counter()
            status, body = emulator.invoke(payloads[name])
            durations.append(time.perf_counter() - before)
            try:
                document = json.loads(body)
                got = document.get("statusCode", document.get("errorType", "no status"))
            except ValueError:
                got = f"HTTP {status}: {body[:80]!r}"
            counts[got] = counts.get(got, 0) + 1
            if got != EXPECTED[name]:
                key = f"{name} → {got}"
                unexpected[key] = unexpected.get(key, 0) + 1
            if index % args.sample_every == 0:
                current = emulator.bootstrap_pid()
                sample = {"invocations": index, "pid": current, "seconds": round(time.monotonic() - started, 1),
                          "rss_kib": status_kib(current, "VmRSS") if current else None,
                          "hwm_kib": status_kib(current, "VmHWM") if current else None}
                samples.append(sample)
                print(f"{index:>6} invocations  {sample['seconds']:>6.1f} s  VmRSS {sample['rss_kib'] / 1024:6.1f} MiB"
                      f"  VmHWM {sample['hwm_kib'] / 1024:6.1f} MiB", flush=True)
                if current != pid:
                    failures.append(f"the bootstrap was restarted (pid {pid} → {current}) by invocation {index}")
                    pid = current
        elapsed = time.monotonic() - started
        if args.idle > 0:
            idle_check(emulator, pid, payloads, args.idle, failures)
    finally:
        emulator.stop()
    if unexpected:
        failures.append(f"unexpected statuses: {unexpected}")
    warm = [s for s in samples if s["invocations"] >= args.warmup]
    growth = None
    if warm:
        growth = (samples[-1]["rss_kib"] - warm[0]["rss_kib"]) / 1024
        if growth > args.rss_growth_mib:
            failures.append(f"VmRSS grew {growth:.1f} MiB from invocation {warm[0]['invocations']} to "
                            f"{samples[-1]['invocations']} (bound {args.rss_growth_mib:g} MiB)")
    durations.sort()
    print(f"== {args.invocations} invocations in {elapsed:.1f} s (client p50 "
          f"{durations[len(durations) // 2] * 1000:.2f} ms, p99 {durations[int(len(durations) * 0.99)] * 1000:.2f} ms)"
          f"; statuses {dict(sorted(counts.items(), key=str))}")
    if warm:
        print(f"== VmRSS after warm-up ({warm[0]['invocations']}): {warm[0]['rss_kib'] / 1024:.1f} MiB, at the end: "
              f"{samples[-1]['rss_kib'] / 1024:.1f} MiB (growth {growth:+.1f} MiB, bound {args.rss_growth_mib:g} MiB)"
              f"; first sample {samples[0]['rss_kib'] / 1024:.1f} MiB")
    if args.json_out:
        with open(args.json_out, "w") as handle:
            json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "samples": samples,
                       "counts": {str(k): v for k, v in counts.items()}, "failures": failures,
                       "seconds": elapsed}, handle, indent=1)
    for failure in failures:
        print(f"lambda-soak: FAIL: {failure}")
    if failures:
        print(f"lambda-soak: emulator log in {emulator.log.name}")
        return 1
    os.unlink(emulator.log.name)
    print("lambda-soak: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
