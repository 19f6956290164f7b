import Foundation
import PactEngine
import PactModel
import PactReport

/// The model's scores on the case library with the shipped parameters, as `pact validate`
/// computes them with its defaults (4,000 draws per case, seed 1): each case forecast as of its
/// date and scored against what happened. Computed once, on first use, and kept: the inputs
/// never change while the server runs.
///
/// The computation obeys the run time limit like any run: stopped (the request cancelled or the
/// limit passed), it keeps nothing, and the next request starts it again.
final class CaseScores: @unchecked Sendable {
    static let draws = 4_000
    static let seed: UInt64 = 1

    private let lock = NSLock()
    private var cached: Backtest?
    /// The engine jobs the computation takes its turn among.
    private let jobs: JobGate

    init(jobs: JobGate = JobGate(slots: 1, queueLength: 0)) { self.jobs = jobs }

    /// Whether the scores are computed and kept.
    var isComputed: Bool { lock.withLock { cached != nil } }

    /// The scores, computed on a dispatch thread under `timeout` the first time.
    func backtest(_ catalog: Catalog, timeout: Double) async throws -> Backtest {
        if let cached = lock.withLock({ cached }) { return cached }
        return try await jobs.admit {
            try await Workbench.compute(timeout: timeout, advice: "the case scores need a longer --run-timeout", field: nil) {
                cancellation in
                try self.backtest(catalog, cancellation: cancellation)
            }
        }
    }

    /// Computes the scores once: a second caller waits on the lock for the first and then finds
    /// them cached (or, when the first was stopped, computes them itself).
    private func backtest(_ catalog: Catalog, cancellation: Cancellation) throws -> Backtest {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let cases = try BacktestCase.prepare(catalog.cases, dataset: catalog.dataset)
        let settings = BacktestSettings(draws: Self.draws, seed: Self.seed,
                                        threads: ProcessInfo.processInfo.activeProcessorCount)
        let backtest = Backtest(try CaseForecaster.forecasts(cases, parameters: catalog.parameters, settings: settings,
                                                             cancellation: cancellation))
        cached = backtest
        return backtest
    }
}

extension Backtest {
    /// `GET /api/validate`: the validate document of `pact validate --format json` (its JSON
    /// Schema is `/api/schemas/validate`), with the draws and seed the server scored with.
    var serverJSON: OrderedJSON {
        BacktestReport(self, label: "in-sample").json(settings: [
            .init("draws", .number(CaseScores.draws)), .init("seed", .number(CaseScores.seed)),
            .init("cross_validated", .bool(false)), .init("parameters", .string("shipped")),
        ]).versioned
    }
}
