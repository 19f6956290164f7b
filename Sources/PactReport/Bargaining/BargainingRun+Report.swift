import PactEngine
import PactModel

extension BargainingRun {
    /// The actors as a reader knows them: the dataset's name where an actor's input name is an
    /// actor id of the dataset (the stakeholders of an issue scenario), the input name otherwise.
    public func displayNames(in dataset: Dataset) -> [String] {
        actors.map { dataset.actors[ActorID($0.name)]?.name ?? $0.name }
    }
}

extension BargainingTrajectory {
    /// The run's rounds for the trajectory chart, on the issue's scale where there is one and on
    /// the span of the positions otherwise (a stakeholder table has no scale).
    public init(_ run: BargainingRun, names: [String], scale: Scale?) {
        let positions = run.rounds.flatMap(\.positions)
        self.init(
            actors: names,
            rounds: run.rounds.map { .init(round: $0.round, median: $0.median, mean: $0.mean, positions: $0.positions) },
            scaleMin: scale?.min ?? positions.min() ?? 0, scaleMax: scale?.max ?? positions.max() ?? 1,
            minLabel: scale?.minLabel ?? "", maxLabel: scale?.maxLabel ?? "")
    }
}

extension BargainingReport {
    /// The report on `run`, actors shown by `names`. `scenario` is the issue scenario the actors
    /// came from, nil for a stakeholder table read from `inputName`; `command` reproduces the run.
    public init(_ run: BargainingRun, names: [String], scenario: Scenario?, inputName: String, command: String) {
        let actors = run.actors.indices.map { i in
            Actor(name: names[i], capability: run.actors[i].capability, salience: run.actors[i].salience,
                  start: run.actors[i].position, final: run.final.positions[i])
        }
        let moves = run.rounds.flatMap { round in
            round.moves.map { move in
                Move(round: round.round, actor: names[move.actor], kind: move.kind.rawValue,
                     counterpart: names[move.counterpart], from: move.from, to: move.to)
            }
        }
        self.init(
            title: scenario?.title ?? "Bargaining on \(inputName)", question: scenario?.issue?.question,
            source: scenario.map { "scenario \($0.id), \($0.date)" } ?? "stakeholders from \(inputName)",
            variant: run.variant.rawValue, variantSummary: run.variant.summary,
            trajectory: BargainingTrajectory(run, names: names, scale: scenario?.issue?.scale),
            actors: actors, moves: moves, command: command)
    }
}
