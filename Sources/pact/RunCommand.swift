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

            A legend of the ladder and the columns follows the tables (--quiet leaves it out). \
            Force, days and troops hold over the draws that end in a deployment; with fewer than \
            \(DeploymentBasis.minimumDraws) such draws they are withheld on the table and kept, beside \
            their count, in CSV and JSON.

            --format csv prints one table (full precision, empty fields for missing values): \
            `forecasts` by default; `--table issues|members|drivers|triggers` for another, or \
            `-o DIR` to write each to DIR/NAME.csv.
            """
    )

    @Argument(help: "Built-in scenario or case ids, scenario files or directories. Default: every built-in scenario.")
    var scenarios: [String] = []

    @Option(help: "Monte Carlo draws per scenario.")
    var draws: Int = 10_000

    @OptionGroup var random: RandomOptions

    @OptionGroup var parameterFile: ParameterFileOption

    @Flag(help: "Explain each forecast: trigger, members and drivers.")
    var explain = false

    @OptionGroup(title: "Parameter uncertainty")
    var uncertainty: UncertaintyOptions

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv, .markdown]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    @Flag(help: "Leave out the legend under the tables.")
    var quiet = false

    @OptionGroup var export: TableExportOptions

    func validate() throws {
        try format.require(Self.formats, command: "run")
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        try export.validate(format: format.rawValue)
    }

    func run() throws {
        let dataset = try Embedded.dataset()
        let parameters = try parameterFile.load()
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
                    forecasts.append(try model.forecast(parameters: parameters, draws: draws, seed: random.seed, threads: random.threads))
                    if let spreadSets {
                        uncertain.append(try UncertainForecast(
                            model: model, point: forecasts.last!, sets: spreadSets, drawsPerFit: uncertainty.drawsPerFit(default: draws),
                            seed: random.seed, threads: random.workers))
                    }
                } catch let error as CrisisModelError {
                    // The scenario or the parameters cannot be run as given: bad input, exit 2.
                    throw InputErrors([InputError(file: scenario.id, line: nil, field: "", message: error.message)])
                }
            case .issue:
                issues.append(try IssueForecast(scenario: scenario, rounds: Self.bargainingRounds))
            }
        }
        if let text = try render(forecasts, issues, uncertain: uncertain) { print(text) }
    }

    /// Rounds of bargaining for issue scenarios, as `pact bargain`'s default.
    static let bargainingRounds = 10

    /// The output text, or nil when CSV tables were written to files.
    func render(_ forecasts: [CrisisForecast], _ issues: [IssueForecast], uncertain: [UncertainForecast] = []) throws -> String? {
        switch format {
        case .json:
            return RunDocument.json(forecasts: forecasts, uncertain: uncertain, issues: issues.map { ($0.scenario, $0.run) }).rendered()
        case .csv:
            return try export.export(Self.tables(forecasts, issues))
        case .table, .markdown, .html:
            return text(forecasts, issues, uncertain: uncertain)
        }
    }

    /// Every table a run can export, the forecasts first (the first non-empty one is the default).
    static func tables(_ forecasts: [CrisisForecast], _ issues: [IssueForecast]) -> TableSet {
        var set = TableSet()
        let forecastTable = RunTables.forecasts(forecasts, style: .export)
        let issueTable = IssueForecast.table(issues, style: .export)
        if forecasts.isEmpty && !issues.isEmpty {
            set.add("issues", issueTable)
            set.add("forecasts", forecastTable)
        } else {
            set.add("forecasts", forecastTable)
            set.add("issues", issueTable)
        }
        set.add("members", RunTables.members(forecasts, style: .export))
        set.add("drivers", RunTables.drivers(forecasts, style: .export))
        set.add("triggers", RunTables.triggers(forecasts, style: .export))
        return set
    }

    func text(_ forecasts: [CrisisForecast], _ issues: [IssueForecast], uncertain: [UncertainForecast] = []) -> String {
        let markdown = format == .markdown
        func render(_ table: TextTable) -> String { markdown ? table.renderMarkdown() : table.renderAligned() }
        var blocks: [String] = []
        if !forecasts.isEmpty {
            blocks.append(render(RunTables.forecasts(forecasts)))
            if !quiet { blocks.append(RunTables.legend) }
        }
        if !uncertain.isEmpty {
            blocks.append(UncertaintyRendering.heading(uncertain) + "\n\n" + render(UncertaintyRendering.table(uncertain)))
        }
        if !issues.isEmpty { blocks.append(render(IssueForecast.table(issues))) }
        if explain {
            for forecast in forecasts {
                let name = markdown ? "### \(forecast.scenario)" : forecast.scenario
                blocks.append(name + "\n" + RunTables.triggerText(forecast) + "\n\n" + render(Self.memberTable(forecast)))
                blocks.append(render(Self.driverTable(forecast)))
            }
            if !quiet && !forecasts.isEmpty { blocks.append(Self.explainLegend) }
        }
        return blocks.joined(separator: "\n\n")
    }

    static let explainLegend = """
        position: the member's mean preferred level (0-5); salience: how much the crisis matters to it (0-1); \
        weight: its share of the bargaining weight; support/abstain/block: share of draws with each stance; \
        driver effect: the change in the expected level when the term is left out (same random numbers).
        """

    /// One forecast's members, without the scenario column the long export carries.
    static func memberTable(_ f: CrisisForecast) -> TextTable { dropFirstColumn(RunTables.members([f])) }

    static func driverTable(_ f: CrisisForecast) -> TextTable { dropFirstColumn(RunTables.drivers([f], limit: 5)) }

    static func dropFirstColumn(_ table: TextTable) -> TextTable {
        var copy = TextTable(columns: Array(table.columns.dropFirst()))
        for row in table.rows { copy.append(Array(row.dropFirst())) }
        return copy
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

    static func table(_ issues: [IssueForecast], style: CellStyle = .display) -> TextTable {
        BargainingTables.issues(issues.map { ($0.scenario, $0.run) }, style: style)
    }
}
