import PactData
import PactModel
import Testing

@testable import PactEngine

/// The baselines a model must beat on the built-in case library. The expected figures were
/// computed independently of this code (a short Python script over the case files, the same
/// formulas written out by hand); they change only when the library does.
@Suite struct ScoringLibraryBaselineTests {
    @Test func baselinesOnTheBuiltInLibrary() throws {
        let actors: Set<ActorID> = ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO", "AFG", "TUR", "CHN",
                                    "USA", "UKR", "IRN"]
        let cases = try Embedded.cases(knownActors: actors)
        let forecasts = cases.map {
            CaseForecast(id: $0.id, levels: Baseline.alwaysNoneLevels, unilateral: 0,
                         actual: $0.outcome!.level, actualUnilateral: $0.outcome!.unilateral)
        }
        let summary = Backtest(forecasts).summary
        #expect(summary.baseRate.n == 46)
        // Leave-one-out base rate, no smoothing.
        #expect(abs(summary.baseRate.rps - 0.104296) < 1e-6)
        #expect(abs(summary.baseRate.brier - 0.657778) < 1e-6)
        #expect(abs(summary.baseRate.unilateralBrier - 0.190123) < 1e-6)
        #expect(abs(summary.baseRate.accuracy - 21.0 / 46) < 1e-12)
        #expect(abs(summary.baseRate.withinOne - 39.0 / 46) < 1e-12)
        // Always none: right in the 21 level-0 cases, within one in the 39 at level 0 or 1.
        #expect(abs(summary.alwaysNone.rps - 0.165217) < 1e-6)
        #expect(abs(summary.alwaysNone.brier - 50.0 / 46) < 1e-9)
        #expect(abs(summary.alwaysNone.unilateralBrier - 11.0 / 46) < 1e-9)
        #expect(abs(summary.alwaysNone.accuracy - 21.0 / 46) < 1e-12)
        #expect(abs(summary.alwaysNone.withinOne - 39.0 / 46) < 1e-12)
        // With Laplace smoothing the base rate's RPS is slightly worse.
        let smoothed = Backtest(forecasts, baseRatePseudocount: 1).summary.baseRate
        #expect(abs(smoothed.rps - 0.105528) < 1e-6)
    }
}
