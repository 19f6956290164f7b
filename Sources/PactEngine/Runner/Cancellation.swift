/// A question a long computation asks at fixed points of its work: should it stop now?
///
/// The engine never reads a clock and keeps no global state, so it cannot know when a caller has
/// lost interest (a time limit passed, a request went away). The caller knows, and answers
/// through this value. The Monte Carlo runner asks once before each chunk of draws, the
/// bargaining model once before each round: a stopped computation ends within one chunk or round
/// and throws ``RunCancelled``; it never returns a partial result.
///
/// ```swift
/// let forecast = try model.forecast(parameters: parameters, draws: 100_000, seed: 1,
///                                   cancellation: Cancellation { deadlinePassed.isSet })
/// ```
///
/// The question is asked from the computation's worker threads, possibly from several at once,
/// so `shouldStop` must be thread-safe and cheap. Asking it changes no random number and no
/// sum: a computation that is never stopped gives bit-identical results to one without a
/// cancellation.
public struct Cancellation: Sendable {
    private let shouldStop: (@Sendable () -> Bool)?

    /// A cancellation that stops the computation once `shouldStop` returns true.
    public init(_ shouldStop: @escaping @Sendable () -> Bool) {
        self.shouldStop = shouldStop
    }

    private init() {
        shouldStop = nil
    }

    /// Never stops, and costs nothing to ask: the default for every computation.
    public static let never = Cancellation()

    /// Whether the computation should stop now.
    public var isRequested: Bool { shouldStop?() ?? false }

    /// Throws ``RunCancelled`` when the computation should stop now.
    public func check() throws(RunCancelled) {
        if isRequested { throw RunCancelled() }
    }
}

/// A computation stopped early because its ``Cancellation`` asked it to; no result exists.
public struct RunCancelled: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the computation was cancelled before it finished; no result was produced" }
}
