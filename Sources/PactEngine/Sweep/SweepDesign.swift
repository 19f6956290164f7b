/// The parameter points of a sweep, on the unit cube (coordinate i is the fraction of parameter
/// i's range), in the order the estimators read them. Pure and seeded: the same spec gives the
/// same points on any machine.
///
/// - OAT: 2d + 1 points: the defaults, then for each parameter its low and its high.
/// - Morris: r trajectories of d + 1 points each; trajectory t starts at a random grid point
///   whose coordinates are levels j / (p - 1) not above 1 - Δ, Δ = p / (2 (p - 1)), and moves one
///   parameter at a time by +Δ in a random order (Morris 1991; Campolongo et al. 2007).
/// - Sobol: N blocks of 2d + 2 points: row j of A, row j of B, then A with column i taken from B
///   (A_B^i) for each i, then B with column i from A (B_A^i). A and B are N × d matrices of
///   independent uniforms from the seeded generator (pseudo-random, not a quasi-random sequence),
///   so their rows are exchangeable and a bootstrap over rows is valid.
public struct SweepDesign: Sendable {
    public let method: SweepMethod
    public let dimension: Int
    /// Points on the unit cube, in estimator order.
    public let unitPoints: [[Double]]

    public init(method: SweepMethod, parameters: [SweepParameter], seed: UInt64) throws(SweepError) {
        let d = parameters.count
        guard d > 0 else { throw SweepError("no parameter to sweep: every parameter is fixed or excluded") }
        self.method = method
        self.dimension = d
        switch method {
        case .oat:
            var points: [[Double]] = []
            let base = parameters.map { p in p.high > p.low ? (p.defaultValue - p.low) / (p.high - p.low) : 0 }
            points.append(base)
            for i in 0..<d {
                var low = base, high = base
                low[i] = 0
                high[i] = 1
                points.append(low)
                points.append(high)
            }
            unitPoints = points
        case .morris(let r, let p):
            guard r >= 2 else { throw SweepError("Morris needs at least 2 trajectories, got \(r)") }
            guard p >= 2, p % 2 == 0 else { throw SweepError("Morris levels must be an even number of at least 2, got \(p)") }
            let delta = Self.morrisDelta(levels: p)
            let grid = (0..<p).map { Double($0) / Double(p - 1) }.filter { $0 <= 1 - delta + 1e-12 }
            var g = SeededGenerator(seed: seed, stream: 0x4D6F_7272_6973)  // "Morris"
            var points: [[Double]] = []
            for _ in 0..<r {
                var x = (0..<d).map { _ in grid[Int(g.next() % UInt64(grid.count))] }
                var order = Array(0..<d)
                for k in stride(from: d - 1, to: 0, by: -1) {
                    let j = Int(g.next() % UInt64(k + 1))
                    order.swapAt(k, j)
                }
                points.append(x)
                for i in order {
                    x[i] += delta
                    points.append(x)
                }
            }
            unitPoints = points
        case .sobol(let n, let b):
            guard n >= 2 else { throw SweepError("Sobol needs at least 2 base samples, got \(n)") }
            guard b >= 0 else { throw SweepError("bootstrap resamples cannot be negative, got \(b)") }
            var g = SeededGenerator(seed: seed, stream: 0x536F_626F_6C)  // "Sobol"
            var points: [[Double]] = []
            points.reserveCapacity(n * (2 * d + 2))
            for _ in 0..<n {
                let a = (0..<d).map { _ in g.nextUnit() }
                let bRow = (0..<d).map { _ in g.nextUnit() }
                points.append(a)
                points.append(bRow)
                for i in 0..<d {
                    var ab = a
                    ab[i] = bRow[i]
                    points.append(ab)
                }
                for i in 0..<d {
                    var ba = bRow
                    ba[i] = a[i]
                    points.append(ba)
                }
            }
            unitPoints = points
        }
    }

    /// The Morris step: half the grid plus one level, p / (2 (p - 1)).
    public static func morrisDelta(levels p: Int) -> Double { Double(p) / (2 * Double(p - 1)) }

    /// Points in parameter units.
    public func points(_ parameters: [SweepParameter]) -> [[Double]] {
        unitPoints.map { u in zip(parameters, u).map { $0.value(at: $1) } }
    }

    /// Model runs for `dimension` parameters: 2d + 1, r (d + 1) or N (2d + 2).
    public static func pointCount(method: SweepMethod, dimension d: Int) -> Int {
        switch method {
        case .oat: 2 * d + 1
        case .morris(let r, _): r * (d + 1)
        case .sobol(let n, _): n * (2 * d + 2)
        }
    }
}
