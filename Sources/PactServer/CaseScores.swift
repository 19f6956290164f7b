import Foundation
import PactEngine
import PactModel

/// The model's scores on the case library with the shipped parameters, as `pact validate`
/// computes them with its defaults (4,000 draws per case, seed 1): each case forecast as of its
/// date and scored against what happened. Computed once, on first use, and kept: the inputs
/// never change while the server runs.
final class CaseScores: @unchecked Sendable {
    static let draws = 4_000
    static let seed: UInt64 = 1

    private let lock = NSLock()
    private var cached: Backtest?

    func backtest(_ catalog: Catalog) throws -> Backtest {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let cases = try BacktestCase.prepare(catalog.cases, dataset: catalog.dataset)
        let settings = BacktestSettings(draws: Self.draws, seed: Self.seed,
                                        threads: ProcessInfo.processInfo.activeProcessorCount)
        let backtest = Backtest(try CaseForecaster.forecasts(cases, parameters: catalog.parameters, settings: settings))
        cached = backtest
        return backtest
    }
}
