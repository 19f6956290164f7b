/// The estimators of each sweep method, over the model's values at the design's points for one
/// output of one scenario. Pure functions; formulas and sources in docs/SWEEPS.md.
public enum SweepEstimators {
    /// One-at-a-time swing of one parameter: the output at its low and at its high, minus the
    /// output with every parameter at its default.
    public struct Swing: Hashable, Sendable {
        public var low: Double
        public var high: Double
        /// The larger absolute change, for ordering a tornado chart.
        public var magnitude: Double { max(abs(low), abs(high)) }
    }

    /// OAT swings from `y` in design order (base, then low and high of each parameter).
    public static func oat(_ y: [Double], dimension d: Int) -> (base: Double, swings: [Swing]) {
        let base = y[0]
        return (base, (0..<d).map { Swing(low: y[1 + 2 * $0] - base, high: y[2 + 2 * $0] - base) })
    }

    /// Morris statistics of one parameter's elementary effects: mean μ, mean of absolute values
    /// μ* (Campolongo et al. 2007) and standard deviation σ (divisor r - 1). Effects are changes
    /// of the output per whole range of the parameter.
    public struct Elementary: Hashable, Sendable {
        public var mu: Double
        public var muStar: Double
        public var sigma: Double
    }

    /// Morris elementary effects from the design's unit points and `y` in design order: each
    /// trajectory has d + 1 points and consecutive points differ in one coordinate by ±Δ.
    public static func morris(unitPoints: [[Double]], _ y: [Double], dimension d: Int) -> [Elementary] {
        var effects = [[Double]](repeating: [], count: d)
        let r = unitPoints.count / (d + 1)
        for t in 0..<r {
            for s in 0..<d {
                let a = t * (d + 1) + s, b = a + 1
                guard let i = (0..<d).first(where: { unitPoints[a][$0] != unitPoints[b][$0] }) else { continue }
                let step = unitPoints[b][i] - unitPoints[a][i]
                effects[i].append((y[b] - y[a]) / step)
            }
        }
        return effects.map { e in
            let n = Double(e.count)
            let mu = e.reduce(0, +) / n
            let muStar = e.reduce(0) { $0 + abs($1) } / n
            let ss = e.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
            return Elementary(mu: mu, muStar: muStar, sigma: e.count > 1 ? (ss / (n - 1)).squareRoot() : 0)
        }
    }

    /// First-order (S1) and total (ST) Sobol indices of one parameter, with percentile bootstrap
    /// intervals (95 %, nil without resamples). NaN when the output does not vary at all.
    public struct Sobol: Hashable, Sendable {
        public var first: Double
        public var total: Double
        public var firstInterval: ClosedRange<Double>?
        public var totalInterval: ClosedRange<Double>?
    }

    /// Sobol indices from `y` in design order: N blocks of f(A), f(B), f(A_B^i) for each i,
    /// f(B_A^i) for each i. Both radial pairs are used and averaged:
    ///
    ///     V_i  = ½ [ mean f(B)(f(A_B^i) − f(A)) + mean f(A)(f(B_A^i) − f(B)) ]   (Saltelli et al. 2010, table 2 (b))
    ///     VT_i = ½ [ mean (f(A) − f(A_B^i))² / 2 + mean (f(B) − f(B_A^i))² / 2 ]   (Jansen 1999; Saltelli et al. 2010, (f))
    ///
    /// divided by the variance of the 2N values f(A), f(B). `resamples` lists bootstrap draws of
    /// row indices (each N long); the same resamples serve every output so intervals are seeded.
    public static func sobol(_ y: [Double], dimension d: Int, resamples: [[Int]]) -> [Sobol] {
        let block = 2 * d + 2
        let n = y.count / block
        let point = indices(n: n, d: d, y: y)
        let rows = Array(0..<n)
        let estimate = point(rows)
        let boot = resamples.map { point($0) }
        return (0..<d).map { i in
            var s = Sobol(first: estimate.first[i], total: estimate.total[i], firstInterval: nil, totalInterval: nil)
            if !boot.isEmpty {
                s.firstInterval = percentileInterval(boot.map { $0.first[i] })
                s.totalInterval = percentileInterval(boot.map { $0.total[i] })
            }
            return s
        }
    }

    private static func indices(n: Int, d: Int, y: [Double]) -> ([Int]) -> (first: [Double], total: [Double]) {
        let block = 2 * d + 2
        return { rows in
            let m = Double(rows.count)
            var mean = 0.0
            for j in rows { mean += y[j * block] + y[j * block + 1] }
            mean /= 2 * m
            var variance = 0.0
            for j in rows {
                let a = y[j * block] - mean, b = y[j * block + 1] - mean
                variance += a * a + b * b
            }
            variance /= 2 * m
            var first = [Double](repeating: .nan, count: d), total = first
            guard variance > 0 else { return (first, total) }
            for i in 0..<d {
                var v = 0.0, vt = 0.0
                for j in rows {
                    let base = j * block
                    let fA = y[base], fB = y[base + 1], fAB = y[base + 2 + i], fBA = y[base + 2 + d + i]
                    v += fB * (fAB - fA) + fA * (fBA - fB)
                    vt += (fA - fAB) * (fA - fAB) + (fB - fBA) * (fB - fBA)
                }
                first[i] = v / (2 * m) / variance
                total[i] = vt / (4 * m) / variance
            }
            return (first, total)
        }
    }

    /// The 2.5 % and 97.5 % nearest-rank percentiles of the finite values; nil if none.
    static func percentileInterval(_ values: [Double]) -> ClosedRange<Double>? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let last = Double(sorted.count - 1)
        return sorted[Int((0.025 * last).rounded())]...sorted[Int((0.975 * last).rounded())]
    }

    /// `count` bootstrap resamples of `n` row indices, drawn with replacement from a generator
    /// seeded by `seed`.
    public static func resamples(count: Int, rows n: Int, seed: UInt64) -> [[Int]] {
        var g = SeededGenerator(seed: seed, stream: 0x426F_6F74)  // "Boot"
        return (0..<count).map { _ in (0..<n).map { _ in Int(g.next() % UInt64(n)) } }
    }
}
