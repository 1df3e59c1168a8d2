#!/usr/bin/env bash
# The whole test suite: system packages, format lint, a release build of every product, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== swift format lint"
swift format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks

echo "== release build"
swift build -c release

echo "== tests"
swift test

echo "== API property tests (schemathesis against /openapi.json)"
scripts/schemathesis.sh
