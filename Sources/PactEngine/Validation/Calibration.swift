import PactModel

/// A parameter the calibrator may move, with the prior it is held to: the documented default
/// and range of the parameter file. The fitted value stays inside [low, high], the range a reader
/// of the file accepts; the penalty pulls it toward the default.
public struct FreeParameter: Hashable, Sendable {
    public var name: String
    public var prior: Double
    public var low: Double
    public var high: Double

    public init(name: String, prior: Double, low: Double, high: Double) {
        precondition(low < high, "a free parameter needs a range to move in: \(name)")
        self.name = name
        self.prior = prior
        self.low = low
        self.high = high
    }

    /// The parameter `name` of `set`, with its default as prior and its range as bounds.
    public init?(_ name: String, in set: ParameterSet) {
        guard let p = set[name], p.low < p.high else { return nil }
        self.init(name: name, prior: p.defaultValue, low: p.low, high: p.high)
    }

    /// Half the range: the distance at which the penalty costs one unit of `penaltyWeight`.
    public var scale: Double { (high - low) / 2 }

    /// The penalty's term for `value`: ((value - prior) / scale)².
    public func deviation(_ value: Double) -> Double {
        let z = (value - prior) / scale
        return z * z
    }

    /// `value` moved into [low, high] and rounded to six decimals, so that a fitted value
    /// written to a parameter file and read back is the very value the fit scored.
    func clamped(_ value: Double) -> Double { (min(high, max(low, value)) * 1e6).rounded() / 1e6 }
}

/// What the calibrator minimises and over what: the free parameters, the parameter set they are
/// written into, the Monte Carlo settings, and the weight of the prior penalty.
///
///     objective(θ) = mean RPS over the training cases (θ)  +  λ · Σ_i ((θ_i − prior_i) / s_i)²
///
/// with s_i half of parameter i's documented range. The RPS term is what SPEC 7 scores; the
/// penalty is a Gaussian prior in disguise (λ = 1 / (2 σ² N) in units of the range): with 25
/// cases the record cannot pin a dozen weights down, and the penalty keeps the ones it does not
/// inform at the values the parameter file argues for.
public struct CalibrationProblem: Sendable {
    public var free: [FreeParameter]
    public var base: ParameterSet
    public var settings: BacktestSettings
    public var penaltyWeight: Double

    public init(free: [FreeParameter], base: ParameterSet, settings: BacktestSettings, penaltyWeight: Double) {
        precondition(penaltyWeight >= 0, "the penalty weight cannot be negative")
        self.free = free
        self.base = base
        self.settings = settings
        self.penaltyWeight = penaltyWeight
    }

    /// The prior values, where the search starts.
    public var start: [Double] { free.map(\.prior) }

    /// `base` with each free parameter's default (the mode the Monte Carlo samples around) set to
    /// `values`, clamped into its range. The range itself is kept: the fit says where the
    /// parameter most likely lies, not that it is certain.
    public func parameters(_ values: [Double]) -> ParameterSet {
        precondition(values.count == free.count, "one value per free parameter")
        var set = base
        for (parameter, value) in zip(free, values) {
            set = set.settingDefault(parameter.name, to: parameter.clamped(value))
        }
        return set
    }

    /// The penalty of `values`: λ · Σ deviation.
    public func penalty(_ values: [Double]) -> Double {
        penaltyWeight * zip(free, values).map { $0.deviation($1) }.reduce(0, +)
    }

    /// Mean RPS of `values` over `cases`.
    public func meanRPS(_ values: [Double], on cases: [BacktestCase]) throws -> Double {
        precondition(!cases.isEmpty, "a fit needs at least one training case")
        let levels = try CaseForecaster.levels(cases, parameters: parameters(values), settings: settings)
        var total = 0.0
        for (item, forecast) in zip(cases, levels) {
            total += ProperScore.rankedProbability(forecast, actual: item.outcome.level)
        }
        return total / Double(cases.count)
    }
}

extension ParameterSet {
    /// The set with `name`'s default moved to `value` (which must lie in its range); unknown
    /// names are ignored.
    public func settingDefault(_ name: String, to value: Double) -> ParameterSet {
        guard let p = self[name] else { return self }
        precondition(p.low <= value && value <= p.high, "\(name) = \(value) lies outside [\(p.low), \(p.high)]")
        return ParameterSet(parameters.map { q in
            guard q.name == name else { return q }
            return Parameter(name: q.name, defaultValue: value, low: q.low, high: q.high, doc: q.doc)
        })
    }
}

/// The result of one fit.
public struct CalibrationFit: Hashable, Sendable {
    /// The fitted value of each free parameter, in the problem's order.
    public var values: [Double]
    /// The parameter set with the fitted values as defaults.
    public var parameters: ParameterSet
    /// Mean RPS on the training cases at the fitted values (in-sample).
    public var meanRPS: Double
    public var penalty: Double
    public var objective: Double { meanRPS + penalty }
    /// Mean RPS on the training cases at the priors, for comparison.
    public var priorMeanRPS: Double
    /// How many times the objective was evaluated.
    public var evaluations: Int
    /// The ids of the cases the fit read, in order: what a test checks to prove a held-out case
    /// never reached the fit.
    public var trainingIDs: [String]
}

/// Fits the free parameters by a deterministic compass (coordinate pattern) search.
///
/// The objective is a Monte Carlo estimate of a step function (a level count changes by whole
/// draws), so it has no useful gradient; a pattern search needs none, and with common random
/// numbers it is deterministic: same cases, same start, same result. The search works in units of
/// each parameter's range: from the priors it tries each parameter up and down by `step` times its
/// range, in the problem's order, keeping any strict improvement; after a sweep with no
/// improvement the step halves, until it falls below `minimumStep` or `maximumEvaluations` is spent.
public struct Calibrator: Sendable {
    public var problem: CalibrationProblem
    public var initialStep: Double
    public var minimumStep: Double
    public var maximumEvaluations: Int

    public init(problem: CalibrationProblem, initialStep: Double = 0.25, minimumStep: Double = 1.0 / 32,
                maximumEvaluations: Int = 400) {
        self.problem = problem
        self.initialStep = initialStep
        self.minimumStep = minimumStep
        self.maximumEvaluations = maximumEvaluations
    }

    /// Fits on `training` and on nothing else: the cases passed in are the only ones read.
    public func fit(_ training: [BacktestCase]) throws -> CalibrationFit {
        var evaluations = 0
        func objective(_ values: [Double]) throws -> (rps: Double, total: Double) {
            evaluations += 1
            let rps = try problem.meanRPS(values, on: training)
            return (rps, rps + problem.penalty(values))
        }
        var best = problem.start
        let prior = try objective(best)
        var bestScore = prior
        var step = initialStep
        search: while step >= minimumStep {
            var improved = false
            for i in problem.free.indices {
                let parameter = problem.free[i]
                for direction in [1.0, -1.0] {
                    if evaluations >= maximumEvaluations { break search }
                    var trial = best
                    trial[i] = parameter.clamped(best[i] + direction * step * (parameter.high - parameter.low))
                    if trial[i] == best[i] { continue }
                    let score = try objective(trial)
                    if score.total < bestScore.total {
                        best = trial
                        bestScore = score
                        improved = true
                        break
                    }
                }
            }
            if !improved { step /= 2 }
        }
        return CalibrationFit(values: best, parameters: problem.parameters(best), meanRPS: bestScore.rps,
                              penalty: problem.penalty(best), priorMeanRPS: prior.rps, evaluations: evaluations,
                              trainingIDs: training.map(\.id))
    }
}

/// Leave-one-out cross-validation: every case forecast by parameters fitted without it.
public enum LeaveOneOut {
    /// For each case i, in order, case i beside what `fit` returns on every case but i. `fit`
    /// never receives case i.
    public static func fits<Fit>(_ cases: [BacktestCase], fit: ([BacktestCase]) throws -> Fit) rethrows
        -> [(heldOut: BacktestCase, fit: Fit)]
    {
        var result: [(heldOut: BacktestCase, fit: Fit)] = []
        for i in cases.indices {
            var training = cases
            let heldOut = training.remove(at: i)
            result.append((heldOut, try fit(training)))
        }
        return result
    }

    /// For each case i, calls `fit` with every case but i, then `predict` with case i and the
    /// fitted parameters. `fit` never receives case i, so nothing of it (its outcome least of
    /// all) can reach its own forecast. Forecasts come back in the cases' order.
    public static func forecasts(
        _ cases: [BacktestCase],
        fit: ([BacktestCase]) throws -> ParameterSet,
        predict: (BacktestCase, ParameterSet) throws -> CaseForecast
    ) rethrows -> [CaseForecast] {
        try fits(cases, fit: fit).map { try predict($0.heldOut, $0.fit) }
    }
}

/// Pact's calibration choices, shared by `pact calibrate` and `pact validate --cross-validate`
/// (docs/CALIBRATION.md gives the reasons and the figures).
public enum Calibration {
    /// The weights the fit moves: the intercept, the interest-term weights, the strength of the
    /// two contestable legal readings, the veto threshold and the crisis-wide noise. Nothing in
    /// the dataset measures them; only the record can. Force, timing and unilateral parameters
    /// are not fitted: RPS does not score them, or a sourced fact sets them.
    public static let defaultFreeNames = [
        "baseline", "w_treaty_obligation", "w_adversary_ties", "w_regime_solidarity", "w_cost", "w_precedent",
        "w_credibility", "strength_consultations", "strength_assistance", "block_threshold", "crisis_noise",
    ]
    /// λ: moving one weight a full half-range from its prior must buy 0.01 of mean RPS (about a
    /// sixth of the model's mean RPS on the library). Smaller λ fitted the library better but
    /// forecast held-out cases worse (docs/CALIBRATION.md, "Choosing λ").
    public static let defaultPenaltyWeight = 0.01
    /// Draws per case in each evaluation: enough that common random numbers make the objective
    /// smooth at the search's finest step, few enough that a leave-one-out run takes minutes.
    public static let defaultFitDraws = 1000
    public static let defaultMaximumEvaluations = 300
}
