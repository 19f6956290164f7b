import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calibrate", abstract: "Fit the model's free weights on cases.")
    @Argument var path: String?
    @Option var seed: UInt64 = 1
    @Option var threads: Int?
    @Option var draws: Int = 4000
    @OptionGroup var fit: CalibrationOptions
    func run() throws {
        let dataset = try Embedded.dataset()
        let cases = try CaseSelection.load(path, dataset: dataset)
        let workers = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let calibrator = try fit.calibrator(priors: try fit.priorSet(), seed: seed, threads: workers)
        let result = try calibrator.fit(cases)
        for (p, v) in zip(calibrator.problem.free, result.values) { print(p.name, p.prior, v) }
        print("rps", result.priorMeanRPS, result.meanRPS, result.penalty, result.evaluations)
        let settings = BacktestSettings(draws: draws, seed: seed, threads: workers)
        let forecasts = try CaseForecaster.forecasts(cases, parameters: result.parameters, settings: settings)
        print(BacktestReport(forecasts, label: "in-sample").renderText(markdown: false))
    }
}
