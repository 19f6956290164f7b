import Foundation
import PactModel

/// Scratch memory for draws, allocated once per worker and reused by every draw it runs, so a
/// draw allocates nothing.
final class DrawWorkspace {
    let n: Int
    let parameters: UnsafeMutablePointer<Double>
    let position: UnsafeMutablePointer<Double>
    let salience: UnsafeMutablePointer<Double>
    let stance: UnsafeMutablePointer<UInt8>
    let contribution: UnsafeMutablePointer<Double>
    /// Bargaining weight clout^γ · salience; after the draw, the member's share of the total.
    let weight: UnsafeMutablePointer<Double>
    let noise: UnsafeMutablePointer<Double>
    /// log(clout) per member, so that clout^γ is one exp per member.
    let logClout: UnsafeMutablePointer<Double>

    init(setup: CrisisSetup, parameterCount: Int) {
        n = setup.count
        parameters = .allocate(capacity: parameterCount)
        position = .allocate(capacity: max(1, n))
        salience = .allocate(capacity: max(1, n))
        stance = .allocate(capacity: max(1, n))
        contribution = .allocate(capacity: max(1, n))
        weight = .allocate(capacity: max(1, n))
        noise = .allocate(capacity: max(1, n))
        logClout = .allocate(capacity: max(1, n))
        for i in 0..<n { logClout[i] = log(setup.clout[i]) }
    }

    deinit {
        parameters.deallocate(); position.deallocate(); salience.deallocate(); weight.deallocate()
        stance.deallocate(); contribution.deallocate(); noise.deallocate(); logClout.deallocate()
    }
}

/// What one draw produced, besides the per-member values left in the workspace.
struct DrawResult {
    var level: Int
    var unilateral: Bool
    var force: Double
    var days: Double
    var satisfaction: Double
    var strength: Double
}

/// Encodes a stance in one byte for the workspace.
@usableFromInline let stanceSupport: UInt8 = 0, stanceAbstain: UInt8 = 1, stanceBlock: UInt8 = 2

extension SeededGenerator {
    /// An approximately standard normal variate: the Irwin–Hall sum of four uniforms, centred and
    /// scaled to unit variance (bounded at ±3.46). Cheap, and its light tails keep one extreme
    /// draw from dominating a member's position.
    @inline(__always)
    mutating func nextNormal() -> Double {
        (nextUnit() + nextUnit() + nextUnit() + nextUnit() - 2) * 1.7320508075688772
    }
}

extension CrisisSetup {
    /// One draw of the crisis through every stage. Random numbers are consumed in a fixed count
    /// per draw (parameters, the crisis shock, one normal per member, the unilateral uniform) so
    /// that runs differing only in parameters or a switched-off term share their randomness.
    ///
    /// `disabled` is an interest term whose weight is forced to 0 (for the drivers), or nil.
    @inline(__always)
    func draw(plan: SamplingPlan, workspace ws: DrawWorkspace, generator g: inout SeededGenerator,
              disabled: InterestTerm?) -> DrawResult {
        let p = ws.parameters
        plan.sample(into: p, using: &g)
        if let disabled { p[disabled.weight.rawValue] = 0 }
        let crisisShock = g.nextNormal() * p[CrisisParameter.crisisNoise.rawValue]
        let memberNoise = p[CrisisParameter.memberNoise.rawValue]
        for i in 0..<ws.n { ws.noise[i] = crisisShock + g.nextNormal() * memberNoise }
        let unilateralUniform = g.nextUnit()

        let s = trigger.strength(p)                                   // stage 1
        let leadAlone = preferences(p, ws, strength: s)               // stage 2
        var level = decide(p, ws)                                     // stage 3
        let (force, days) = generateForce(p, ws, level: &level)       // stage 4
        let unilateral = actsAlone(p, leadAlone: leadAlone, level: level, uniform: unilateralUniform)  // stage 5
        let satisfaction = Consequences.satisfaction(requested: requestedLevel, got: level)  // stage 6
        return DrawResult(level: level, unilateral: unilateral, force: force, days: days, satisfaction: satisfaction, strength: s)
    }

    /// The attacker's kind factor for this draw's parameters.
    @inline(__always)
    func kindFactor(_ p: UnsafeMutablePointer<Double>) -> Double {
        MemberPreferences.kindFactor(
            state: adversaryKind == .state, isInternal: adversaryKind == .internal, backing: backingLevel,
            nonstateShare: p[CrisisParameter.threatNonstateShare.rawValue],
            internalShare: p[CrisisParameter.threatInternalShare.rawValue], backingWeight: p[CrisisParameter.threatBacking.rawValue])
    }

    /// Stage 2: every member's preferred level, salience and bargaining weight (normalised to
    /// shares) into the workspace; returns the level the lead state would want on its own account.
    @inline(__always)
    func preferences(_ p: UnsafeMutablePointer<Double>, _ ws: DrawWorkspace, strength s: Double) -> Double {
        let baseline = p[CrisisParameter.baseline.rawValue]
        let wObl = p[CrisisParameter.wTreatyObligation.rawValue], wThreat = p[CrisisParameter.wThreat.rawValue]
        let wSol = p[CrisisParameter.wSolidarity.rawValue], wAdv = p[CrisisParameter.wAdversaryTies.rawValue]
        let wReg = p[CrisisParameter.wRegimeSolidarity.rawValue], wCap = p[CrisisParameter.wLeadCapacity.rawValue]
        let wCost = p[CrisisParameter.wCost.rawValue], wCred = p[CrisisParameter.wCredibility.rawValue]
        let wPrec = p[CrisisParameter.wPrecedent.rawValue], wEntrap = p[CrisisParameter.wEntrapment.rawValue]
        let d0 = p[CrisisParameter.spilloverDistanceKm.rawValue], floor = p[CrisisParameter.threatReachFloor.rawValue]
        let salFloor = p[CrisisParameter.salienceFloor.rawValue], salScale = p[CrisisParameter.salienceScale.rawValue]
        let rAut = p[CrisisParameter.renegingAutocracy.rawValue], rMajor = p[CrisisParameter.renegingMajorPower.rawValue]
        let gamma = p[CrisisParameter.cloutExponent.rawValue]
        let ceiling = p[CrisisParameter.entrapmentCeiling.rawValue]
        let wCalm = p[CrisisParameter.wConflictManagement.rawValue], calmCeiling = p[CrisisParameter.conflictManagementCeiling.rawValue]
        let threat = gravity * kindFactor(p)
        let deter = MemberPreferences.deterrence(ratio: attackerRatio, threshold: p[CrisisParameter.deterrenceRatio.rawValue])
        let capacity = -leadCommittedElsewhere
        // The reasons to help count in proportion to the share of the ladder legally open: a
        // member weighing a statement does not weigh the value of sending troops. Only the
        // reasons to help are scaled, so a wider legal opening never lowers a position.
        let open = Double(trigger.cap.rawValue) / 5
        var leadAlone = 0.0
        @inline(__always) func prefer(_ i: Int) {
            let role = roles[i]
            if role == .requester || role == .host {
                ws.position[i] = requestedLevel
                ws.salience[i] = 1
                return
            }
            let isLead = i == leadIndex
            let reach = MemberPreferences.reach(distanceKm: distanceKm[i], scaleKm: d0, floor: floor)
            let obligation = s * MemberPreferences.reliability(autocracy: autocracy[i], isLead: isLead,
                                                               autocracyWeight: rAut, majorPowerWeight: rMajor)
            let tThreat = open * wThreat * threat * reach * threatened[i]
            let tSol = wSol * (open * max(0, solidarity[i]) + min(0, solidarity[i])), tAdv = wAdv * adversaryTies[i], tReg = open * wReg * regimeSolidarity[i]
            let tCost = -wCost * bearsCost[i] * (distanceCost[i] + deter)
            let tCap = isLead ? wCap * capacity : 0
            let tCred = wCred * s * credibilityTie[i]
            let tPrec = wPrec * precedent[i], tEntrap = -wEntrap * entrapment[i]
            let u = baseline + wObl * obligation + tThreat + tSol + tAdv + tReg + tCost + tCap + tCred + tPrec + tEntrap
                + ws.noise[i]
            var level = MemberPreferences.level(latent: u)
            // The stake in calm argues for words, not force: it can lift a member's preferred
            // level to the diplomatic rungs, never beyond, so it cannot carry aid or a deployment.
            if conflictManagement[i] > 0 {
                level = max(level, min(MemberPreferences.level(latent: u + wCalm * conflictManagement[i]), calmCeiling))
            }
            // In the lead state's wars its allies may speak for it but not fight beside it
            // (Snyder 1984; none joined Russia in Georgia or Ukraine): entrapment caps their
            // preferred level, as well as souring it through the term above.
            ws.position[i] = entrapment[i] > 0 ? min(level, ceiling) : level
            if isLead {
                // What the lead state would want on its own, outside the treaty: no legal
                // obligation or organizational credibility, the cost of acting alone against an
                // attacker measured against itself; an uninvited hand in a member's domestic
                // crisis is no more open to it than to the organization.
                let help = leadMayActAlone
                let costAlone = -wCost * (min(distanceKm[i], 6000) / 3000 + MemberPreferences.deterrence(
                    ratio: attackerRatioAlone, threshold: p[CrisisParameter.deterrenceRatio.rawValue]))
                let selfThreat = wThreat * threat * reach
                let uAlone = baseline + help * (selfThreat + wSol * solidarity[i] + wReg * regimeSolidarity[i]) + tAdv
                    + costAlone + tCap + ws.noise[i]
                leadAlone = MemberPreferences.level(latent: uAlone)
            }
            if role == .adversary || role == .belligerent {
                ws.salience[i] = 1
            } else {
                var stake = abs(wSol * solidarity[i]) + abs(tAdv) + abs(wReg * regimeSolidarity[i]) + wThreat * reach * threatened[i]
                    + wEntrap * entrapment[i]
                if isLead { stake += wCap * leadCommittedElsewhere + wCred * credibilityTie[i] }
                ws.salience[i] = MemberPreferences.salience(stake: stake, floor: salFloor, scale: salScale)
            }
        }
        // The lead state first: plain members are pulled toward its position.
        if leadIndex >= 0 { prefer(leadIndex) }
        let pull = p[CrisisParameter.leadPull.rawValue]
        let leadPosition = leadIndex >= 0 ? ws.position[leadIndex] : 0
        var total = 0.0
        for i in 0..<ws.n {
            if i != leadIndex { prefer(i) }
            if leadIndex >= 0 && followsLead[i] {
                ws.position[i] += pull * dependenceOnLead[i] * (leadPosition - ws.position[i])
            }
            let w = weighsInProposal[i] ? pactExp(gamma * ws.logClout[i]) * ws.salience[i] : 0
            ws.weight[i] = w
            total += w
        }
        let inverse = total > 0 ? 1 / total : 0
        for i in 0..<ws.n { ws.weight[i] *= inverse }
        return leadAlone
    }

    /// Stage 3: the bargained proposal, then consensus (with the opt-out where it is in force),
    /// stepping down one level while anyone blocks. Records each member's stance on the first
    /// proposal.
    @inline(__always)
    func decide(_ p: UnsafeMutablePointer<Double>, _ ws: DrawWorkspace) -> Int {
        let n = ws.n
        var level = CollectiveDecision.proposal(positions: ws.position, weights: ws.weight, count: n, cap: trigger.cap.rawValue)
        let tol = p[CrisisParameter.supportTolerance.rawValue], block = p[CrisisParameter.blockThreshold.rawValue]
        let deference = p[CrisisParameter.leadDeference.rawValue], relief = p[CrisisParameter.optOutRelief.rawValue]
        // A member's request is the Council's agenda, and the lead state decides how much of it
        // goes to the table: the highest level up to the request that the lead state supports.
        if requesterIndex >= 0, leadIndex >= 0, leadIndex != requesterIndex, weighsInProposal[leadIndex] {
            level = CollectiveDecision.agenda(proposal: level, requested: Int(requestedLevel), cap: trigger.cap.rawValue,
                                              leadPosition: ws.position[leadIndex], leadSalience: ws.salience[leadIndex],
                                              tolerance: tol, blockThreshold: block)
        }
        var first = true
        while true {
            var blocked = false
            for i in 0..<n {
                let st = CollectiveDecision.stance(
                    position: ws.position[i], salience: ws.salience[i], proposal: Double(level), isRequester: i == requesterIndex,
                    tolerance: tol, blockThreshold: block, deference: deference, dependenceOnLead: dependenceOnLead[i],
                    optOut: optOutAllowed, optOutRelief: relief)
                if first {
                    ws.stance[i] = st == .support ? stanceSupport : (st == .abstain ? stanceAbstain : stanceBlock)
                }
                if st == .block {
                    blocked = true
                    if !first { break }
                }
            }
            first = false
            if !blocked || level == 0 { return level }
            level -= 1
        }
    }

    /// Stage 4: the mission and each contingent for a level-5 decision (see `ForceGeneration`);
    /// lowers `level` to 4 when too few troops come. Contributions are left in the workspace.
    @inline(__always)
    func generateForce(_ p: UnsafeMutablePointer<Double>, _ ws: DrawWorkspace, level: inout Int) -> (force: Double, days: Double) {
        let n = ws.n
        for i in 0..<n { ws.contribution[i] = 0 }
        guard level == 5 else { return (0, 0) }
        let need = ForceGeneration.need(troopsPerThreat: p[CrisisParameter.missionTroopsPerThreat.rawValue],
                                        gravity: gravity, kindFactor: kindFactor(p))
        let from = p[CrisisParameter.willingFromLevel.rawValue]
        let tol = p[CrisisParameter.supportTolerance.rawValue], block = p[CrisisParameter.blockThreshold.rawValue]
        let deference = p[CrisisParameter.leadDeference.rawValue], relief = p[CrisisParameter.optOutRelief.rawValue]
        var totalOnCall = 0.0
        for i in 0..<n where i != requesterIndex { totalOnCall += onCall[i] }
        var allies = 0.0, leadWillingness = 0.0
        for i in 0..<n where i != requesterIndex {
            let st = CollectiveDecision.stance(
                position: ws.position[i], salience: ws.salience[i], proposal: 5, isRequester: false,
                tolerance: tol, blockThreshold: block, deference: deference, dependenceOnLead: dependenceOnLead[i],
                optOut: optOutAllowed, optOutRelief: relief)
            guard st == .support else { continue }
            let willingness = ForceGeneration.willingness(position: ws.position[i], from: from)
            if i == leadIndex {
                leadWillingness = willingness
            } else {
                let c = ForceGeneration.allyContribution(onCall: onCall[i], totalOnCall: totalOnCall, need: need,
                                                         willingness: willingness)
                ws.contribution[i] = c
                allies += c
            }
        }
        var force = allies
        if leadIndex >= 0 && leadIndex != requesterIndex && leadWillingness > 0 {
            var inTheatre = 0.0
            let reach = p[CrisisParameter.spilloverDistanceKm.rawValue]
            for b in leadGarrisonPersonnel.indices {
                inTheatre += ForceGeneration.garrisonInTheatre(
                    personnel: leadGarrisonPersonnel[b], distanceKm: leadGarrisonKm[b], scaleKm: reach)
            }
            let reserve = ForceGeneration.leadReserve(onCall: onCall[leadIndex], spareCapacity: 1 - leadCommittedElsewhere,
                                                      inTheatre: inTheatre)
            let c = ForceGeneration.leadContribution(need: need, allies: allies, reserve: reserve, willingness: leadWillingness)
            ws.contribution[leadIndex] = c
            force += c
        }
        if force < p[CrisisParameter.minViableForce.rawValue] {
            level = 4
            for i in 0..<n { ws.contribution[i] = 0 }
            return (0, 0)
        }
        var nearest = Double.infinity
        for i in 0..<n where ws.contribution[i] > 0 { nearest = min(nearest, stagingKm[i]) }
        let days = ForceGeneration.daysToFirstArrival(
            nearestKm: nearest, decisionDelay: p[CrisisParameter.decisionDelayDays.rawValue],
            staging: p[CrisisParameter.stagingDays.rawValue], speedKmh: p[CrisisParameter.airliftSpeedKmh.rawValue])
        return (force, days)
    }

    /// Stage 5: whether the lead state uses its armed forces outside the organization (see `UnilateralAction`).
    @inline(__always)
    func actsAlone(_ p: UnsafeMutablePointer<Double>, leadAlone: Double, level: Int, uniform: Double) -> Bool {
        if leadIsBelligerent { return true }
        guard leadIndex >= 0, leadIndex != requesterIndex || leadOnOwnSoil else { return false }
        guard leadMayActAlone > 0 || leadOnOwnSoil else { return false }
        let prob = UnilateralAction.probability(
            ownSoil: leadOnOwnSoil, presence: leadPresence, leadPosition: leadAlone, level: level,
            committed: leadCommittedElsewhere, bias: p[CrisisParameter.unilateralBias.rawValue],
            ownSoilWeight: p[CrisisParameter.unilateralOwnSoil.rawValue],
            presenceWeight: p[CrisisParameter.unilateralPresence.rawValue],
            stakesWeight: p[CrisisParameter.unilateralStakes.rawValue],
            gapWeight: p[CrisisParameter.unilateralGapWeight.rawValue],
            capacityWeight: p[CrisisParameter.unilateralCapacity.rawValue])
        return uniform < prob
    }
}
