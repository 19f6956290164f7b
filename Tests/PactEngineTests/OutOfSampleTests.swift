import Foundation
import PactData
import PactEngine
import PactModel
import Testing

/// Out-of-sample designs, skill intervals, the joint objective, the reliability prior and the
/// parameter spread, on hand-computed inputs and a few built-in cases with few draws.
@Suite struct OutOfSampleTests {
    // MARK: Skill and its bootstrap

    @Test func skillIsOneMinusTheRatioOfMeanScores() {
        // Means 0.15 and 0.3: skill 1 - 0.15 / 0.3 = 0.5.
        #expect(abs(SkillBootstrap.skill(model: [0.1, 0.2], reference: [0.2, 0.4]) - 0.5) < 1e-12)
        // Worse than the reference: negative.
        #expect(abs(SkillBootstrap.skill(model: [0.3], reference: [0.2]) - -0.5) < 1e-12)
        #expect(SkillBootstrap.skill(model: [0.1], reference: [0]).isNaN)
    }

    @Test func aProportionalModelHasTheSameSkillOnEveryResample() {
        // The model scores exactly half the reference on every case: every resample's skill is 0.5.
        let reference = [0.2, 0.4, 0.1, 0.3, 0.05]
        let s = SkillBootstrap.interval(model: reference.map { $0 / 2 }, reference: reference, resamples: 200, seed: 3)
        #expect(abs(s.point - 0.5) < 1e-12)
        #expect(abs(s.low - 0.5) < 1e-12)
        #expect(abs(s.high - 0.5) < 1e-12)
        #expect(s.cases == 5)
        #expect(s.resamples == 200)
        #expect(s.coverage == 0.9)
    }

    @Test func theIntervalIsSeededAndWidensWithDisagreementBetweenCases() {
        let model = [0.01, 0.30, 0.02, 0.25, 0.05, 0.04]
        let reference = [0.20, 0.20, 0.15, 0.10, 0.12, 0.18]
        let a = SkillBootstrap.interval(model: model, reference: reference, resamples: 500, seed: 9)
        let b = SkillBootstrap.interval(model: model, reference: reference, resamples: 500, seed: 9)
        #expect(a == b)
        #expect(a.low < a.point && a.point < a.high)
        // A different seed gives a different (but close) interval.
        let c = SkillBootstrap.interval(model: model, reference: reference, resamples: 500, seed: 10)
        #expect(c.low != a.low || c.high != a.high)
    }

    @Test func quantilesInterpolateBetweenOrderStatistics() {
        let values = [1.0, 2, 3, 4, 5]
        #expect(SkillBootstrap.quantile(values, 0) == 1)
        #expect(SkillBootstrap.quantile(values, 1) == 5)
        #expect(SkillBootstrap.quantile(values, 0.5) == 3)
        // Position 0.1 * 4 = 0.4: 1 + 0.4 * (2 - 1).
        #expect(abs(SkillBootstrap.quantile(values, 0.1) - 1.4) < 1e-12)
        #expect(SkillBootstrap.quantile([], 0.5).isNaN)
    }

    // MARK: Designs

    @Test func theReferenceIsTheBaseRateOfTheTrainingCases() throws {
        let cases = try CalibrationTests.cases()  // actual levels 0, 1, 3, 5
        let rate = ReferenceForecast(training: Array(cases.prefix(3)))
        let third = 1.0 / 3
        let expected: [Double] = [third, third, 0, third, 0, 0]
        #expect(rate.levels == expected)
        let uniform: [Double] = Array(repeating: 1.0 / 6, count: 6)
        #expect(ReferenceForecast(training: []).levels == uniform)
    }

    @Test func theTimeSplitFitsOnlyOnEarlierCasesAndScoresTheLaterOnes() throws {
        let cases = try CalibrationTests.cases()  // 2020, 2021, 2022, 2022
        let split = TimeSplit(cases, year: 2022)
        #expect(split.training.map(\.id) == ["blr-2020-08", "kgz-2021-04"])
        #expect(split.test.map(\.id) == ["arm-2022-09", "kaz-2022-01"])
        var seen: [String] = []
        let parameters = try Embedded.defaultParameters()
        let forecasts = try split.forecasts(
            fit: { training in
                seen = training.map(\.id)
                return parameters
            },
            predict: { try CaseForecaster.forecast($0, parameters: $1, settings: BacktestSettings(draws: 50, seed: 1, threads: 1)) })
        #expect(seen == ["blr-2020-08", "kgz-2021-04"])
        #expect(forecasts.map(\.id) == ["arm-2022-09", "kaz-2022-01"])
        // The reference of the test cases is the training cases' base rate: levels 0 and 1, half each.
        let evaluation = OutOfSampleEvaluation(design: "time split at 2022", forecasts: forecasts,
                                               training: [split.training, split.training], resamples: 50, seed: 1)
        let half: [Double] = [0.5, 0.5, 0, 0, 0, 0]
        #expect(evaluation.reference.allSatisfy { $0.levels == half })
        // Actual 3 under [0.5, 0.5, 0, ...]: cumulative gaps 0.5, 1, 1 at k = 0, 1, 2, then 0: (0.25 + 1 + 1) / 5.
        #expect(abs(evaluation.reference[0].rps - 0.45) < 1e-12)
        #expect(evaluation.rpsSkill.cases == 2)
    }

    // MARK: The joint objective

    @Test func theJointObjectiveAddsEveryWeightedTerm() throws {
        let cases = try CalibrationTests.cases()
        let dataset = try Embedded.dataset()
        let priors = try Embedded.defaultParameters()
        let free = ["baseline", "unilateral_bias"].compactMap { FreeParameter($0, in: priors) }
        let reliability = ReliabilityPrior(rate: 0.5, weight: 0.3, dataset: dataset, dates: [Day(year: 2015, month: 6, day: 1)!])
        let problem = CalibrationProblem(free: free, base: priors, settings: BacktestSettings(draws: 100, seed: 2, threads: 2),
                                         penaltyWeight: 0.01, unilateralWeight: 2, reliability: reliability)
        let values = free.map { $0.prior + 0.25 * $0.scale }
        let t = try problem.terms(values, on: cases)
        let forecasts = try CaseForecaster.forecasts(cases, parameters: problem.parameters(values), settings: problem.settings)
        let rps = forecasts.map { ProperScore.rankedProbability($0.levels, actual: $0.actual) }.reduce(0, +) / 4
        let brier = forecasts.map { ProperScore.binaryBrier(probability: $0.unilateral, occurred: $0.actualUnilateral) }.reduce(0, +) / 4
        #expect(abs(t.rps - rps) < 1e-12)
        #expect(abs(t.unilateralBrier! - brier) < 1e-12)
        // Each free value a quarter of a half-range from its prior, so z = 0.25 and z² = 0.0625:
        // 0.01 × 2 × 0.0625.
        #expect(abs(t.penalty - 0.00125) < 1e-12)
        let gap: Double = try #require(t.reliabilityGap)
        let expectedTotal: Double = rps + 2 * brier + 0.00125 + 0.3 * gap
        #expect(abs(t.total - expectedTotal) < 1e-12)
        // Without the unilateral weight the fit reads the ladder only.
        var ladderOnly = problem
        ladderOnly.unilateralWeight = 0
        ladderOnly.reliability = nil
        let l = try ladderOnly.terms(values, on: cases)
        #expect(l.unilateralBrier == nil)
        #expect(l.reliabilityGap == nil)
        let ladderTotal: Double = l.rps + 0.00125
        #expect(abs(l.total - ladderTotal) < 1e-12)
    }

    @Test func theReliabilityGapIsTheMeanSquaredDistanceFromTheRate() {
        let prior = ReliabilityPrior(rate: 0.5, weight: 1, requests: [])
        // (0.9 - 0.5)² = 0.16 and (0.3 - 0.5)² = 0.04: mean 0.1.
        #expect(abs(prior.meanSquaredGap([0.9, 0.3]) - 0.1) < 1e-12)
        #expect(prior.meanSquaredGap([]) == 0)
    }

    @Test func syntheticRequestsAreArticleFourAttacksByOutsidersOnMembersOwnSoil() throws {
        let dataset = try Embedded.dataset()
        let dates = [Day(year: 2009, month: 6, day: 1)!, Day(year: 2021, month: 6, day: 1)!]
        let requests = ReliabilityPrior.syntheticRequests(dataset: dataset, dates: dates)
        #expect(!requests.isEmpty)
        for scenario in requests {
            let snapshot = dataset.snapshot(on: scenario.date)
            let crisis = try #require(scenario.crisis)
            #expect(crisis.requester == crisis.location && crisis.article == 4 && crisis.territory == .sovereign)
            #expect(snapshot.members.contains(crisis.location) && crisis.location != snapshot.leadState)
            let attacker = try #require(crisis.adversary.actor)
            #expect(crisis.adversary.kind == .state && !snapshot.parties.contains(attacker))
        }
        // One request per member but the lead state, on each date.
        let expected = dates.map { dataset.snapshot(on: $0).members.filter { $0 != dataset.organization.leadState }.count }.reduce(0, +)
        #expect(requests.count == expected)
    }

    // MARK: What is fitted

    @Test func theFreeParametersAreThoseTheFileMarksElseTheDefaultList() {
        let unmarked = ParameterSet([
            Parameter(name: "baseline", defaultValue: -2, low: -3, high: -1, doc: "x"),
            Parameter(name: "crisis_noise", defaultValue: 0.5, low: 0.5, high: 0.5, doc: "fixed: cannot move"),
            Parameter(name: "new_weight", defaultValue: 1, low: 0, high: 2, doc: "y"),
        ])
        #expect(Calibration.freeParameters(in: unmarked).map(\.name) == ["baseline"])
        let marked = ParameterSet([
            Parameter(name: "baseline", defaultValue: -2, low: -3, high: -1, doc: "x"),
            Parameter(name: "new_weight", defaultValue: 1, low: 0, high: 2, doc: "y", fitted: true),
        ])
        #expect(Calibration.freeParameters(in: marked).map(\.name) == ["new_weight"])
    }

    // MARK: Parameter spread

    @Test func bootstrapResamplesAreSeededAndDrawFromTheCases() {
        let a = ParameterSpread.resamples(count: 20, of: 7, seed: 4)
        #expect(a == ParameterSpread.resamples(count: 20, of: 7, seed: 4))
        #expect(a.count == 20 && a.allSatisfy { $0.count == 7 && $0.allSatisfy { (0..<7).contains($0) } })
        // Resampling with replacement repeats some case in most resamples.
        #expect(a.filter { Set($0).count < 7 }.count > 10)
    }

    @Test func aSpreadSetsEachFitsValuesAsDefaultsInsideTheRange() {
        let base = ParameterSet([
            Parameter(name: "a", defaultValue: 1, low: 0, high: 2, doc: "a"),
            Parameter(name: "b", defaultValue: 5, low: 4, high: 6, doc: "b"),
        ])
        let spread = ParameterSpread(names: ["a"], fits: [["a": 0.5], ["a": 3]])
        let sets = spread.parameterSets(base: base)
        #expect(sets.map { $0["a"]!.defaultValue } == [0.5, 2])
        #expect(sets.allSatisfy { $0["b"]!.defaultValue == 5 && $0["a"]!.low == 0 && $0["a"]!.high == 2 })
        #expect(ParameterSpread(names: ["zzz"], fits: []).unknownNames(in: base) == ["zzz"])
    }

    @Test func aSpreadFileReadsBackWhatWasWrittenAndRefusesMismatchedFits() throws {
        let spread = ParameterSpread(names: ["baseline", "w_cost"], fits: [["baseline": -2.35, "w_cost": 0.6], ["baseline": -2.2, "w_cost": 0.61875]])
        let text = ParameterSpreadFile.text(spread, description: "Two fits for a test.")
        #expect(try ParameterSpreadFile.parse(text: text, file: "spread.yaml") == spread)
        let bad = "fits:\n  - {baseline: -2}\n  - {w_cost: 0.5}\n"
        #expect(throws: InputErrors.self) { try ParameterSpreadFile.parse(text: bad, file: "bad.yaml") }
        #expect(throws: InputErrors.self) { try ParameterSpreadFile.parse(text: "fits: []\nextra: 1\n", file: "bad.yaml") }
    }

    @Test func intervalsOverASpreadContainTheSpreadsOwnForecasts() throws {
        let cases = try CalibrationTests.cases()
        let model = cases[3].model
        let parameters = try Embedded.defaultParameters()
        let spread = ParameterSpread(names: ["baseline"], fits: [["baseline": -2.8], ["baseline": -2.2], ["baseline": -1.6]])
        let point = try model.forecast(parameters: parameters, draws: 300, seed: 1, threads: 1, drivers: false)
        let u = try UncertainForecast(model: model, point: point, sets: spread.parameterSets(base: parameters),
                                      drawsPerFit: 300, seed: 1, threads: 1)
        #expect(u.fits == 3 && u.levels.count == 6)
        for (k, interval) in u.levels.enumerated() {
            #expect(interval.low <= interval.high)
            #expect(interval.point == point.levels[k])
        }
        // A single fit at the shipped value collapses every interval onto the point forecast.
        let same = try UncertainForecast(model: model, point: point, sets: [parameters], drawsPerFit: 300, seed: 1, threads: 1)
        #expect(same.levels.allSatisfy { $0.low == $0.point && $0.high == $0.point })
    }
}
