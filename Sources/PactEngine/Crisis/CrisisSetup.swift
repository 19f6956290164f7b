import Foundation
import PactModel

/// A member's role in one crisis, which decides how it takes part in the decision.
public enum MemberRole: String, Hashable, Sendable {
    /// Asked for help: its position is the level it asked for, its salience 1; it never blocks
    /// help for itself and contributes no troops to a deployment on its own soil.
    case requester
    /// A member that is itself the state adversary (a clash between members). It takes part
    /// like any member; its ties to the adversary are its ties to itself (affinity 1), so it
    /// opposes action, with salience 1.
    case adversary
    /// A member fighting on the requester's side (or the lead state as aggressor) other than
    /// the requester: takes part with salience 1.
    case belligerent
    /// The member whose domestic crisis (or non-state threat) it is, when it did not ask for
    /// help: it wants the
    /// organization out of its internal affairs, so its position is 0 (it asked for nothing)
    /// with salience 1. It takes part like any member otherwise.
    case host
    /// The lead state, when none of the above.
    case lead
    case member
}

/// Everything about a crisis that does not change between draws, computed once: the
/// participating members, their interest features, clout, assigned troops and distances, and
/// the legal trigger. A draw then only samples parameters and noise and does arithmetic on
/// these flat arrays.
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
    /// Severity in [0, 1]: log10(1 + deaths + displaced/100 + km²/10) / 3, capped at 1, so that
    /// ~1,000 deaths or equivalent is the top of the scale.
    public let severity: Double
    public let requestedLevel: Double
    /// Escalation risk r / (1 + r), r the state adversary's capability over the defended member's (0 without one).
    public let escalation: Double
    /// The share of the ladder legally open, cap / 5: the scale of the help terms and of cost.
    public let openShare: Double
    /// The lead state's cost term for acting alone: distance, duration and escalation at full scale.
    let leadCostAlone: Double
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
    let leadCapacity: [Double]
    let cost: [Double]
    let credibilityTie: [Double]
    let precedent: [Double]
    /// Whether the member's position is pulled toward the lead state's (plain members only).
    let followsLead: [Bool]
    /// Clout share among the participants (capability index renormalised to sum 1).
    let clout: [Double]
    /// Dependence on the lead state, 0...1 (0 for the lead itself).
    let dependenceOnLead: [Double]
    /// Troops assigned to the collective force used for this crisis type.
    let assigned: [Double]
    /// Shortest distance from the member's capital or one of its bases to the location's capital.
    let stagingKm: [Double]
    /// Troops assigned to the force used by the members other than the requester: the mission
    /// the council plans is `deploy_share` of it.
    let missionAssigned: Double
    /// The lead state's units on call for the organization's other rapid-reaction and
    /// peacekeeping forces on the day (0 when the lead state is the requester).
    let leadOnCall: Double
    /// Personnel and distance to the location's capital of each of the lead state's bases open
    /// on the day: garrisons that may count as in theatre.
    let leadGarrisonPersonnel: [Double]
    let leadGarrisonKm: [Double]
    /// The collective force drawn on for a deployment, if any exists on the day.
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
        let input = TriggerInput(crisis: crisis, snapshot: snapshot)
        let trigger = LegalTrigger.assess(input)
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
        // The member whose domestic crisis (or non-state threat) it is, when it asked for no help,
        // is the host.
        let host: ActorID? = requester == nil && unrest && participants.contains(crisis.location) ? crisis.location : nil
        let leadIsBelligerent = belligerents.contains(lead) && lead != requester && lead != protected
        let committed = min(1, max(0, scenario.context.leadStateCommittedElsewhere ?? snapshot.leadStateCommittedElsewhere))

        let capability = snapshot.capabilityIndex
        let cloutRaw = participants.map { max(capability[$0] ?? 0, 1e-9) }
        let cloutTotal = cloutRaw.reduce(0, +)

        func autocracy(_ id: ActorID?) -> Double {
            guard let id, let a = snapshot.attributes[id] else { return 0.5 }
            return 1 - min(100, max(0, a.regimeScore.value)) / 100
        }
        func distance(_ a: ActorID, _ b: ActorID) -> Double { snapshot.distance(from: a, to: b) ?? 3000 }

        let force = CrisisSetup.chooseForce(for: crisis, snapshot: snapshot)
        var roles: [MemberRole] = [], solidarity: [Double] = [], ties: [Double] = [], regime: [Double] = []
        var dist: [Double] = [], capacity: [Double] = [], cost: [Double] = [], cred: [Double] = [], prec: [Double] = []
        var dep: [Double] = [], assigned: [Double] = [], staging: [Double] = []
        let durationFactor = min(365, max(0, crisis.expectedDurationDays)) / 180
        // Escalation risk of acting against a state: r / (1 + r) with r its capability over the
        // side the members would defend (0 without a state adversary: a rioter or a guerrilla band
        // adds nothing; 0.5 between equals; toward 1 against a much stronger state).
        var escalation = 0.0
        if let adversaryState {
            let defended = (protected ?? crisis.location)
            let ratio = (capability[adversaryState] ?? 0) / max(capability[defended] ?? 0, 1e-9)
            escalation = ratio / (1 + ratio)
        }
        // Cost is weighed in proportion to the share of the ladder legally open: members weighing
        // a statement do not weigh the cost of sending troops.
        let openShare = Double(trigger.cap.rawValue) / 5
        let locationCapital = snapshot.actors[crisis.location]?.capital

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
            solidarity.append(protected.map { snapshot.affinity(from: id, to: $0) + 0.5 * snapshot.dependence(from: id, to: $0) } ?? 0)
            ties.append(adversaryState.map { -(max(0, snapshot.affinity(from: id, to: $0)) + snapshot.dependence(from: id, to: $0)) } ?? 0)
            regime.append(unrest ? autocracy(id) * autocracy(protected ?? crisis.location) : 0)
            let d = id == crisis.location ? 0 : distance(id, crisis.location)
            dist.append(d)
            capacity.append(isLead ? 1 - 2 * committed : 0)
            cost.append(id == requester || id == adversaryState ? 0 : -openShare * (min(d, 6000) / 3000 + durationFactor + escalation))
            cred.append(isLead ? 1 : max(0, snapshot.affinity(from: id, to: lead)))
            let independence = 1 - snapshot.dependence(from: id, to: lead)
            prec.append(isLead || id == requester ? 0 : -(domestic || leadIsBelligerent ? independence : 0))
            dep.append(isLead ? 0 : snapshot.dependence(from: id, to: lead))
            assigned.append(Double(force?.contributions.first { $0.actor == id }?.size.value ?? 0))
            var best = d
            if let locationCapital {
                for base in snapshot.bases where base.user == id {
                    best = min(best, base.coordinates.distance(to: locationCapital))
                }
            }
            staging.append(best)
        }
        // A force with a size but no listed contributions is carried by the lead state.
        if let force, force.contributions.isEmpty, let li = participants.firstIndex(of: lead) {
            assigned[li] = Double(force.size.value)
        }
        let requesterSlot = requester.flatMap { participants.firstIndex(of: $0) }
        self.missionAssigned = assigned.indices.filter { $0 != requesterSlot }.map { assigned[$0] }.reduce(0, +)
        // The lead state's reserve beyond the force used: its units on call for the other
        // rapid-reaction and peacekeeping forces (a force with no listed contributions is the
        // lead state's), and its garrisons. Regional groupings are left out: they are national
        // armies earmarked against outside aggression, not units on call for deployments.
        var onCall = 0.0
        var garrisonPersonnel: [Double] = [], garrisonKm: [Double] = []
        if participants.contains(lead), lead != requester {
            for other in snapshot.forces
            where other.force.name != force?.name && (other.force.kind == .rapidReaction || other.force.kind == .peacekeeping) {
                onCall += other.contributions.isEmpty
                    ? Double(other.size.value)
                    : Double(other.contributions.first { $0.actor == lead }?.size.value ?? 0)
            }
            if let locationCapital {
                for base in snapshot.bases where base.user == lead && base.deployable {
                    garrisonPersonnel.append(Double(max(0, base.personnel.value)))
                    garrisonKm.append(base.coordinates.distance(to: locationCapital))
                }
            }
        }
        self.leadOnCall = onCall
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
        let s = crisis.severity
        self.severity = min(1, log10(1 + max(0, s.deaths) + max(0, s.displaced) / 100 + max(0, s.territoryKm2) / 10) / 3)
        self.requestedLevel = requester == nil ? 0 : requested
        self.requesterIndex = requester.flatMap { participants.firstIndex(of: $0) } ?? -1
        self.leadIndex = participants.firstIndex(of: lead) ?? -1
        self.solidarity = solidarity
        self.adversaryTies = ties
        self.regimeSolidarity = regime
        self.distanceKm = dist
        self.leadCapacity = capacity
        self.cost = cost
        self.credibilityTie = cred
        self.precedent = prec
        self.followsLead = roles.map { $0 == .member }
        self.escalation = escalation
        self.openShare = openShare
        self.leadMayActAlone = domestic && requester == nil && snapshot.parties.contains(crisis.location) ? 0 : 1
        if let li = participants.firstIndex(of: lead), lead != requester {
            self.leadCostAlone = -(min(dist[li], 6000) / 3000 + durationFactor + escalation)
        } else {
            self.leadCostAlone = 0
        }
        self.clout = cloutRaw.map { $0 / cloutTotal }
        self.dependenceOnLead = dep
        self.assigned = assigned
        self.stagingKm = staging
        self.forceName = force?.name
    }

    /// The collective force a deployment draws on: peacekeepers for a domestic crisis (unrest by
    /// type, or an internal adversary: the 2022 Kazakhstan deployment used the Collective
    /// Peacekeeping Forces), the rapid-reaction forces for attacks, terrorism and insurgency;
    /// when the preferred kind does not exist on the day, the largest force that does.
    static func chooseForce(for crisis: Crisis, snapshot: DatasetSnapshot)
        -> (name: String, size: Sourced<Int>, contributions: [ForceContribution])?
    {
        let domestic = crisis.isDomestic
        let preferred: CollectiveForce.Kind = domestic ? .peacekeeping : .rapidReaction
        let forces = snapshot.forces.sorted { $0.force.id < $1.force.id }
        let pick = forces.first { $0.force.kind == preferred }
            ?? forces.filter { $0.force.kind == .rapidReaction || $0.force.kind == .peacekeeping }.max { $0.size.value < $1.size.value }
            ?? forces.max { $0.size.value < $1.size.value }
        return pick.map { ($0.force.name, $0.size, $0.contributions) }
    }
}
