// swift-tools-version: 6.1
import PackageDescription

// Targets follow the layout in ARCHITECTURE.md: data flows one way,
// PactModel -> PactData / PactEngine -> PactReport -> PactServer / pact (CLI).
// The engine and the model never touch files, clocks or global randomness.
let package = Package(
    name: "Pact",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pact", targets: ["pact"]),
        .library(name: "PactModel", targets: ["PactModel"]),
        .library(name: "PactData", targets: ["PactData"]),
        .library(name: "PactEngine", targets: ["PactEngine"]),
        .library(name: "PactReport", targets: ["PactReport"]),
        .library(name: "PactServer", targets: ["PactServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Property tests of the crisis model's promises (monotone in threat, the legal cap).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The vocabulary: actors, organizations, memberships, relations, assets,
        // scenarios, the response ladder and run results. Value types, no I/O.
        .target(name: "PactModel"),
        // The embedded CSTO dataset, the as-of-date snapshot, scenario and case files.
        .target(
            name: "PactData",
            dependencies: ["PactModel", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/CSTO"), .copy("Resources/Scenarios"), .copy("Resources/Cases"), .copy("Resources/Parameters"), .copy("Resources/Schema")]
        ),
        // Everything that computes. Pure functions over model values.
        .target(name: "PactEngine", dependencies: ["PactModel"]),
        // Tables, CSV, JSON documents, charts and reports shared by the CLI and the server. It
        // reads the engine's results and the dataset's views, so both front ends only translate.
        .target(name: "PactReport", dependencies: ["PactModel", "PactData", "PactEngine"],
                resources: [.copy("Resources/Maps")]),
        // The browser workbench: HTTP API, server-rendered pages, runs kept in SQLite.
        // The only target that knows about HTTP and databases.
        .target(
            name: "PactServer",
            dependencies: [
                "PactModel", "PactData", "PactEngine", "PactReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static"), .copy("Resources/openapi.yaml")]
        ),
        .executableTarget(
            name: "pact",
            dependencies: [
                "PactModel", "PactData", "PactEngine", "PactReport", "PactServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactDataTests", dependencies: ["PactData", "PactModel"]),
        .testTarget(
            name: "PactEngineTests",
            dependencies: ["PactEngine", "PactData", "PactModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "PactReportTests", dependencies: ["PactReport", "PactModel", "PactEngine", "PactData"]),
        .testTarget(name: "PactCLITests", dependencies: ["pact"]),
        .testTarget(
            name: "PactServerTests",
            dependencies: [
                "PactServer", "PactModel", "PactData",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
