/// The forecast for one crisis scenario: what `pact run` prints and SPEC section 8 fixes as JSON
/// (PactReport's `orderedJSON` writes it with SPEC's snake_case keys in SPEC's order).
///
/// Every figure is a Monte Carlo estimate over `draws` seeded draws; with the same scenario,
/// dataset, parameters, seed and draws the value is bit-identical whatever the thread count.
public struct CrisisForecast: Hashable, Sendable {
    public var scenario: String
    public var draws: Int
    public var seed: UInt64
    /// `levels[k]` is the probability of ladder level k; the six values sum to 1.
    public var levels: [Double]
    /// The most probable level (the lowest on ties).
    public var modal: Int
    /// Probability that the lead state acts alone outside the organization.
    public var unilateral: Double
    /// Deployed troops over the draws that end in level 5; nil when none do.
    public var force: Summary?
    /// Days from the request to the first troops on the ground, over level-5 draws; nil when none.
    public var daysToFirstArrival: Summary?
    public var members: [MemberForecast]
    /// Each interest term's effect on the expected level, largest magnitude first.
    public var drivers: [Driver]
    public var trigger: TriggerExplanation
    /// The mean ladder level over all draws.
    public var expectedLevel: Double
    /// The requester's mean satisfaction in [0, 1] (1: got all it asked for); nil without a requester.
    public var requesterSatisfaction: Double?

    public init(scenario: String, draws: Int, seed: UInt64, levels: [Double], modal: Int, unilateral: Double,
                force: Summary?, daysToFirstArrival: Summary?, members: [MemberForecast], drivers: [Driver],
                trigger: TriggerExplanation, expectedLevel: Double, requesterSatisfaction: Double?) {
        self.scenario = scenario
        self.draws = draws
        self.seed = seed
        self.levels = levels
        self.modal = modal
        self.unilateral = unilateral
        self.force = force
        self.daysToFirstArrival = daysToFirstArrival
        self.members = members
        self.drivers = drivers
        self.trigger = trigger
        self.expectedLevel = expectedLevel
        self.requesterSatisfaction = requesterSatisfaction
    }

    /// The probability of `level`.
    public func probability(of level: ResponseLevel) -> Double { levels[level.rawValue] }

    /// Mean and the 10th and 90th percentiles of a quantity.
    public struct Summary: Hashable, Sendable {
        public var mean: Double
        public var p10: Double
        public var p90: Double
        public init(mean: Double, p10: Double, p90: Double) {
            self.mean = mean
            self.p10 = p10
            self.p90 = p90
        }
    }
}

/// A member's stance on the organization's proposal in one draw.
public enum Stance: String, Hashable, Sendable, Codable, CaseIterable {
    case support, abstain, block
}

/// One member's part in a crisis forecast, averaged over draws.
public struct MemberForecast: Hashable, Sendable {
    public var id: ActorID
    /// Mean preferred level, 0...5.
    public var position: Double
    /// Mean salience, 0...1.
    public var salience: Double
    /// The member's most frequent stance on the organization's proposal.
    public var stance: Stance
    /// Share of draws with each stance, in the order support, abstain, block.
    public var stances: StanceShares
    /// Mean troops contributed over the draws that end in level 5 (0 when none do).
    public var contribution: Double
    /// The member's role in the crisis: `requester`, `adversary`, `belligerent`, `lead`, `member`.
    public var role: String
    /// Mean share of the bargaining weight (clout^γ · salience over the members' total): how much
    /// the member moved the proposal.
    public var weight: Double

    public init(id: ActorID, position: Double, salience: Double, stance: Stance, stances: StanceShares,
                contribution: Double, role: String, weight: Double) {
        self.id = id
        self.position = position
        self.salience = salience
        self.stance = stance
        self.stances = stances
        self.contribution = contribution
        self.role = role
        self.weight = weight
    }

    public struct StanceShares: Hashable, Sendable {
        public var support: Double
        public var abstain: Double
        public var block: Double
        public init(support: Double, abstain: Double, block: Double) {
            self.support = support
            self.abstain = abstain
            self.block = block
        }
    }
}

/// How much one named interest term moved the expected level: the expected level with the term
/// minus the expected level with its weight set to zero (same random numbers).
public struct Driver: Hashable, Sendable {
    public var term: String
    public var effect: Double
    public init(term: String, effect: Double) {
        self.term = term
        self.effect = effect
    }
}

/// What the treaty allows in a crisis and why, in words a reader can check against the text.
public struct TriggerExplanation: Hashable, Sendable {
    /// The highest ladder level legally open.
    public var cap: Int
    /// `collective-defence`, `assistance`, `consultations` or `statements`.
    public var coverage: String
    /// The mean trigger strength over draws, 0...1: how strongly the treaty obliges the members.
    public var strength: Double
    /// The rules that decided the cap, in the order they were applied.
    public var reasons: [String]
    public init(cap: Int, coverage: String, strength: Double, reasons: [String]) {
        self.cap = cap
        self.coverage = coverage
        self.strength = strength
        self.reasons = reasons
    }
}
