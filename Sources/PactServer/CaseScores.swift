import Foundation
import PactEngine
import PactModel

/// The model's scores on the case library with the shipped parameters, for the case page:
/// each case forecast as of its date (2,000 draws, seed 1) and scored against what happened.
/// Computed once, on first use, and kept: the inputs never change while the server runs.
final class CaseScores: @unchecked Sendable {
    static let draws = 2_000
    static let seed: UInt64 = 1

    private let lock = NSLock()
    private var cached: Backtest?

    func backtest(_ catalog: Catalog) -> Backtest {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let forecasts = catalog.cases.compactMap { scenario -> CaseForecast? in
            guard scenario.kind == .crisis, let outcome = scenario.outcome,
                  let model = try? CrisisModel(scenario: scenario, snapshot: catalog.dataset.snapshot(on: scenario.date)),
                  let forecast = try? model.forecast(parameters: catalog.parameters, draws: Self.draws, seed: Self.seed,
                                                     drivers: false)
            else { return nil }
            return CaseForecast(id: scenario.id, levels: forecast.levels, unilateral: forecast.unilateral,
                                actual: outcome.level, actualUnilateral: outcome.unilateral)
        }
        let backtest = Backtest(forecasts)
        cached = backtest
        return backtest
    }
}
