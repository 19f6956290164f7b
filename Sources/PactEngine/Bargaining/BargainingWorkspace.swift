import Foundation

/// The arithmetic of one bargaining run, on flat buffers allocated once per run.
///
/// A round costs about 3 n^2 powers (the voters' weighted distances and the two utilities
/// every actor computes for every other) and two sweeps of n^3 / 2 subtract-and-clamp steps (the
/// support of every pair of positions, once with every exponent 1 for the risk stage and once
/// with the new exponents for the offers). The sweeps are the cost that grows fastest, so they
/// run over contiguous rows, four lanes at a time, and compute both directions of a pair in one
/// pass. Nothing is allocated inside a round except the round's own result.
///
/// A reference type only to own its buffers; it never leaves `BargainingModel.run(rounds:)`.
final class BargainingWorkspace {
    let n: Int
    /// Row length of `votes`: n rounded up to a multiple of 4, the padding kept at 0 so that a
    /// padded lane adds nothing to a sum.
    let lanes: Int
    let variant: BargainingVariant
    let range: Double

    /// c_h s_h: a voter's weight.
    let weight: UnsafeMutablePointer<Double>
    let salience: UnsafeMutablePointer<Double>
    /// |x_i - x_j| / Delta, row-major n x n, recomputed at the start of every round.
    let distance: UnsafeMutablePointer<Double>
    /// Row a, lane h: c_h s_h (|x_h - x_a| / Delta)^r_h, what voter h dislikes about position a.
    /// v_h(a, b) = votes[b][h] - votes[a][h].
    let votes: UnsafeMutablePointer<Double>
    /// P(i, j), row-major n x n.
    let probability: UnsafeMutablePointer<Double>
    let exponent: UnsafeMutablePointer<Double>

    init(actors: [BargainingActor], range: Double, variant: BargainingVariant) {
        n = actors.count
        lanes = (actors.count + 3) & ~3
        self.variant = variant
        self.range = range
        weight = .allocate(capacity: n)
        salience = .allocate(capacity: n)
        distance = .allocate(capacity: n * n)
        votes = .allocate(capacity: n * lanes)
        probability = .allocate(capacity: n * n)
        exponent = .allocate(capacity: n)
        for (index, actor) in actors.enumerated() {
            weight[index] = actor.capability * actor.salience
            salience[index] = actor.salience
        }
        distance.initialize(repeating: 0, count: n * n)
        votes.initialize(repeating: 0, count: n * lanes)
        probability.initialize(repeating: 0, count: n * n)
        exponent.initialize(repeating: 1, count: n)
    }

    deinit {
        weight.deallocate()
        salience.deallocate()
        distance.deallocate()
        votes.deallocate()
        probability.deallocate()
        exponent.deallocate()
    }

    // MARK: One round

    /// Risk, offers, choice and simultaneous moves, from `positions` at the start of the round.
    func play(round: Int, positions: [Double]) -> BargainingRound {
        precondition(positions.count == n)
        positions.withUnsafeBufferPointer { x in
            for i in 0..<n {
                for j in 0..<n { distance[i * n + j] = abs(x[i] - x[j]) / range }
            }
        }

        // 1. Risk: every exponent 1, dangers, then the new exponents.
        for k in 0..<n { exponent[k] = 1 }
        fillProbabilities()
        updateExponents()

        // 2. Offers, with the new exponents in both the probabilities and the utilities.
        fillProbabilities()
        var challenges = [Double](repeating: 0, count: n * n)
        var threats = [Double](repeating: 0, count: n * n)
        var offers: [BargainingOffer] = []
        offers.reserveCapacity(n)
        var moves: [BargainingMove] = []
        var next = positions
        positions.withUnsafeBufferPointer { x in
            for i in 0..<n {
                let r = exponent[i]
                let statusQuo = 2 - 4 * power(0.5, r)
                var chooser = OfferChoice(variant: variant)
                for j in 0..<n where x[j] != x[i] {
                    let d = distance[i * n + j]
                    let success = 2 - 4 * power(0.5 - 0.5 * d, r)
                    let failure = 2 - 4 * power(0.5 + 0.5 * d, r)
                    let pij = probability[i * n + j]
                    let pji = probability[j * n + i]
                    let eij = salience[j] * (pij * success + (1 - pij) * failure) + (1 - salience[j]) * success - statusQuo
                    let eji = salience[i] * (pji * success + (1 - pji) * failure) + (1 - salience[i]) * success - statusQuo
                    challenges[i * n + j] = eij
                    threats[i * n + j] = eji
                    guard let offer = Self.offer(to: i, from: j, challenge: eij, threat: eji, xi: x[i], xj: x[j]) else {
                        continue
                    }
                    offers.append(offer)
                    chooser.consider(offer, index: offers.count - 1, from: x[i], counterpartPosition: x[j])
                }
                if let chosen = chooser.chosen {
                    let offer = offers[chosen]
                    moves.append(BargainingMove(actor: i, counterpart: offer.counterpart, kind: offer.kind, from: x[i], to: offer.to))
                    next[i] = offer.to
                }
            }
        }
        return BargainingRound(
            round: round, positions: next, risk: Array(UnsafeBufferPointer(start: exponent, count: n)),
            expectedUtility: ExpectedUtilityMatrix(count: n, challenges: challenges, threats: threats),
            offers: offers, moves: moves, median: median(of: next), mean: mean(of: next))
    }

    /// The offer receiver `i` gets from `j`, if any, from e_ij = EU_i(i, j) and e_ji = EU_i(j, i).
    static func offer(to i: Int, from j: Int, challenge eij: Double, threat eji: Double, xi: Double, xj: Double)
        -> BargainingOffer?
    {
        guard eji > 0 else { return nil }
        if eij > 0 {
            guard eji > eij else { return nil }
            return BargainingOffer(actor: i, counterpart: j, kind: .confrontation, to: xj, challenge: eij, threat: eji)
        }
        guard eij < 0 else { return nil }
        if eji > abs(eij) {
            let to = xi + (xj - xi) * abs(eij / eji)
            return BargainingOffer(actor: i, counterpart: j, kind: .compromise, to: to, challenge: eij, threat: eji)
        }
        return BargainingOffer(actor: i, counterpart: j, kind: .capitulation, to: xj, challenge: eij, threat: eji)
    }

    // MARK: Probabilities and risk

    /// P(i, j) for every ordered pair from the current distances and exponents.
    ///
    /// The support for i over j is the sum over voters of max(0, v_h(x_i, x_j)); both directions
    /// of a pair come out of one pass over the two rows of `votes`. The `scholz` variant divides
    /// by the total disagreement over every ordered pair (computed once, here); `pairwise` by the
    /// support for either side of this pair alone.
    func fillProbabilities() {
        for a in 0..<n {
            let row = votes + a * lanes
            for h in 0..<n {
                row[h] = weight[h] * power(distance[h * n + a], exponent[h])
            }
        }
        var total = 0.0
        for i in 0..<n {
            probability[i * n + i] = 0
            let rowI = UnsafePointer(votes + i * lanes)
            for j in (i + 1)..<max(n, i + 1) {
                let (forI, forJ) = Self.support(rowI, UnsafePointer(votes + j * lanes), lanes: lanes)
                probability[i * n + j] = forI
                probability[j * n + i] = forJ
                total += forI + forJ
            }
        }
        switch variant {
        case .scholz:
            // Every ordered pair (a, b) counts, (b, a) as well as (a, b); pairs a = b add 0.
            let denominator = 2 * total
            for index in 0..<(n * n) {
                probability[index] = denominator > 0 ? probability[index] / denominator : 0
            }
        case .pairwise:
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) {
                    let forI = probability[i * n + j]
                    let forJ = probability[j * n + i]
                    let both = forI + forJ
                    probability[i * n + j] = both > 0 ? forI / both : 0.5
                    probability[j * n + i] = both > 0 ? forJ / both : 0.5
                }
            }
        }
    }

    /// (sum over h of max(0, b[h] - a[h]), sum over h of max(0, a[h] - b[h])): the support for
    /// the candidate of row a over the candidate of row b, and the reverse.
    @inline(__always)
    static func support(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, lanes: Int) -> (Double, Double) {
        var forA = SIMD4<Double>.zero
        var forB = SIMD4<Double>.zero
        let zero = SIMD4<Double>.zero
        var h = 0
        while h < lanes {
            let va = UnsafeRawPointer(a + h).loadUnaligned(as: SIMD4<Double>.self)
            let vb = UnsafeRawPointer(b + h).loadUnaligned(as: SIMD4<Double>.self)
            let difference = vb - va
            forA += difference.replacing(with: zero, where: difference .< zero)
            forB -= difference.replacing(with: zero, where: difference .> zero)
            h += 4
        }
        return (forA.sum(), forB.sum())
    }

    /// The risk stage: each actor's danger D_k = sum over j != k of EU_k(j, k), computed with every
    /// exponent 1 (the probabilities must already be filled that way), turned into the exponent
    /// r_k = (1 - R_k / 3) / (1 + R_k / 3) with R_k = (2 D_k - D_max - D_min) / (D_max - D_min).
    func updateExponents() {
        var dangers = (max: -Double.infinity, min: Double.infinity)
        let danger = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { danger.deallocate() }
        for k in 0..<n {
            let s = salience[k]
            var sum = 0.0
            for j in 0..<n where j != k {
                let d = distance[j * n + k]
                let success = 2 - 4 * (0.5 - 0.5 * d)
                let failure = 2 - 4 * (0.5 + 0.5 * d)
                let p = probability[j * n + k]
                sum += s * (p * success + (1 - p) * failure) + (1 - s) * success
            }
            // The status-quo term 2 - 4 (0.5)^1 is 0.
            danger[k] = sum
            dangers.max = max(dangers.max, sum)
            dangers.min = min(dangers.min, sum)
        }
        guard dangers.max > dangers.min else {
            for k in 0..<n { exponent[k] = 1 }
            return
        }
        let spread = dangers.max - dangers.min
        for k in 0..<n {
            let relative = (2 * danger[k] - dangers.max - dangers.min) / spread
            exponent[k] = (1 - relative / 3) / (1 + relative / 3)
        }
    }

    // MARK: Forecasts

    /// The pairwise-vote median with every exponent 1: scan the distinct positions in input
    /// order, starting from the first, and move to a position whenever the weighted votes
    /// prefer it to the current one.
    func median(of positions: [Double]) -> Double {
        positions.withUnsafeBufferPointer { x in
            var median = x[0]
            for candidate in 1..<n {
                let y = x[candidate]
                if y == median { continue }
                var seenBefore = false
                for earlier in 0..<candidate where x[earlier] == y {
                    seenBefore = true
                    break
                }
                if seenBefore { continue }
                var votes = 0.0
                for h in 0..<n {
                    votes += weight[h] * (abs(x[h] - median) / range - abs(x[h] - y) / range)
                }
                if votes > 0 { median = y }
            }
            return median
        }
    }

    /// Sum of c s x over sum of c s.
    func mean(of positions: [Double]) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        for h in 0..<n {
            numerator += weight[h] * positions[h]
            denominator += weight[h]
        }
        return numerator / denominator
    }
}

/// x^r, exact and cheap when r is 1 (the risk stage and every risk-neutral actor).
@inline(__always)
func power(_ x: Double, _ r: Double) -> Double {
    r == 1 ? x : Foundation.pow(x, r)
}

/// Which offer an actor takes, as its variant's choice rule says; ties go to the offer seen
/// first, that is to the counterpart listed first.
struct OfferChoice {
    let variant: BargainingVariant
    private(set) var chosen: Int?
    private var chosenKind: BargainingMoveKind?
    /// The value the rule minimises for the chosen offer.
    private var key = Double.infinity

    init(variant: BargainingVariant) { self.variant = variant }

    mutating func consider(_ offer: BargainingOffer, index: Int, from xi: Double, counterpartPosition xj: Double) {
        switch variant {
        case .pairwise:
            let move = abs(offer.to - xi)
            if move < key {
                key = move
                chosen = index
            }
        case .scholz:
            let rank = Self.rank(offer.kind)
            if let current = chosenKind {
                let currentRank = Self.rank(current)
                if rank > currentRank { return }
                if rank < currentRank { key = .infinity }
            }
            let value: Double
            switch offer.kind {
            case .confrontation, .capitulation:
                value = abs(offer.to - xi)
            case .compromise:
                // The published code's tie-break: the weighted mean of the two positions,
                // whatever side of the actor it lies on.
                let a = abs(offer.challenge)
                let b = abs(offer.threat)
                value = (a * xi + b * xj) / (a + b)
            }
            if value < key || chosenKind != offer.kind {
                key = value
                chosen = index
                chosenKind = offer.kind
            }
        }
    }

    /// Confrontations first, then compromises, then capitulations.
    private static func rank(_ kind: BargainingMoveKind) -> Int {
        switch kind {
        case .confrontation: return 0
        case .compromise: return 1
        case .capitulation: return 2
        }
    }
}
