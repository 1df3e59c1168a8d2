#!/usr/bin/env python3
"""Cold and warm figures of the Lambda `bootstrap` under the AWS Lambda Runtime Interface Emulator.

Init duration: the emulator's `INIT REPORT(durationMs: …)` line, median of N fresh starts.
First invoke: the emulator's `INVOKE RTDONE(… duration: …)` of the first invocation after each fresh start (from
the event handed to the runtime to the runtime's response; the REPORT line's Duration of a first invocation also
counts init), median, and the handler's own time (the EMF line's ExecutionTime).
Warm: p50/p99 of serial invocations after the first, RTDONE durations, the handler's time and the client's clock.
Peak RSS: VmHWM of the bootstrap process after the warm run (the emulator's own Max Memory figure is not real).

The request is `POST /template` with the 10-field person fixture (fixtures/person.json), count=100.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def event(template, count):
    body = json.dumps({"template": template, "count": count})
    return json.dumps({
        "version": "2.0", "routeKey": "$default", "rawPath": "/template", "rawQueryString": "",
        "headers": {"content-type": "application/json", "host": "bench.execute-api.us-east-1.amazonaws.com"},
        "requestContext": {"http": {"method": "POST", "path": "/template", "sourceIp": "192.0.2.1"},
                           "stage": "$default", "requestId": "bench"},
        "body": body, "isBase64Encoded": False,
    }).encode()


class Emulator:
    def __init__(self, rie, bootstrap, environment):
        self.port = random.randint(20000, 60000)
        self.log = open(f"/tmp/phoney-lambda-bench-{self.port}.log", "w+")
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(environment)
        self.process = subprocess.Popen(
            [rie, "--log-level", "info", "--runtime-interface-emulator-address", f"127.0.0.1:{self.port}",
             "--runtime-api-address", f"127.0.0.1:{self.port + 1}", bootstrap],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.url = f"http://127.0.0.1:{self.port}/2015-03-31/functions/function/invocations"

    def invoke(self, payload):
        for _ in range(200):
            try:
                started = time.perf_counter()
                with urllib.request.urlopen(urllib.request.Request(self.url, data=payload), timeout=60) as answer:
                    body = answer.read()
                return (time.perf_counter() - started) * 1000, body
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.02)
        raise RuntimeError("the emulator did not answer")

    def text(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def bootstrap_pid(self):
        tasks = f"/proc/{self.process.pid}/task"
        for task in os.listdir(tasks):
            with open(f"{tasks}/{task}/children") as handle:
                children = handle.read().split()
            if children:
                return int(children[0])
        raise RuntimeError("no bootstrap process")

    def peak_kilobytes(self):
        with open(f"/proc/{self.bootstrap_pid()}/status") as handle:
            return int(re.search(r"VmHWM:\s+(\d+)", handle.read()).group(1))

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default=os.path.join(ROOT, ".build/release/bootstrap"))
    parser.add_argument("--rie", default=os.environ.get("PHONEY_RIE", os.path.join(ROOT, ".build-tools/aws-lambda-rie-x86_64")))
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--invokes", type=int, default=200)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    with open(os.path.join(ROOT, "fixtures/person.json")) as handle:
        payload = event(json.load(handle), args.count)
    environment = {"ENV_STATE": "test", "RATE_LIMIT_PER_MINUTE": "0", "LOG_LEVEL": "warning",
                   "AWS_LAMBDA_FUNCTION_NAME": "phoney-bench", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128"}

    inits, firsts, handlers, first_clients = [], [], [], []
    for _ in range(args.starts):
        emulator = Emulator(args.rie, args.bootstrap, environment)
        try:
            client, body = emulator.invoke(payload)
            assert json.loads(body)["statusCode"] == 200, body[:300]
            log = emulator.text()
            inits.append(float(re.search(r"INIT REPORT\(durationMs: ([\d.]+)\)", log).group(1)))
            firsts.append(float(re.search(r"INVOKE RTDONE\(status: success[^)]*duration: ([\d.]+)ms\)", log).group(1)))
            handlers.append(float(re.search(r'"ExecutionTime":([\d.]+)', log).group(1)))
            first_clients.append(client)
        finally:
            emulator.stop()

    emulator = Emulator(args.rie, args.bootstrap, environment)
    try:
        emulator.invoke(payload)
        clients = []
        for _ in range(args.invokes):
            client, body = emulator.invoke(payload)
            assert json.loads(body)["statusCode"] == 200, body[:300]
            clients.append(client)
        log = emulator.text()
        durations = [float(d) for d in re.findall(r"INVOKE RTDONE\(status: success[^)]*duration: ([\d.]+)ms\)", log)][1:]
        warm_handlers = [float(d) for d in re.findall(r'"ExecutionTime":([\d.]+)', log)][1:]
        peak = emulator.peak_kilobytes()
    finally:
        emulator.stop()

    size = os.path.getsize(args.bootstrap)
    print(f"bootstrap: {args.bootstrap} ({size / 1e6:.1f} MB)")
    print(f"init (INIT REPORT durationMs), median of {args.starts} fresh starts: {statistics.median(inits):.1f} ms"
          f" (min {min(inits):.1f}, max {max(inits):.1f})")
    print(f"first invoke, median of {args.starts}: {statistics.median(firsts):.2f} ms (RTDONE), handler"
          f" {statistics.median(handlers):.2f} ms; client {statistics.median(first_clients):.2f} ms including init")
    print(f"warm, {len(durations)} serial invokes: p50 {percentile(durations, 0.5):.2f} ms, p99 {percentile(durations, 0.99):.2f} ms"
          f" (RTDONE); handler p50 {percentile(warm_handlers, 0.5):.2f} ms, p99 {percentile(warm_handlers, 0.99):.2f} ms;"
          f" client p50 {percentile(clients, 0.5):.2f} ms, p99 {percentile(clients, 0.99):.2f} ms")
    print(f"peak RSS (VmHWM of bootstrap): {peak / 1024:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
