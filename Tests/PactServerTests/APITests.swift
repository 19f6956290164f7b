import Foundation
import Hummingbird
import HummingbirdTesting
import PactEngine
import PactModel
import PactReport
import Testing
@testable import PactServer

@Suite struct ScenarioAPITests {
    @Test func listsBuiltInsThenUserScenarios() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let list = try await client.execute(uri: "/api/scenarios", method: .get)
            #expect(list.status == .ok)
            let ids = ServerFixture.array(list).compactMap { $0["id"] as? String }
            #expect(ids == ServerFixture.catalog.builtIns.map(\.scenario.id))
            #expect(ids.contains("arm-azerbaijani-attack-2026"))
        }
    }

    @Test func createGetUpdateDeleteKeepsVersions() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let created = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["yaml": ServerFixture.userScenario(id: "my-clash")]))
            #expect(created.status == .created)
            #expect(ServerFixture.object(created)["version"] as? Int == 1)

            let again = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["yaml": ServerFixture.userScenario(id: "my-clash")]))
            #expect(again.status == .conflict)

            let edited = ServerFixture.userScenario(id: "my-clash", replacing: [("deaths: 50", "deaths: 500")])
            let updated = try await client.execute(uri: "/api/scenarios/my-clash", method: .put, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["yaml": edited]))
            #expect(updated.status == .ok)
            let body = ServerFixture.object(updated)
            #expect(body["version"] as? Int == 2)
            #expect(body["versions"] as? [Int] == [2, 1])

            let fetched = try await client.execute(uri: "/api/scenarios/my-clash", method: .get)
            #expect((ServerFixture.object(fetched)["yaml"] as? String)?.contains("deaths: 500") == true)
            // The old version is kept, unchanged.
            #expect(try store.scenario("my-clash", version: 1)?.yaml.contains("deaths: 50,") == true)

            let list = try await client.execute(uri: "/api/scenarios", method: .get)
            #expect(ServerFixture.array(list).last?["id"] as? String == "my-clash")

            let deleted = try await client.execute(uri: "/api/scenarios/my-clash", method: .delete)
            #expect(deleted.status == .noContent)
            let gone = try await client.execute(uri: "/api/scenarios/my-clash", method: .get)
            #expect(gone.status == .notFound)
            let deletedAgain = try await client.execute(uri: "/api/scenarios/my-clash", method: .delete)
            #expect(deletedAgain.status == .notFound)
        }
    }

    @Test func invalidScenarioNamesTheFieldAndTheAllowedValues() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let bad = ServerFixture.userScenario(id: "bad-one", replacing: [("territory: sovereign", "territory: occupied")])
            let response = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["yaml": bad]))
            #expect(response.status == .unprocessableContent)
            let body = ServerFixture.object(response)
            #expect(body["field"] as? String == "crisis.territory")
            #expect(body["allowed"] as? [String] == ["sovereign", "contested", "foreign"])
            #expect((body["error"] as? String)?.isEmpty == false)

            let missing = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["text": "x"]))
            #expect(missing.status == .unprocessableContent)
            #expect(ServerFixture.object(missing)["field"] as? String == "yaml")

            let notJSON = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders,
                body: ByteBuffer(string: "{not json"))
            #expect(notJSON.status == .badRequest)

            let builtIn = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["yaml": ServerFixture.catalog.builtIns[0].yaml]))
            #expect(builtIn.status == .unprocessableContent)
            #expect(ServerFixture.object(builtIn)["field"] as? String == "id")

            let change = try await client.execute(uri: "/api/scenarios/\(ServerFixture.catalog.builtIns[0].scenario.id)",
                method: .delete)
            #expect(change.status == .forbidden)
        }
    }
}

@Suite struct RunAPITests {
    @Test func aRunStoresExactlyWhatTheEngineComputes() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "arm-azerbaijani-attack-2026", "draws": 300, "seed": 7]))
            #expect(response.status == .created)
            let text = String(buffer: response.body)
            // The same scenario, draws and seed through the engine directly: identical bytes.
            let catalog = ServerFixture.catalog
            let scenario = catalog.builtIn("arm-azerbaijani-attack-2026")!.scenario
            let expected = try CrisisModel(scenario: scenario, snapshot: catalog.dataset.snapshot(on: scenario.date))
                .forecast(parameters: catalog.parameters, draws: 300, seed: 7).orderedJSON.rendered(pretty: false)
            #expect(text.hasPrefix("{\"id\":1,\"scenario\":\"arm-azerbaijani-attack-2026\",\"scenario_version\":0,\"draws\":300,\"seed\":7,\"started_at\":"))
            #expect(text.hasSuffix(",\"params\":{},\"result\":" + expected + "}"))

            let fetched = try await client.execute(uri: "/api/runs/1", method: .get)
            #expect(String(buffer: fetched.body) == text)
            let list = try await client.execute(uri: "/api/runs?scenario=arm-azerbaijani-attack-2026", method: .get)
            let runs = ServerFixture.array(list)
            #expect(runs.count == 1)
            #expect(runs.first?["modal"] as? Int != nil)
            let none = try await client.execute(uri: "/api/runs?scenario=kgz-mass-unrest-2026", method: .get)
            #expect(ServerFixture.array(none).isEmpty)
            let missing = try await client.execute(uri: "/api/runs/99", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func parameterOverridesWinAndAreRecorded() async throws {
        let (app, _) = try await ServerFixture.app()
        let name = ServerFixture.catalog.parameterNames[0]
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "draws": 100, "params": [name: [0.25, 0.5]]]))
            #expect(response.status == .created)
            let params = ServerFixture.object(response)["params"] as? [String: [Double]]
            #expect(params == [name: [0.25, 0.5]])

            let unknown = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "draws": 100, "params": ["no_such_weight": 1]]))
            #expect(unknown.status == .unprocessableContent)
            let body = ServerFixture.object(unknown)
            #expect(body["field"] as? String == "params.no_such_weight")
            #expect(body["allowed"] as? [String] == ServerFixture.catalog.parameterNames)
        }
    }

    @Test func refusedRunsLeaveNoRow() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let tooMany = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "draws": 5_001]))
            #expect(tooMany.status == .unprocessableContent)
            #expect(ServerFixture.object(tooMany)["field"] as? String == "draws")
            let unknown = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "atlantis-2030", "draws": 100]))
            #expect(unknown.status == .notFound)
            let issue = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "csto-nato-contacts-2026"]))
            #expect(issue.status == .unprocessableContent)
            let badSeed = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "seed": "one"]))
            #expect(ServerFixture.object(badSeed)["field"] as? String == "seed")
        }
        #expect(try store.runCount() == 0)
    }

    @Test func aRunOverTheTimeLimitIsCancelledAndNotStored() async throws {
        let (app, store) = try await ServerFixture.app(limits: Limits(maxBodyBytes: 65536, maxDraws: 100_000, runTimeoutSeconds: 0.001))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "arm-azerbaijani-attack-2026", "draws": 20_000]))
            #expect(response.status == .serviceUnavailable)
        }
        #expect(try store.runCount() == 0)
    }

    @Test func fiftyConcurrentRunsAreAllKept() async throws {
        let (app, store) = try await ServerFixture.app()
        let ids: [Int] = try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for seed in 0..<50 {
                    group.addTask {
                        let response = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders,
                            body: ServerFixture.json(["scenario": "kgz-tjk-water-clash-2026", "draws": 40, "seed": seed]))
                        return response.status == .created ? ServerFixture.object(response)["id"] as? Int : nil
                    }
                }
                var ids: [Int] = []
                for try await id in group { if let id { ids.append(id) } }
                return ids
            }
        }
        #expect(ids.count == 50)
        #expect(Set(ids) == Set(1...50))
        #expect(try store.runCount() == 50)
        #expect(Set(try store.runs(limit: 100).map(\.run.seed)) == Set((0..<50).map(UInt64.init)))
    }
}

@Suite struct OtherAPITests {
    @Test func bargainingOnAnIssueScenarioAndOnATable() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let issue = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "csto-nato-contacts-2026", "rounds": 3]))
            #expect(issue.status == .ok)
            #expect((ServerFixture.object(issue)["rounds"] as? [Any])?.count == 4)

            // Two actors of equal capability and salience at 0 and 100: nobody can win a challenge,
            // the median of the pairwise vote sits at the first actor's position.
            let table = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["stakeholders": [
                    ["actor": "A", "capability": 10, "position": 0, "salience": 0.5],
                    ["actor": "B", "capability": 10, "position": 100, "salience": 0.5],
                    ["actor": "C", "capability": 80, "position": 60, "salience": 0.9],
                ], "rounds": 0]))
            #expect(table.status == .ok)
            let body = ServerFixture.object(table)
            // Round 0 is the initial state: the weighted mean is (0*10*0.5 + 100*10*0.5 + 60*80*0.9) / (5 + 5 + 72).
            #expect(abs((body["mean"] as? Double ?? 0) - (500 + 4320) / 82) < 1e-9)
            #expect(body["median"] as? Double == 60)

            let badVariant = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "csto-nato-contacts-2026", "variant": "nash"]))
            #expect(badVariant.status == .unprocessableContent)
            #expect(ServerFixture.object(badVariant)["allowed"] as? [String] == ["scholz", "pairwise"])
            let crisis = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                body: ServerFixture.json(["scenario": "kgz-mass-unrest-2026"]))
            #expect(ServerFixture.object(crisis)["field"] as? String == "scenario")
        }
    }

    @Test func dataTopicsFollowTheDate() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            func ids(_ date: String) async throws -> [String: String] {
                let response = try await client.execute(uri: "/api/data/members?as_of=\(date)", method: .get)
                #expect(response.status == .ok)
                let rows = ServerFixture.object(response)["rows"] as? [[String: String]] ?? []
                return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] ?? "", $0["status"] ?? "") })
            }
            // Uzbekistan rejoined in 2006 and suspended its participation in 2012 (csto-facts).
            #expect(try await ids("2010-01-01")["UZB"] == "member")
            #expect(try await ids("2014-01-01")["UZB"] == nil)
            // Armenia froze its participation on 22 Feb 2024.
            #expect(try await ids("2024-06-01")["ARM"] == "frozen")
            #expect(try await ids("2024-01-01")["ARM"] == "member")

            let forces = try await client.execute(uri: "/api/data/forces?as_of=2012-01-01", method: .get)
            #expect(forces.status == .ok)
            let bases = try await client.execute(uri: "/api/data/bases?as_of=2012-01-01", method: .get)
            #expect((ServerFixture.object(bases)["rows"] as? [Any])?.isEmpty == false)

            let badDate = try await client.execute(uri: "/api/data/members?as_of=2012-13-01", method: .get)
            #expect(badDate.status == .badRequest)
            #expect(ServerFixture.object(badDate)["field"] as? String == "as_of")
            let badTopic = try await client.execute(uri: "/api/data/weather", method: .get)
            #expect(badTopic.status == .notFound)
            #expect(ServerFixture.object(badTopic)["allowed"] as? [String] == ["members", "actors", "relations", "forces", "bases", "timeline", "sources"])
        }
    }

    @Test func validationScoresEveryCaseAndBeatsTheBaseRate() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/validate", method: .get)
            #expect(response.status == .ok)
            let body = ServerFixture.object(response)
            // The document pact validate --format json prints (the same writer), with the server's settings.
            #expect(body["schema_version"] as? Int == 1)
            #expect(body["draws"] as? Int == 4_000 && body["seed"] as? Int == 1 && body["parameters"] as? String == "shipped")
            let summary = try #require(body["summary"] as? [String: Any])
            #expect(summary["n"] as? Int == ServerFixture.catalog.cases.count)
            // docs/CALIBRATION.md: the fitted model's ranked probability score is below the base rate's.
            let baselines = summary["baselines"] as? [String: [String: Any]]
            let model = summary["rps"] as? Double ?? 1, base = baselines?["base_rate"]?["rps"] as? Double ?? 0
            #expect(model < base)
            #expect((body["cases"] as? [Any])?.count == ServerFixture.catalog.cases.count)
            #expect((body["reliability"] as? [String: Any])?["event"] as? String == "level >= 3")
        }
    }

    @Test func casesCarryTheirOutcomes() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/cases", method: .get)
            let cases = ServerFixture.array(response)
            #expect(cases.count == ServerFixture.catalog.cases.count)
            #expect(!cases.isEmpty)
            // January 2022, Kazakhstan: the CSTO's first collective deployment (level 5).
            #expect(cases.contains { ($0["date"] as? String)?.hasPrefix("2022-01") == true && $0["outcome_level"] as? Int == 5 })
        }
    }
}
