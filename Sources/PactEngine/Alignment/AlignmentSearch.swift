import PactModel

/// Finds the global minimum and the other local minima of an alignment landscape.
///
/// Two methods, chosen by size (`search`):
/// - **Exhaustive**: every assignment of actors 1...n-1 to `blocs` blocs with actor 0 fixed in
///   bloc 0 (fixing one actor removes the relabelling symmetry: q^(n-1) assignments instead of
///   q^n), visited in reflected q-ary Gray-code order so that consecutive assignments differ in
///   one actor's bloc. Each actor's attachment to each bloc, A_i[c] = Σ_{j in c} s_i s_j p_ij, is
///   kept up to date in O(n) per step, which gives the energy change of the step,
///   A_k[from] − A_k[to], and the local-minimum test (A_i[own] ≥ A_i[c] for every actor and bloc)
///   without recomputing any sum. Exact; feasible to about 28 actors for two blocs (2^27 steps)
///   and about 16 for three (3^15).
/// - **Local search**: `restarts` seeded random starts, each descending by the best single-actor
///   move until none lowers the energy. Every local minimum it reports is one (it stopped there),
///   but it may miss minima with small basins; the global minimum is the best one found.
///
/// A partition is a local minimum when no single actor lowers the energy by more than a
/// tolerance of 1e-9 × Σ|s_i s_j p_ij| by moving to another bloc (an empty one included), so
/// rounding in the incremental sums cannot create or hide minima; exact ties count as minima.
public enum AlignmentSearch {
    public enum Method: String, Sendable, CaseIterable { case exhaustive, local }

    public struct Result: Sendable {
        public let method: Method
        public let blocs: Int
        /// The distinct local minima found, lowest energy first (ties in partition order); the
        /// first is the global minimum. At most `maxMinima` are kept.
        public let minima: [AlignmentMinimum]
        /// How many distinct local minima were found, including any beyond `maxMinima`.
        public let localMinimumCount: Int
        /// Assignments visited (exhaustive) or restarts run (local search).
        public let examined: Int
        public var global: AlignmentMinimum { minima[0] }
        /// True when more minima were found than kept.
        public var truncated: Bool { localMinimumCount > minima.count }
    }

    /// The largest number of actors searched exhaustively by default: 28 for two blocs (2^27
    /// assignments), 16 for three (3^15 ≈ 1.4e7).
    public static func exhaustiveLimit(blocs: Int) -> Int { blocs <= 2 ? 28 : 16 }

    /// The default number of local-search restarts for n actors: 50 per actor, at least 1,000.
    public static func defaultRestarts(actors n: Int) -> Int { max(1000, 50 * n) }

    /// Exhaustive search up to `exhaustiveLimit`, seeded local search beyond (or when `method`
    /// forces one).
    public static func search(_ landscape: AlignmentLandscape, blocs: Int, method: Method? = nil, restarts: Int? = nil,
                              seed: UInt64 = 1, maxMinima: Int = 1000) -> Result {
        let chosen = method ?? (landscape.count <= exhaustiveLimit(blocs: blocs) ? .exhaustive : .local)
        switch chosen {
        case .exhaustive: return exhaustive(landscape, blocs: blocs, maxMinima: maxMinima)
        case .local:
            return localSearch(landscape, blocs: blocs, restarts: restarts ?? defaultRestarts(actors: landscape.count),
                               seed: seed, maxMinima: maxMinima)
        }
    }

    static func tolerance(_ landscape: AlignmentLandscape) -> Double { 1e-9 * landscape.scale }

    /// Exhaustive Gray-code search (see the type's documentation).
    public static func exhaustive(_ landscape: AlignmentLandscape, blocs q: Int, maxMinima: Int = 1000) -> Result {
        precondition(q >= 2, "a landscape needs at least two blocs")
        let n = landscape.count
        guard n > 0 else { return Result(method: .exhaustive, blocs: q, minima: [], localMinimumCount: 0, examined: 0) }
        if q == 2 { return exhaustiveTwoBlocs(landscape, maxMinima: maxMinima) }
        let tol = tolerance(landscape)
        let w = landscape.weights
        var found: [BlocPartition] = []
        var count = 0, examined = 0
        var bestEnergy = Double.infinity
        var best: [Int] = []
        w.withUnsafeBufferPointer { wp in
            let b = UnsafeMutablePointer<Int>.allocate(capacity: n)
            b.initialize(repeating: 0, count: n)
            let attach = UnsafeMutablePointer<Double>.allocate(capacity: n * q)
            attach.initialize(repeating: 0, count: n * q)
            let m = n - 1
            let dir = UnsafeMutablePointer<Int>.allocate(capacity: max(1, m))
            dir.initialize(repeating: 1, count: max(1, m))
            defer { b.deallocate(); attach.deallocate(); dir.deallocate() }
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s += wp[i * n + j] }
                attach[i * q] = s
            }
            var energy = 0.0
            @inline(__always) func isLocalMinimum() -> Bool {
                for i in 0..<n {
                    let row = attach + i * q
                    let own = row[b[i]]
                    for c in 0..<q where row[c] - own > tol { return false }
                }
                return true
            }
            @inline(__always) func isCanonical() -> Bool {
                var top = 0
                for i in 0..<n {
                    if b[i] > top + 1 { return false }
                    if b[i] > top { top = b[i] }
                }
                return true
            }
            while true {
                examined += 1
                if (q == 2 || isCanonical()) && isLocalMinimum() {
                    count += 1
                    let labels = Array(UnsafeBufferPointer(start: b, count: n))
                    if found.count < maxMinima { found.append(BlocPartition(labels)) }
                    if energy < bestEnergy - tol {
                        bestEnergy = energy
                        best = labels
                    }
                }
                // The next assignment in reflected q-ary Gray order: the lowest digit that can
                // still move in its direction moves; the digits below it turn around.
                var j = 0
                while j < m {
                    let next = b[j + 1] + dir[j]
                    if next >= 0 && next < q { break }
                    dir[j] = -dir[j]
                    j += 1
                }
                if j == m { break }
                let k = j + 1, from = b[k], to = from + dir[j]
                energy += attach[k * q + from] - attach[k * q + to]
                b[k] = to
                let row = wp.baseAddress! + k * n
                for i in 0..<n {
                    attach[i * q + from] -= row[i]
                    attach[i * q + to] += row[i]
                }
            }
        }
        var minima = found.map { AlignmentMinimum(partition: $0, energy: landscape.energy(of: $0.blocs)) }
        let global = BlocPartition(best)
        if !minima.contains(where: { $0.partition == global }) {
            minima.append(AlignmentMinimum(partition: global, energy: landscape.energy(of: global.blocs)))
        }
        return Result(method: .exhaustive, blocs: q, minima: sorted(minima, keep: maxMinima), localMinimumCount: count,
                      examined: examined)
    }

    /// The two-bloc case of `exhaustive`, in spin form: σ_i = +1 in bloc 0, −1 in bloc 1, and
    /// D_i = A_i[0] − A_i[1]. Moving k changes the energy by σ_k D_k and every D_i by −2 σ_k w_ik;
    /// the partition is a local minimum when min_i σ_i D_i ≥ −tolerance. Update and test are one
    /// pass over the actors with no branch, which halves the time of the general loop.
    static func exhaustiveTwoBlocs(_ landscape: AlignmentLandscape, maxMinima: Int) -> Result {
        let n = landscape.count
        let tol = tolerance(landscape)
        let w = landscape.weights
        var found: [BlocPartition] = []
        var count = 0, examined = 0
        var bestEnergy = Double.infinity
        var best: [Int] = []
        w.withUnsafeBufferPointer { wp in
            let sigma = UnsafeMutablePointer<Double>.allocate(capacity: n)
            sigma.initialize(repeating: 1, count: n)
            let d = UnsafeMutablePointer<Double>.allocate(capacity: n)
            d.initialize(repeating: 0, count: n)
            defer { sigma.deallocate(); d.deallocate() }
            var worst = Double.infinity
            for i in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum += wp[i * n + j] }
                d[i] = sum
                worst = min(worst, d[i])
            }
            var energy = 0.0
            // Gray code over actors 1...n-1: step t flips actor 1 + (trailing zeros of t).
            let total = 1 << (n - 1)
            var t = 0
            while true {
                examined += 1
                if worst >= -tol {
                    count += 1
                    let labels = (0..<n).map { sigma[$0] > 0 ? 0 : 1 }
                    if found.count < maxMinima { found.append(BlocPartition(labels)) }
                    if energy < bestEnergy - tol {
                        bestEnergy = energy
                        best = labels
                    }
                }
                t += 1
                if t >= total { break }
                let k = 1 + t.trailingZeroBitCount
                let s = sigma[k]
                energy += s * d[k]
                sigma[k] = -s
                let f = 2 * s
                let row = wp.baseAddress! + k * n
                worst = Double.infinity
                for i in 0..<n {
                    let v = d[i] - f * row[i]
                    d[i] = v
                    worst = min(worst, sigma[i] * v)
                }
            }
        }
        var minima = found.map { AlignmentMinimum(partition: $0, energy: landscape.energy(of: $0.blocs)) }
        let global = BlocPartition(best)
        if !minima.contains(where: { $0.partition == global }) {
            minima.append(AlignmentMinimum(partition: global, energy: landscape.energy(of: global.blocs)))
        }
        return Result(method: .exhaustive, blocs: 2, minima: sorted(minima, keep: maxMinima), localMinimumCount: count,
                      examined: examined)
    }

    /// Seeded local search with restarts (see the type's documentation).
    public static func localSearch(_ landscape: AlignmentLandscape, blocs q: Int, restarts: Int, seed: UInt64,
                                   maxMinima: Int = 1000) -> Result {
        precondition(q >= 2, "a landscape needs at least two blocs")
        let n = landscape.count
        guard n > 0 else { return Result(method: .local, blocs: q, minima: [], localMinimumCount: 0, examined: 0) }
        let tol = tolerance(landscape)
        let w = landscape.weights
        var g = SeededGenerator(seed: seed, stream: 0xA1)
        var found: Set<BlocPartition> = []
        var b = [Int](repeating: 0, count: n)
        var attach = [Double](repeating: 0, count: n * q)
        for _ in 0..<max(1, restarts) {
            for i in 0..<n { b[i] = Int(g.next() % UInt64(q)) }
            for i in 0..<n * q { attach[i] = 0 }
            for i in 0..<n { for j in 0..<n { attach[i * q + b[j]] += w[i * n + j] } }
            while true {
                var bestDelta = -tol, bestActor = -1, bestBloc = -1
                for i in 0..<n {
                    let own = attach[i * q + b[i]]
                    for c in 0..<q where c != b[i] {
                        let delta = own - attach[i * q + c]
                        if delta < bestDelta {
                            bestDelta = delta
                            bestActor = i
                            bestBloc = c
                        }
                    }
                }
                if bestActor < 0 { break }
                let from = b[bestActor]
                b[bestActor] = bestBloc
                for i in 0..<n {
                    attach[i * q + from] -= w[bestActor * n + i]
                    attach[i * q + bestBloc] += w[bestActor * n + i]
                }
            }
            found.insert(BlocPartition(b))
        }
        let minima = found.map { AlignmentMinimum(partition: $0, energy: landscape.energy(of: $0.blocs)) }
        return Result(method: .local, blocs: q, minima: sorted(minima, keep: maxMinima), localMinimumCount: found.count,
                      examined: max(1, restarts))
    }

    /// The reference: every assignment, energies and moves recomputed from scratch. O(q^n · n² q);
    /// for tests on small inputs.
    public static func bruteForce(_ landscape: AlignmentLandscape, blocs q: Int) -> Result {
        let n = landscape.count
        let tol = tolerance(landscape)
        var found: Set<BlocPartition> = []
        var labels = [Int](repeating: 0, count: n)
        var examined = 0
        outer: while true {
            examined += 1
            var local = true
            check: for i in 0..<n {
                for c in 0..<q where c != labels[i] {
                    if landscape.moveDelta(of: i, to: c, in: labels) < -tol {
                        local = false
                        break check
                    }
                }
            }
            if local { found.insert(BlocPartition(labels)) }
            var d = 1
            while d < n {
                labels[d] += 1
                if labels[d] < q { continue outer }
                labels[d] = 0
                d += 1
            }
            break
        }
        let minima = found.map { AlignmentMinimum(partition: $0, energy: landscape.energy(of: $0.blocs)) }
        return Result(method: .exhaustive, blocs: q, minima: sorted(minima, keep: Int.max), localMinimumCount: found.count,
                      examined: examined)
    }

    static func sorted(_ minima: [AlignmentMinimum], keep: Int) -> [AlignmentMinimum] {
        Array(minima.sorted {
            $0.energy != $1.energy ? $0.energy < $1.energy : $0.partition.blocs.lexicographicallyPrecedes($1.partition.blocs)
        }.prefix(keep))
    }
}
