// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Pact's input readers, kept out of the main package so that `swift build`
// and `swift test` never see them. Each target is one file exporting `LLVMFuzzerTestOneInput`;
// libFuzzer supplies `main`. Build and run them with Tests/fuzz/run.sh (docs/RELIABILITY.md).
let package = Package(
    name: "PactFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Pact", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "PactData", package: "Pact")]),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", .product(name: "PactData", package: "Pact")]),
        .executableTarget(name: "FuzzStakeholderCSV", dependencies: ["FuzzSupport", .product(name: "PactData", package: "Pact")]),
        .executableTarget(name: "FuzzParameterFile", dependencies: ["FuzzSupport", .product(name: "PactData", package: "Pact")]),
    ],
    swiftLanguageModes: [.v6]
)
