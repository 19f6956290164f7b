/// How one actor stands toward another over a period: the directed pair (from, to).
///
/// Affinity is in [-1, 1] (-1 open hostility, 0 indifference, 1 the closest alliance);
/// dependence in [0, 1] is how much `from` relies on `to` (security guarantees, trade,
/// remittances, arms). Relations are directed because dependence is: Tajikistan depends on
/// Russia far more than Russia on Tajikistan.
public struct Relation: Hashable, Sendable, Codable {
    public var from: ActorID
    public var to: ActorID
    public var period: DayInterval
    public var affinity: Double
    public var dependence: Double
    /// What the numbers rest on: alliance ties, arms trade, disputes, UN votes, bases.
    public var evidence: String
    public var source: String
    /// The year the coding describes (the start of the period).
    public var year: Int
    /// What the two values rest on; nil when the file does not say.
    public var basis: Basis?
    /// With a `.judgement` basis, the one-line reasoning behind it.
    public var reason: String?

    /// What a relation's values rest on, so that an analyst can tell a documented change from
    /// a coding judgement.
    public enum Basis: String, Hashable, Sendable, Codable, CaseIterable {
        /// A primary document dates and documents the level or change: a treaty, a recorded vote,
        /// a base or lease agreement, a dated report of the event.
        case document
        /// A published dataset gives the level.
        case dataset
        /// No single document fixes the level: Pact's judgement, with a stated reason.
        case judgement
    }

    public init(from: ActorID, to: ActorID, period: DayInterval, affinity: Double, dependence: Double,
                evidence: String, source: String, year: Int, basis: Basis? = nil, reason: String? = nil) {
        self.from = from
        self.to = to
        self.period = period
        self.affinity = affinity
        self.dependence = dependence
        self.evidence = evidence
        self.source = source
        self.year = year
        self.basis = basis
        self.reason = reason
    }
}

/// A standing collective force of the organization.
public struct CollectiveForce: Identifiable, Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case rapidReaction = "rapid-reaction"
        case peacekeeping
        case regionalDeployment = "regional-deployment"
        case regionalGrouping = "regional-grouping"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var established: Day
    public var sizes: [Sourced<Int>]
    public var contributions: [ForceContribution]
    public var note: String?

    public init(id: String, name: String, kind: Kind, established: Day, sizes: [Sourced<Int>],
                contributions: [ForceContribution], note: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.established = established
        self.sizes = sizes.sorted { $0.year < $1.year }
        self.contributions = contributions
        self.note = note
    }

    /// The force's size in `year`: the latest figure at or before it; nil before the force existed.
    public func size(in year: Int) -> Sourced<Int>? {
        guard year >= established.year else { return nil }
        return sizes.last(where: { $0.year <= year }) ?? sizes.first
    }

    /// Each contributor's assigned strength in `year` by the same rule.
    public func contributions(in year: Int) -> [ForceContribution] {
        let byActor = Dictionary(grouping: contributions, by: \.actor)
        return byActor.keys.sorted().compactMap { actor in
            let list = byActor[actor]!.sorted { $0.size.year < $1.size.year }
            return list.last(where: { $0.size.year <= year }) ?? (year >= established.year ? list.first : nil)
        }
    }
}

/// A member's assigned units and strength in a collective force.
public struct ForceContribution: Hashable, Sendable, Codable {
    public var actor: ActorID
    public var units: String
    public var size: Sourced<Int>
    public init(actor: ActorID, units: String, size: Sourced<Int>) {
        self.actor = actor
        self.units = units
        self.size = size
    }
}

/// A military base or facility one state keeps on another's territory.
public struct Base: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var host: ActorID
    public var user: ActorID
    public var place: String
    public var coordinates: Coordinates
    public var kind: String
    public var opened: Day
    /// When the base closed or its lease ends; nil while open with no fixed end.
    public var closes: Day?
    /// Personnel, a sourced figure.
    public var personnel: Sourced<Int>
    /// True when the personnel are troops the user could send on a mission (a garrison, an air
    /// base, a deployed contingent); false for stations, radars, test ranges and launch complexes,
    /// whose staff are not a reserve.
    public var deployable: Bool
    public var legalBasis: String
    public var source: String

    public init(id: String, name: String, host: ActorID, user: ActorID, place: String, coordinates: Coordinates,
                kind: String, opened: Day, closes: Day?, personnel: Sourced<Int>, deployable: Bool, legalBasis: String, source: String) {
        self.id = id
        self.name = name
        self.host = host
        self.user = user
        self.place = place
        self.coordinates = coordinates
        self.kind = kind
        self.opened = opened
        self.closes = closes
        self.personnel = personnel
        self.deployable = deployable
        self.legalBasis = legalBasis
        self.source = source
    }

    public func isOpen(on day: Day) -> Bool { DayInterval(start: opened, end: closes).contains(day) }
}

/// A dated fact about the world the alliance acts in, e.g. "from 2022-02-24 Russia's forces
/// are largely committed in Ukraine". Context events drive the snapshot's context values.
public struct ContextEvent: Hashable, Sendable, Codable {
    public var id: String
    public var period: DayInterval
    public var title: String
    /// Share of the lead state's forces tied down elsewhere during the period, 0...1, if this event sets it.
    public var leadStateCommittedElsewhere: Sourced<Double>?
    public var description: String
    public var source: String

    public init(id: String, period: DayInterval, title: String, leadStateCommittedElsewhere: Sourced<Double>?,
                description: String, source: String) {
        self.id = id
        self.period = period
        self.title = title
        self.leadStateCommittedElsewhere = leadStateCommittedElsewhere
        self.description = description
        self.source = source
    }
}
