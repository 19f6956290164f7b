import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// Limits that keep one client from tying up the machine. Every one is configurable on the command line.
public struct Limits: Sendable {
    /// Largest request body accepted, in bytes; larger bodies answer 413.
    public var maxBodyBytes: Int
    /// Most Monte Carlo draws one run may ask for; more answers 422.
    public var maxDraws: Int
    /// Engine work (a run, the case scores, a bargaining run) still computing after this many
    /// seconds is stopped: 503, nothing stored.
    public var runTimeoutSeconds: Double
    /// Most stakeholders times rounds one bargaining request may ask for; more answers 422. A
    /// round costs time quadratic in the stakeholders and its result grows with them, so the
    /// product bounds both the answer's size and (with the stakeholder limit) the work.
    public var maxBargainWork: Int
    /// Most stakeholders one bargaining request may list; more answers 422. The model keeps a
    /// few n x n tables while it runs (8 bytes each cell), so this bounds its memory.
    public var maxBargainActors: Int
    /// Engine jobs computing at once.
    public var maxJobs: Int
    /// Engine jobs that may wait for a turn; beyond them a request answers 429 with Retry-After.
    public var jobQueue: Int

    public init(maxBodyBytes: Int = 256 * 1024, maxDraws: Int = 100_000, runTimeoutSeconds: Double = 120,
                maxBargainWork: Int = 50_000, maxBargainActors: Int = 1_000,
                maxJobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount), jobQueue: Int = 32) {
        self.maxBodyBytes = maxBodyBytes
        self.maxDraws = maxDraws
        self.runTimeoutSeconds = runTimeoutSeconds
        self.maxBargainWork = maxBargainWork
        self.maxBargainActors = maxBargainActors
        self.maxJobs = maxJobs
        self.jobQueue = jobQueue
    }

    /// Why these limits cannot be used, or nil.
    public var refusal: String? {
        if maxDraws < 1 { return "--max-draws must be at least 1" }
        if maxBodyBytes < 1024 { return "--max-body must be at least 1024 bytes" }
        if !(runTimeoutSeconds > 0) { return "--run-timeout must be a positive number of seconds" }
        if maxBargainActors < 2 { return "--max-bargain-actors must be at least 2" }
        if maxBargainWork < maxBargainActors { return "--max-bargain-work must be at least --max-bargain-actors (one round)" }
        if maxJobs < 1 { return "--max-jobs must be at least 1" }
        if jobQueue < 0 { return "--job-queue must be 0 or more" }
        return nil
    }
}

/// A scenario the workbench can run: built-in (version 0) or a user's (version 1, 2, ...).
public struct ResolvedScenario: Sendable {
    public var scenario: Scenario
    public var version: Int
    public var yaml: String
    public var isBuiltIn: Bool { version == 0 }
}

/// What a client asks to run.
public struct RunRequest: Sendable {
    public var scenarioID: String
    public var draws: Int
    public var seed: UInt64
    /// Parameter name to the range it is sampled from (a single value is a one-point range).
    public var params: [String: ClosedRange<Double>]

    public init(scenarioID: String, draws: Int = 10_000, seed: UInt64 = 1, params: [String: ClosedRange<Double>] = [:]) {
        self.scenarioID = scenarioID
        self.draws = draws
        self.seed = seed
        self.params = params
    }
}

/// The server's use cases, independent of HTTP routing: find scenarios, save them, run them.
public struct Workbench: Sendable {
    public let catalog: Catalog
    public let store: Store
    public let limits: Limits
    /// The case library's scores, computed on first use.
    let caseScores: CaseScores
    /// Engine jobs computing and waiting.
    let jobs: JobGate

    public init(catalog: Catalog, store: Store, limits: Limits = Limits()) {
        self.catalog = catalog
        self.store = store
        self.limits = limits
        jobs = JobGate(slots: max(1, limits.maxJobs), queueLength: max(0, limits.jobQueue))
        caseScores = CaseScores(jobs: jobs)
    }

    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    // MARK: Scenarios

    /// A built-in scenario, or the latest (or a given) version of a user's.
    public func scenario(_ id: String, version: Int? = nil) throws -> ResolvedScenario {
        if let builtIn = catalog.builtIn(id), version == nil || version == 0 {
            return ResolvedScenario(scenario: builtIn.scenario, version: 0, yaml: builtIn.yaml)
        }
        guard let row = try store.scenario(id, version: version) else {
            throw APIError.notFound("scenario '\(id)'" + (version.map { " version \($0)" } ?? ""))
        }
        return ResolvedScenario(scenario: try parse(row.yaml, file: id), version: row.version, yaml: row.yaml)
    }

    /// Parses and validates scenario text exactly as `pact check` would.
    public func parse(_ yaml: String, file: String) throws -> Scenario {
        do {
            return try catalog.loader.load(text: yaml, file: file)
        } catch let errors as InputErrors {
            throw APIError(errors)
        }
    }

    /// Validates `yaml` and stores it as a new user scenario (or a new version of one).
    public func save(yaml: String, mode: Store.SaveMode, expectedID: String? = nil) throws -> ResolvedScenario {
        let scenario = try parse(yaml, file: expectedID ?? "scenario")
        if let expectedID, scenario.id != expectedID {
            throw APIError(.unprocessableContent, "the id in the text ('\(scenario.id)') must be the scenario's id '\(expectedID)'",
                           field: "id", allowed: [expectedID])
        }
        if catalog.builtIn(scenario.id) != nil {
            throw APIError(.unprocessableContent, "'\(scenario.id)' is the id of a built-in scenario; choose another id",
                           field: "id")
        }
        switch try store.save(id: scenario.id, title: scenario.title, kind: scenario.kind.rawValue, yaml: yaml, mode: mode,
                              now: Self.timestamp()) {
        case .saved(let version): return ResolvedScenario(scenario: scenario, version: version, yaml: yaml)
        case .exists: throw APIError(.conflict, "a scenario with id '\(scenario.id)' exists; update it instead", field: "id")
        case .missing: throw APIError.notFound("scenario '\(scenario.id)'")
        }
    }

    // MARK: Runs

    /// Checks a run request against the limits and the parameter names.
    public func check(_ request: RunRequest) throws {
        guard request.draws >= 1, request.draws <= limits.maxDraws else {
            throw APIError(.unprocessableContent, "draws must be between 1 and \(limits.maxDraws), found \(request.draws)",
                           field: "draws")
        }
        for (name, range) in request.params.sorted(by: { $0.key < $1.key }) {
            guard catalog.parameters.contains(name) else {
                throw APIError(.unprocessableContent, "'\(name)' is not a model parameter", field: "params.\(name)",
                               allowed: catalog.parameterNames)
            }
            if let problem = ParameterBounds.problem(name, range) {
                throw APIError(.unprocessableContent, problem, field: "params.\(name)")
            }
        }
    }

    /// Runs a crisis scenario and stores the run; returns the stored row. Cancelled (nothing
    /// stored) when the request's task is cancelled or the run exceeds the time limit.
    public func run(_ request: RunRequest) async throws -> Store.RunRow {
        try check(request)
        let resolved = try scenario(request.scenarioID)
        guard resolved.scenario.kind == .crisis else {
            throw APIError(.unprocessableContent, "'\(resolved.scenario.id)' is an issue scenario; issue scenarios go to the bargaining model (POST /api/bargain)",
                           field: "scenario", allowed: ["a crisis scenario"])
        }
        // The request's overrides win over the scenario's own uncertainty block.
        var scenario = resolved.scenario
        for name in request.params.keys { scenario.uncertainty[name] = nil }
        let parameters = catalog.parameters.overriding(ranges: request.params)
        let snapshot = catalog.dataset.snapshot(on: scenario.date)
        let model: CrisisModel
        do {
            model = try CrisisModel(scenario: scenario, snapshot: snapshot)
        } catch let error as CrisisModelError {
            throw APIError(.unprocessableContent, error.message, field: "scenario")
        }
        let started = Self.timestamp()
        let forecast = try await compute { cancellation in
            try model.forecast(parameters: parameters, draws: request.draws, seed: request.seed, cancellation: cancellation)
        }
        let paramsJSON = OrderedJSON.object(request.params.sorted { $0.key < $1.key }.map {
            OrderedJSON.Member($0.key, .array([.number($0.value.lowerBound), .number($0.value.upperBound)]))
        }).rendered(pretty: false)
        let new = Store.NewRun(scenarioID: resolved.scenario.id, scenarioVersion: resolved.version, scenarioYAML: resolved.yaml,
                               draws: request.draws, seed: request.seed, params: paramsJSON,
                               result: forecast.orderedJSON.rendered(pretty: false), startedAt: started,
                               finishedAt: Self.timestamp())
        try Task.checkCancellation()
        let id = try store.insert(new)
        return Store.RunRow(id: id, run: new)
    }

    /// `work` as one engine job: it waits for a turn (``JobGate``), then computes under the run
    /// time limit (`compute(timeout:advice:field:_:)`).
    func compute<T: Sendable>(advice: String = "ask for fewer draws", field: String? = "draws",
                              _ work: @escaping @Sendable (Cancellation) throws -> T) async throws -> T {
        let timeout = limits.runTimeoutSeconds
        return try await jobs.admit {
            try await Self.compute(timeout: timeout, advice: advice, field: field, work)
        }
    }

    /// Runs `work` on a dispatch thread (it blocks, so not on Swift's cooperative pool) and stops
    /// it once `timeout` seconds have passed or the calling task is cancelled: `work` receives a
    /// ``Cancellation`` that the engine asks between chunks of draws (or bargaining rounds), so
    /// abandoned work ends within one chunk instead of holding a core to the end. The call
    /// returns when `work` does, so nothing of abandoned work outlives the request.
    ///
    /// Stopped work answers 503 with `advice` (what to ask for instead) naming `field`.
    static func compute<T: Sendable>(timeout: Double, advice: String = "ask for fewer draws", field: String? = "draws",
                                     _ work: @escaping @Sendable (Cancellation) throws -> T) async throws -> T {
        try await compute(stop: StopSignal(timeout: timeout), advice: advice, field: field, work)
    }

    /// `compute(timeout:advice:field:_:)` with its signal given, so a test can read it.
    static func compute<T: Sendable>(stop: StopSignal, advice: String = "ask for fewer draws", field: String? = "draws",
                                     _ work: @escaping @Sendable (Cancellation) throws -> T) async throws -> T {
        let cancellation = Cancellation { stop.reason != nil }
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    DispatchQueue.global().async {
                        do { continuation.resume(returning: try work(cancellation)) } catch { continuation.resume(throwing: error) }
                    }
                }
            } onCancel: {
                stop.cancel()
            }
        } catch is RunCancelled {
            switch stop.reason {
            case .timeLimit:
                throw APIError(.serviceUnavailable, "the computation was stopped after \(Format.compact(stop.timeout)) seconds; \(advice)",
                               field: field)
            case .cancelled, nil:
                throw APIError(.serviceUnavailable, "the request was cancelled before the computation finished", field: field)
            }
        }
    }
}

/// Tells engine work to stop: when its time limit has passed or its request was cancelled.
///
/// The engine asks between chunks, on its own worker threads, and the answer is worked out
/// there: the deadline is compared with the clock at each question rather than set by a timer,
/// because a timer needs a free thread to fire, and on a busy machine the work itself may be
/// holding every one. A lock rather than an atomic keeps it available on every platform the
/// package supports (Synchronization's `Atomic` needs macOS 15).
final class StopSignal: @unchecked Sendable {
    enum Reason: Equatable, Sendable {
        case timeLimit, cancelled
    }

    /// The time limit in seconds, as given.
    let timeout: Double
    private let deadline: ContinuousClock.Instant
    private let lock = NSLock()
    private var cancelled = false

    /// A signal that stops work `timeout` seconds from now (clamped to a thousand years).
    init(timeout: Double) {
        self.timeout = timeout
        deadline = ContinuousClock.now + .seconds(min(max(0, timeout), 3.15e10))
    }

    /// Why the work should stop, or nil while it may go on. Cancellation wins over the clock.
    var reason: Reason? {
        if lock.withLock({ cancelled }) { return .cancelled }
        return ContinuousClock.now >= deadline ? .timeLimit : nil
    }

    /// The request was cancelled: the work stops at its next question.
    func cancel() { lock.withLock { cancelled = true } }
}

extension Store.RunRow {
    /// The stored forecast.
    public var forecast: CrisisForecast? { ForecastJSON.decode(run.result) }

    /// `{"id", "scenario", "scenario_version", "draws", "seed", "started_at", "finished_at", "params"}`,
    /// then `"result"` when `withResult` (else the modal and expected level). Stored JSON is
    /// spliced in as-is, so its bytes are exactly what the run produced.
    public func json(withResult: Bool) -> String {
        var text = OrderedJSON.object([
            "id": .number(Double(id)),
            "scenario": .string(run.scenarioID),
            "scenario_version": .number(run.scenarioVersion),
            "draws": .number(run.draws),
            "seed": .number(run.seed),
            "started_at": .string(run.startedAt),
            "finished_at": .string(run.finishedAt),
        ]).rendered(pretty: false)
        text.removeLast()
        text += ",\"params\":" + run.params
        if withResult {
            text += ",\"result\":" + run.result
        } else if let f = forecast {
            text += ",\"modal\":\(f.modal),\"expected_level\":" + OrderedJSON.number(f.expectedLevel).rendered(pretty: false)
        }
        return text + "}"
    }
}
