/// Bueno de Mesquita's expected-utility model of collective decisions, as reconstructed by
/// Scholz, Calbert & Smith (2011), with a second, pairwise variant beside it.
///
/// Actors with a capability, a position on a one-dimensional issue and a salience bargain in
/// rounds. In each round every actor works out how risk-acceptant it is, then what every other
/// actor could extract from it by a challenge; it takes the best offer it receives, and all moves
/// happen at once. The forecast is the pairwise-vote median after a fixed number of rounds.
/// docs/BARGAINING.md gives every formula.
///
/// ```swift
/// let model = try BargainingModel(actors: actors, variant: .scholz)
/// let run = model.run(rounds: 10)
/// print(run.final.median)
/// ```
///
/// The computation is pure and deterministic: the same actors give bit-identical rounds on every
/// run, and ties always go to the actor listed first.
public struct BargainingModel: Sendable {
    public let actors: [BargainingActor]
    public let variant: BargainingVariant
    /// Delta: the range of the initial positions, fixed for the whole run.
    public let range: Double

    /// Checks the actors (see ``BargainingInputError/problems(in:)``) and throws the first problem.
    public init(actors: [BargainingActor], variant: BargainingVariant = .scholz) throws(BargainingInputError) {
        if let problem = BargainingInputError.problems(in: actors).first { throw problem }
        self.actors = actors
        self.variant = variant
        let positions = actors.map(\.position)
        range = positions.max()! - positions.min()!
    }

    /// How much of each round a run keeps.
    ///
    /// A round's expected-utility table and offers take about 32 bytes times actors squared;
    /// kept for every round they make a run's memory grow with actors squared times rounds.
    /// What every report, chart and JSON document shows is the per-round summary (positions,
    /// risk, moves, median, mean), which grows with actors times rounds only.
    public enum Detail: Sendable {
        /// Every round in full, tables and offers included (for studying the model's arithmetic).
        case everyRound
        /// Every round's summary; the tables and offers of the last round only.
        case summaries
    }

    /// Round 0 (the initial state) and then `rounds` rounds of bargaining.
    public func run(rounds: Int, keeping detail: Detail = .everyRound) -> BargainingRun {
        guard let run = play(rounds: rounds, detail: detail, cancellation: .never) else {
            preconditionFailure("a run that is never cancelled always finishes")
        }
        return run
    }

    /// The same run, asking `cancellation` before each round: once it says stop, the run throws
    /// ``RunCancelled`` (a round costs time quadratic in the actors, so a long table of actors
    /// over many rounds is worth stopping). A cancellation that never says stop gives exactly
    /// ``run(rounds:keeping:)``.
    public func run(rounds: Int, keeping detail: Detail = .everyRound, cancellation: Cancellation) throws(RunCancelled)
        -> BargainingRun
    {
        guard let run = play(rounds: rounds, detail: detail, cancellation: cancellation) else { throw RunCancelled() }
        return run
    }

    /// The rounds, or nil when `cancellation` stopped them.
    private func play(rounds: Int, detail: Detail, cancellation: Cancellation) -> BargainingRun? {
        precondition(rounds >= 0, "the number of rounds must not be negative")
        let workspace = BargainingWorkspace(actors: actors, range: range, variant: variant)
        var positions = actors.map(\.position)
        var history: [BargainingRound] = []
        history.reserveCapacity(rounds + 1)
        history.append(
            BargainingRound(
                round: 0, positions: positions, risk: Array(repeating: 1, count: actors.count), expectedUtility: nil,
                offers: [], moves: [], median: workspace.median(of: positions), mean: workspace.mean(of: positions)))
        for round in stride(from: 1, through: rounds, by: 1) {
            if cancellation.isRequested { return nil }
            let full = detail == .everyRound || round == rounds
            let next = workspace.play(round: round, positions: positions, detailed: full)
            positions = next.positions
            history.append(next)
        }
        return BargainingRun(variant: variant, actors: actors, range: range, rounds: history)
    }
}
