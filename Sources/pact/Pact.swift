import ArgumentParser
import Foundation
import PactData
import PactModel

/// The `pact` command line: parses arguments, calls the libraries, prints.
///
/// Exit codes: 0 success, 1 the run itself failed, 2 bad input or usage.
@main
struct Pact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pact",
        abstract: "Simulate and forecast what a collective security alliance does when a crisis hits.",
        discussion: """
            Pact ships with a sourced model of the Collective Security Treaty Organization (CSTO) \
            as its default. Every command reads the embedded dataset unless told otherwise.
            """,
        version: "0.1.0",
        subcommands: PactCommands.all
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Pact.exit(withError: error)
            }
            // Usage errors from the argument parser exit 2, like every other bad input.
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
