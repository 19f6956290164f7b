import PactModel
/// The values a model parameter can take at all, whatever the evidence says about it.
///
/// A parameter file and a scenario's `uncertainty` block give the range a parameter is *sampled*
/// from; these bounds are wider and say which ranges mean anything: a trigger strength is a
/// share of a full obligation (0 to 1), a noise term is a standard deviation (never negative), a
/// distance that divides must be positive. A range outside them is an input error, named with
/// the bounds, instead of a forecast computed from a negative deviation or from 1e308.
///
/// The bounds go by the parameter's name, so a parameter the engine adds later gets the bounds
/// of its kind (`strength_*`, `*_noise`, `w_*`, ...); a name of no known kind only has to be a
/// finite number of a size the engine's arithmetic handles.
public enum ParameterBounds {
    /// One rule: the names it covers, the bounds and why.
    public struct Rule: Sendable {
        public var covers: @Sendable (String) -> Bool
        public var bounds: ClosedRange<Double>
        public var reason: String
    }

    /// First match wins.
    public static let rules: [Rule] = [
        Rule(covers: { $0 == "spillover_distance_km" }, bounds: 1...20_000,
             reason: "a distance that divides: positive, and no two capitals are more than 20,000 km apart"),
        Rule(covers: { $0 == "airlift_speed_kmh" }, bounds: 1...3_000,
             reason: "a block speed that divides: positive, and no transport aircraft flies faster"),
        Rule(covers: { $0 == "min_viable_force" }, bounds: 0...1_000_000, reason: "a number of troops"),
        Rule(covers: { $0.hasSuffix("_days") }, bounds: 0...365, reason: "a delay in days, within the year a crisis lasts"),
        Rule(covers: { ["willing_from_level", "support_tolerance"].contains($0) }, bounds: 0...5,
             reason: "levels of the response ladder, 0 to 5"),
        Rule(covers: { $0 == "salience_scale" }, bounds: 0.001...1_000, reason: "a scale that divides: positive"),
        Rule(covers: { $0 == "clout_exponent" }, bounds: 0...10, reason: "an exponent on a share; above 10 only the largest member counts"),
        Rule(covers: { ["block_threshold", "lead_deference", "opt_out_relief"].contains($0) }, bounds: 0...10,
             reason: "a resistance threshold or its multiplier; resistance never exceeds 5 (five levels times salience 1)"),
        Rule(covers: { $0.hasPrefix("strength_") || $0.hasSuffix("_discount") || $0.hasSuffix("_share")
                 || $0.hasSuffix("_floor") || $0 == "lead_pull" },
             bounds: 0...1, reason: "a share of a whole, 0 to 1"),
        Rule(covers: { $0.hasSuffix("_noise") }, bounds: 0...10,
             reason: "a standard deviation on the latent index: never negative; beyond 10 the noise is all there is"),
        Rule(covers: { $0.hasPrefix("w_") || ["baseline", "unilateral_bias", "unilateral_gap_weight"].contains($0) },
             bounds: -50...50,
             reason: "a weight or intercept on a latent index whose terms are of order 1; at 50 every probability is already 0 or 1"),
    ]

    /// Bounds for names of no known kind.
    public static let fallback = Rule(covers: { _ in true }, bounds: -1_000_000...1_000_000,
                                      reason: "a finite number of a size the engine's arithmetic handles")

    /// The rule that applies to `name`.
    public static func rule(for name: String) -> Rule { rules.first { $0.covers(name) } ?? fallback }

    /// The allowed values of `name`.
    public static func allowed(_ name: String) -> ClosedRange<Double> { rule(for: name).bounds }

    /// Why `range` is not allowed for `name`, or nil when it is.
    public static func problem(_ name: String, _ range: ClosedRange<Double>) -> String? {
        let rule = rule(for: name)
        guard range.lowerBound.isFinite, range.upperBound.isFinite else { return "the range must be finite numbers" }
        guard rule.bounds.contains(range.lowerBound), rule.bounds.contains(range.upperBound) else {
            return "[\(PlainNumber.text(range.lowerBound)), \(PlainNumber.text(range.upperBound))] is outside the allowed bounds "
                + "[\(PlainNumber.text(rule.bounds.lowerBound)), \(PlainNumber.text(rule.bounds.upperBound))] of \(name) (\(rule.reason))"
        }
        return nil
    }

}
