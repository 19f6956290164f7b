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

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Option(help: "Start date, YYYY-MM-DD (default: today, UTC). The dataset is frozen as of this day.")
    var from: String?

    @Option(help: "Horizon, YYYY-MM-DD.")
    var to: String = "2035-01-01"

    @Option(help: "Monte Carlo runs.")
    var runs: Int = 1000

    @Option(help: "Random seed; the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: every core). The result does not depend on it.")
    var threads: Int?

    @Option(help: "A crisis-parameter file in the format of the shipped Parameters/default.yaml.")
    var params: String?

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

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). CSV prints one table, `members` by default; --table fan|terms|templates|trends or -o DIR for the others.")
    var format: OutputFormat = .table

    @OptionGroup var export: TableExportOptions

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if lookAhead && casesBeforeStart {
            throw ValidationError("--look-ahead and --cases-before-start exclude each other")
        }
        if let from, Day(iso: from) == nil {
            throw ValidationError("--from '\(from)' is not a date of the form YYYY-MM-DD (for example 2005-01-01)")
        }
        guard let end = Day(iso: to) else {
            throw ValidationError("--to '\(to)' is not a date of the form YYYY-MM-DD (for example 2035-01-01)")
        }
        let start = from.flatMap(Day.init(iso:)) ?? DataCommand.today()
        if end <= start { throw ValidationError("--to (\(end)) must be after --from (\(start))") }
        _ = try outlookParameters()
    }

    /// The default constants with every --set applied.
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
        let start = from.flatMap(Day.init(iso:)) ?? DataCommand.today()
        let end = Day(iso: to)!
        let dataset = try Embedded.dataset()
        let parameters = try ParameterSource.load(params)
        let cases = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let window = try Self.caseWindow(dataset: dataset, cases: cases, from: start, lookAhead: lookAhead)
        let setup = try OutlookSetup(dataset: dataset, from: start, to: end, cases: cases, caseWindow: window, crisisParameters: parameters,
                                     parameters: try outlookParameters(), seed: seed, hindsight: hindsight)
        let clock = ContinuousClock()
        let began = clock.now
        let forecast = Outlook.run(setup, runs: runs, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        if timing {
            let elapsed = began.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            FileHandle.standardError.write(Data("outlook: \(runs) runs of \(Format.fixed(setup.years, 2)) years in \(Format.fixed(seconds, 3)) s\n".utf8))
        }
        try writeCharts(forecast)
        let text = try render(forecast)
        if !text.isEmpty { print(text) }
    }

    func writeCharts(_ f: OutlookForecast) throws {
        func points(_ band: (OutlookForecast.FanPoint) -> OutlookForecast.Band) -> [FanPoint] {
            f.fan.map { p in
                let b = band(p)
                return FanPoint(label: String(p.date.year), years: p.years, p10: b.p10, p25: b.p25, p50: b.p50, p75: b.p75, p90: b.p90)
            }
        }
        let span = "\(f.setup.from.year)–\(f.setup.to.year), \(f.runs) runs"
        // Every chart is drawn before any is written; each file is written whole (temporary file
        // and rename) or not at all, and a failure names the file and exits 2.
        var files: [(path: String, svg: String)] = []
        if let chart {
            files.append((chart, FanChart(points: points(\.cohesion), title: "Cohesion outlook \(span)",
                                          yLabel: "cohesion (mean satisfaction of non-lead members)", yDomain: 0...1, id: "cohesion").render().svg))
        }
        if let membersChart {
            let top = Double(f.setup.members.count)
            files.append((membersChart, FanChart(points: points(\.fullMembers), title: "Full members \(span)", yLabel: "full members",
                                                 yDomain: 0...top, id: "full-members").render().svg))
        }
        for file in files { try ReportFiles.write(file.svg + "\n", to: URL(fileURLWithPath: file.path)) }
    }

    static func statusName(_ s: OutlookSetup.Status) -> String { s == .disengaged ? "frozen/suspended" : s.rawValue }

    func render(_ f: OutlookForecast) throws -> String {
        let setup = f.setup
        if format == .json { return json(f).rendered() }
        // CSV keeps every digit and leaves missing values empty; the table rounds for reading.
        let style: CellStyle = format == .csv ? .export : .display
        var members = TextTable(columns: [.init("member"), .init("role"), .init("start"), .init("anchor", .right), .init("P full", .right),
                                          .init("P frozen/suspended", .right), .init("P left", .right),
                                          .init("P ever froze or left", .right), .init("satisfaction", .right)])
        for r in f.members {
            let anchor = setup.members.first { $0.id == r.id }!
            members.append([r.id.rawValue, anchor.isLead ? "lead" : "member", Self.statusName(r.startStatus),
                            style.fixed(anchor.anchor, 2), style.probability(r.full), style.probability(r.disengaged),
                            style.probability(r.left), style.probability(r.exitOrFreeze),
                            style.optional(r.satisfaction, 2)])
        }
        var fan = TextTable(columns: [.init("date"), .init("years", .right), .init("full p10", .right), .init("full p50", .right),
                                      .init("full p90", .right), .init("full mean", .right), .init("cohesion p10", .right),
                                      .init("cohesion p25", .right), .init("cohesion p50", .right), .init("cohesion p75", .right),
                                      .init("cohesion p90", .right), .init("cohesion mean", .right)])
        for point in f.fan {
            let a = point.fullMembers, c = point.cohesion
            fan.append([point.date.description, style.fixed(point.years, 2), style.fixed(a.p10, 0), style.fixed(a.p50, 0),
                        style.fixed(a.p90, 0), style.fixed(a.mean, 2), style.fixed(c.p10, 3), style.fixed(c.p25, 3),
                        style.fixed(c.p50, 3), style.fixed(c.p75, 3), style.fixed(c.p90, 3), style.fixed(c.mean, 3)])
        }
        var terms = TextTable(columns: [.init("member"), .init("loyalty", .right), .init("need", .right), .init("tension", .right),
                                        .init("outside option", .right), .init("best outside"), .init("anchor", .right)])
        for m in setup.members {
            terms.append([m.id.rawValue, style.fixed(m.loyalty, 2), style.fixed(m.need, 2), style.fixed(m.tension, 3),
                          style.fixed(m.outsideOption, 3), m.bestOutside?.rawValue ?? style.missing, style.fixed(m.anchor, 3)])
        }
        var templates = TextTable(columns: [.init("template"), .init("type"), .init("place"), .init("rate/yr", .right),
                                            .init("affects"), .init("cap", .right), .init("wanted", .right), .init("P5", .right), .init("expected level", .right)])
        for t in setup.templates {
            let expected = t.levels.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
            templates.append([t.id, t.type.rawValue, t.place.rawValue, style.fixed(t.ratePerYear, 4),
                              t.affected >= 0 ? setup.members[t.affected].id.rawValue : style.missing, String(t.cap), style.optional(t.wanted, 2),
                              style.probability(t.levels[5]), style.fixed(expected, 2)])
        }
        var trends = TextTable(columns: [.init("pair"), .init("now", .right), .init("historical mean", .right),
                                         .init("changes²", .right), .init("window years", .right), .init("volatility/√yr", .right)])
        for t in Self.reportedTrends(setup) {
            trends.append(["\(t.first)-\(t.second)", style.fixed(t.current, 3), style.fixed(t.historicalMean, 3),
                           style.fixed(t.squaredChanges, 4), style.fixed(t.windowYears, 1), style.fixed(t.volatility, 3)])
        }
        if format == .csv {
            var tables = TableSet()
            for (name, table) in [("members", members), ("fan", fan), ("terms", terms), ("templates", templates), ("trends", trends)] {
                tables.add(name, table)
            }
            return try export.export(tables) ?? ""
        }
        let windowEnd = setup.caseWindow.end ?? setup.to
        var header = "Cohesion outlook \(setup.from) to \(setup.to) (\(Format.fixed(setup.years, 2)) years): \(f.runs) runs, seed \(f.seed)"
        header += setup.usesHindsight ? "\ndataset as of each anniversary of \(setup.from); " : "\ndataset as of \(setup.from), relations moving as their history before it suggests; "
        let structural = setup.templates.filter { $0.id.hasPrefix(OutlookSetup.structuralPrefix) }.count
        header += "\(setup.templates.count - structural) crisis templates from the case library, "
        header += "episodes \(setup.caseWindow.start) to \(windowEnd) (\(Format.fixed(setup.windowYears, 1)) years"
        header += lookAhead ? ", LOOK-AHEAD: episodes after the start included, a diagnostic)" : ", none after the start)"
        if structural > 0 { header += ", and \(structural) structural (a member's most hostile neighbour attacks it)" }
        if setup.usesHindsight {
            header += "\nHINDSIGHT DIAGNOSTIC: anchors and crisis outcomes recomputed each year from the dataset as it turned out; not a forecast"
        }
        let totals = "expected crises \(Format.fixed(f.expectedCrises, 2)), expected collective deployments \(Format.fixed(f.expectedDeployments, 2))"
        var blocks = [header, members.renderAligned(), totals, "Fan chart data (full members; cohesion = mean satisfaction of the non-lead members, 0 once gone)", fan.renderAligned()]
        if explain {
            let allied = setup.alliedOutsiders.isEmpty ? "none" : setup.alliedOutsiders.map(\.rawValue).joined(separator: ", ")
            blocks += ["Anchor terms (outsiders the landscape puts in the alliance's bloc, counted inside for tension: \(allied))",
                       terms.renderAligned(), "Crisis templates", templates.renderAligned()]
            if !setup.trends.isEmpty {
                blocks += ["Relation trends: each member's tie to the lead state and every tie that changed before the start "
                           + "(the other \(setup.trends.count - Self.reportedTrends(setup).count) never changed: they move around their start value with the shrunk pooled volatility)",
                           trends.renderAligned()]
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The trends `--explain` lists: each member's tie to the lead state and every tie that moved
    /// in the window (the others differ only by the pooled volatility).
    static func reportedTrends(_ setup: OutlookSetup) -> [RelationTrend] {
        let lead = setup.members.first { $0.isLead }?.id
        // Pairs are (member, other): the lead state is always the second.
        return setup.trends.filter { $0.second == lead || $0.squaredChanges > 0 }
    }

    func json(_ f: OutlookForecast) -> OrderedJSON {
        let setup = f.setup
        func band(_ b: OutlookForecast.Band) -> OrderedJSON {
            .object(["p10": .number(b.p10), "p25": .number(b.p25), "p50": .number(b.p50), "p75": .number(b.p75),
                     "p90": .number(b.p90), "mean": .number(b.mean)])
        }
        let members = f.members.map { r -> OrderedJSON in
            let m = setup.members.first { $0.id == r.id }!
            return .object([
                "id": .string(r.id.rawValue), "lead": .bool(m.isLead), "start_status": .string(r.startStatus.rawValue),
                "p_full": .number(r.full), "p_disengaged": .number(r.disengaged), "p_left": .number(r.left),
                "p_exit_or_freeze": .number(r.exitOrFreeze), "satisfaction": .number(r.satisfaction.isNaN ? nil : r.satisfaction),
                "anchor": .number(m.anchor), "loyalty": .number(m.loyalty), "need": .number(m.need), "tension": .number(m.tension),
                "outside_option": .number(m.outsideOption), "best_outside": .string(m.bestOutside?.rawValue),
            ])
        }
        let templates = setup.templates.map { t -> OrderedJSON in
            .object([
                "id": .string(t.id), "type": .string(t.type.rawValue), "place": .string(t.place.rawValue),
                "rate_per_year": .number(t.ratePerYear),
                "affected": .string(t.affected >= 0 ? setup.members[t.affected].id.rawValue : nil),
                "cap": .number(t.cap), "wanted": .number(t.wanted), "levels": .array(t.levels.map { .number($0) }),
            ])
        }
        return .object([
            "schema_version": .number(OutputSchemas.version),
            "from": .string(setup.from.description), "to": .string(setup.to.description), "runs": .number(f.runs),
            "seed": .number(f.seed), "hindsight": .bool(setup.usesHindsight), "look_ahead": .bool(lookAhead),
            "case_window": .object(["from": .string(setup.caseWindow.start.description),
                                    "to": .string((setup.caseWindow.end ?? setup.to).description), "years": .number(setup.windowYears)]),
            "expected_crises": .number(f.expectedCrises), "expected_deployments": .number(f.expectedDeployments),
            "members": .array(members),
            "allied_outsiders": .array(setup.alliedOutsiders.map { .string($0.rawValue) }),
            "fan": .array(f.fan.map { .object(["date": .string($0.date.description), "years": .number($0.years),
                                               "full_members": band($0.fullMembers), "cohesion": band($0.cohesion)]) }),
            "templates": .array(templates),
            "relation_trends": .array(setup.trends.map { t in
                .object(["pair": .array([.string(t.first.rawValue), .string(t.second.rawValue)]), "current": .number(t.current),
                         "historical_mean": .number(t.historicalMean), "squared_changes": .number(t.squaredChanges),
                         "window_years": .number(t.windowYears), "volatility": .number(t.volatility)])
            }),
        ])
    }
}
