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
        /// Indices of `stakeholders` whose capability was left out and filled from the dataset.
        var filled: Set<Int> = []
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

    /// Stores a finished run with the table it ran, for its page and the API's list; returns its id.
    static func store(_ result: Result, request: Request, actors: [BargainingActor], in store: Store) throws -> Int64 {
        let table = OrderedJSON.array(actors.enumerated().map { i, a in
            .object(["actor": .string(a.name), "capability": .number(a.capability), "position": .number(a.position),
                     "salience": .number(a.salience), "filled": .bool(request.filled.contains(i))])
        })
        return try store.insert(Store.NewBargain(
            scenarioID: result.scenario?.id, title: result.scenario?.title ?? "Stakeholder table", variant: request.variant.rawValue,
            rounds: request.rounds, stopWhenSettled: request.stopWhenSettled, stakeholders: table.rendered(pretty: false),
            result: result.json.rendered(pretty: false), createdAt: Workbench.timestamp()))
    }

    /// A stored run as the API lists it; with its table and answer when `full`.
    static func json(_ row: Store.BargainRow, full: Bool) -> String {
        let b = row.bargain
        let head = OrderedJSON.object([
            "id": .number(Double(row.id)), "scenario": .string(b.scenarioID), "title": .string(b.title),
            "variant": .string(b.variant), "rounds": .number(Double(b.rounds)), "stop_when_settled": .bool(b.stopWhenSettled),
            "created_at": .string(b.createdAt), "page": .string("/bargain/runs/\(row.id)"),
        ]).rendered(pretty: false)
        guard full else { return head }
        return String(head.dropLast()) + ",\"stakeholders\":\(b.stakeholders),\"result\":\(b.result)}"
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
        return try await run(request, actors: actors, scenario: scenario, workbench: workbench)
    }

    /// Runs `actors` (the table as it will be stored) under the request's rounds, variant and stop rule.
    static func run(_ request: Request, actors: [BargainingActor], scenario: Scenario?, workbench: Workbench) async throws -> Result {
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
