import PactModel

/// Every parameter the crisis engine reads, by name. The values, ranges and explanations live in
/// the parameter file (`Parameters/default.yaml`); this list is how the engine finds them fast:
/// a draw reads parameter `k` from slot `k` of a flat buffer instead of a dictionary.
public enum CrisisParameter: Int, CaseIterable, Sendable {
    // Legal trigger strengths and the members' reliability.
    case strengthStateAttack, strengthAllegedBacking, strengthNonstateAttack, strengthAssistance, strengthConsultations
    case frozenRequesterDiscount, renegingAutocracy, renegingMajorPower
    // Member preferences: intercept, term weights, shapes, noise, salience.
    case baseline
    case wTreatyObligation, wThreat, wSolidarity, wAdversaryTies, wRegimeSolidarity, wLeadCapacity, wCost
    case wCredibility, wPrecedent, wEntrapment, entrapmentCeiling, wConflictManagement, conflictManagementCeiling
    case threatNonstateShare, threatInternalShare, threatBacking, threatReachFloor, deterrenceRatio
    case spilloverDistanceKm, leadPull, memberNoise, crisisNoise, salienceFloor, salienceScale
    // Collective decision.
    case cloutExponent, supportTolerance, blockThreshold, leadDeference, optOutRelief
    // Force generation and deployment.
    case missionTroopsPerThreat, willingFromLevel, minViableForce, decisionDelayDays, stagingDays, airliftSpeedKmh
    // Unilateral action.
    case unilateralBias, unilateralGapWeight, unilateralOwnSoil, unilateralPresence, unilateralStakes, unilateralCapacity

    /// The name used in parameter files, scenario `uncertainty` blocks and output.
    public var name: String {
        switch self {
        case .strengthStateAttack: "strength_state_attack"
        case .strengthAllegedBacking: "strength_alleged_backing"
        case .strengthNonstateAttack: "strength_nonstate_attack"
        case .strengthAssistance: "strength_assistance"
        case .strengthConsultations: "strength_consultations"
        case .frozenRequesterDiscount: "frozen_requester_discount"
        case .renegingAutocracy: "reneging_autocracy"
        case .renegingMajorPower: "reneging_major_power"
        case .baseline: "baseline"
        case .wTreatyObligation: "w_treaty_obligation"
        case .wThreat: "w_threat"
        case .wSolidarity: "w_solidarity"
        case .wAdversaryTies: "w_adversary_ties"
        case .wRegimeSolidarity: "w_regime_solidarity"
        case .wLeadCapacity: "w_lead_capacity"
        case .wCost: "w_cost"
        case .wCredibility: "w_credibility"
        case .wPrecedent: "w_precedent"
        case .wEntrapment: "w_entrapment"
        case .entrapmentCeiling: "entrapment_ceiling"
        case .wConflictManagement: "w_conflict_management"
        case .conflictManagementCeiling: "conflict_management_ceiling"
        case .threatNonstateShare: "threat_nonstate_share"
        case .threatInternalShare: "threat_internal_share"
        case .threatBacking: "threat_backing"
        case .threatReachFloor: "threat_reach_floor"
        case .deterrenceRatio: "deterrence_ratio"
        case .spilloverDistanceKm: "spillover_distance_km"
        case .leadPull: "lead_pull"
        case .memberNoise: "member_noise"
        case .crisisNoise: "crisis_noise"
        case .salienceFloor: "salience_floor"
        case .salienceScale: "salience_scale"
        case .cloutExponent: "clout_exponent"
        case .supportTolerance: "support_tolerance"
        case .blockThreshold: "block_threshold"
        case .leadDeference: "lead_deference"
        case .optOutRelief: "opt_out_relief"
        case .missionTroopsPerThreat: "mission_troops_per_threat"
        case .willingFromLevel: "willing_from_level"
        case .minViableForce: "min_viable_force"
        case .decisionDelayDays: "decision_delay_days"
        case .stagingDays: "staging_days"
        case .airliftSpeedKmh: "airlift_speed_kmh"
        case .unilateralBias: "unilateral_bias"
        case .unilateralGapWeight: "unilateral_gap_weight"
        case .unilateralOwnSoil: "unilateral_own_soil"
        case .unilateralPresence: "unilateral_presence"
        case .unilateralStakes: "unilateral_stakes"
        case .unilateralCapacity: "unilateral_capacity"
        }
    }

    public static func named(_ name: String) -> CrisisParameter? { allCases.first { $0.name == name } }

    /// The stage a parameter belongs to, for calibrators and documentation.
    public enum Stage: String, Sendable, CaseIterable {
        case trigger, preferences, decision, force, unilateral
    }

    public var stage: Stage {
        switch self {
        case .strengthStateAttack, .strengthAllegedBacking, .strengthNonstateAttack, .strengthAssistance,
            .strengthConsultations, .frozenRequesterDiscount, .renegingAutocracy, .renegingMajorPower:
            .trigger
        case .baseline, .wTreatyObligation, .wThreat, .wSolidarity, .wAdversaryTies, .wRegimeSolidarity, .wLeadCapacity,
            .wCost, .wCredibility, .wPrecedent, .wEntrapment, .entrapmentCeiling, .wConflictManagement, .conflictManagementCeiling, .threatNonstateShare, .threatInternalShare, .threatBacking,
            .threatReachFloor, .deterrenceRatio, .spilloverDistanceKm, .leadPull, .memberNoise, .crisisNoise,
            .salienceFloor, .salienceScale:
            .preferences
        case .cloutExponent, .supportTolerance, .blockThreshold, .leadDeference, .optOutRelief: .decision
        case .missionTroopsPerThreat, .willingFromLevel, .minViableForce, .decisionDelayDays, .stagingDays, .airliftSpeedKmh:
            .force
        case .unilateralBias, .unilateralGapWeight, .unilateralOwnSoil, .unilateralPresence, .unilateralStakes,
            .unilateralCapacity:
            .unilateral
        }
    }

    /// The parameters that shape which ladder level a crisis reaches and that a calibrator on
    /// historical levels can identify: the intercept and the interest-term weights, the trigger
    /// strengths, and the decision rule's thresholds. Force, timing and unilateral parameters
    /// do not move the level (except `min_viable_force` at the margin) and are left to their
    /// documented values.
    public static var levelWeights: [CrisisParameter] {
        [.baseline] + InterestTerm.allCases.map(\.weight)
            + [.strengthStateAttack, .strengthAllegedBacking, .strengthNonstateAttack, .strengthAssistance,
               .strengthConsultations, .leadPull, .cloutExponent, .blockThreshold, .optOutRelief]
    }
}

/// The named interest terms of a member's preference. Each has a weight parameter; the drivers
/// of a forecast are measured by switching one term's weight to zero.
public enum InterestTerm: Int, CaseIterable, Sendable {
    case treatyObligation, threat, solidarity, adversaryTies, regimeSolidarity, cost, leadCapacity, credibility,
        precedent, entrapment, conflictManagement

    public var name: String {
        switch self {
        case .treatyObligation: "treaty_obligation"
        case .threat: "threat"
        case .solidarity: "solidarity"
        case .adversaryTies: "adversary_ties"
        case .regimeSolidarity: "regime_solidarity"
        case .cost: "cost"
        case .leadCapacity: "lead_capacity"
        case .credibility: "credibility"
        case .precedent: "precedent"
        case .entrapment: "entrapment"
        case .conflictManagement: "conflict_management"
        }
    }

    /// The parameter holding the term's weight.
    public var weight: CrisisParameter {
        switch self {
        case .treatyObligation: .wTreatyObligation
        case .threat: .wThreat
        case .solidarity: .wSolidarity
        case .adversaryTies: .wAdversaryTies
        case .regimeSolidarity: .wRegimeSolidarity
        case .cost: .wCost
        case .leadCapacity: .wLeadCapacity
        case .credibility: .wCredibility
        case .precedent: .wPrecedent
        case .entrapment: .wEntrapment
        case .conflictManagement: .wConflictManagement
        }
    }
}

/// Errors that stop a crisis run before any draw: the inputs do not describe a runnable crisis.
public struct CrisisModelError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// How a `ParameterSet` is sampled in each draw: flat arrays in `CrisisParameter` order.
///
/// Each parameter is drawn from a triangular distribution on [low, high] with its mode at the
/// default: the default is the most plausible value, the range bounds what a reader would still
/// accept, and the density falls linearly toward the bounds. A fixed parameter (low == high)
/// costs one uniform, so that every draw consumes the same count of random numbers whatever the
/// ranges (common random numbers between runs that differ only in parameters).
public struct SamplingPlan: Sendable {
    let low: [Double]
    let high: [Double]
    let mode: [Double]
    /// The CDF at the mode, (mode - low) / (high - low); 0 for fixed parameters.
    let modeCDF: [Double]

    public var count: Int { low.count }

    public init(_ parameters: ParameterSet) throws {
        var low: [Double] = [], high: [Double] = [], mode: [Double] = [], cdf: [Double] = []
        var missing: [String] = []
        for parameter in CrisisParameter.allCases {
            guard let p = parameters[parameter.name] else {
                missing.append(parameter.name)
                continue
            }
            guard p.low <= p.high, p.low <= p.defaultValue, p.defaultValue <= p.high else {
                throw CrisisModelError("parameter \(p.name): the default \(p.defaultValue) must lie in [low, high] = [\(p.low), \(p.high)]")
            }
            low.append(p.low)
            high.append(p.high)
            mode.append(p.defaultValue)
            cdf.append(p.high > p.low ? (p.defaultValue - p.low) / (p.high - p.low) : 0)
        }
        guard missing.isEmpty else {
            throw CrisisModelError("the parameter set lacks \(missing.joined(separator: ", "))")
        }
        self.low = low
        self.high = high
        self.mode = mode
        self.modeCDF = cdf
    }

    /// Draws every parameter into `values` (one uniform each).
    @inline(__always)
    func sample(into values: UnsafeMutablePointer<Double>, using generator: inout SeededGenerator) {
        for k in 0..<low.count {
            let u = generator.nextUnit()
            let a = low[k], b = high[k], c = mode[k]
            if b == a {
                values[k] = a
            } else if u < modeCDF[k] {
                values[k] = a + (u * (b - a) * (c - a)).squareRoot()
            } else {
                values[k] = b - ((1 - u) * (b - a) * (b - c)).squareRoot()
            }
        }
    }
}
