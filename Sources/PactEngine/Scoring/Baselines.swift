import PactModel

/// The reference forecasts a model must beat (SPEC section 7): the case library's base rate and
/// "always none". A structural model earns its keep only by scoring better than these.
public enum Baseline {
    /// "Always none": certainty that the organization does nothing collectively, and certainty
    /// that the lead state does not act alone either. It is the cynic's forecast of the CSTO.
    public static let alwaysNoneLevels: [Double] = ResponseLevel.allCases.map { $0 == .none ? 1 : 0 }

    /// The "always none" baseline's probability of `unilateral`: 0 (it predicts no action at all).
    public static let alwaysNoneUnilateral = 0.0

    /// The base rate of the ladder levels among the OTHER cases: the forecast of an analyst who
    /// knows only the record, computed leaving case `index` out so it never sees its own answer.
    ///
    /// `pseudocount` is added to every level's count before normalising:
    /// p_k = (n_k + c) / (N - 1 + 6c), with n_k counted over the N - 1 other cases.
    /// Pact's default is **no smoothing (c = 0)**: the plain leave-one-out relative frequency is
    /// the standard climatological reference in forecast verification, it is the stronger
    /// baseline under the RPS, and none of Pact's scores (RPS, Brier) is infinite at a zero
    /// probability, so nothing forces smoothing. Pass `pseudocount: 1` for Laplace's add-one rule.
    ///
    /// With no other case and no smoothing there is no record to count; the forecast is then
    /// uniform, the only honest forecast without information.
    public static func levelBaseRate(leavingOut index: Int, of actuals: [ResponseLevel], pseudocount: Double = 0)
        -> [Double]
    {
        precondition(actuals.indices.contains(index), "case index \(index) is outside the \(actuals.count) cases")
        precondition(pseudocount >= 0, "a pseudocount cannot be negative")
        var counts = Array(repeating: pseudocount, count: ProperScore.levelCount)
        for (i, level) in actuals.enumerated() where i != index { counts[level.rawValue] += 1 }
        let total = counts.reduce(0, +)
        guard total > 0 else {
            return Array(repeating: 1 / Double(ProperScore.levelCount), count: ProperScore.levelCount)
        }
        return counts.map { $0 / total }
    }

    /// Leave-one-out base rate of `unilateral` among the other cases, with the same smoothing
    /// rule as `levelBaseRate` over the two outcomes: (n_true + c) / (N - 1 + 2c).
    /// With no other case and no smoothing it is 0.5.
    public static func unilateralBaseRate(leavingOut index: Int, of actuals: [Bool], pseudocount: Double = 0)
        -> Double
    {
        precondition(actuals.indices.contains(index), "case index \(index) is outside the \(actuals.count) cases")
        precondition(pseudocount >= 0, "a pseudocount cannot be negative")
        var yes = pseudocount
        var total = 2 * pseudocount
        for (i, occurred) in actuals.enumerated() where i != index {
            if occurred { yes += 1 }
            total += 1
        }
        return total > 0 ? yes / total : 0.5
    }
}
