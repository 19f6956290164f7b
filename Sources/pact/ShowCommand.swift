import ArgumentParser
import Foundation
import PactData

/// `pact show ID`: one built-in scenario file exactly as shipped, comments and notes included.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a built-in scenario file as shipped.",
        discussion: """
            The output is a valid scenario file: save it, edit it and pass it to `pact check` \
            or `pact run`. `pact scenarios` lists the ids.
            """
    )

    @Argument(help: "The id of a built-in scenario.")
    var id: String

    func run() throws {
        let files = try Embedded.scenarioFiles()
        guard let file = files.first(where: { $0.scenario.id == id }) else {
            let known = files.map(\.scenario.id).joined(separator: ", ")
            throw ValidationError("unknown scenario '\(id)'; built-in scenarios are \(known)")
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            throw InputErrors([InputError(file: file.file, line: nil, field: "", message: "cannot read the file")])
        }
        FileHandle.standardOutput.write(data)
    }
}
