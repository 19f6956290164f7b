import PactModel

/// Forecasts of cases the fit never saw, beside the reference an analyst would have had from the
/// same training cases (their base rate), with bootstrap intervals on the two skill scores.
///
/// Two designs share it: leave-one-out (each case by a fit on all the others) and the time split
/// (every case from a year on by one fit on the cases before it), the harder test, since the later
/// episodes may differ in kind from the earlier ones as a forecaster's next case would.
public struct OutOfSampleEvaluation: Sendable {
    /// How the forecasts were made, as shown to a reader: "leave-one-out", "time split at 2016".
    public let design: String
    /// The model's forecasts of the held-out cases, scored.
    public let backtest: Backtest
    /// The reference forecast of each held-out case: the base rate of that case's training cases.
    public let reference: [CaseScore]
    /// Skill of the mean RPS over the reference's, and of the Brier score of `unilateral`.
    public let rpsSkill: SkillInterval
    public let unilateralSkill: SkillInterval
    /// The training cases of the time split (empty for leave-one-out, where each fold has its own).
    public let trainingIDs: [String]

    /// Scores `forecasts`, each beside the base rate of its own training cases (`training[i]` for
    /// forecast i), and bootstraps both skills with `resamples` resamples from `seed`.
    public init(design: String, forecasts: [CaseForecast], training: [[BacktestCase]], trainingIDs: [String] = [],
                resamples: Int, seed: UInt64) {
        precondition(forecasts.count == training.count, "one training set per forecast")
        self.design = design
        backtest = Backtest(forecasts)
        reference = zip(forecasts, training).map { forecast, cases in
            let rate = ReferenceForecast(training: cases)
            return CaseScore(CaseForecast(id: forecast.id, levels: rate.levels, unilateral: rate.unilateral,
                                          actual: forecast.actual, actualUnilateral: forecast.actualUnilateral))
        }
        rpsSkill = SkillBootstrap.interval(model: backtest.cases.map(\.rps), reference: reference.map(\.rps),
                                           resamples: resamples, seed: seed)
        unilateralSkill = SkillBootstrap.interval(model: backtest.cases.map(\.unilateralBrier),
                                                  reference: reference.map(\.unilateralBrier), resamples: resamples, seed: seed)
        self.trainingIDs = trainingIDs
    }

    /// The reference's mean scores over the held-out cases.
    public var referenceScores: ForecasterScores { ForecasterScores(reference) }
}

/// The base rate of a set of training cases: each level's share among their outcomes, and the
/// share in which the lead state acted alone. With no training case, the uniform forecast and 0.5.
public struct ReferenceForecast: Hashable, Sendable {
    public var levels: [Double]
    public var unilateral: Double

    public init(training: [BacktestCase]) {
        guard !training.isEmpty else {
            levels = Array(repeating: 1 / Double(ProperScore.levelCount), count: ProperScore.levelCount)
            unilateral = 0.5
            return
        }
        var counts = Array(repeating: 0.0, count: ProperScore.levelCount)
        var alone = 0.0
        for item in training {
            counts[item.outcome.level.rawValue] += 1
            if item.outcome.unilateral { alone += 1 }
        }
        let n = Double(training.count)
        levels = counts.map { $0 / n }
        unilateral = alone / n
    }
}

/// The time split: fit on the episodes dated before 1 January of `year`, score those from it on.
public struct TimeSplit: Sendable {
    public let year: Int
    public let training: [BacktestCase]
    public let test: [BacktestCase]

    public init(_ cases: [BacktestCase], year: Int) {
        self.year = year
        training = cases.filter { $0.scenario.date.year < year }
        test = cases.filter { $0.scenario.date.year >= year }
    }

    /// Fits once on the training cases (and only on them) and forecasts every test case with the
    /// fitted parameters, in the test cases' order.
    public func forecasts(fit: ([BacktestCase]) throws -> ParameterSet,
                          predict: (BacktestCase, ParameterSet) throws -> CaseForecast) rethrows -> [CaseForecast] {
        let parameters = try fit(training)
        return try test.map { try predict($0, parameters) }
    }
}

extension LeaveOneOut {
    /// The training set of each fold, in the cases' order: every case but the i-th.
    public static func trainingSets(_ cases: [BacktestCase]) -> [[BacktestCase]] {
        cases.indices.map { i in
            var training = cases
            training.remove(at: i)
            return training
        }
    }
}
