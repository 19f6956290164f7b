import PactModel

// The JSON shapes of SPEC section 8 (`pact validate --format json`): snake_case keys, SPEC's
// keys first and Pact's extra keys after them (extras may be added, none renamed). Keys are
// encoded in SPEC's order, but Foundation's JSONEncoder on Linux does not preserve encoding
// order, so a writer that needs byte-stable output must order the keys itself.

extension CaseScore: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, actual, levels, modal, rps, brier, unilateral
        case actualUnilateral = "actual_unilateral"
        case unilateralBrier = "unilateral_brier"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(actual.rawValue, forKey: .actual)
        try container.encode(levels, forKey: .levels)
        try container.encode(modal.rawValue, forKey: .modal)
        try container.encode(rps, forKey: .rps)
        try container.encode(brier, forKey: .brier)
        try container.encode(unilateral, forKey: .unilateral)
        try container.encode(actualUnilateral, forKey: .actualUnilateral)
        try container.encode(unilateralBrier, forKey: .unilateralBrier)
    }
}

extension ForecasterScores: Encodable {
    private enum CodingKeys: String, CodingKey {
        case n, accuracy, rps, brier
        case withinOne = "within_one"
        case unilateralBrier = "unilateral_brier"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(accuracy, forKey: .accuracy)
        try container.encode(withinOne, forKey: .withinOne)
        try container.encode(rps, forKey: .rps)
        try container.encode(brier, forKey: .brier)
        try container.encode(unilateralBrier, forKey: .unilateralBrier)
    }
}

extension ScoreSummary: Encodable {
    private enum CodingKeys: String, CodingKey {
        case n, accuracy, rps, brier, baselines
        case withinOne = "within_one"
        case unilateralBrier = "unilateral_brier"
    }
    private enum BaselineKeys: String, CodingKey {
        case baseRate = "base_rate"
        case alwaysNone = "always_none"
    }

    /// SPEC's summary: the model's figures flat, the baselines nested under `baselines`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model.n, forKey: .n)
        try container.encode(model.accuracy, forKey: .accuracy)
        try container.encode(model.withinOne, forKey: .withinOne)
        try container.encode(model.rps, forKey: .rps)
        try container.encode(model.brier, forKey: .brier)
        try container.encode(model.unilateralBrier, forKey: .unilateralBrier)
        var baselines = container.nestedContainer(keyedBy: BaselineKeys.self, forKey: .baselines)
        try baselines.encode(baseRate, forKey: .baseRate)
        try baselines.encode(alwaysNone, forKey: .alwaysNone)
    }
}

extension ReliabilityBin: Encodable {
    private enum CodingKeys: String, CodingKey {
        case lower, upper, count
        case meanPredicted = "mean_predicted"
        case observedFrequency = "observed_frequency"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(count, forKey: .count)
        try container.encode(meanPredicted, forKey: .meanPredicted)
        try container.encode(observedFrequency, forKey: .observedFrequency)
    }
}
