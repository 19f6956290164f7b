import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact run`: forecast what the alliance does in crisis scenarios (issue scenarios go to the
/// bargaining model).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Forecast the alliance's response to crisis scenarios.",
        discussion: """
            With no argument, runs every built-in scenario. Each crisis gets one line: the \
            probability of each response level (0 none, 1 statement, 2 consultations, 3 mission, \
            4 aid, 5 deployment), the modal level, the probability that the lead state acts alone \
            (unilateral), and for deployments the expected force and days to first arrival. \
            Arguments are built-in scenario ids, ids of the historical case library, scenario files or \
            directories of them. Issue scenarios (kind: issue) go to the bargaining model, as in \
            `pact bargain` with \(bargainingRounds) rounds, and are listed in their own table.

            Each scenario is a Monte Carlo over the model's parameters (docs/MODEL.md): the same \
            scenario, seed and draws give identical output for any --threads. --explain adds, per \
            scenario, the legal trigger in words, each member's position, salience, stances and \
            troops, and the interest terms that moved the result most.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }

    @Argument(help: "Built-in scenario or case ids, scenario files or directories. Default: every built-in scenario.")
    var scenarios: [String] = []

    @Option(help: "Monte Carlo draws per scenario.")
    var draws: Int = 10_000

    @Option(help: "Random seed; the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: every core). The result does not depend on it.")
    var threads: Int?

    @Option(help: "A parameter file in the format of the shipped Parameters/default.yaml.")
    var params: String?

    @Flag(help: "Explain each forecast: trigger, members and drivers.")
    var explain = false

    @OptionGroup(title: "Parameter uncertainty")
    var uncertainty: UncertaintyOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .table

    func validate() throws {
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let dataset = try Embedded.dataset()
        let parameters = try ParameterSource.load(params)
        let selected = try ScenarioSelection.resolve(scenarios, dataset: dataset)
        var forecasts: [CrisisForecast] = []
        var issues: [IssueForecast] = []
        let spreadSets = try uncertainty.parameterSets(on: parameters)
        var uncertain: [UncertainForecast] = []
        for scenario in selected {
            switch scenario.kind {
            case .crisis:
                do {
                    let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
                    forecasts.append(try model.forecast(parameters: parameters, draws: draws, seed: seed, threads: threads))
                    if let spreadSets {
                        uncertain.append(try UncertainForecast(
                            model: model, point: forecasts.last!, sets: spreadSets, drawsPerFit: uncertainty.drawsPerFit(default: draws),
                            seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount))
                    }
                } catch let error as CrisisModelError {
                    // The scenario or the parameters cannot be run as given: bad input, exit 2.
                    throw InputErrors([InputError(file: scenario.id, line: nil, field: "", message: error.message)])
                }
            case .issue:
                issues.append(try IssueForecast(scenario: scenario, rounds: Self.bargainingRounds))
            }
        }
        print(render(forecasts, issues, uncertain: uncertain))
    }

    /// Rounds of bargaining for issue scenarios, as `pact bargain`'s default.
    static let bargainingRounds = 10

    func render(_ forecasts: [CrisisForecast], _ issues: [IssueForecast], uncertain: [UncertainForecast] = []) -> String {
        if format == .json {
            let results = forecasts.map { f in UncertaintyRendering.annotate(f.orderedJSON, with: uncertain.first { $0.scenario == f.scenario }) }
            var members: [OrderedJSON.Member] = [.init("results", .array(results))]
            if !issues.isEmpty { members.append(.init("issues", .array(issues.map(\.json)))) }
            return OrderedJSON.object(members).rendered()
        }
        var blocks: [(table: TextTable, heading: String?)] = []
        if !forecasts.isEmpty { blocks.append((Self.summaryTable(forecasts), nil)) }
        if !uncertain.isEmpty { blocks.append((UncertaintyRendering.table(uncertain), UncertaintyRendering.heading(uncertain))) }
        if !issues.isEmpty { blocks.append((IssueForecast.table(issues), nil)) }
        if explain {
            for forecast in forecasts {
                let name = format == .markdown ? "### \(forecast.scenario)" : forecast.scenario
                blocks.append((Self.memberTable(forecast), name + "\n" + Self.triggerText(forecast)))
                blocks.append((Self.driverTable(forecast), nil))
            }
        }
        return blocks.map { block in
            let rendered: String
            switch format {
            case .csv: rendered = block.table.renderCSV()
            case .markdown: rendered = block.table.renderMarkdown()
            default: rendered = block.table.renderAligned()
            }
            guard let heading = block.heading, format != .csv else { return rendered }
            return heading + "\n\n" + rendered
        }.joined(separator: "\n\n")
    }

    static func summaryTable(_ forecasts: [CrisisForecast]) -> TextTable {
        var columns: [TextTable.Column] = [.init("scenario")]
        for level in 0...5 { columns.append(.init("P\(level)", .right)) }
        columns += [.init("modal", .right), .init("unilateral", .right), .init("force", .right), .init("days", .right)]
        var table = TextTable(columns: columns)
        for f in forecasts {
            var row: [String] = [f.scenario]
            row += f.levels.map { Format.probability($0) }
            row.append(String(f.modal))
            row.append(Format.probability(f.unilateral))
            row.append(f.force.map { Format.fixed($0.mean, 0) } ?? "-")
            row.append(f.daysToFirstArrival.map { Format.fixed($0.mean, 1) } ?? "-")
            table.append(row)
        }
        return table
    }

    static func memberTable(_ f: CrisisForecast) -> TextTable {
        var table = TextTable(columns: [.init("member"), .init("role"), .init("position", .right), .init("salience", .right),
                                        .init("weight", .right), .init("stance"), .init("support", .right), .init("abstain", .right),
                                        .init("block", .right), .init("troops", .right)])
        for m in f.members {
            table.append([m.id.rawValue, m.role, Format.fixed(m.position, 2), Format.fixed(m.salience, 2),
                          Format.fixed(m.weight, 2), m.stance.rawValue,
                          Format.probability(m.stances.support), Format.probability(m.stances.abstain),
                          Format.probability(m.stances.block), Format.fixed(m.contribution, 0)])
        }
        return table
    }

    static func driverTable(_ f: CrisisForecast) -> TextTable {
        var table = TextTable(columns: [.init("driver"), .init("effect on expected level", .right)])
        for d in f.drivers.prefix(5) { table.append([d.term, (d.effect >= 0 ? "+" : "") + Format.fixed(d.effect, 3)]) }
        return table
    }

    static func triggerText(_ f: CrisisForecast) -> String {
        let t = f.trigger
        var text = "trigger: \(t.coverage), legally open up to level \(t.cap), strength \(Format.fixed(t.strength, 2)); "
        text += t.reasons.joined(separator: "; ")
        text += "\nexpected level \(Format.fixed(f.expectedLevel, 2))"
        if let s = f.requesterSatisfaction { text += ", requester satisfaction \(Format.fixed(s, 2))" }
        return text
    }
}

/// The parameters of a run: the shipped defaults, or a file given with `--params`.
enum ParameterSource {
    static func load(_ path: String?) throws -> ParameterSet {
        guard let path else { return try Embedded.defaultParameters() }
        let set = try ParameterFile.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
        try ParameterFile.check(set, against: CrisisParameter.allCases.map(\.name), file: path)
        return set
    }

    static var names: Set<String> { Set(CrisisParameter.allCases.map(\.name)) }
}

/// Turns command-line scenario arguments into scenarios: built-in ids, files or directories.
enum ScenarioSelection {
    static func resolve(_ arguments: [String], dataset: Dataset) throws -> [Scenario] {
        let known = Set(dataset.actors.keys)
        let loader = ScenarioLoader(dataset: dataset, knownParameters: ParameterSource.names)
        let scenarios = try Embedded.scenarios(knownActors: known, knownParameters: ParameterSource.names)
        if arguments.isEmpty { return scenarios }
        // Ids name built-in scenarios first, then the historical cases of the case library.
        let builtIn = scenarios + (try Embedded.cases(knownActors: known))
        var result: [Scenario] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                let url = URL(fileURLWithPath: argument)
                if isDirectory.boolValue {
                    result += try loader.loadSet(at: url)
                } else {
                    result.append(try loader.load(contentsOf: url, displayName: argument))
                }
            } else if let scenario = builtIn.first(where: { $0.id == argument }) {
                result.append(scenario)
            } else {
                let ids = builtIn.map(\.id).joined(separator: ", ")
                throw ValidationError("'\(argument)' is neither a file nor a built-in scenario or case; built-in ids are \(ids)")
            }
        }
        return result
    }
}

/// An issue scenario decided by the expected-utility bargaining model (`pact bargain`).
struct IssueForecast {
    var scenario: Scenario
    var run: BargainingRun

    init(scenario: Scenario, rounds: Int) throws {
        let input = try BargainingInput.issue(scenario, file: scenario.id)
        do {
            run = try BargainingModel(actors: input.actors, variant: .scholz).run(rounds: rounds, keeping: .summaries)
        } catch {
            throw InputErrors([InputError(file: scenario.id, line: nil, field: input.field, message: error.description)])
        }
        self.scenario = scenario
    }

    /// `{"scenario", "question", "median", "mean", "bargaining": <pact bargain's JSON>}`.
    var json: OrderedJSON { BargainingJSON.issueForecast(run, scenario: scenario) }

    static func table(_ issues: [IssueForecast]) -> TextTable {
        var table = TextTable(columns: [.init("issue"), .init("start median", .right), .init("forecast median", .right),
                                        .init("mean", .right), .init("scale"), .init("question")])
        for issue in issues {
            let scale = issue.scenario.issue.map { "\(Format.compact($0.scale.min))-\(Format.compact($0.scale.max))" } ?? ""
            table.append([issue.scenario.id, Format.fixed(issue.run.rounds[0].median, 2), Format.fixed(issue.run.final.median, 2),
                          Format.fixed(issue.run.final.mean, 2), scale, issue.scenario.issue?.question ?? ""])
        }
        return table
    }
}
