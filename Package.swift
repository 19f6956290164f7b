// swift-tools-version: 6.1
import PackageDescription

// Targets follow the layout in ARCHITECTURE.md: data flows one way,
// PactModel -> PactData / PactEngine -> PactReport -> pact (CLI).
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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        // Tables, CSV and Markdown shared by the CLI and (later) the server.
        .target(name: "PactReport", dependencies: ["PactModel"]),
        .executableTarget(
            name: "pact",
            dependencies: [
                "PactModel", "PactData", "PactEngine", "PactReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PactModelTests", dependencies: ["PactModel"]),
        .testTarget(name: "PactDataTests", dependencies: ["PactData", "PactModel"]),
        .testTarget(name: "PactEngineTests", dependencies: ["PactEngine", "PactData", "PactModel"]),
        .testTarget(name: "PactReportTests", dependencies: ["PactReport", "PactModel", "PactEngine", "PactData"]),
        .testTarget(name: "PactCLITests", dependencies: ["pact"]),
    ],
    swiftLanguageModes: [.v6]
)
