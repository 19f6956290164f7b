import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `--parameter-uncertainty` of `pact run` and `pact report`: each level's probability with the
/// interval the calibration's bootstrap fits give (docs/CALIBRATION.md).
struct UncertaintyOptions: ParsableArguments {
    @Flag(name: .customLong("parameter-uncertainty"), help: ArgumentHelp(
        "Also give each level's probability a 90% interval over the bootstrap fits of the calibration.",
        discussion: "Each fit of the spread is run with --uncertainty-draws draws and the same seed; the interval is the 5th to 95th percentile over the fits."))
    var enabled = false

    @Option(name: .customLong("spread"), help: "A parameter spread file written by `pact calibrate --bootstrap N --spread-output FILE` (default: the shipped Parameters/spread.yaml).")
    var spreadFile: String?

    @Option(name: .customLong("uncertainty-draws"), help: "Monte Carlo draws for each fit of the spread (default: --draws, so the interval and the point forecast share their Monte Carlo precision).")
    var uncertaintyDraws: Int?

    /// Draws per fit: --uncertainty-draws, else the run's own draws.
    func drawsPerFit(default draws: Int) -> Int { uncertaintyDraws ?? draws }

    func validate() throws {
        if let uncertaintyDraws, uncertaintyDraws < 1 { throw ValidationError("--uncertainty-draws must be at least 1") }
        if spreadFile != nil && !enabled { throw ValidationError("--spread needs --parameter-uncertainty") }
    }

    /// The parameter sets of the spread on `parameters`, or nil when the flag is off.
    func parameterSets(on parameters: ParameterSet) throws -> [ParameterSet]? {
        guard enabled else { return nil }
        let name = spreadFile ?? "Parameters/spread.yaml"
        let spread: ParameterSpread
        if let spreadFile {
            spread = try ParameterSpreadFile.load(contentsOf: URL(fileURLWithPath: spreadFile), displayName: spreadFile)
        } else if let shipped = try Embedded.parameterSpread() {
            spread = shipped
        } else {
            throw ValidationError("no parameter spread ships with this build; write one with `pact calibrate --bootstrap 40 --spread-output FILE` and pass --spread FILE")
        }
        let unknown = spread.unknownNames(in: parameters)
        if !unknown.isEmpty {
            throw InputErrors([InputError(file: name, line: nil, field: "fits", found: unknown.joined(separator: ", "),
                message: "names parameters the model does not have; the spread is from another parameter file",
                allowed: parameters.names)])
        }
        return spread.parameterSets(base: parameters)
    }
}

/// How a run shows the intervals: a table beside the forecast table, and JSON members.
enum UncertaintyRendering {
    static func cell(_ p: ProbabilityInterval) -> String {
        "\(Format.probability(p.point)) (\(Format.probability(p.low))–\(Format.probability(p.high)))"
    }

    static func table(_ forecasts: [UncertainForecast]) -> TextTable {
        var columns: [TextTable.Column] = [.init("scenario")]
        for level in 0...5 { columns.append(.init("P\(level) (90% interval)", .right)) }
        columns.append(.init("unilateral (90% interval)", .right))
        var table = TextTable(columns: columns)
        for f in forecasts {
            table.append([f.scenario] + f.levels.map(cell) + [cell(f.unilateral)])
        }
        return table
    }

    static func heading(_ forecasts: [UncertainForecast]) -> String {
        guard let f = forecasts.first else { return "" }
        return "Parameter uncertainty: the 5th to 95th percentile of each probability over \(f.fits) bootstrap fits of the calibration (\(f.drawsPerFit) draws each)"
    }

    static func json(_ f: UncertainForecast) -> OrderedJSON {
        func interval(_ p: ProbabilityInterval) -> OrderedJSON { .object(["low": .number(p.low), "high": .number(p.high)]) }
        return .object([
            "levels": .array(f.levels.map(interval)),
            "unilateral": interval(f.unilateral),
            "coverage": .number(f.coverage),
            "fits": .number(f.fits),
            "draws_per_fit": .number(f.drawsPerFit),
        ])
    }

    /// Adds a "Parameter uncertainty" section after the report's "Result" section (at the end
    /// when it has none).
    static func insert(_ forecast: UncertainForecast, into document: inout ReportDocument) {
        let blocks: [ReportDocument.Block] = [
            .heading("Parameter uncertainty"),
            .paragraph(heading([forecast]) + ". The point forecast is the one above; the interval says how far it moves with the fitted weights."),
            .table(table([forecast]), caption: nil),
        ]
        let next = document.blocks.indices.first { i in
            guard case .heading(let title) = document.blocks[i], i > 0 else { return false }
            return document.blocks[..<i].contains { if case .heading("Result") = $0 { return true } else { return false } }
                && title != "Result"
        }
        document.blocks.insert(contentsOf: blocks, at: next ?? document.blocks.endIndex)
    }

    /// `result` (a run's JSON object) with a `parameter_uncertainty` member when there is one.
    static func annotate(_ result: OrderedJSON, with forecast: UncertainForecast?) -> OrderedJSON {
        guard let forecast, case .object(let members) = result else { return result }
        return .object(members + [.init("parameter_uncertainty", json(forecast))])
    }
}
