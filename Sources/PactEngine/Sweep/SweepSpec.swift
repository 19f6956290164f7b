/// One parameter a sweep varies: its name, the range it is varied over and its default (the
/// value it keeps while other parameters move). Any model whose inputs are named numbers can be
/// swept; the crisis model's free parameters are read from its `ParameterSet`.
public struct SweepParameter: Hashable, Sendable, Codable {
    public var name: String
    public var low: Double
    public var high: Double
    public var defaultValue: Double

    public init(name: String, low: Double, high: Double, defaultValue: Double) {
        self.name = name
        self.low = low
        self.high = high
        self.defaultValue = defaultValue
    }

    /// The value at fraction `u` of the range: the sweep designs work on the unit cube and
    /// every parameter is varied uniformly over its range.
    public func value(at u: Double) -> Double { low + u * (high - low) }
}

/// How a sweep chooses its parameter points.
public enum SweepMethod: Hashable, Sendable, Codable {
    /// One at a time: all parameters at their defaults, then each at its low and its high.
    case oat
    /// Morris elementary effects over `trajectories` random one-step-at-a-time paths on a grid
    /// of `levels` levels (Morris 1991).
    case morris(trajectories: Int, levels: Int)
    /// Saltelli sampling for first-order and total Sobol indices from `baseSamples` rows of two
    /// independent base matrices, with `bootstrap` resamples for confidence intervals
    /// (Saltelli et al. 2010).
    case sobol(baseSamples: Int, bootstrap: Int)

    public var name: String {
        switch self {
        case .oat: "oat"
        case .morris: "morris"
        case .sobol: "sobol"
        }
    }
}

/// Where each task's random numbers come from.
public enum SweepRandomNumbers: String, Hashable, Sendable, Codable, CaseIterable {
    /// Every point of one scenario uses the same seed (derived from the sweep's seed and the
    /// scenario's index): differences between points are then differences of parameters, not of
    /// Monte Carlo noise (common random numbers).
    case common
    /// Every task has its own seed, derived from the sweep's seed and the task's index.
    case independent
}

/// Everything that defines a sweep's results. Two runs with equal specs give bit-identical
/// results, however they are split into shards; shards carry the spec so that `merge` can refuse
/// to combine pieces of different sweeps.
public struct SweepSpec: Hashable, Sendable, Codable {
    /// The model swept (crisis engine, bargaining or outlook) and its settings.
    public var model: SweepModelKind
    public var method: SweepMethod
    public var parameters: [SweepParameter]
    /// Scenario ids, in task order.
    public var scenarios: [String]
    /// The names of the numbers each task produces, in order.
    public var outputs: [String]
    /// Monte Carlo draws per task.
    public var draws: Int
    public var seed: UInt64
    public var randomNumbers: SweepRandomNumbers

    public init(model: SweepModelKind = .crisis, method: SweepMethod, parameters: [SweepParameter], scenarios: [String],
                outputs: [String], draws: Int, seed: UInt64, randomNumbers: SweepRandomNumbers = .common) {
        self.model = model
        self.method = method
        self.parameters = parameters
        self.scenarios = scenarios
        self.outputs = outputs
        self.draws = draws
        self.seed = seed
        self.randomNumbers = randomNumbers
    }

    private enum CodingKeys: String, CodingKey { case model, method, parameters, scenarios, outputs, draws, seed, randomNumbers }

    /// Shard files written before sweeps covered other models have no `model`: they are crisis
    /// sweeps.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decodeIfPresent(SweepModelKind.self, forKey: .model) ?? .crisis
        method = try c.decode(SweepMethod.self, forKey: .method)
        parameters = try c.decode([SweepParameter].self, forKey: .parameters)
        scenarios = try c.decode([String].self, forKey: .scenarios)
        outputs = try c.decode([String].self, forKey: .outputs)
        draws = try c.decode(Int.self, forKey: .draws)
        seed = try c.decode(UInt64.self, forKey: .seed)
        randomNumbers = try c.decode(SweepRandomNumbers.self, forKey: .randomNumbers)
    }

    /// A canonical text of the spec (doubles as bit patterns), the input of `fingerprint`.
    public var canonical: String {
        var parts: [String] = []
        // A crisis sweep's text is as it was before other models could be swept, so its
        // fingerprint is unchanged.
        switch model {
        case .crisis: break
        case .issue(let rounds): parts.append("model issue rounds=\(rounds)")
        case .outlook(let lookAhead): parts.append("model outlook look-ahead=\(lookAhead)")
        }
        switch method {
        case .oat: parts.append("oat")
        case .morris(let r, let p): parts.append("morris r=\(r) p=\(p)")
        case .sobol(let n, let b): parts.append("sobol n=\(n) b=\(b)")
        }
        for p in parameters {
            parts.append("param \(p.name) \(p.low.bitPattern) \(p.high.bitPattern) \(p.defaultValue.bitPattern)")
        }
        parts.append("scenarios " + scenarios.joined(separator: ","))
        parts.append("outputs " + outputs.joined(separator: ","))
        parts.append("draws \(draws) seed \(seed) rng \(randomNumbers.rawValue)")
        return parts.joined(separator: "\n")
    }

    /// A 64-bit FNV-1a hash of `canonical`, in hex: a short name for "this sweep".
    public var fingerprint: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in canonical.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A spec that cannot be swept.
public struct SweepError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
