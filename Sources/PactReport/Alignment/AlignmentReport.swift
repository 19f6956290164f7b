import PactEngine
import PactModel

/// The alignment landscape as users get it: the lowest minima, every actor's frustration and
/// the bloc it would join, as aligned text, tidy CSV tables or the align JSON document
/// (`pact schema --output align`); and the bloc diagram.
public struct AlignmentReport: Sendable {
    public let analysis: AlignmentAnalysis
    public let day: Day
    /// How many minima the text shows (CSV and JSON list every one found).
    public let top: Int

    public init(_ analysis: AlignmentAnalysis, day: Day, top: Int) {
        self.analysis = analysis
        self.day = day
        self.top = top
    }

    /// The minima relabelled to today's bloc names, lowest energy first.
    var minima: [(energy: Double, labels: [Int])] {
        let a = analysis
        return a.search.minima.map { m in
            (m.energy, AlignmentAnalysis.relabel(m.partition.blocs, to: a.current, sizes: a.landscape.sizes, blocs: a.blocNames.count))
        }
    }

    func blocText(_ labels: [Int]) -> String {
        let names = analysis.blocNames, actors = analysis.landscape.actors
        return (0..<names.count).compactMap { b -> String? in
            let ids = labels.indices.filter { labels[$0] == b }.map { actors[$0].rawValue }
            return ids.isEmpty ? nil : "\(names[b]): " + ids.joined(separator: " ")
        }.joined(separator: " | ")
    }

    /// `actors` (every actor's row) and `minima` (every minimum with `.export`, the `top`
    /// lowest with `.display`).
    public func tables(_ style: CellStyle) -> TableSet {
        let a = analysis
        var minimaTable = TextTable(columns: [.init("rank", .right), .init("energy", .right), .init("blocs")])
        for (k, m) in minima.enumerated() where style.exact || k < top {
            minimaTable.append([String(k + 1), style.fixed(m.energy, 6), blocText(m.labels)])
        }
        var actorTable = TextTable(columns: [.init("actor"), .init("size", .right), .init("today"), .init("frustration", .right),
                                             .init("gain if switching", .right), .init("would go to"), .init("predicted"),
                                             .init("misplaced")])
        for r in a.rows {
            actorTable.append([r.actor.rawValue, style.fixed(r.size, 4), a.blocNames[r.currentBloc], style.fixed(r.frustration, 6),
                               style.fixed(r.gainBySwitching, 6), r.gainBySwitching > 0 ? a.blocNames[r.bestBloc] : style.missing,
                               a.blocNames[r.predictedBloc], r.misplaced ? "yes" : ""])
        }
        var tables = TableSet()
        tables.add("actors", actorTable)
        tables.add("minima", minimaTable)
        return tables
    }

    /// The aligned text `pact align` prints.
    public var text: String {
        let a = analysis, s = a.search
        let tables = self.tables(.display)
        var header = "Alignment landscape on \(day): \(a.landscape.actors.count) actors, \(a.blocNames.count) blocs; \(s.method.rawValue) search over \(s.examined) "
        header += s.method == .exhaustive ? "assignments" : "restarts"
        header += "; \(s.localMinimumCount) local minim\(s.localMinimumCount == 1 ? "um" : "a")"
        if s.localMinimumCount > top { header += " (the \(top) lowest shown)" }
        header += "\nsize = capability index; propensity = mean of the two affinities; energy = sum over pairs in different blocs of size x size x propensity"
        if let pole = a.counterPole { header += "\ncounter-pole: \(pole.rawValue)" }
        var footer = "today's energy \(Format.fixed(a.currentEnergy, 6)), global minimum \(Format.fixed(s.global.energy, 6))"
        footer += "\nmisplaced (today's bloc differs from the global minimum's): "
        footer += a.misplaced.isEmpty ? "none" : a.misplaced.map(\.rawValue).joined(separator: ", ")
        let rendered = Dictionary(uniqueKeysWithValues: tables.entries.map { ($0.name, $0.table.renderAligned()) })
        return [header, rendered["minima"] ?? "", rendered["actors"] ?? "", footer].joined(separator: "\n\n")
    }

    /// The align document (`pact schema --output align`).
    public var json: OrderedJSON {
        let a = analysis, actors = a.landscape.actors, q = a.blocNames.count
        func blocList(_ labels: [Int]) -> OrderedJSON {
            .array((0..<q).map { b in .array(labels.indices.filter { labels[$0] == b }.map { .string(actors[$0].rawValue) }) })
        }
        let rows = a.rows.map { r -> OrderedJSON in
            .object([
                "id": .string(r.actor.rawValue), "size": .number(r.size),
                "current_bloc": .string(a.blocNames[r.currentBloc]), "predicted_bloc": .string(a.blocNames[r.predictedBloc]),
                "frustration": .number(r.frustration), "gain_by_switching": .number(r.gainBySwitching),
                "best_bloc": .string(a.blocNames[r.bestBloc]), "misplaced": .bool(r.misplaced),
            ])
        }
        return OrderedJSON.object([
            "schema_version": .number(OutputSchemas.version),
            "as_of": .string(day.description),
            "blocs": .number(q),
            "bloc_names": .array(a.blocNames.map { .string($0) }),
            "counter_pole": .string(a.counterPole?.rawValue),
            "method": .string(a.search.method.rawValue),
            "examined": .number(a.search.examined),
            "local_minimum_count": .number(a.search.localMinimumCount),
            "truncated": .bool(a.search.truncated),
            "current_energy": .number(a.currentEnergy),
            "minima": .array(minima.enumerated().map { k, m in
                .object(["rank": .number(k + 1), "energy": .number(m.energy), "blocs": blocList(m.labels)])
            }),
            "actors": .array(rows),
            "misplaced": .array(a.misplaced.map { .string($0.rawValue) }),
        ])
    }

    /// The frustration chart: each actor's frustration in today's alignment.
    public var frustrationChart: Chart {
        let rows = analysis.rows.map { FrustrationChart.Row(actor: $0.actor.rawValue, frustration: $0.frustration, misplaced: $0.misplaced) }
        return FrustrationChart(rows: rows, title: "Frustration in today's alignment, \(day), \(analysis.blocNames.count) blocs").render()
    }

    /// The bloc diagram: actors in their predicted blocs, coloured by today's, with every
    /// non-zero pair propensity offered as a tie (the diagram keeps the `strongestTies`).
    public func blocDiagram(strongestTies: Int) -> BlocDiagram {
        let a = analysis, l = a.landscape
        let actors = a.rows.map { BlocDiagram.Actor(id: $0.actor.rawValue, size: $0.size, today: $0.currentBloc, predicted: $0.predictedBloc) }
        var ties: [BlocDiagram.Tie] = []
        for i in 0..<l.count {
            for j in (i + 1)..<max(i + 1, l.count) where l.propensity[i * l.count + j] != 0 {
                ties.append(BlocDiagram.Tie(l.actors[i].rawValue, l.actors[j].rawValue, propensity: l.propensity[i * l.count + j]))
            }
        }
        return BlocDiagram(actors: actors, blocNames: a.blocNames, ties: ties, strongestTies: strongestTies,
                           title: "Blocs today and predicted, \(day), \(a.blocNames.count) blocs",
                           energyToday: a.currentEnergy, energyPredicted: a.search.global.energy)
    }
}
