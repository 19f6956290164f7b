import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact bargain FILE`: the expected-utility bargaining model on a stakeholder CSV or an issue
/// scenario, round by round.
struct BargainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bargain",
        abstract: "Forecast a contested question with the expected-utility bargaining model.",
        discussion: """
            Actors with a capability, a position on a one-dimensional scale and a salience (0 to 1) \
            bargain in rounds, as in Bueno de Mesquita's model as reconstructed by Scholz, Calbert \
            and Smith (2011). Each round every actor weighs the challenges it faces, takes the best \
            offer it receives (confrontation, compromise or capitulation) and all move at once. The \
            forecast is the median of the pairwise votes; the weighted mean is shown beside it.

            FILE is a CSV with the header Actor,Capability,Position,Salience, one actor a row, or \
            an issue scenario (kind: issue), as a .yaml file or a built-in id (see pact scenarios); \
            a stakeholder without a capability gets the dataset's capability index on the \
            scenario's date times 100. Round 0 is the initial state. docs/BARGAINING.md gives the \
            formulas of both variants.
            """)

    @Argument(help: ArgumentHelp(
        "A stakeholder CSV, an issue scenario file (.yaml) or the id of a built-in issue scenario.", valueName: "file"))
    var file: String

    @Option(help: "Rounds of bargaining after the initial state (with --stop-when-settled: at most).")
    var rounds: Int = 10

    @Flag(help: "Stop after the first round in which no position moves more than 1% of the range.")
    var stopWhenSettled = false

    @Option(help: ArgumentHelp(
        "Which model: scholz (the published reconstruction, quirks included) or pairwise (pairwise-normalised probabilities, least-move choice).",
        valueName: "scholz|pairwise"))
    var variant: BargainingVariant = .scholz

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats, "JSON: see `pact schema --output bargain`; CSV: one row per round and actor."))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Also write a self-contained HTML report with the trajectory chart to this file.",
        valueName: "file.html"))
    var report: String?

    func validate() throws {
        try format.require(Self.formats, command: "bargain")
        guard (0...10_000).contains(rounds) else {
            throw ValidationError("--rounds must be between 0 and 10000, found \(rounds)")
        }
    }

    func run() throws {
        let input = try BargainingInput.load(file)
        let model: BargainingModel
        do {
            model = try BargainingModel(actors: input.actors, variant: variant)
        } catch {
            throw InputErrors([InputError(file: input.displayName, line: nil, field: input.field, message: error.description)])
        }
        let full = model.run(rounds: rounds, keeping: .summaries)
        let run = stopWhenSettled ? BargainingConvergence.stopped(full) : full
        if let report {
            let names = run.displayNames(in: try Embedded.dataset())
            let document = BargainingReport(run, names: names, scenario: input.scenario, inputName: input.displayName,
                                            command: reproducingCommand(report)).document
            try ReportFiles.write(document.html(), to: URL(fileURLWithPath: report))
            FileHandle.standardError.write(Data("wrote \(report)\n".utf8))
        }
        switch format {
        case .table, .markdown, .html:
            let heading = input.heading.isEmpty ? [] : input.heading + [""]
            print((heading + [BargainingTables.text(run)]).joined(separator: "\n"))
        case .json: print(BargainingJSON.document(run).rendered())
        case .csv: print(BargainingTables.rows(run).renderCSV())
        }
    }
}

extension BargainCommand {
    /// The command that gives the same report (the model is deterministic: no seed).
    func reproducingCommand(_ report: String) -> String {
        (["pact", "bargain", file, "--rounds", String(rounds), "--variant", variant.rawValue]
            + (stopWhenSettled ? ["--stop-when-settled"] : []) + ["--report", report])
            .map(ShellQuote.quote).joined(separator: " ")
    }
}

extension BargainingVariant: ExpressibleByArgument {}

/// The actors of a bargaining run and where they came from, for error messages and headings.
struct BargainingInput {
    var actors: [BargainingActor]
    var displayName: String
    /// The field path the actors were read from (empty for a CSV file).
    var field: String
    /// What the scale means, for an issue scenario: shown above the table.
    var heading: [String] = []
    /// The issue scenario the actors came from; nil for a stakeholder CSV.
    var scenario: Scenario?

    /// A `.yaml`/`.yml` path is an issue scenario file, an existing other file a stakeholder CSV,
    /// and a bare name that is not a file the id of a built-in scenario.
    static func load(_ argument: String) throws -> BargainingInput {
        let url = URL(fileURLWithPath: argument)
        let lowercased = argument.lowercased()
        if lowercased.hasSuffix(".yaml") || lowercased.hasSuffix(".yml") {
            let scenario = try ScenarioLoader.embedded().load(contentsOf: url, displayName: argument)
            return try issue(scenario, file: argument)
        }
        if !FileManager.default.fileExists(atPath: argument), !argument.contains("/"), !argument.contains(".") {
            let files = try Embedded.scenarioFiles()
            let issues = files.filter { $0.scenario.kind == .issue }.map(\.scenario.id)
            guard let file = files.first(where: { $0.scenario.id == argument }) else {
                throw InputErrors([InputError(file: argument, line: nil, field: "", found: argument,
                    message: "no such file, and no built-in scenario has this id; built-in issue scenarios are "
                        + issues.joined(separator: ", "), allowed: issues)])
            }
            return try issue(file.scenario, file: file.file)
        }
        let stakeholders = try StakeholderCSV.load(contentsOf: url, displayName: argument)
        let actors = stakeholders.map { stakeholder in
            BargainingActor(name: stakeholder.actor.rawValue, capability: stakeholder.capability ?? 0,
                position: stakeholder.position, salience: stakeholder.salience)
        }
        return BargainingInput(actors: actors, displayName: argument, field: "")
    }

    /// The stakeholders of an issue scenario; missing capabilities come from the dataset on its date.
    static func issue(_ scenario: Scenario, file: String) throws -> BargainingInput {
        guard scenario.kind == .issue, let issue = scenario.issue else {
            throw InputErrors([InputError(file: file, line: nil, field: "kind", found: scenario.kind.rawValue,
                message: "is '\(scenario.kind.rawValue)'; pact bargain needs an issue scenario (kind: issue), "
                    + "crises go to pact run", allowed: ["issue"])])
        }
        let actors: [BargainingActor]
        do {
            actors = try BargainingActor.actors(for: issue, capabilityIndex: try capabilityIndex(on: scenario.date))
        } catch let error as MissingCapabilities {
            throw InputErrors(error.actors.map { actor in
                InputError(file: file, line: nil, field: "issue.stakeholders.\(actor).capability",
                    message: "is missing and the embedded dataset has no capability index for \(actor) on "
                        + "\(scenario.date); give a capability (on the scale of the index times 100)")
            })
        }
        let scale = issue.scale
        let heading = [
            "\(scenario.title) (\(scenario.id), \(scenario.date))",
            "\(issue.question)",
            "Scale: \(Format.compact(scale.min)) = \(scale.minLabel), \(Format.compact(scale.max)) = \(scale.maxLabel).",
        ]
        return BargainingInput(actors: actors, displayName: file, field: "issue.stakeholders", heading: heading,
                               scenario: scenario)
    }

    /// The embedded dataset's capability index on `day`, keyed by actor.
    static func capabilityIndex(on day: Day) throws -> [ActorID: Double] {
        try Embedded.dataset().snapshot(on: day).capabilityIndex
    }
}
