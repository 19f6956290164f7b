/// A crisis or a contested question on a date, as a scenario file describes it (SPEC section 5).
public struct Scenario: Identifiable, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable { case crisis, issue }

    public var id: String
    public var title: String
    public var date: Day
    public var organization: String
    public var kind: Kind
    public var crisis: Crisis?
    public var issue: Issue?
    public var context: ContextOverrides
    /// Per-scenario overrides of parameter ranges: parameter name to [low, high].
    public var uncertainty: [String: ClosedRange<Double>]
    /// The historical outcome, for cases.
    public var outcome: Outcome?
    /// Free text: why the inputs are what they are.
    public var notes: String?

    public init(id: String, title: String, date: Day, organization: String = "CSTO", kind: Kind, crisis: Crisis? = nil,
                issue: Issue? = nil, context: ContextOverrides = .init(), uncertainty: [String: ClosedRange<Double>] = [:],
                outcome: Outcome? = nil, notes: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.organization = organization
        self.kind = kind
        self.crisis = crisis
        self.issue = issue
        self.context = context
        self.uncertainty = uncertainty
        self.outcome = outcome
        self.notes = notes
    }

    /// A case is a scenario with a known outcome.
    public var isCase: Bool { outcome != nil }
}

public struct Crisis: Hashable, Sendable {
    public enum CrisisType: String, Hashable, Sendable, Codable, CaseIterable {
        case externalAggression = "external-aggression"
        case borderClash = "border-clash"
        case internalUnrest = "internal-unrest"
        case insurgency
        case terrorism
        case resourceDispute = "resource-dispute"
        case hybrid
    }

    /// Where the fighting is, relative to the location's recognised borders.
    public enum Territory: String, Hashable, Sendable, Codable, CaseIterable {
        case sovereign, contested, foreign
    }

    public var type: CrisisType
    public var location: ActorID
    public var territory: Territory
    public var requester: ActorID?
    /// The treaty article invoked: 4 (collective defence) or 2 (consultations); nil if none.
    public var article: Int?
    /// Members that are themselves parties to the fighting. When the file omits the key this is
    /// nil and the engine applies SPEC's default (the requester if the adversary is a state).
    public var belligerents: [ActorID]?
    public var adversary: Adversary
    public var severity: Severity
    public var expectedDurationDays: Double

    public init(type: CrisisType, location: ActorID, territory: Territory, requester: ActorID?, article: Int?,
                belligerents: [ActorID]?, adversary: Adversary, severity: Severity, expectedDurationDays: Double) {
        self.type = type
        self.location = location
        self.territory = territory
        self.requester = requester
        self.article = article
        self.belligerents = belligerents
        self.adversary = adversary
        self.severity = severity
        self.expectedDurationDays = expectedDurationDays
    }

    /// The members fighting, by SPEC's default when the file is silent.
    public var effectiveBelligerents: [ActorID] {
        if let belligerents { return belligerents }
        if adversary.kind == .state, let requester { return [requester] }
        return []
    }
}

public struct Adversary: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable { case state, nonstate, `internal` }
    public enum Backing: String, Hashable, Sendable, Codable, CaseIterable { case none, alleged, evident }
    public var kind: Kind
    public var actor: ActorID?
    public var externalBacking: Backing
    public init(kind: Kind, actor: ActorID?, externalBacking: Backing) {
        self.kind = kind
        self.actor = actor
        self.externalBacking = externalBacking
    }
}

public struct Severity: Hashable, Sendable {
    public var deaths: Double
    public var displaced: Double
    public var territoryKm2: Double
    public init(deaths: Double, displaced: Double, territoryKm2: Double) {
        self.deaths = deaths
        self.displaced = displaced
        self.territoryKm2 = territoryKm2
    }
}

/// Overrides of the dated dataset's context for one scenario.
public struct ContextOverrides: Hashable, Sendable {
    public var leadStateCommittedElsewhere: Double?
    public init(leadStateCommittedElsewhere: Double? = nil) {
        self.leadStateCommittedElsewhere = leadStateCommittedElsewhere
    }
}

/// A contested question decided by bargaining (SPEC section 5, `kind: issue`).
public struct Issue: Hashable, Sendable {
    public var question: String
    public var scale: Scale
    /// Stakeholders in file order: order breaks ties in the bargaining model.
    public var stakeholders: [Stakeholder]
    public init(question: String, scale: Scale, stakeholders: [Stakeholder]) {
        self.question = question
        self.scale = scale
        self.stakeholders = stakeholders
    }
}

public struct Scale: Hashable, Sendable {
    public var min: Double
    public var max: Double
    public var minLabel: String
    public var maxLabel: String
    public init(min: Double, max: Double, minLabel: String, maxLabel: String) {
        self.min = min
        self.max = max
        self.minLabel = minLabel
        self.maxLabel = maxLabel
    }
}

public struct Stakeholder: Hashable, Sendable {
    public var actor: ActorID
    public var position: Double
    public var salience: Double
    /// Capability given in the file; nil means "derive from the dataset's capability index".
    public var capability: Double?
    /// Why the position and salience are what they are.
    public var note: String?
    public init(actor: ActorID, position: Double, salience: Double, capability: Double? = nil, note: String? = nil) {
        self.actor = actor
        self.position = position
        self.salience = salience
        self.capability = capability
        self.note = note
    }
}

/// What actually happened, for cases (SPEC section 5, `outcome`).
public struct Outcome: Hashable, Sendable {
    public var level: ResponseLevel
    public var unilateral: Bool
    public var force: ForceOutcome?
    public var summary: String
    public var sources: [String]
    public init(level: ResponseLevel, unilateral: Bool, force: ForceOutcome?, summary: String, sources: [String]) {
        self.level = level
        self.unilateral = unilateral
        self.force = force
        self.summary = summary
        self.sources = sources
    }
}

public struct ForceOutcome: Hashable, Sendable {
    public var total: Int
    public var daysToFirstArrival: Double
    public init(total: Int, daysToFirstArrival: Double) {
        self.total = total
        self.daysToFirstArrival = daysToFirstArrival
    }
}
