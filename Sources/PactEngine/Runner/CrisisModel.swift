import Foundation
import PactModel

/// A crisis scenario ready to forecast: the deterministic setup computed once, then any number
/// of Monte Carlo runs with different parameters, seeds or draw counts.
///
/// ```swift
/// let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
/// let forecast = try model.forecast(parameters: parameters, draws: 10_000, seed: 1)
/// ```
///
/// A calibrator calls `forecast` (or the cheaper `levelProbabilities`) once per candidate
/// `ParameterSet`; the setup is shared.
public struct CrisisModel: Sendable {
    public let setup: CrisisSetup
    public let scenario: Scenario

    public init(scenario: Scenario, snapshot: DatasetSnapshot) throws {
        self.scenario = scenario
        self.setup = try CrisisSetup(scenario: scenario, snapshot: snapshot)
    }

    /// The full forecast: level probabilities, unilateral action, force and arrival, members,
    /// drivers (by ablation, `drivers: false` skips them) and the trigger in words.
    ///
    /// `parameters` is overridden by the scenario's own `uncertainty` ranges. `threads` nil means
    /// every active core. The result is bit-identical for any thread count.
    ///
    /// `cancellation` is asked before every chunk of draws, in the main run and in each driver's
    /// ablation run; once it says stop, the forecast throws ``RunCancelled`` within one chunk per
    /// thread. A cancellation that never says stop leaves the result bit-identical.
    public func forecast(parameters: ParameterSet, draws: Int, seed: UInt64, threads: Int? = nil,
                         drivers: Bool = true, cancellation: Cancellation = .never) throws -> CrisisForecast {
        let plan = try SamplingPlan(parameters.overriding(ranges: scenario.uncertainty))
        let runner = MonteCarlo(setup: setup, plan: plan, draws: draws, seed: seed,
                                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                cancellation: cancellation)
        let tally = try runner.run()
        var driverList: [Driver] = []
        if drivers {
            let expected = Double(tally.levelTotal) / Double(max(1, draws))
            for term in InterestTerm.allCases {
                let ablated = try runner.run(disabled: term, levelsOnly: true)
                let effect = expected - Double(ablated.levelTotal) / Double(max(1, draws))
                driverList.append(Driver(term: term.name, effect: effect))
            }
            // Largest magnitude first; ties keep the fixed term order.
            driverList = driverList.enumerated().sorted {
                abs($0.element.effect) != abs($1.element.effect) ? abs($0.element.effect) > abs($1.element.effect) : $0.offset < $1.offset
            }.map(\.element)
        }
        return tally.forecast(setup: setup, scenario: scenario.id, draws: draws, seed: seed, drivers: driverList)
    }

    /// Only the six level probabilities, for calibration loops (no drivers, no member table).
    /// `cancellation` works as in ``forecast(parameters:draws:seed:threads:drivers:cancellation:)``.
    public func levelProbabilities(parameters: ParameterSet, draws: Int, seed: UInt64, threads: Int? = nil,
                                   cancellation: Cancellation = .never) throws -> [Double] {
        let plan = try SamplingPlan(parameters.overriding(ranges: scenario.uncertainty))
        let runner = MonteCarlo(setup: setup, plan: plan, draws: draws, seed: seed,
                                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                cancellation: cancellation)
        let tally = try runner.run(levelsOnly: true)
        return tally.levelCounts.map { Double($0) / Double(max(1, draws)) }
    }
}
