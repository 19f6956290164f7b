import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel

/// The options of a fit, shared by `pact calibrate` and `pact validate --cross-validate` so that
/// both give the same leave-one-out figures with the same options.
struct CalibrationOptions: ParsableArguments {
    @Option(help: "Prior parameter file: the documented defaults and ranges the fit starts from and is held to (default: the shipped Parameters/priors.yaml).")
    var priors: String?

    @Option(help: ArgumentHelp("Comma-separated parameters to fit (default: \(Calibration.defaultFreeNames.joined(separator: ","))).",
                               valueName: "names"))
    var free: String?

    @Option(help: "Weight of the penalty keeping fitted values near their priors, per squared half-range.")
    var penalty: Double = Calibration.defaultPenaltyWeight

    @Option(name: .customLong("fit-draws"), help: "Monte Carlo draws per case in each evaluation of the fit.")
    var fitDraws: Int = Calibration.defaultFitDraws

    @Option(name: .customLong("max-evaluations"), help: "Most evaluations of the objective per fit.")
    var maxEvaluations: Int = Calibration.defaultMaximumEvaluations

    func validate() throws {
        if penalty < 0 { throw ValidationError("--penalty cannot be negative") }
        if fitDraws < 1 { throw ValidationError("--fit-draws must be at least 1") }
        if maxEvaluations < 1 { throw ValidationError("--max-evaluations must be at least 1") }
    }

    /// The prior parameter set: a file given with --priors, else the shipped priors.
    func priorSet() throws -> ParameterSet {
        guard let priors else { return try Embedded.priorParameters() }
        return try ParameterSource.load(priors)
    }

    /// The calibrator these options describe, on the prior set.
    func calibrator(priors set: ParameterSet, seed: UInt64, threads: Int) throws -> Calibrator {
        let names = free.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? Calibration.defaultFreeNames
        var parameters: [FreeParameter] = []
        for name in names {
            guard set.contains(name) else {
                throw ValidationError("--free: '\(name)' is not a parameter; parameters are \(set.names.joined(separator: ", "))")
            }
            guard let parameter = FreeParameter(name, in: set) else {
                throw ValidationError("--free: '\(name)' has low == high in the prior file, so there is no range to fit it in")
            }
            parameters.append(parameter)
        }
        if parameters.isEmpty { throw ValidationError("--free names no parameter") }
        let problem = CalibrationProblem(
            free: parameters, base: set, settings: BacktestSettings(draws: fitDraws, seed: seed, threads: threads),
            penaltyWeight: penalty)
        return Calibrator(problem: problem, maximumEvaluations: maxEvaluations)
    }
}
