import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact calibrate [PATH]`: fits the crisis engine's free weights on cases and scores the fit,
/// in sample and (with --cross-validate) leave-one-out.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the model's free weights on historical cases.",
        discussion: """
            Minimises the mean ranked probability score over the cases (the built-in library, or \
            PATH) plus a penalty λ · Σ ((value − prior) / half-range)² that keeps each fitted \
            weight near the default its prior file documents, inside that file's range. The \
            search is a deterministic compass search from the priors with common random numbers \
            (every evaluation uses the same seed), so the same options give the same fit.

            Prints the fitted values beside the priors and the in-sample scores against the \
            baselines (scored with --draws). --cross-validate also fits once per case without it \
            and scores each case with the weights fitted without it (leave-one-out). -o FILE \
            writes the prior file with the fitted defaults, a parameter file that `pact run \
            --params` and `pact validate --params` load. docs/CALIBRATION.md gives the shipped fit.
            """
    )

    @Argument(help: "A case file or a directory of case files (default: the built-in library).")
    var path: String?

    @OptionGroup(title: "Fit")
    var fit: CalibrationOptions

    @Option(help: "Monte Carlo draws per case when scoring the fitted weights.")
    var draws: Int = 4000

    @OptionGroup var random: RandomOptions

    @Flag(name: .customLong("cross-validate"), help: "Also score each case with weights fitted without it.")
    var crossValidate = false

    @Option(name: .shortAndLong, help: "Write the fitted parameter file here.")
    var output: String?

    @Option(help: ArgumentHelp("Also refit on N bootstrap resamples of the cases (seeded by --seed): the spread behind `pact run --parameter-uncertainty`.", valueName: "N"))
    var bootstrap: Int?

    @Option(name: .customLong("spread-output"), help: "Write the bootstrap fits here (a parameter spread file; needs --bootstrap).")
    var spreadOutput: String?

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .markdown]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    func validate() throws {
        try format.require(Self.formats, command: "calibrate")
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        if let bootstrap, bootstrap < 2 { throw ValidationError("--bootstrap needs at least 2 resamples") }
        if spreadOutput != nil && bootstrap == nil { throw ValidationError("--spread-output needs --bootstrap N") }
    }

    func run() throws {
        let dataset = try Embedded.dataset()
        let cases = try CaseSelection.load(path, dataset: dataset)
        let workers = random.workers
        let priors = try fit.priorSet()
        let calibrator = try fit.calibrator(priors: priors, seed: random.seed, threads: workers, dataset: dataset)
        let settings = BacktestSettings(draws: draws, seed: random.seed, threads: workers)

        let full = try calibrator.fit(cases)
        let inSample = BacktestReport(
            try CaseForecaster.forecasts(cases, parameters: full.parameters, settings: settings), label: "in-sample")
        var folds: [(heldOut: BacktestCase, fit: CalibrationFit)] = []
        var outOfSample: BacktestReport?
        if crossValidate {
            var fold = 0
            folds = try LeaveOneOut.fits(cases) { training in
                fold += 1
                Progress.note("leave-one-out: fit \(fold) of \(cases.count)")
                return try calibrator.fit(training)
            }
            outOfSample = BacktestReport(
                try folds.map { try CaseForecaster.forecast($0.heldOut, parameters: $0.fit.parameters, settings: settings) },
                label: "leave-one-out")
        }
        if let output {
            try write(full, calibrator: calibrator, to: output)
        }
        var spread: ParameterSpread?
        if let bootstrap {
            spread = try ParameterSpread.bootstrap(cases, calibrator: calibrator, count: bootstrap, seed: random.seed) {
                Progress.note("bootstrap: fit \($0) of \(bootstrap)")
            }
        }
        if let spread, let spreadOutput {
            let description = """
                Bootstrap fits of Pact's crisis engine: `pact calibrate` repeated on \(spread.fits.count) resamples \
                (with replacement, seed \(random.seed)) of the \(cases.count) cases, each fit from the priors with the same \
                objective, penalty and search as the shipped fit. `pact run --parameter-uncertainty` runs a scenario \
                once per fit and reports the 5th to 95th percentile of each level's probability. docs/CALIBRATION.md \
                says why a bootstrap over cases and not a Laplace approximation.
                """
            do {
                try ParameterSpreadFile.text(spread, description: description).write(toFile: spreadOutput, atomically: true, encoding: .utf8)
            } catch {
                throw InputErrors([InputError(file: spreadOutput, line: nil, field: "", message: "cannot write the file: \(error.localizedDescription)")])
            }
        }

        let report = CalibrationReport(full: full, problem: calibrator.problem, folds: folds)
        switch format {
        case .json:
            print(report.json(inSample: inSample, outOfSample: outOfSample, draws: draws).rendered())
        case .table, .markdown, .html, .csv:
            let markdown = format == .markdown
            func render(_ table: TextTable) -> String { markdown ? table.renderMarkdown() : table.renderAligned() }
            func heading(_ text: String) -> String { markdown ? "### \(text)" : text }
            var blocks = [
                heading("Fitted weights") + "\n\n" + render(report.parameterTable),
                report.fitLine(cases: cases.count),
                inSample.renderText(markdown: markdown),
            ]
            if let outOfSample { blocks.append(outOfSample.renderText(markdown: markdown)) }
            if let spread { blocks.append(heading("Bootstrap fits") + "\n\n" + render(report.spreadTable(spread))) }
            if let output { blocks.append("wrote \(output)") }
            if let spreadOutput { blocks.append("wrote \(spreadOutput)") }
            print(blocks.joined(separator: "\n\n"))
        }
    }

    /// The prior file's text with the fitted defaults, written to `path`.
    func write(_ full: CalibrationFit, calibrator: Calibrator, to path: String) throws {
        let (text, name) = try priorText()
        let description = """
            Parameters of Pact's crisis engine (docs/MODEL.md states every formula), fitted by `pact calibrate` \
            on \(full.trainingIDs.count) cases from the priors in \(name): \
            \(calibrator.problem.free.map(\.name).joined(separator: ", ")) were fitted by minimising mean RPS \
            plus λ = \(calibrator.problem.penaltyWeight) times the squared distance from their priors in \
            half-ranges (\(calibrator.problem.settings.draws) draws per case, seed \(calibrator.problem.settings.seed)); \
            each default the fit moved is marked `# fitted; prior X`. Every other value, every range and every doc \
            are the priors'. Each run samples every parameter per draw from a triangular distribution on \
            [low, high] with its mode at the default. docs/CALIBRATION.md gives the fit and its scores.
            """
        let updated = try ParameterFile.replacingDefaults(
            in: text, file: name, with: zip(calibrator.problem.free, full.values).map { ($0.name, $1) },
            description: description)
        do {
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw InputErrors([InputError(file: path, line: nil, field: "", message: "cannot write the file: \(error.localizedDescription)")])
        }
    }

    /// The prior file's text and the name it is shown by.
    func priorText() throws -> (String, String) {
        let url = fit.priors.map { URL(fileURLWithPath: $0) }
            ?? Embedded.directory("Parameters").appendingPathComponent("priors.yaml")
        let name = fit.priors ?? Embedded.displayName(url)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "cannot read the file")])
        }
        return (text, name)
    }
}

/// Progress of long fits, on standard error so that standard output stays the result.
enum Progress {
    static func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
