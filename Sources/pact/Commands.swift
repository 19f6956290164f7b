import ArgumentParser

/// Every subcommand, in the order `pact --help` lists them.
enum PactCommands {
    static let all: [any ParsableCommand.Type] = [
        ScenariosCommand.self,
        ShowCommand.self,
        CheckCommand.self,
        SchemaCommand.self,
        RunCommand.self,
        DataCommand.self,
        BargainCommand.self,
        AlignCommand.self,
        OutlookCommand.self,
        BenchCommand.self,
    ]
}
