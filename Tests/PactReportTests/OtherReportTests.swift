import Foundation
import PactModel
import PactReport
import Testing

/// The bargaining and validation reports on hand-made inputs.
@Suite("Bargaining and validation reports")
struct OtherReportTests {
    static let hostile = "<script>x()</script> & Co"

    @Test func bargainingReportHasTheTrajectoryTheSentencesAndTheCommand() throws {
        let trajectory = BargainingTrajectory(
            actors: ["Russia", Self.hostile],
            rounds: [.init(round: 0, median: 5, mean: 20, positions: [5, 60]),
                     .init(round: 1, median: 30, mean: 30, positions: [5, 30])],
            scaleMin: 0, scaleMax: 100, minLabel: "no contacts", maxLabel: "full partnership")
        let report = BargainingReport(
            title: Self.hostile, question: "Should the CSTO restore contacts with NATO?", source: "scenario t",
            variant: "scholz", variantSummary: "the published reconstruction", trajectory: trajectory,
            actors: [.init(name: "Russia", capability: 60, salience: 0.9, start: 5, final: 5),
                     .init(name: Self.hostile, capability: 10, salience: 0.4, start: 60, final: 30)],
            moves: [.init(round: 1, actor: Self.hostile, kind: "compromise", counterpart: "Russia", from: 60, to: 30)],
            command: "pact bargain t --rounds 1 --variant scholz --report r.html")
        #expect(report.sentences.first == "After 1 round of bargaining (scholz variant), the forecast, the median position, is 30.0 (toward no contacts) on a scale from 0 (no contacts) to 100 (full partnership); it started at 5.0.")
        #expect(report.sentences.contains("Held their positions: Russia."))
        let html = report.html()
        #expect(html.contains("<figure id=\"chart-bargaining\">"))
        #expect(html.contains("pact bargain t --rounds 1 --variant scholz --report r.html"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;x()&lt;/script&gt; &amp; Co"))
        for chart in report.charts { _ = try SVGInspector(chart.svg) }
    }

    @Test func validationReportHasBothChartsAndHeadlineFiguresFromTheCases() throws {
        let cases = [CasePrediction(id: "kaz-2022-01", levels: [0, 0, 0, 0, 0.2, 0.8], actual: 5),
                     CasePrediction(id: "arm-2022-09", levels: [0, 0.6, 0.4, 0, 0, 0], actual: 3),
                     CasePrediction(id: Self.hostile, levels: [0.5, 0.5, 0, 0, 0, 0], actual: 0)]
        var summary = TextTable(columns: [.init("forecaster"), .init("mean RPS", .right)])
        summary.append(["Pact", "0.100"])
        var caseTable = TextTable(columns: [.init("case"), .init("actual", .right)])
        for c in cases { caseTable.append([c.id, String(c.actual)]) }
        let report = ValidationReport(
            title: "Backtest", subtitle: "in-sample", findings: ["mean RPS 40% below the base rate: met"], summary: summary,
            cases: cases, caseTable: caseTable,
            reliability: [.init(lower: 0, upper: 0.5, count: 2, meanPredicted: 0, observedFrequency: 0.5),
                          .init(lower: 0.5, upper: 1, count: 1, meanPredicted: 1, observedFrequency: 1)],
            reliabilityEvent: "level 3 (mission) or higher", parameters: [("baseline", "0.5")], command: "pact validate --report v.html")
        // Modal right: kaz (5) and the hostile case (0, the lower on a tie); arm's modal 1 is two rungs off 3.
        // Mean probability of what happened: (0.8 + 0 + 0.5) / 3.
        #expect(report.headline == "On 3 cases the modal level was right in 67% and within one rung in 67%; on average the forecast gave 43.3% to the level that happened.")
        let html = report.html()
        #expect(html.contains("<figure id=\"chart-reliability\">"))
        #expect(html.contains("<figure id=\"chart-cases\">"))
        #expect(html.contains("pact validate --report v.html"))
        #expect(!html.contains("<script"))
        for chart in report.charts { _ = try SVGInspector(chart.svg) }
    }
}
