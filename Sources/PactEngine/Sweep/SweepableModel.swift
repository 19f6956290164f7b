/// A model a sweep can evaluate: a fixed list of named outputs, computed for one parameter point
/// and one of the sweep's scenarios. The crisis engine, the bargaining model of issue scenarios
/// and the cohesion outlook each have one, so the same designs, shards and estimators serve all
/// three.
public protocol SweepableModel: Sendable {
    /// The names of the numbers `evaluate` returns, in order.
    var outputs: [String] { get }

    /// The outputs of scenario `scenario` with `parameters` at `point` (parameter units), from
    /// `draws` Monte Carlo draws seeded with `seed` (a deterministic model ignores both).
    func evaluate(parameters: [SweepParameter], point: [Double], scenario: Int, draws: Int, seed: UInt64) throws -> [Double]
}

extension SweepableModel {
    /// Every task of `plan` in `range`, on up to `threads` threads, in task order.
    public func run(_ plan: SweepPlan, tasks range: Range<Int>, threads: Int) throws -> [[Double]] {
        let parameters = plan.spec.parameters, draws = plan.spec.draws
        return try plan.run(range, threads: threads) { point, scenario, seed in
            try evaluate(parameters: parameters, point: point, scenario: scenario, draws: draws, seed: seed)
        }
    }
}

/// Which model a sweep evaluates, with the settings that change its answers (part of the
/// sweep's fingerprint, so shards of differently set sweeps do not merge).
public enum SweepModelKind: Hashable, Sendable, Codable {
    /// Crisis scenarios through the crisis engine.
    case crisis
    /// Issue scenarios through the expected-utility bargaining model, `rounds` rounds.
    case issue(rounds: Int)
    /// The cohesion outlook; each of the sweep's scenarios is one horizon.
    case outlook(lookAhead: Bool)

    public var name: String {
        switch self {
        case .crisis: "crisis"
        case .issue: "issue"
        case .outlook: "outlook"
        }
    }
}
