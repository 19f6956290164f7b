import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact validate [PATH]`: the backtest. Every case is forecast as of its date on the embedded
/// dataset and scored against what happened, beside two baselines.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Backtest the model on historical cases.",
        discussion: """
            Runs every case of the built-in library (or of PATH, a case file or a directory of \
            them; each needs an `outcome`) as of its date on the embedded dataset and prints, per \
            case, the predicted probability of each level, the modal and actual level, the ranked \
            probability score (RPS, over the six ordered levels, divided by 5) and P(unilateral) \
            against what happened. The summary gives modal accuracy, within-one accuracy, mean \
            RPS, the multi-class Brier score (not halved) and the Brier score of `unilateral`, \
            each beside the leave-one-out base rate of the cases and "always none"; then the \
            reliability of P(level >= 3) in five bins, and the accuracy targets.

            --cross-validate forecasts each case with parameters fitted without it (the fit of \
            `pact calibrate`, from the priors); it takes minutes in a release build. --format json \
            gives the shape `pact schema --output validate` prints.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, markdown }

    @Argument(help: "A case file or a directory of case files (default: the built-in library).")
    var path: String?

    @Option(help: "Monte Carlo draws per case.")
    var draws: Int = 4000

    @Option(help: "Random seed; the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: every core). The result does not depend on it.")
    var threads: Int?

    @Option(help: "A parameter file in the format of Parameters/default.yaml (not with --cross-validate, which fits from --priors).")
    var params: String?

    @Flag(name: .customLong("cross-validate"), help: "Forecast each case with parameters fitted without it.")
    var crossValidate = false

    @OptionGroup(title: "Fit (with --cross-validate)")
    var fit: CalibrationOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .table

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write a self-contained HTML report (reliability diagram, predicted versus actual by case) to this file.",
        valueName: "file.html"))
    var reportFile: String?

    func validate() throws {
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if crossValidate && params != nil {
            throw ValidationError("--params and --cross-validate exclude each other: cross-validation fits its own parameters from --priors")
        }
    }

    func run() throws {
        let dataset = try Embedded.dataset()
        let cases = try CaseSelection.load(path, dataset: dataset)
        let workers = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let settings = BacktestSettings(draws: draws, seed: seed, threads: workers)
        let forecasts: [CaseForecast]
        if crossValidate {
            let calibrator = try fit.calibrator(priors: try fit.priorSet(), seed: seed, threads: workers)
            var fold = 0
            forecasts = try LeaveOneOut.forecasts(
                cases,
                fit: { training in
                    fold += 1
                    Progress.note("leave-one-out: fit \(fold) of \(cases.count)")
                    return try calibrator.fit(training).parameters
                },
                predict: { try CaseForecaster.forecast($0, parameters: $1, settings: settings) })
        } else {
            forecasts = try CaseForecaster.forecasts(cases, parameters: try ParameterSource.load(params), settings: settings)
        }
        let label = crossValidate ? "leave-one-out" : params.map { "parameters of \($0)" } ?? "shipped parameters"
        let report = BacktestReport(forecasts, label: label)
        if let reportFile {
            let subtitle = "Pact validation report · \(label) · \(draws) draws per case, seed \(seed)"
            let html = report.validationReport(subtitle: subtitle, parameters: crossValidate ? nil : try ParameterSource.load(params),
                                               command: ReproducingCommand.current()).html()
            try ReportFiles.write(html, to: URL(fileURLWithPath: reportFile))
            FileHandle.standardError.write(Data("wrote \(reportFile)\n".utf8))
        }
        switch format {
        case .json:
            print(report.json(settings: [
                .init("draws", .number(draws)), .init("seed", .number(seed)),
                .init("cross_validated", .bool(crossValidate)),
            ]).versioned.rendered())
        case .table, .markdown:
            print(report.renderText(markdown: format == .markdown))
        }
    }
}
