import ArgumentParser
import Foundation
import PactData
import PactModel
import PactReport

/// `pact scenarios`: the built-in scenarios, one line each.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the built-in scenarios.",
        discussion: """
            Crises show their type, issues their question. Print one in full with `pact show ID`; \
            run it with `pact run ID`.
            """
    )

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    func validate() throws {
        try format.require(Self.formats, command: "scenarios")
    }

    func run() throws {
        let scenarios = try Embedded.scenarios()
        switch format {
        case .table, .markdown, .html: print(ScenarioListing.table(scenarios).renderAligned())
        case .csv: print(ScenarioListing.table(scenarios).renderCSV())
        case .json: print(ScenarioListing.json(scenarios).rendered())
        }
    }
}
