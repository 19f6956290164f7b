import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// The run page's optional parameter uncertainty (`/runs/ID?uncertainty=1`): the stored run's
/// scenario forecast once per bootstrap fit of the shipped spread (`Parameters/spread.yaml`), as
/// `pact run --parameter-uncertainty` does, with at most `maximumDraws` draws per fit so that a
/// page stays quick.
enum RunUncertainty {
    static let maximumDraws = 2000

    /// One "low–high" text per level and for P(unilateral), or nil when no spread ships.
    static func intervals(_ report: CrisisReport, seed: UInt64, draws: Int) throws -> (levels: [String], unilateral: String, fits: Int, draws: Int)? {
        guard let spread = try Embedded.parameterSpread(), spread.unknownNames(in: report.parameters).isEmpty else { return nil }
        let model = try CrisisModel(scenario: report.scenario, snapshot: report.snapshot)
        let perFit = min(draws, maximumDraws)
        let u = try UncertainForecast(model: model, point: report.forecast, sets: spread.parameterSets(base: report.parameters),
                                      drawsPerFit: perFit, seed: seed, threads: ProcessInfo.processInfo.activeProcessorCount)
        func text(_ p: ProbabilityInterval) -> String { "\(Format.percentage(p.low)) – \(Format.percentage(p.high))" }
        return (u.levels.map(text), text(u.unilateral), u.fits, perFit)
    }
}
