import Foundation
import PactData
import PactEngine
import PactModel
import Testing

/// Calibration and cross-validation on a few built-in cases with few draws: what is checked is
/// the structure (who sees which case, determinism, the penalty), not the fitted values.
@Suite struct CalibrationTests {
    /// Four built-in cases spanning the ladder: 0, 1, 3 and 5.
    static func cases() throws -> [BacktestCase] {
        let dataset = try Embedded.dataset()
        let library = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let ids = ["blr-2020-08", "kgz-2021-04", "arm-2022-09", "kaz-2022-01"]
        return try BacktestCase.prepare(ids.map { id in library.first { $0.id == id }! }, dataset: dataset)
    }

    static func calibrator(penalty: Double = 0.002, evaluations: Int = 12) throws -> Calibrator {
        let priors = try Embedded.defaultParameters()
        let free = ["baseline", "w_treaty_obligation", "w_adversary_ties"].map { FreeParameter($0, in: priors)! }
        let problem = CalibrationProblem(free: free, base: priors, settings: BacktestSettings(draws: 150, seed: 7, threads: 2),
                                         penaltyWeight: penalty)
        return Calibrator(problem: problem, maximumEvaluations: evaluations)
    }

    @Test func theFitOfEachFoldNeverReceivesTheHeldOutCase() throws {
        let cases = try Self.cases()
        var seen: [[String]] = []
        let forecasts = try LeaveOneOut.forecasts(
            cases,
            fit: { training in
                seen.append(training.map(\.id))
                return try Embedded.defaultParameters()
            },
            predict: { item, parameters in
                try CaseForecaster.forecast(item, parameters: parameters, settings: BacktestSettings(draws: 50, seed: 1, threads: 1))
            })
        #expect(forecasts.map(\.id) == cases.map(\.id))
        #expect(seen.count == cases.count)
        for (fold, ids) in seen.enumerated() {
            #expect(!ids.contains(cases[fold].id))
            #expect(ids == cases.map(\.id).filter { $0 != cases[fold].id })
        }
    }

    @Test func aHeldOutCasesOwnOutcomeDoesNotChangeItsForecast() throws {
        let cases = try Self.cases()
        let calibrator = try Self.calibrator()
        let settings = BacktestSettings(draws: 200, seed: 3, threads: 2)
        func crossValidated(_ cases: [BacktestCase]) throws -> [CaseForecast] {
            try LeaveOneOut.forecasts(cases, fit: { try calibrator.fit($0).parameters },
                                      predict: { try CaseForecaster.forecast($0, parameters: $1, settings: settings) })
        }
        let original = try crossValidated(cases)
        // Recode the deployment case as "none": its own forecast must not move, while the fits
        // of the other folds, which train on it, may.
        let index = cases.firstIndex { $0.id == "kaz-2022-01" }!
        var altered = cases
        var outcome = cases[index].outcome
        outcome.level = .none
        outcome.force = nil
        altered[index] = cases[index].withOutcome(outcome)
        let recoded = try crossValidated(altered)
        #expect(recoded[index].levels == original[index].levels)
        #expect(recoded[index].unilateral == original[index].unilateral)
        #expect(recoded[index].actual == .none && original[index].actual == .deployment)
    }

    @Test func theFitReadsOnlyItsTrainingCasesAndDependsOnTheirOutcomes() throws {
        let cases = try Self.cases()
        let calibrator = try Self.calibrator(penalty: 0)
        let fit = try calibrator.fit(Array(cases.prefix(3)))
        #expect(fit.trainingIDs == cases.prefix(3).map(\.id))
        // Nobody responding anywhere is a different record, and gives a different fit. (The real
        // record already drives the v2 intercept to the top of its range on these three cases, so
        // the contrasting record is the one that must pull it down.)
        let noneAnywhere = cases.prefix(3).map { item -> BacktestCase in
            var outcome = item.outcome
            outcome.level = .none
            outcome.force = nil
            return item.withOutcome(outcome)
        }
        let other = try calibrator.fit(noneAnywhere)
        #expect(other.values != fit.values)
        #expect(other.values[0] < fit.values[0], "a record of no responses lowers the intercept")
    }

    @Test func theFitIsDeterministicAndNeverWorseThanThePriors() throws {
        let cases = try Self.cases()
        let calibrator = try Self.calibrator()
        let first = try calibrator.fit(cases)
        let second = try calibrator.fit(cases)
        #expect(first == second)
        #expect(first.objective <= first.priorMeanRPS)
        #expect(first.evaluations <= 12)
        for (value, parameter) in zip(first.values, calibrator.problem.free) {
            #expect(parameter.low <= value && value <= parameter.high)
        }
    }

    @Test func thePenaltyIsTheSquaredDistanceFromThePriorInHalfRanges() throws {
        let base = ParameterSet([
            Parameter(name: "a", defaultValue: 1, low: 0, high: 2, doc: "a"),
            Parameter(name: "b", defaultValue: -2, low: -3, high: -1, doc: "b"),
        ])
        let problem = CalibrationProblem(
            free: [FreeParameter("a", in: base)!, FreeParameter("b", in: base)!], base: base,
            settings: BacktestSettings(draws: 1, seed: 1, threads: 1), penaltyWeight: 0.01)
        // a: (1.5 - 1) / 1 = 0.5, squared 0.25; b: (-3 - -2) / 1 = -1, squared 1.
        #expect(abs(problem.penalty([1.5, -3]) - 0.0125) < 1e-15)
        #expect(problem.penalty([1, -2]) == 0)
        // Values are written as defaults and clamped into the range; the range is kept.
        let set = problem.parameters([2.5, -2.25])
        #expect(set["a"]?.defaultValue == 2 && set["a"]?.low == 0 && set["a"]?.high == 2)
        #expect(set["b"]?.defaultValue == -2.25)
    }

    @Test func aScenarioWithoutAnOutcomeIsNotACase() throws {
        let dataset = try Embedded.dataset()
        #expect(throws: CrisisModelError.self) { try BacktestCase(scenario: TestScenarios.kazakhstan(), dataset: dataset) }
    }
}
