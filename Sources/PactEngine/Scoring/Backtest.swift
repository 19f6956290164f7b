import PactModel

/// One case's forecast beside what actually happened: the input of a backtest.
public struct CaseForecast: Hashable, Sendable {
    public var id: String
    /// Probability of each ladder level, `levels[k]` for level k; sums to 1.
    public var levels: [Double]
    /// Probability that the lead state acts alone outside the organization.
    public var unilateral: Double
    public var actual: ResponseLevel
    public var actualUnilateral: Bool

    public init(id: String, levels: [Double], unilateral: Double, actual: ResponseLevel, actualUnilateral: Bool) {
        self.id = id
        self.levels = levels
        self.unilateral = unilateral
        self.actual = actual
        self.actualUnilateral = actualUnilateral
    }
}

/// The scores of one forecast of one case.
public struct CaseScore: Hashable, Sendable {
    public var id: String
    public var actual: ResponseLevel
    public var levels: [Double]
    public var modal: ResponseLevel
    /// Ranked probability score, normalised to [0, 1].
    public var rps: Double
    /// Multi-class Brier score, not halved, in [0, 2].
    public var brier: Double
    public var unilateral: Double
    public var actualUnilateral: Bool
    /// Binary Brier score of `unilateral`, in [0, 1].
    public var unilateralBrier: Double

    public init(_ forecast: CaseForecast) {
        id = forecast.id
        actual = forecast.actual
        levels = forecast.levels
        modal = ProperScore.modal(forecast.levels)
        rps = ProperScore.rankedProbability(forecast.levels, actual: forecast.actual)
        brier = ProperScore.brier(forecast.levels, actual: forecast.actual)
        unilateral = forecast.unilateral
        actualUnilateral = forecast.actualUnilateral
        unilateralBrier = ProperScore.binaryBrier(probability: forecast.unilateral, occurred: forecast.actualUnilateral)
    }

    /// The modal level is the actual one.
    public var isHit: Bool { modal == actual }
    /// The modal level is at most one rung from the actual one.
    public var isWithinOne: Bool { abs(modal.rawValue - actual.rawValue) <= 1 }
}

/// Mean scores of one forecaster over a set of cases.
public struct ForecasterScores: Hashable, Sendable {
    public var n: Int
    /// Share of cases whose modal level is the actual one.
    public var accuracy: Double
    /// Share of cases whose modal level is within one rung of the actual one.
    public var withinOne: Double
    public var rps: Double
    public var brier: Double
    public var unilateralBrier: Double

    /// Means over `scores`; an empty set has no mean, so its figures are NaN and `n` is 0.
    public init(_ scores: [CaseScore]) {
        n = scores.count
        let count = Double(scores.count)
        func mean(_ value: (CaseScore) -> Double) -> Double {
            scores.isEmpty ? .nan : scores.map(value).reduce(0, +) / count
        }
        accuracy = mean { $0.isHit ? 1 : 0 }
        withinOne = mean { $0.isWithinOne ? 1 : 0 }
        rps = mean(\.rps)
        brier = mean(\.brier)
        unilateralBrier = mean(\.unilateralBrier)
    }
}

/// The summary of a backtest: the model's mean scores beside the two baselines'.
public struct ScoreSummary: Hashable, Sendable {
    public var model: ForecasterScores
    /// The leave-one-out base rate of the levels (and of `unilateral`) among the other cases.
    public var baseRate: ForecasterScores
    /// Certainty of level 0 and of no unilateral act.
    public var alwaysNone: ForecasterScores

    /// How much lower the model's mean RPS is than the base rate's, as a share of the base
    /// rate's (0.4 means 40% below). NaN when the base rate scores a perfect 0.
    public var rpsSkillOverBaseRate: Double { 1 - model.rps / baseRate.rps }
}

/// One bin of a reliability table: forecasts whose probability fell in [lower, upper) (the last
/// bin also takes p = 1), how many there were, their mean probability and how often the event
/// actually happened. A well-calibrated model has `observedFrequency` close to `meanPredicted`.
public struct ReliabilityBin: Hashable, Sendable {
    public var lower: Double
    public var upper: Double
    public var count: Int
    /// Mean predicted probability in the bin; nil when the bin is empty.
    public var meanPredicted: Double?
    /// Share of the bin's cases where the event happened; nil when the bin is empty.
    public var observedFrequency: Double?
}

/// A backtest: every case's scores, the summary against the baselines, and reliability tables.
///
/// Pure: it scores forecasts it is given and computes the baselines from the same cases'
/// actual outcomes, leaving each case out of its own baseline.
public struct Backtest: Sendable {
    public let cases: [CaseScore]
    public let baseRateCases: [CaseScore]
    public let alwaysNoneCases: [CaseScore]
    public let summary: ScoreSummary

    /// - Parameter baseRatePseudocount: smoothing of the base-rate baseline (see
    ///   `Baseline.levelBaseRate`); 0, Pact's default, is the plain leave-one-out frequency.
    public init(_ forecasts: [CaseForecast], baseRatePseudocount: Double = 0) {
        let actuals = forecasts.map(\.actual)
        let actualUnilateral = forecasts.map(\.actualUnilateral)
        cases = forecasts.map(CaseScore.init)
        baseRateCases = forecasts.indices.map { i in
            CaseScore(CaseForecast(
                id: forecasts[i].id,
                levels: Baseline.levelBaseRate(leavingOut: i, of: actuals, pseudocount: baseRatePseudocount),
                unilateral: Baseline.unilateralBaseRate(leavingOut: i, of: actualUnilateral, pseudocount: baseRatePseudocount),
                actual: forecasts[i].actual, actualUnilateral: forecasts[i].actualUnilateral))
        }
        alwaysNoneCases = forecasts.map {
            CaseScore(CaseForecast(id: $0.id, levels: Baseline.alwaysNoneLevels, unilateral: Baseline.alwaysNoneUnilateral,
                                   actual: $0.actual, actualUnilateral: $0.actualUnilateral))
        }
        summary = ScoreSummary(model: ForecasterScores(cases), baseRate: ForecasterScores(baseRateCases),
                               alwaysNone: ForecasterScores(alwaysNoneCases))
    }

    /// The model's reliability for "level `threshold` or higher" (SPEC's view uses level 3,
    /// "mission or more"): `bins` equal-width bins of predicted probability over [0, 1].
    public func reliability(atLeast threshold: ResponseLevel = .mission, bins: Int = 5) -> [ReliabilityBin] {
        Self.reliability(
            predicted: cases.map { ProperScore.probability(atLeast: threshold, in: $0.levels) },
            occurred: cases.map { $0.actual >= threshold }, bins: bins)
    }

    /// A reliability table of binary forecasts: equal-width bins over [0, 1], bin i holding
    /// probabilities in [i/bins, (i+1)/bins) and the last bin also p = 1. Empty bins are kept
    /// (count 0) so every table has the same rows.
    public static func reliability(predicted: [Double], occurred: [Bool], bins: Int) -> [ReliabilityBin] {
        precondition(bins >= 1, "a reliability table needs at least one bin")
        precondition(predicted.count == occurred.count, "one outcome per forecast")
        var sums = Array(repeating: 0.0, count: bins)
        var hits = Array(repeating: 0, count: bins)
        var counts = Array(repeating: 0, count: bins)
        for (p, happened) in zip(predicted, occurred) {
            precondition((0...1).contains(p), "a probability must lie in [0, 1], got \(p)")
            let bin = min(Int(p * Double(bins)), bins - 1)
            sums[bin] += p
            counts[bin] += 1
            if happened { hits[bin] += 1 }
        }
        return (0..<bins).map { i in
            let count = counts[i]
            return ReliabilityBin(
                lower: Double(i) / Double(bins), upper: Double(i + 1) / Double(bins), count: count,
                meanPredicted: count == 0 ? nil : sums[i] / Double(count),
                observedFrequency: count == 0 ? nil : Double(hits[i]) / Double(count))
        }
    }
}
