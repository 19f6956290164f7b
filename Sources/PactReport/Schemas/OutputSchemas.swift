/// JSON Schemas (draft 2020-12) of Pact's JSON outputs, printed by `pact schema --output NAME`
/// and served to API clients, so other tools can check what they read.
///
/// Objects are closed (`additionalProperties: false`): a key added to an output without its
/// schema fails the tests that check every output against these.
public enum OutputSchemas {
    /// The version of the documented outputs, written as `schema_version` in each of them;
    /// raised whenever a key is removed or changes meaning.
    public static let version = 1

    /// Every schema by name: the command outputs, then `forecast` (one crisis forecast, the
    /// `results` entries of `run` and the API's stored run result).
    public static let names = ["run", "validate", "bargain", "align", "outlook", "sweep", "forecast"]

    public static func schema(named name: String) -> OrderedJSON? {
        let body: OrderedJSON
        let title: String
        switch name {
        case "run": (title, body) = ("pact run --format json", run)
        case "validate": (title, body) = ("pact validate --format json", validate)
        case "bargain": (title, body) = ("pact bargain --format json", versioned(bargainingRun))
        case "align": (title, body) = ("pact align --format json", align)
        case "outlook": (title, body) = ("pact outlook --format json", outlook)
        case "sweep": (title, body) = ("pact sweep --format json (and pact merge --format json)", sweep)
        case "forecast": (title, body) = ("One crisis forecast", forecast)
        default: return nil
        }
        guard case .object(let members) = body else { return body }
        return .object([.init("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                        .init("title", .string(title))] + members)
    }
}

/// The few schema shapes the outputs use.
private enum S {
    static let number: OrderedJSON = .object(["type": .string("number")])
    static let integer: OrderedJSON = .object(["type": .string("integer")])
    static let string: OrderedJSON = .object(["type": .string("string")])
    static let boolean: OrderedJSON = .object(["type": .string("boolean")])
    static let probability: OrderedJSON = .object(["type": .string("number"), "minimum": .number(0), "maximum": .number(1)])
    static let level: OrderedJSON = .object(["type": .string("integer"), "minimum": .number(0), "maximum": .number(5)])
    static let date: OrderedJSON = .object(["type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")])

    static func nullable(_ schema: OrderedJSON) -> OrderedJSON {
        .object(["anyOf": .array([schema, .object(["type": .string("null")])])])
    }

    static func array(_ items: OrderedJSON, count: Int? = nil) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("type", .string("array")), .init("items", items)]
        if let count { members += [.init("minItems", .number(count)), .init("maxItems", .number(count))] }
        return .object(members)
    }

    static func oneOf(_ values: [String]) -> OrderedJSON {
        .object(["type": .string("string"), "enum": .array(values.map { .string($0) })])
    }

    /// An object keyed by names the input chooses (actor names), every value `values`.
    static func map(_ values: OrderedJSON) -> OrderedJSON {
        .object(["type": .string("object"), "additionalProperties": values])
    }

    /// A closed object; every property required except those in `optional`.
    static func object(_ properties: KeyValuePairs<String, OrderedJSON>, optional: Set<String> = [],
                       description: String? = nil) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("type", .string("object"))]
        if let description { members.append(.init("description", .string(description))) }
        members += [
            .init("properties", .object(properties.map { OrderedJSON.Member($0.key, $0.value) })),
            .init("required", .array(properties.map { $0.key }.filter { !optional.contains($0) }.map { .string($0) })),
            .init("additionalProperties", .bool(false)),
        ]
        return .object(members)
    }
}

extension OutputSchemas {
    static let schemaVersion: OrderedJSON = .object(["const": .number(version)])

    /// `schema` with `schema_version` as its first, required property.
    static func versioned(_ schema: OrderedJSON) -> OrderedJSON {
        guard case .object(var members) = schema else { return schema }
        for index in members.indices {
            if members[index].key == "properties", case .object(let properties) = members[index].value {
                members[index].value = .object([.init("schema_version", schemaVersion)] + properties)
            }
            if members[index].key == "required", case .array(let required) = members[index].value {
                members[index].value = .array([.string("schema_version")] + required)
            }
        }
        return .object(members)
    }

    static let summary = S.nullable(S.object(["mean": S.number, "p10": S.number, "p90": S.number]))

    static let forecast = S.object([
        "scenario": S.string,
        "draws": .object(["type": .string("integer"), "minimum": .number(1)]),
        "seed": .object(["type": .string("integer"), "minimum": .number(0), "maximum": .number(UInt64.max)]),
        "levels": S.array(S.probability, count: 6),
        "modal": S.level,
        "unilateral": S.probability,
        "force": summary,
        "days_to_first_arrival": summary,
        "deployment_draws": .object(["type": .string("integer"), "minimum": .number(0),
                                     "description": .string("draws ending in a deployment, over which force, days and contributions are means")]),
        "members": S.array(S.object([
            "id": S.string, "position": S.number, "salience": S.number, "stance": S.oneOf(["support", "abstain", "block"]),
            "contribution": S.number, "role": S.string, "weight": S.number,
            "stances": S.object(["support": S.probability, "abstain": S.probability, "block": S.probability]),
        ])),
        "drivers": S.array(S.object(["term": S.string, "effect": S.number])),
        "trigger": S.object(["cap": S.level, "coverage": S.string, "strength": S.number, "reasons": S.array(S.string)]),
        "expected_level": S.number,
        "requester_satisfaction": S.nullable(S.number),
    ], optional: ["deployment_draws"])

    static let bargainingRun = S.object([
        "variant": S.string,
        "range": S.number,
        "rounds": S.array(S.object([
            "round": S.integer, "median": S.number, "mean": S.number, "positions": S.map(S.number), "risk": S.map(S.number),
            "moves": S.array(S.object(["actor": S.string, "with": S.string, "kind": S.string, "to": S.number, "from": S.number])),
        ])),
    ])

    static let run = versioned(S.object([
        "results": S.array(forecast),
        "issues": S.array(S.object(["scenario": S.string, "question": S.nullable(S.string), "median": S.number,
                                    "mean": S.number, "bargaining": bargainingRun])),
    ], optional: ["issues"]))

    static let validate: OrderedJSON = {
        let score = S.nullable(S.number)
        let scores: KeyValuePairs<String, OrderedJSON> = ["n": S.integer, "accuracy": score, "within_one": score, "rps": score,
                                                          "brier": score, "unilateral_brier": score]
        var modelProperties = scores.map { OrderedJSON.Member($0.key, $0.value) }
        modelProperties.append(.init("baselines", S.object(["base_rate": S.object(scores), "always_none": S.object(scores)])))
        modelProperties.append(.init("rps_skill_over_base_rate", score))
        let summary: OrderedJSON = .object([
            .init("type", .string("object")), .init("properties", .object(modelProperties)),
            .init("required", .array(modelProperties.map { .string($0.key) })), .init("additionalProperties", .bool(false)),
        ])
        return versioned(S.object([
            "cases": S.array(S.object([
                "id": S.string, "actual": S.level, "levels": S.array(S.probability, count: 6), "modal": S.level, "rps": S.number,
                "brier": S.number, "unilateral": S.probability, "actual_unilateral": S.boolean, "unilateral_brier": S.number,
            ])),
            "summary": summary,
            "reliability": S.object(["event": S.string, "bins": S.array(S.object([
                "lower": S.number, "upper": S.number, "count": S.integer, "mean_predicted": S.nullable(S.number),
                "observed_frequency": S.nullable(S.number),
            ]))]),
            "draws": S.integer,
            "seed": .object(["type": .string("integer"), "minimum": .number(0)]),
            "cross_validated": S.boolean,
            "parameters": S.string,
            "skill": S.object(["rps": skill, "unilateral_brier": skill]),
            "in_sample": heldOut,
            "out_of_sample": .object(["type": .string("object"), "additionalProperties": heldOut]),
        ], optional: ["parameters", "skill", "in_sample", "out_of_sample"]))
    }()

    /// A skill score over the base rate with its bootstrap interval (null where undefined).
    static let skill = S.object([
        "skill": S.nullable(S.number), "low": S.nullable(S.number), "high": S.nullable(S.number),
        "coverage": S.probability, "resamples": S.integer, "seed": S.integer, "cases": S.integer,
    ])

    /// One design's held-out backtest (`--cross-validate`, `--time-split`), or the in-sample one
    /// beside them: the backtest itself in the shape above, its reference and both skills.
    static let heldOut = S.object([
        "backtest": .object(["type": .string("object")]),
        "design": S.string,
        "reference": S.object(["name": S.string, "rps": S.number, "unilateral_brier": S.number]),
        "rps_skill": skill, "unilateral_brier_skill": skill, "training": S.array(S.string),
    ], optional: ["training"])

    static let align = versioned(S.object([
        "as_of": S.date,
        "blocs": .object(["type": .string("integer"), "minimum": .number(2), "maximum": .number(3)]),
        "bloc_names": S.array(S.string),
        "counter_pole": S.nullable(S.string),
        "method": S.oneOf(["exhaustive", "local"]),
        "examined": S.integer,
        "local_minimum_count": S.integer,
        "truncated": S.boolean,
        "current_energy": S.number,
        "minima": S.array(S.object(["rank": S.integer, "energy": S.number, "blocs": S.array(S.array(S.string))])),
        "actors": S.array(S.object([
            "id": S.string, "size": S.number, "current_bloc": S.string, "predicted_bloc": S.string, "frustration": S.number,
            "gain_by_switching": S.number, "best_bloc": S.string, "misplaced": S.boolean,
        ])),
        "misplaced": S.array(S.string),
    ]))

    /// One sweep: its settings, then one entry per scenario and output with a measure per
    /// parameter, whose keys depend on the method (one-at-a-time swings, Morris elementary effects
    /// or Sobol indices). A measure is null where it is undefined (a constant output's Sobol index).
    static let sweep: OrderedJSON = {
        let value = S.nullable(S.number)
        let interval = S.nullable(S.array(S.number, count: 2))
        let oat = S.object(["parameter": S.string, "change_at_low": value, "change_at_high": value])
        let morris = S.object(["parameter": S.string, "mu_star": value, "mu": value, "sigma": value])
        let sobol = S.object(["parameter": S.string, "s1": value, "s1_interval": interval, "st": value, "st_interval": interval])
        return versioned(S.object([
            "sweep": S.object([
                "model": S.oneOf(["crisis", "issue", "outlook"]), "rounds": S.integer, "look_ahead": S.boolean,
                "method": S.oneOf(["oat", "morris", "sobol"]),
                "trajectories": S.integer, "levels": S.integer, "base_samples": S.integer, "bootstrap": S.integer,
                "fingerprint": S.string, "draws_per_point": S.integer, "seed": S.string, "random_numbers": S.string,
                "points": S.integer, "scenarios": S.array(S.string), "outputs": S.array(S.string),
                "parameters": S.array(S.object(["name": S.string, "low": S.number, "high": S.number, "default": S.number])),
            ], optional: ["rounds", "look_ahead", "trajectories", "levels", "base_samples", "bootstrap"]),
            "results": S.array(S.object([
                "scenario": S.string, "output": S.string, "base": value,
                "parameters": .object(["type": .string("array"), "items": .object(["oneOf": .array([oat, morris, sobol])])]),
            ], optional: ["base"])),
        ]))
    }()

    static let outlook: OrderedJSON = {
        let band = S.object(["p10": S.number, "p25": S.number, "p50": S.number, "p75": S.number, "p90": S.number, "mean": S.number])
        return versioned(S.object([
            "from": S.date, "to": S.date, "runs": S.integer, "seed": .object(["type": .string("integer"), "minimum": .number(0)]),
            "hindsight": S.boolean, "look_ahead": S.boolean,
            "case_window": S.object(["from": S.date, "to": S.date, "years": S.number]),
            "expected_crises": S.number, "expected_deployments": S.number,
            "members": S.array(S.object([
                "id": S.string, "lead": S.boolean, "start_status": S.string, "p_full": S.probability,
                "p_disengaged": S.probability, "p_left": S.probability, "p_exit_or_freeze": S.probability,
                "satisfaction": S.nullable(S.number), "anchor": S.number, "loyalty": S.number, "need": S.number,
                "tension": S.number, "outside_option": S.number, "best_outside": S.nullable(S.string),
            ])),
            "allied_outsiders": S.array(S.string),
            "fan": S.array(S.object(["date": S.date, "years": S.number, "full_members": band, "cohesion": band])),
            "templates": S.array(S.object([
                "id": S.string, "type": S.string, "place": S.string, "rate_per_year": S.number, "affected": S.nullable(S.string),
                "cap": S.level, "wanted": S.nullable(S.number), "levels": S.array(S.probability, count: 6),
            ])),
            "relation_trends": S.array(S.object([
                "pair": S.array(S.string, count: 2), "current": S.number, "historical_mean": S.number,
                "squared_changes": S.number, "window_years": S.number, "volatility": S.number,
            ])),
        ]))
    }()
}
