import PactModel

/// Lists of scenarios as users get them: `pact scenarios` (table, CSV, JSON) and the server's
/// `/api/scenarios`, from one description of a scenario.
public enum ScenarioListing {
    /// What a scenario is about in one cell: the crisis type or the issue's question.
    public static func subject(of scenario: Scenario) -> String {
        scenario.crisis?.type.rawValue ?? scenario.issue?.question ?? ""
    }

    /// id, kind, date, type / question, title.
    public static func table(_ scenarios: [Scenario]) -> TextTable {
        var table = TextTable(columns: [.init("id"), .init("kind"), .init("date"), .init("type / question"), .init("title")])
        for scenario in scenarios {
            table.append([scenario.id, scenario.kind.rawValue, scenario.date.description, subject(of: scenario), scenario.title])
        }
        return table
    }

    /// `{"id", "title", "date", "organization", "kind", "type", "question"}` in that order (a
    /// crisis has a null question, an issue a null type); with a `version`, the store's
    /// `builtin` and `version` follow (0 for a built-in scenario).
    public static func entry(_ scenario: Scenario, version: Int? = nil) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init("id", .string(scenario.id)),
            .init("title", .string(scenario.title)),
            .init("date", .string(scenario.date.description)),
            .init("organization", .string(scenario.organization)),
            .init("kind", .string(scenario.kind.rawValue)),
            .init("type", .string(scenario.crisis?.type.rawValue)),
            .init("question", .string(scenario.issue?.question)),
        ]
        if let version { members += [.init("builtin", .bool(version == 0)), .init("version", .number(version))] }
        return .object(members)
    }

    /// `{"scenarios": [entry, ...]}`.
    public static func json(_ scenarios: [Scenario]) -> OrderedJSON {
        .object(["scenarios": .array(scenarios.map { entry($0) })])
    }
}
