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
    /// `disabled` is an `InterestTerm` raw value whose weight is forced to 0, or -1.
    @inline(__always)
    func draw(plan: SamplingPlan, workspace ws: DrawWorkspace, generator g: inout SeededGenerator, disabled: Int) -> DrawResult {
        let p = ws.parameters
        plan.sample(into: p, using: &g)
        if disabled >= 0 { p[InterestTerm(rawValue: disabled)!.weight.rawValue] = 0 }
        let n = ws.n
        let crisisShock = g.nextNormal() * p[CrisisParameter.crisisNoise.rawValue]
        let memberNoise = p[CrisisParameter.memberNoise.rawValue]
        for i in 0..<n { ws.noise[i] = g.nextNormal() * memberNoise }
        let unilateralUniform = g.nextUnit()

        // Stage 1: the trigger's strength for this draw's parameters.
        let s = trigger.strength(p)

        // Stage 2: preferences and salience.
        let baseline = p[CrisisParameter.baseline.rawValue]
        let wObl = p[CrisisParameter.wTreatyObligation.rawValue], wSol = p[CrisisParameter.wSolidarity.rawValue]
        let wAdv = p[CrisisParameter.wAdversaryTies.rawValue], wReg = p[CrisisParameter.wRegimeSolidarity.rawValue]
        let wSpill = p[CrisisParameter.wSpillover.rawValue], wCap = p[CrisisParameter.wLeadCapacity.rawValue]
        let wCost = p[CrisisParameter.wCost.rawValue], wCred = p[CrisisParameter.wCredibility.rawValue]
        let wPrec = p[CrisisParameter.wPrecedent.rawValue]
        let d0 = p[CrisisParameter.spilloverDistanceKm.rawValue]
        let salFloor = p[CrisisParameter.salienceFloor.rawValue], salScale = p[CrisisParameter.salienceScale.rawValue]
        let gamma = p[CrisisParameter.cloutExponent.rawValue]
        // The value of collective action is the value of what the organization may legally do:
        // the reasons to help (solidarity, regime solidarity, spillover) count in proportion to
        // the share of the ladder open, as cost does (see CrisisSetup), and so does the reason
        // not to (ties to the adversary): a call for calm costs little with the adversary's
        // friends, a force sent against it a great deal.
        let open = openShare
        var leadAlone = 0.0
        @inline(__always) func computePreference(_ i: Int) {
            let role = roles[i]
            if role == .requester || role == .host {
                ws.position[i] = requestedLevel
                ws.salience[i] = 1
                return
            }
            let spill = MemberPreferences.spillover(distanceKm: distanceKm[i], scaleKm: d0, severity: severity)
            let tSol = open * wSol * solidarity[i], tAdv = open * wAdv * adversaryTies[i], tReg = open * wReg * regimeSolidarity[i]
            let tSpill = open * wSpill * spill, tCap = wCap * s * leadCapacity[i], tCred = wCred * s * credibilityTie[i]
            let tPrec = wPrec * precedent[i]
            let u = baseline + wObl * s + tSol + tAdv + tReg + tSpill + tCap + wCost * cost[i] + tCred + tPrec
                + crisisShock + ws.noise[i]
            ws.position[i] = MemberPreferences.level(latent: u)
            if i == leadIndex {
                // What the lead state would want to do on its own, outside the treaty: no legal
                // obligation or organizational credibility, help terms and cost at full scale,
                // its spare capacity counting in full; but an uninvited hand in a member's
                // domestic crisis is no more open to it than to the organization.
                let help = leadMayActAlone
                let uAlone = baseline + help * (wSol * solidarity[i] + wReg * regimeSolidarity[i] + wSpill * spill
                    + wCap * leadCapacity[i]) + wAdv * adversaryTies[i] + wCost * leadCostAlone + tPrec + crisisShock
                    + ws.noise[i]
                leadAlone = MemberPreferences.level(latent: uAlone)
            }
            if role == .adversary || role == .belligerent {
                ws.salience[i] = 1
            } else {
                var stake = abs(tSol) + abs(tAdv) + abs(tReg) + tSpill + abs(tPrec)
                if i == leadIndex { stake += abs(tCap) + abs(tCred) }
                ws.salience[i] = MemberPreferences.salience(stake: stake, floor: salFloor, scale: salScale)
            }
        }
        // The lead state first: plain members are pulled toward its position.
        if leadIndex >= 0 { computePreference(leadIndex) }
        let pull = p[CrisisParameter.leadPull.rawValue]
        let leadPosition = leadIndex >= 0 ? ws.position[leadIndex] : 0
        var num = 0.0, den = 0.0
        for i in 0..<n {
            if i != leadIndex { computePreference(i) }
            if leadIndex >= 0 && followsLead[i] {
                let a = pull * dependenceOnLead[i]
                ws.position[i] += a * (leadPosition - ws.position[i])
            }
            let w = pactExp(gamma * ws.logClout[i]) * ws.salience[i]
            ws.weight[i] = w
            num += w * ws.position[i]
            den += w
        }

        let inverse = den > 0 ? 1 / den : 0
        for i in 0..<n { ws.weight[i] *= inverse }

        // Stage 3: bargaining, then consensus with the opt-out where it is in force.
        let cap = trigger.cap.rawValue
        // Non-negative, so Int(x + 0.5) rounds half up like `rounded()` without a library call.
        let proposal = min(cap, Int((den > 0 ? num / den : 0) + 0.5))
        let tol = p[CrisisParameter.supportTolerance.rawValue], block = p[CrisisParameter.blockThreshold.rawValue]
        let deference = p[CrisisParameter.leadDeference.rawValue], relief = p[CrisisParameter.optOutRelief.rawValue]
        var level = proposal
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
            if !blocked || level == 0 { break }
            level -= 1
        }

        // Stage 4: force generation for level 5. Allies send their share of their assignment;
        // the lead state sends its own share and then fills the mission's shortfall from its
        // reserve (units on call for the other forces, garrisons in theatre).
        var force = 0.0, days = 0.0
        if level == 5 {
            let share = p[CrisisParameter.deployShare.rawValue], from = p[CrisisParameter.willingFromLevel.rawValue]
            var nearest = Double.infinity
            var leadWillingness = 0.0
            for i in 0..<n {
                var c = 0.0
                if i != requesterIndex && (assigned[i] > 0 || i == leadIndex) {
                    let st = CollectiveDecision.stance(
                        position: ws.position[i], salience: ws.salience[i], proposal: 5, isRequester: false,
                        tolerance: tol, blockThreshold: block, deference: deference, dependenceOnLead: dependenceOnLead[i],
                        optOut: optOutAllowed, optOutRelief: relief)
                    if st == .support {
                        let willingness = ForceGeneration.willingness(position: ws.position[i], from: from)
                        let spare = i == leadIndex ? 1 - leadCommittedElsewhere : 1
                        if i == leadIndex { leadWillingness = willingness }
                        c = ForceGeneration.contribution(
                            assigned: assigned[i], share: share, willingness: willingness, spareCapacity: spare)
                    }
                }
                ws.contribution[i] = c
                force += c
            }
            if leadIndex >= 0 && leadWillingness > 0 {
                let own = ws.contribution[leadIndex]
                var inTheatre = 0.0
                let reach = p[CrisisParameter.spilloverDistanceKm.rawValue]
                for b in leadGarrisonPersonnel.indices {
                    inTheatre += ForceGeneration.garrisonInTheatre(
                        personnel: leadGarrisonPersonnel[b], distanceKm: leadGarrisonKm[b], scaleKm: reach)
                }
                let reserve = ForceGeneration.leadReserve(
                    onCall: leadOnCall, spareCapacity: 1 - leadCommittedElsewhere, inTheatre: inTheatre)
                let c = ForceGeneration.leadContribution(
                    ownShare: own, mission: share * missionAssigned, allies: force - own, reserve: reserve,
                    willingness: leadWillingness)
                ws.contribution[leadIndex] = c
                force += c - own
            }
            for i in 0..<n where ws.contribution[i] > 0 { nearest = min(nearest, stagingKm[i]) }
            if force < p[CrisisParameter.minViableForce.rawValue] {
                level = 4
                force = 0
                for i in 0..<n { ws.contribution[i] = 0 }
            } else {
                days = ForceGeneration.daysToFirstArrival(
                    nearestKm: nearest, decisionDelay: p[CrisisParameter.decisionDelayDays.rawValue],
                    staging: p[CrisisParameter.stagingDays.rawValue], speedKmh: p[CrisisParameter.airliftSpeedKmh.rawValue])
            }
        } else {
            for i in 0..<n { ws.contribution[i] = 0 }
        }

        // Stage 5: the lead state alone.
        var unilateral = false
        if leadIsBelligerent {
            unilateral = true
        } else if leadIndex >= 0 {
            let prob = UnilateralAction.probability(
                leadPosition: leadAlone, level: level, bias: p[CrisisParameter.unilateralBias.rawValue],
                gapWeight: p[CrisisParameter.unilateralGapWeight.rawValue])
            unilateral = unilateralUniform < prob
        }

        // Stage 6: consequences.
        let satisfaction = Consequences.satisfaction(requested: requestedLevel, got: level)
        return DrawResult(level: level, unilateral: unilateral, force: force, days: days, satisfaction: satisfaction, strength: s)
    }
}
