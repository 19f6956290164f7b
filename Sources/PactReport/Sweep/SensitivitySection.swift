import PactEngine
import PactModel

/// "What this forecast depends on": a report section from a one-at-a-time sweep, the tornado of
/// the expected level and a table of the parameters that move it most, each with its doc line.
/// Shared by `pact report` and the web run page.
public enum SensitivitySection {
    /// The rows shown: the parameters with the largest swing of the expected level.
    public static let rowLimit = 8

    public struct Row: Sendable, Hashable {
        public var parameter: String
        public var range: String
        public var atLow: String
        public var atHigh: String
        public var doc: String
    }

    static func expectedLevel(_ analysis: SweepAnalysis) -> (base: Double, swings: [SweepEstimators.Swing])? {
        guard let o = analysis.spec.outputs.firstIndex(of: "expected level"), let row = analysis.cells.first,
              case .oat(let base, let swings) = row[o].measures else { return nil }
        return (base, swings)
    }

    /// The most influential parameters, largest swing first; parameters that move nothing are left out.
    public static func influential(_ analysis: SweepAnalysis, parameters: ParameterSet) -> [Row] {
        guard let swings = expectedLevel(analysis)?.swings else { return [] }
        return SweepOutput.order(swings.map(\.magnitude)).prefix(rowLimit).compactMap { i in
            guard swings[i].magnitude > 0 else { return nil }
            let p = analysis.spec.parameters[i]
            return Row(parameter: p.name, range: "\(PlainNumber.text(p.low)) to \(PlainNumber.text(p.high))",
                       atLow: PactReport.Format.signed(swings[i].low, 3), atHigh: PactReport.Format.signed(swings[i].high, 3),
                       doc: parameters[p.name]?.doc ?? "")
        }
    }

    public static func sentence(_ analysis: SweepAnalysis) -> String {
        let points = 2 * analysis.spec.parameters.count + 1
        return "Each of the \(analysis.spec.parameters.count) free parameters moved alone to the low and the high end of its range, the others at their defaults (\(points) runs of \(PactReport.Format.grouped(Double(analysis.spec.draws))) draws on common random numbers, parameters held fixed within a run). The changes are in the expected level; docs/SWEEPS.md describes fuller sweeps (Morris, Sobol)."
    }

    /// The section's blocks for a `ReportDocument`.
    public static func blocks(_ analysis: SweepAnalysis, parameters: ParameterSet, theme: ChartTheme = .standard) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = [.heading("What this forecast depends on"), .paragraph(sentence(analysis))]
        if let chart = try? SweepChart(analysis: analysis, output: "expected level", limit: 12).render(theme) {
            blocks.append(.chart(chart))
        }
        var table = TextTable(columns: [.init("parameter"), .init("range"), .init("at low", .right), .init("at high", .right),
                                        .init("what it is")])
        for row in influential(analysis, parameters: parameters) { table.append([row.parameter, row.range, row.atLow, row.atHigh, row.doc]) }
        blocks.append(.table(table, caption: "Change in the expected level with the parameter at each end of its range"))
        return blocks
    }
}
