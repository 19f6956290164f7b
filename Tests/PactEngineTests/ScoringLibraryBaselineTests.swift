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
        #expect(summary.baseRate.n == 25)
        // Leave-one-out base rate, no smoothing.
        #expect(abs(summary.baseRate.rps - 0.133333) < 1e-6)
        #expect(abs(summary.baseRate.brier - 0.725694) < 1e-6)
        #expect(abs(summary.baseRate.unilateralBrier - 0.197917) < 1e-6)
        #expect(summary.baseRate.accuracy == 0.48)
        #expect(summary.baseRate.withinOne == 0.76)
        // Always none: right in the 12 level-0 cases, within one in the 19 at level 0 or 1.
        #expect(abs(summary.alwaysNone.rps - 0.192) < 1e-9)
        #expect(abs(summary.alwaysNone.brier - 1.04) < 1e-9)
        #expect(abs(summary.alwaysNone.unilateralBrier - 0.24) < 1e-9)
        #expect(summary.alwaysNone.accuracy == 0.48)
        #expect(summary.alwaysNone.withinOne == 0.76)
        // With Laplace smoothing the base rate's RPS is slightly worse.
        let smoothed = Backtest(forecasts, baseRatePseudocount: 1).summary.baseRate
        #expect(abs(smoothed.rps - 0.135422) < 1e-6)
    }
}
