import Foundation
import PactModel

extension Embedded {
    /// The folder of the built-in scenarios, `Resources/Scenarios`.
    public static var scenariosDirectory: URL { directory("Scenarios") }

    /// The actor ids of the embedded dataset: the ids a scenario may name unless told otherwise.
    public static func datasetActorIDs() throws -> Set<ActorID> {
        Set(try dataset().actors.keys)
    }

    /// The built-in scenarios, sorted by file name, checked against `knownActors` (default: the
    /// embedded dataset's actors) and, when given, the parameter names their `uncertainty` blocks
    /// may use.
    public static func scenarios(knownActors: Set<ActorID>? = nil, knownParameters: Set<String>? = nil) throws
        -> [Scenario]
    {
        try scenarioFiles(knownActors: knownActors, knownParameters: knownParameters).map(\.scenario)
    }

    /// The built-in scenarios with their files, e.g. to print a file as shipped.
    public static func scenarioFiles(knownActors: Set<ActorID>? = nil, knownParameters: Set<String>? = nil) throws
        -> [ScenarioFile]
    {
        let actors = try knownActors ?? datasetActorIDs()
        return try ScenarioLoader(knownActors: actors, knownParameters: knownParameters, organization: dataset().organization.id)
            .loadFiles(at: scenariosDirectory, naming: displayName)
    }

    /// The JSON Schema (draft 2020-12) of the scenario file format, as shipped.
    public static func scenarioSchema() throws -> String {
        let url = directory("Schema").appendingPathComponent("scenario.schema.json")
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw InputErrors([InputError(file: displayName(url), line: nil, field: "",
                message: "the bundled JSON Schema is missing or unreadable; the installation is incomplete")])
        }
        return text
    }
}
