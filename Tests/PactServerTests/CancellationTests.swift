import Foundation
import Hummingbird
import HummingbirdTesting
import PactEngine
import PactModel
import Testing
@testable import PactServer

/// Records what the engine was told between chunks: how often it asked and whether it was told
/// to stop.
final class StopProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var asked = 0
    private var toldToStop = false

    var questions: Int { lock.withLock { asked } }
    var sawStop: Bool { lock.withLock { toldToStop } }

    /// `cancellation`, passed through, with every answer recorded.
    func watching(_ cancellation: Cancellation) -> Cancellation {
        Cancellation { [self] in
            let stop = cancellation.isRequested
            lock.withLock {
                asked += 1
                if stop { toldToStop = true }
            }
            return stop
        }
    }
}

/// Abandoned engine work stops: the server's signal reaches the Monte Carlo runner, which ends
/// within one chunk, long before the run would have finished. Everything is asserted on state
/// (the signal, the engine's questions, the chunks left undrawn), never on elapsed time: a limit
/// of 0 seconds has always passed, one of an hour never does within a test.
@Suite struct CancellationTests {
    /// 2,000,000 draws are 489 chunks: far more work than any time limit below allows.
    static let draws = 2_000_000
    static let chunks = (draws + 4095) / 4096

    static func model() throws -> (CrisisModel, ParameterSet) {
        let scenario = try #require(ServerFixture.catalog.builtIn("arm-azerbaijani-attack-2026")).scenario
        let model = try CrisisModel(scenario: scenario, snapshot: ServerFixture.catalog.dataset.snapshot(on: scenario.date))
        return (model, ServerFixture.catalog.parameters)
    }

    @Test func aRunPastItsTimeLimitIsStoppedAtItsNextChunk() async throws {
        let (model, parameters) = try Self.model()
        // A limit of 0 seconds has passed by the engine's first question.
        let stop = StopSignal(timeout: 0)
        let probe = StopProbe()
        let error = await #expect(throws: APIError.self) {
            try await Workbench.compute(stop: stop) { cancellation in
                try model.forecast(parameters: parameters, draws: Self.draws, seed: 1, threads: 1, drivers: false,
                                   cancellation: probe.watching(cancellation))
            }
        }
        #expect(error?.status == .serviceUnavailable)
        #expect(error?.message == "the computation was stopped after 0 seconds; ask for fewer draws")
        #expect(error?.field == "draws")
        #expect(stop.reason == .timeLimit)
        // The engine heard the signal before its first chunk and drew none of the 489: the call
        // returned because the work ended, not because it was left running.
        #expect(probe.sawStop)
        #expect(probe.questions == 1)
    }

    @Test func aCancelledRequestStopsItsRun() async throws {
        let (model, parameters) = try Self.model()
        let stop = StopSignal(timeout: 3600)
        let probe = StopProbe()
        let task = Task {
            try await Workbench.compute(stop: stop) { cancellation in
                try model.forecast(parameters: parameters, draws: Self.draws, seed: 1, threads: 1, drivers: false,
                                   cancellation: probe.watching(cancellation))
            }
        }
        task.cancel()
        let error = await #expect(throws: APIError.self) { try await task.value }
        #expect(error?.status == .serviceUnavailable)
        #expect(error?.message == "the request was cancelled before the computation finished")
        #expect(stop.reason == .cancelled)
        #expect(probe.sawStop)
        #expect(probe.questions < Self.chunks)
    }

    @Test func workThatFinishesInTimeIsKept() async throws {
        let (model, parameters) = try Self.model()
        let stop = StopSignal(timeout: 3600)
        let probe = StopProbe()
        let forecast = try await Workbench.compute(stop: stop) { cancellation in
            try model.forecast(parameters: parameters, draws: 5_000, seed: 1, threads: 1, drivers: false,
                               cancellation: probe.watching(cancellation))
        }
        #expect(forecast == (try model.forecast(parameters: parameters, draws: 5_000, seed: 1, threads: 1, drivers: false)))
        // 5,000 draws are two chunks: one question each, both answered "go on".
        #expect(probe.questions == 2)
        #expect(!probe.sawStop)
        #expect(stop.reason == nil)
    }

    @Test func stoppedCaseScoresAreNotKept() async throws {
        let scores = CaseScores(jobs: JobGate(slots: 1, queueLength: 1))
        let error = await #expect(throws: APIError.self) { try await scores.backtest(ServerFixture.catalog, timeout: 0) }
        #expect(error?.status == .serviceUnavailable)
        #expect(!scores.isComputed)
    }

    @Test func theCaseScoresObeyTheTimeLimit() async throws {
        let (app, _) = try await ServerFixture.app(limits: Limits(maxBodyBytes: 65536, maxDraws: 5_000, runTimeoutSeconds: 0))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/validate", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(ServerFixture.object(response)["error"] as? String == "the computation was stopped after 0 seconds; the case scores need a longer --run-timeout")
        }
    }

    @Test func aLongBargainingRunIsStopped() async throws {
        let (app, _) = try await ServerFixture.app(limits: Limits(maxBodyBytes: 65536, maxDraws: 5_000, runTimeoutSeconds: 0, maxBargainWork: 1_000_000, maxBargainActors: 10_000))
        let body = ServerFixture.json(["rounds": 1000, "stakeholders": BargainingBenchmark.actors(count: 200, seed: 5).map {
            ["actor": $0.name, "capability": $0.capability, "position": $0.position, "salience": $0.salience] as [String: Any]
        }])
        #expect(body.readableBytes < 65536)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                body: body)
            #expect(response.status == .serviceUnavailable)
            #expect(ServerFixture.object(response)["field"] as? String == "rounds")
        }
    }
}
