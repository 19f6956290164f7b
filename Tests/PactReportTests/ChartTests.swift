import Foundation
import PactModel
import PactReport
import Testing

/// Every chart on a hand-made input: well-formed XML, a title, both axis labels, and exactly the
/// marks the input calls for.
@Suite("Charts")
struct ChartTests {
    /// Parses `chart` and checks what every chart must have.
    func inspect(_ chart: Chart, sourceLocation: SourceLocation = #_sourceLocation) throws -> SVGInspector {
        let svg = try SVGInspector(chart.svg)
        #expect(svg.elements.first?.name == "svg", sourceLocation: sourceLocation)
        #expect(svg.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
        #expect(svg.title == chart.title, sourceLocation: sourceLocation)
        #expect(!chart.title.isEmpty, sourceLocation: sourceLocation)
        #expect(svg.all("text", class: "chart-title").map(\.text) == [chart.title], sourceLocation: sourceLocation)
        #expect(svg.all("text", class: "x-axis-label").count == 1, sourceLocation: sourceLocation)
        #expect(svg.all("text", class: "y-axis-label").count == 1, sourceLocation: sourceLocation)
        #expect(!chart.caption.isEmpty, sourceLocation: sourceLocation)
        return svg
    }

    @Test func ladderHasSixBarsAndMarksTheModalLevel() throws {
        let levels = [0.05, 0.10, 0.15, 0.20, 0.10, 0.40]
        let svg = try inspect(LadderChart(levels: levels, modal: 5).render())
        let bars = svg.all("rect", class: "bar")
        #expect(bars.count == 6)
        #expect(bars.map { $0.attributes["data-level"] } == ["0", "1", "2", "3", "4", "5"])
        #expect(bars.map { $0.attributes["data-probability"] } == ["0.0500", "0.1000", "0.1500", "0.2000", "0.1000", "0.4000"])
        #expect(svg.all("rect", class: "modal").map { $0.attributes["data-level"] } == ["5"])
        #expect(svg.all("text", class: "modal-label").count == 1)
        #expect(svg.texts.contains("40.0%"))
        #expect(svg.texts.contains("5 deployment"))
        // Bars are proportional: level 5 (0.40) is twice as tall as level 3 (0.20).
        let h5 = Double(bars[5].attributes["height"]!)!, h3 = Double(bars[3].attributes["height"]!)!
        #expect(abs(h5 - 2 * h3) < 0.02)
    }

    @Test func memberChartHasOneDotPerMemberColouredByStance() throws {
        let rows = [
            MemberChart.Row(label: "Russia (lead)", position: 4.6, salience: 0.9, stance: .support, support: 1, abstain: 0, block: 0),
            MemberChart.Row(label: "Armenia (member)", position: 1.2, salience: 0.5, stance: .abstain, support: 0.2, abstain: 0.7, block: 0.1),
            MemberChart.Row(label: "Belarus (member)", position: 3.0, salience: 0.2, stance: .block, support: 0.3, abstain: 0, block: 0.7),
        ]
        let svg = try inspect(MemberChart(rows: rows, expectedLevel: 3.1).render())
        let dots = svg.all("circle", class: "member")
        #expect(dots.count == 3)
        #expect(dots.map { $0.attributes["data-stance"] } == ["support", "abstain", "block"])
        #expect(dots.map { $0.attributes["fill"] } == [ChartTheme.standard.support, ChartTheme.standard.abstain, ChartTheme.standard.block])
        // Salience orders the dot sizes.
        let radii = dots.map { Double($0.attributes["r"]!)! }
        #expect(radii[0] > radii[1] && radii[1] > radii[2])
        // Stance shares: only the non-zero ones are drawn (1 + 3 + 2).
        #expect(svg.all("rect", class: "stance-share").count == 6)
        #expect(svg.all("line", class: "expected-level").count == 1)
    }

    @Test func tornadoPutsTheLargestEffectOnTopAndSplitsBySign() throws {
        let chart = DriverChart(drivers: [("cost", -0.4), ("treaty_obligation", 1.2), ("spillover", 0.05)]).render()
        let svg = try inspect(chart)
        let bars = svg.all("rect", class: "driver")
        #expect(bars.map { $0.attributes["data-term"] } == ["treaty_obligation", "cost", "spillover"])
        #expect(bars.map { $0.attributes["fill"] } == [ChartTheme.standard.positive, ChartTheme.standard.negative,
                                                        ChartTheme.standard.positive])
        // The negative bar ends where the positive ones start: at zero.
        let costRight = Double(bars[1].attributes["x"]!)! + Double(bars[1].attributes["width"]!)!
        let treatyLeft = Double(bars[0].attributes["x"]!)!
        #expect(abs(costRight - treatyLeft) < 0.02)
        // Widths in proportion to |effect|: 1.2 is three times 0.4.
        #expect(abs(Double(bars[0].attributes["width"]!)! - 3 * Double(bars[1].attributes["width"]!)!) < 0.05)
    }

    @Test func forceBuildUpStacksOneSeriesPerContributorInArrivalOrder() throws {
        let schedule = ForceSchedule(
            contingents: [
                .init(actor: "KAZ", label: "Kazakhstan", troops: 300, arrivalDay: 1.1),
                .init(actor: "RUS", label: "Russia", troops: 1500, arrivalDay: 1.0),
                .init(actor: "BLR", label: "Belarus", troops: 200, arrivalDay: 1.4),
            ],
            firstArrival: .init(mean: 1.0, p10: 0.7, p90: 1.6), total: 2000)
        #expect(schedule.contingents.map(\.actor) == ["RUS", "KAZ", "BLR"])
        #expect(schedule.troops(onDay: 0.9) == 0)
        #expect(schedule.troops(onDay: 1.2) == 1800)
        #expect(schedule.troops(onDay: 2) == 2000)
        let svg = try inspect(ForceBuildUpChart(schedule).render())
        let series = svg.all("polygon", class: "contingent")
        #expect(series.map { $0.attributes["data-actor"] } == ["RUS", "KAZ", "BLR"])
        #expect(series.map { $0.attributes["data-troops"] } == ["1500.0", "300.0", "200.0"])
        #expect(svg.all("rect", class: "arrival-band").count == 1)
        #expect(svg.texts.contains("mean total 2,000"))
    }

    @Test func forceScheduleFollowsTheEngineAirliftRule() throws {
        // Two contributors 1,200 km apart in distance to the location at 600 km/h: the farther one
        // lands 1,200 / (600 * 24) = 0.0833 days after the nearer one.
        let origin = Coordinates(latitude: 0, longitude: 0)
        let near = Coordinates(latitude: 0, longitude: 10)
        let kmPerDegree = origin.distance(to: Coordinates(latitude: 0, longitude: 1))
        let far = Coordinates(latitude: 0, longitude: 10 + 1200 / kmPerDegree)
        let dataset = Dataset(
            organization: Organization(id: "T", name: "Test Pact", leadState: "AAA", headquarters: "X", articles: [],
                                       decisionRule: DecisionRule(kind: .consensus, optOutSince: nil, description: "", source: ""),
                                       bodies: [], secretariesGeneral: [], memberships: []),
            actors: [Actor(id: "LOC", name: "Loc", kind: .state, capital: origin, observations: []),
                     Actor(id: "AAA", name: "Near", kind: .state, capital: near, observations: []),
                     Actor(id: "BBB", name: "Far", kind: .state, capital: far, observations: [])],
            relations: [], forces: [], bases: [], context: [])
        let forecast = CrisisForecast(
            scenario: "t", draws: 1, seed: 1, levels: [0, 0, 0, 0, 0, 1], modal: 5, unilateral: 0,
            force: .init(mean: 300, p10: 300, p90: 300), daysToFirstArrival: .init(mean: 2, p10: 2, p90: 2),
            members: [MemberForecast(id: "AAA", position: 5, salience: 1, stance: .support,
                                     stances: .init(support: 1, abstain: 0, block: 0), contribution: 100, role: "lead", weight: 0.5),
                      MemberForecast(id: "BBB", position: 5, salience: 1, stance: .support,
                                     stances: .init(support: 1, abstain: 0, block: 0), contribution: 200, role: "member", weight: 0.5)],
            drivers: [], trigger: TriggerExplanation(cap: 5, coverage: "collective-defence", strength: 1, reasons: []),
            expectedLevel: 5, requesterSatisfaction: nil)
        let schedule = try #require(ForceSchedule.derive(from: forecast, snapshot: dataset.snapshot(on: Day(iso: "2020-01-01")!),
                                                         location: "LOC", airliftSpeedKmh: 600))
        #expect(schedule.contingents.map(\.actor) == ["AAA", "BBB"])
        #expect(schedule.contingents[0].arrivalDay == 2)
        #expect(abs(schedule.contingents[1].arrivalDay - (2 + 1200.0 / 14_400)) < 1e-6)
    }

    @Test func bargainingDrawsEveryActorPlusMedianAndMean() throws {
        let trajectory = BargainingTrajectory(
            actors: ["Russia", "Kazakhstan", "Armenia"],
            rounds: [.init(round: 0, median: 40, mean: 35, positions: [5, 60, 80]),
                     .init(round: 1, median: 45, mean: 42, positions: [20, 55, 70]),
                     .init(round: 2, median: 50, mean: 48, positions: [30, 50, 60])],
            scaleMin: 0, scaleMax: 100, minLabel: "no contacts", maxLabel: "full partnership")
        let svg = try inspect(BargainingChart(trajectory).render())
        #expect(svg.all("polyline", class: "series").count == 5)
        #expect(svg.all("polyline", class: "actor").map { $0.attributes["data-actor"] } == ["Russia", "Kazakhstan", "Armenia"])
        #expect(svg.all("polyline", class: "median").count == 1)
        #expect(svg.all("polyline", class: "mean").count == 1)
        // Three rounds: three points per line.
        let points = try #require(svg.all("polyline", class: "median").first?.attributes["points"])
        #expect(points.split(separator: " ").count == 3)
        #expect(svg.texts.contains("median 50.0"))
        #expect(svg.texts.contains("full partnership"))
    }

    @Test func labelsThatCollideAreSpreadApartInOrder() {
        let placed = BargainingChartSpread.spread([100, 101, 102, 300])
        #expect(placed[1] - placed[0] >= 13 && placed[2] - placed[1] >= 13)
        #expect(placed[3] == 300)
        // A crowd at the bottom is pushed up, one at the top stays inside: all within 0...1000.
        let crowded = BargainingChart.spreadLabels([0, 0, 990, 995, 1000, 1000], gap: 13, within: 0...1000)
        #expect(crowded == [0, 13, 961, 974, 987, 1000])
    }

    @Test func reliabilityDrawsOnePointPerNonEmptyBin() throws {
        let bins = [ReliabilityPoint(lower: 0, upper: 0.2, count: 10, meanPredicted: 0.05, observedFrequency: 0.1),
                    ReliabilityPoint(lower: 0.2, upper: 0.4, count: 0, meanPredicted: nil, observedFrequency: nil),
                    ReliabilityPoint(lower: 0.4, upper: 0.6, count: 4, meanPredicted: 0.5, observedFrequency: 0.5),
                    ReliabilityPoint(lower: 0.6, upper: 0.8, count: 0, meanPredicted: nil, observedFrequency: nil),
                    ReliabilityPoint(lower: 0.8, upper: 1, count: 6, meanPredicted: 0.9, observedFrequency: 0.833)]
        let svg = try inspect(ReliabilityChart(bins: bins, event: "level 3 (mission) or higher").render())
        let points = svg.all("circle", class: "bin")
        #expect(points.map { $0.attributes["data-count"] } == ["10", "4", "6"])
        #expect(points.map { $0.attributes["data-observed"] } == ["0.1000", "0.5000", "0.8330"])
        #expect(svg.all("line", class: "diagonal").count == 1)
        // The bin at (0.5, 0.5) sits on the diagonal: its centre is the plot's centre.
        let mid = points[1]
        let diagonal = svg.all("line", class: "diagonal")[0]
        let cx = (Double(diagonal.attributes["x1"]!)! + Double(diagonal.attributes["x2"]!)!) / 2
        let cy = (Double(diagonal.attributes["y1"]!)! + Double(diagonal.attributes["y2"]!)!) / 2
        #expect(abs(Double(mid.attributes["cx"]!)! - cx) < 0.02 && abs(Double(mid.attributes["cy"]!)! - cy) < 0.02)
    }

    @Test func casesChartHasOneRowPerCaseWithTheActualLevelOutlined() throws {
        let cases = [CasePrediction(id: "kaz-2022-01", levels: [0, 0, 0, 0, 0.1, 0.9], actual: 5),
                     CasePrediction(id: "arm-2022-09", levels: [0.1, 0.3, 0.3, 0.3, 0, 0], actual: 3)]
        #expect(cases[0].expectedLevel == 4.9)
        #expect(cases[1].modal == 1)
        let svg = try inspect(CasePredictionChart(cases: cases).render())
        let rows = svg.all("g", class: "case")
        #expect(rows.map { $0.attributes["data-case"] } == ["kaz-2022-01", "arm-2022-09"])
        #expect(rows.map { $0.attributes["data-actual"] } == ["5", "3"])
        let actual = svg.all("rect", class: "actual")
        #expect(actual.count == 2)
        // The outline sits on the actual level's cell: level 5 is right of level 3.
        #expect(Double(actual[0].attributes["x"]!)! > Double(actual[1].attributes["x"]!)!)
        #expect(svg.all("rect").filter { $0.attributes["data-probability"] != nil }.count == 12)
    }

    @Test func mapPlacesEveryCapitalAndBaseAndRingsTheLocation() throws {
        let data = MapData(
            places: [.init(id: "RUS", name: "Russia", coordinates: .init(latitude: 55.75, longitude: 37.62), roles: [.member]),
                     .init(id: "KAZ", name: "Kazakhstan", coordinates: .init(latitude: 51.17, longitude: 71.45), roles: [.member, .location]),
                     .init(id: "ARM", name: "Armenia", coordinates: .init(latitude: 40.18, longitude: 44.51), roles: [.inactiveMember])],
            bases: [.init(name: "Kant air base", coordinates: .init(latitude: 42.85, longitude: 74.85), detail: "Kant, Kyrgyzstan")],
            baseOwner: "Russia")
        let svg = try inspect(MapChart(data).render())
        let places = svg.all("circle", class: "place")
        #expect(places.map { $0.attributes["data-id"] } == ["RUS", "KAZ", "ARM"])
        #expect(svg.all("polygon", class: "base").count == 1)
        #expect(svg.all("circle", class: "crisis-location").count == 1)
        // Equirectangular: east is right, north is up.
        func point(_ id: String) -> (Double, Double) {
            let e = places.first { $0.attributes["data-id"] == id }!
            return (Double(e.attributes["cx"]!)!, Double(e.attributes["cy"]!)!)
        }
        #expect(point("KAZ").0 > point("ARM").0)
        #expect(point("RUS").1 < point("ARM").1)
        // One scale for both axes (longitude shrunk by the cosine of the middle latitude).
        let (rx, ry) = point("RUS"), (ax, ay) = point("ARM")
        let midLat = (55.75 + 40.18) / 2 * Double.pi / 180
        let pxPerLat = (ay - ry) / (55.75 - 40.18)
        let pxPerLon = (ax - rx) / (44.51 - 37.62)
        #expect(pxPerLat > 0)
        #expect(abs(pxPerLon / pxPerLat - cos(midLat)) < 0.15)
    }

    /// The shipped outlines come from Natural Earth 1:110m with their licence, stay small, and
    /// hold the members and their neighbours.
    @Test func theShippedBordersAreNaturalEarthsAndSmall() throws {
        let borders = try #require(CountryBorders.shipped)
        #expect(borders.source.hasPrefix("Natural Earth 1:110m") && borders.licence.hasPrefix("public domain"))
        #expect(borders.credit == "Made with Natural Earth")
        let ids = Set(borders.countries.map(\.id))
        #expect(ids.isSuperset(of: ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO", "UKR", "CHN", "AFG", "IRN", "TUR", "MNG"]))
        #expect(!ids.contains("USA") && !ids.contains("BRA"))
        // Every point inside the region it was clipped to.
        let r = borders.region
        #expect(borders.countries.allSatisfy { $0.rings.allSatisfy { $0.allSatisfy {
            (r.west...r.east).contains($0[0]) && (r.south...r.north).contains($0[1]) } } })
        let url = try #require(CountryBorders.resourceURL)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 150_000)
    }

    /// Country borders under the places: members shaded, the crisis location in its own tint, and
    /// Moscow's point inside Russia's outline.
    @Test func theMapDrawsCountriesUnderThePlaces() throws {
        let data = MapData(
            places: [.init(id: "RUS", name: "Russia", coordinates: .init(latitude: 55.75, longitude: 37.62), roles: [.member]),
                     .init(id: "KAZ", name: "Kazakhstan", coordinates: .init(latitude: 51.17, longitude: 71.45), roles: [.member, .location])],
            bases: [], baseOwner: "Russia")
        let chart = MapChart(data).render()
        let svg = try inspect(chart)
        let countries = svg.all("path", class: "country")
        #expect(countries.count > 20)
        let russia = try #require(countries.first { $0.attributes["data-id"] == "RUS" })
        #expect(russia.attributes["fill"] == "#b9d6ee")
        #expect(countries.first { $0.attributes["data-id"] == "KAZ" }?.attributes["fill"] == "#f3cdb3")
        #expect(countries.first { $0.attributes["data-id"] == "CHN" }?.attributes["fill"] == "#ebe8df")
        // Moscow's circle lies within the box of Russia's outline.
        let numbers = (russia.attributes["d"] ?? "").split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
        let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        let moscow = try #require(svg.all("circle", class: "place").first { $0.attributes["data-id"] == "RUS" })
        let cx = Double(moscow.attributes["cx"]!)!, cy = Double(moscow.attributes["cy"]!)!
        #expect(xs.min()! < cx && cx < xs.max()! && ys.min()! < cy && cy < ys.max()!)
        #expect(svg.texts.contains("Made with Natural Earth") && chart.caption.contains("public domain"))
        // Without outlines the map still draws its places.
        #expect(try inspect(MapChart(data, borders: nil).render()).all("path", class: "country").isEmpty)
    }

    /// No text in a chart is smaller than the 11 px tick labels.
    @Test func noChartTextIsSmallerThanElevenPixels() throws {
        let charts = [
            LadderChart(levels: [0.1, 0.2, 0.3, 0.2, 0.1, 0.1], modal: 2).render(),
            MemberChart(rows: [.init(label: "A", position: 1, salience: 1, stance: .support, support: 0.5, abstain: 0.3, block: 0.2)],
                        expectedLevel: 1).render(),
            BargainingChart(BargainingTrajectory(actors: ["A"], rounds: [.init(round: 0, median: 1, mean: 1, positions: [1])],
                                                 scaleMin: 0, scaleMax: 10, minLabel: "low", maxLabel: "high")).render(),
            MapChart(MapData(places: [.init(id: "KGZ", name: "Kyrgyzstan", coordinates: .init(latitude: 42.87, longitude: 74.59), roles: [.location])],
                             bases: [.init(name: "Kant", coordinates: .init(latitude: 42.85, longitude: 74.85), detail: "Kant")],
                             baseOwner: "Russia")).render(),
        ]
        for chart in charts {
            let sizes = try SVGInspector(chart.svg).all("text").compactMap { $0.attributes["font-size"].flatMap(Double.init) }
            #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 11 }, "\(chart.id): \(sizes.min() ?? 0)")
        }
    }

    @Test func hostileTextIsEscapedInEveryChart() throws {
        let hostile = "<script>alert('x')</script> & \"co\""
        let charts = [
            LadderChart(levels: [1, 0, 0, 0, 0, 0], modal: 0, title: hostile).render(),
            MemberChart(rows: [.init(label: hostile, position: 1, salience: 1, stance: .support, support: 1, abstain: 0, block: 0)],
                        expectedLevel: 1).render(),
            DriverChart(drivers: [(hostile, 0.5)]).render(),
            BargainingChart(BargainingTrajectory(actors: [hostile], rounds: [.init(round: 0, median: 1, mean: 1, positions: [1])],
                                                 scaleMin: 0, scaleMax: 10, minLabel: hostile, maxLabel: hostile)).render(),
            CasePredictionChart(cases: [CasePrediction(id: hostile, levels: [1, 0, 0, 0, 0, 0], actual: 0)]).render(),
            MapChart(MapData(places: [.init(id: hostile, name: hostile, coordinates: .init(latitude: 1, longitude: 1), roles: [.location])],
                             bases: [.init(name: hostile, coordinates: .init(latitude: 2, longitude: 2), detail: hostile)],
                             baseOwner: hostile)).render(),
        ]
        for chart in charts {
            let svg = try SVGInspector(chart.svg)  // parses: nothing broke out of its element
            #expect(!chart.svg.contains("<script"))
            #expect(chart.svg.contains("&lt;script&gt;"))
            #expect(svg.all("script").isEmpty)
            #expect(svg.texts.contains { $0.contains(hostile) })
        }
    }

    @Test func markupEscapesTheFiveCharactersAndDropsForbiddenControls() {
        #expect(Markup.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(Markup.escape("bell\u{07}") == "bell")
        #expect(Markup.escapeMarkdown("*x* <b> [l](u)") == "\\*x\\* &lt;b&gt; \\[l\\](u)")
    }
}

/// The label spreading the bargaining chart uses, reached through the chart's public API.
enum BargainingChartSpread {
    static func spread(_ ys: [Double]) -> [Double] { BargainingChart.spreadLabels(ys, gap: 13, within: 0...1000) }
}
