#!/usr/bin/env python3
"""Peak memory of `phoney export` writing one large shard: to a folder, and to S3 (a moto server on loopback) as a
multipart upload, with and without gzip.

Usage: scripts/export-memory.py [--phoney PATH] [--gigabytes 1.0] [--limit-mib 96]

The shard is `fixtures/person.json` records, as many as make about `--gigabytes` GB of NDJSON, all in one shard.
Peak RSS is the process's maximum resident set size as GNU time reports it (`%M`). The check: every
run stays under `--limit-mib` (the engine's 16 MiB of chunks, two or three 8 MiB parts, the runtime and the
tables; issue #19 asks for about 64 MB plus the part buffers), and the objects joined are `phoney generate`'s
output (compared by SHA-256). Needs moto and boto3 (`pip install 'moto[server]' boto3`).
"""
import argparse
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERSON_BYTES = 291


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_measured(command, env, work):
    """Runs `command` under GNU time; returns (exit status, peak RSS in MiB, seconds, stderr)."""
    report = os.path.join(work, "time.txt")
    started = time.monotonic()
    process = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + command, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.monotonic() - started
    with open(report) as handle:
        kilobytes = int(handle.read().strip().splitlines()[-1])
    return process.returncode, kilobytes / 1024, seconds, process.stderr.decode(errors="replace")


def sha256_of(chunks):
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoney", default=os.path.join(ROOT, ".build/release/phoney"))
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--limit-mib", type=float, default=96.0)
    options = parser.parse_args()
    count = int(options.gigabytes * 1e9 / PERSON_BYTES)
    template = os.path.join(ROOT, "fixtures/person.json")
    work = tempfile.mkdtemp(prefix="export-memory.")
    port = free_port()
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = []
    try:
        import boto3
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        env = dict(os.environ, AWS_ACCESS_KEY_ID="memory", AWS_SECRET_ACCESS_KEY="memory", AWS_REGION="us-east-1")
        s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                          aws_access_key_id="memory", aws_secret_access_key="memory")
        s3.create_bucket(Bucket="memory")
        generated = subprocess.run([options.phoney, "generate", template, "--count", str(count), "--seed", "3",
                                    "--format", "ndjson", "--now", "2024-01-01",
                                    "--output", os.path.join(work, "generated")], check=True, capture_output=True)
        with open(os.path.join(work, "generated"), "rb") as handle:
            expected = sha256_of(iter(lambda: handle.read(1 << 20), b""))
        size = os.path.getsize(os.path.join(work, "generated"))
        os.unlink(os.path.join(work, "generated"))
        del generated
        print(f"export-memory: one shard of {count:,} person records, {size / 1e9:.2f} GB of NDJSON")
        common = ["export", template, "--count", str(count), "--seed", "3", "--format", "ndjson",
                  "--now", "2024-01-01", "--shard-records", str(count), "--no-progress"]
        runs = [
            ("folder", common + ["--to", os.path.join(work, "folder")], None),
            ("s3", common + ["--to", "s3://memory/plain", "--endpoint-url", f"http://127.0.0.1:{port}"], "plain"),
            ("s3 --gzip", common + ["--gzip", "--to", "s3://memory/gzip", "--endpoint-url",
                                    f"http://127.0.0.1:{port}"], "gzip"),
        ]
        for name, arguments, prefix in runs:
            status, peak, seconds, err = run_measured([options.phoney] + arguments, env, work)
            verdict = "ok"
            if status != 0:
                verdict = f"exit {status}: {err[-300:]}"
            elif peak > options.limit_mib:
                verdict = f"peak {peak:.1f} MiB over {options.limit_mib} MiB"
            else:
                if prefix is None:
                    path = os.path.join(work, "folder", "part-000000.ndjson")
                    with open(path, "rb") as handle:
                        actual = sha256_of(iter(lambda: handle.read(1 << 20), b""))
                    shutil.rmtree(os.path.join(work, "folder"))
                else:
                    key = f"{prefix}/part-000000.ndjson" + (".gz" if prefix == "gzip" else "")
                    body = s3.get_object(Bucket="memory", Key=key)["Body"]
                    if prefix == "gzip":
                        import zlib
                        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                        actual = sha256_of(inflater.decompress(chunk) for chunk in body.iter_chunks(1 << 20))
                    else:
                        actual = sha256_of(body.iter_chunks(1 << 20))
                    s3.delete_object(Bucket="memory", Key=key)
                if actual != expected:
                    verdict = "the shard is not generate's output"
            if verdict != "ok":
                failures.append(f"{name}: {verdict}")
            print(f"export-memory: {name:10} peak RSS {peak:6.1f} MiB, {seconds:5.1f} s, {verdict}")
    finally:
        moto.terminate()
        moto.wait()
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"export-memory: FAIL {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
