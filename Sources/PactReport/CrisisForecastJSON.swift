import PactModel

extension CrisisForecast {
    /// The forecast as Pact's documented JSON object (`pact schema --output run`), keys in a fixed
    /// order. Seeds and counts are written as exact integers; absent force and arrival figures are
    /// `null`.
    public var orderedJSON: OrderedJSON {
        func summary(_ s: Summary?) -> OrderedJSON {
            guard let s else { return .null }
            return .object(["mean": .number(s.mean), "p10": .number(s.p10), "p90": .number(s.p90)])
        }
        let members = self.members.map { m -> OrderedJSON in
            .object([
                "id": .string(m.id.rawValue),
                "position": .number(m.position),
                "salience": .number(m.salience),
                "stance": .string(m.stance.rawValue),
                "contribution": .number(m.contribution),
                "role": .string(m.role),
                "weight": .number(m.weight),
                "stances": .object(["support": .number(m.stances.support), "abstain": .number(m.stances.abstain),
                                    "block": .number(m.stances.block)]),
            ])
        }
        return .object([
            "scenario": .string(scenario),
            "draws": .number(draws),
            "seed": .number(seed),
            "levels": .array(levels.map { .number($0) }),
            "modal": .number(modal),
            "unilateral": .number(unilateral),
            "force": summary(force),
            "days_to_first_arrival": summary(daysToFirstArrival),
            "deployment_draws": .number(DeploymentBasis(self).draws),
            "members": .array(members),
            "drivers": .array(drivers.map { .object(["term": .string($0.term), "effect": .number($0.effect)]) }),
            "trigger": .object([
                "cap": .number(trigger.cap),
                "coverage": .string(trigger.coverage),
                "strength": .number(trigger.strength),
                "reasons": .array(trigger.reasons.map { .string($0) }),
            ]),
            "expected_level": .number(expectedLevel),
            "requester_satisfaction": .number(requesterSatisfaction),
        ])
    }
}

// The forecast reads back from the JSON `orderedJSON` writes (the server's stored runs), with the
// same snake_case keys. Written by hand because the model module holds no coding keys: its names
// are Swift's, the JSON's are the documented output's.

extension CrisisForecast: Codable {
    enum CodingKeys: String, CodingKey {
        case scenario, draws, seed, levels, modal, unilateral, force
        case daysToFirstArrival = "days_to_first_arrival"
        case members, drivers, trigger
        case expectedLevel = "expected_level"
        case requesterSatisfaction = "requester_satisfaction"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let levels = try c.decode([Double].self, forKey: .levels)
        guard levels.count == ResponseLevel.allCases.count else {
            throw DecodingError.dataCorruptedError(forKey: .levels, in: c,
                                                   debugDescription: "expected one probability per ladder level (6)")
        }
        self.init(scenario: try c.decode(String.self, forKey: .scenario),
                  draws: try c.decode(Int.self, forKey: .draws),
                  seed: try Self.decodeSeed(c),
                  levels: levels,
                  modal: try c.decode(Int.self, forKey: .modal),
                  unilateral: try c.decode(Double.self, forKey: .unilateral),
                  force: try c.decodeIfPresent(Summary.self, forKey: .force),
                  daysToFirstArrival: try c.decodeIfPresent(Summary.self, forKey: .daysToFirstArrival),
                  members: try c.decode([MemberForecast].self, forKey: .members),
                  drivers: try c.decode([Driver].self, forKey: .drivers),
                  trigger: try c.decode(TriggerExplanation.self, forKey: .trigger),
                  expectedLevel: try c.decode(Double.self, forKey: .expectedLevel),
                  requesterSatisfaction: try c.decodeIfPresent(Double.self, forKey: .requesterSatisfaction))
    }

    /// The seed as an exact integer; runs stored before seeds were written exactly hold a
    /// floating-point figure, accepted only when it names a `UInt64` exactly.
    private static func decodeSeed(_ c: KeyedDecodingContainer<CodingKeys>) throws -> UInt64 {
        if let exact = try? c.decode(UInt64.self, forKey: .seed) { return exact }
        let approximate = try c.decode(Double.self, forKey: .seed)
        guard let seed = UInt64(exactly: approximate) else {
            throw DecodingError.dataCorruptedError(forKey: .seed, in: c,
                                                   debugDescription: "seed \(approximate) is not an integer in 0...2^64-1")
        }
        return seed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(draws, forKey: .draws)
        try c.encode(seed, forKey: .seed)
        try c.encode(levels, forKey: .levels)
        try c.encode(modal, forKey: .modal)
        try c.encode(unilateral, forKey: .unilateral)
        try c.encode(force, forKey: .force)
        try c.encode(daysToFirstArrival, forKey: .daysToFirstArrival)
        try c.encode(members, forKey: .members)
        try c.encode(drivers, forKey: .drivers)
        try c.encode(trigger, forKey: .trigger)
        try c.encode(expectedLevel, forKey: .expectedLevel)
        try c.encode(requesterSatisfaction, forKey: .requesterSatisfaction)
    }
}

extension CrisisForecast.Summary: Codable {
    enum CodingKeys: String, CodingKey { case mean, p10, p90 }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(mean: try c.decode(Double.self, forKey: .mean), p10: try c.decode(Double.self, forKey: .p10),
                  p90: try c.decode(Double.self, forKey: .p90))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mean, forKey: .mean)
        try c.encode(p10, forKey: .p10)
        try c.encode(p90, forKey: .p90)
    }
}

extension MemberForecast: Codable {
    enum CodingKeys: String, CodingKey { case id, position, salience, stance, contribution, role, weight, stances }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: ActorID(try c.decode(String.self, forKey: .id)),
                  position: try c.decode(Double.self, forKey: .position),
                  salience: try c.decode(Double.self, forKey: .salience),
                  stance: try c.decode(Stance.self, forKey: .stance),
                  stances: try c.decode(StanceShares.self, forKey: .stances),
                  contribution: try c.decode(Double.self, forKey: .contribution),
                  role: try c.decode(String.self, forKey: .role),
                  weight: try c.decode(Double.self, forKey: .weight))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(position, forKey: .position)
        try c.encode(salience, forKey: .salience)
        try c.encode(stance, forKey: .stance)
        try c.encode(contribution, forKey: .contribution)
        try c.encode(role, forKey: .role)
        try c.encode(weight, forKey: .weight)
        try c.encode(stances, forKey: .stances)
    }
}

extension MemberForecast.StanceShares: Codable {
    enum CodingKeys: String, CodingKey { case support, abstain, block }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(support: try c.decode(Double.self, forKey: .support), abstain: try c.decode(Double.self, forKey: .abstain),
                  block: try c.decode(Double.self, forKey: .block))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(support, forKey: .support)
        try c.encode(abstain, forKey: .abstain)
        try c.encode(block, forKey: .block)
    }
}

extension Driver: Codable {
    enum CodingKeys: String, CodingKey { case term, effect }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(term: try c.decode(String.self, forKey: .term), effect: try c.decode(Double.self, forKey: .effect))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(effect, forKey: .effect)
    }
}

extension TriggerExplanation: Codable {
    enum CodingKeys: String, CodingKey { case cap, coverage, strength, reasons }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(cap: try c.decode(Int.self, forKey: .cap), coverage: try c.decode(String.self, forKey: .coverage),
                  strength: try c.decode(Double.self, forKey: .strength),
                  reasons: try c.decode([String].self, forKey: .reasons))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cap, forKey: .cap)
        try c.encode(coverage, forKey: .coverage)
        try c.encode(strength, forKey: .strength)
        try c.encode(reasons, forKey: .reasons)
    }
}
