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

    /// The strength of the members' obligation, 0...1, for parameter values `p`, ordered by
    /// construction so that a firmer legal basis never weighs less:
    ///
    ///     s_state      = strength_state_attack                       (an armed attack by a state, or evident backing)
    ///     s_assistance = min(strength_assistance, s_state)
    ///     s_nonstate   = max(s_assistance, min(strength_nonstate_attack, s_state))
    ///     s_alleged    = max(s_assistance, min(strength_alleged_backing, s_state))
    ///     s_consult    = min(strength_consultations, s_assistance)
    ///
    /// so s_consult ≤ s_assistance ≤ s_nonstate, s_alleged ≤ s_state: a weak state's attack
    /// engages the obligation at least as strongly as the same attack by armed groups, and
    /// Article 4 at least as strongly as a request outside it. `strength_state_attack` is the
    /// reliability of an alliance commitment in war, its prior the published base rates (about
    /// half of commitments honoured overall). Times `frozen_requester_discount` when the
    /// requester is frozen.
    @inline(__always)
    func strength(_ p: UnsafePointer<Double>) -> Double {
        let state = p[CrisisParameter.strengthStateAttack.rawValue]
        let assistance = min(p[CrisisParameter.strengthAssistance.rawValue], state)
        var s: Double
        switch coverage {
        case .collectiveDefence:
            switch framing {
            case .stateAttack, .evidentBacking: s = state
            case .nonstateAttack: s = max(assistance, min(p[CrisisParameter.strengthNonstateAttack.rawValue], state))
            case .allegedBacking: s = max(assistance, min(p[CrisisParameter.strengthAllegedBacking.rawValue], state))
            case .domestic: s = assistance
            }
        case .assistance: s = assistance
        case .consultations: s = min(p[CrisisParameter.strengthConsultations.rawValue], assistance)
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
    /// The requester is the location: the member asks for help on its own soil.
    public var requesterIsLocation: Bool

    public init(article: Int?, territory: Crisis.Territory, adversaryKind: Adversary.Kind, backing: Adversary.Backing,
                adversaryIsParty: Bool, requesterStatus: MembershipStatus?, hasRequester: Bool,
                locationStatus: MembershipStatus?, reformInForce: Bool, collectiveForcesExist: Bool, domestic: Bool? = nil,
                requesterIsLocation: Bool = true) {
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
        self.requesterIsLocation = requesterIsLocation
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
            collectiveForcesExist: snapshot.forces.contains { $0.force.kind.isDeployable },
            domestic: crisis.isDomestic, requesterIsLocation: crisis.requester == crisis.location)
    }
}

public enum LegalTrigger {
    /// Applies the treaty rules in order; the first that decides the cap wins, and every rule
    /// consulted is recorded in `reasons` in words. docs/MODEL.md gives each rule's source.
    ///
    /// 1. A request counts only from a member or frozen member on the day.
    /// 2. A state adversary that is itself a member: Article 1 (peaceful settlement) governs; no
    ///    collective defence; cap 2 (consultations).
    /// 3. A location outside the members: Article 4 covers aggression against a member only, so
    ///    whoever asks, at most consultations (Article 2): cap 2 with a valid request, cap 1 without.
    /// 4. Contested or foreign territory: Article 4 covers a member's recognised territory only;
    ///    cap 2.
    /// 5. No valid request: a member's domestic crisis, or a non-state threat (insurgents,
    ///    terrorists) on its soil, is its own affair (non-interference), cap 1; otherwise help
    ///    comes only at the attacked member's request; cap 2.
    /// 6. The requester is not the member whose territory is attacked: collective help is given
    ///    at the attacked member's own request; cap 2.
    /// 7. A domestic crisis before the crisis-response reform: no mandate to intervene; cap 2.
    /// 8. Article 4 invoked for an attack (a state, a non-state group, or unrest framed as
    ///    externally backed): collective defence, cap 5.
    /// 9. Otherwise (Article 2, no article, or unrest with no outside backing): assistance, cap 4.
    /// 10. Level 5 needs a deployable collective force in existence on the day; without one the cap is 4.
    ///
    /// The lead state's own requests pass the same rules.
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
                reasons.append("no deployable collective force exists on the day, so nothing can be deployed (cap 4)")
            }
            return TriggerAssessment(cap: cap, coverage: coverage, framing: framing, requesterFrozen: requesterFrozen && validRequest,
                                     hasValidRequest: validRequest, reasons: reasons)
        }

        if input.adversaryIsParty {
            return result(.consultations, .consultations,
                "the adversary is itself a member: Article 1 binds members to settle disputes peacefully and the treaty has no collective defence between members (cap 2)")
        }
        if !locationIsParty {
            if validRequest {
                return result(.consultations, .consultations,
                    "the crisis is on the soil of a state that is not a member: Article 4 covers aggression against a member only, so a request opens consultations at most (cap 2)")
            }
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
        if !input.requesterIsLocation {
            return result(.consultations, .consultations,
                "the member that asked is not the one whose territory is attacked: collective help is given at the attacked member's own request (cap 2)")
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
