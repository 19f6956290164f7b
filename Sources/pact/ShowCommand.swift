import ArgumentParser
import Foundation
import PactData

/// `pact show ID`: one built-in scenario or historical case file exactly as shipped, comments
/// and notes included.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a built-in scenario or case file as shipped.",
        discussion: """
            The output is a valid scenario file: save it, edit it and pass it to `pact check` \
            or `pact run`. `pact scenarios` lists the scenario ids; the case library's ids are \
            those `pact validate` lists.
            """
    )

    @Argument(help: "The id of a built-in scenario or of a case of the case library.")
    var id: String

    func run() throws {
        let files = try Embedded.scenarioFiles()
        let url: URL
        if let file = files.first(where: { $0.scenario.id == id }) {
            url = file.url
        } else if let caseFile = Self.caseFile(id) {
            url = caseFile
        } else {
            let known = files.map(\.scenario.id).joined(separator: ", ")
            throw ValidationError("unknown scenario or case '\(id)'; built-in scenarios are \(known); case ids are listed by `pact validate`")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputErrors([InputError(file: Embedded.displayName(url), line: nil, field: "", message: "cannot read the file")])
        }
        FileHandle.standardOutput.write(data)
    }

    /// The case file whose top-level `id:` is `id`.
    static func caseFile(_ id: String) -> URL? {
        Embedded.yamlFiles(in: "Cases").first { url in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
            return text.split(separator: "\n").contains { line in
                line.hasPrefix("id:") && line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) == id
            }
        }
    }
}
