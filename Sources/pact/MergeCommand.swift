import ArgumentParser
import Foundation
import PactEngine
import PactReport

/// `pact merge`: puts a sharded sweep back together and prints what the whole sweep prints.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of a sweep and print its result.",
        discussion: """
            Give every shard file of one sweep (written by `pact sweep --shard k/N -o FILE`), in \
            any order. The output is byte for byte what the unsharded `pact sweep` prints with the \
            same --format and --chart. Shards of different sweeps, a shard given twice and missing \
            shards are refused, naming the files.
            """
    )

    @Argument(help: "The shard files.")
    var files: [String] = []

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    @Option(help: "Write the chart to this SVG file.")
    var chart: String?

    @Option(help: "The output the chart shows (default: the expected level of a crisis, the forecast median of an issue, the outlook's mean cohesion).")
    var chartOutput: String?

    func validate() throws {
        try format.require(Self.formats, command: "merge")
    }

    func run() throws {
        guard !files.isEmpty else { throw ValidationError("give the shard files to merge") }
        var shards: [(file: String, shard: ShardFile)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read the file") }
            do { shards.append((file, try ShardFile.decode(data, file: file))) } catch { throw ValidationError("\(error)") }
        }
        let merged: (plan: SweepPlan, results: [[Double]])
        do { merged = try ShardFile.merge(shards) } catch { throw ValidationError("\(error)") }
        try SweepPrinter(format: format, chart: chart, chartOutput: chartOutput).print(plan: merged.plan, results: merged.results)
    }
}
