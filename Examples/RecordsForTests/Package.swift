// swift-tools-version: 6.1
// An app that uses Phoney as a library: PhoneyCore by path, as another package would by URL and version.
import PackageDescription

let package = Package(
    name: "RecordsForTests",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "phoney", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "RecordsForTests",
            dependencies: [.product(name: "PhoneyCore", package: "phoney")]
        )
    ]
)
