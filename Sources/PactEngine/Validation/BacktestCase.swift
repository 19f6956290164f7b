import Foundation
import PactModel

/// A historical case ready to be forecast many times: its crisis model, built once on the
/// dataset as of the case's date, and the outcome it is scored against.
///
/// Building the model is the expensive, parameter-free part of a forecast (the setup reads the
/// dataset snapshot); a calibrator then tries many parameter sets on the same prepared cases.
public struct BacktestCase: Sendable, Identifiable {
    public var id: String { scenario.id }
    public let scenario: Scenario
    public let model: CrisisModel
    public let outcome: Outcome

    /// Prepares `scenario` on `dataset` as of the scenario's date. A scenario without an
    /// `outcome` is not a case: it cannot be scored, and the error says so.
    public init(scenario: Scenario, dataset: Dataset) throws {
        guard let outcome = scenario.outcome else {
            throw CrisisModelError("scenario \(scenario.id) has no outcome: a case needs one to be scored")
        }
        self.scenario = scenario
        self.outcome = outcome
        self.model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
    }

    /// The same case with a different outcome (the model is unchanged): what a test uses to
    /// show that a case's own outcome never reaches its out-of-sample forecast.
    public func withOutcome(_ outcome: Outcome) -> BacktestCase {
        BacktestCase(scenario: scenario, model: model, outcome: outcome)
    }

    private init(scenario: Scenario, model: CrisisModel, outcome: Outcome) {
        self.scenario = scenario
        self.model = model
        self.outcome = outcome
    }

    /// Prepares every scenario, in order.
    public static func prepare(_ scenarios: [Scenario], dataset: Dataset) throws -> [BacktestCase] {
        try scenarios.map { try BacktestCase(scenario: $0, dataset: dataset) }
    }
}

/// How a backtest runs its Monte Carlo: draws and seed per case, and worker threads.
///
/// Every case is forecast with the same seed, so two parameter sets are compared on the same
/// random numbers (common random numbers): a change in score comes from the parameters, not
/// from Monte Carlo noise. Cases run in parallel, one thread each; results do not depend on
/// `threads`.
public struct BacktestSettings: Hashable, Sendable {
    public var draws: Int
    public var seed: UInt64
    public var threads: Int

    public init(draws: Int, seed: UInt64, threads: Int) {
        precondition(draws >= 1, "a backtest needs at least one draw per case")
        self.draws = draws
        self.seed = seed
        self.threads = max(1, threads)
    }
}

/// Forecasting a set of cases with one parameter set.
///
/// Every function takes a ``Cancellation`` that each case's Monte Carlo run asks before every
/// chunk of draws: a stopped backtest throws ``RunCancelled`` and returns no partial scores.
public enum CaseForecaster {
    /// Every case's forecast (levels and `unilateral`) beside its outcome, in the cases' order.
    public static func forecasts(_ cases: [BacktestCase], parameters: ParameterSet, settings: BacktestSettings,
                                 cancellation: Cancellation = .never) throws -> [CaseForecast]
    {
        try parallelMap(cases, threads: settings.threads) { item in
            try forecast(item, parameters: parameters, settings: settings, cancellation: cancellation)
        }
    }

    /// One case's forecast beside its outcome.
    public static func forecast(_ item: BacktestCase, parameters: ParameterSet, settings: BacktestSettings,
                                cancellation: Cancellation = .never) throws -> CaseForecast
    {
        let f = try item.model.forecast(parameters: parameters, draws: settings.draws, seed: settings.seed, threads: 1,
                                        drivers: false, cancellation: cancellation)
        return CaseForecast(id: item.id, levels: f.levels, unilateral: f.unilateral, actual: item.outcome.level,
                            actualUnilateral: item.outcome.unilateral)
    }

    /// Only the level probabilities of every case, the cheap path for an optimiser's objective.
    public static func levels(_ cases: [BacktestCase], parameters: ParameterSet, settings: BacktestSettings,
                              cancellation: Cancellation = .never) throws -> [[Double]]
    {
        try parallelMap(cases, threads: settings.threads) { item in
            try item.model.levelProbabilities(parameters: parameters, draws: settings.draws, seed: settings.seed, threads: 1,
                                              cancellation: cancellation)
        }
    }
}

/// `transform` applied to every element on up to `threads` threads; results in input order, the
/// first error (in input order) rethrown.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ transform: @Sendable (T) throws -> R) throws -> [R] {
    let workers = min(max(1, threads), items.count)
    if workers <= 1 { return try items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < items.count {
            results.set(index, Result { try transform(items[index]) })
            index += workers
        }
    }
    return try results.values.map { try $0!.get() }
}

/// Result slots written by index from several threads; each slot is written once.
private final class ResultSlots<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<R, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<R, any Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [Result<R, any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
