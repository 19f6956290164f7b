import ArgumentParser
import PactData

/// `pact schema`: the JSON Schema of scenario files, for editors and other tools.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files.",
        discussion: """
            The schema checks structure, enumerations and ranges. Whether an actor id is known \
            to the dataset is checked by `pact check` only.
            """
    )

    func run() throws {
        print(try Embedded.scenarioSchema(), terminator: "")
    }
}
