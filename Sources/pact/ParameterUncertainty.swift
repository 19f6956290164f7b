import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `--parameter-uncertainty` of `pact run` and `pact report`: each level's probability with the
/// interval the calibration's bootstrap fits give (docs/CALIBRATION.md).
struct UncertaintyOptions: ParsableArguments {
    @Flag(name: .customLong("parameter-uncertainty"), help: ArgumentHelp(
        "Also give each level's probability a 90% interval over the bootstrap fits of the calibration.",
        discussion: "Each fit of the spread is run with --uncertainty-draws draws and the same seed; the interval is the 5th to 95th percentile over the fits."))
    var enabled = false

    @Option(name: .customLong("spread"), help: "A parameter spread file written by `pact calibrate --bootstrap N --spread-output FILE` (default: the shipped Parameters/spread.yaml).")
    var spreadFile: String?

    @Option(name: .customLong("uncertainty-draws"), help: "Monte Carlo draws for each fit of the spread (default: --draws, so the interval and the point forecast share their Monte Carlo precision).")
    var uncertaintyDraws: Int?

    /// Draws per fit: --uncertainty-draws, else the run's own draws.
    func drawsPerFit(default draws: Int) -> Int { uncertaintyDraws ?? draws }

    func validate() throws {
        if let uncertaintyDraws, uncertaintyDraws < 1 { throw ValidationError("--uncertainty-draws must be at least 1") }
        if spreadFile != nil && !enabled { throw ValidationError("--spread needs --parameter-uncertainty") }
    }

    /// The parameter sets of the spread on `parameters`, or nil when the flag is off.
    func parameterSets(on parameters: ParameterSet) throws -> [ParameterSet]? {
        guard enabled else { return nil }
        let name = spreadFile ?? "Parameters/spread.yaml"
        let spread: ParameterSpread
        if let spreadFile {
            spread = try ParameterSpreadFile.load(contentsOf: URL(fileURLWithPath: spreadFile), displayName: spreadFile)
        } else if let shipped = try Embedded.parameterSpread() {
            spread = shipped
        } else {
            throw ValidationError("no parameter spread ships with this build; write one with `pact calibrate --bootstrap 40 --spread-output FILE` and pass --spread FILE")
        }
        let unknown = spread.unknownNames(in: parameters)
        if !unknown.isEmpty {
            throw InputErrors([InputError(file: name, line: nil, field: "fits", found: unknown.joined(separator: ", "),
                message: "names parameters the model does not have; the spread is from another parameter file",
                allowed: parameters.names)])
        }
        return spread.parameterSets(base: parameters)
    }
}
