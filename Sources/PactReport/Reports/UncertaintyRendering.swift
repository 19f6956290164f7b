import PactEngine
import PactModel

/// How a run shows the parameter-uncertainty intervals (the spread of the calibration's bootstrap
/// fits): a table beside the forecast table, a report section, and JSON members.
public enum UncertaintyRendering {
    public static func cell(_ p: ProbabilityInterval) -> String {
        "\(Format.probability(p.point)) (\(Format.probability(p.low))–\(Format.probability(p.high)))"
    }

    public static func table(_ forecasts: [UncertainForecast]) -> TextTable {
        var columns: [TextTable.Column] = [.init("scenario")]
        for level in 0...5 { columns.append(.init("P\(level) (90% interval)", .right)) }
        columns.append(.init("unilateral (90% interval)", .right))
        var table = TextTable(columns: columns)
        for f in forecasts {
            table.append([f.scenario] + f.levels.map(cell) + [cell(f.unilateral)])
        }
        return table
    }

    public static func heading(_ forecasts: [UncertainForecast]) -> String {
        guard let f = forecasts.first else { return "" }
        return "Parameter uncertainty: the 5th to 95th percentile of each probability over \(f.fits) bootstrap fits of the calibration (\(f.drawsPerFit) draws each)"
    }

    public static func json(_ f: UncertainForecast) -> OrderedJSON {
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
    public static func insert(_ forecast: UncertainForecast, into document: inout ReportDocument) {
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
    public static func annotate(_ result: OrderedJSON, with forecast: UncertainForecast?) -> OrderedJSON {
        guard let forecast, case .object(let members) = result else { return result }
        return .object(members + [.init("parameter_uncertainty", json(forecast))])
    }
}
