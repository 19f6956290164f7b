import ArgumentParser
import Foundation
import PactData

/// `pact check FILE...`: validates scenario files the way every other command reads them.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate scenario files.",
        discussion: """
            Prints `ok FILE` for every good file and, on standard error, every problem of every \
            bad file as `FILE:LINE: FIELD: MESSAGE`. A directory is checked as a set: all its \
            .yaml files, whose ids must be unique. Exits 2 if any file is bad.
            """
    )

    @Argument(help: "Scenario files or directories of them.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one scenario file or directory") }
    }

    func run() throws {
        // Uncertainty overrides must name the crisis engine's parameters.
        let loader = try ScenarioLoader.embedded(knownParameters: ParameterSource.names)
        var anyBad = false
        for check in loader.check(paths: paths) {
            if check.isValid {
                print("ok \(check.file)")
            } else {
                anyBad = true
                let text = check.errors.map(\.description).joined(separator: "\n") + "\n"
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
        if anyBad { throw ExitCode(2) }
    }
}
