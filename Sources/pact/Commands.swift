import ArgumentParser

/// Every subcommand, in the order `pact --help` lists them.
enum PactCommands {
    static let all: [any ParsableCommand.Type] = [
        RunCommand.self,
        ScenariosCommand.self,
        ShowCommand.self,
        CheckCommand.self,
        SchemaCommand.self,
        DataCommand.self,
        ValidateCommand.self,
        CalibrateCommand.self,
        BargainCommand.self,
        ReportCommand.self,
        AlignCommand.self,
        OutlookCommand.self,
        SweepCommand.self,
        MergeCommand.self,
        BenchCommand.self,
        ServeCommand.self,
    ]
}
