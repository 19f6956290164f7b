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

    @Argument(help: "A case file or a directory of case files (default: the built-in library).")
    var path: String?

    @Option(help: "Monte Carlo draws per case.")
    var draws: Int = 4000

    @OptionGroup var random: RandomOptions

    @OptionGroup var parameterFile: ParameterFileOption

    @Flag(name: .customLong("cross-validate"), help: "Also forecast each case with parameters fitted without it (leave-one-out); the fits start from --priors, not --params.")
    var crossValidate = false

    @Option(name: .customLong("time-split"), help: ArgumentHelp(
        "Also fit once on the cases dated before 1 January of YEAR and score the cases from YEAR on.", valueName: "year"))
    var timeSplit: Int?

    @Option(help: "Bootstrap resamples of the cases for the interval on each skill score.")
    var resamples: Int = 2000

    @OptionGroup(title: "Fit (with --cross-validate or --time-split)")
    var fit: CalibrationOptions

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .markdown]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write a self-contained HTML report (reliability diagram, predicted versus actual by case) to this file.",
        valueName: "file.html"))
    var reportFile: String?

    @Option(name: .customLong("reliability-chart"), help: ArgumentHelp(
        "Also write the reliability diagram of P(level >= 3) of the headline forecasts to this SVG file.", valueName: "file.svg"))
    var reliabilityChart: String?

    @Option(name: .customLong("record"), help: ArgumentHelp(
        "Also write every design's summary scores and skill intervals as JSON to this file (the record the web case page shows; the shipped one is Parameters/scores.json).",
        valueName: "file.json"))
    var recordFile: String?

    func validate() throws {
        try format.require(Self.formats, command: "validate")
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        if resamples < 1 { throw ValidationError("--resamples must be at least 1") }
    }

    func run() throws {
        let dataset = try Embedded.dataset()
        let cases = try CaseSelection.load(path, dataset: dataset)
        let workers = random.workers
        let settings = BacktestSettings(draws: draws, seed: random.seed, threads: workers)
        let parameters = try parameterFile.load()
        let inSampleLabel = parameterFile.params.map { "in-sample, parameters of \($0)" } ?? "in-sample, shipped parameters"
        let inSample = OutOfSampleEvaluation(
            design: inSampleLabel, forecasts: try CaseForecaster.forecasts(cases, parameters: parameters, settings: settings),
            training: LeaveOneOut.trainingSets(cases), resamples: resamples, seed: random.seed)
        let held = try OutOfSampleRuns(cases: cases, fit: fit, settings: settings, resamples: resamples)
        var outOfSample: [OutOfSampleEvaluation] = []
        if crossValidate { outOfSample.append(try held.leaveOneOut()) }
        if let timeSplit { outOfSample.append(try held.timeSplit(at: timeSplit)) }
        // The headline is what SPEC 8 promises: leave-one-out with --cross-validate, else the
        // time split, else in-sample; every other evaluation is printed beside it.
        let headline = outOfSample.first ?? inSample
        let report = BacktestReport(headline.backtest, label: headline.design)
        let all = [inSample] + outOfSample
        if let reportFile {
            let subtitle = "Pact validation report · \(headline.design) · \(draws) draws per case, seed \(random.seed)"
            var document = report.validationReport(subtitle: subtitle, parameters: outOfSample.isEmpty ? parameters : nil,
                                                   command: ReproducingCommand.current())
            document.findings = all.flatMap { OutOfSampleReport(evaluation: $0).skillLines } + document.findings
            try ReportFiles.write(document.html(), to: URL(fileURLWithPath: reportFile))
            FileHandle.standardError.write(Data("wrote \(reportFile)\n".utf8))
        }
        if let recordFile {
            try ReportFiles.write(Self.record(all, draws: draws, seed: random.seed), to: URL(fileURLWithPath: recordFile))
            FileHandle.standardError.write(Data("wrote \(recordFile)\n".utf8))
        }
        if let reliabilityChart {
            try ReportFiles.write(report.reliabilityChart().svg, to: URL(fileURLWithPath: reliabilityChart))
            FileHandle.standardError.write(Data("wrote \(reliabilityChart)\n".utf8))
        }
        switch format {
        case .json:
            var extra: [OrderedJSON.Member] = [
                .init("draws", .number(draws)), .init("seed", .number(random.seed)),
                .init("cross_validated", .bool(crossValidate)),
            ]
            if !outOfSample.isEmpty {
                extra.append(.init("in_sample", OutOfSampleReport(evaluation: inSample).json()))
            } else {
                extra.append(.init("skill", .object([
                    "rps": OutOfSampleReport.json(inSample.rpsSkill),
                    "unilateral_brier": OutOfSampleReport.json(inSample.unilateralSkill),
                ])))
            }
            var designs: [OrderedJSON.Member] = []
            for (evaluation, key) in zip(outOfSample, (crossValidate ? ["leave_one_out"] : []) + (timeSplit != nil ? ["time_split"] : [])) {
                designs.append(.init(key, OutOfSampleReport(evaluation: evaluation).json()))
            }
            if !designs.isEmpty { extra.append(.init("out_of_sample", .object(designs))) }
            print(report.json(settings: extra).versioned.rendered())
        case .table, .markdown, .html, .csv:
            let markdown = format == .markdown
            var blocks = outOfSample.isEmpty
                ? [OutOfSampleReport(evaluation: inSample).renderText(markdown: markdown)]
                : outOfSample.map { OutOfSampleReport(evaluation: $0).renderText(markdown: markdown) }
            blocks.append((markdown ? "### " : "") + "In-sample and out-of-sample, side by side\n\n"
                + OutOfSampleComparison(all).render(markdown: markdown))
            print(blocks.joined(separator: "\n\n"))
        }
    }
}

extension ValidateCommand {
    /// The record of every design as stable JSON (sorted keys).
    static func record(_ evaluations: [OutOfSampleEvaluation], draws: Int, seed: UInt64) throws -> String {
        let designs = evaluations.map { e -> ValidationRecord.Design in
            let m = e.backtest.summary.model, r = e.referenceScores
            return ValidationRecord.Design(
                design: e.design, cases: m.n, accuracy: m.accuracy, withinOne: m.withinOne, rps: m.rps, baseRPS: r.rps,
                rpsSkill: e.rpsSkill.point, rpsSkillLow: e.rpsSkill.low, rpsSkillHigh: e.rpsSkill.high,
                unilateralBrier: m.unilateralBrier, baseUnilateralBrier: r.unilateralBrier,
                unilateralSkill: e.unilateralSkill.point, unilateralSkillLow: e.unilateralSkill.low,
                unilateralSkillHigh: e.unilateralSkill.high)
        }
        let record = ValidationRecord(command: ReproducingCommand.current(dropping: ["--threads", "--record"]), draws: draws,
                                      seed: seed, coverage: evaluations.first?.rpsSkill.coverage ?? 0.9, designs: designs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = ValidationRecord.nonFinite
        return String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
    }
}

/// The out-of-sample designs of one backtest, sharing the fit options and the scoring settings.
struct OutOfSampleRuns {
    let cases: [BacktestCase]
    let calibrator: Calibrator
    let settings: BacktestSettings
    let resamples: Int

    init(cases: [BacktestCase], fit: CalibrationOptions, settings: BacktestSettings, resamples: Int) throws {
        self.cases = cases
        let priors = try fit.priorSet()
        self.calibrator = try fit.calibrator(priors: priors, seed: settings.seed, threads: settings.threads,
                                             dataset: try Embedded.dataset())
        self.settings = settings
        self.resamples = resamples
    }

    /// Each case forecast with the weights fitted on all the others.
    func leaveOneOut() throws -> OutOfSampleEvaluation {
        var fold = 0
        let forecasts = try LeaveOneOut.forecasts(
            cases,
            fit: { training in
                fold += 1
                Progress.note("leave-one-out: fit \(fold) of \(cases.count)")
                return try calibrator.fit(training).parameters
            },
            predict: { try CaseForecaster.forecast($0, parameters: $1, settings: settings) })
        return OutOfSampleEvaluation(design: "leave-one-out", forecasts: forecasts, training: LeaveOneOut.trainingSets(cases),
                                     resamples: resamples, seed: settings.seed)
    }

    /// One fit on the cases before `year`, scored on the cases from `year` on.
    func timeSplit(at year: Int) throws -> OutOfSampleEvaluation {
        let split = TimeSplit(cases, year: year)
        guard !split.training.isEmpty else {
            throw ValidationError("--time-split \(year): no case is dated before \(year), so there is nothing to fit on")
        }
        guard !split.test.isEmpty else {
            throw ValidationError("--time-split \(year): no case is dated \(year) or later, so there is nothing to score")
        }
        Progress.note("time split: fit on \(split.training.count) cases before \(year), score \(split.test.count)")
        let forecasts = try split.forecasts(
            fit: { try calibrator.fit($0).parameters },
            predict: { try CaseForecaster.forecast($0, parameters: $1, settings: settings) })
        return OutOfSampleEvaluation(design: "time split at \(year)", forecasts: forecasts,
                                     training: Array(repeating: split.training, count: forecasts.count),
                                     trainingIDs: split.training.map(\.id), resamples: resamples, seed: settings.seed)
    }
}
