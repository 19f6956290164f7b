import Foundation
import PactEngine
import PactModel
import PactReport

/// The bargaining model behind `POST /api/bargain` and the bargaining page: an issue scenario's
/// stakeholders or a table a user typed, run for some rounds.
enum Bargain {
    struct Request: Sendable {
        var rounds: Int
        var variant: BargainingVariant
        var scenario: String?
        /// Replaces the scenario's stakeholders when given.
        var stakeholders: [BargainingActor]?
    }

    struct Result: Sendable {
        var run: BargainingRun
        var scenario: Scenario?
        /// Display names by actor (dataset names where the actor is known).
        var names: [String]

        /// SPEC section 8's bargaining JSON (as `pact bargain --format json`), plus the question.
        var json: OrderedJSON {
            let ids = run.actors.map(\.name)
            func byActor(_ values: [Double]) -> OrderedJSON {
                .object(zip(ids, values).map { OrderedJSON.Member($0, .number($1)) })
            }
            return .object([
                "scenario": .string(scenario?.id),
                "question": .string(scenario?.issue?.question),
                "variant": .string(run.variant.rawValue),
                "range": .number(run.range),
                "median": .number(run.final.median),
                "mean": .number(run.final.mean),
                "rounds": .array(run.rounds.map { round in
                    .object([
                        "round": .number(round.round),
                        "median": .number(round.median),
                        "mean": .number(round.mean),
                        "positions": byActor(round.positions),
                        "risk": byActor(round.risk),
                        "moves": .array(round.moves.map { move in
                            .object([
                                "actor": .string(ids[move.actor]),
                                "with": .string(ids[move.counterpart]),
                                "kind": .string(move.kind.rawValue),
                                "to": .number(move.to),
                                "from": .number(move.from),
                            ])
                        }),
                    ])
                }),
            ])
        }

        var trajectory: BargainingTrajectory {
            let positions = run.rounds.flatMap(\.positions)
            let scale = scenario?.issue?.scale
            return BargainingTrajectory(
                actors: names,
                rounds: run.rounds.map { .init(round: $0.round, median: $0.median, mean: $0.mean, positions: $0.positions) },
                scaleMin: scale?.min ?? positions.min() ?? 0, scaleMax: scale?.max ?? positions.max() ?? 1,
                minLabel: scale?.minLabel ?? "", maxLabel: scale?.maxLabel ?? "")
        }

        var chart: Chart { BargainingChart(trajectory).render(.standard) }
    }

    /// The stakeholders of an issue scenario, capabilities filled from the dataset on its date.
    static func actors(of scenario: Scenario, dataset: Dataset) throws -> [BargainingActor] {
        guard scenario.kind == .issue, let issue = scenario.issue else {
            throw APIError(.unprocessableContent, "'\(scenario.id)' is a crisis scenario; bargaining needs an issue scenario",
                           field: "scenario", allowed: ["an issue scenario"])
        }
        do {
            return try BargainingActor.actors(for: issue, capabilityIndex: dataset.snapshot(on: scenario.date).capabilityIndex)
        } catch {
            throw APIError(.unprocessableContent, error.description, field: "stakeholders")
        }
    }

    static func run(_ request: Request, workbench: Workbench) throws -> Result {
        var scenario: Scenario?
        var actors: [BargainingActor] = []
        if let id = request.scenario {
            let resolved = try workbench.scenario(id).scenario
            actors = try Self.actors(of: resolved, dataset: workbench.catalog.dataset)
            scenario = resolved
        }
        if let given = request.stakeholders { actors = given }
        let model: BargainingModel
        do {
            model = try BargainingModel(actors: actors, variant: request.variant)
        } catch {
            throw APIError(.unprocessableContent, error.description, field: "stakeholders")
        }
        let dataset = workbench.catalog.dataset
        let names = actors.map { dataset.actors[ActorID($0.name)]?.name ?? $0.name }
        return Result(run: model.run(rounds: request.rounds), scenario: scenario, names: names)
    }
}
