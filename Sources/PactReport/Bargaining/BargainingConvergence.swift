import PactEngine

/// Whether a bargaining run has settled: how far positions still move from round to round.
///
/// The expected-utility model has no equilibrium it stops at; its forecast is the median after a
/// chosen number of rounds. When the last rounds still move, another round count gives another
/// answer, and the reader must be told.
public struct BargainingConvergence: Sendable, Equatable {
    /// A round moves "little" when no actor's position moves more than this share of the range.
    public static let tolerance = 0.01

    /// `movement[k - 1]`: the largest change of any actor's position in round k, as a share of
    /// the range of the initial positions (Delta).
    public var movement: [Double]
    /// `medianMovement[k - 1]`: the change of the median in round k, as a share of the range.
    public var medianMovement: [Double]

    public init(_ run: BargainingRun) {
        let range = run.range > 0 ? run.range : 1
        movement = zip(run.rounds, run.rounds.dropFirst()).map { before, after in
            zip(before.positions, after.positions).map { abs($1 - $0) }.max().map { $0 / range } ?? 0
        }
        medianMovement = zip(run.rounds, run.rounds.dropFirst()).map { abs($1.median - $0.median) / range }
    }

    /// The last round moved less than the tolerance (a run of no rounds has not been tested).
    public var isSettled: Bool { movement.last.map { $0 < Self.tolerance } ?? false }

    /// The first round from which every later round moves less than the tolerance, if any.
    public var settledFrom: Int? {
        guard isSettled else { return nil }
        var first = movement.count
        while first > 0, movement[first - 1] < Self.tolerance { first -= 1 }
        return first + 1
    }

    /// The warning to print when the run has not settled, nil when it has (or has no rounds).
    public var warning: String? {
        guard let last = movement.last, !isSettled else { return nil }
        let median = medianMovement.last ?? 0
        return "Not settled: in the last round positions still moved up to \(Format.percentage(last)) of the range "
            + "(the median \(Format.percentage(median))); more or fewer rounds give a different forecast. "
            + "Try --rounds with a larger number, or --stop-when-settled."
    }

    /// Whether the run settled, in a sentence for any front end (no command-line advice): nil
    /// for a run of no rounds.
    public var finding: String? {
        guard let last = movement.last else { return nil }
        if let from = settledFrom {
            return "Settled: from round \(from) no position moves more than \(Format.percentage(Self.tolerance)) of the range."
        }
        return "Not settled: in the last round positions still moved up to \(Format.percentage(last)) of the range "
            + "(the median \(Format.percentage(medianMovement.last ?? 0))); more or fewer rounds give a different forecast."
    }

    /// One row per round for a table: round, median, weighted mean, moves and the largest shift
    /// as a share of the range (blank for round 0).
    public static func roundRows(_ run: BargainingRun) -> [[String]] {
        let movement = BargainingConvergence(run).movement
        return run.rounds.enumerated().map { k, round in
            [String(round.round), Format.fixed(round.median, 2), Format.fixed(round.mean, 2), String(round.moves.count),
             k > 0 ? Format.percentage(movement[k - 1]) : ""]
        }
    }

    /// `run` cut after the first round that moves less than the tolerance (the whole run when
    /// none does): the stop rule of `pact bargain --stop-when-settled`.
    public static func stopped(_ run: BargainingRun) -> BargainingRun {
        let movement = BargainingConvergence(run).movement
        guard let quiet = movement.firstIndex(where: { $0 < tolerance }) else { return run }
        var cut = run
        cut.rounds = Array(run.rounds.prefix(quiet + 2))
        return cut
    }
}
