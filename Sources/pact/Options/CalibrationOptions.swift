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

    @Option(help: ArgumentHelp(
        "Comma-separated parameters to fit (default: those the prior file marks `fit: true`; if none, \(Calibration.defaultFreeNames.joined(separator: ","))).",
        valueName: "names"))
    var free: String?

    @Option(name: .customLong("unilateral-weight"), help: "Weight of the mean Brier score of P(unilateral) beside the mean RPS; 0 fits the ladder alone.")
    var unilateralWeight: Double = Calibration.defaultUnilateralWeight

    @Option(name: .customLong("reliability-rate"), help: "Base rate of honoured commitments the synthetic Article 4 requests' P(level >= 4) is pulled toward (Berkemeier & Fuhrmann 2018: about 0.5 overall, 0.22 after 1945; Leeds, Long & Mitchell 2000: 0.75 in 1816-1944).")
    var reliabilityRate: Double = Calibration.defaultReliabilityRate

    @Option(name: .customLong("reliability-weight"), help: "Weight of the synthetic requests' mean squared gap from --reliability-rate; 0 drops them.")
    var reliabilityWeight: Double = Calibration.defaultReliabilityWeight

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
        if unilateralWeight < 0 { throw ValidationError("--unilateral-weight cannot be negative") }
        if !(0...1).contains(reliabilityRate) { throw ValidationError("--reliability-rate must lie in [0, 1]") }
        if reliabilityWeight < 0 { throw ValidationError("--reliability-weight cannot be negative") }
    }

    /// The prior parameter set: a file given with --priors, else the shipped priors.
    func priorSet() throws -> ParameterSet {
        guard let priors else { return try Embedded.priorParameters() }
        return try ParameterSource.load(priors)
    }

    /// The calibrator these options describe, on the prior set.
    func calibrator(priors set: ParameterSet, seed: UInt64, threads: Int, dataset: Dataset) throws -> Calibrator {
        guard let names = free.map({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) else {
            return try calibrator(free: Calibration.freeParameters(in: set), priors: set, seed: seed, threads: threads, dataset: dataset)
        }
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
        return try calibrator(free: parameters, priors: set, seed: seed, threads: threads, dataset: dataset)
    }

    private func calibrator(free parameters: [FreeParameter], priors set: ParameterSet, seed: UInt64, threads: Int,
                            dataset: Dataset) throws -> Calibrator {
        if parameters.isEmpty { throw ValidationError("no parameter to fit: --free names none, or the prior file marks none and defines none of the default list") }
        let reliability = reliabilityWeight > 0
            ? ReliabilityPrior(rate: reliabilityRate, weight: reliabilityWeight, dataset: dataset, dates: Calibration.defaultReliabilityDates)
            : nil
        let problem = CalibrationProblem(
            free: parameters, base: set, settings: BacktestSettings(draws: fitDraws, seed: seed, threads: threads),
            penaltyWeight: penalty, unilateralWeight: unilateralWeight, reliability: reliability)
        return Calibrator(problem: problem, maximumEvaluations: maxEvaluations)
    }
}
