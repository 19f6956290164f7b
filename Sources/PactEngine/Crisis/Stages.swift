import Foundation
import PactModel

/// Stage 2: a member's preferred level and salience from its interest terms.
///
/// The latent support of member i is a linear index of named terms,
///
///     u_i = baseline + Σ_k w_k · x_ik + η + ε_i,
///
/// with a crisis-wide shock η ~ N(0, crisis_noise²) shared by all members and an idiosyncratic
/// ε_i ~ N(0, member_noise²); the preferred level is `5 · logistic(u_i)`, a continuous point on
/// the 0...5 ladder. The terms x_ik are listed in `InterestTerm`; every weight is ≥ 0 and each
/// term's sign is fixed, so a graver threat, a firmer obligation or closer solidarity can only
/// raise a member's preferred level, and a costlier operation can only lower it.
public enum MemberPreferences {
    /// The preferred ladder level for a latent support `u`: 5 / (1 + e^-u).
    @inline(__always)
    public static func level(latent u: Double) -> Double { 5 / (1 + pactExp(-u)) }

    /// Salience in [floor, 1): how engaged the member's own interests are. `stake` is the sum of
    /// the weighted member-specific terms that do not depend on the crisis's gravity or legal
    /// basis (solidarity, adversary ties, regime solidarity, the threat's reach, entrapment, and
    /// for the lead state capacity and credibility), so that a graver or better-founded crisis
    /// moves positions, never bargaining weights.
    ///
    ///     salience = floor + (1 - floor) · (1 - e^(-stake / scale))
    @inline(__always)
    public static func salience(stake: Double, floor: Double, scale: Double) -> Double {
        floor + (1 - floor) * (1 - pactExp(-stake / scale))
    }

    /// How far a threat reaches a member: floor + (1 - floor) · exp(-distance / d0). An attack
    /// on one member is partly an attack on all (the floor); neighbours feel it most.
    @inline(__always)
    public static func reach(distanceKm: Double, scaleKm: Double, floor: Double) -> Double {
        floor + (1 - floor) * pactExp(-distanceKm / scaleKm)
    }

    /// The attacker's kind factor: 1 for a state, `nonstate` (≤ 1) for armed groups, `nonstate ·
    /// internal` for home-grown unrest, plus `backing` times the outside backing (0, ½ alleged,
    /// 1 evident). A state's attack is never rated a lesser threat than the same by armed groups.
    @inline(__always)
    public static func kindFactor(state: Bool, isInternal: Bool, backing: Double, nonstateShare: Double,
                                  internalShare: Double, backingWeight: Double) -> Double {
        let base = state ? 1 : (isInternal ? nonstateShare * internalShare : nonstateShare)
        return base + backingWeight * backing
    }

    /// Deterrence in the cost term: max(0, r − ρ) / (1 + r), r the attacker's capability over
    /// that of the members that would act. An attacker weaker than ρ of them deters nothing; a
    /// much stronger one approaches 1.
    @inline(__always)
    public static func deterrence(ratio r: Double, threshold rho: Double) -> Double {
        max(0, r - rho) / (1 + r)
    }

    /// The reliability of a member's obligation (Leeds 2003: non-democracies and major powers
    /// renege more): 1 − reneging_autocracy · autocracy − reneging_major_power · [lead state],
    /// at least 0.
    @inline(__always)
    public static func reliability(autocracy: Double, isLead: Bool, autocracyWeight: Double, majorPowerWeight: Double) -> Double {
        max(0, 1 - autocracyWeight * autocracy - (isLead ? majorPowerWeight : 0))
    }
}

/// Stage 3: the collective decision.
///
/// Bargaining: the proposal is the capability- and salience-weighted mean of the preferred
/// levels, weights `clout_i^clout_exponent · salience_i` (the requester's position is what it
/// asked for), rounded to the nearest level and capped by the legal trigger. Decision rule:
/// consensus. Each member takes a stance on the proposal (`stance(...)`); if anyone blocks, the
/// proposal drops one level and the members take stances again, down to level 0 (doing nothing
/// needs no vote).
public enum CollectiveDecision {
    /// A member's stance on a proposed level.
    ///
    /// - A member that wants at least `proposal - tolerance` supports; the requester always
    ///   supports help for itself.
    /// - A member that wants less resists with strength `r = (proposal - position) · salience`,
    ///   against its threshold `T = block_threshold · (1 + lead_deference · dependence on the lead)`
    ///   (defying the lead state costs a dependent member more).
    /// - Plain consensus (before the opt-out): `r > T` blocks, otherwise it goes along (supports).
    /// - With the opt-out in force: `r ≤ T` still goes along; `T < r ≤ T · (1 + opt_out_relief)`
    ///   abstains (stays out without stopping the others); only `r > T · (1 + opt_out_relief)`
    ///   blocks. The opt-out thus turns would-be vetoes into abstentions, as the 2010 "consensus
    ///   minus" intended, and leaves a veto for strong resistance.
    @inline(__always)
    public static func stance(position: Double, salience: Double, proposal: Double, isRequester: Bool,
                              tolerance: Double, blockThreshold: Double, deference: Double, dependenceOnLead: Double,
                              optOut: Bool, optOutRelief: Double) -> Stance {
        if isRequester { return .support }
        let gap = proposal - position
        if gap <= tolerance { return .support }
        let resistance = gap * salience
        let threshold = blockThreshold * (1 + deference * dependenceOnLead)
        if resistance <= threshold { return .support }
        if optOut && resistance <= threshold * (1 + optOutRelief) { return .abstain }
        return .block
    }

    /// The bargained proposal: round(Σ w_i p_i / Σ w_i) capped at `cap` (0 when no one weighs).
    public static func proposal(positions: [Double], weights: [Double], cap: Int) -> Int {
        positions.withUnsafeBufferPointer { p in
            weights.withUnsafeBufferPointer { w in
                proposal(positions: p.baseAddress!, weights: w.baseAddress!, count: positions.count, cap: cap)
            }
        }
    }

    /// The same on raw buffers, as a draw keeps them.
    @inline(__always)
    static func proposal(positions: UnsafePointer<Double>, weights: UnsafePointer<Double>, count: Int, cap: Int) -> Int {
        var num = 0.0, den = 0.0
        for i in 0..<count {
            num += weights[i] * positions[i]
            den += weights[i]
        }
        // Non-negative, so Int(x + 0.5) rounds half up like `rounded()` without a library call.
        return min(cap, Int((den > 0 ? num / den : 0) + 0.5))
    }

    /// The consensus rule on plain arrays (for tests and tools): the level adopted and each
    /// member's stance on the first proposal.
    /// The request as the Council's agenda: from min(requested, cap) down, the highest level the
    /// lead state supports (its stance with no opt-out), or the bargained proposal if that is
    /// higher. Only for a request by a member other than the lead state that the lead state
    /// weighs in; it can only raise the proposal, and it rises with the lead state's position.
    @inline(__always)
    public static func agenda(proposal: Int, requested: Int, cap: Int, leadPosition: Double, leadSalience: Double,
                              tolerance: Double, blockThreshold: Double) -> Int {
        var level = min(requested, cap)
        while level > proposal {
            let st = stance(position: leadPosition, salience: leadSalience, proposal: Double(level), isRequester: false,
                            tolerance: tolerance, blockThreshold: blockThreshold, deference: 0, dependenceOnLead: 0,
                            optOut: false, optOutRelief: 0)
            if st == .support { break }
            level -= 1
        }
        return max(proposal, level)
    }

    /// `lead` and `requested`: the lead state's index and the level a member other than the lead
    /// state asked for, when there is such a request (the agenda rule above); nil otherwise.
    public static func decide(positions: [Double], saliences: [Double], clout: [Double], dependenceOnLead: [Double],
                              requester: Int?, cap: Int, cloutExponent: Double, tolerance: Double,
                              blockThreshold: Double, deference: Double, optOut: Bool, optOutRelief: Double,
                              lead: Int? = nil, requested: Int? = nil)
        -> (level: Int, proposal: Int, stances: [Stance])
    {
        let weights = positions.indices.map { pow(clout[$0], cloutExponent) * saliences[$0] }
        var first = proposal(positions: positions, weights: weights, cap: cap)
        if let lead, let requested, lead != requester {
            first = agenda(proposal: first, requested: requested, cap: cap, leadPosition: positions[lead],
                           leadSalience: saliences[lead], tolerance: tolerance, blockThreshold: blockThreshold)
        }
        func stances(at level: Int) -> [Stance] {
            positions.indices.map {
                stance(position: positions[$0], salience: saliences[$0], proposal: Double(level), isRequester: $0 == requester,
                       tolerance: tolerance, blockThreshold: blockThreshold, deference: deference,
                       dependenceOnLead: dependenceOnLead[$0], optOut: optOut, optOutRelief: optOutRelief)
            }
        }
        let initial = stances(at: first)
        var level = first
        while level > 0 && stances(at: level).contains(.block) { level -= 1 }
        return (level, first, initial)
    }
}

/// Stage 4: force generation and deployment, for draws that reach level 5.
///
/// The council plans a mission from the threat, not from a force's label:
///
///     need = mission_troops_per_threat · gravity · kind factor
///
/// (Kazakhstan 2022: about 2,000–2,500 planned for 225 deaths over two weeks). Members share it
/// in proportion to what they have on call for the organization's deployable forces: ally i
/// sends `willingness_i · min(on call_i, need · on call_i / Σ on call)`, its fair share times its
/// willingness (allies sent token companies and battalions). The lead state then fills the
/// shortfall, times its willingness, from its reserve: its units on call times its spare capacity
/// (1 − committed elsewhere), plus its garrisons near the crisis, each weighted by
/// `exp(-distance / spillover_distance_km)`: troops already in the region are not tied down
/// elsewhere.
///
///     c_lead = willingness_lead · min(max(0, need − Σ allies), reserve)
///
/// Willingness rises linearly from 0 at `willing_from_level` to 1 at level 5; only members that
/// support level 5 send troops, and the requester sends none to its own soil. If the total is
/// below `min_viable_force` no force forms and the level falls to 4 (aid). The first troops land
/// `decision_delay_days + staging_days + distance / airlift speed` after the request, from the
/// nearest contributor (its capital or one of its bases). The model does not track sealift, road
/// moves or the build-up after the first echelon.
public enum ForceGeneration {
    @inline(__always)
    public static func willingness(position: Double, from threshold: Double) -> Double {
        guard threshold < 5 else { return position >= 5 ? 1 : 0 }
        return min(1, max(0, (position - threshold) / (5 - threshold)))
    }

    /// The troops the council plans for the mission.
    @inline(__always)
    public static func need(troopsPerThreat: Double, gravity: Double, kindFactor: Double) -> Double {
        max(0, troopsPerThreat * gravity * kindFactor)
    }

    /// An ally's contingent: its willingness times its fair share of the mission, at most what it has on call.
    @inline(__always)
    public static func allyContribution(onCall: Double, totalOnCall: Double, need: Double, willingness: Double) -> Double {
        guard totalOnCall > 0 else { return 0 }
        return willingness * min(onCall, need * onCall / totalOnCall)
    }

    /// The part of a garrison that counts as in theatre: its personnel times
    /// `exp(-distance / scale)`, all of it at the crisis, about a third one scale away.
    @inline(__always)
    public static func garrisonInTheatre(personnel: Double, distanceKm: Double, scaleKm: Double) -> Double {
        personnel * pactExp(-distanceKm / scaleKm)
    }

    /// The lead state's reserve: its units on call, of which only the spare share is free, plus
    /// its garrisons in theatre, which are free whatever the commitments elsewhere.
    @inline(__always)
    public static func leadReserve(onCall: Double, spareCapacity: Double, inTheatre: Double) -> Double {
        onCall * spareCapacity + inTheatre
    }

    /// The lead state's contingent: willingness · min(max(0, need − allies), reserve).
    @inline(__always)
    public static func leadContribution(need: Double, allies: Double, reserve: Double, willingness: Double) -> Double {
        willingness * min(max(0, need - allies), reserve)
    }

    @inline(__always)
    public static func daysToFirstArrival(nearestKm: Double, decisionDelay: Double, staging: Double, speedKmh: Double) -> Double {
        decisionDelay + staging + nearestKm / (speedKmh * 24)
    }
}

/// Stage 5: the lead state's own armed action, outside the organization's framework.
///
/// `unilateral` means the lead state uses its armed forces in the crisis outside the
/// organization: on its own soil too (an attack or armed mutiny it fights itself), and under
/// bilateral or Union State arrangements; police and security services alone do not count, nor
/// do deliveries of arms and equipment. It may accompany collective action as well as replace it.
///
/// A lead state that is itself a belligerent acts by definition. Otherwise
///
///     P = logistic(unilateral_bias + unilateral_own_soil · [armed threat on its own soil]
///                  + unilateral_presence · presence + unilateral_stakes · p_alone / 5
///                  + unilateral_gap_weight · max(0, p_alone − level) / 5
///                  − unilateral_capacity · committed elsewhere)
///
/// where `presence` is its garrisons and bilateral commitments in the location member and
/// `p_alone` the level it would want on its own account, outside the treaty (its interest terms
/// without the legal obligation and credibility): the more it cares, and the further the
/// organization falls short of that, the likelier it acts (arms in 1999, peacekeepers in
/// Karabakh in 2020, the 201st base reinforced beside the organization in 2021).
public enum UnilateralAction {
    @inline(__always)
    public static func probability(ownSoil: Bool, presence: Double, leadPosition: Double, level: Int, committed: Double,
                                   bias: Double, ownSoilWeight: Double, presenceWeight: Double, stakesWeight: Double,
                                   gapWeight: Double, capacityWeight: Double) -> Double {
        let gap = max(0, leadPosition - Double(level)) / 5
        let z = bias + (ownSoil ? ownSoilWeight : 0) + presenceWeight * presence + stakesWeight * leadPosition / 5
            + gapWeight * gap - capacityWeight * committed
        return 1 / (1 + pactExp(-z))
    }
}

/// Stage 6: consequences for the requester.
public enum Consequences {
    /// The requester's satisfaction in [0, 1]: 1 - shortfall / requested, where the shortfall is
    /// how many ladder levels below its request the organization stopped.
    @inline(__always)
    public static func satisfaction(requested: Double, got level: Int) -> Double {
        guard requested > 0 else { return 1 }
        return 1 - max(0, requested - Double(level)) / requested
    }
}
