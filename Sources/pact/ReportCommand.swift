import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact report`: one crisis scenario run and written up as a self-contained HTML page (or
/// Markdown with SVG files) that an analyst can hand on.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML (or Markdown) report with charts for one crisis scenario.",
        discussion: """
            Runs the scenario as `pact run` does (same options, same figures for the same seed and \
            draws) and writes one self-contained HTML file: the result in sentences, charts of the \
            ladder, the members' positions and stances, the drivers, the force build-up and a \
            schematic map, the inputs, the parameters, and the command that reproduces it. No \
            network and no script are needed to open it.

            --format md writes Markdown instead, with each chart as an SVG file beside it \
            (FILE-ladder.svg, FILE-members.svg, ...).
            """
    )

    @Argument(help: "A built-in scenario id or a scenario file (a crisis scenario).")
    var scenario: String

    @Option(name: [.short, .customLong("output")], help: "The file to write (.html, or .md with --format md).")
    var output: String

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.html, .markdown]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .html

    @Option(help: "Monte Carlo draws.")
    var draws: Int = 10_000

    @OptionGroup var random: RandomOptions

    @OptionGroup var parameterFile: ParameterFileOption

    @Option(help: "Draws per point of the one-at-a-time sweep behind \"what this forecast depends on\" (0 leaves it out).")
    var sensitivityDraws: Int = 500

    func validate() throws {
        try format.require(Self.formats, command: "report")
        if sensitivityDraws < 0 { throw ValidationError("--sensitivity-draws cannot be negative") }
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
    }

    @OptionGroup(title: "Parameter uncertainty")
    var uncertainty: UncertaintyOptions

    func run() throws {
        let dataset = try Embedded.dataset()
        let parameters = try parameterFile.load()
        guard let selected = try ScenarioSelection.resolve([scenario], dataset: dataset).first else {
            throw ValidationError("'\(scenario)' holds no scenario")
        }
        guard selected.kind == .crisis else {
            throw ValidationError("'\(selected.id)' is an issue scenario; its report is `pact bargain \(scenario) --report FILE.html`")
        }
        let snapshot = dataset.snapshot(on: selected.date)
        let model = try CrisisModel(scenario: selected, snapshot: snapshot)
        let forecast = try model.forecast(parameters: parameters, draws: draws, seed: random.seed, threads: random.threads)
        var report = CrisisReport(scenario: selected, snapshot: snapshot, forecast: forecast, parameters: parameters,
                                  parameterSource: parameterFile.params ?? "the shipped defaults (Parameters/default.yaml)",
                                  command: reproducingCommand)
        if sensitivityDraws > 0 {
            let analysis = try CrisisSweep.oneAtATime(scenario: selected, snapshot: snapshot, parameters: parameters,
                                                      draws: sensitivityDraws, seed: random.seed,
                                                      threads: random.workers)
            report.sensitivity = SensitivitySection.blocks(analysis, parameters: parameters)
        }
        var document = report.document
        if let sets = try uncertainty.parameterSets(on: parameters) {
            let u = try UncertainForecast(model: model, point: forecast, sets: sets, drawsPerFit: uncertainty.drawsPerFit(default: draws), seed: random.seed,
                                          threads: random.workers)
            UncertaintyRendering.insert(u, into: &document)
        }
        let url = URL(fileURLWithPath: output)
        switch format {
        case .markdown:
            let stem = url.deletingPathExtension().lastPathComponent
            let (text, images) = document.markdown(imagePrefix: stem)
            let directory = url.deletingLastPathComponent()
            for image in images {
                try ReportFiles.write(image.svg + "\n", to: directory.appendingPathComponent(image.name))
            }
            try ReportFiles.write(text, to: url)
        case .html, .table, .json, .csv:
            try ReportFiles.write(document.html(), to: url)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }

    /// The command that gives the same report: every option that changes a figure, none that does not
    /// (--threads), and the output options as given.
    var reproducingCommand: String {
        var words = ["pact", "report", scenario, "--draws", String(draws), "--seed", String(random.seed)]
        if let params = parameterFile.params { words += ["--params", params] }
        if sensitivityDraws != 500 { words += ["--sensitivity-draws", String(sensitivityDraws)] }
        if uncertainty.enabled {
            words.append("--parameter-uncertainty")
            if let file = uncertainty.spreadFile { words += ["--spread", file] }
            if let n = uncertainty.uncertaintyDraws { words += ["--uncertainty-draws", String(n)] }
        }
        if format != .html { words += ["--format", format.rawValue] }
        words += ["-o", output]
        return words.map(ShellQuote.quote).joined(separator: " ")
    }
}

/// Writing report files, with errors that name the file.
enum ReportFiles {
    static func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ValidationError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}

/// Quoting for a POSIX shell, so a printed command can be pasted back as it is.
enum ShellQuote {
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_./=:,+@%".unicodeScalars.contains($0)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
