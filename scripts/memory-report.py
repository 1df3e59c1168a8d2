#!/usr/bin/env python3
"""The Lambda memory and cost report: AWS Lambda Power Tuning's question (which memory size?) answered without an AWS
account, from CPU time measured here through the real `bootstrap` under the Lambda Runtime Interface Emulator.

What it does, in order:

1. Measure. For each fixture (person, simple, nested, wide) and count (1, 100, 1000, 10000) a fresh emulator on
   loopback starts the bootstrap (pinned with its emulator to one core, as a 1-vCPU Lambda), sends one cold and then
   serial warm API Gateway payload 2.0 events: `POST /template` for count <= 1000, `POST /api/v1/template/generate`
   with `x-api-key` (API_KEY is set in the emulator's environment) for 10000. Per warm invocation it reads the
   bootstrap's CPU time (the sum of /proc/PID/task/*/schedstat, nanoseconds; /proc/PID/stat utime+stime over the
   batch as a cross-check), the emulator's `INVOKE RTDONE` duration (wall), the response document's size and status;
   per process the `INIT REPORT` duration, the CPU time up to the end of the first invocation (init + first request)
   and VmHWM (peak RSS).
2. Model. Lambda gives a function CPU in proportion to its memory: 1 vCPU at 1,769 MB, that share of one below it,
   more vCPUs above it (up to 6 at 10,240 MB). Predicted duration at M MB:
       d(M) = c / min(1, M / 1769) + o
   with c the median warm CPU time per invocation measured here and o the median of (RTDONE - CPU) per invocation,
   the part of an invocation that is not the bootstrap's CPU (loopback hand-offs). Above 1,769 MB nothing gets
   faster: the Lambda transport buffers every response and renders it on the request's own thread (`threads: 0` in
   PreparedBulk.renderRecords); the engine's parallel chunks serve only the HTTP server's streamed responses. A cold
   invocation adds the init: d_cold(M) = (CPU up to the end of the first invocation) / min(1, M / 1769) + o.
   Cost: billed duration ceil(d) ms x M/1024 GB x the arm64 price per GB-second, plus the request fee; the HTTP
   API's fee is shown separately.
3. Check the model where the machine allows: the bootstrap under a cgroup v1 CPU quota (/sys/fs/cgroup/cpu, as
   root) at a few fractions of one core, measured durations against d at the equivalent memory size.
4. Write Benchmarks/memory-report.md, .svg (cost and duration against memory, one line per main workload),
   memory-recommendation.json (per-stage memory for the deployment stack); the raw figures go to
   .build-tools/memory-report.json (`--raw-json`), from which `--from-json` renders the report again without
   measuring.

    scripts/memory-report.sh                                      # measure .build/release/bootstrap, write all four
    python3 scripts/memory-report.py --bootstrap PATH --rie PATH [--no-quota-check] [--quick]
    python3 scripts/memory-report.py --from-json .build-tools/memory-report.json   # re-render only
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import re
import secrets
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIXTURES = ("person", "simple", "nested", "wide")
COUNTS = (1, 100, 1000, 10000)
MEMORY_SIZES = (128, 256, 512, 1024, 1536, 1769, 2048, 3008, 4096, 10240)
ONE_VCPU_MB = 1769
MAX_MB, MAX_VCPUS = 10240, 6
PUBLIC_MAX_COUNT = 1000  # /template takes at most this many; above it, /api/v1/template/generate with a key.
# Lambda's response limit as the Runtime API counts it (6 MB); the emulator's own cut-off is 6,291,556 bytes.
RESPONSE_LIMIT = 6_291_456

PRICES = {
    "region": "us-east-1",
    "as_of": "AWS list prices in force since arm64 (Graviton2) Lambda launched in September 2021, unchanged as of "
             "2026 by the project's own figures (Sources/PhoneyLambda/InvocationMetrics.swift); not re-checked "
             "online for this run (the machine has no network)",
    "arm64_per_gb_second": 0.0000133334,  # first tier (the first 7.5 billion GB-seconds a month)
    "x86_64_per_gb_second": 0.0000166667,
    "request": 0.20 / 1e6,
    "http_api_request": 1.00 / 1e6,  # HTTP API, first 300 million requests a month
}
BALANCED_WEIGHT = 0.5
# The kernel's CFS weight of a few nice values (sched_prio_to_weight), for the cgroup's cpu.shares.
NICE_WEIGHTS = {-10: 9548, -5: 3121, 0: 1024}
HEADROOM_FRACTION, HEADROOM_MIN_MB = 0.25, 32
HEADLINE = ("person", 100)
PLAN_PER_MILLION = (25.0, 50.0)
CHART_WORKLOADS = (("simple", 1), ("person", 100), ("nested", 1000), ("wide", 1000), ("person", 10000))


# ------------------------------------------------------------------------------------------------------------------
# The emulator and the bootstrap process.

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def event(fixture_template, count, api_key):
    body = json.dumps({"template": fixture_template, "count": count, "seed": 1}, separators=(",", ":"))
    path = "/template" if count <= PUBLIC_MAX_COUNT else "/api/v1/template/generate"
    headers = {"content-type": "application/json", "host": "report.execute-api.us-east-1.amazonaws.com",
               "user-agent": "phoney-memory-report"}
    if path != "/template":
        headers["x-api-key"] = api_key
    return path, json.dumps({
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "", "headers": headers,
        "requestContext": {"http": {"method": "POST", "path": path, "protocol": "HTTP/1.1", "sourceIp": "192.0.2.1",
                                    "userAgent": "phoney-memory-report"},
                           "stage": "$default", "requestId": "memory-report", "timeEpoch": int(time.time() * 1000)},
        "body": body, "isBase64Encoded": False,
    }).encode()


class Emulator:
    """One emulator on loopback with its bootstrap, both pinned to `cpu`."""

    def __init__(self, rie, bootstrap, environment, cpu, nice=0, timeout_seconds=60):
        self.port = free_port()
        api_port = free_port()
        self.log = tempfile.NamedTemporaryFile("w+", prefix="phoney-memory-report-", suffix=".log", delete=False)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "API_KEY"}
        env.update(environment)
        env["AWS_LAMBDA_FUNCTION_TIMEOUT"] = str(timeout_seconds)

        def pin():
            if cpu is not None:
                os.sched_setaffinity(0, {cpu})
            if nice:
                try:
                    os.nice(nice)
                except OSError:
                    pass

        self.process = subprocess.Popen(
            [rie, "--log-level", "info", "--runtime-interface-emulator-address", f"127.0.0.1:{self.port}",
             "--runtime-api-address", f"127.0.0.1:{api_port}", bootstrap],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, env=env, preexec_fn=pin)
        self.url = f"http://127.0.0.1:{self.port}/2015-03-31/functions/function/invocations"
        self.pid = None

    def invoke(self, payload, timeout=120):
        deadline = time.monotonic() + 10
        while True:
            try:
                started = time.perf_counter()
                request = urllib.request.Request(self.url, data=payload, method="POST")
                with urllib.request.urlopen(request, timeout=timeout) as answer:
                    body = answer.read()
                return (time.perf_counter() - started) * 1000, body
            except (ConnectionError, urllib.error.URLError) as error:
                if isinstance(error, urllib.error.HTTPError) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def text(self):
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def bootstrap_pid(self):
        if self.pid is None:
            tasks = f"/proc/{self.process.pid}/task"
            for task in os.listdir(tasks):
                with open(f"{tasks}/{task}/children") as handle:
                    children = handle.read().split()
                if children:
                    self.pid = int(children[0])
                    break
            else:
                raise RuntimeError("the emulator has no bootstrap process")
        return self.pid

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        os.unlink(self.log.name)


def sched_ns(pid):
    """(time on a CPU, time runnable but waiting for one) of all the process's live threads, in nanoseconds, from
    /proc/PID/task/*/schedstat."""
    run = wait = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as handle:
                fields = handle.read().split()
            run += int(fields[0])
            wait += int(fields[1])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return run, wait


def cpu_ns(pid):
    return sched_ns(pid)[0]


def stat_ms(pid):
    """utime + stime of the whole process (threads that ended included), in milliseconds (clock-tick precision)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as handle:
        return int(re.search(rf"{key}:\s+(\d+)", handle.read()).group(1))


def rtdone_durations(log):
    return [float(d) for d in re.findall(r"INVOKE RTDONE\(status: \w+[^)]*duration: ([\d.]+)ms", log)]


def init_duration(log):
    found = re.search(r"INIT REPORT\(durationMs: ([\d.]+)\)", log)
    return float(found.group(1)) if found else None


def document_status(body):
    try:
        document = json.loads(body)
        return int(document.get("statusCode", 0)), document
    except (ValueError, AttributeError):
        return 0, None


# ------------------------------------------------------------------------------------------------------------------
# Measuring.

def warm_invokes(count, quick):
    base = {1: 500, 100: 400, 1000: 120, 10000: 25}.get(count, 20)
    return max(3, base // 4) if quick else base


def measure_workload(args, fixture, count, environment, invokes, cgroup=None):
    with open(os.path.join(ROOT, "fixtures", f"{fixture}.json")) as handle:
        template = json.load(handle)
    path, payload = event(template, count, environment["API_KEY"])
    emulator = Emulator(args.rie, args.bootstrap, environment, args.cpu, args.nice)
    try:
        cold_client, body = emulator.invoke(payload)
        pid = emulator.bootstrap_pid()
        cold_cpu = cpu_ns(pid) / 1e6
        cold_stat = stat_ms(pid)
        rss_after_cold = status_kb(pid, "VmRSS")
        status, document = document_status(body)
        if status not in (200, 413):
            raise SystemExit(f"memory-report: {fixture} x {count} answered {status}: {body[:400]!r}")
        throttle_before = None
        if cgroup:
            cgroup.add(pid)
            throttle_before = cgroup.stat()
        cpus, waits, clients, emulator_cpus = [], [], [], []
        stat_before = stat_ms(pid)
        for _ in range(invokes):
            (run, wait), emulator_before = sched_ns(pid), cpu_ns(emulator.process.pid)
            client, body = emulator.invoke(payload)
            run_after, wait_after = sched_ns(pid)
            cpus.append((run_after - run) / 1e6)
            waits.append((wait_after - wait) / 1e6)
            emulator_cpus.append((cpu_ns(emulator.process.pid) - emulator_before) / 1e6)
            clients.append(client)
        stat_after = stat_ms(pid)
        warm_status, warm_document = document_status(body)
        result = {
            "fixture": fixture, "count": count, "route": path, "invokes": invokes,
            "status": warm_status, "response_bytes": len(body),
            "cold_client_ms": cold_client, "cold_cpu_ms": cold_cpu, "cold_stat_ms": cold_stat,
            "rss_after_cold_mb": rss_after_cold / 1024,
            "cpu_ms": cpus, "wait_ms": waits, "client_ms": clients, "emulator_cpu_ms": emulator_cpus,
            "stat_cpu_ms_per_invoke": (stat_after - stat_before) / invokes,
            "peak_rss_mb": status_kb(pid, "VmHWM") / 1024,
        }
        if warm_status == 413 and warm_document:
            try:
                detail = json.loads(warm_document.get("body") or "{}")
                result["max_count_per_request"] = detail.get("max_count_per_request")
            except ValueError:
                pass
        if cgroup:
            after = cgroup.stat()
            result["throttle"] = {k: after.get(k, 0) - throttle_before.get(k, 0) for k in after}
        log = emulator.text()
        durations = rtdone_durations(log)
        result["init_ms"] = init_duration(log)
        result["first_rtdone_ms"] = durations[0] if durations else None
        result["rtdone_ms"] = durations[1:]
        if len(result["rtdone_ms"]) != invokes:
            raise SystemExit(f"memory-report: {len(result['rtdone_ms'])} RTDONE lines for {invokes} invokes")
        return result
    finally:
        emulator.stop()


class CGroup:
    """A cgroup v1 CPU quota: /sys/fs/cgroup/cpu/NAME with cpu.cfs_quota_us / cpu.cfs_period_us."""

    BASE = "/sys/fs/cgroup/cpu"

    def __init__(self, name, quota_fraction, period_us, shares=1024):
        self.path = os.path.join(self.BASE, name)
        os.mkdir(self.path)
        self.write("cpu.cfs_period_us", period_us)
        self.write("cpu.cfs_quota_us", int(round(quota_fraction * period_us)))
        # The group competes with other processes as one entity of weight cpu.shares: give it the weight of the
        # niceness the unthrottled runs had (-10: 9548), so the quota and not the neighbours limits it.
        self.write("cpu.shares", shares)

    def write(self, name, value):
        with open(os.path.join(self.path, name), "w") as handle:
            handle.write(f"{value}\n")

    def add(self, pid):
        self.write("cgroup.procs", pid)

    def stat(self):
        with open(os.path.join(self.path, "cpu.stat")) as handle:
            return {k: int(v) for k, v in (line.split() for line in handle if line.strip())}

    def remove(self):
        # Whatever is left (nothing, once the emulator has stopped) goes back to the root before the rmdir.
        try:
            with open(os.path.join(self.path, "cgroup.procs")) as handle:
                left = handle.read().split()
            for pid in left:
                try:
                    with open(os.path.join(self.BASE, "cgroup.procs"), "w") as root:
                        root.write(f"{pid}\n")
                except OSError:
                    pass
        except OSError:
            pass
        for _ in range(50):
            try:
                os.rmdir(self.path)
                return
            except OSError:
                time.sleep(0.1)
        print(f"memory-report: could not remove {self.path}", file=sys.stderr)


def quota_available():
    return os.geteuid() == 0 and os.path.isfile(os.path.join(CGroup.BASE, "cpu.cfs_quota_us"))


def measure(args):
    api_key = secrets.token_hex(16)
    environment = {
        "ENV_STATE": "test", "RATE_LIMIT_PER_MINUTE": "0", "LOG_LEVEL": "warning", "API_KEY": api_key,
        "AWS_LAMBDA_FUNCTION_NAME": "phoney-memory-report", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(ONE_VCPU_MB),
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
    }
    load_before = os.getloadavg()
    started = time.time()
    workloads = []
    for fixture in args.fixtures:
        for count in args.counts:
            result = measure_workload(args, fixture, count, environment, warm_invokes(count, args.quick))
            workloads.append(result)
            print(f"  {fixture:6} x {count:>5}: CPU {statistics.median(result['cpu_ms']):8.3f} ms/invoke,"
                  f" RTDONE {statistics.median(result['rtdone_ms']):8.3f} ms, status {result['status']},"
                  f" {result['response_bytes']:>9,} B, VmHWM {result['peak_rss_mb']:.1f} MB,"
                  f" init {result['init_ms']} ms", file=sys.stderr, flush=True)
    colds = []
    for _ in range(args.cold_starts):
        colds.append(measure_workload(args, HEADLINE[0], HEADLINE[1], environment, 1))
    print(f"  {args.cold_starts} more cold starts of {HEADLINE[0]} x {HEADLINE[1]}: init "
          f"{[round(c['init_ms'], 1) for c in colds]} ms", file=sys.stderr, flush=True)

    checks = []
    if args.quota_check and quota_available():
        name = f"phoney-memory-report-{os.getpid()}"
        for fixture, count in args.check_workloads:
            for fraction, period in args.quotas:
                group = CGroup(name, fraction, period, NICE_WEIGHTS.get(args.nice, 1024))
                try:
                    result = measure_workload(args, fixture, count, environment,
                                              warm_invokes(count, args.quick), cgroup=group)
                finally:
                    group.remove()
                result["quota"], result["period_us"] = fraction, period
                checks.append(result)
                print(f"  quota {fraction:4.0%} (period {period // 1000} ms) {fixture} x {count}: RTDONE median"
                      f" {statistics.median(result['rtdone_ms']):.2f} ms, CPU"
                      f" {statistics.median(result['cpu_ms']):.3f} ms, throttled"
                      f" {result['throttle'].get('nr_throttled', 0)}/{result['throttle'].get('nr_periods', 0)}",
                      file=sys.stderr, flush=True)
    elif args.quota_check:
        print("memory-report: no cgroup v1 CPU controller writable here (root and /sys/fs/cgroup/cpu needed):"
              " the model check is skipped", file=sys.stderr)

    model, cores = cpu_model(), os.cpu_count()
    return {
        "measured_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "seconds": round(time.time() - started, 1),
        "command": args.command or shlex.join(["python3", "scripts/memory-report.py", *sys.argv[1:]]),
        "machine": {"cpu": model, "cores": cores, "kernel": platform.release(), "arch": platform.machine(),
                    "load_before": load_before, "load_after": os.getloadavg(), "pinned_cpu": args.cpu,
                    "nice": args.nice},
        "bootstrap": describe_binary(args.bootstrap, args.bootstrap_source),
        "rie": describe_binary(args.rie, args.rie),
        "workloads": workloads, "cold_starts": colds, "quota_checks": checks,
    }


def cpu_model():
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def describe_binary(path, source):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    kind = subprocess.run(["file", "-b", path], capture_output=True, text=True).stdout.strip() \
        if shutil.which("file") else ""
    modified = datetime.datetime.fromtimestamp(os.path.getmtime(source)).astimezone().isoformat(timespec="minutes")
    return {"path": os.path.relpath(path, ROOT), "source": os.path.relpath(source, ROOT), "modified": modified,
            "bytes": os.path.getsize(path), "sha256": digest.hexdigest()[:16], "file": kind.split(",")[0:3]}


# ------------------------------------------------------------------------------------------------------------------
# The model.

def share(memory):
    """The fraction of one vCPU a single thread gets at `memory` MB (capped at one: one thread uses one vCPU)."""
    return min(1.0, memory / ONE_VCPU_MB)


def vcpus(memory):
    """Lambda's vCPU allocation at `memory` MB: proportional, 1 at 1,769 MB, about 6 at 10,240 MB."""
    return memory / ONE_VCPU_MB


def fit_needed_mb(peak_mb):
    return peak_mb + max(HEADROOM_MIN_MB, HEADROOM_FRACTION * peak_mb)


def trimmed(values, keep=0.95):
    """The values less the slowest (1 - keep): on a shared machine those are the neighbours' doing."""
    ordered = sorted(values)
    return ordered[:max(1, math.ceil(keep * len(ordered)))]


def model_workload(w, timeout_ms, cold_cpu, cold_overhead):
    samples = trimmed(w["cpu_ms"])
    c = statistics.fmean(samples)
    # The part of an invocation that is not the bootstrap's CPU time: hand-offs between its threads and to the
    # emulator, plus waiting behind other processes for the core (this machine is shared; a Lambda's vCPU is not).
    # The 10th percentile keeps the first and mostly drops the second.
    overhead = max(0.0, percentile([r - p for r, p in zip(w["rtdone_ms"], w["cpu_ms"])], 0.1))
    need = fit_needed_mb(w["peak_rss_mb"])
    responds = w["status"] == 200 and w["response_bytes"] <= RESPONSE_LIMIT
    rows = []
    for memory in MEMORY_SIZES:
        # Average over the measured invocations, as Power Tuning averages over real ones: each one's duration
        # scaled, then billed rounded up to the millisecond (the average of the rounded, not the rounded average).
        durations = [x / share(memory) + overhead for x in samples]
        duration = statistics.fmean(durations)
        billed = statistics.fmean(math.ceil(d) for d in durations)
        compute = billed / 1000 * memory / 1024 * PRICES["arm64_per_gb_second"]
        cold = cold_cpu / share(memory) + cold_overhead
        cold_compute = math.ceil(cold) / 1000 * memory / 1024 * PRICES["arm64_per_gb_second"]
        rows.append({
            "memory": memory, "vcpus": vcpus(memory), "duration_ms": duration, "billed_ms": billed,
            "compute_usd": compute, "invocation_usd": compute + PRICES["request"],
            "per_million_usd": (compute + PRICES["request"]) * 1e6,
            "cold_ms": cold, "cold_compute_usd": cold_compute,
            "fits_memory": memory >= need, "fits_time": cold <= timeout_ms,
            "fits": responds and memory >= need and cold <= timeout_ms,
        })
    fitting = [r for r in rows if r["fits"]]
    picks = {}
    if fitting:
        # The request fee is the same at every size: the picks compare the duration charge.
        picks["cost"] = min(fitting, key=lambda r: (r["compute_usd"], r["duration_ms"]))["memory"]
        picks["speed"] = min(fitting, key=lambda r: (round(r["duration_ms"], 6), r["compute_usd"]))["memory"]
        top_cost = max(r["compute_usd"] for r in fitting)
        top_time = max(r["duration_ms"] for r in fitting)
        picks["balanced"] = min(fitting, key=lambda r: (
            BALANCED_WEIGHT * r["compute_usd"] / top_cost + (1 - BALANCED_WEIGHT) * r["duration_ms"] / top_time,
            r["memory"]))["memory"]
    return {
        "fixture": w["fixture"], "count": w["count"], "cpu_ms": c, "overhead_ms": overhead,
        "cpu_median_ms": statistics.median(w["cpu_ms"]),
        "cpu_mean_ms": statistics.fmean(w["cpu_ms"]), "cpu_p90_ms": percentile(w["cpu_ms"], 0.9),
        "rtdone_ms": statistics.median(w["rtdone_ms"]), "need_mb": need, "responds": responds, "rows": rows,
        "cold_cpu_ms": cold_cpu, "cold_overhead_ms": cold_overhead,
        "smallest_fit": min((r["memory"] for r in rows if r["fits"]), default=None), "picks": picks,
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def stage_settings():
    try:
        with open(os.path.join(ROOT, "deploy/aws/stages.json")) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def mix_picks(models):
    """The strategies over the whole mix of workloads that fit: at each size (that fits them all) the mean over the
    workloads of each one's cost and duration relative to its own highest, so that every workload counts alike."""
    servable = [m for m in models if m["smallest_fit"] is not None]
    sizes = [size for size in MEMORY_SIZES
             if all(next(r for r in m["rows"] if r["memory"] == size)["fits"] for m in servable)]
    scores = {}
    for size in sizes:
        cost = time_ = 0.0
        for m in servable:
            fitting = [r for r in m["rows"] if r["fits"]]
            row = next(r for r in m["rows"] if r["memory"] == size)
            cost += row["compute_usd"] / max(r["compute_usd"] for r in fitting)
            time_ += row["duration_ms"] / max(r["duration_ms"] for r in fitting)
        scores[size] = (cost / len(servable), time_ / len(servable))
    def balanced_score(size):
        return BALANCED_WEIGHT * scores[size][0] + (1 - BALANCED_WEIGHT) * scores[size][1]

    ranked = sorted(sizes, key=lambda size: (balanced_score(size), size))
    return {
        "balanced_runner_up": ranked[1] if len(ranked) > 1 else None,
        "balanced_margin": (balanced_score(ranked[1]) / balanced_score(ranked[0]) - 1) if len(ranked) > 1 else None,
        "cost": min(sizes, key=lambda size: (scores[size][0], scores[size][1])),
        "speed": min(sizes, key=lambda size: (round(scores[size][1], 9), scores[size][0])),
        "balanced": min(sizes, key=lambda size: (
            BALANCED_WEIGHT * scores[size][0] + (1 - BALANCED_WEIGHT) * scores[size][1], size)),
        "scores": {str(size): [round(a, 4), round(b, 4)] for size, (a, b) in scores.items()},
        "workloads": len(servable),
    }


def recommend(models, stages):
    """Per-stage memory from the whole mix of workloads that fit a Lambda: dev the 'cost' pick, prod (and staging,
    which mirrors it) the 'balanced' pick, both raised to fit every such workload, prod also until every one's
    predicted warm duration is within prod's p99 latency alarm."""
    servable = [m for m in models if m["smallest_fit"] is not None]
    fit_all = max(m["smallest_fit"] for m in servable)
    target = float(stages.get("prod", {}).get("alarm_p99_latency_ms", 1000))
    fast_enough = next((size for size in MEMORY_SIZES if all(
        next(r for r in m["rows"] if r["memory"] == size)["duration_ms"] <= target for m in servable)),
        MEMORY_SIZES[-1])
    mix = mix_picks(models)
    dev = max(mix["cost"], fit_all)
    prod = max(mix["balanced"], fit_all, fast_enough)
    return {
        "dev": dev, "staging": prod, "prod": prod,
        "basis": (f"The {mix['workloads']} fixture/count workloads that fit a Lambda (Benchmarks/memory-report.md),"
                  " each weighted alike: dev = the 'cost' pick over them"
                  f" ({mix['cost']} MB), prod = the 'balanced' pick ({mix['balanced']} MB: the lowest"
                  f" {BALANCED_WEIGHT} x relative cost + {1 - BALANCED_WEIGHT} x relative duration, Power Tuning's"
                  f" weighted strategy; {mix['balanced_runner_up']} MB scores {mix['balanced_margin']:.1%} worse),"
                  " each at least the smallest size that holds every one of them"
                  f" ({fit_all} MB: peak RSS + max({HEADROOM_MIN_MB} MB, {HEADROOM_FRACTION:.0%})) and, for prod,"
                  " the smallest at which every one's predicted warm duration is within prod's p99 latency alarm"
                  f" ({target:.0f} ms: {fast_enough} MB); staging mirrors prod so that its canary sees prod's"
                  " timing. Measured on x86_64, priced as arm64."),
        "mix": mix, "smallest_fit_all_mb": fit_all, "latency_target_ms": target, "fast_enough_mb": fast_enough,
    }


# ------------------------------------------------------------------------------------------------------------------
# The chart.

def svg_chart(models, data):
    chosen = [m for key in CHART_WORKLOADS for m in models if (m["fixture"], m["count"]) == key]
    colors = ("#1b6ca8", "#d1495b", "#2e933c", "#8e5ea2", "#e08e0b", "#555555")
    width, height = 960, 800
    left, right = 95, 215
    panel_h, top1, top2 = 250, 125, 485
    plot_w = width - left - right
    xs = {size: left + plot_w * i / (len(MEMORY_SIZES) - 1) for i, size in enumerate(MEMORY_SIZES)}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
           f' font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="26" font-size="17" font-weight="bold">Phoney on AWS Lambda: cost and duration against'
           f' memory (predicted)</text>',
           f'<text x="{left}" y="45" fill="#444">Bootstrap CPU time measured {data["measured_at"][:10]} on x86_64'
           f' under the Lambda Runtime Interface Emulator (one core),</text>',
           f'<text x="{left}" y="60" fill="#444">scaled by Lambda\'s CPU share (1 vCPU at 1,769 MB, proportional'
           f' below); arm64 prices, {PRICES["region"]}; warm invocations.</text>',
           f'<text x="{left}" y="75" fill="#444">Cost = the duration charge only: the request fee ($0.20 per'
           f' million) adds $2.0e-7 to every invocation at every size.</text>']

    def panel(top, title, values, unit_fmt, log_axis=True):
        lows = [v for m in chosen for v in values(m) if v > 0]
        lo = 10 ** math.floor(math.log10(min(lows)))
        hi = 10 ** math.ceil(math.log10(max(lows)))

        def y(v):
            return top + panel_h - panel_h * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        out.append(f'<text x="{left}" y="{top - 10}" font-size="14" font-weight="bold">{title}</text>')
        out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{panel_h}" fill="none" stroke="#999"/>')
        decade = lo
        while decade <= hi * 1.0001:
            for k in (1, 2, 5):
                v = decade * k
                if v > hi * 1.0001:
                    break
                yy = y(v)
                dash = "" if k == 1 else ' stroke-dasharray="2,3"'
                out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#e3e3e3"'
                           f'{dash}/>')
                if k == 1 or (math.log10(hi / lo) <= 3):
                    out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" fill="#333">'
                               f'{unit_fmt(v)}</text>')
            decade *= 10
        one = xs[ONE_VCPU_MB]
        out.append(f'<line x1="{one:.1f}" x2="{one:.1f}" y1="{top}" y2="{top + panel_h}" stroke="#888"'
                   f' stroke-dasharray="5,4"/>')
        out.append(f'<text x="{one + 4:.1f}" y="{top + 14}" fill="#666">1 vCPU</text>')
        for size, xx in xs.items():
            out.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{top + panel_h}" y2="{top + panel_h + 5}"'
                       f' stroke="#999"/>')
            out.append(f'<text x="{xx:.1f}" y="{top + panel_h + 19}" text-anchor="middle" fill="#333">{size}</text>')
        out.append(f'<text x="{left + plot_w / 2}" y="{top + panel_h + 38}" text-anchor="middle" fill="#333">'
                   f'memory (MB)</text>')
        for index, m in enumerate(chosen):
            color = colors[index % len(colors)]
            points = [(xs[r["memory"]], y(v)) for r, v in zip(m["rows"], values(m)) if v > 0]
            path = " ".join(f"{'M' if i == 0 else 'L'}{px:.1f},{py:.1f}" for i, (px, py) in enumerate(points))
            out.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
            for r, (px, py) in zip(m["rows"], points):
                mark = r["memory"] == m["picks"].get("balanced")
                fill = color if r["fits"] else "white"
                out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{5.5 if mark else 3.2}" fill="{fill}"'
                           f' stroke="{"black" if mark else color}" stroke-width="{1.6 if mark else 1.2}"/>')

    panel(top1, "Average cost per invocation: duration charge (USD, log scale)",
          lambda m: [r["compute_usd"] for r in m["rows"]], lambda v: f"{v:.0e}".replace("e-0", "e-"))
    panel(top2, "Predicted warm duration (ms, log scale)", lambda m: [r["duration_ms"] for r in m["rows"]],
          lambda v: f"{v:g}")
    lx = left + plot_w + 20
    out.append(f'<text x="{lx}" y="{top1 + 4}" font-weight="bold">workload</text>')
    for index, m in enumerate(chosen):
        color = colors[index % len(colors)]
        yy = top1 + 24 + index * 22
        out.append(f'<line x1="{lx}" x2="{lx + 22}" y1="{yy - 4}" y2="{yy - 4}" stroke="{color}" stroke-width="2"/>')
        out.append(f'<text x="{lx + 28}" y="{yy}">{m["fixture"]} × {m["count"]:,}</text>')
    yy = top1 + 24 + len(chosen) * 22 + 14
    for line in ("● fits (peak RSS +", "   headroom, 6 MB)", "○ does not fit", "large ring: balanced",
                 "   recommendation"):
        out.append(f'<text x="{lx}" y="{yy}" fill="#444">{line}</text>')
        yy += 17
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------------------------
# The report.

def usd(value):
    if value == 0:
        return "$0"
    if value < 0.001:
        return f"${value:.2e}"
    if value < 10:
        return f"${value:,.4f}"
    return f"${value:,.2f}"


def ms(value):
    return f"{value:,.0f}" if value >= 1000 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def render(data, models, recommendation, stages):
    workloads = {(w["fixture"], w["count"]): w for w in data["workloads"]}
    by_key = {(m["fixture"], m["count"]): m for m in models}
    head = by_key[HEADLINE]
    machine = data["machine"]
    boot = data["bootstrap"]
    inits = [w["init_ms"] for w in data["workloads"] + data["cold_starts"] if w.get("init_ms")]
    colds = [c for c in data["cold_starts"]] or [workloads[HEADLINE]]
    timeout_ms = float(stages.get("dev", {}).get("timeout_seconds", 10)) * 1000
    lines = []
    add = lines.append
    add("# Lambda memory and cost report")
    add("")
    add("AWS Lambda Power Tuning's question — which memory size is cheapest, fastest, or the best trade — answered"
        " without an AWS account: the bootstrap's CPU time per invocation is measured here under the Lambda Runtime"
        " Interface Emulator and scaled by the CPU share Lambda gives each memory size. Generated by"
        f" `{data['command']}` ({data['seconds']:.0f} s).")
    add("")
    add(f"- Measured: {data['measured_at']} on {machine['cpu']} ({machine['cores']} cores, {machine['arch']},"
        f" Linux {machine['kernel']}); load average {fmt_load(machine['load_before'])} before,"
        f" {fmt_load(machine['load_after'])} after (the machine is shared: other engineers compile on it). The"
        f" emulator and the bootstrap were pinned to CPU {machine['pinned_cpu']}.")
    copy = "" if boot["source"] == boot["path"] else f", measured as the copy `{boot['path']}`"
    add(f"- Bootstrap: `{boot['source']}` ({boot['bytes'] / 1e6:.1f} MB, modified {boot.get('modified', '?')},"
        f" sha256 {boot['sha256']}…{copy}; {', '.join(x.strip() for x in boot['file'])}): a copy of the release"
        " build (`swift build -c release`, glibc linked dynamically, not stripped) taken out of .build/release so"
        " that rebuilds during the run change nothing. The deployable package is the static build"
        " (`scripts/package-lambda.sh`); its start-up and RSS differ somewhat (no shared libraries to load).")
    add(f"- Emulator: `{data['rie']['path']}` (from the aws-sam-cli wheel, `scripts/lambda-rie.sh`), always on"
        " 127.0.0.1, invoked serially.")
    add("- **arm64 was not measured** (this machine is x86_64 and cannot run arm64 code; the prices are arm64's)."
        " How it may differ: Lambda's arm64 runs on Graviton cores, which for integer, branchy, memory-copying"
        " code like this are usually within a few tens of per cent of an x86 server core per request, either way;"
        " the Swift compiler's arm64 code and the static Linux SDK's musl allocator (if the arm64 build uses it)"
        " differ from this glibc build; and Lambda does not say which Graviton generation a function gets. Read"
        " the durations as ±25 % for arm64 (the costs below 1,769 MB move with them; the request fees do not) and"
        " replace them with the first arm64 deployment's REPORT lines (`@duration`, `@maxMemoryUsed`).")
    add(f"- Prices: {PRICES['region']}, arm64 ${PRICES['arm64_per_gb_second']:.10f} per GB-second (first tier),"
        f" ${PRICES['request'] * 1e6:.2f} per million requests; HTTP API ${PRICES['http_api_request'] * 1e6:.2f}"
        f" per million requests (first 300 million a month), shown separately. {PRICES['as_of']}. No free tier"
        " is counted.")
    add("")
    add("## Headline")
    add("")
    pick = recommendation["prod"]
    row = next(r for r in head["rows"] if r["memory"] == pick)
    cheapest = next(r for r in head["rows"] if r["memory"] == head["picks"]["cost"])
    http = PRICES["http_api_request"] * 1e6
    add(f"**`{HEADLINE[0]}` × {HEADLINE[1]} (POST /template) at the recommended {pick} MB: predicted"
        f" {ms(row['duration_ms'])} ms warm (billed {row['billed_ms']:.1f} ms on average), {usd(row['per_million_usd'])} per"
        f" million requests for Lambda (duration {usd(row['compute_usd'] * 1e6)} + requests $0.20), "
        f"{usd(row['per_million_usd'] + http)} with the HTTP API's $1.00.** At the cheapest size"
        f" ({cheapest['memory']} MB) it is {usd(cheapest['per_million_usd'])} (+ $1.00 HTTP API). The original"
        f" plan put it at ${PLAN_PER_MILLION[0]:.0f}–{PLAN_PER_MILLION[1]:.0f} a month per million requests:"
        f" {PLAN_PER_MILLION[0] / (row['per_million_usd'] + http):.0f}–"
        f"{PLAN_PER_MILLION[1] / (row['per_million_usd'] + http):.0f} times this estimate, API fee included."
        " What this leaves out: cold starts (below), CloudWatch Logs ingestion ($0.50 per GB; the request line, the"
        " EMF metrics line and Lambda's START/END/REPORT lines come to about 1 KB an invocation at INFO, so about"
        " $0.50 per million requests), data transfer"
        " out, and the free tier.")
    add("")
    add(f"Recommended memory per stage (`Benchmarks/memory-recommendation.json`, read by the deployment stack):"
        f" dev **{recommendation['dev']} MB**, staging **{recommendation['staging']} MB**, prod"
        f" **{recommendation['prod']} MB**. Basis: {recommendation['basis']}")
    add("")
    add("## The model, and how far it holds")
    add("")
    add("- **CPU time** per warm invocation is the bootstrap's own CPU time (the sum of its threads' on-CPU time"
        " from /proc/PID/task/*/schedstat, nanoseconds), read before and after each serial invocation: it"
        " includes reading the event from the Runtime API, routing, compiling or finding the template, generating"
        " and encoding the records and posting the response. The model uses every warm invocation (the"
        " template plan is cached after the first) but the slowest 5 %, which on this machine are the"
        " neighbours' doing; c below is their mean. CPU time, not wall time, because both cores are shared with"
        " others' builds: the wall time moves with that, the CPU time much less (it still moves some: caches"
        " and the memory bus are shared too; compare c, the median and the p90 below). The emulator and"
        f" the bootstrap ran pinned to one core (CPU {machine['pinned_cpu']}, a 1-vCPU sandbox) at nice"
        f" {machine.get('nice', 0)}, so that they wait less behind the compilers. The /proc/PID/stat utime+stime"
        " over each batch (10 ms ticks, ended threads included) agrees with the schedstat figure (table below,"
        " `stat`).")
    add("- **Non-CPU time** o: the 10th percentile of (RTDONE − CPU) per invocation, the emulator's own measure"
        " of the invocation (event handed over → response received) less the bootstrap's CPU time. That"
        " difference is hand-offs between the runtime's threads and to the emulator, plus time spent waiting"
        " for the core behind other processes (others' compilers on this shared machine, which a Lambda's vCPU"
        " does not have); the low percentile keeps the first and mostly drops the second. It is added unscaled.")
    worst = max(models, key=lambda m: m["overhead_ms"])
    add(f"- **o for large responses.** For the 10,000-record runs o is {ms(worst['overhead_ms'])} ms"
        f" ({worst['fixture']} × {worst['count']:,}): mostly the emulator's own work receiving a response of"
        " several MB on the same pinned core. On Lambda the Runtime API's share of that runs in the same sandbox"
        " and is throttled with it, so for those runs at small sizes the prediction is optimistic: with o scaled"
        f" too, {worst['fixture']} × {worst['count']:,} at 128 MB would take"
        f" {ms((worst['cpu_ms'] + worst['overhead_ms']) / share(128))} ms instead of"
        f" {ms(worst['rows'][0]['duration_ms'])} ms. For counts up to 100, o is at most"
        f" {ms(max(m['overhead_ms'] for m in models if m['count'] <= 100))} ms.")
    add(f"- **Duration at M MB**: d(M) = c / min(1, M / {ONE_VCPU_MB}) + o. Lambda allocates CPU in proportion to"
        f" memory, one full vCPU at {ONE_VCPU_MB} MB, up to {MAX_VCPUS} vCPUs at {MAX_MB:,} MB. Below"
        f" {ONE_VCPU_MB} MB the single thread gets that fraction of a core; above it nothing gets faster, because"
        " the Lambda transport buffers every response (API Gateway needs the whole document) and renders it on"
        " the request's own thread (`threads: 0` in `PreparedBulk.renderRecords`): the engine's parallel chunks"
        " serve only the HTTP server's streamed responses, and a buffered response of at most 6 MB is small"
        " work for them anyway. So sizes above 1,769 MB cost more for the same duration, and the model says so;"
        " if the Lambda path ever renders large runs in parallel, the records' share of c divides by"
        " min(vCPUs, chunks) above 1,769 MB and this section needs redoing.")
    add("- **Billing**: each invocation's duration rounded up to the next millisecond × M/1024 GB × the price per"
        " GB-second, plus the request fee; averaged over the measured invocations (each one's CPU time scaled and"
        " rounded up, as Power Tuning averages real invocations), so a size whose typical duration sits just"
        " under a whole millisecond is not flattered by the rounding. Short invocations at large sizes pay for a"
        " whole millisecond: that, more than speed, is what makes the small sizes cheapest here.")
    add(f"- **Cold start**: the emulator's `INIT REPORT` ({ms(statistics.median(inits))} ms median over"
        f" {len(inits)} fresh starts, {ms(min(inits))}–{ms(max(inits))}) is wall time on a full core of this busy"
        " machine. The model takes the bootstrap's CPU time from exec to the end of its first invocation (init +"
        " a first request that compiles the template; the median of that workload's fresh starts), scales it like"
        " the warm CPU time, and adds the 10th percentile over all fresh starts of (INIT REPORT + first RTDONE −"
        f" that CPU time), {ms(head['cold_overhead_ms'])} ms: loading the binary and its shared libraries."
        " Pessimistic if Lambda lets init run faster than the memory's share (often reported, not documented);"
        " real Lambda also fetches and unpacks the package before init, which is not measured here. Custom"
        " runtimes (provided.al2023) are billed for init, so a cold invocation's cost counts it.")
    add(f"- **Fits**: a size fits a workload when it is at least the workload's measured peak RSS (VmHWM of the"
        f" bootstrap after its warm invocations) plus max({HEADROOM_MIN_MB} MB, {HEADROOM_FRACTION:.0%}) headroom"
        " (Lambda's `Max Memory Used` counts the whole sandbox: the runtime's pages of the binary, the page"
        " cache, and heap growth across other templates), when the response fits Lambda's 6 MB (the bootstrap"
        " answers 413 with paging advice when it would not), and when the predicted cold duration is within dev's"
        f" {timeout_ms / 1000:.0f} s timeout.")
    add(f"- **Strategies** (among the sizes that fit): *cost* = the lowest average cost per invocation (ties: the"
        f" faster); *speed* = the lowest predicted duration (ties: the cheaper, so {ONE_VCPU_MB} MB rather than"
        f" anything above it); *balanced* = Power Tuning's weighted score: the lowest {BALANCED_WEIGHT} × cost /"
        f" (highest cost among the fitting sizes) + {1 - BALANCED_WEIGHT} × duration / (longest duration among"
        " them). Cost here is the duration charge: the request fee is the same at every size and would only"
        " flatten the cost term.")
    add("")
    checks = data.get("quota_checks") or []
    if checks:
        add("### Check: the bootstrap under a CPU quota")
        add("")
        add("The same workloads with the bootstrap moved into a cgroup v1 CPU controller (`/sys/fs/cgroup/cpu/NAME`,"
            " `cpu.cfs_quota_us` / `cpu.cfs_period_us`, removed afterwards) after its first invocation: q of one"
            " core is what Lambda gives at q × 1,769 MB. Predicted = c / q + o with c and o from the unthrottled"
            " run above; measured = the emulator's RTDONE durations of the throttled run.")
        add("")
        add("The last two columns take the machine's noise out of the comparison: the throttled run's mean against"
            " the same workload's 100 % run (same conditions, minutes apart), beside the model's ratio"
            " (c / q + o) / (c + o).")
        add("")
        add("| workload | quota (period) | ≈ memory | CPU/invoke, throttled run | predicted | predicted from this"
            " run's CPU | measured median | measured mean | mean ÷ predicted (÷ from this run's CPU) |"
            " periods throttled | k = c ÷ quota per period | mean ÷ 100 % run's | model's ratio |")
        add("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for check in checks:
            m = by_key[(check["fixture"], check["count"])]
            predicted = m["cpu_ms"] / check["quota"] + m["overhead_ms"]
            mean = statistics.fmean(check["rtdone_ms"])
            t = check.get("throttle", {})
            full = [c for c in checks if (c["fixture"], c["count"]) == (check["fixture"], check["count"])
                    and c["quota"] >= 1]
            if full and check["quota"] < 1:
                relative = f"{mean / statistics.fmean(full[0]['rtdone_ms']):.2f}"
                model_ratio = f"{predicted / (m['cpu_ms'] + m['overhead_ms']):.2f}"
            else:
                relative = model_ratio = "—"
            own = statistics.fmean(trimmed(check["cpu_ms"])) / check["quota"] + m["overhead_ms"]
            add(f"| {check['fixture']} × {check['count']:,} | {check['quota']:.0%} ({check['period_us'] // 1000} ms)"
                f" | {check['quota'] * ONE_VCPU_MB:,.0f} MB | {ms(statistics.median(check['cpu_ms']))} ms |"
                f" {ms(predicted)} ms | {ms(own)} ms | {ms(statistics.median(check['rtdone_ms']))} ms |"
                f" {ms(mean)} ms | {mean / predicted:.2f} ({mean / own:.2f}) |"
                f" {t.get('nr_throttled', 0)}/{t.get('nr_periods', 0)} |"
                f" {'—' if check['quota'] >= 1 else f'{need_ratio(check, m):.2f}'} | {relative} | {model_ratio} |")
        add("")
        add(check_summary(checks, by_key))
        add("")
    else:
        add("The CPU-quota check did not run (it needs root and a cgroup v1 CPU controller).")
        add("")

    add("## Measured here (one core, warm, x86_64)")
    add("")
    add("CPU/invoke: the bootstrap's CPU time per warm invocation (schedstat); stat: the same from /proc/PID/stat"
        " over the batch; emulator CPU: the emulator's own CPU time per invocation (not in the model: on Lambda"
        " the Runtime API's work is not the function's code, though it shares the sandbox); RTDONE: the"
        " emulator's duration of the invocation (wall, so it carries the machine's noise); o = 10th percentile"
        " of (RTDONE − CPU).")
    add("")
    add("| fixture × count | route | warm invokes | c: CPU/invoke, mean of the fastest 95 % (median, p90) |"
        " stat CPU/invoke | emulator CPU |"
        " RTDONE median | o | cold: init + 1st invoke CPU | peak RSS (VmHWM) | response |"
        " smallest size that fits |")
    add("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for m in models:
        w = workloads[(m["fixture"], m["count"])]
        if m["responds"]:
            response = f"{w['response_bytes'] / 1e6:.3f} MB" if w["response_bytes"] >= 100_000 else \
                f"{w['response_bytes']:,} B"
            smallest = f"{m['smallest_fit']} MB" if m["smallest_fit"] else "none"
        else:
            response = f"413: over 6 MB, at most {w.get('max_count_per_request') or '?'} a page"
            smallest = "**cannot fit** (6 MB response limit)"
        add(f"| {m['fixture']} × {m['count']:,} | `{w['route']}` | {w['invokes']} | {ms(m['cpu_ms'])} ms"
            f" ({ms(m['cpu_median_ms'])}, {ms(m['cpu_p90_ms'])}) | {ms(w['stat_cpu_ms_per_invoke'])} ms |"
            f" {ms(statistics.median(w['emulator_cpu_ms']))} ms |"
            f" {ms(m['rtdone_ms'])} ms | {ms(m['overhead_ms'])} ms | {ms(w['cold_cpu_ms'])} ms |"
            f" {w['peak_rss_mb']:.1f} MB | {response} | {smallest} |")
    add("")
    unfit = [m for m in models if not m["responds"]]
    if unfit:
        add("Cannot be served by one Lambda response at any memory size: " + ", ".join(
            f"{m['fixture']} × {m['count']:,} (page with `offset`, at most"
            f" {workloads[(m['fixture'], m['count'])].get('max_count_per_request') or '?'} records a request)"
            for m in unfit) + ". Their CPU figures above are the cost of the 413 answer, not of the records.")
        add("")
    add("## Recommendations per workload")
    add("")
    add("| fixture × count | cost | speed | balanced | at balanced: duration, $/million (Lambda) |")
    add("|---|--:|--:|--:|--:|")
    for m in models:
        if not m["picks"]:
            add(f"| {m['fixture']} × {m['count']:,} | — | — | — | cannot fit |")
            continue
        r = next(r for r in m["rows"] if r["memory"] == m["picks"]["balanced"])
        add(f"| {m['fixture']} × {m['count']:,} | {m['picks']['cost']} MB | {m['picks']['speed']} MB |"
            f" {m['picks']['balanced']} MB | {ms(r['duration_ms'])} ms, {usd(r['per_million_usd'])} |")
    mix = recommendation["mix"]
    add(f"| **the whole mix** ({mix['workloads']} workloads alike) | **{mix['cost']} MB** | **{mix['speed']} MB** |"
        f" **{mix['balanced']} MB** | (the basis of the stage sizes) |")
    add("")
    add("The mix row scores each size by the mean over the workloads of each one's cost and duration relative to"
        " its own highest (so a 10,000-record run does not outweigh a 1-record one); one workload's pick can move"
        " between neighbouring sizes from run to run when its cost curve is flat, the mix's much less.")
    add("")
    add("![cost and duration against memory](memory-report.svg)")
    add("")
    add("## Every size, every workload")
    add("")
    add("Predicted warm duration, billed duration, the average cost of one invocation (duration charge + request"
        " fee) and per million requests (Lambda only; add $1.00 per million for the HTTP API), and a cold"
        " invocation's duration. C, S, B mark the cost, speed and balanced picks; a dash in *fits* gives the"
        " reason (mem = peak RSS + headroom, 6MB = response limit).")
    for fixture in dict.fromkeys(m["fixture"] for m in models):
        add("")
        add(f"### {fixture}")
        add("")
        add("| count | memory | vCPU | duration | billed | $/invocation | $/million | cold start | fits | pick |")
        add("|--:|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|")
        for m in (m for m in models if m["fixture"] == fixture):
            for r in m["rows"]:
                marks = "".join(letter for letter, key in (("C", "cost"), ("S", "speed"), ("B", "balanced"))
                                if m["picks"].get(key) == r["memory"])
                reason = "yes" if r["fits"] else "– " + "/".join(
                    why for why, bad in (("6MB", not m["responds"]), ("mem", not r["fits_memory"]),
                                         ("time", not r["fits_time"])) if bad)
                add(f"| {m['count']:,} | {r['memory']:,} | {r['vcpus']:.2f} | {ms(r['duration_ms'])} ms |"
                    f" {r['billed_ms']:,.1f} ms | {usd(r['invocation_usd'])} | {usd(r['per_million_usd'])} |"
                    f" {ms(r['cold_ms'])} ms | {reason} | {marks} |")
    add("")
    add("## Cold starts")
    add("")
    cold_cpu = statistics.median(c["cold_cpu_ms"] for c in colds)
    add(f"`{HEADLINE[0]}` × {HEADLINE[1]}, {len(colds)} fresh starts: INIT REPORT median"
        f" {ms(statistics.median(c['init_ms'] for c in colds))} ms, first invocation (RTDONE) median"
        f" {ms(statistics.median(c['first_rtdone_ms'] for c in colds))} ms, the client's whole first request"
        f" {ms(statistics.median(c['cold_client_ms'] for c in colds))} ms, bootstrap CPU from exec to the end of"
        f" the first invocation {ms(cold_cpu)} ms; RSS after it {statistics.median(c['rss_after_cold_mb'] for c in colds):.1f} MB."
        " Predicted cold invocation (init + first request, CPU scaled by the memory share) and what one costs:")
    add("")
    add("| memory | cold duration | cost of a cold invocation | + per million at 1 % cold |")
    add("|--:|--:|--:|--:|")
    for r in head["rows"]:
        add(f"| {r['memory']:,} | {ms(r['cold_ms'])} ms | {usd(r['cold_compute_usd'] + PRICES['request'])} |"
            f" {usd(0.01 * 1e6 * (r['cold_compute_usd'] - r['compute_usd']))} |")
    add("")
    add("## What remains open")
    add("")
    add("- arm64 durations (a real Graviton run, or the first deployment's REPORT lines) and the static"
        " deployable binary's RSS on Lambda (`@maxMemoryUsed`) should replace the x86_64 figures here.")
    add("- The proportional-CPU model is a Lambda statement about long-run averages; how Lambda enforces it over"
        " short invocations (the CFS period) is not published. The quota check above shows what it means on"
        " this kernel.")
    return "\n".join(lines) + "\n"


def fmt_load(values):
    return " ".join(f"{v:.2f}" for v in values)


def check_summary(checks, by_key):
    """What the quota check says about the model, in words computed from the figures."""
    rows = []
    for check in checks:
        if check["quota"] >= 1:
            continue
        m = by_key[(check["fixture"], check["count"])]
        predicted = m["cpu_ms"] / check["quota"] + m["overhead_ms"]
        rows.append((check, statistics.fmean(check["rtdone_ms"]) / predicted, need_ratio(check, m)))
    long_ = [r for r in rows if r[2] >= 1]
    short = [r for r in rows if r[2] < 1]
    full = [statistics.fmean(c["rtdone_ms"]) / (by_key[(c["fixture"], c["count"])]["cpu_ms"]
                                                + by_key[(c["fixture"], c["count"])]["overhead_ms"])
            for c in checks if c["quota"] >= 1]
    parts = []
    if full:
        parts.append(f"Unthrottled (100 %), the measured mean is {min(full):.2f}–{max(full):.2f} × c + o: that is"
                     " the machine's noise between two runs of the same thing.")
    if long_:
        parts.append(f"Where an invocation needs more CPU time than one period's quota (k ≥ 1: every invocation"
                     f" is stopped at least once), the measured mean is {min(r[1] for r in long_):.2f}–"
                     f"{max(r[1] for r in long_):.2f} × the prediction: the proportional model holds, within about"
                     " the noise.")
    if short:
        parts.append(f"Where it needs less (k < 1), the mean is {min(r[1] for r in short):.2f}–"
                     f"{max(r[1] for r in short):.2f} × the prediction, the lower the smaller k: an invocation that"
                     " finds enough quota left in the current period runs at full speed, and this serial client"
                     " leaves gaps between invocations in which the quota refills. A lightly used Lambda is in the"
                     " same position if its CPU limit works like this one (AWS does not say how it enforces the"
                     " share, nor over what period), so for short invocations the model's duration and cost are"
                     " an upper bound; a busy sandbox, whose invocations come back to back, converges on them.")
    return " ".join(parts)


def need_ratio(check, m):
    """k: an invocation's CPU time over the quota of one CFS period."""
    return m["cpu_ms"] / (check["quota"] * check["period_us"] / 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default=os.path.join(ROOT, ".build/release/bootstrap"))
    parser.add_argument("--rie", default=os.environ.get("PHONEY_RIE", os.path.join(ROOT, ".build-tools/aws-lambda-rie-x86_64")))
    parser.add_argument("--snapshot-dir", default=os.path.join(ROOT, ".build-tools/report-bin"),
                        help="the bootstrap is copied here and the copy measured (a rebuild mid-run changes nothing)")
    parser.add_argument("--out-dir", default=os.path.join(ROOT, "Benchmarks"))
    parser.add_argument("--fixtures", nargs="+", choices=FIXTURES, default=list(FIXTURES))
    parser.add_argument("--counts", nargs="+", type=int, default=list(COUNTS))
    parser.add_argument("--cpu", type=int, default=(os.cpu_count() or 1) - 1, help="the core to pin to")
    parser.add_argument("--nice", type=int, default=-10,
                        help="niceness of the emulator and bootstrap (negative needs root): less waiting behind"
                             " other processes on a shared machine, so cleaner wall-time figures")
    parser.add_argument("--cold-starts", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a quarter of the invocations")
    parser.add_argument("--no-quota-check", dest="quota_check", action="store_false")
    parser.add_argument("--quotas", default="0.25:100000,0.5:100000,1:100000,0.25:20000",
                        help="fraction:period_us pairs for the cgroup check")
    parser.add_argument("--check-workloads", default="person:100,person:1000,nested:10000",
                        help="fixture:count pairs for the cgroup check")
    parser.add_argument("--raw-json", default=os.path.join(ROOT, ".build-tools/memory-report.json"),
                        help="where the raw measurements go (about 0.5 MB, so not beside the report)")
    parser.add_argument("--from-json", help="render the report from saved measurements instead of measuring")
    parser.add_argument("--command", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.quotas = [(float(f), int(p)) for f, p in (pair.split(":") for pair in args.quotas.split(",") if pair)]
    args.check_workloads = [(f, int(c)) for f, c in (pair.split(":") for pair in args.check_workloads.split(",") if pair)]

    os.makedirs(args.out_dir, exist_ok=True)
    raw_path = args.raw_json
    if args.from_json:
        with open(args.from_json) as handle:
            data = json.load(handle)
    else:
        for path, what in ((args.bootstrap, "bootstrap"), (args.rie, "emulator")):
            if not os.access(path, os.X_OK):
                raise SystemExit(f"memory-report: no {what} at {path}")
        os.makedirs(args.snapshot_dir, exist_ok=True)
        args.bootstrap_source = os.path.abspath(args.bootstrap)
        snapshot = os.path.join(args.snapshot_dir, "bootstrap")
        if os.path.abspath(snapshot) != args.bootstrap_source:
            shutil.copy2(args.bootstrap, snapshot + ".tmp")
            os.replace(snapshot + ".tmp", snapshot)
        args.bootstrap = snapshot
        args.rie = os.path.abspath(args.rie)
        if HEADLINE[0] not in args.fixtures or HEADLINE[1] not in args.counts:
            raise SystemExit(f"memory-report: the headline workload {HEADLINE} must be measured")
        data = measure(args)
        os.makedirs(os.path.dirname(os.path.abspath(raw_path)), exist_ok=True)
        with open(raw_path, "w") as handle:
            json.dump(data, handle, indent=1)
            handle.write("\n")

    stages = stage_settings()
    timeout_ms = float(stages.get("dev", {}).get("timeout_seconds", 10)) * 1000
    starts = data["workloads"] + data["cold_starts"]
    # The part of a cold invocation that is not the bootstrap's CPU time (loading the binary and its libraries,
    # page faults, hand-offs), as for warm invocations the 10th percentile over every fresh start.
    cold_overhead = max(0.0, percentile(
        [w["init_ms"] + w["first_rtdone_ms"] - w["cold_cpu_ms"] for w in starts if w.get("init_ms")], 0.1))

    def cold_cpu(w):
        same = [x["cold_cpu_ms"] for x in starts if (x["fixture"], x["count"]) == (w["fixture"], w["count"])]
        return statistics.median(same)

    models = [model_workload(w, timeout_ms, cold_cpu(w), cold_overhead) for w in data["workloads"]]
    recommendation = recommend(models, stages)
    recommendation_out = {"dev": recommendation["dev"], "staging": recommendation["staging"],
                          "prod": recommendation["prod"], "basis": recommendation["basis"],
                          "measured_at": data["measured_at"], "report": "Benchmarks/memory-report.md",
                          "architecture_measured": data["machine"]["arch"], "priced_as": "arm64",
                          "mix_picks_mb": {k: recommendation["mix"][k] for k in ("cost", "speed", "balanced")},
                          "headline_workload": {"fixture": HEADLINE[0], "count": HEADLINE[1]},
                          "headline_picks_mb": next(m for m in models
                                                    if (m["fixture"], m["count"]) == HEADLINE)["picks"],
                          "smallest_size_fitting_all_servable_workloads_mb": recommendation["smallest_fit_all_mb"]}
    with open(os.path.join(args.out_dir, "memory-recommendation.json"), "w") as handle:
        json.dump(recommendation_out, handle, indent=2)
        handle.write("\n")
    with open(os.path.join(args.out_dir, "memory-report.svg"), "w") as handle:
        handle.write(svg_chart(models, data))
    with open(os.path.join(args.out_dir, "memory-report.md"), "w") as handle:
        handle.write(render(data, models, recommendation, stages))
    head = next(m for m in models if (m["fixture"], m["count"]) == HEADLINE)
    row = next(r for r in head["rows"] if r["memory"] == recommendation["prod"])
    print(f"memory-report: {HEADLINE[0]} x {HEADLINE[1]} at {recommendation['prod']} MB: {row['duration_ms']:.2f} ms,"
          f" ${row['per_million_usd']:.4f} per million (+ $1.00 HTTP API); dev {recommendation['dev']} MB,"
          f" staging {recommendation['staging']} MB, prod {recommendation['prod']} MB", file=sys.stderr)
    print(f"memory-report: wrote {os.path.relpath(args.out_dir, ROOT)}/memory-report.md, .svg and"
          f" memory-recommendation.json; raw figures in {os.path.relpath(raw_path, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
