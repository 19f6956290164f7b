import ArgumentParser
import Foundation
import PactModel

/// `--seed` and `--threads`, shared by every command that simulates: the same seed gives the
/// same output on any number of threads, so the two always come together.
struct RandomOptions: ParsableArguments {
    @Option(help: "Random seed; the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: every core). The result does not depend on it.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    /// The threads to use: `--threads`, or every core.
    var workers: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// `--params FILE`: the crisis model's parameters from a file instead of the shipped ones.
struct ParameterFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("A parameter file in the format of the shipped Parameters/default.yaml (default: the shipped one).",
                               valueName: "file.yaml"))
    var params: String?

    /// The parameters: the file's, or the shipped defaults.
    func load() throws -> ParameterSet { try ParameterSource.load(params) }
}
