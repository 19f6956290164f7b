import PactEngine
import PactModel

/// The bargaining JSON (`pact schema --output bargain`), built in one place for every front end that shows a run:
/// `pact bargain --format json`, the issue entries of `pact run --format json` and
/// `POST /api/bargain`. Actors appear by their input names, in input order; keys come in a
/// fixed order, then Pact's additions (the range, each move's starting position).
public enum BargainingJSON {
    /// `pact bargain`'s document: `{"variant", "range", "rounds": [...]}`.
    public static func run(_ run: BargainingRun) -> OrderedJSON {
        .object([
            "variant": .string(run.variant.rawValue),
            "range": .number(run.range),
            "rounds": rounds(of: run),
        ])
    }

    /// `pact bargain --format json`: the run with `schema_version` first.
    public static func document(_ run: BargainingRun) -> OrderedJSON { Self.run(run).versioned }

    /// `POST /api/bargain`'s answer: the run with the question it answers and the forecast up front,
    /// `{"scenario", "question", "variant", "range", "median", "mean", "rounds"}`. Scenario and
    /// question are null for a stakeholder table without a scenario.
    public static func answer(_ run: BargainingRun, scenario: Scenario?) -> OrderedJSON {
        .object([
            "scenario": .string(scenario?.id),
            "question": .string(scenario?.issue?.question),
            "variant": .string(run.variant.rawValue),
            "range": .number(run.range),
            "median": .number(run.final.median),
            "mean": .number(run.final.mean),
            "rounds": rounds(of: run),
        ])
    }

    /// An issue scenario among `pact run`'s results: the forecast, then the whole run as
    /// `pact bargain` writes it, `{"scenario", "question", "median", "mean", "bargaining"}`.
    public static func issueForecast(_ run: BargainingRun, scenario: Scenario) -> OrderedJSON {
        .object([
            "scenario": .string(scenario.id),
            "question": .string(scenario.issue?.question),
            "median": .number(run.final.median),
            "mean": .number(run.final.mean),
            "bargaining": Self.run(run),
        ])
    }

    /// `[{"round", "median", "mean", "positions", "risk", "moves"}]`, round 0 first; positions and
    /// risk are objects keyed by actor name.
    static func rounds(of run: BargainingRun) -> OrderedJSON {
        let names = run.actors.map(\.name)
        func byActor(_ values: [Double]) -> OrderedJSON {
            .object(zip(names, values).map { OrderedJSON.Member($0, .number($1)) })
        }
        return .array(run.rounds.map { round in
            .object([
                "round": .number(round.round),
                "median": .number(round.median),
                "mean": .number(round.mean),
                "positions": byActor(round.positions),
                "risk": byActor(round.risk),
                "moves": .array(round.moves.map { move in
                    .object([
                        "actor": .string(names[move.actor]),
                        "with": .string(names[move.counterpart]),
                        "kind": .string(move.kind.rawValue),
                        "to": .number(move.to),
                        "from": .number(move.from),
                    ])
                }),
            ])
        })
    }
}
