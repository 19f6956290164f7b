import Foundation
import PactReport
import Testing

/// The outlook's and the landscape's charts on hand-made inputs.
@Suite("Outlook charts")
struct OutlookChartTests {
    func inspect(_ chart: Chart) throws -> SVGInspector {
        let svg = try SVGInspector(chart.svg)
        #expect(svg.title == chart.title)
        #expect(svg.all("text", class: "chart-title").map(\.text) == [chart.title])
        #expect(svg.all("text", class: "x-axis-label").count == 1)
        #expect(svg.all("text", class: "y-axis-label").count == 1)
        return svg
    }

    @Test func fanChartHasTwoBandsAMedianAndOnePointPerDate() throws {
        let points = (0...4).map { k in
            FanPoint(label: String(2026 + k), years: Double(k), p10: 0.4, p25: 0.5, p50: 0.6, p75: 0.7, p90: 0.8)
        }
        let svg = try inspect(FanChart(points: points, title: "Cohesion", yLabel: "cohesion", yDomain: 0...1).render())
        #expect(svg.all("polygon", class: "p10-p90").count == 1)
        #expect(svg.all("polygon", class: "p25-p75").count == 1)
        #expect(svg.all("polyline", class: "median").count == 1)
        let dots = svg.all("circle", class: "point")
        #expect(dots.count == 5)
        #expect(dots.allSatisfy { $0.attributes["data-p50"] == "0.6000" })
    }

    @Test func frustrationBarsAreSortedAndMarkTheMisplaced() throws {
        let rows = [FrustrationChart.Row(actor: "AAA", frustration: -0.5, misplaced: false),
                    FrustrationChart.Row(actor: "BBB", frustration: 0.25, misplaced: true),
                    FrustrationChart.Row(actor: "CCC", frustration: 0, misplaced: false)]
        let svg = try inspect(FrustrationChart(rows: rows).render())
        let bars = svg.all("rect", class: "frustration")
        #expect(bars.map { $0.attributes["data-actor"] } == ["BBB", "CCC", "AAA"])
        #expect(bars.map { $0.attributes["data-frustration"] } == ["0.250000", "0.000000", "-0.500000"])
        #expect(svg.all("text").contains { $0.text == "BBB *" })
    }
}
