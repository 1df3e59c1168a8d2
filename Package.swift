// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "phoney",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "phoney", targets: ["phoney"]),
        .library(name: "PhoneyCore", targets: ["PhoneyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(
            name: "PhoneyCore",
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .executableTarget(
            name: "phoney",
            dependencies: [
                "PhoneyCore",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "bench",
            dependencies: [
                "PhoneyCore",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/bench"
        ),
        .testTarget(
            name: "PhoneyCoreTests",
            dependencies: ["PhoneyCore"]
        ),
    ]
)
