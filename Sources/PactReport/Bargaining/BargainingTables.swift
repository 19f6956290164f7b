import PactModel
import PactEngine

/// `pact bargain`'s text and CSV renderings of a run. Actors appear by their input names.
public enum BargainingTables {
    /// Per round the median and mean, then every move with its kind, then each actor's start and
    /// end, then the forecast in a sentence.
    public static func text(_ run: BargainingRun) -> String {
        let names = run.actors.map(\.name)
        let positions = run.actors.map(\.position)
        var lines: [String] = []
        lines.append("Expected-utility bargaining, variant \(run.variant.rawValue): \(run.variant.summary).")
        lines.append("\(run.actors.count) actors, positions \(number(positions.min()!)) to \(number(positions.max()!)) "
            + "(Delta \(number(run.range))), \(run.rounds.count - 1) round\(run.rounds.count == 2 ? "" : "s").")
        lines.append("")

        let convergence = BargainingConvergence(run)
        var summary = TextTable(columns: [.init("round", .right), .init("median", .right), .init("mean", .right),
            .init("moves", .right), .init("largest shift (% of range)", .right)])
        for (k, round) in run.rounds.enumerated() {
            let shift = k > 0 ? Format.percentage(convergence.movement[k - 1]) : ""
            summary.append([String(round.round), Format.fixed(round.median, 4), Format.fixed(round.mean, 4),
                String(round.moves.count), shift])
        }
        lines.append(summary.renderAligned())
        if let warning = convergence.warning {
            lines.append(warning)
        } else if let from = convergence.settledFrom {
            lines.append("Settled: from round \(from) no position moves more than \(Format.percentage(BargainingConvergence.tolerance)) of the range.")
        }
        lines.append("")

        let moveCount = run.rounds.reduce(0) { $0 + $1.moves.count }
        if moveCount == 0 {
            lines.append("Nobody moves.")
        } else {
            lines.append("Moves")
            var moves = TextTable(columns: [.init("round", .right), .init("actor"), .init("kind"), .init("with"),
                .init("from", .right), .init("to", .right)])
            for round in run.rounds {
                for move in round.moves {
                    moves.append([String(round.round), names[move.actor], move.kind.rawValue, names[move.counterpart],
                        Format.fixed(move.from, 4), Format.fixed(move.to, 4)])
                }
            }
            lines.append(moves.renderAligned())
        }
        lines.append("")

        lines.append("Actors")
        var actors = TextTable(columns: [.init("actor"), .init("capability", .right), .init("salience", .right),
            .init("start", .right), .init("final", .right), .init("risk", .right)])
        for (index, actor) in run.actors.enumerated() {
            actors.append([actor.name, Format.fixed(actor.capability, 4), Format.fixed(actor.salience, 2),
                Format.fixed(actor.position, 4), Format.fixed(run.final.positions[index], 4),
                Format.fixed(run.final.risk[index], 4)])
        }
        lines.append(actors.renderAligned())
        lines.append("")
        lines.append("Forecast after round \(run.final.round): median \(Format.fixed(run.final.median, 4)), "
            + "weighted mean \(Format.fixed(run.final.mean, 4)). Risk is the exponent of the last round.")
        return lines.joined(separator: "\n")
    }

    /// One row per round and actor: its position at the end of the round, its risk exponent,
    /// the move it made (if any) and the round's median and mean. Full precision.
    public static func rows(_ run: BargainingRun) -> TextTable {
        let names = run.actors.map(\.name)
        var table = TextTable(columns: ["round", "actor", "position", "risk", "move", "with", "median", "mean"].map {
            TextTable.Column($0)
        })
        for round in run.rounds {
            var moveOf: [Int: BargainingMove] = [:]
            for move in round.moves { moveOf[move.actor] = move }
            for index in names.indices {
                let move = moveOf[index]
                table.append([String(round.round), names[index], "\(round.positions[index])", "\(round.risk[index])",
                    move?.kind.rawValue ?? "", move.map { names[$0.counterpart] } ?? "", "\(round.median)",
                    "\(round.mean)"])
            }
        }
        return table
    }

    /// A whole number without a fraction, anything else to four places.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : Format.fixed(value, 4)
    }
}

extension BargainingTables {
    /// Issue scenarios decided by bargaining, one row each (`pact run` on issue scenarios): the
    /// opening and forecast median, the mean, the scale and the question.
    public static func issues(_ issues: [(scenario: Scenario, run: BargainingRun)], style: CellStyle = .display) -> TextTable {
        var table = TextTable(columns: [.init("issue"), .init("start median", .right), .init("forecast median", .right),
                                        .init("mean", .right), .init("scale"), .init("question")])
        for (scenario, run) in issues {
            let scale = scenario.issue.map { "\(Format.compact($0.scale.min))-\(Format.compact($0.scale.max))" } ?? ""
            table.append([scenario.id, style.fixed(run.rounds[0].median, 2), style.fixed(run.final.median, 2),
                          style.fixed(run.final.mean, 2), scale, scenario.issue?.question ?? ""])
        }
        return table
    }
}
