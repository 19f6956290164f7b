import Foundation

/// A sweep as a fixed list of tasks: every parameter point of the design crossed with every
/// scenario, task index = point × scenarios + scenario. The list, each task's point and each
/// task's seed depend only on the spec, so any slice of it can run anywhere (another process, a
/// Slurm array task, a Kubernetes pod) and the pieces put back together give the same numbers as
/// one run.
public struct SweepPlan: Sendable {
    public let spec: SweepSpec
    public let design: SweepDesign
    /// Points in parameter units, in design order.
    public let points: [[Double]]

    public init(spec: SweepSpec) throws(SweepError) {
        guard !spec.scenarios.isEmpty else { throw SweepError("a sweep needs at least one scenario") }
        guard spec.draws >= 1 else { throw SweepError("draws per point must be at least 1, got \(spec.draws)") }
        for p in spec.parameters where !(p.low < p.high) || !p.low.isFinite || !p.high.isFinite {
            throw SweepError("parameter \(p.name): a swept range needs low < high, got [\(p.low), \(p.high)]")
        }
        self.spec = spec
        self.design = try SweepDesign(method: spec.method, parameters: spec.parameters, seed: spec.seed)
        self.points = design.points(spec.parameters)
    }

    public var taskCount: Int { points.count * spec.scenarios.count }

    public struct Task: Hashable, Sendable {
        public var index: Int
        public var point: Int
        public var scenario: Int
        public var seed: UInt64
    }

    public func task(_ index: Int) -> Task {
        let s = spec.scenarios.count
        let point = index / s, scenario = index % s
        let stream = spec.randomNumbers == .common ? UInt64(scenario) : UInt64(index)
        var g = SeededGenerator(seed: spec.seed, stream: stream)
        return Task(index: index, point: point, scenario: scenario, seed: g.next())
    }

    /// The tasks of shard `k` of `n` (k counted from 0): a contiguous slice, sizes differing by at
    /// most one.
    public func shardRange(_ k: Int, of n: Int) -> Range<Int> {
        let t = taskCount
        return (k * t / n)..<((k + 1) * t / n)
    }

    /// Runs the tasks in `range` with `evaluate(point, scenario, seed)` on up to `threads`
    /// threads, one task per thread at a time, and returns their outputs in task order (the first
    /// error in task order rethrown). Each task is independent, so the results do not depend on
    /// `threads`.
    public func run(_ range: Range<Int>, threads: Int,
                    evaluate: @Sendable (_ point: [Double], _ scenario: Int, _ seed: UInt64) throws -> [Double]) throws -> [[Double]] {
        let points = self.points
        return try parallelMap(range.map { task($0) }, threads: threads) { t in
            try evaluate(points[t.point], t.scenario, t.seed)
        }
    }
}
