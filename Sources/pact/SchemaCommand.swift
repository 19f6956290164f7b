import ArgumentParser
import PactData
import PactReport

/// `pact schema`: the JSON Schemas of scenario files and of every JSON output, for editors and
/// other tools.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files or of a JSON output.",
        discussion: """
            Without --output, the schema of scenario files: it checks structure, enumerations and \
            ranges; whether an actor id is known to the dataset is checked by `pact check` only.

            With --output NAME, the schema of that command's `--format json` output: \
            \(OutputSchemas.names.joined(separator: ", ")) (forecast: one entry of run's results, \
            also the result of a run stored by `pact serve`). Every output carries \
            `schema_version` (now \(OutputSchemas.version)).
            """
    )

    @Option(help: "The output whose schema to print: \(OutputSchemas.names.joined(separator: ", ")).")
    var output: String?

    func validate() throws {
        if let output, OutputSchemas.schema(named: output) == nil {
            throw ValidationError("unknown output '\(output)'; schemas exist for: \(OutputSchemas.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let output, let schema = OutputSchemas.schema(named: output) else {
            print(try Embedded.scenarioSchema(), terminator: "")
            return
        }
        print(schema.rendered())
    }
}
