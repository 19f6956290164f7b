import PactModel

/// Proper scores of one probabilistic forecast of the response ladder against what happened
/// (SPEC sections 7 and 8). Lower is better for every score here; 0 is a perfect forecast.
///
/// A forecast of the ladder is an array of six probabilities, `levels[k]` being the probability
/// of level `k` (SPEC section 8); they must be non-negative and sum to 1.
public enum ProperScore {
    /// How many rungs the ladder has (SPEC section 4).
    public static let levelCount = ResponseLevel.allCases.count

    /// Ranked probability score over the ordered ladder, normalised to [0, 1].
    ///
    /// The ladder is ordinal, so a forecast that puts its weight on "consultations" when the
    /// answer was "statement" should score better than one that put it on "deployment". The RPS
    /// rewards that by comparing cumulative distributions:
    ///
    ///     RPS = 1/(K-1) * sum over k = 0 ..< K-1 of (P(level <= k) - O(level <= k))^2
    ///
    /// with K = 6 levels, so the divisor is 5 (SPEC section 8). The last cumulative term
    /// (k = K-1) is 1 - 1 = 0 for every forecast and is left out. 0 means all weight on the
    /// actual level; 1 means all weight on the opposite end of the ladder.
    public static func rankedProbability(_ levels: [Double], actual: ResponseLevel) -> Double {
        validate(levels)
        var cumulativeForecast = 0.0
        var total = 0.0
        for k in 0..<(levelCount - 1) {
            cumulativeForecast += levels[k]
            let cumulativeOutcome: Double = k >= actual.rawValue ? 1 : 0
            let gap = cumulativeForecast - cumulativeOutcome
            total += gap * gap
        }
        return total / Double(levelCount - 1)
    }

    /// Multi-class Brier score: the sum over the six levels of (p_k - o_k)^2, where o_k is 1 for
    /// the actual level and 0 otherwise.
    ///
    /// This is Brier's original definition and is **not halved**: it ranges over [0, 2], 2 being
    /// all weight on one wrong level. (Some texts halve it to [0, 1]; Pact does not, so figures
    /// compare directly with Brier 1950 and with most multi-category verification literature.)
    /// Unlike the RPS it ignores the ladder's order: every wrong level costs the same.
    public static func brier(_ levels: [Double], actual: ResponseLevel) -> Double {
        validate(levels)
        var total = 0.0
        for k in 0..<levelCount {
            let outcome: Double = k == actual.rawValue ? 1 : 0
            let gap = levels[k] - outcome
            total += gap * gap
        }
        return total
    }

    /// Binary Brier score of a probability that an event happens: (p - o)^2 in [0, 1].
    /// Used for `unilateral`, the probability that the lead state acts alone.
    public static func binaryBrier(probability: Double, occurred: Bool) -> Double {
        precondition((0...1).contains(probability), "a probability must lie in [0, 1], got \(probability)")
        let gap = probability - (occurred ? 1 : 0)
        return gap * gap
    }

    /// The level a forecast favours. Ties go to the LOWER level: when a forecast cannot choose,
    /// Pact reports the less committal collective act rather than the more dramatic one.
    public static func modal(_ levels: [Double]) -> ResponseLevel {
        validate(levels)
        var best = 0
        for k in 1..<levelCount where levels[k] > levels[best] { best = k }
        return ResponseLevel(rawValue: best)!
    }

    /// Probability that the organization reaches `level` or higher: the sum of the upper tail.
    public static func probability(atLeast level: ResponseLevel, in levels: [Double]) -> Double {
        validate(levels)
        return levels[level.rawValue...].reduce(0, +)
    }

    /// A forecast must be a probability distribution over the six levels. A malformed one is a
    /// programming error in whoever produced it (the engine or a baseline), not bad user input.
    static func validate(_ levels: [Double]) {
        precondition(levels.count == levelCount, "a ladder forecast has \(levelCount) probabilities, got \(levels.count)")
        precondition(levels.allSatisfy { $0 >= 0 }, "a ladder forecast has a negative probability: \(levels)")
        let sum = levels.reduce(0, +)
        precondition(abs(sum - 1) < 1e-6, "a ladder forecast must sum to 1, got \(sum): \(levels)")
    }
}
