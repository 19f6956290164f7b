/// The constants of the cohesion outlook, each with the reason for its value.
///
/// They were set once for every member from the reasoning given here, not fitted per country;
/// docs/OUTLOOK.md says which were checked against the 2005–2025 backtest.
public struct OutlookParameters: Hashable, Sendable {
    /// Simulation step in years (a quarter): crises are dated to the quarter, and a threshold
    /// that must hold "for a year" is checked four times.
    public var stepYears = 0.25

    // The structural anchor: the satisfaction a member drifts back to without crises,
    // logistic(intercept + loyalty·a(m→lead) + need·d(m→lead) − tension·pull − outside·option).
    /// Logit of the anchor for a member indifferent to everything (0: one half).
    public var anchorIntercept = 0.0
    /// Weight of the member's affinity toward the lead state (−1...1): an ally at 0.8 starts at
    /// logistic(1.6) ≈ 0.83 on this term alone.
    public var loyaltyWeight = 2.0
    /// Weight of its dependence on the lead state (0...1): a member that could hardly do without
    /// Russia (0.8) gains as much as from a friendly affinity of 0.6.
    public var needWeight = 1.5
    /// Weight of the alignment tension (−1...1): the landscape's normalised gain from leaving the
    /// alliance's bloc (see `OutlookSetup`).
    public var tensionWeight = 1.5
    /// Weight of the best outside option (0...1): mean of positive affinity and dependence toward
    /// the most attractive non-member.
    public var outsideWeight = 1.5

    // Dynamics.
    /// Pull back toward the anchor per year (0.2: a disappointment fades with a half-life of
    /// about 3.5 years, a presidential term's memory).
    public var reversionPerYear = 0.2
    /// How far one crisis moves the affected member's satisfaction toward what it got (its
    /// satisfaction with the outcome, 0...1, from the crisis engine): 0.35, so two refusals in a
    /// row take a content member (0.8) below one half.
    public var crisisLearning = 0.35
    /// Random drift per √year: domestic politics, leaders, prices the model does not see.
    public var noisePerRootYear = 0.06

    // Relations (`RelationTrend`): each of a member's ties moves as a mean-reverting random walk
    // estimated from the dataset's history before the start, and a refusal costs trust.
    /// Years of history before the start from which each pair's mean level and volatility are
    /// estimated: 10, two presidential terms, long enough to see a realignment and its reversal.
    public var relationLookbackYears = 10.0
    /// Years of the pooled rate of change added to each pair's own record (shrinkage): 5, so a
    /// pair's own history outweighs the pool once it spans more than five years.
    public var relationPriorYears = 5.0
    /// Pull of a relation back toward its historical mean per year: 0.1, a half-life of about
    /// seven years, twice the satisfaction's, because a realignment usually outlasts the leader
    /// who made it.
    public var relationReversionPerYear = 0.1
    /// Affinity toward the lead state that a member loses when the alliance gives it nothing of
    /// what it wanted (in proportion to the shortfall): 0.25, most of one band of the dataset's
    /// coding scale (bands are about 0.3 wide: a friendly partner at 0.55 becomes cordial at 0.3).
    /// Trust lost this way is not regained by the satisfaction's reversion, only by the
    /// relation's own, slower one.
    public var trustLoss = 0.25

    // Thresholds: status changes need satisfaction to stay past a threshold for a time, because
    // freezing or leaving a treaty is a deliberate act, not a reaction to one bad quarter.
    /// Below this for `disengageYears`, a full member freezes or suspends its participation.
    public var disengageThreshold = 0.4
    public var disengageYears = 1.0
    /// Below this for `leaveYears` while disengaged, it withdraws.
    public var leaveThreshold = 0.25
    public var leaveYears = 2.0
    /// Above this for `reengageYears` while disengaged, it returns to full participation.
    public var reengageThreshold = 0.55
    public var reengageYears = 1.0

    // Crisis templates.
    /// Draws per template when the crisis engine is run once at the start.
    public var templateDraws = 4000
    /// Episodes of state aggression on a member's own soil counted beyond those the case window
    /// holds (Jeffreys' half-count for an event not yet seen): 0.5. A record of a few years that
    /// holds no such attack does not show the rate is zero; the half-episode, spread over the
    /// window's years, becomes an arrival rate of structural templates (`OutlookSetup`), one per
    /// member attacked by its most hostile neighbouring state, shared in proportion to that
    /// hostility. 0 turns them off.
    public var unseenStateEpisodes = 0.5
    /// How many of a member's nearest states outside the alliance (by capital) are its
    /// neighbours, among which the most hostile is the structural templates' attacker: 3.
    public var neighbourCount = 3.0

    public init() {}
}

extension OutlookParameters {
    /// The parameters by the names the CLI and documents use, in declaration order.
    public static var names: [(name: String, keyPath: WritableKeyPath<OutlookParameters, Double>)] { [
        ("step_years", \.stepYears),
        ("anchor_intercept", \.anchorIntercept),
        ("loyalty_weight", \.loyaltyWeight),
        ("need_weight", \.needWeight),
        ("tension_weight", \.tensionWeight),
        ("outside_weight", \.outsideWeight),
        ("reversion_per_year", \.reversionPerYear),
        ("relation_lookback_years", \.relationLookbackYears),
        ("relation_prior_years", \.relationPriorYears),
        ("relation_reversion_per_year", \.relationReversionPerYear),
        ("trust_loss", \.trustLoss),
        ("crisis_learning", \.crisisLearning),
        ("noise_per_root_year", \.noisePerRootYear),
        ("disengage_threshold", \.disengageThreshold),
        ("disengage_years", \.disengageYears),
        ("leave_threshold", \.leaveThreshold),
        ("leave_years", \.leaveYears),
        ("reengage_threshold", \.reengageThreshold),
        ("reengage_years", \.reengageYears),
        ("unseen_state_episodes", \.unseenStateEpisodes),
        ("neighbour_count", \.neighbourCount),
    ] }

    /// The range each constant is varied over by a sensitivity sweep of the outlook: the values
    /// the reasoning given for it still admits. `step_years` is the simulation's resolution, not
    /// an assumption about the world, and is not swept. The thresholds' ranges do not overlap,
    /// so leaving always takes less satisfaction than freezing, and returning more.
    public static let sweepRanges: [(name: String, range: ClosedRange<Double>)] = [
        ("anchor_intercept", -1...1),             // one logit either way: 0.27 to 0.73 for an indifferent member
        ("loyalty_weight", 1...3),                // half to one and a half times the set value
        ("need_weight", 0.75...2.25),
        ("tension_weight", 0.75...2.25),
        ("outside_weight", 0.75...2.25),
        ("reversion_per_year", 0.1...0.35),       // half-lives of 7 to 2 years: two terms' memory to half of one
        ("relation_lookback_years", 5...15),      // one to three presidential terms
        ("relation_prior_years", 2...10),
        ("relation_reversion_per_year", 0.05...0.2), // half-lives of 14 to 3.5 years
        ("trust_loss", 0.1...0.4),                // a third of a band of the affinity coding to more than one band
        ("crisis_learning", 0.2...0.5),           // three refusals to one take a content member (0.8) below one half
        ("noise_per_root_year", 0.03...0.1),
        ("disengage_threshold", 0.35...0.45),
        ("disengage_years", 0.5...2),
        ("leave_threshold", 0.15...0.3),
        ("leave_years", 1...3),
        ("reengage_threshold", 0.5...0.65),
        ("reengage_years", 0.5...2),
        ("unseen_state_episodes", 0...1),         // none (trust the record) to a whole unseen episode
        ("neighbour_count", 2...5),
    ]

    /// A copy with the named parameter set to `value`; nil when no parameter has that name.
    public func setting(_ name: String, to value: Double) -> OutlookParameters? {
        guard let entry = Self.names.first(where: { $0.name == name }) else { return nil }
        var copy = self
        copy[keyPath: entry.keyPath] = value
        return copy
    }

    /// The values a constant may take, as a sentence for error messages; nil when any finite
    /// value is meaningful (the anchor's intercept and weights).
    ///
    /// Why: a negative volatility prior or a learning rate above one would not fail loudly; it
    /// would give NaN volatilities or satisfaction that overshoots, and a silently wrong forecast.
    public static func allowedValues(of name: String) -> (range: ClosedRange<Double>, text: String)? {
        switch name {
        case "step_years": return (0.01...1, "in [0.01, 1]")
        case "crisis_learning", "disengage_threshold", "leave_threshold", "reengage_threshold":
            return (0...1, "in [0, 1]")
        case "reversion_per_year", "relation_reversion_per_year":
            return (0...1, "in [0, 1] (per year)")
        case "noise_per_root_year", "trust_loss": return (0...2, "in [0, 2] (the width of the affinity scale)")
        case "relation_lookback_years": return (0...100, "in [0, 100] (whole years; fractions are rounded)")
        case "unseen_state_episodes": return (0...10, "in [0, 10] (episodes)")
        case "neighbour_count": return (1...20, "in [1, 20] (whole states; fractions are rounded)")
        case "relation_prior_years", "disengage_years", "leave_years", "reengage_years":
            return (0...1000, "in [0, 1000] (years)")
        default: return nil
        }
    }
}
