import Foundation
import PactModel

/// A member's role in one crisis, which decides how it takes part in the decision.
public enum MemberRole: String, Hashable, Sendable {
    /// Asked for help: its position is the level it asked for, its salience 1; it never blocks
    /// help for itself, has no weight in the proposal (a member cannot vote itself help: the
    /// proposal is what the others offer) and sends no troops to its own soil.
    case requester
    /// A member that is itself the state adversary (a clash between members). It takes part
    /// like any member; its ties to the adversary are its ties to itself (affinity 1), so it
    /// opposes action, with salience 1.
    case adversary
    /// A member fighting on the requester's side (or the lead state as aggressor) other than
    /// the requester: takes part with salience 1.
    case belligerent
    /// The member whose domestic crisis (or non-state threat) it is, when it did not ask for
    /// help: it wants the organization out of its internal affairs, so its position is 0 (it
    /// asked for nothing) with salience 1; it may block, but has no weight in the proposal.
    case host
    /// The lead state, when none of the above.
    case lead
    case member
}

extension CollectiveForce.Kind {
    /// Units on call to deploy: rapid-reaction, peacekeeping and regional rapid-deployment
    /// forces. Regional groupings are national armies earmarked against outside aggression in a
    /// war, not units on call for a mission.
    public var isDeployable: Bool { self != .regionalGrouping }
}

/// Everything about a crisis that does not change between draws, computed once: the
/// participating members, their interest features, clout, troops on call and distances, and
/// the legal trigger. A draw then only samples parameters and noise and does arithmetic on
/// these flat arrays (docs/MODEL.md states every formula).
///
/// Who takes part: full members on the scenario date (status `member`). Frozen members keep
/// their treaty rights but stay away from decisions; suspended, observer and former members do
/// not take part.
public struct CrisisSetup: Sendable {
    public let scenarioID: String
    public let members: [ActorID]
    public let roles: [MemberRole]
    public let trigger: TriggerAssessment
    /// Share of the lead state's forces tied down elsewhere (scenario context, else the snapshot).
    public let leadCommittedElsewhere: Double
    public let optOutAllowed: Bool
    public let leadIsBelligerent: Bool
    /// Gravity of the crisis, ≥ 0 and unbounded with diminishing returns:
    /// ln(1 + harm · (1 + days / 90)) / ln(1000), harm = deaths + displaced / 100 + km² / 10.
    /// About 1 for a thousand deaths over a short crisis; each thousandfold more harm adds 1.
    public let gravity: Double
    public let requestedLevel: Double
    /// The attacker's kind and backing, read by the threat's kind factor each draw.
    let adversaryKind: Adversary.Kind
    let backingLevel: Double
    /// The state attacker's capability over that of the members that would act (0 without a
    /// state attacker): the deterrence in the cost term starts above `deterrence_ratio`.
    public let attackerRatio: Double
    /// The same ratio against the lead state alone, for its own account.
    let attackerRatioAlone: Double
    /// The crisis threatens a government (unrest, insurgency, terrorism, hybrid), whoever is behind it.
    public let threatensGovernment: Bool
    /// The lead state is the victim (requester or location) or a belligerent.
    public let leadIsParty: Bool
    /// 1, or 0 when the crisis is a member's domestic affair and it asked for no help: the help
    /// terms then give the lead state no reason to act alone either.
    let leadMayActAlone: Double
    let requesterIndex: Int
    let leadIndex: Int

    // Interest features, one value per member (index as `members`); see MemberPreferences.
    let solidarity: [Double]
    let adversaryTies: [Double]
    let regimeSolidarity: [Double]
    let distanceKm: [Double]
    /// 1 for a member the threat term applies to (not the requester, host or adversary).
    let threatened: [Double]
    /// Autocracy (1 - regime score / 100), for the reliability of the obligation.
    let autocracy: [Double]
    /// Distance part of the cost, min(staging distance, 6000) / 3000, for members that would act:
    /// from the member's capital or its nearest base to the location's capital.
    let distanceCost: [Double]
    /// 1 for members that would act and so bear the cost.
    let bearsCost: [Double]
    let credibilityTie: [Double]
    let precedent: [Double]
    /// 1 for an ally of a lead state at war with a state (its victim or fighting it).
    let entrapment: [Double]
    /// 1 for a member that does not fight when states are fighting a member (or a member fights
    /// a state): the organization's stake in calm among and around its members.
    let conflictManagement: [Double]
    /// Whether the member's position is pulled toward the lead state's (plain members only).
    let followsLead: [Bool]
    /// Whether the member's position counts in the bargained proposal (not the side defended,
    /// the requester, the host or the member on whose soil the crisis is).
    let weighsInProposal: [Bool]
    /// Clout share among the participants (capability index renormalised to sum 1).
    let clout: [Double]
    /// Dependence on the lead state, 0...1 (0 for the lead itself).
    let dependenceOnLead: [Double]
    /// Troops each member has on call for the organization's deployable forces on the day.
    let onCall: [Double]
    /// Shortest distance from the member's capital or one of its bases to the location's capital.
    let stagingKm: [Double]
    /// Personnel and distance to the location's capital of each of the lead state's deployable
    /// bases open on the day: garrisons that may count as in theatre.
    let leadGarrisonPersonnel: [Double]
    let leadGarrisonKm: [Double]
    /// The lead state is the location and the threat is military (a state, or armed groups
    /// holding ground, not a terror attack) — its armed forces fight on its own soil.
    let leadOnOwnSoil: Bool
    /// The lead state's presence in the location member: 1 - exp(-personnel of its bases there /
    /// 1,500) plus the location's dependence on it (bilateral and Union State commitments).
    let leadPresence: Double
    /// The collective force named for a deployment, if one exists on the day.
    public let forceName: String?

    public var count: Int { members.count }

    /// Builds the setup of a crisis scenario on the dataset as of the scenario's date.
    public init(scenario: Scenario, snapshot: DatasetSnapshot) throws {
        guard let crisis = scenario.crisis, scenario.kind == .crisis else {
            throw CrisisModelError("scenario \(scenario.id) is not a crisis scenario")
        }
        guard scenario.organization == snapshot.organization.id else {
            throw CrisisModelError("scenario \(scenario.id) is about \(scenario.organization), but the dataset describes \(snapshot.organization.id)")
        }
        let lead = snapshot.leadState
        let participants = snapshot.members
        guard !participants.isEmpty else {
            throw CrisisModelError("scenario \(scenario.id): the organization has no members on \(snapshot.day)")
        }
        let trigger = LegalTrigger.assess(TriggerInput(crisis: crisis, snapshot: snapshot))
        let requester = trigger.hasValidRequest ? crisis.requester : nil
        let belligerents = Set(crisis.effectiveBelligerents)
        let adversaryState = crisis.adversary.kind == .state ? crisis.adversary.actor : nil
        // Whose side the members are asked to take: the requester, else a fighting member that is
        // not the adversary, else the location when it belongs to the organization.
        let protected: ActorID? = requester
            ?? crisis.effectiveBelligerents.first { $0 != adversaryState && participants.contains($0) }
            ?? (snapshot.parties.contains(crisis.location) ? crisis.location : nil)
        let unrest = crisis.adversary.kind != .state
        let domestic = crisis.isDomestic
        let host: ActorID? = requester == nil && unrest && participants.contains(crisis.location) ? crisis.location : nil
        let leadIsBelligerent = belligerents.contains(lead) && lead != requester && lead != protected
        let leadIsParty = participants.contains(lead)
            && (lead == requester || lead == crisis.location || lead == protected || belligerents.contains(lead))
        // Entrapment is about war (Snyder 1984): the lead state fights, or is the victim of an
        // armed attack or incursion. A terror attack or unrest on its soil drags no ally into a
        // war. Read from the crisis's kind, not the attacker's, so that a state's attack never
        // draws a weaker answer than the same attack by armed groups.
        let leadAtWar = leadIsParty
            && (leadIsBelligerent || [.externalAggression, .borderClash, .insurgency, .hybrid].contains(crisis.type))
        let committed = min(1, max(0, scenario.context.leadStateCommittedElsewhere ?? snapshot.leadStateCommittedElsewhere))

        let capability = snapshot.capabilityIndex
        let cloutRaw = participants.map { max(capability[$0] ?? 0, 1e-9) }
        let cloutTotal = cloutRaw.reduce(0, +)
        func autocracy(_ id: ActorID?) -> Double {
            guard let id, let a = snapshot.attributes[id] else { return 0.5 }
            return 1 - min(100, max(0, a.regimeScore.value)) / 100
        }
        func distance(_ a: ActorID, _ b: ActorID) -> Double { snapshot.distance(from: a, to: b) ?? 3000 }

        let threatensGovernment = [.internalUnrest, .insurgency, .terrorism, .hybrid].contains(crisis.type)
        // Who would act: the members other than the side defended, the host and the adversary.
        let acting = participants.filter { $0 != protected && $0 != host && $0 != adversaryState && $0 != crisis.location }
        var attackerRatio = 0.0, attackerRatioAlone = 0.0
        if let adversaryState {
            let attacker = capability[adversaryState] ?? 0
            attackerRatio = attacker / max(acting.map { capability[$0] ?? 0 }.reduce(0, +), 1e-9)
            attackerRatioAlone = attacker / max(capability[lead] ?? 0, 1e-9)
        }

        var roles: [MemberRole] = [], solidarity: [Double] = [], ties: [Double] = [], regime: [Double] = []
        var dist: [Double] = [], threatened: [Double] = [], autoc: [Double] = [], distCost: [Double] = []
        var bears: [Double] = [], cred: [Double] = [], prec: [Double] = [], entrap: [Double] = []
        var dep: [Double] = [], onCall: [Double] = [], staging: [Double] = [], calm: [Double] = []
        // Armed hostilities between states that involve a member: a state attacker, and a member
        // that fights or on whose soil the fighting is.
        let interstate = adversaryState != nil
            && (belligerents.contains { participants.contains($0) } || participants.contains(crisis.location))
        let locationCapital = snapshot.actors[crisis.location]?.capital
        let deployable = snapshot.forces.filter { $0.force.kind.isDeployable }
        func isLeadState(_ id: ActorID) -> Bool { id == lead }
        for id in participants {
            let role: MemberRole
            if id == requester { role = .requester }
            else if id == host { role = .host }
            else if id == adversaryState { role = .adversary }
            else if belligerents.contains(id) { role = .belligerent }
            else if id == lead { role = .lead }
            else { role = .member }
            roles.append(role)
            let isLead = id == lead
            let outside = role == .requester || role == .host || role == .adversary
            // Allies help those they are close to and rely on; the lead state also protects those
            // that rely on it: a dominant state keeps order for the states that defer to it (Lake
            // 2009, Hierarchy in International Relations), so its solidarity counts the protected
            // member's dependence on it too.
            solidarity.append(protected.map {
                snapshot.affinity(from: id, to: $0) + 0.5 * snapshot.dependence(from: id, to: $0)
                    + (isLeadState(id) ? snapshot.dependence(from: $0, to: id) : 0)
            } ?? 0)
            ties.append(adversaryState.map { -(max(0, snapshot.affinity(from: id, to: $0)) + snapshot.dependence(from: id, to: $0)) } ?? 0)
            regime.append(threatensGovernment ? autocracy(id) * autocracy(protected ?? crisis.location) : 0)
            let d = id == crisis.location ? 0 : distance(id, crisis.location)
            dist.append(d)
            threatened.append(outside ? 0 : 1)
            autoc.append(autocracy(id))
            let acts = !outside && id != crisis.location && id != protected
            bears.append(acts ? 1 : 0)
            // Distance from where its troops would start: its capital or its nearest base.
            var best = d
            if let locationCapital {
                for base in snapshot.bases where base.user == id {
                    best = min(best, base.coordinates.distance(to: locationCapital))
                }
            }
            distCost.append(acts ? min(best, 6000) / 3000 : 0)
            cred.append(isLead ? 1 : max(0, snapshot.affinity(from: id, to: lead)))
            let independence = 1 - snapshot.dependence(from: id, to: lead)
            prec.append(isLead || id == requester ? 0 : -(domestic || leadIsBelligerent ? independence : 0))
            entrap.append(leadAtWar && !isLead && !outside ? 1 : 0)
            calm.append(interstate && !outside && !belligerents.contains(id) ? 1 : 0)
            dep.append(isLead ? 0 : snapshot.dependence(from: id, to: lead))
            var troops = 0.0
            for force in deployable {
                troops += force.contributions.isEmpty
                    ? (isLead ? Double(force.size.value) : 0)
                    : Double(force.contributions.first { $0.actor == id }?.size.value ?? 0)
            }
            onCall.append(troops)
            staging.append(best)
        }
        var garrisonPersonnel: [Double] = [], garrisonKm: [Double] = []
        if participants.contains(lead), lead != requester, let locationCapital {
            for base in snapshot.bases where base.user == lead && base.deployable {
                garrisonPersonnel.append(Double(max(0, base.personnel.value)))
                garrisonKm.append(base.coordinates.distance(to: locationCapital))
            }
        }
        let inLocation = snapshot.bases.filter { $0.user == lead && $0.host == crisis.location }
            .map { Double(max(0, $0.personnel.value)) }.reduce(0, +)
        self.leadPresence = crisis.location == lead ? 0
            : (1 - exp(-inLocation / 1500)) + snapshot.dependence(from: crisis.location, to: lead)
        // A military threat on its own soil (a state, or armed groups holding ground) is fought by
        // the lead state's armed forces; a terror attack by its police and security services
        // (Russia's Federal Law No. 35-FZ "On Countering Terrorism", 2006: the FSB leads
        // counter-terrorist operations), which do not count as using armed forces.
        self.leadOnOwnSoil = crisis.location == lead
            && (crisis.adversary.kind == .state || [.insurgency, .externalAggression, .borderClash, .hybrid].contains(crisis.type))
            && crisis.adversary.kind != .internal
        self.leadGarrisonPersonnel = garrisonPersonnel
        self.leadGarrisonKm = garrisonKm

        let requested: Double
        switch crisis.article {
        case 4?: requested = 5
        case 2?: requested = 3
        default: requested = 4
        }

        self.scenarioID = scenario.id
        self.members = participants
        self.roles = roles
        self.trigger = trigger
        self.leadCommittedElsewhere = committed
        self.optOutAllowed = snapshot.allowsOptOut
        self.leadIsBelligerent = leadIsBelligerent
        self.leadIsParty = leadIsParty
        let s = crisis.severity
        let harm = max(0, s.deaths) + max(0, s.displaced) / 100 + max(0, s.territoryKm2) / 10
        self.gravity = log1p(harm * (1 + max(0, crisis.expectedDurationDays) / 90)) / log(1000)
        self.adversaryKind = crisis.adversary.kind
        switch crisis.adversary.externalBacking {
        case .none: backingLevel = 0
        case .alleged: backingLevel = 0.5
        case .evident: backingLevel = 1
        }
        self.attackerRatio = attackerRatio
        self.attackerRatioAlone = attackerRatioAlone
        self.threatensGovernment = threatensGovernment
        self.requestedLevel = requester == nil ? 0 : requested
        self.requesterIndex = requester.flatMap { participants.firstIndex(of: $0) } ?? -1
        self.leadIndex = participants.firstIndex(of: lead) ?? -1
        self.solidarity = solidarity
        self.adversaryTies = ties
        self.regimeSolidarity = regime
        self.distanceKm = dist
        self.threatened = threatened
        self.autocracy = autoc
        self.distanceCost = distCost
        self.bearsCost = bears
        self.credibilityTie = cred
        self.precedent = prec
        self.entrapment = entrap
        self.conflictManagement = calm
        self.followsLead = roles.map { $0 == .member && !leadIsParty }
        // The side defended and the member on whose soil the crisis is do not weigh in the offer
        // the others make (a member cannot vote itself help; it may still block, except the
        // requester). The one exception is a host that asked for nothing in its own domestic
        // crisis: its wish that the organization stay out is non-interference (CSTO Charter,
        // Art. 5), and a consensus body does not speak on a member's internal affairs over its head.
        self.weighsInProposal = zip(participants, roles).map { id, role in
            if role == .host { return domestic }
            return role != .requester && id != protected && id != crisis.location
        }
        self.leadMayActAlone = domestic && requester == nil && snapshot.parties.contains(crisis.location) && crisis.location != lead ? 0 : 1
        self.clout = cloutRaw.map { $0 / cloutTotal }
        self.dependenceOnLead = dep
        self.onCall = onCall
        self.stagingKm = staging
        self.forceName = CrisisSetup.chooseForce(for: crisis, snapshot: snapshot)
    }

    /// The collective force named for a deployment: peacekeepers for a domestic crisis (the 2022
    /// Kazakhstan deployment used the Collective Peacekeeping Forces), the rapid-reaction forces
    /// for attacks, terrorism and insurgency; when that kind does not exist on the day, any
    /// deployable force. Regional groupings are never drawn on. The troops come from every
    /// deployable force the members have on call (`onCall`), so the name is a label only.
    static func chooseForce(for crisis: Crisis, snapshot: DatasetSnapshot) -> String? {
        let preferred: CollectiveForce.Kind = crisis.isDomestic ? .peacekeeping : .rapidReaction
        let forces = snapshot.forces.sorted { $0.force.id < $1.force.id }
        return (forces.first { $0.force.kind == preferred } ?? forces.first { $0.force.kind.isDeployable })?.force.name
    }
}
