import Foundation
import PactData
import PactEngine
import PactModel
import Testing

/// A cancellation that counts how often it is asked and says stop from the `stopAt`-th question
/// on (never when `stopAt` is nil). Thread-safe: several workers may ask at once.
final class CountingCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var asked = 0
    let stopAt: Int?

    init(stopAt: Int? = nil) { self.stopAt = stopAt }

    var questions: Int { lock.withLock { asked } }

    var cancellation: Cancellation {
        Cancellation { [self] in
            lock.withLock {
                asked += 1
                return stopAt.map { asked >= $0 } ?? false
            }
        }
    }
}

/// The engine's cancellation hook: asked once per chunk of draws (or bargaining round), it stops
/// the work with `RunCancelled`, and a hook that never says stop changes no result.
@Suite struct CancellationTests {
    /// 10,000 draws are three chunks of 4,096: 4,096 + 4,096 + 1,808.
    static let draws = 10_000
    static let chunks = 3

    func model() throws -> CrisisModel {
        let scenario = TestScenarios.armenia2022
        return try CrisisModel(scenario: scenario, snapshot: try Embedded.dataset().snapshot(on: scenario.date))
    }

    @Test(arguments: [1, 3])
    func aHookThatNeverStopsChangesNothing(threads: Int) throws {
        let model = try model()
        let parameters = try TestScenarios.parameters()
        let plain = try model.forecast(parameters: parameters, draws: Self.draws, seed: 1, threads: threads)
        let counter = CountingCancellation()
        let asked = try model.forecast(parameters: parameters, draws: Self.draws, seed: 1, threads: threads,
                                       cancellation: counter.cancellation)
        #expect(asked == plain)
        // Once per chunk, in the main run and in each driver's ablation run: never per draw.
        #expect(counter.questions == Self.chunks * (1 + InterestTerm.allCases.count))
        let levels = try model.levelProbabilities(parameters: parameters, draws: Self.draws, seed: 1, threads: threads)
        #expect(try model.levelProbabilities(parameters: parameters, draws: Self.draws, seed: 1, threads: threads,
                                             cancellation: CountingCancellation().cancellation) == levels)
    }

    @Test func aHookThatSaysStopEndsTheRunWithinOneChunk() throws {
        let model = try model()
        let parameters = try TestScenarios.parameters()
        // The fifth question comes before the second chunk of the first ablation run.
        let counter = CountingCancellation(stopAt: 5)
        #expect(throws: RunCancelled.self) {
            try model.forecast(parameters: parameters, draws: Self.draws, seed: 1, threads: 1, cancellation: counter.cancellation)
        }
        // On one thread the run asks no further question after the one that said stop.
        #expect(counter.questions == 5)
    }

    @Test func aHookThatSaysStopAtOnceDrawsNothing() throws {
        let model = try model()
        let counter = CountingCancellation(stopAt: 1)
        #expect(throws: RunCancelled.self) {
            try model.levelProbabilities(parameters: try TestScenarios.parameters(), draws: 1_000_000, seed: 1, threads: 3,
                                         cancellation: counter.cancellation)
        }
        // Each of the three workers asks before its first chunk and stops: none of the 245 chunks is drawn.
        #expect(counter.questions == 3)
    }

    @Test func aBacktestStopsWithItsCases() throws {
        let cases = try CalibrationTests.cases()
        let counter = CountingCancellation(stopAt: 1)
        #expect(throws: RunCancelled.self) {
            try CaseForecaster.forecasts(cases, parameters: try TestScenarios.parameters(),
                                         settings: BacktestSettings(draws: 100, seed: 1, threads: 1),
                                         cancellation: counter.cancellation)
        }
        #expect(counter.questions == 1)
    }

    @Test func bargainingAsksBeforeEachRound() throws {
        let actors = BargainingBenchmark.actors(count: 12, seed: 3)
        let model = try BargainingModel(actors: actors)
        let never = CountingCancellation()
        #expect(try model.run(rounds: 6, cancellation: never.cancellation) == model.run(rounds: 6))
        #expect(never.questions == 6)
        let stopping = CountingCancellation(stopAt: 4)
        #expect(throws: RunCancelled.self) { try model.run(rounds: 6, cancellation: stopping.cancellation) }
        #expect(stopping.questions == 4)
    }
}
