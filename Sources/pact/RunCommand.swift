import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact run`: forecast what the alliance does in crisis scenarios.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Forecast the alliance's response to crisis scenarios.",
        discussion: """
            With no argument, runs every built-in crisis scenario and prints one line each: the \
            probability of each response level (0 none, 1 statement, 2 consultations, 3 mission, \
            4 aid, 5 deployment), the modal level, the probability that the lead state acts alone \
            (unilateral), and for deployments the expected force and days to first arrival. \
            Arguments are built-in scenario ids, scenario files or directories of them.

            Each scenario is a Monte Carlo over the model's parameters (docs/MODEL.md): the same \
            scenario, seed and draws give identical output for any --threads. --explain adds, per \
            scenario, the legal trigger in words, each member's position, salience, stances and \
            troops, and the interest terms that moved the result most.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }

    @Argument(help: "Built-in scenario ids, scenario files or directories. Default: every built-in crisis scenario.")
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
        for scenario in selected {
            guard scenario.kind == .crisis else {
                note("skipping \(scenario.id): issue scenarios are decided by the bargaining model (`pact bargain`), not by `pact run`")
                continue
            }
            do {
                let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
                forecasts.append(try model.forecast(parameters: parameters, draws: draws, seed: seed, threads: threads))
            } catch let error as CrisisModelError {
                // The scenario or the parameters cannot be run as given: bad input, exit 2.
                throw InputErrors([InputError(file: scenario.id, line: nil, field: "", message: error.message)])
            }
        }
        print(render(forecasts))
    }

    func note(_ text: String) { FileHandle.standardError.write(Data(("note: " + text + "\n").utf8)) }

    func render(_ forecasts: [CrisisForecast]) -> String {
        if format == .json {
            return OrderedJSON.object(["results": .array(forecasts.map(\.orderedJSON))]).rendered()
        }
        var blocks = [Self.summaryTable(forecasts)]
        if explain {
            for forecast in forecasts {
                blocks.append(Self.memberTable(forecast))
                blocks.append(Self.driverTable(forecast))
            }
        }
        return blocks.enumerated().map { index, table in
            let rendered: String
            switch format {
            case .csv: rendered = table.renderCSV()
            case .markdown: rendered = table.renderMarkdown()
            default: rendered = table.renderAligned()
            }
            guard explain, index > 0, format != .csv else { return rendered }
            let forecast = forecasts[(index - 1) / 2]
            if (index - 1) % 2 == 0 {
                let heading = format == .markdown ? "### \(forecast.scenario)" : "\(forecast.scenario)"
                return heading + "\n" + Self.triggerText(forecast) + "\n\n" + rendered
            }
            return rendered
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
        let loader = ScenarioLoader(knownActors: known, knownParameters: ParameterSource.names)
        let builtIn = try Embedded.scenarios(knownActors: known, knownParameters: ParameterSource.names)
        if arguments.isEmpty { return builtIn.filter { $0.kind == .crisis } }
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
                throw ValidationError("'\(argument)' is neither a file nor a built-in scenario; built-in scenarios are \(ids)")
            }
        }
        return result
    }
}
