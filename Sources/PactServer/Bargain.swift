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

        /// SPEC section 8's bargaining JSON (as `pact bargain --format json`), with the question and forecast.
        var json: OrderedJSON { BargainingJSON.answer(run, scenario: scenario) }

        var trajectory: BargainingTrajectory { BargainingTrajectory(run, names: names, scale: scenario?.issue?.scale) }

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
        let run = model.run(rounds: request.rounds)
        return Result(run: run, scenario: scenario, names: run.displayNames(in: workbench.catalog.dataset))
    }
}
