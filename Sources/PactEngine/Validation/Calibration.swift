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
/// written into, the Monte Carlo settings, and the weights of the objective's terms.
///
///     objective(θ) = mean RPS(θ) + u · mean Brier of `unilateral`(θ)
///                    + λ · Σ_i ((θ_i − prior_i) / s_i)²  +  r · mean (P_j(level ≥ 4; θ) − rate)²
///
/// over the training cases, with s_i half of parameter i's documented range and j running over
/// the reliability prior's synthetic Article 4 requests (``ReliabilityPrior``). The RPS scores the
/// ladder, the Brier score the lead state's unilateral action (SPEC 7 scores both); u = 1 weighs
/// them as the two scores SPEC reports. The quadratic penalty is a Gaussian prior in disguise: with a
/// few dozen cases the record cannot pin a dozen weights down, and the penalty keeps the ones it
/// does not inform at the values the parameter file argues for; the reliability term is a prior
/// on what the weights do together, from the record of alliances in general.
public struct CalibrationProblem: Sendable {
    public var free: [FreeParameter]
    public var base: ParameterSet
    public var settings: BacktestSettings
    public var penaltyWeight: Double
    /// u: the weight of the mean Brier score of `unilateral`; 0 fits the ladder alone.
    public var unilateralWeight: Double
    /// The prior pseudo-observations of reliability; nil for none.
    public var reliability: ReliabilityPrior?

    public init(free: [FreeParameter], base: ParameterSet, settings: BacktestSettings, penaltyWeight: Double,
                unilateralWeight: Double = 0, reliability: ReliabilityPrior? = nil) {
        precondition(penaltyWeight >= 0, "the penalty weight cannot be negative")
        precondition(unilateralWeight >= 0, "the weight of the unilateral score cannot be negative")
        self.free = free
        self.base = base
        self.settings = settings
        self.penaltyWeight = penaltyWeight
        self.unilateralWeight = unilateralWeight
        self.reliability = reliability
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
        try terms(values, on: cases).rps
    }

    /// Every term of the objective at `values` on `cases`. The unilateral forecast needs the full
    /// Monte Carlo tally; with u = 0 the cheaper level-only path is taken.
    public func terms(_ values: [Double], on cases: [BacktestCase]) throws -> ObjectiveTerms {
        precondition(!cases.isEmpty, "a fit needs at least one training case")
        let set = parameters(values)
        var rps = 0.0, brier = 0.0
        if unilateralWeight > 0 {
            for f in try CaseForecaster.forecasts(cases, parameters: set, settings: settings) {
                rps += ProperScore.rankedProbability(f.levels, actual: f.actual)
                brier += ProperScore.binaryBrier(probability: f.unilateral, occurred: f.actualUnilateral)
            }
        } else {
            let levels = try CaseForecaster.levels(cases, parameters: set, settings: settings)
            for (item, forecast) in zip(cases, levels) {
                rps += ProperScore.rankedProbability(forecast, actual: item.outcome.level)
            }
        }
        let n = Double(cases.count)
        var gap = 0.0, honoured: [Double] = []
        if let reliability, reliability.weight > 0 {
            honoured = try reliability.honoured(parameters: set, settings: settings)
            gap = reliability.meanSquaredGap(honoured)
        }
        return ObjectiveTerms(
            rps: rps / n, unilateralBrier: unilateralWeight > 0 ? brier / n : nil, reliabilityGap: reliability == nil ? nil : gap,
            meanHonoured: honoured.isEmpty ? nil : honoured.reduce(0, +) / Double(honoured.count),
            penalty: penalty(values),
            total: rps / n + unilateralWeight * brier / n + penalty(values) + (reliability?.weight ?? 0) * gap)
    }
}

/// The objective's terms at one point, for a reader to see what the fit traded.
public struct ObjectiveTerms: Hashable, Sendable {
    /// Mean RPS over the training cases.
    public var rps: Double
    /// Mean Brier score of `unilateral` over the training cases; nil when the fit ignores it.
    public var unilateralBrier: Double?
    /// Mean squared gap of the synthetic requests' P(level ≥ 4) from the base rate; nil without the prior.
    public var reliabilityGap: Double?
    /// Mean P(level ≥ 4) of the synthetic requests; nil without the prior.
    public var meanHonoured: Double?
    public var penalty: Double
    /// The objective: every term with its weight.
    public var total: Double
}

extension ParameterSet {
    /// The set with `name`'s default moved to `value` (which must lie in its range); unknown
    /// names are ignored.
    public func settingDefault(_ name: String, to value: Double) -> ParameterSet {
        guard let p = self[name] else { return self }
        precondition(p.low <= value && value <= p.high, "\(name) = \(value) lies outside [\(p.low), \(p.high)]")
        return ParameterSet(parameters.map { q in
            guard q.name == name else { return q }
            return Parameter(name: q.name, defaultValue: value, low: q.low, high: q.high, doc: q.doc, fitted: q.fitted)
        })
    }
}

/// The result of one fit.
public struct CalibrationFit: Hashable, Sendable {
    /// The fitted value of each free parameter, in the problem's order.
    public var values: [Double]
    /// The parameter set with the fitted values as defaults.
    public var parameters: ParameterSet
    /// The objective's terms at the fitted values (in-sample) and at the priors, for comparison.
    public var terms: ObjectiveTerms
    public var priorTerms: ObjectiveTerms
    /// Mean RPS on the training cases at the fitted values (in-sample).
    public var meanRPS: Double { terms.rps }
    public var penalty: Double { terms.penalty }
    public var objective: Double { terms.total }
    /// Mean RPS on the training cases at the priors, for comparison.
    public var priorMeanRPS: Double { priorTerms.rps }
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
        func objective(_ values: [Double]) throws -> ObjectiveTerms {
            evaluations += 1
            return try problem.terms(values, on: training)
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
        return CalibrationFit(values: best, parameters: problem.parameters(best), terms: bestScore, priorTerms: prior,
                              evaluations: evaluations, trainingIDs: training.map(\.id))
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
    /// The parameters the fit moves when the parameter file marks none `fit: true`: the
    /// intercept, the interest-term weights, the strength of the two contestable legal readings,
    /// the veto threshold, the crisis-wide noise, and the two weights of the lead state's
    /// unilateral calculus (the joint objective scores `unilateral`). Nothing in the dataset
    /// measures them; only the record can. Force and timing parameters are not fitted: the
    /// objective does not score them, and sourced facts set them. Names the set lacks are skipped.
    public static let defaultFreeNames = [
        "baseline", "w_treaty_obligation", "w_adversary_ties", "w_regime_solidarity", "w_cost", "w_precedent",
        "w_credibility", "strength_consultations", "strength_assistance", "block_threshold", "crisis_noise",
        "unilateral_bias", "unilateral_gap_weight",
    ]

    /// The one place that decides what is fitted: the parameters `set` marks `fit: true`, in the
    /// file's order; if it marks none, those of ``defaultFreeNames`` it defines. A parameter
    /// without a range (low == high) cannot move and is left out.
    public static func freeParameters(in set: ParameterSet) -> [FreeParameter] {
        let marked = set.parameters.filter(\.fitted).map(\.name)
        let names = marked.isEmpty ? defaultFreeNames.filter(set.contains) : marked
        return names.compactMap { FreeParameter($0, in: set) }
    }

    /// u: the Brier score of `unilateral` counts as much as the mean RPS, the two scores SPEC
    /// reports for a crisis forecast.
    public static let defaultUnilateralWeight = 1.0

    /// The reliability prior's base rate: Berkemeier & Fuhrmann's (2018) share of wartime
    /// alliance commitments honoured over their whole record, about 50%, between Leeds, Long &
    /// Mitchell's 75% for 1816–1944 and the 22% Berkemeier & Fuhrmann find after 1945.
    public static let defaultReliabilityRate = 0.5
    /// r: a synthetic request forecast 0.3 away from the base rate costs 0.1 · 0.09 = 0.009 of
    /// objective, about what moving one weight a full half-range from its prior costs (λ = 0.01):
    /// a firm pull, but one the record of real cases outweighs when it speaks.
    public static let defaultReliabilityWeight = 0.1
    /// The dates of the synthetic requests: every six years from the organization's founding
    /// year, so that membership, relations and capacity of several eras enter.
    public static let defaultReliabilityDates: [Day] = [2003, 2009, 2015, 2021].map { Day(year: $0, month: 6, day: 1)! }

    /// λ: moving one weight a full half-range from its prior must buy 0.01 of mean RPS (about a
    /// sixth of the model's mean RPS on the library). Smaller λ fitted the library better but
    /// forecast held-out cases worse (docs/CALIBRATION.md, "Choosing λ").
    public static let defaultPenaltyWeight = 0.01
    /// Draws per case in each evaluation: enough that common random numbers make the objective
    /// smooth at the search's finest step, few enough that a leave-one-out run takes minutes.
    public static let defaultFitDraws = 1000
    public static let defaultMaximumEvaluations = 1000
}
