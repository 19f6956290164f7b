import PactModel

/// Stage 1: does the treaty cover this crisis, and how strongly does it oblige the members?
///
/// The CSTO's Article 4 is not an automatic trigger: it covers an armed attack on a member's
/// recognised territory, since 2010 only at the attacked member's request, and leaves "the
/// necessary assistance" to the members. Officials have read it as excluding contested territory
/// (Nagorno-Karabakh) and fights between members (Article 1 binds them to settle peacefully), and
/// stretched it to domestic unrest only when the unrest was framed as outside aggression or
/// terrorism (Kazakhstan, 2022). The assessment turns those readings into a cap on the ladder and
/// a coverage class; the class's strength is a parameter (`TriggerAssessment.strength`).
public struct TriggerAssessment: Hashable, Sendable {
    /// How far the treaty carries the members in this crisis.
    public enum Coverage: String, Hashable, Sendable, CaseIterable {
        /// Article 4 applies: an attack (or framed attack) on a requesting member's territory.
        case collectiveDefence = "collective-defence"
        /// A member asked for help outside Article 4: aid and missions, no collective force.
        case assistance
        /// The organization may consult (Article 2) but owes no help.
        case consultations
        /// Nothing binds the members; at most a declaration.
        case statements
    }

    /// How the adversary is framed, which sets the strength of an Article 4 trigger.
    public enum Framing: String, Hashable, Sendable {
        case stateAttack = "state attack"
        case nonstateAttack = "non-state attack"
        case allegedBacking = "internal unrest framed as externally backed (alleged)"
        case evidentBacking = "internal unrest with evident external backing"
        case domestic = "domestic unrest without outside backing"
    }

    public var cap: ResponseLevel
    public var coverage: Coverage
    public var framing: Framing
    /// The requester is a frozen member: it keeps its treaty rights but its claim weighs less.
    public var requesterFrozen: Bool
    /// A valid request: the requester is a member (or frozen member) on the day.
    public var hasValidRequest: Bool
    public var reasons: [String]

    /// The strength of the members' obligation, 0...1, for parameter values `p`: 1 for an armed
    /// attack on a requesting member's territory, less for framed or non-state attacks, a
    /// parameter for assistance and consultations; times `frozen_requester_discount` when the
    /// requester is frozen.
    @inline(__always)
    func strength(_ p: UnsafePointer<Double>) -> Double {
        var s: Double
        switch coverage {
        case .collectiveDefence:
            switch framing {
            case .stateAttack, .evidentBacking: s = 1
            case .nonstateAttack: s = p[CrisisParameter.strengthNonstateAttack.rawValue]
            case .allegedBacking: s = p[CrisisParameter.strengthAllegedBacking.rawValue]
            case .domestic: s = p[CrisisParameter.strengthAssistance.rawValue]
            }
        case .assistance: s = p[CrisisParameter.strengthAssistance.rawValue]
        case .consultations: s = p[CrisisParameter.strengthConsultations.rawValue]
        case .statements: s = 0
        }
        if requesterFrozen { s *= p[CrisisParameter.frozenRequesterDiscount.rawValue] }
        return s
    }
}

/// The facts the legal trigger reads, each a plain value so the rules can be tested by hand.
public struct TriggerInput: Hashable, Sendable {
    public var article: Int?
    public var territory: Crisis.Territory
    public var adversaryKind: Adversary.Kind
    public var backing: Adversary.Backing
    /// The adversary is a state that is itself a member or frozen member on the day.
    public var adversaryIsParty: Bool
    /// The requester's status on the day; nil when there is no requester or it has no record.
    public var requesterStatus: MembershipStatus?
    public var hasRequester: Bool
    /// The location's status on the day; nil for a state with no membership record.
    public var locationStatus: MembershipStatus?
    /// The organization's crisis-response reform is in force (the day its opt-out rule began:
    /// the December 2010 protocols brought both, and the mandate to answer internal crises).
    public var reformInForce: Bool
    /// At least one collective force exists on the day.
    public var collectiveForcesExist: Bool
    /// A member's domestic crisis (`Crisis.isDomestic`).
    public var domestic: Bool

    public init(article: Int?, territory: Crisis.Territory, adversaryKind: Adversary.Kind, backing: Adversary.Backing,
                adversaryIsParty: Bool, requesterStatus: MembershipStatus?, hasRequester: Bool,
                locationStatus: MembershipStatus?, reformInForce: Bool, collectiveForcesExist: Bool, domestic: Bool? = nil) {
        self.article = article
        self.territory = territory
        self.adversaryKind = adversaryKind
        self.backing = backing
        self.adversaryIsParty = adversaryIsParty
        self.requesterStatus = requesterStatus
        self.hasRequester = hasRequester
        self.locationStatus = locationStatus
        self.reformInForce = reformInForce
        self.collectiveForcesExist = collectiveForcesExist
        self.domestic = domestic ?? (adversaryKind == .internal)
    }

    public init(crisis: Crisis, snapshot: DatasetSnapshot) {
        let partyStatuses: Set<MembershipStatus> = [.member, .frozen]
        let adversaryStatus = crisis.adversary.actor.flatMap { snapshot.status(of: $0) }
        self.init(
            article: crisis.article, territory: crisis.territory, adversaryKind: crisis.adversary.kind,
            backing: crisis.adversary.externalBacking,
            adversaryIsParty: crisis.adversary.kind == .state && adversaryStatus.map(partyStatuses.contains) == true,
            requesterStatus: crisis.requester.flatMap { snapshot.status(of: $0) }, hasRequester: crisis.requester != nil,
            locationStatus: snapshot.status(of: crisis.location), reformInForce: snapshot.allowsOptOut,
            collectiveForcesExist: !snapshot.forces.isEmpty,
            domestic: crisis.isDomestic)
    }
}

public enum LegalTrigger {
    /// Applies the treaty rules in order; the first that decides the cap wins, and every rule
    /// consulted is recorded in `reasons` in words.
    ///
    /// 1. A request counts only from a member or frozen member on the day.
    /// 2. A state adversary that is itself a member: Article 1 (peaceful settlement) governs; no
    ///    collective defence; cap 2 (consultations).
    /// 3. A location outside the organization with no valid request: cap 1 (statements).
    /// 4. Contested or foreign territory: Article 4 covers a member's recognised territory only;
    ///    cap 2.
    /// 5. No valid request: a member's domestic crisis, or a non-state threat (insurgents,
    ///    terrorists) on its soil, is its own affair (non-interference), cap 1; otherwise, since 2010 help comes only at the attacked member's request, and before it
    ///    the treaty was never used without one; cap 2.
    /// 6. A domestic crisis before the crisis-response reform: no mandate to intervene; cap 2.
    /// 7. Article 4 invoked for an attack (a state, a non-state group, or unrest framed as
    ///    externally backed): collective defence, cap 5.
    /// 8. Otherwise (Article 2, no article, or unrest with no outside backing): assistance, cap 4.
    /// 9. Level 5 needs a collective force in existence on the day; without one the cap is 4.
    public static func assess(_ input: TriggerInput) -> TriggerAssessment {
        var reasons: [String] = []
        let framing: TriggerAssessment.Framing
        switch input.adversaryKind {
        case .state: framing = .stateAttack
        case .nonstate: framing = .nonstateAttack
        case .internal:
            switch input.backing {
            case .none: framing = .domestic
            case .alleged: framing = .allegedBacking
            case .evident: framing = .evidentBacking
            }
        }
        let requesterFrozen = input.requesterStatus == .frozen
        let validRequest = input.hasRequester && (input.requesterStatus == .member || requesterFrozen)
        if input.hasRequester && !validRequest {
            let status = input.requesterStatus?.rawValue ?? "not a member"
            reasons.append("the requester is \(status) on the day, so its request does not engage the treaty")
        } else if requesterFrozen {
            reasons.append("the requester has frozen its participation: it keeps treaty rights but its claim weighs less")
        }
        let locationIsParty = input.locationStatus == .member || input.locationStatus == .frozen

        func result(_ cap: ResponseLevel, _ coverage: TriggerAssessment.Coverage, _ reason: String) -> TriggerAssessment {
            reasons.append(reason)
            var cap = cap
            if cap == .deployment && !input.collectiveForcesExist {
                cap = .aid
                reasons.append("no collective force exists on the day, so nothing can be deployed (cap 4)")
            }
            return TriggerAssessment(cap: cap, coverage: coverage, framing: framing, requesterFrozen: requesterFrozen && validRequest,
                                     hasValidRequest: validRequest, reasons: reasons)
        }

        if input.adversaryIsParty {
            return result(.consultations, .consultations,
                "the adversary is itself a member: Article 1 binds members to settle disputes peacefully and the treaty has no collective defence between members (cap 2)")
        }
        if !locationIsParty && !validRequest {
            return result(.statement, .statements,
                "the crisis is outside the organization's members and no member asked for help: nothing obliges the members (cap 1)")
        }
        if input.territory != .sovereign {
            return result(.consultations, .consultations,
                "the fighting is on \(input.territory.rawValue) territory: Article 4 covers a member's recognised territory only (cap 2)")
        }
        if !validRequest && input.domestic {
            return result(.statement, .statements,
                "a member's domestic crisis and it asked for no help: its internal affairs are its own (non-interference, cap 1)")
        }
        if !validRequest && input.adversaryKind == .nonstate {
            return result(.statement, .statements,
                "a non-state threat on a member's soil and it asked for no help: fighting it is the member's own affair until it asks (non-interference, cap 1)")
        }
        if !validRequest {
            return result(.consultations, .consultations,
                "no member asked for help: collective help is given at the attacked member's request (cap 2)")
        }
        if input.domestic && !input.reformInForce {
            return result(.consultations, .consultations,
                "internal unrest before the organization's crisis-response reform: no mandate to intervene in a member's internal affairs (cap 2)")
        }
        if input.article == 4 && framing != .domestic {
            return result(.deployment, .collectiveDefence,
                "Article 4 invoked against \(framing.rawValue) on a requesting member's recognised territory: collective defence (cap 5)")
        }
        if input.article == 4 {
            return result(.aid, .assistance,
                "Article 4 invoked, but unrest with no outside backing is not an aggression: assistance without a collective force (cap 4)")
        }
        let how = input.article.map { "Article \($0)" } ?? "no treaty article"
        return result(.aid, .assistance,
            "a member asked for help under \(how): aid and missions are open, a collective force is not (cap 4)")
    }
}

extension Crisis {
    /// A member's domestic crisis: unrest by type, an internal adversary, or an insurgency by a
    /// non-state group with no outside backing (a home-grown rebellion; terrorism and backed
    /// groups count as coming from outside). Non-interference governs it unless the member asks
    /// for help.
    public var isDomestic: Bool {
        type == .internalUnrest || adversary.kind == .internal
            || (type == .insurgency && adversary.kind == .nonstate && adversary.externalBacking == .none)
    }
}
