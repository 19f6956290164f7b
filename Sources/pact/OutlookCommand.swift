import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact outlook`: will the members stay? A seeded Monte Carlo of the alliance over years.
struct OutlookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outlook",
        abstract: "Who stays, freezes or leaves the alliance by a horizon, as crises come.",
        discussion: """
            Each run steps through quarters from --from to --to. Crises arrive at the rates of the \
            case library's episodes dated before --from, what was known at the start (each such \
            episode recurs at 1 / (years they span) per year; --look-ahead also uses the later ones, \
            a diagnostic that is not a backtest) and are resolved by the crisis engine, run once per episode on the dataset as of \
            --from. The member the crisis concerns moves its satisfaction toward what it got against \
            what it wanted; between crises every member drifts back to an anchor set by its \
            affinity toward and dependence on the lead state, its alignment tension (the landscape \
            of `pact align`) and its best outside option. A full member below 0.40 for a year \
            freezes or suspends; a disengaged one below 0.25 for two years leaves, above 0.55 for a \
            year returns. Each member's ties move as mean-reverting walks estimated from the \
            dataset's history before --from, and a refusal costs trust in the lead state; \
            attributes, dependence and the crisis engine's answers stay as on --from. See \
            docs/OUTLOOK.md.

            Prints each member's probability of being a full member, disengaged (frozen or \
            suspended) or gone at the horizon and of freezing or leaving at any time; the expected \
            numbers of crises and collective deployments; and fan-chart data by year (quantiles of \
            the number of full members and of the cohesion index, the mean satisfaction of the \
            members other than the lead state). Same seed, same output, for any --threads.
            """
    )

    @Option(help: .date("Start date (default: today, UTC). The dataset is frozen as of this day."))
    var from: Day?

    @Option(help: .date("Horizon."))
    var to: Day = Day(year: 2035, month: 1, day: 1)!

    @Option(help: "Monte Carlo runs.")
    var runs: Int = 1000

    @OptionGroup var random: RandomOptions

    @OptionGroup var parameterFile: ParameterFileOption

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change an outlook constant, NAME=VALUE (repeatable), e.g. --set crisis_learning=0.5.",
        discussion: "Names: \(OutlookParameters.names.map(\.name).joined(separator: ", ")). Defaults and reasons: docs/OUTLOOK.md."))
    var settings: [String] = []

    @Flag(name: .customLong("look-ahead"), help: ArgumentHelp(
        "Diagnostic, not a backtest: also draw crises from library episodes dated after --from (look-ahead).",
        discussion: "By default the crisis templates and their rates come only from episodes dated before --from, what was known at the start."))
    var lookAhead = false

    @Flag(name: .customLong("cases-before-start"), help: ArgumentHelp(
        "Crisis templates only from episodes dated before --from: the default; kept for old command lines.", visibility: .hidden))
    var casesBeforeStart = false

    @Flag(help: "Diagnostic, not a forecast: recompute anchors and crisis outcomes each year from the dataset as it turned out.")
    var hindsight = false

    @Flag(help: "Also print each member's anchor terms and every crisis template.")
    var explain = false

    @Flag(help: "Report the wall-clock time of the simulation on standard error (a benchmark).")
    var timing = false

    @Option(help: "Also write the fan chart of the cohesion index to this SVG file.")
    var chart: String?

    @Option(name: .customLong("members-chart"), help: "Also write the fan chart of the number of full members to this SVG file.")
    var membersChart: String?

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats, "CSV prints one table, `members` by default; --table fan|terms|templates|trends or -o DIR for the others."))
    var format: OutputFormat = .table

    @OptionGroup var export: TableExportOptions

    func validate() throws {
        try format.require(Self.formats, command: "outlook")
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if lookAhead && casesBeforeStart {
            throw ValidationError("--look-ahead and --cases-before-start exclude each other")
        }
        let start = from ?? DataCommand.today()
        if to <= start { throw ValidationError("--to (\(to)) must be after --from (\(start))") }
        _ = try outlookParameters()
    }

    /// The case window an outlook from `start` draws its crises from, after checking the start
    /// is one the dataset can forecast from. Shared with `pact sweep --outlook`.
    static func caseWindow(dataset: Dataset, cases: [Scenario], from start: Day, lookAhead: Bool) throws -> DayInterval {
        // Before the relations begin every affinity reads 0 and every anchor one half: no forecast.
        if let first = dataset.relations.map(\.period.start).min(), start < first {
            throw ValidationError("--from \(start) is before the dataset's relations begin (\(first)); start on or after \(first)")
        }
        // What was known at the start: only the episodes before it, unless --look-ahead asks otherwise.
        guard let window = OutlookSetup.caseWindow(cases: cases, before: lookAhead ? nil : start) else {
            throw ValidationError("the case library has no episode before \(start): start later, or add --look-ahead to draw crises from later episodes (a diagnostic)")
        }
        let snapshot = dataset.snapshot(on: start)
        if snapshot.parties.isEmpty {
            throw ValidationError("\(snapshot.organization.id) has no members on \(start); start on a day it has some (--from)")
        }
        return window
    }

    /// The default constants with every --set applied.
    func outlookParameters() throws -> OutlookParameters {
        var parameters = OutlookParameters()
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite else {
                throw ValidationError("--set '\(setting)' is not NAME=NUMBER (for example crisis_learning=0.5)")
            }
            guard let changed = parameters.setting(parts[0], to: value) else {
                throw ValidationError("--set: no outlook constant is called '\(parts[0])'; the names are \(OutlookParameters.names.map(\.name).joined(separator: ", "))")
            }
            if let allowed = OutlookParameters.allowedValues(of: parts[0]), !allowed.range.contains(value) {
                throw ValidationError("--set \(parts[0])=\(parts[1]): \(parts[0]) must be \(allowed.text)")
            }
            parameters = changed
        }
        return parameters
    }

    func run() throws {
        let start = from ?? DataCommand.today()
        let end = to
        let dataset = try Embedded.dataset()
        let parameters = try parameterFile.load()
        let cases = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let window = try Self.caseWindow(dataset: dataset, cases: cases, from: start, lookAhead: lookAhead)
        let setup = try OutlookSetup(dataset: dataset, from: start, to: end, cases: cases, caseWindow: window, crisisParameters: parameters,
                                     parameters: try outlookParameters(), seed: random.seed, hindsight: hindsight)
        let clock = ContinuousClock()
        let began = clock.now
        let forecast = Outlook.run(setup, runs: runs, seed: random.seed, threads: random.workers)
        if timing {
            let elapsed = began.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            FileHandle.standardError.write(Data("outlook: \(runs) runs of \(Format.fixed(setup.years, 2)) years in \(Format.fixed(seconds, 3)) s\n".utf8))
        }
        let report = OutlookReport(forecast, lookAhead: lookAhead)
        try writeCharts(report)
        let text = try render(report)
        if !text.isEmpty { print(text) }
    }

    func writeCharts(_ report: OutlookReport) throws {
        // Every chart is drawn before any is written; each file is written whole (temporary file
        // and rename) or not at all, and a failure names the file and exits 2.
        var files: [(path: String, svg: String)] = []
        if let chart { files.append((chart, report.fanChart(fullMembers: false).svg)) }
        if let membersChart { files.append((membersChart, report.fanChart(fullMembers: true).svg)) }
        for file in files { try ReportFiles.write(file.svg + "\n", to: URL(fileURLWithPath: file.path)) }
    }

    func render(_ report: OutlookReport) throws -> String {
        switch format {
        case .json: return report.json.rendered()
        // CSV keeps every digit and leaves missing values empty.
        case .csv: return try export.export(report.tables(.export)) ?? ""
        case .table, .markdown, .html: return report.text(explain: explain)
        }
    }
}
