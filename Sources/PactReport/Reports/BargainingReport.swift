/// The report on one bargaining run: the question, the forecast in sentences, the trajectory
/// chart, the rounds, the moves, the actors and the command that reproduces it.
///
/// Takes plain values, so a report can be drawn from any source; `BargainingReport(_:names:scenario:inputName:command:)`
/// (Bargaining/BargainingRun+Report.swift) builds one from the engine's run.
public struct BargainingReport: Sendable {
    public struct Actor: Hashable, Sendable {
        public var name: String
        public var capability: Double
        public var salience: Double
        public var start: Double
        public var final: Double
        public init(name: String, capability: Double, salience: Double, start: Double, final: Double) {
            self.name = name
            self.capability = capability
            self.salience = salience
            self.start = start
            self.final = final
        }
    }

    /// One move an actor made: in `round`, towards `counterpart`'s position.
    public struct Move: Hashable, Sendable {
        public var round: Int
        public var actor: String
        public var kind: String
        public var counterpart: String
        public var from: Double
        public var to: Double
        public init(round: Int, actor: String, kind: String, counterpart: String, from: Double, to: Double) {
            self.round = round
            self.actor = actor
            self.kind = kind
            self.counterpart = counterpart
            self.from = from
            self.to = to
        }
    }

    public var title: String
    /// The question on the table, for an issue scenario.
    public var question: String?
    /// Lines describing the input (scenario id and date, or the CSV file).
    public var source: String
    public var variant: String
    public var variantSummary: String
    public var trajectory: BargainingTrajectory
    public var actors: [Actor]
    public var moves: [Move]
    public var command: String
    public var theme: ChartTheme

    public init(title: String, question: String?, source: String, variant: String, variantSummary: String,
                trajectory: BargainingTrajectory, actors: [Actor], moves: [Move], command: String,
                theme: ChartTheme = .standard) {
        self.title = title
        self.question = question
        self.source = source
        self.variant = variant
        self.variantSummary = variantSummary
        self.trajectory = trajectory
        self.actors = actors
        self.moves = moves
        self.command = command
        self.theme = theme
    }

    public var charts: [Chart] { [BargainingChart(trajectory).render(theme)] }

    func scalePoint(_ value: Double) -> String {
        let t = trajectory
        var text = Format.fixed(value, 1)
        if !t.minLabel.isEmpty || !t.maxLabel.isEmpty {
            let span = t.scaleMax - t.scaleMin
            let share = span == 0 ? 0 : (value - t.scaleMin) / span
            if share < 0.4, !t.minLabel.isEmpty { text += " (toward \(t.minLabel))" }
            else if share > 0.6, !t.maxLabel.isEmpty { text += " (toward \(t.maxLabel))" }
            else if (0.4...0.6).contains(share) { text += " (mid-scale)" }
        }
        return text
    }

    /// The forecast in sentences.
    public var sentences: [String] {
        guard let first = trajectory.rounds.first, let last = trajectory.rounds.last else { return [] }
        var out: [String] = []
        out.append("After \(last.round) round\(last.round == 1 ? "" : "s") of bargaining (\(variant) variant), the forecast, the median position, is \(scalePoint(last.median)) on a scale from \(Format.compact(trajectory.scaleMin))\(trajectory.minLabel.isEmpty ? "" : " (\(trajectory.minLabel))") to \(Format.compact(trajectory.scaleMax))\(trajectory.maxLabel.isEmpty ? "" : " (\(trajectory.maxLabel))"); it started at \(Format.fixed(first.median, 1)).")
        out.append("The capability- and salience-weighted mean moved from \(Format.fixed(first.mean, 1)) to \(Format.fixed(last.mean, 1)).")
        let movers = actors.filter { abs($0.final - $0.start) > 1e-9 }.sorted { abs($0.final - $0.start) > abs($1.final - $1.start) }
        if movers.isEmpty {
            out.append("Nobody moved: no actor expected to gain from challenging another.")
        } else {
            let parts = movers.prefix(3).map { "\($0.name) (from \(Format.fixed($0.start, 1)) to \(Format.fixed($0.final, 1)))" }
            out.append("The actors that moved most were " + parts.joined(separator: ", ") + ".")
            let stayed = actors.filter { abs($0.final - $0.start) <= 1e-9 }.map(\.name)
            if !stayed.isEmpty { out.append("Held their positions: \(stayed.joined(separator: ", ")).") }
        }
        return out
    }

    public var document: ReportDocument {
        var doc = ReportDocument(title: title, subtitle: "Pact bargaining report · \(source) · variant \(variant)")
        doc.append(.heading("Summary"))
        if let question { doc.append(.paragraph("Question: \(question)")) }
        for sentence in sentences { doc.append(.paragraph(sentence)) }
        doc.append(.heading("Trajectory"))
        for chart in charts { doc.append(.chart(chart)) }
        var rounds = TextTable(columns: [.init("round", .right), .init("median", .right), .init("mean", .right),
                                         .init("moves", .right)])
        for round in trajectory.rounds {
            rounds.append([String(round.round), Format.fixed(round.median, 4), Format.fixed(round.mean, 4),
                           String(moves.filter { $0.round == round.round }.count)])
        }
        doc.append(.table(rounds, caption: "Median and mean by round"))
        doc.append(.heading("Actors"))
        var table = TextTable(columns: [.init("actor"), .init("capability", .right), .init("salience", .right),
                                        .init("start", .right), .init("final", .right)])
        for a in actors {
            table.append([a.name, Format.fixed(a.capability, 2), Format.fixed(a.salience, 2), Format.fixed(a.start, 2),
                          Format.fixed(a.final, 2)])
        }
        doc.append(.table(table, caption: nil))
        doc.append(.heading("Moves"))
        if moves.isEmpty {
            doc.append(.paragraph("Nobody moves."))
        } else {
            var table = TextTable(columns: [.init("round", .right), .init("actor"), .init("kind"), .init("towards"),
                                            .init("from", .right), .init("to", .right)])
            for m in moves {
                table.append([String(m.round), m.actor, m.kind, m.counterpart, Format.fixed(m.from, 2), Format.fixed(m.to, 2)])
            }
            doc.append(.table(table, caption: nil))
        }
        doc.append(.heading("Model"))
        doc.append(.paragraph("Variant \(variant): \(variantSummary). docs/BARGAINING.md gives the formulas."))
        doc.append(.heading("Reproduce"))
        doc.append(.paragraph("The bargaining model is deterministic; this command gives the same report:"))
        doc.append(.code(command))
        return doc
    }

    public func html() -> String { document.html() }
}
