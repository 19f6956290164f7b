import PactEngine
import PactModel
import PactReport

/// The web pages' share of the sensitivity sweeps: the run page's "what this forecast depends
/// on" section and the parameter list beside the run form. Kept in one file so the page routes
/// only add two context keys.
extension PageRoutes {
    /// Draws per point of the run page's one-at-a-time sweep: cheap enough to compute on every
    /// page view (2d + 1 points).
    static let sensitivityDraws = 300

    /// The run page's section: the tornado and the most influential parameters, or nil when the
    /// sweep cannot run (no free parameter).
    func sensitivityContext(_ report: CrisisReport) -> [String: Any]? {
        guard let analysis = try? CrisisSweep.oneAtATime(scenario: report.scenario, snapshot: report.snapshot,
                                                        parameters: report.parameters, draws: Self.sensitivityDraws,
                                                        seed: report.forecast.seed, threads: 1) else { return nil }
        let chart = try? SweepChart(analysis: analysis, output: "expected level", limit: 12).render(.standard)
        let rows = SensitivitySection.influential(analysis, parameters: report.parameters).map {
            ["parameter": $0.parameter, "range": $0.range, "low": $0.atLow, "high": $0.atHigh, "doc": $0.doc]
        }
        return ["sentence": SensitivitySection.sentence(analysis), "svg": chart?.svg ?? "", "rows": rows]
    }

    /// Every parameter with its range, default and doc line, for the run form.
    var parameterList: [[String: String]] {
        catalog.parameters.parameters.map { p in
            ["name": p.name, "doc": p.doc,
             "range": p.isFixed ? "fixed at \(PlainNumber.text(p.defaultValue))"
                 : "\(PlainNumber.text(p.low)) to \(PlainNumber.text(p.high)), default \(PlainNumber.text(p.defaultValue))"]
        }
    }

}
