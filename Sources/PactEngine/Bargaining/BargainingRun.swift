/// How an actor ends up moving towards another actor's position (Bueno de Mesquita's terms).
public enum BargainingMoveKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// Both expect to gain from a challenge and the other gains more: the actor loses the
    /// confrontation and moves all the way to the other's position.
    case confrontation
    /// The other gains, the actor would lose less than the other gains: it meets the other part
    /// of the way, in proportion to the two stakes.
    case compromise
    /// The other gains, the actor would lose at least as much: it gives in, all the way.
    case capitulation
}

/// An offer actor `actor` receives from `counterpart` in one round: what it would do if it took it.
///
/// The two expected utilities are both as `actor` sees them, with its own risk exponent:
/// `challenge` = EU_i(i, j), what it expects from challenging the counterpart, and `threat` =
/// EU_i(j, i), what it believes the counterpart expects from challenging it.
public struct BargainingOffer: Hashable, Sendable {
    /// Index (input order) of the actor that would move.
    public var actor: Int
    /// Index of the actor whose position it would move towards.
    public var counterpart: Int
    public var kind: BargainingMoveKind
    /// The position the actor would take.
    public var to: Double
    public var challenge: Double
    public var threat: Double

    public init(actor: Int, counterpart: Int, kind: BargainingMoveKind, to: Double, challenge: Double, threat: Double) {
        self.actor = actor
        self.counterpart = counterpart
        self.kind = kind
        self.to = to
        self.challenge = challenge
        self.threat = threat
    }
}

/// The offer an actor took in a round: it moved from `from` to `to`.
public struct BargainingMove: Hashable, Sendable {
    public var actor: Int
    public var counterpart: Int
    public var kind: BargainingMoveKind
    public var from: Double
    public var to: Double

    public init(actor: Int, counterpart: Int, kind: BargainingMoveKind, from: Double, to: Double) {
        self.actor = actor
        self.counterpart = counterpart
        self.kind = kind
        self.from = from
        self.to = to
    }
}

/// The expected utilities every actor computed in the offer stage of one round, each with its
/// own (new) risk exponent: an n x n table stored flat, row = the actor doing the reckoning.
public struct ExpectedUtilityMatrix: Hashable, Sendable {
    public let count: Int
    /// Row-major: `challenges[i * count + j]` = EU_i(i, j).
    public let challenges: [Double]
    /// Row-major: `threats[i * count + j]` = EU_i(j, i).
    public let threats: [Double]

    public init(count: Int, challenges: [Double], threats: [Double]) {
        precondition(challenges.count == count * count && threats.count == count * count)
        self.count = count
        self.challenges = challenges
        self.threats = threats
    }

    /// What actor `i` expects from challenging actor `j`: EU_i(i, j). 0 on the diagonal and
    /// between actors at the same position, which never challenge each other.
    public func challenge(_ i: Int, against j: Int) -> Double { challenges[i * count + j] }

    /// What actor `i` believes actor `j` expects from challenging it: EU_i(j, i).
    public func threat(to i: Int, from j: Int) -> Double { threats[i * count + j] }
}

/// The state after one round of bargaining (round 0: the initial state, before anyone moved).
public struct BargainingRound: Hashable, Sendable {
    public var round: Int
    /// Every actor's position at the end of the round, in input order.
    public var positions: [Double]
    /// The risk exponents the actors used in this round's offers; all 1 in round 0.
    public var risk: [Double]
    /// The expected utilities behind this round's offers; nil in round 0.
    public var expectedUtility: ExpectedUtilityMatrix?
    /// Every offer made in the round, by receiving actor then counterpart, in input order.
    public var offers: [BargainingOffer]
    /// The offers taken, at most one per actor, in input order of the moving actor.
    public var moves: [BargainingMove]
    /// The forecast: the position no other position beats in a pairwise vote (risk-neutral).
    public var median: Double
    /// Capability- and salience-weighted mean position.
    public var mean: Double

    public init(round: Int, positions: [Double], risk: [Double], expectedUtility: ExpectedUtilityMatrix?,
                offers: [BargainingOffer], moves: [BargainingMove], median: Double, mean: Double) {
        self.round = round
        self.positions = positions
        self.risk = risk
        self.expectedUtility = expectedUtility
        self.offers = offers
        self.moves = moves
        self.median = median
        self.mean = mean
    }
}

/// A whole bargaining run: the inputs and every round from 0 to the last.
public struct BargainingRun: Hashable, Sendable {
    public var variant: BargainingVariant
    public var actors: [BargainingActor]
    /// Delta: the range of the initial positions, the model's unit of distance for the whole run.
    public var range: Double
    /// `rounds[0]` is the initial state; `rounds[k]` the state after round k.
    public var rounds: [BargainingRound]

    public init(variant: BargainingVariant, actors: [BargainingActor], range: Double, rounds: [BargainingRound]) {
        self.variant = variant
        self.actors = actors
        self.range = range
        self.rounds = rounds
    }

    /// The state after the last round.
    public var final: BargainingRound { rounds[rounds.count - 1] }
}
