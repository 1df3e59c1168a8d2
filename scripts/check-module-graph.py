#!/usr/bin/env python3
"""Checks that the package's module graph is the picture in docs/architecture.md.

Reads the graph SwiftPM itself resolves (`swift package describe --type json`), not the source text, and fails when:
- a target depends on a module of this package that the picture does not allow (a new edge is a reviewed change:
  add it to ALLOWED below and to docs/architecture.md in the same commit);
- a production target depends on a target that lives under Tests/;
- a target imports one of this package's modules, or a package product, that it does not declare
  (imports are read from its sources, so an undeclared dependency that happens to build through another target's
  transitive module map is still caught).
- a module is imported through a product that vendors it (`CNIOBoringSSL` through NIOSSL) by a target other than
  the one VENDORED names;
- the Lambda's bootstrap, through any target it depends on, declares a product in NOT_IN_LAMBDA (Hummingbird,
  swift-crypto, ...): what the deployable zip must not carry.

Usage: scripts/check-module-graph.py [--describe FILE]   (FILE: saved `swift package describe --type json` output)

Before checking the real graph it checks itself: the same package with an edge outside the picture
(PhoneyLambda -> PhoneyServer), with a production target on test support, with an undeclared import, with the vendored
module imported elsewhere, and with Hummingbird or swift-crypto under the bootstrap must each fail, so a check that has
stopped biting fails too.
"""
import copy
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The tree: PhoneyCore <- PhoneyAPI <- {PhoneyServer, PhoneyLambda}; PhoneyDigest (hashes and HMACs) under PhoneyAPI,
# PhoneyAWS and PhoneyExport; PhoneyAWS a leaf on PhoneyCore; PhoneyExport (shards,
# manifests, S3 uploads, export jobs) on PhoneyCore, PhoneyAPI and PhoneyAWS, which only the two entry points (the CLI and
# the Lambda's bootstrap) wire in; test support for test targets only.
ALLOWED = {
    "PhoneyCore": set(),
    "PhoneyDigest": set(),
    "CCrypt": set(),
    "PhoneyAPI": {"PhoneyCore", "PhoneyDigest", "CCrypt"},
    "PhoneyServer": {"PhoneyAPI", "PhoneyCore"},
    "PhoneyLambda": {"PhoneyAPI", "PhoneyCore"},
    "PhoneyAWS": {"PhoneyCore", "PhoneyDigest"},
    "PhoneyExport": {"PhoneyCore", "PhoneyDigest", "PhoneyAPI", "PhoneyAWS"},
    "phoney": {"PhoneyCore", "PhoneyAPI", "PhoneyServer", "PhoneyAWS", "PhoneyExport", "CJemalloc"},
    "bootstrap": {"PhoneyLambda", "PhoneyAWS", "PhoneyExport", "PhoneyCore", "CJemalloc"},
    "bench": {"PhoneyCore", "PhoneyAPI", "PhoneyLambda"},
    "gates": {"PhoneyCore", "PhoneyAPI", "PhoneyLambda"},
    "PhoneyTestSupport": set(),
    "CJemalloc": set(),
    "PhoneyCoreTests": {"PhoneyCore"},
    "PhoneyDigestTests": {"PhoneyDigest"},
    "PhoneyAPITests": {"PhoneyAPI", "PhoneyServer", "PhoneyCore", "PhoneyTestSupport"},
    "PhoneyLambdaTests": {"PhoneyLambda", "PhoneyAPI", "PhoneyCore", "PhoneyTestSupport", "PhoneyAWS", "PhoneyExport"},
    "PhoneyAWSTests": {"PhoneyAWS", "PhoneyCore", "PhoneyTestSupport"},
    "PhoneyExportTests": {"PhoneyExport", "PhoneyAWS", "PhoneyAPI", "PhoneyCore", "PhoneyTestSupport"},
}

# Modules a target may import through the product that vendors them, and only when it declares that product:
# PhoneyDigest calls the BoringSSL swift-nio-ssl links for TLS (Sources/PhoneyDigest/Digest.swift says why).
VENDORED = {"PhoneyDigest": {"CNIOBoringSSL": "NIOSSL"}}

# Products the Lambda's bootstrap must not link, whatever target brings them in: Hummingbird (the HTTP server's
# framework, with service-lifecycle, async-algorithms and _NIOFileSystem behind it) and swift-crypto (a second
# BoringSSL, and all of FoundationEssentials through its Data conformances). They made the deployable zip 2 MB
# larger than its 8 MB budget (docs/decisions/0003-lambda-binary-code-layout.md).
NOT_IN_LAMBDA = {"Hummingbird", "HummingbirdCore", "HummingbirdRouter", "HummingbirdTLS", "HummingbirdHTTP2",
                 "Crypto", "_CryptoExtras", "ServiceLifecycle", "AsyncHTTPClient"}

# Modules every target may import without declaring them: the toolchain's own.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationInternationalization", "Glibc", "Musl", "Darwin",
          "FoundationNetworking", "Dispatch", "Synchronization", "Testing", "XCTest", "_Concurrency", "Observation", "os"}

IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|(?:public|package|internal)\s+)?import\s+"
                    r"(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def describe(path):
    if path:
        with open(path) as handle:
            return json.load(handle)
    out = subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out[out.index("{"):])


def imports(directory):
    found = set()
    for base, _, files in os.walk(os.path.join(ROOT, directory)):
        for name in files:
            if name.endswith(".swift"):
                with open(os.path.join(base, name), encoding="utf-8") as handle:
                    # Multi-line string literals (Python run by the tests, say) are not Swift imports.
                    text = re.sub(r'"""(?:.|\n)*?"""', "", handle.read())
                    found.update(IMPORT.findall(text))
    return found


def problems_in(package, extra_imports=None):
    targets = {t["name"]: t for t in package["targets"]}
    local = set(targets)
    problems = []
    for name, target in sorted(targets.items()):
        deps = set(target.get("target_dependencies") or [])
        products = set(target.get("product_dependencies") or [])
        if name not in ALLOWED:
            problems.append(f"{name}: a target the picture does not know; add it to ALLOWED and docs/architecture.md")
            continue
        for extra in sorted(deps - ALLOWED[name]):
            problems.append(f"{name} -> {extra}: an edge outside the picture in docs/architecture.md")
        if target.get("type") != "test" and not target["path"].startswith("Tests/PhoneyTestSupport"):
            for dep in sorted(deps):
                if targets.get(dep, {}).get("path", "").startswith("Tests/"):
                    problems.append(f"{name} -> {dep}: a production target depends on {targets[dep]['path']}")
        if target.get("type") == "system-target":
            continue
        found = imports(target["path"]) | (extra_imports or {}).get(name, set())
        for module in sorted(found - SYSTEM - {name}):
            if module in local and module not in deps:
                problems.append(f"{name} imports {module} without declaring it")
            elif module not in local and module not in products:
                carrier = VENDORED.get(name, {}).get(module)
                if carrier is None or carrier not in products:
                    problems.append(f"{name} imports {module}, which is not among its declared products")
    problems += lambda_problems(targets)
    return problems


def lambda_problems(targets):
    """The products in the closure of the bootstrap's target dependencies that the Lambda must not link."""
    if "bootstrap" not in targets:
        return ["bootstrap: the Lambda's entry point is missing"]
    seen, stack, problems = set(), ["bootstrap"], []
    while stack:
        name = stack.pop()
        if name in seen or name not in targets:
            continue
        seen.add(name)
        for product in sorted(set(targets[name].get("product_dependencies") or []) & NOT_IN_LAMBDA):
            problems.append(f"{name} -> product {product}: the Lambda's bootstrap links {name}, and {product} must "
                            "stay out of it")
        stack.extend(targets[name].get("target_dependencies") or [])
    return problems


def self_test(package):
    def mutated(change):
        copied = copy.deepcopy(package)
        change({t["name"]: t for t in copied["targets"]})
        return copied

    def add_product(target, product):
        def change(targets):
            targets[target]["product_dependencies"] = (targets[target].get("product_dependencies") or []) + [product]
        return change

    def add(target, dependency):
        def change(targets):
            targets[target]["target_dependencies"] = (targets[target].get("target_dependencies") or []) + [dependency]
        return change

    cases = [
        ("an edge outside the picture", problems_in(mutated(add("PhoneyLambda", "PhoneyServer")))),
        ("a production target on test support", problems_in(mutated(add("PhoneyAWS", "PhoneyTestSupport")))),
        ("an undeclared import", problems_in(package, extra_imports={"PhoneyCore": {"PhoneyAPI"}})),
        ("a vendored module imported elsewhere", problems_in(package, extra_imports={"PhoneyAWS": {"CNIOBoringSSL"}})),
        ("Hummingbird in the Lambda", problems_in(mutated(add_product("PhoneyAPI", "Hummingbird")))),
        ("swift-crypto in the Lambda", problems_in(mutated(add_product("PhoneyAWS", "Crypto")))),
    ]
    for what, found in cases:
        if not found:
            sys.exit(f"module graph: the check no longer catches {what}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--describe")
    args = parser.parse_args()
    package = describe(args.describe)
    self_test(package)
    targets = {t["name"]: t for t in package["targets"]}
    problems = problems_in(package)
    if problems:
        print("module graph: FAILED", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        sys.exit(1)
    edges = sum(len(t.get("target_dependencies") or []) for t in targets.values())
    print(f"module graph: ok ({len(targets)} targets, {edges} edges between them, all in the picture)")


if __name__ == "__main__":
    main()
