/// A finished sweep's sensitivity measures: for each scenario and output, one entry per
/// parameter in the method's terms. Computed from the tasks' outputs in task order, so a merged
/// set of shards gives exactly the analysis of one unsharded run.
public struct SweepAnalysis: Sendable {
    public let spec: SweepSpec
    /// [scenario][output]
    public let cells: [[Cell]]

    public enum Measures: Sendable {
        case oat(base: Double, swings: [SweepEstimators.Swing])
        case morris([SweepEstimators.Elementary])
        case sobol([SweepEstimators.Sobol])
    }

    public struct Cell: Sendable {
        public var scenario: String
        public var output: String
        public var measures: Measures
    }

    /// `results[task][output]` for every task of the plan, in task order.
    public init(plan: SweepPlan, results: [[Double]]) throws(SweepError) {
        let spec = plan.spec
        guard results.count == plan.taskCount else {
            throw SweepError("expected \(plan.taskCount) task results, got \(results.count)")
        }
        for (k, r) in results.enumerated() where r.count != spec.outputs.count {
            throw SweepError("task \(k) has \(r.count) outputs, expected \(spec.outputs.count)")
        }
        self.spec = spec
        let s = spec.scenarios.count, d = spec.parameters.count
        var resamples: [[Int]] = []
        if case .sobol(let n, let b) = spec.method { resamples = SweepEstimators.resamples(count: b, rows: n, seed: spec.seed) }
        var cells: [[Cell]] = []
        for (si, scenario) in spec.scenarios.enumerated() {
            var row: [Cell] = []
            for (oi, output) in spec.outputs.enumerated() {
                let y = stride(from: si, to: results.count, by: s).map { results[$0][oi] }
                let measures: Measures
                switch spec.method {
                case .oat:
                    let r = SweepEstimators.oat(y, dimension: d)
                    measures = .oat(base: r.base, swings: r.swings)
                case .morris:
                    measures = .morris(SweepEstimators.morris(unitPoints: plan.design.unitPoints, y, dimension: d))
                case .sobol:
                    measures = .sobol(SweepEstimators.sobol(y, dimension: d, resamples: resamples))
                }
                row.append(Cell(scenario: scenario, output: output, measures: measures))
            }
            cells.append(row)
        }
        self.cells = cells
    }
}
