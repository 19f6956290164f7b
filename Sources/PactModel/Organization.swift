/// An alliance: its treaty, its decision rule, its bodies and who belongs to it when.
public struct Organization: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The member whose forces and bases carry the alliance (Russia for the CSTO).
    public var leadState: ActorID
    public var headquarters: String
    public var articles: [TreatyArticle]
    public var decisionRule: DecisionRule
    public var bodies: [Body]
    public var secretariesGeneral: [SecretaryGeneral]
    public var memberships: [Membership]

    public init(id: String, name: String, leadState: ActorID, headquarters: String, articles: [TreatyArticle],
                decisionRule: DecisionRule, bodies: [Body], secretariesGeneral: [SecretaryGeneral],
                memberships: [Membership]) {
        self.id = id
        self.name = name
        self.leadState = leadState
        self.headquarters = headquarters
        self.articles = articles
        self.decisionRule = decisionRule
        self.bodies = bodies
        self.secretariesGeneral = secretariesGeneral
        self.memberships = memberships
    }

    /// The status of `actor` on `day`, or nil when it has no membership record covering the day.
    public func status(of actor: ActorID, on day: Day) -> MembershipStatus? {
        memberships.last(where: { $0.actor == actor && $0.interval.contains(day) })?.status
    }

    /// Actors whose status on `day` is one of `statuses`, in id order.
    public func actors(withStatus statuses: Set<MembershipStatus>, on day: Day) -> [ActorID] {
        Set(memberships.filter { $0.interval.contains(day) && statuses.contains($0.status) }.map(\.actor)).sorted()
    }

    /// Full members on `day` (status `member`), the states that take part in decisions.
    public func members(on day: Day) -> [ActorID] { actors(withStatus: [.member], on: day) }

    /// Members that still belong but do not take part (`member` or `frozen`): a frozen member keeps its
    /// seat and its treaty rights but stays away from decisions (Armenia from 2024).
    public func parties(on day: Day) -> [ActorID] { actors(withStatus: [.member, .frozen], on: day) }

    public func article(_ number: Int) -> TreatyArticle? { articles.first { $0.number == number } }

    public func secretaryGeneral(on day: Day) -> SecretaryGeneral? {
        secretariesGeneral.last { $0.term.contains(day) }
    }
}

public enum MembershipStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case member, suspended, frozen, observer, former
}

/// One dated interval of an actor's status in an organization.
public struct Membership: Hashable, Sendable, Codable {
    public var actor: ActorID
    public var status: MembershipStatus
    public var interval: DayInterval
    public var source: String
    public var note: String?
    public init(actor: ActorID, status: MembershipStatus, interval: DayInterval, source: String, note: String? = nil) {
        self.actor = actor
        self.status = status
        self.interval = interval
        self.source = source
        self.note = note
    }
}

/// A treaty article and what it obliges the members to do.
public struct TreatyArticle: Hashable, Sendable, Codable {
    public var number: Int
    public var title: String
    public var obliges: String
    public var source: String
    public init(number: Int, title: String, obliges: String, source: String) {
        self.number = number
        self.title = title
        self.obliges = obliges
        self.source = source
    }
}

/// How the alliance decides.
public struct DecisionRule: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable { case consensus, majority }
    public var kind: Kind
    /// From this day a member with no interest may abstain (stay out) instead of blocking:
    /// the CSTO's December 2010 "consensus minus" opt-out.
    public var optOutSince: Day?
    public var description: String
    public var source: String
    public init(kind: Kind, optOutSince: Day?, description: String, source: String) {
        self.kind = kind
        self.optOutSince = optOutSince
        self.description = description
        self.source = source
    }
    public func allowsOptOut(on day: Day) -> Bool { optOutSince.map { day >= $0 } ?? false }
}

public struct Body: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var role: String
    public var source: String
    public init(id: String, name: String, role: String, source: String) {
        self.id = id
        self.name = name
        self.role = role
        self.source = source
    }
}

public struct SecretaryGeneral: Hashable, Sendable, Codable {
    public var name: String
    public var state: ActorID
    public var term: DayInterval
    public var acting: Bool
    public var source: String
    public init(name: String, state: ActorID, term: DayInterval, acting: Bool, source: String) {
        self.name = name
        self.state = state
        self.term = term
        self.acting = acting
        self.source = source
    }
}
