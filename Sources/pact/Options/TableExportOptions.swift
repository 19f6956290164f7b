import ArgumentParser
import Foundation
import PactReport

/// `--table NAME` and `-o DIR`: which of a command's tables a CSV export carries.
struct TableExportOptions: ParsableArguments {
    @Option(help: "With --format csv: the table to print (default: the first; an unknown name lists them).")
    var table: String?

    @Option(name: [.customShort("o"), .customLong("output-dir")],
            help: "With --format csv: write every table to DIR/NAME.csv instead of printing one.")
    var outputDirectory: String?

    /// The CSV to print, or nil when every table was written to the output directory.
    func export(_ tables: TableSet) throws -> String? {
        if let outputDirectory {
            let directory = URL(fileURLWithPath: outputDirectory, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ValidationError("cannot create \(outputDirectory): \(error.localizedDescription)")
            }
            for entry in tables.entries {
                try ReportFiles.write(entry.table.renderCSV() + "\n", to: directory.appendingPathComponent(entry.name + ".csv"))
            }
            return nil
        }
        do {
            return try tables.table(table).renderCSV()
        } catch let unknown as TableSet.UnknownTable {
            throw ValidationError(unknown.description)
        }
    }

    /// Refuses the options outside CSV, where they would be ignored without a word.
    func validate(format: String) throws {
        guard format != "csv" else { return }
        if table != nil { throw ValidationError("--table applies to --format csv only") }
        if outputDirectory != nil { throw ValidationError("--output-dir applies to --format csv only") }
    }
}
