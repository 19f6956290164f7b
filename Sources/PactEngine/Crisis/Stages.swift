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
/// the 0...5 ladder. The terms x_ik are listed in `InterestTerm` and computed in `CrisisSetup`.
public enum MemberPreferences {
    /// The preferred ladder level for a latent support `u`: 5 / (1 + e^-u).
    @inline(__always)
    public static func level(latent u: Double) -> Double { 5 / (1 + pactExp(-u)) }

    /// Salience in [floor, 1): how engaged the member's own interests are. `stake` is the sum of
    /// the absolute weighted terms that differ between members (solidarity, adversary ties,
    /// regime solidarity, spillover, precedent, and for the lead state capacity and credibility);
    /// the treaty obligation and cost, common to all, do not make a member care more.
    ///
    ///     salience = floor + (1 - floor) · (1 - e^(-stake / scale))
    @inline(__always)
    public static func salience(stake: Double, floor: Double, scale: Double) -> Double {
        floor + (1 - floor) * (1 - pactExp(-stake / scale))
    }

    /// Spillover threat: exp(-distance / d0) · severity, 1 at the location itself for the worst crises.
    @inline(__always)
    public static func spillover(distanceKm: Double, scaleKm: Double, severity: Double) -> Double {
        pactExp(-distanceKm / scaleKm) * severity
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

    /// The bargained proposal: round(Σ w_i p_i / Σ w_i) capped at `cap`.
    public static func proposal(positions: [Double], weights: [Double], cap: Int) -> Int {
        var num = 0.0, den = 0.0
        for i in positions.indices {
            num += weights[i] * positions[i]
            den += weights[i]
        }
        return min(cap, Int((den > 0 ? num / den : 0).rounded()))
    }

    /// The consensus rule on plain arrays (for tests and tools): the level adopted and each
    /// member's stance on the first proposal.
    public static func decide(positions: [Double], saliences: [Double], clout: [Double], dependenceOnLead: [Double],
                              requester: Int?, cap: Int, cloutExponent: Double, tolerance: Double,
                              blockThreshold: Double, deference: Double, optOut: Bool, optOutRelief: Double)
        -> (level: Int, proposal: Int, stances: [Stance])
    {
        let weights = positions.indices.map { pow(clout[$0], cloutExponent) * saliences[$0] }
        let first = proposal(positions: positions, weights: weights, cap: cap)
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
/// Each supporting member other than the requester sends `deploy_share · assigned · willingness`
/// of the troops it has assigned to the collective force used (the lead state times its spare
/// capacity, 1 - committed elsewhere). Willingness rises linearly from 0 at `willing_from_level`
/// to 1 at level 5.
///
/// The lead state then fills the mission. The mission is what the council plans: `deploy_share`
/// of the force the members other than the requester have assigned (Kazakhstan 2022: about
/// 2,030–2,500 of ~3,100). Allies send what their assignment and will allow, the smaller ones
/// token companies and battalions; the lead state makes up the shortfall, times its willingness,
/// from its reserve: the units it keeps on call for the organization's other rapid-reaction and
/// peacekeeping forces (for the CSTO, the airborne division and air-assault brigade assigned to
/// the rapid-reaction forces), times its spare capacity, plus its garrisons near the crisis, each
/// weighted by `exp(-distance / spillover_distance_km)`: troops already in the region are not tied
/// down elsewhere and can be committed at once. That is why the lead state supplied most of the
/// 2022 force although it had assigned less than half of the peacekeeping forces.
///
/// If the total is below `min_viable_force` no force forms and the level falls to 4 (aid). The
/// first troops land `decision_delay_days + staging_days + distance / airlift speed` after the
/// request, from the nearest contributor (its capital or one of its bases). Airlift speed is a
/// block speed for transport aircraft (Il-76 cruise ~750 km/h, less climb, routing and
/// turnaround); the delays cover the council's decision and loading the first echelon. The model
/// does not track sealift, road moves or the build-up after the first echelon.
public enum ForceGeneration {
    @inline(__always)
    public static func willingness(position: Double, from threshold: Double) -> Double {
        guard threshold < 5 else { return position >= 5 ? 1 : 0 }
        return min(1, max(0, (position - threshold) / (5 - threshold)))
    }

    @inline(__always)
    public static func contribution(assigned: Double, share: Double, willingness: Double, spareCapacity: Double) -> Double {
        assigned * share * willingness * spareCapacity
    }

    /// The part of a garrison that counts as in theatre: its personnel times
    /// `exp(-distance / scale)`, all of it at the crisis, about a third one scale away.
    @inline(__always)
    public static func garrisonInTheatre(personnel: Double, distanceKm: Double, scaleKm: Double) -> Double {
        personnel * pactExp(-distanceKm / scaleKm)
    }

    /// The lead state's reserve beyond its assignment to the force used: the units it keeps on
    /// call for the organization's other forces, of which only the spare share is free, plus its
    /// garrisons in theatre, which are free whatever the commitments elsewhere.
    @inline(__always)
    public static func leadReserve(onCall: Double, spareCapacity: Double, inTheatre: Double) -> Double {
        onCall * spareCapacity + inTheatre
    }

    /// The lead state's contingent: its own share of the force used, plus, times its willingness,
    /// what it fills from its reserve of the shortfall between the mission and what the allies
    /// and its own share provide.
    ///
    ///     c_lead = own + willingness · min(max(0, mission − allies − own), reserve)
    @inline(__always)
    public static func leadContribution(ownShare: Double, mission: Double, allies: Double, reserve: Double,
                                        willingness: Double) -> Double {
        let shortfall = max(0, mission - allies - ownShare)
        return ownShare + willingness * min(shortfall, reserve)
    }

    @inline(__always)
    public static func daysToFirstArrival(nearestKm: Double, decisionDelay: Double, staging: Double, speedKmh: Double) -> Double {
        decisionDelay + staging + nearestKm / (speedKmh * 24)
    }
}

/// Stage 5: the lead state acting alone, outside the organization.
///
/// If the lead state is itself a party to the fighting (and not the requester), it is acting
/// alone by definition. Otherwise it acts alone with probability
/// `logistic(unilateral_bias + unilateral_gap_weight · max(0, p_alone - level) / 5)`, where
/// `p_alone` is the level the lead state would want on its own account, outside the treaty (its
/// interest terms without the legal obligation and credibility, unscaled by the legal cap): the
/// further the organization falls short of that, the likelier it substitutes its own action
/// (arms in 1999, peacekeepers in Karabakh in 2020).
public enum UnilateralAction {
    @inline(__always)
    public static func probability(leadPosition: Double, level: Int, bias: Double, gapWeight: Double) -> Double {
        let gap = max(0, leadPosition - Double(level)) / 5
        return 1 / (1 + pactExp(-(bias + gapWeight * gap)))
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
