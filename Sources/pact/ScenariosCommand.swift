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
        case .table, .markdown, .html: print(Self.table(scenarios).renderAligned())
        case .csv: print(Self.table(scenarios).renderCSV())
        case .json: print(Self.json(scenarios))
        }
    }

    static func table(_ scenarios: [Scenario]) -> TextTable {
        var table = TextTable(columns: [.init("id"), .init("kind"), .init("date"), .init("type / question"), .init("title")])
        for scenario in scenarios {
            table.append([scenario.id, scenario.kind.rawValue, scenario.date.description, subject(of: scenario),
                          scenario.title])
        }
        return table
    }

    /// What a scenario is about in one cell: the crisis type or the issue's question.
    static func subject(of scenario: Scenario) -> String {
        scenario.crisis?.type.rawValue ?? scenario.issue?.question ?? ""
    }

    /// `{"scenarios": [{"id", "title", "date", "organization", "kind", "type", "question"}]}`, keys in
    /// that order; a crisis has a null question, an issue a null type.
    static func json(_ scenarios: [Scenario]) -> String {
        let entries = scenarios.map { scenario -> OrderedJSON in
            .object([
                "id": .string(scenario.id),
                "title": .string(scenario.title),
                "date": .string(scenario.date.description),
                "organization": .string(scenario.organization),
                "kind": .string(scenario.kind.rawValue),
                "type": .string(scenario.crisis?.type.rawValue),
                "question": .string(scenario.issue?.question),
            ])
        }
        return OrderedJSON.object(["scenarios": .array(entries)]).rendered()
    }
}
