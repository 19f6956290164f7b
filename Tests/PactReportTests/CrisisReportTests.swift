import Foundation
import PactData
import PactEngine
import PactModel
import PactReport
import Testing

/// The crisis report on built-in scenarios run through the engine: the charts are there, the
/// command reproduces it, hostile text stays text, and the charts carry the run's own numbers.
@Suite("Crisis report")
struct CrisisReportTests {
    static let draws = 1500

    struct Run {
        var scenario: Scenario
        var snapshot: DatasetSnapshot
        var forecast: CrisisForecast
        var report: CrisisReport
    }

    func run(_ id: String, dataset: Dataset? = nil, retitle: String? = nil) throws -> Run {
        let dataset = try dataset ?? Embedded.dataset()
        let parameters = try Embedded.defaultParameters()
        let known = Set(dataset.actors.keys)
        var scenario = try #require(try Embedded.scenarios(knownActors: known, knownParameters: Set(parameters.names))
            .first { $0.id == id })
        if let retitle { scenario.title = retitle }
        let snapshot = dataset.snapshot(on: scenario.date)
        let forecast = try CrisisModel(scenario: scenario, snapshot: snapshot)
            .forecast(parameters: parameters, draws: Self.draws, seed: 7, threads: 1)
        let report = CrisisReport(scenario: scenario, snapshot: snapshot, forecast: forecast, parameters: parameters,
                                  parameterSource: "defaults", command: "pact report \(id) --draws \(Self.draws) --seed 7 -o r.html")
        return Run(scenario: scenario, snapshot: snapshot, forecast: forecast, report: report)
    }

    @Test func aDeploymentReportHoldsEveryChartTheCommandAndTheExplanation() throws {
        let run = try run("tjk-afghan-incursion-2025")
        let forecast = run.forecast
        #expect(forecast.force != nil)  // the scenario has deployment draws, so the force chart appears
        let html = run.report.html()
        for id in ["ladder", "members", "drivers", "force", "map"] {
            #expect(html.contains("<figure id=\"chart-\(id)\">"), "missing chart \(id)")
        }
        #expect(html.components(separatedBy: "<svg xmlns=").count - 1 == 5)
        #expect(html.contains("pact report tjk-afghan-incursion-2025 --draws 1500 --seed 7 -o r.html"))
        #expect(html.contains("Tajikistan asked the Collective Security Treaty Organization for help under Article 4"))
        #expect(html.contains("Russia&#39;s preferred level was"))
        #expect(html.contains("The term that moved the forecast most was"))
        #expect(html.contains("troops deploy on average"))
        // Self-contained: no script, no external reference.
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        // Every chart inside parses on its own.
        for chart in run.report.charts { _ = try SVGInspector(chart.svg) }
    }

    @Test func withoutDeploymentDrawsTheForceChartIsLeftOutAndSaysWhy() throws {
        let run = try run("arm-azerbaijani-attack-2026")
        #expect(run.forecast.levels[5] == 0)
        #expect(run.report.charts.map(\.id) == ["ladder", "members", "drivers", "map"])
        #expect(run.report.html().contains("No draw ends in a collective deployment"))
    }

    @Test func aHostileTitleAndActorNameRenderAsText() throws {
        var dataset = try Embedded.dataset()
        dataset.actors["KGZ"]?.name = "Kyrgyz <b>Republic</b> & <script>steal()</script>"
        let hostile = "<script>alert(\"pwned\")</script> & friends"
        let run = try run("kgz-mass-unrest-2026", dataset: dataset, retitle: hostile)
        let html = run.report.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>Republic"))
        #expect(html.contains("<title>&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; friends</title>"))
        #expect(html.contains("Kyrgyz &lt;b&gt;Republic&lt;/b&gt; &amp; &lt;script&gt;steal()&lt;/script&gt;"))
        for chart in run.report.charts { _ = try SVGInspector(chart.svg) }
        let markdown = run.report.markdown(imagePrefix: "r").text
        #expect(!markdown.contains("<script"))
        #expect(markdown.hasPrefix("# &lt;script&gt;alert(\"pwned\")&lt;/script&gt; &amp; friends"))
    }

    @Test func chartNumbersAreTheRunsJSONNumbers() throws {
        let run = try run("blr-regime-change-2026")
        let json = try #require(JSONSerialization.jsonObject(with: Data(run.forecast.orderedJSON.rendered().utf8)) as? [String: Any])
        let charts = Dictionary(uniqueKeysWithValues: run.report.charts.map { ($0.id, $0) })

        let ladder = try SVGInspector(try #require(charts["ladder"]).svg)
        let levels = try #require(json["levels"] as? [Double])
        #expect(ladder.all("rect", class: "bar").map { $0.attributes["data-probability"] } == levels.map { Format.fixed($0, 4) })
        #expect(ladder.all("rect", class: "modal").first?.attributes["data-level"] == String(try #require(json["modal"] as? Int)))

        let members = try #require(json["members"] as? [[String: Any]])
        let dots = try SVGInspector(try #require(charts["members"]).svg).all("circle", class: "member")
        #expect(dots.map { $0.attributes["data-position"] } == members.map { Format.fixed($0["position"] as! Double, 4) })
        #expect(dots.map { $0.attributes["data-salience"] } == members.map { Format.fixed($0["salience"] as! Double, 4) })
        #expect(dots.map { $0.attributes["data-stance"] } == members.map { $0["stance"] as? String })

        let drivers = try #require(json["drivers"] as? [[String: Any]])
        let bars = try SVGInspector(try #require(charts["drivers"]).svg).all("rect", class: "driver")
        #expect(bars.map { $0.attributes["data-term"] } == drivers.map { $0["term"] as? String })
        #expect(bars.map { $0.attributes["data-effect"] } == drivers.map { Format.fixed($0["effect"] as! Double, 4) })

        let contributions = members.filter { ($0["contribution"] as! Double) > 0 }
        let series = try SVGInspector(try #require(charts["force"]).svg).all("polygon", class: "contingent")
        #expect(Set(series.compactMap { $0.attributes["data-actor"] }) == Set(contributions.map { $0["id"] as! String }))
        let troops = series.map { Double($0.attributes["data-troops"]!)! }.reduce(0, +)
        let force = try #require(json["force"] as? [String: Any])
        #expect(abs(troops - (force["mean"] as! Double)) < 1)  // the sum of mean contributions is the mean force
    }

    @Test func theSameRunGivesTheSameBytes() throws {
        let a = try run("kgz-mass-unrest-2026").report.html()
        let b = try run("kgz-mass-unrest-2026").report.html()
        #expect(a == b)
    }

    @Test func markdownLinksEveryChartAsAnSVGFileBesideIt() throws {
        let run = try run("tjk-afghan-incursion-2025")
        let (text, images) = run.report.markdown(imagePrefix: "tjk report")
        #expect(images.map(\.name) == ["tjk report-ladder.svg", "tjk report-members.svg", "tjk report-drivers.svg",
                                       "tjk report-force.svg", "tjk report-map.svg"])
        #expect(text.contains("](tjk%20report-ladder.svg)"))
        #expect(text.contains("```\npact report tjk-afghan-incursion-2025 --draws 1500 --seed 7 -o r.html\n```"))
        for image in images { _ = try SVGInspector(image.svg) }
    }

    @Test func notesReflowIntoParagraphsAndItems() {
        let blocks = ReportDocument.reflow("First line\nsecond line.\n- item one\n  continued\n- item two\nAfter.\n\nNew paragraph.")
        let rendered = ReportDocument(title: "t", blocks: blocks).html()
        #expect(rendered.contains("<p>First line second line.</p>"))
        #expect(rendered.contains("<ul><li>item one continued</li><li>item two</li></ul>"))
        #expect(rendered.contains("<p>After.</p>"))
        #expect(rendered.contains("<p>New paragraph.</p>"))
    }
}

@Suite("Map data")
struct MapDataTests {
    @Test func aDistantAdversaryIsNamedInsteadOfDrawnANearOneIsDrawn() throws {
        let dataset = try Embedded.dataset()
        let adversary = { (actor: ActorID, location: ActorID) in
            Crisis(type: .externalAggression, location: location, territory: .sovereign, requester: location, article: 4,
                   belligerents: nil, adversary: Adversary(kind: .state, actor: actor, externalBacking: .none),
                   severity: Severity(deaths: 1, displaced: 0, territoryKm2: 0), expectedDurationDays: 5)
        }
        let snapshot = dataset.snapshot(on: Day(iso: "2014-06-15")!)
        let far = MapData.crisis(adversary("USA", "BLR"), snapshot: snapshot)
        #expect(!far.places.contains { $0.id == "USA" })
        #expect(far.offMap.map(\.name) == ["United States"])
        // Minsk to Washington is about 7,500 km.
        #expect((7000...8000).contains(far.offMap[0].distanceKm))
        let near = MapData.crisis(adversary("AZE", "ARM"), snapshot: snapshot)
        #expect(near.places.first { $0.id == "AZE" }?.roles == [.other])
        #expect(near.offMap.isEmpty)
        // In 2014 Armenia was a full member, and the location.
        #expect(near.places.first { $0.id == "ARM" }?.roles == [.member, .location])
        // The lead state's bases abroad, none at home.
        #expect(!near.bases.isEmpty)
        #expect(near.baseOwner == "Russia")
    }
}
