// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "phoney",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "phoney", targets: ["phoney"]),
        .executable(name: "bootstrap", targets: ["bootstrap"]),
        .library(name: "PhoneyCore", targets: ["PhoneyCore"]),
    ],
    traits: [
        .trait(
            name: "Jemalloc",
            description: "Link jemalloc as the allocator of the executables (needs libjemalloc for the target; off for "
                + "cross builds with the Static Linux SDK, which has none)"),
        .default(enabledTraits: ["Jemalloc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // libxcrypt's bcrypt for API_PASSWORD_HASH (Sources/PhoneyAPI/Auth/PasswordHashing.swift).
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        .target(name: "PhoneyCore"),
        // SHA-256 and HMAC-SHA-2 on the BoringSSL that swift-nio-ssl links for TLS (Sources/PhoneyDigest/Digest.swift
        // says why not swift-crypto).
        .target(
            name: "PhoneyDigest",
            dependencies: [.product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        .target(
            name: "PhoneyAPI",
            dependencies: [
                "PhoneyCore",
                "PhoneyDigest",
                "CCrypt",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PhoneyServer",
            dependencies: [
                "PhoneyAPI",
                "PhoneyCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .target(
            name: "PhoneyAWS",
            dependencies: [
                "PhoneyCore",
                "PhoneyDigest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Exports as shards (a folder, an S3 prefix, the Lambda's shard events, the jobs API's Step Functions runs):
        // the run, its manifest, gzip and the uploads, shared by the CLI and the Lambda entry point.
        .target(
            name: "PhoneyExport",
            dependencies: [
                "PhoneyCore",
                "PhoneyDigest",
                "PhoneyAPI",
                "PhoneyAWS",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PhoneyLambda",
            dependencies: [
                "PhoneyAPI",
                "PhoneyCore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "bootstrap",
            dependencies: [
                "PhoneyAWS",
                "PhoneyCore",
                "PhoneyExport",
                "PhoneyLambda",
                .target(name: "CJemalloc", condition: .when(traits: ["Jemalloc"])),
            ]
        ),
        .executableTarget(
            name: "phoney",
            dependencies: [
                "PhoneyCore",
                "PhoneyAPI",
                "PhoneyAWS",
                "PhoneyExport",
                "PhoneyServer",
                .target(name: "CJemalloc", condition: .when(traits: ["Jemalloc"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs one benchmark workload K times, for scripts/bench-gate.sh to count under callgrind. Built with every
        // release build (it needs nothing beyond the package's own dependencies) and linked with glibc's malloc.
        .executableTarget(
            name: "gates",
            dependencies: [
                "PhoneyCore",
                "PhoneyAPI",
                "PhoneyLambda",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/gates"
        ),
        .testTarget(
            name: "PhoneyExportTests",
            dependencies: [
                "PhoneyAPI",
                "PhoneyAWS",
                "PhoneyCore",
                "PhoneyExport",
                "PhoneyTestSupport",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "PhoneyDigestTests",
            dependencies: ["PhoneyDigest", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "PhoneyCoreTests",
            dependencies: ["PhoneyCore"]
        ),
        .target(
            name: "PhoneyTestSupport",
            path: "Tests/PhoneyTestSupport"
        ),
        .testTarget(
            name: "PhoneyAWSTests",
            dependencies: [
                "PhoneyAWS",
                "PhoneyCore",
                "PhoneyTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "PhoneyLambdaTests",
            dependencies: [
                "PhoneyLambda",
                "PhoneyAPI",
                "PhoneyAWS",
                "PhoneyCore",
                "PhoneyExport",
                "PhoneyTestSupport",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Events"]
        ),
        .testTarget(
            name: "PhoneyAPITests",
            dependencies: [
                "PhoneyAPI",
                "PhoneyServer",
                "PhoneyCore",
                "PhoneyTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
    ]
)

// The Lambda's package (scripts/package-lambda.sh sets PHONEY_LAMBDA_ONLY=1, with its own scratch path): only the
// targets `bootstrap` links, and only the packages they use; the benchmark and fuzz variables are ignored with it.
// With the HTTP server's packages in the graph, swift-nio-extras asks for swift-http-types' default trait
// FoundationURL, whose `HTTPRequest.url` makes the static linker take all of FoundationEssentials (4.5 MB of the
// binary) for code the Lambda never runs.
let lambdaOnly = Context.environment["PHONEY_LAMBDA_ONLY"] != nil
if lambdaOnly {
    let lambdaTargets: Set<String> = [
        "CJemalloc", "CCrypt", "PhoneyCore", "PhoneyDigest", "PhoneyAPI", "PhoneyAWS", "PhoneyExport", "PhoneyLambda",
        "bootstrap",
    ]
    let serverPackages = [
        "swift-argument-parser", "hummingbird.git", "hummingbird-auth", "jwt-kit", "swift-prometheus",
        "swift-nio-extras", "swift-crypto", "swift-service-lifecycle",
    ]
    package.targets.removeAll { !lambdaTargets.contains($0.name) }
    package.products.removeAll { $0.name != "bootstrap" }
    package.dependencies.removeAll { dependency in
        guard case .sourceControl(_, let location, _) = dependency.kind else { return false }
        return serverPackages.contains { location.hasSuffix("/" + $0) || location.hasSuffix("/" + $0 + ".git") }
    }
}

// The benchmarks (ordo-one/package-benchmark and its malloc interposer) are resolved and built only when asked for,
// so a package that depends on PhoneyCore never fetches them: `PHONEY_BENCHMARKS=1 swift run -c release bench`
// (scripts/bench.sh sets it). Hummingbird gates its benchmarks the same way.
if Context.environment["PHONEY_BENCHMARKS"] != nil, !lambdaOnly {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "bench",
            dependencies: [
                "PhoneyCore",
                "PhoneyAPI",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/bench"
        )
    )
}

// libFuzzer targets (Fuzz/<name>/main.swift), built only when asked for and into their own scratch path:
// `PHONEY_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product fuzz-template` (scripts/fuzz.sh does it).
// Phoney's own modules get coverage instrumentation and AddressSanitizer; the dependencies are built as usual, which
// is enough for libFuzzer to link and for ASan to catch our bugs. Never set for a build anyone depends on.
if Context.environment["PHONEY_FUZZ"] != nil, !lambdaOnly {
    let sanitizers: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
    for target in package.targets where ["PhoneyCore", "PhoneyAPI", "PhoneyLambda"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + sanitizers
    }
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("template", ["PhoneyCore"]),
        ("request", ["PhoneyAPI", "PhoneyCore", .product(name: "NIOCore", package: "swift-nio")]),
        ("gateway", ["PhoneyLambda", "PhoneyAPI", "PhoneyCore"]),
        (
            "jwt",
            [
                "PhoneyAPI", .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
    for fuzz in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: "fuzz-\(fuzz.name)",
                dependencies: fuzz.dependencies,
                path: "Fuzz/\(fuzz.name)",
                swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
            )
        )
    }
}
