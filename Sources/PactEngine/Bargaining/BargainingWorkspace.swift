import Foundation

/// The arithmetic of one bargaining run, on flat buffers allocated once per run.
///
/// The costly quantity is the support for every pair of positions, the sum over all voters of
/// max(0, v_h(x_i, x_j)): done directly it is n^3 / 2 subtract-and-clamp steps per probability
/// matrix, and a round needs two (every exponent 1 for the risk stage, the new exponents for the
/// offers). But on a line the voters who prefer x_i to x_j are exactly those on x_i's side of
/// the midpoint (a voter's utility falls with distance, whatever its exponent): a contiguous run
/// of the voters sorted by position. So each candidate position gets one row of cumulative
/// weighted distances over the sorted voters (n^2 additions), and each pair's support is two
/// differences of those sums at the split points. For a fixed lower candidate the split points
/// only move up as the higher one does, so finding them all costs O(n) per candidate: O(n^2) per
/// round in all, instead of O(n^3). Actors at one position share their row, their contests and
/// their powers, which matters because bargaining piles actors onto each other's positions. What
/// remains is about 3 n m powers a round, m the number of distinct positions (the voters'
/// weighted distances and the two utilities every actor computes towards every position).
/// Nothing is allocated inside a round except the round's own result.
///
/// A reference type only to own its buffers; it never leaves `BargainingModel.run(rounds:)`.
final class BargainingWorkspace {
    let n: Int
    let variant: BargainingVariant
    let range: Double

    /// c_h s_h: a voter's weight.
    let weight: UnsafeMutablePointer<Double>
    let salience: UnsafeMutablePointer<Double>
    /// |x_i - x_j| / Delta, row-major n x n, recomputed at the start of every round.
    let distance: UnsafeMutablePointer<Double>
    /// The positions at the start of the current round.
    let position: UnsafeMutablePointer<Double>
    /// The voters in order of position (ties in input order), recomputed every round.
    let order: UnsafeMutablePointer<Int>
    /// Row a, entry t: |x_a - x_h| / Delta for the t-th voter h in `order`.
    let sortedDistance: UnsafeMutablePointer<Double>
    /// Row a (length n + 1), entry t: the sum over the first t voters in `order` of
    /// c_h s_h (|x_h - x_a| / Delta)^r_h, what those voters dislike about position a.
    let cumulative: UnsafeMutablePointer<Double>
    /// P(i, j), row-major n x n.
    let probability: UnsafeMutablePointer<Double>
    let exponent: UnsafeMutablePointer<Double>
    /// For the actor making up its offers: (0.5 - 0.5 d)^r and (0.5 + 0.5 d)^r towards each actor.
    let nearPower: UnsafeMutablePointer<Double>
    let farPower: UnsafeMutablePointer<Double>
    /// This round's EU_i(i, j) and EU_i(j, i), row-major, copied into the round's result.
    let challenge: UnsafeMutablePointer<Double>
    let threat: UnsafeMutablePointer<Double>
    let danger: UnsafeMutablePointer<Double>

    init(actors: [BargainingActor], range: Double, variant: BargainingVariant) {
        n = actors.count
        self.variant = variant
        self.range = range
        weight = .allocate(capacity: n)
        salience = .allocate(capacity: n)
        distance = .allocate(capacity: n * n)
        position = .allocate(capacity: n)
        order = .allocate(capacity: n)
        sortedDistance = .allocate(capacity: n * n)
        cumulative = .allocate(capacity: n * (n + 1))
        probability = .allocate(capacity: n * n)
        exponent = .allocate(capacity: n)
        nearPower = .allocate(capacity: n)
        farPower = .allocate(capacity: n)
        challenge = .allocate(capacity: n * n)
        threat = .allocate(capacity: n * n)
        danger = .allocate(capacity: n)
        for (index, actor) in actors.enumerated() {
            weight[index] = actor.capability * actor.salience
            salience[index] = actor.salience
            position[index] = actor.position
            order[index] = index
        }
        distance.initialize(repeating: 0, count: n * n)
        sortedDistance.initialize(repeating: 0, count: n * n)
        cumulative.initialize(repeating: 0, count: n * (n + 1))
        probability.initialize(repeating: 0, count: n * n)
        exponent.initialize(repeating: 1, count: n)
        nearPower.initialize(repeating: 0, count: n)
        farPower.initialize(repeating: 0, count: n)
        challenge.initialize(repeating: 0, count: n * n)
        threat.initialize(repeating: 0, count: n * n)
        danger.initialize(repeating: 0, count: n)
    }

    deinit {
        weight.deallocate()
        salience.deallocate()
        distance.deallocate()
        position.deallocate()
        order.deallocate()
        sortedDistance.deallocate()
        cumulative.deallocate()
        probability.deallocate()
        exponent.deallocate()
        nearPower.deallocate()
        farPower.deallocate()
        challenge.deallocate()
        threat.deallocate()
        danger.deallocate()
    }

    // MARK: One round

    /// Risk, offers, choice and simultaneous moves, from `positions` at the start of the round.
    /// Without `detailed` the round keeps no expected-utility table and no offers (only the
    /// offers taken, as moves); everything else is identical.
    func play(round: Int, positions: [Double], detailed: Bool = true) -> BargainingRound {
        precondition(positions.count == n)
        positions.withUnsafeBufferPointer { x in
            for i in 0..<n {
                position[i] = x[i]
                for j in 0..<n { distance[i * n + j] = abs(x[i] - x[j]) / range }
            }
            // Insertion sort from last round's order, which is nearly sorted already (most
            // actors stay put); ties go by input index, so the order is a function of positions.
            for t in 1..<max(n, 1) {
                let voter = order[t]
                var u = t
                while u > 0, x[order[u - 1]] > x[voter] || (x[order[u - 1]] == x[voter] && order[u - 1] > voter) {
                    order[u] = order[u - 1]
                    u -= 1
                }
                order[u] = voter
            }
        }
        for a in 0..<n {
            for t in 0..<n { sortedDistance[a * n + t] = distance[a * n + order[t]] }
        }

        // 1. Risk: every exponent 1, dangers, then the new exponents.
        for k in 0..<n { exponent[k] = 1 }
        fillProbabilities()
        updateExponents()

        // 2. Offers, with the new exponents in both the probabilities and the utilities.
        fillProbabilities()
        var offers: [BargainingOffer] = []
        offers.reserveCapacity(n)
        var moves: [BargainingMove] = []
        var next = positions
        let x = position
        for i in 0..<n {
            let r = exponent[i]
            let statusQuo = 2 - 4 * power(0.5, r)
            // The two powers depend on the other actor only through its position: compute
            // them once per distinct position, walking the actors in order of position.
            var previous = -1
            for t in 0..<n {
                let j = order[t]
                if previous >= 0, x[previous] == x[j] {
                    nearPower[j] = nearPower[previous]
                    farPower[j] = farPower[previous]
                } else {
                    let d = distance[i * n + j]
                    nearPower[j] = power(0.5 - 0.5 * d, r)
                    farPower[j] = power(0.5 + 0.5 * d, r)
                    previous = j
                }
            }
            var chooser = OfferChoice(variant: variant)
            for j in 0..<n {
                guard x[j] != x[i] else {
                    challenge[i * n + j] = 0
                    threat[i * n + j] = 0
                    continue
                }
                let success = 2 - 4 * nearPower[j]
                let failure = 2 - 4 * farPower[j]
                let pij = probability[i * n + j]
                let pji = probability[j * n + i]
                let eij = salience[j] * (pij * success + (1 - pij) * failure) + (1 - salience[j]) * success - statusQuo
                let eji = salience[i] * (pji * success + (1 - pji) * failure) + (1 - salience[i]) * success - statusQuo
                challenge[i * n + j] = eij
                threat[i * n + j] = eji
                guard let offer = Self.offer(to: i, from: j, challenge: eij, threat: eji, xi: x[i], xj: x[j]) else {
                    continue
                }
                if detailed { offers.append(offer) }
                chooser.consider(offer, index: j, from: x[i], counterpartPosition: x[j])
            }
            if let offer = chooser.chosenOffer {
                moves.append(BargainingMove(actor: i, counterpart: offer.counterpart, kind: offer.kind, from: x[i], to: offer.to))
                next[i] = offer.to
            }
        }
        let matrix = detailed ? ExpectedUtilityMatrix(
            count: n, challenges: Array(UnsafeBufferPointer(start: challenge, count: n * n)),
            threats: Array(UnsafeBufferPointer(start: threat, count: n * n))) : nil
        return BargainingRound(
            round: round, positions: next, risk: Array(UnsafeBufferPointer(start: exponent, count: n)),
            expectedUtility: matrix, offers: offers, moves: moves, median: median(of: next), mean: mean(of: next))
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
    /// The support for i over j, the sum over voters of max(0, v_h(x_i, x_j)), comes from the
    /// cumulative rows (see the type's comment), both directions of a pair at once. The `scholz`
    /// variant divides by the total disagreement over every ordered pair (computed once, here);
    /// `pairwise` by the support for either side of this pair alone.
    func fillProbabilities() {
        let row = n + 1
        for s in 0..<n {
            let a = order[s]
            let sums = cumulative + a * row
            // Candidates at one position have one row: copy it (actors cluster as they bargain).
            if s > 0, position[order[s - 1]] == position[a] {
                sums.update(from: cumulative + order[s - 1] * row, count: row)
                continue
            }
            let distances = sortedDistance + a * n
            var sum = 0.0
            sums[0] = 0
            for t in 0..<n {
                let h = order[t]
                sum += weight[h] * power(distances[t], exponent[h])
                sums[t + 1] = sum
            }
        }
        var total = 0.0
        // Pairs in order of position: for a fixed lower candidate, the split points only move up
        // as the higher candidate does, so each lower candidate costs one pass over the voters.
        for p in 0..<n {
            let low = order[p]
            probability[low * n + low] = 0
            // A candidate at the same position as the previous one faces the same contests.
            if p > 0, position[order[p - 1]] == position[low] {
                let twin = order[p - 1]
                for q in (p + 1)..<max(n, p + 1) {
                    let high = order[q]
                    let forLow = probability[twin * n + high]
                    let forHigh = probability[high * n + twin]
                    probability[low * n + high] = forLow
                    probability[high * n + low] = forHigh
                    total += forLow + forHigh
                }
                continue
            }
            let lowDistances = sortedDistance + low * n
            let lowSums = cumulative + low * row
            var k1 = p
            var k2 = p
            var previous = low
            for q in (p + 1)..<max(n, p + 1) {
                let high = order[q]
                guard position[high] != position[low] else {
                    probability[low * n + high] = 0
                    probability[high * n + low] = 0
                    continue
                }
                if position[high] == position[previous] {
                    let forLow = probability[low * n + previous]
                    let forHigh = probability[previous * n + low]
                    probability[low * n + high] = forLow
                    probability[high * n + low] = forHigh
                    total += forLow + forHigh
                    continue
                }
                previous = high
                let highDistances = sortedDistance + high * n
                // k1: first voter (in order) not strictly closer to `low`; k2: first voter
                // strictly closer to `high`. Voters in between are equidistant and indifferent.
                while k1 < n && lowDistances[k1] < highDistances[k1] { k1 += 1 }
                if k2 < k1 { k2 = k1 }
                while k2 < n && !(highDistances[k2] < lowDistances[k2]) { k2 += 1 }
                let highSums = cumulative + high * row
                let forLow = max(0, highSums[k1] - lowSums[k1])
                let forHigh = max(0, (lowSums[n] - lowSums[k2]) - (highSums[n] - highSums[k2]))
                probability[low * n + high] = forLow
                probability[high * n + low] = forHigh
                total += forLow + forHigh
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

    /// The risk stage: each actor's danger D_k = sum over j != k of EU_k(j, k), computed with every
    /// exponent 1 (the probabilities must already be filled that way), turned into the exponent
    /// r_k = (1 - R_k / 3) / (1 + R_k / 3) with R_k = (2 D_k - D_max - D_min) / (D_max - D_min).
    func updateExponents() {
        var dangers = (max: -Double.infinity, min: Double.infinity)
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
        // All dangers equal: nobody is more endangered than anyone else, every r stays 1. "Equal"
        // allows for rounding (the same terms summed in another order), which would otherwise
        // blow a difference of one ulp up into the extreme exponents 0.5 and 2.
        let scale = abs(dangers.max) + abs(dangers.min)
        guard dangers.max - dangers.min > 1e-12 * scale else {
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
    /// The index the caller gave with the chosen offer.
    private(set) var chosen: Int?
    /// The chosen offer itself, so a caller need not keep every offer to look it up.
    private(set) var chosenOffer: BargainingOffer?
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
                chosenOffer = offer
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
                chosenOffer = offer
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
