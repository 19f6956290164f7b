import Foundation
import PactModel
import Testing

@testable import PactEngine

/// Scores pinned on hand-computed examples. Each expected value is worked out in the comment
/// above it, so a change in a formula shows up as a failing number, not a silent drift.
@Suite struct ProperScoreTests {
    /// A spread forecast used by several tests.
    let spread = [0.1, 0.2, 0.3, 0.2, 0.1, 0.1]

    @Test func rankedProbabilityOfASpreadForecast() {
        // Actual level 2 (consultations).
        // cumulative forecast P(<=k), k = 0..4: 0.1, 0.3, 0.6, 0.8, 0.9
        // cumulative outcome  O(<=k), k = 0..4: 0,   0,   1,   1,   1
        // squared gaps: 0.01 + 0.09 + 0.16 + 0.04 + 0.01 = 0.31
        // RPS = 0.31 / 5 = 0.062
        #expect(abs(ProperScore.rankedProbability(spread, actual: .consultations) - 0.062) < 1e-12)
    }

    @Test func rankedProbabilityRewardsNearMisses() {
        // All weight one rung off (level 1 when the answer is 2): one cumulative gap of 1 -> 1/5.
        let nearMiss = [0, 1, 0, 0, 0, 0.0]
        #expect(abs(ProperScore.rankedProbability(nearMiss, actual: .consultations) - 0.2) < 1e-12)
        // All weight four rungs off (level 5 when the answer is 1): gaps at k = 1, 2, 3, 4 -> 4/5.
        let farMiss = [0, 0, 0, 0, 0, 1.0]
        #expect(abs(ProperScore.rankedProbability(farMiss, actual: .statement) - 0.8) < 1e-12)
    }

    @Test func rankedProbabilityBounds() {
        let certainNone = Baseline.alwaysNoneLevels
        // Right: 0. Opposite end of the ladder: every one of the 5 cumulative gaps is 1 -> 5/5 = 1.
        #expect(ProperScore.rankedProbability(certainNone, actual: .none) == 0)
        #expect(abs(ProperScore.rankedProbability(certainNone, actual: .deployment) - 1) < 1e-12)
    }

    @Test func brierOfASpreadForecast() {
        // Actual level 2: (0.1)^2 + (0.2)^2 + (0.3 - 1)^2 + (0.2)^2 + (0.1)^2 + (0.1)^2
        //               = 0.01 + 0.04 + 0.49 + 0.04 + 0.01 + 0.01 = 0.60 (not halved)
        #expect(abs(ProperScore.brier(spread, actual: .consultations) - 0.60) < 1e-12)
    }

    @Test func brierIsNotHalvedAndIgnoresOrder() {
        // Certain and wrong: (1 - 0)^2 + (0 - 1)^2 = 2, whichever wrong level was chosen.
        #expect(abs(ProperScore.brier(Baseline.alwaysNoneLevels, actual: .statement) - 2) < 1e-12)
        #expect(abs(ProperScore.brier(Baseline.alwaysNoneLevels, actual: .deployment) - 2) < 1e-12)
        // Uniform over 6: 5 * (1/6)^2 + (5/6)^2 = 5/36 + 25/36 = 30/36 = 5/6.
        let uniform = Array(repeating: 1.0 / 6, count: 6)
        #expect(abs(ProperScore.brier(uniform, actual: .mission) - 5.0 / 6) < 1e-12)
    }

    @Test func binaryBrierOfUnilateral() {
        // (0.7 - 1)^2 = 0.09 ; (0.7 - 0)^2 = 0.49
        #expect(abs(ProperScore.binaryBrier(probability: 0.7, occurred: true) - 0.09) < 1e-12)
        #expect(abs(ProperScore.binaryBrier(probability: 0.7, occurred: false) - 0.49) < 1e-12)
    }

    @Test func modalBreaksTiesTowardTheLowerLevel() {
        #expect(ProperScore.modal(spread) == .consultations)
        #expect(ProperScore.modal([0, 0.4, 0, 0.4, 0, 0.2]) == .statement)
    }

    @Test func upperTailProbability() {
        // P(level >= 3) = 0.2 + 0.1 + 0.1 = 0.4
        #expect(abs(ProperScore.probability(atLeast: .mission, in: spread) - 0.4) < 1e-12)
    }
}

@Suite struct BaselineTests {
    /// A 4-case toy library: levels 0, 0, 1, 5; unilateral true only in the last case.
    let toyLevels: [ResponseLevel] = [.none, .none, .statement, .deployment]
    let toyUnilateral = [false, false, false, true]

    @Test func leaveOneOutBaseRateNeverSeesTheHeldOutCase() {
        // Leaving out case 0 (level 0), the others are 0, 1, 5 -> 1/3 each on levels 0, 1, 5.
        let third = 1.0 / 3
        expectClose(Baseline.levelBaseRate(leavingOut: 0, of: toyLevels), [third, third, 0, 0, 0, third])
        // Leaving out case 3 (level 5), the others are 0, 0, 1 -> 2/3 on 0, 1/3 on 1, nothing on 5.
        expectClose(Baseline.levelBaseRate(leavingOut: 3, of: toyLevels), [2 * third, third, 0, 0, 0, 0])
    }

    @Test func laplaceSmoothingAddsOnePerLevel() {
        // Leaving out case 0 with add-one: counts 1+1, 1+1, 0+1, 0+1, 0+1, 1+1 over 3 + 6 = 9.
        expectClose(Baseline.levelBaseRate(leavingOut: 0, of: toyLevels, pseudocount: 1),
                    [2, 2, 1, 1, 1, 2].map { $0 / 9.0 })
    }

    @Test func unilateralBaseRateLeavesTheCaseOut() {
        // Leaving out case 3 (the only `true`): 0 of 3. Leaving out case 0: 1 of 3.
        #expect(Baseline.unilateralBaseRate(leavingOut: 3, of: toyUnilateral) == 0)
        #expect(abs(Baseline.unilateralBaseRate(leavingOut: 0, of: toyUnilateral) - 1.0 / 3) < 1e-12)
    }

    @Test func baseRateScoresOnTheToyLibrary() {
        // The base-rate baseline's RPS per case:
        // case 0 (actual 0), forecast [1/3,1/3,0,0,0,1/3]: cumulative 1/3, 2/3, 2/3, 2/3, 2/3
        //   vs all 1 -> gaps^2 = 4/9 + 1/9 + 1/9 + 1/9 + 1/9 = 8/9 -> RPS = 8/45
        // case 1 (actual 0): same forecast -> 8/45
        // case 2 (actual 1), others 0, 0, 5 -> [2/3,0,0,0,0,1/3]: cumulative 2/3 x5
        //   vs 0, 1, 1, 1, 1 -> 4/9 + 4 * 1/9 = 8/9 -> 8/45
        // case 3 (actual 5), forecast [2/3,1/3,0,0,0,0]: cumulative 2/3, 1, 1, 1, 1 vs all 0
        //   -> 4/9 + 4 = 40/9 -> 8/9 = 40/45
        // mean = (8 + 8 + 8 + 40) / 45 / 4 = 64/180 = 16/45
        let forecasts = zip(toyLevels, toyUnilateral).enumerated().map { i, pair in
            CaseForecast(id: "toy-\(i)", levels: Baseline.alwaysNoneLevels, unilateral: 0,
                         actual: pair.0, actualUnilateral: pair.1)
        }
        let backtest = Backtest(forecasts)
        let perCase = backtest.baseRateCases.map(\.rps)
        expectClose(perCase, [8.0 / 45, 8.0 / 45, 8.0 / 45, 40.0 / 45])
        #expect(abs(backtest.summary.baseRate.rps - 16.0 / 45) < 1e-12)
        // "Always none" (the model here too): RPS 0, 0, 1/5 (one gap at k = 0), 1 -> mean 0.3.
        #expect(abs(backtest.summary.alwaysNone.rps - 0.3) < 1e-12)
        #expect(backtest.summary.model == backtest.summary.alwaysNone)
        // Always none is right in 2 of 4 and within one in 3 of 4.
        #expect(backtest.summary.alwaysNone.accuracy == 0.5)
        #expect(backtest.summary.alwaysNone.withinOne == 0.75)
        // Its unilateral Brier: 0 in three cases, (0 - 1)^2 = 1 in the last -> mean 0.25.
        #expect(backtest.summary.alwaysNone.unilateralBrier == 0.25)
        // Base-rate modal levels: case 0 and 1 tie 1/3 on 0, 1, 5 -> lowest = 0 (hit);
        // case 2 -> 0 (within one of 1); case 3 -> 0 (miss by 5). Accuracy 2/4, within one 3/4.
        #expect(backtest.summary.baseRate.accuracy == 0.5)
        #expect(backtest.summary.baseRate.withinOne == 0.75)
    }
}

@Suite struct ReliabilityTests {
    @Test func binsCountMeansAndFrequencies() {
        // Five forecasts of "level >= 3" with outcomes; two bins [0, 0.5) and [0.5, 1].
        // bin 0: 0.05 (no), 0.15 (yes)          -> n 2, mean 0.10, observed 1/2
        // bin 1: 0.55 (no), 0.65 (yes), 0.95 (yes) -> n 3, mean 2.15/3, observed 2/3
        let bins = Backtest.reliability(predicted: [0.05, 0.15, 0.55, 0.65, 0.95],
                                        occurred: [false, true, false, true, true], bins: 2)
        #expect(bins.map(\.count) == [2, 3])
        #expect(abs((bins[0].meanPredicted ?? -1) - 0.10) < 1e-12)
        #expect(bins[0].observedFrequency == 0.5)
        #expect(abs((bins[1].meanPredicted ?? -1) - 2.15 / 3) < 1e-12)
        #expect(abs((bins[1].observedFrequency ?? -1) - 2.0 / 3) < 1e-12)
    }

    @Test func emptyBinsAreKeptAndCertaintyFallsInTheLastBin() {
        let bins = Backtest.reliability(predicted: [1.0, 0.0], occurred: [true, false], bins: 4)
        #expect(bins.map(\.count) == [1, 0, 0, 1])
        #expect(bins[1].meanPredicted == nil && bins[1].observedFrequency == nil)
        #expect(bins[3].observedFrequency == 1)
        #expect(bins.map(\.lower) == [0, 0.25, 0.5, 0.75])
    }

    @Test func backtestReliabilityUsesTheUpperTail() {
        // P(>= 3) = 0.7 for a case that reached level 5 and 0.1 for one that stopped at 1.
        let forecasts = [
            CaseForecast(id: "a", levels: [0, 0.1, 0.2, 0.2, 0.2, 0.3], unilateral: 0, actual: .deployment, actualUnilateral: false),
            CaseForecast(id: "b", levels: [0.5, 0.4, 0, 0.1, 0, 0], unilateral: 0, actual: .statement, actualUnilateral: false),
        ]
        let bins = Backtest(forecasts).reliability(atLeast: .mission, bins: 5)
        #expect(bins.map(\.count) == [1, 0, 0, 1, 0])
        #expect(bins[0].observedFrequency == 0)
        #expect(bins[3].observedFrequency == 1)
        #expect(abs((bins[3].meanPredicted ?? -1) - 0.7) < 1e-12)
    }
}

private func expectClose(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) < 1e-12, "\(actual) != \(expected)", sourceLocation: sourceLocation)
    }
}
