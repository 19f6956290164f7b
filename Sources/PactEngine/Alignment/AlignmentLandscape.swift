import PactModel

/// The landscape theory of aggregation (Axelrod and Bennett, 1993, "A Landscape Theory of
/// Aggregation", British Journal of Political Science 23(2)): actors with a size and pairwise
/// propensities sort themselves into blocs so as to lower the energy
///
///     E(X) = Σ_{i<j} s_i · s_j · p_ij · d_ij(X),   d_ij(X) = 1 when i and j are in different blocs,
///
/// where a positive propensity means i and j want to be together (keeping them apart raises the
/// energy) and a negative one that they want to be apart. Actor i's frustration is its part of
/// that sum, F_i(X) = s_i · Σ_j s_j · p_ij · d_ij(X), so that E = ½ Σ_i F_i.
///
/// The landscape is a pure value: sizes and a symmetric propensity matrix over `actors`.
public struct AlignmentLandscape: Sendable, Hashable {
    public let actors: [ActorID]
    public let sizes: [Double]
    /// Row-major n × n, symmetric, zero diagonal.
    public let propensity: [Double]

    public var count: Int { actors.count }

    /// A landscape from explicit values. `propensity` is row-major n × n; it is symmetrised
    /// ((p_ij + p_ji) / 2) and its diagonal ignored.
    public init(actors: [ActorID], sizes: [Double], propensity: [Double]) {
        let n = actors.count
        precondition(sizes.count == n && propensity.count == n * n, "sizes and propensity must match the actors")
        self.actors = actors
        self.sizes = sizes
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j { p[i * n + j] = (propensity[i * n + j] + propensity[j * n + i]) / 2 }
        }
        self.propensity = p
    }

    /// The landscape of a dataset snapshot.
    ///
    /// - Size: the snapshot's capability index (`DatasetSnapshot.capabilityIndex`: shares of
    ///   military expenditure, personnel, GDP and population, summing to 1 over the snapshot's
    ///   actors). Sizes are not renormalised over the chosen subset, so energies of different
    ///   subsets on one day are in the same units.
    /// - Propensity: the mean of the two directed affinities, (a_ij + a_ji) / 2, in [-1, 1]. The
    ///   affinity coding already says "how far A wants B to do well and will side with it", which
    ///   is Axelrod and Bennett's propensity; averaging makes it symmetric, as the theory needs.
    ///   Dependence is left out: it is one-sided (Tajikistan on Russia, not the reverse) and
    ///   enters the outlook as an outside option instead.
    ///
    /// `actors` nil means every actor with attributes on the day, in id order.
    public init(snapshot: DatasetSnapshot, actors chosen: [ActorID]? = nil) {
        let capability = snapshot.capabilityIndex
        let ids = chosen ?? capability.keys.sorted()
        let n = ids.count
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j { p[i * n + j] = snapshot.affinity(from: ids[i], to: ids[j]) }
        }
        self.init(actors: ids, sizes: ids.map { capability[$0] ?? 0 }, propensity: p)
    }

    /// A made-up landscape for benchmarks and tests: sizes uniform in (0, 1], propensities
    /// uniform in [-1, 1], from a seeded generator. Nothing in it is data about the world.
    public static func synthetic(actors n: Int, seed: UInt64 = 1) -> AlignmentLandscape {
        var g = SeededGenerator(seed: seed, stream: UInt64(n))
        let ids = (0..<n).map { ActorID("S\(String(format: "%03d", $0))") }
        let sizes = (0..<n).map { _ in 1 - g.nextUnit() }
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let v = 2 * g.nextUnit() - 1
                p[i * n + j] = v
                p[j * n + i] = v
            }
        }
        return AlignmentLandscape(actors: ids, sizes: sizes, propensity: p)
    }

    /// s_i · s_j · p_ij, row-major.
    public var weights: [Double] {
        let n = count
        var w = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n where i != j { w[i * n + j] = sizes[i] * sizes[j] * propensity[i * n + j] } }
        return w
    }

    /// The energy of an assignment of actors to blocs (`blocs[i]` is actor i's bloc label),
    /// computed from scratch in O(n²).
    public func energy(of blocs: [Int]) -> Double {
        let n = count, w = weights
        var e = 0.0
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) where blocs[i] != blocs[j] { e += w[i * n + j] } }
        return e
    }

    /// Each actor's frustration F_i = s_i Σ_j s_j p_ij d_ij; the energy is half their sum.
    public func frustration(of blocs: [Int]) -> [Double] {
        let n = count, w = weights
        return (0..<n).map { i in
            var f = 0.0
            for j in 0..<n where j != i && blocs[i] != blocs[j] { f += w[i * n + j] }
            return f
        }
    }

    /// The change in energy if actor `i` alone moved to bloc `target` (negative: it gains).
    public func moveDelta(of i: Int, to target: Int, in blocs: [Int]) -> Double {
        let n = count, w = weights
        var d = 0.0
        for j in 0..<n where j != i {
            if blocs[j] == blocs[i] { d += w[i * n + j] }
            if blocs[j] == target { d -= w[i * n + j] }
        }
        return d
    }

    /// The total absolute weight Σ_{i<j} |s_i s_j p_ij|, the scale of every energy on this
    /// landscape; tolerances are relative to it.
    public var scale: Double {
        let n = count, w = weights
        var total = 0.0
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { total += abs(w[i * n + j]) } }
        return total
    }
}

/// An assignment of actors to blocs with canonical labels: actor 0 is in bloc 0 and each new bloc
/// takes the next label in actor order, so two labelings of the same partition compare equal.
public struct BlocPartition: Hashable, Sendable {
    public let blocs: [Int]
    public init(_ labels: [Int]) { blocs = BlocPartition.canonical(labels) }

    public static func canonical(_ labels: [Int]) -> [Int] {
        var map: [Int: Int] = [:]
        return labels.map { label in
            if let m = map[label] { return m }
            let m = map.count
            map[label] = m
            return m
        }
    }

    /// The number of non-empty blocs.
    public var blocCount: Int { (blocs.max() ?? -1) + 1 }

    /// Actor indices of each bloc, in label order.
    public var members: [[Int]] {
        var result = [[Int]](repeating: [], count: blocCount)
        for (i, b) in blocs.enumerated() { result[b].append(i) }
        return result
    }
}

/// A local minimum of the landscape: no single actor lowers the energy by moving to another bloc.
public struct AlignmentMinimum: Hashable, Sendable {
    public let partition: BlocPartition
    public let energy: Double
    public init(partition: BlocPartition, energy: Double) {
        self.partition = partition
        self.energy = energy
    }
}
