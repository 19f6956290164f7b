import ArgumentParser

/// Every subcommand, in the order `pact --help` lists them.
enum PactCommands {
    static let all: [any ParsableCommand.Type] = [
        BargainCommand.self,
    ]
}
