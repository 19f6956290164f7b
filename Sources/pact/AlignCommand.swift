import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact align`: the alignment landscape (Axelrod and Bennett, 1993) of the dataset's actors.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Which blocs the actors' sizes and affinities favour, and who sits in the wrong one.",
        discussion: """
            Landscape theory of aggregation (Axelrod and Bennett, 1993). Each actor's size is its \
            capability index on the date; each pair's propensity is the mean of their two \
            affinities. The energy of a split into blocs is the sum, over pairs in different blocs, \
            of size x size x propensity; actors lower it by joining friends and leaving rivals.

            Prints the global minimum and every other local minimum (no single actor gains by \
            switching bloc) with their energies; each actor's frustration in today's alignment \
            (its part of today's energy) and what it would gain by switching alone; and the actors \
            whose bloc today differs from the predicted one. Today's alignment: with --blocs 2 the \
            organization's full members against everyone else; with --blocs 3 the full members, \
            the camp of the counter-pole (the largest non-member, or --counter-pole) and others.

            The search is exhaustive (Gray-code order, O(n) per step, one actor fixed) up to 28 \
            actors for two blocs and 16 for three, a seeded local search with restarts beyond. \
            --synthetic N searches a random landscape of N actors instead and reports the time, \
            as a benchmark. See docs/OUTLOOK.md.
            """
    )

    @Option(name: .customLong("as-of"), help: .date("The date (default: today, UTC)."))
    var asOf: Day?

    @Option(help: "Comma-separated actor ids (default: every actor with attributes on the date).")
    var actors: String?

    @Option(help: "Number of blocs, 2 or 3.")
    var blocs: Int = 2

    @Option(help: "Search method: exhaustive or local (default: exhaustive when feasible).")
    var method: AlignmentSearch.Method?

    @Option(help: "Local-search restarts (default: 50 per actor, at least 1,000).")
    var restarts: Int?

    @Option(help: "Seed of the local search and of --synthetic landscapes.")
    var seed: UInt64 = 1

    @Option(name: .customLong("counter-pole"), help: "For --blocs 3: the actor whose camp is the second bloc today.")
    var counterPole: String?

    @Option(help: "Search a random landscape of this many actors (a benchmark) instead of the dataset.")
    var synthetic: Int?

    @Option(help: "Minima listed in the table (JSON and CSV list every minimum kept).")
    var top: Int = 10

    @Option(help: "Also write a bar chart of each actor's frustration today to this SVG file.")
    var chart: String?

    @Option(name: .customLong("bloc-chart"),
            help: "Also write a diagram of the predicted blocs, today's blocs and the strongest ties to this SVG file.")
    var blocChart: String?

    @Option(name: .customLong("bloc-chart-ties"), help: "Ties drawn in the --bloc-chart diagram: the strongest N pairs.")
    var blocChartTies: Int = 12

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats, "CSV prints one table, `actors` by default; --table minima or -o DIR for the other."))
    var format: OutputFormat = .table

    @OptionGroup var export: TableExportOptions

    func validate() throws {
        try format.require(Self.formats, command: "align")
        if blocs != 2 && blocs != 3 { throw ValidationError("--blocs must be 2 or 3, not \(blocs)") }
        try export.validate(format: format.rawValue)
        if let restarts, restarts < 1 { throw ValidationError("--restarts must be at least 1") }
        if let synthetic, !(2...200).contains(synthetic) { throw ValidationError("--synthetic must be between 2 and 200 actors") }
        if let synthetic, method == .exhaustive, synthetic > AlignmentSearch.exhaustiveLimit(blocs: blocs) {
            throw ValidationError("--method exhaustive is limited to \(AlignmentSearch.exhaustiveLimit(blocs: blocs)) actors for \(blocs) blocs")
        }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if blocChartTies < 0 { throw ValidationError("--bloc-chart-ties must be 0 or more") }
        if synthetic != nil && (chart != nil || blocChart != nil) {
            throw ValidationError("--chart and --bloc-chart draw the dataset's landscape; they cannot be used with --synthetic")
        }
    }

    func run() throws {
        if let synthetic { return runSynthetic(synthetic) }
        let day = asOf ?? DataCommand.today()
        let dataset = try Embedded.dataset()
        let snapshot = dataset.snapshot(on: day)
        var chosen: [ActorID]?
        if let actors {
            let ids = actors.split(separator: ",").map { ActorID(String($0).trimmingCharacters(in: .whitespaces)) }
            let known = Set(snapshot.capabilityIndex.keys)
            let unknown = ids.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw ValidationError("--actors: \(unknown.map(\.rawValue).joined(separator: ", ")) not in the dataset on \(day); known actors are \(known.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            if Set(ids).count != ids.count { throw ValidationError("--actors lists an actor twice") }
            if ids.count < 2 { throw ValidationError("--actors needs at least two actors") }
            chosen = ids
        }
        var pole: ActorID?
        if let counterPole {
            pole = ActorID(counterPole)
            if !(chosen ?? snapshot.capabilityIndex.keys.sorted()).contains(pole!) {
                throw ValidationError("--counter-pole \(counterPole) is not among the actors")
            }
        }
        let landscape = AlignmentLandscape(snapshot: snapshot, actors: chosen)
        if landscape.count > AlignmentSearch.exhaustiveLimit(blocs: blocs) && method == .exhaustive {
            throw ValidationError("--method exhaustive is limited to \(AlignmentSearch.exhaustiveLimit(blocs: blocs)) actors for \(blocs) blocs")
        }
        let result = AlignmentSearch.search(landscape, blocs: blocs, method: method, restarts: restarts, seed: seed)
        let analysis = AlignmentAnalysis(snapshot: snapshot, landscape: landscape, search: result, counterPole: pole)
        // Every chart is drawn before any is written; each file is written whole (temporary file
        // and rename) or not at all, and a failure names the file and exits 2.
        let report = AlignmentReport(analysis, day: day, top: top)
        var files: [(path: String, svg: String)] = []
        if let chart { files.append((chart, report.frustrationChart.svg)) }
        if let blocChart { files.append((blocChart, report.blocDiagram(strongestTies: blocChartTies).render().svg)) }
        for file in files { try ReportFiles.write(file.svg + "\n", to: URL(fileURLWithPath: file.path)) }
        let text = try render(report)
        if !text.isEmpty { print(text) }
    }

    func runSynthetic(_ n: Int) {
        let landscape = AlignmentLandscape.synthetic(actors: n, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let result = AlignmentSearch.search(landscape, blocs: blocs, method: method, restarts: restarts, seed: seed)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var table = TextTable(columns: [.init("actors", .right), .init("blocs", .right), .init("method"),
                                        .init("examined", .right), .init("local minima", .right),
                                        .init("global energy", .right), .init("seconds", .right)])
        table.append([String(n), String(blocs), result.method.rawValue, String(result.examined),
                      String(result.localMinimumCount), Format.fixed(result.global.energy, 6), Format.fixed(seconds, 3)])
        print(format == .csv ? table.renderCSV() : table.renderAligned())
    }

    func render(_ report: AlignmentReport) throws -> String {
        switch format {
        case .json: return report.json.rendered()
        // CSV keeps every digit and leaves missing values empty.
        case .csv: return try export.export(report.tables(.export)) ?? ""
        case .table, .markdown, .html: return report.text
        }
    }
}

extension AlignmentSearch.Method: ExpressibleByArgument {}
