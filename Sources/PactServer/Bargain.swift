import Foundation
import PactEngine
import PactModel
import PactReport

extension BargainingRun {
    /// The run cut by the stop rule when `stop` is set, as it is otherwise.
    func settled(_ stop: Bool) -> BargainingRun { stop ? BargainingConvergence.stopped(self) : self }
}

/// The bargaining model behind `POST /api/bargain` and the bargaining page: an issue scenario's
/// stakeholders or a table a user typed, run for some rounds.
enum Bargain {
    struct Request: Sendable {
        var rounds: Int
        var variant: BargainingVariant
        var scenario: String?
        /// Replaces the scenario's stakeholders when given.
        var stakeholders: [BargainingActor]?
        /// Stop after the first round that moves less than the tolerance (`pact bargain --stop-when-settled`).
        var stopWhenSettled = false
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

    /// Refuses a request over the stakeholder or the stakeholders-times-rounds limit (422, the limit named).
    static func check(actors: Int, rounds: Int, limits: Limits) throws {
        guard actors <= limits.maxBargainActors else {
            throw APIError(.unprocessableContent,
                           "\(actors) stakeholders is more than this server's limit of \(limits.maxBargainActors) per request",
                           field: "stakeholders")
        }
        guard actors * rounds <= limits.maxBargainWork else {
            throw APIError(.unprocessableContent,
                           "\(actors) stakeholders x \(rounds) rounds = \(actors * rounds) is more than this server's limit of "
                               + "\(limits.maxBargainWork) stakeholder-rounds per request; ask for at most "
                               + "\(limits.maxBargainWork / max(actors, 1)) rounds",
                           field: "rounds")
        }
    }

    /// Runs the bargaining on a dispatch thread under the run time limit: a table of many actors
    /// over many rounds is stopped between rounds (503) instead of holding a core to the end.
    static func run(_ request: Request, workbench: Workbench) async throws -> Result {
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
        let rounds = request.rounds
        try check(actors: actors.count, rounds: rounds, limits: workbench.limits)
        let run = try await workbench.compute(advice: "ask for fewer rounds or stakeholders", field: "rounds") { cancellation in
            // Only the per-round summaries are shown: the expected-utility tables and offers of
            // every round but the last are dropped as the run goes, so memory stays O(n^2).
            try model.run(rounds: rounds, keeping: .summaries, cancellation: cancellation)
        }.settled(request.stopWhenSettled)
        return Result(run: run, scenario: scenario, names: run.displayNames(in: workbench.catalog.dataset))
    }
}
