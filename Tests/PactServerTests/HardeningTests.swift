import Foundation
import Hummingbird
import HummingbirdTesting
import PactData
import PactEngine
import PactModel
import PactReport
import Testing
@testable import PactServer

/// Hostile requests: none crashes the server, exhausts it, or gets a write in from another site.
@Suite struct HardeningTests {
    static func post(_ client: some TestClientProtocol, _ uri: String, _ object: Any) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: ServerFixture.jsonHeaders, body: ServerFixture.json(object))
    }

    // MARK: Form input

    @Test("a parameter-range line that is only ':' is a located error beside the field, not a crash")
    func uncertaintyColonLine() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(PageTests.csrf(try await client.execute(uri: "/", method: .get)))
            for text in [":", "::\n:", " : [1, 2]", "crisis_noise: [0.5", "crisis_noise: [1, 2, 3]", "- x", "crisis_noise: *a"] {
                var fields = PageTests.crisisFields
                fields["uncertainty"] = text
                let (headers, body) = PageTests.form(fields, csrf: token)
                let response = try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body)
                #expect(response.status == .unprocessableContent, "\(text)")
                #expect(String(buffer: response.body).contains("id=\"f-uncertainty-error\">line "), "\(text)")
            }
            // The same text box on an existing scenario's form.
            var fields = PageTests.crisisFields
            fields["uncertainty"] = "crisis_noise: [0.3, 0.6]\nw_cost: 0.5"
            let (headers, body) = PageTests.form(fields, csrf: token)
            let refused = try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("line 2: expected a range [low, high] of two numbers"))
            fields["uncertainty"] = "crisis_noise: [0.3, 0.6]\nw_cost: [0.4, 0.8]"
            let saved = try await client.execute(uri: "/scenarios", method: .post, headers: headers,
                                                 body: PageTests.form(fields, csrf: token).1)
            #expect(saved.status == .seeOther)
            #expect(try store.scenario("my-clash")?.yaml.contains("uncertainty:\n  \"crisis_noise\": [0.3, 0.6]\n  \"w_cost\": [0.4, 0.8]\n") == true)
            fields["uncertainty"] = ":"
            let update = try await client.execute(uri: "/scenarios/my-clash", method: .post, headers: headers,
                                                  body: PageTests.form(fields, csrf: token).1)
            #expect(update.status == .unprocessableContent)
            // The form shows a saved scenario's ranges as it reads them.
            let page = String(buffer: try await client.execute(uri: "/scenarios/my-clash", method: .get).body)
            #expect(page.contains("crisis_noise: [0.3, 0.6]\nw_cost: [0.4, 0.8]"))
        }
        #expect(try store.versions(of: "my-clash").count == 1)
    }

    @Test("the run form refuses a negative or unreadable seed and draws, and out-of-bounds parameters")
    func runFormNumbers() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(PageTests.csrf(try await client.execute(uri: "/", method: .get)))
            for (fields, message) in [
                (["seed": "-1", "draws": "100"], "must be a whole number, 0 or more, found &#39;-1&#39;"),
                (["seed": "1.5", "draws": "100"], "found &#39;1.5&#39;"),
                (["draws": "many"], "found &#39;many&#39;"),
                (["draws": ""], "is required"),
                (["draws": "100", "params": "crisis_noise: -5"], "outside the allowed bounds [0, 10]"),
                (["draws": "100", "params": ":"], "line 1"),
            ] {
                let (headers, body) = PageTests.form(fields.merging(["scenario": "kgz-mass-unrest-2026"]) { a, _ in a }, csrf: token)
                let response = try await client.execute(uri: "/runs", method: .post, headers: headers, body: body)
                #expect(response.status == .unprocessableContent, "\(fields)")
                #expect(String(buffer: response.body).contains(message), "\(fields): \(String(buffer: response.body))")
            }
            let (headers, body) = PageTests.form(["scenario": "kgz-mass-unrest-2026", "draws": "50", "seed": ""], csrf: token)
            #expect(try await client.execute(uri: "/runs", method: .post, headers: headers, body: body).status == .seeOther)
        }
        #expect(try store.run(1)?.run.seed == 1)
        #expect(try store.runCount() == 1)
    }

    @Test("form decoding takes names without '=' and values with '='")
    func formDecoding() {
        #expect(FormDecoding.decode("a=1&b&c=x%3Dy=z&=q&&d=+e+") == ["a": "1", "b": "", "c": "x=y=z", "": "q", "d": " e "])
    }

    // MARK: JSON input

    @Test("booleans are not numbers: \"draws\": true, \"seed\": false and [true, 1] are refused")
    func booleansAreNotNumbers() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let cases: [([String: Any], String)] = [
                (["scenario": "kgz-mass-unrest-2026", "draws": true], "draws"),
                (["scenario": "kgz-mass-unrest-2026", "draws": 10, "seed": false], "seed"),
                (["scenario": "kgz-mass-unrest-2026", "draws": 10, "params": ["crisis_noise": [true, 1]]], "params.crisis_noise"),
                (["scenario": "kgz-mass-unrest-2026", "draws": 10, "params": ["crisis_noise": true]], "params.crisis_noise"),
            ]
            for (body, field) in cases {
                let response = try await Self.post(client, "/api/runs", body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(ServerFixture.object(response)["field"] as? String == field)
            }
            let table = try await Self.post(client, "/api/bargain", ["stakeholders": [
                ["actor": "A", "capability": true, "position": 0, "salience": 0.5],
                ["actor": "B", "capability": 1, "position": 10, "salience": 0.5]]])
            #expect(ServerFixture.object(table)["field"] as? String == "stakeholders[0].capability")
        }
        #expect(try store.runCount() == 0)
    }

    @Test("run parameters outside a parameter's bounds are refused, in the request and in the scenario")
    func parameterBounds() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let noise = try await Self.post(client, "/api/runs", ["scenario": "kgz-mass-unrest-2026", "draws": 10,
                                                                 "params": ["crisis_noise": [-5, -5]]])
            #expect(noise.status == .unprocessableContent)
            #expect(ServerFixture.object(noise)["field"] as? String == "params.crisis_noise")
            #expect((ServerFixture.object(noise)["error"] as? String)?.contains("allowed bounds [0, 10]") == true)
            let huge = try await Self.post(client, "/api/runs", ["scenario": "kgz-mass-unrest-2026", "draws": 10,
                                                                "params": ["w_cost": [-1e308, 1e308]]])
            #expect(ServerFixture.object(huge)["field"] as? String == "params.w_cost")
            let scenario = ServerFixture.userScenario(id: "wide") + "uncertainty:\n  crisis_noise: [-5, -5]\n"
            let saved = try await Self.post(client, "/api/scenarios", ["yaml": scenario])
            #expect(saved.status == .unprocessableContent)
            #expect(ServerFixture.object(saved)["field"] as? String == "uncertainty.crisis_noise")
        }
        #expect(try store.runCount() == 0)
    }

    @Test("a duplicate key is answered with its line and without the document")
    func duplicateKeyAnswer() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let text = ServerFixture.userScenario(id: "twice") + "title: again\n"
            let response = try await Self.post(client, "/api/scenarios", ["yaml": text])
            #expect(response.status == .unprocessableContent)
            let body = String(buffer: response.body)
            #expect(!body.contains("kgz-tjk") && !body.contains("twice"))
            let problem = (ServerFixture.object(response)["problems"] as? [[String: Any]])?.first
            #expect(problem?["line"] as? Int == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
            #expect(problem?["field"] as? String == "title")
        }
    }

    // MARK: Who may write

    @Test("a write whose Host is another name (DNS rebinding) or that has no Host is refused; reads are not")
    func hostChecks() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.live) { client in
            let raw = TestClient(host: "127.0.0.1", port: try #require(client.port))
            raw.connect()
            func send(_ method: HTTPRequest.Method, _ uri: String, authority: String?, origin: String? = nil) async throws
                -> TestClient.Response
            {
                var headers = ServerFixture.jsonHeaders
                if let origin { headers[.origin] = origin }
                let body = method == .post ? ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "draws": 10]) : nil
                return try await raw.execute(TestClient.Request(uri, method: method, authority: authority, headers: headers, body: body))
            }
            // A page on evil.example, its name pointed at 127.0.0.1: same-origin to the browser.
            let rebound = try await send(.post, "/api/runs", authority: "evil.example:8080", origin: "http://evil.example:8080")
            #expect(rebound.status == .forbidden)
            #expect(String(buffer: rebound.body ?? ByteBuffer()).contains("\"field\":\"Host\""))
            let noOrigin = try await send(.post, "/api/runs", authority: "evil.example:8080")
            #expect(noOrigin.status == .forbidden)
            let read = try await send(.get, "/api/scenarios", authority: "evil.example:8080")
            #expect(read.status == .ok)
            let good = try await send(.post, "/api/runs", authority: "127.0.0.1:8080", origin: "http://127.0.0.1:8080")
            #expect(good.status == .created)
            // HTTP/1.1 requires Host; a write without one answers 400 (if the connection gets that far).
            if let noHost = try? await send(.post, "/api/runs", authority: nil) {
                #expect(noHost.status == .badRequest)
            }
            try await raw.shutdown()
        }
        #expect(try store.runCount() == 1)
    }

    @Test("the names a write's Host may give follow the listening address and --allow-host")
    func hostPolicy() {
        let loopback = HostPolicy(listeningOn: "127.0.0.1")
        for authority in ["127.0.0.1:8080", "localhost", "LOCALHOST.:80", "[::1]:8080", "127.0.0.1"] {
            #expect(loopback.allows(authority: authority), "\(authority)")
        }
        for authority in ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost:abc", "[::1", "", ":80",
                          "a:b:c", "127.0.0.2:8080"] {
            #expect(!loopback.allows(authority: authority), "\(authority)")
        }
        let lan = HostPolicy(listeningOn: "10.0.0.5", extra: ["pact.lab.example"])
        #expect(lan.allows(authority: "10.0.0.5:8080") && lan.allows(authority: "pact.lab.example"))
        #expect(!lan.allows(authority: "localhost:8080"))
        #expect(HostPolicy(listeningOn: "0.0.0.0").allows(authority: "anything.example"))
        #expect(!HostPolicy(listeningOn: "0.0.0.0", extra: ["pact.lab.example"]).allows(authority: "anything.example"))
        #expect(ServerConfiguration(host: "127.0.0.1", allowedHosts: ["bad host:x"]).refusal != nil)
    }

    // MARK: Methods

    @Test("a method a path does not take answers 405 with Allow, not 404")
    func methodNotAllowed() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let patch = try await client.execute(uri: "/api/runs", method: .patch)
            #expect(patch.status == .methodNotAllowed)
            #expect(patch.headers[.allow] == "GET, POST")
            let put = try await client.execute(uri: "/api/runs/1", method: .delete)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET")
            let bargain = try await client.execute(uri: "/api/bargain", method: .get)
            #expect(bargain.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/api/nothing", method: .patch).status == .notFound)
        }
        // The table of methods is the OpenAPI document's.
        let registered = Set(APIRoutes.methods.flatMap { path, allowed in
            allowed.map { "\($0.rawValue) /api/" + path.replacingOccurrences(of: ":id", with: "{id}").replacingOccurrences(of: ":topic", with: "{topic}").replacingOccurrences(of: ":name", with: "{name}") }
        })
        #expect(registered == OpenAPITests.operations(Resources.openAPI))
    }

    // MARK: Limits

    @Test("bargaining over the stakeholder or stakeholder-rounds limit is refused with the limit")
    func bargainingLimits() async throws {
        let limits = Limits(maxBodyBytes: 1 << 20, maxDraws: 1_000, runTimeoutSeconds: 60, maxBargainWork: 600, maxBargainActors: 40)
        let (app, _) = try await ServerFixture.app(limits: limits)
        @Sendable func table(_ count: Int) -> [[String: Any]] {
            (0..<count).map { ["actor": "A\($0)", "capability": 1, "position": $0 % 7, "salience": 0.5] }
        }
        try await app.test(.router) { client in
            let many = try await Self.post(client, "/api/bargain", ["stakeholders": table(41), "rounds": 1])
            #expect(many.status == .unprocessableContent)
            #expect(ServerFixture.object(many)["error"] as? String == "41 stakeholders is more than this server's limit of 40 per request")
            let long = try await Self.post(client, "/api/bargain", ["stakeholders": table(30), "rounds": 21])
            #expect(long.status == .unprocessableContent)
            #expect(ServerFixture.object(long)["field"] as? String == "rounds")
            #expect((ServerFixture.object(long)["error"] as? String)?.contains("limit of 600 stakeholder-rounds per request; ask for at most 20 rounds") == true)
            let fits = try await Self.post(client, "/api/bargain", ["stakeholders": table(30), "rounds": 20])
            #expect(fits.status == .ok)
        }
    }

    @Test("engine jobs beyond the running slots wait; beyond the queue they get 429 with Retry-After")
    func jobGate() async throws {
        let gate = JobGate(slots: 1, queueLength: 1, retryAfterSeconds: 3)
        let release = AsyncStream<Void>.makeStream()
        let started = AsyncStream<Void>.makeStream()
        // One job holds the slot until released.
        let holder = Task {
            try await gate.admit {
                started.continuation.yield()
                for await _ in release.stream { break }
                return 1
            }
        }
        for await _ in started.stream { break }
        // A second waits in the queue...
        let waiter = Task { try await gate.admit { 2 } }
        while gate.load.waiting == 0 { await Task.yield() }
        #expect(gate.load.running == 1 && gate.load.waiting == 1)
        // ...and a third is refused at once.
        let refusal = await #expect(throws: APIError.self) { try await gate.admit { 3 } }
        #expect(refusal?.status == .tooManyRequests)
        #expect(refusal?.retryAfter == 3)
        #expect(refusal?.response().headers[.retryAfter] == "3")
        release.continuation.yield()
        #expect(try await holder.value == 1)
        #expect(try await waiter.value == 2)
        #expect(gate.load.running == 0 && gate.load.waiting == 0)
        // A waiting request whose client goes away leaves the queue without running.
        let blocker = AsyncStream<Void>.makeStream()
        let busy = Task { try await gate.admit { for await _ in blocker.stream { break }; return 0 } }
        while gate.load.running == 0 { await Task.yield() }
        let abandoned = Task { try await gate.admit { Issue.record("an abandoned job ran"); return 9 } }
        while gate.load.waiting == 0 { await Task.yield() }
        abandoned.cancel()
        await #expect(throws: APIError.self) { try await abandoned.value }
        #expect(gate.load.waiting == 0)
        blocker.continuation.yield()
        _ = try await busy.value
        #expect(gate.load.running == 0 && gate.load.waiting == 0)
    }

    @Test("the limits are checked before the server starts")
    func limitRefusals() {
        #expect(Limits().refusal == nil)
        #expect(Limits(maxJobs: 0).refusal == "--max-jobs must be at least 1")
        #expect(Limits(jobQueue: -1).refusal == "--job-queue must be 0 or more")
        #expect(Limits(maxBargainWork: 10, maxBargainActors: 20).refusal != nil)
        #expect(ServerConfiguration(limits: Limits(maxDraws: 0)).refusal == "--max-draws must be at least 1")
    }

    // MARK: Bargaining memory

    @Test("a bargaining run keeping summaries holds one round's tables, and shows exactly what a full run shows")
    func bargainingSummaries() throws {
        let actors = BargainingBenchmark.actors(count: 25)
        let model = try BargainingModel(actors: actors, variant: .scholz)
        let full = model.run(rounds: 12)
        let summary = model.run(rounds: 12, keeping: .summaries)
        #expect(summary.rounds.count == 13)
        // Tables and offers: every round of the full run, only the last of the summary run.
        #expect(full.rounds.dropFirst().allSatisfy { $0.expectedUtility != nil })
        #expect(summary.rounds.dropLast().allSatisfy { $0.expectedUtility == nil && $0.offers.isEmpty })
        #expect(summary.final == full.final)
        for (a, b) in zip(full.rounds, summary.rounds) {
            #expect(a.positions == b.positions && a.risk == b.risk && a.moves == b.moves && a.median == b.median && a.mean == b.mean)
        }
        // Every shape a user sees is byte for byte the same.
        #expect(BargainingJSON.run(summary).rendered(pretty: true) == BargainingJSON.run(full).rendered(pretty: true))
        #expect(BargainingTables.text(summary) == BargainingTables.text(full))
        #expect(BargainingTables.rows(summary).renderCSV() == BargainingTables.rows(full).renderCSV())
    }
}
