import PactModel

extension CrisisForecast {
    /// The forecast as SPEC section 8's JSON object, keys in the order the spec shows them,
    /// followed by Pact's additions (`trigger`, `expected_level`, `requester_satisfaction`).
    /// Absent force and arrival figures are `null`.
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
            "seed": .number(Double(seed)),
            "levels": .array(levels.map { .number($0) }),
            "modal": .number(modal),
            "unilateral": .number(unilateral),
            "force": summary(force),
            "days_to_first_arrival": summary(daysToFirstArrival),
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
