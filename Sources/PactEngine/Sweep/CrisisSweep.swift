import PactModel

/// A crisis forecast as a function of a parameter point, for sweeps.
///
/// Every parameter is held at its value (the swept ones at the point, the others at their
/// defaults): the sweep asks how the forecast moves with each assumption, so the Monte Carlo
/// inside a task samples only the model's own noise terms, not the parameter ranges. The
/// scenarios' `uncertainty` ranges are therefore set aside inside a task (a sweep's ranges come
/// from the parameter file). Driver ablations are not computed.
public struct CrisisSweep: SweepableModel {
    /// The numbers each task reports, in order: P(level ≥ k) for k = 1…5, the expected level,
    /// P(the lead state acts alone) and the expected force deployed (troops, 0 below level 5).
    public static let outputs = ["P(level>=1)", "P(level>=2)", "P(level>=3)", "P(level>=4)", "P(level>=5)",
                                 "expected level", "P(unilateral)", "mean force"]

    public var outputs: [String] { Self.outputs }

    public let models: [CrisisModel]
    public let base: ParameterSet

    /// `models` are prepared once (the dataset is read once); `base` gives every parameter its
    /// default.
    public init(scenarios: [Scenario], snapshot: (Scenario) throws -> DatasetSnapshot, base: ParameterSet) throws {
        self.models = try scenarios.map { scenario in
            var fixed = scenario
            fixed.uncertainty = [:]
            return try CrisisModel(scenario: fixed, snapshot: snapshot(scenario))
        }
        self.base = base.fixedAtDefaults()
    }

    /// The free parameters of `parameters` (low < high), optionally restricted: `only` keeps the
    /// named ones, `except` drops them. Unknown names are an error naming the known ones.
    public static func freeParameters(_ parameters: ParameterSet, only: [String], except: [String]) throws(SweepError) -> [SweepParameter] {
        for name in only + except where !parameters.contains(name) {
            throw SweepError("unknown parameter '\(name)'; known: \(parameters.names.joined(separator: ", "))")
        }
        for name in only where parameters[name]?.isFixed == true {
            throw SweepError("parameter '\(name)' has a fixed range (low = high) and cannot be swept; give it a range in a parameter file")
        }
        return parameters.parameters.filter { p in
            p.low < p.high && (only.isEmpty || only.contains(p.name)) && !except.contains(p.name)
        }.map { SweepParameter(name: $0.name, low: $0.low, high: $0.high, defaultValue: $0.defaultValue) }
    }

    /// The outputs of scenario `scenario` with `parameters` fixed at `point`.
    public func evaluate(parameters: [SweepParameter], point: [Double], scenario: Int, draws: Int, seed: UInt64) throws -> [Double] {
        var values: [String: Double] = [:]
        for (p, value) in zip(parameters, point) { values[p.name] = value }
        let set = ParameterSet(base.parameters.map { p in
            guard let v = values[p.name] else { return p }
            return Parameter(name: p.name, defaultValue: v, low: v, high: v, doc: p.doc)
        })
        let f = try models[scenario].forecast(parameters: set, draws: draws, seed: seed, threads: 1, drivers: false)
        var out: [Double] = []
        var tail = 0.0
        for k in stride(from: 5, through: 1, by: -1) {
            tail += f.levels[k]
            out.insert(tail, at: 0)
        }
        out.append(f.expectedLevel)
        out.append(f.unilateral)
        out.append((f.force?.mean ?? 0) * f.levels[5])
        return out
    }
}

extension CrisisSweep {
    /// A cheap one-at-a-time sweep of one crisis over every free parameter of `parameters`, for
    /// a report's "what this forecast depends on" section: 2d + 1 points of `draws` draws each,
    /// on common random numbers.
    public static func oneAtATime(scenario: Scenario, snapshot: DatasetSnapshot, parameters: ParameterSet, draws: Int,
                                  seed: UInt64, threads: Int) throws -> SweepAnalysis {
        let sweep = try CrisisSweep(scenarios: [scenario], snapshot: { _ in snapshot }, base: parameters)
        let free = try freeParameters(parameters, only: [], except: [])
        let spec = SweepSpec(method: .oat, parameters: free, scenarios: [scenario.id], outputs: outputs, draws: draws, seed: seed)
        let plan = try SweepPlan(spec: spec)
        let results = try sweep.run(plan, tasks: 0..<plan.taskCount, threads: threads)
        return try SweepAnalysis(plan: plan, results: results)
    }
}
