import Foundation
import PactModel

/// One tie of a member to another actor, as the member's anchor reads it.
struct Tie: Sendable {
    let other: ActorID
    /// Index of `other` among the outlook's members, -1 when it was not a party at the start.
    let member: Int
    let isLead: Bool
    /// Capability index of `other` (0 when it has no attributes).
    let size: Double
    /// Affinity of the member toward `other` and of `other` toward the member, on the start day.
    let toward: Double
    let from: Double
    /// Dependence of the member on `other`, frozen at the start (economic ties move slowly).
    let dependence: Double
    /// True when `other` was not a party at the start: a candidate outside option.
    let isOutside: Bool
    /// True when `other` is not a full member but the landscape puts it in the alliance's bloc at
    /// the start (`OutlookSetup.alliedOutsiders`): friendship with it does not pull out.
    let isAllied: Bool
    /// Index of the pair's `RelationTrend`, -1 when its relation does not move.
    let trend: Int
}

/// A member's structural anchor and its terms, for the relations shifted by a run's trends and
/// the run's current statuses.
///
///     anchor = logistic(intercept + loyalty·a(m→lead) + need·d(m→lead) − tension·T − outside·O)
///
/// - loyalty: the (shifted) affinity toward the lead state; 1 for the lead state itself;
/// - tension T = Σ_j s_j p_mj (out_j − in_j) / Σ_j s_j |p_mj|, with p_mj the pair's (shifted) mean
///   affinity and in_j = 1 for the lead state, the members that are full members now and the
///   outsiders the landscape puts beside them at the start: the landscape's normalised gain for m
///   from leaving the alliance's bloc;
/// - outside option O = max over non-parties j outside the alliance's bloc of
///   (max(0, a(m→j)) + d(m→j)) / 2: a partner standing beside the alliance is no alternative to it.
struct AnchorTerms {
    var loyalty = 0.0
    var need = 0.0
    var tension = 0.0
    var outsideOption = 0.0
    var bestOutside: ActorID?
    var anchor = 0.0

    /// - Parameters:
    ///   - shifts: the run's shift of each `RelationTrend` (empty: no shift).
    ///   - isFull: whether each outlook member is a full member now.
    init(_ ties: [Tie], isLead: Bool, shifts: [Double], isFull: [Bool], parameters p: OutlookParameters) {
        loyalty = isLead ? 1 : 0
        var pull = 0.0, scale = 0.0
        for tie in ties {
            let shift = tie.trend >= 0 && !shifts.isEmpty ? shifts[tie.trend] : 0
            let toward = Self.clamp(tie.toward + shift)
            if tie.isLead && !isLead {
                loyalty = toward
                need = tie.dependence
            }
            // The pair's mean affinity moves by the shift (clamped as a whole, like `toward`).
            let propensity = Self.clamp((tie.toward + tie.from) / 2 + shift)
            let inside = tie.isLead || (tie.member >= 0 ? isFull[tie.member] : tie.isAllied)
            pull += tie.size * propensity * (inside ? -1 : 1)
            scale += tie.size * abs(propensity)
            if tie.isOutside && !tie.isAllied {
                let option = (max(0, toward) + tie.dependence) / 2
                if option > outsideOption {
                    outsideOption = option
                    bestOutside = tie.other
                }
            }
        }
        tension = scale > 0 ? pull / scale : 0
        let logit = p.anchorIntercept + p.loyaltyWeight * loyalty + p.needWeight * need
            - p.tensionWeight * tension - p.outsideWeight * outsideOption
        anchor = 1 / (1 + exp(-logit))
    }

    static func clamp(_ x: Double) -> Double { min(1, max(-1, x)) }
}
