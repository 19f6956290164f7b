import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// The run pages: starting a run from the form, the run page with its downloads, and the
/// comparison of two runs.
extension PageRoutes {
    func registerRuns(on pages: RouterGroup<WorkbenchContext>) {
        pages.post("runs") { _, context -> Response in
            let fields = context.form
            let id = fields["scenario"] ?? ""
            let draws = try Self.wholeNumber(fields["draws"], field: "draws", as: Int.self)
            let seed = try Self.wholeNumber(fields["seed"], field: "seed", as: UInt64.self, default: 1)
            let params = try Self.parameterLines(fields["params"] ?? "", known: Set(catalog.parameterNames))
            let row = try await workbench.run(RunRequest(scenarioID: id, draws: draws, seed: seed, params: params))
            return .redirect("/runs/\(row.id)")
        }
        pages.get("runs/:id") { request, context -> Response in
            try runPage(try context.parameter("id"), context.csrf, uncertainty: request.uri.queryParameters.get("uncertainty") != nil)
        }
        // Downloads: the result as `pact run` writes it, its tables as CSV, the HTML report.
        pages.get("runs/:id/result.json") { _, context -> Response in
            let (row, _, forecast) = try loadRun(try context.parameter("id"))
            return RunPresentation.download(RunPresentation.json(forecast), type: "application/json", name: "run-\(row.id).json")
        }
        for table in ["forecast", "members"] {
            pages.get("runs/:id/\(table).csv") { _, context in
                let (row, _, forecast) = try loadRun(try context.parameter("id"))
                return RunPresentation.download(RunPresentation.csv(forecast, table: table), type: "text/csv; charset=utf-8",
                                                name: "run-\(row.id)-\(table).csv")
            }
        }
        pages.get("runs/:id/report.html") { _, context -> Response in
            let (row, scenario, forecast) = try loadRun(try context.parameter("id"))
            return RunPresentation.download(report(row, scenario, forecast).html(), type: "text/html; charset=utf-8",
                                            name: "run-\(row.id)-report.html")
        }
        pages.get("compare") { request, context -> Response in
            try comparePage(request.uri.queryParameters.get("a") ?? "", request.uri.queryParameters.get("b") ?? "", context.csrf)
        }
    }

    func loadRun(_ text: String) throws -> (Store.RunRow, Scenario, CrisisForecast) {
        guard let id = Int64(text), let row = try store.run(id) else { throw APIError.notFound("run '\(text)'") }
        guard let forecast = row.forecast else { throw APIError(.internalServerError, "run \(id)'s stored result cannot be read") }
        let scenario = try workbench.parse(row.run.scenarioYAML, file: row.run.scenarioID)
        return (row, scenario, forecast)
    }

    func report(_ row: Store.RunRow, _ scenario: Scenario, _ forecast: CrisisForecast) -> CrisisReport {
        var params: [String: ClosedRange<Double>] = [:]
        if let object = try? JSONSerialization.jsonObject(with: Data(row.run.params.utf8)) as? [String: [Any]] {
            for (name, pair) in object {
                if let low = ForecastJSON.number(pair.first), let high = ForecastJSON.number(pair.last) { params[name] = low...high }
            }
        }
        var scenario = scenario
        for name in params.keys { scenario.uncertainty[name] = nil }
        return CrisisReport(scenario: scenario, snapshot: catalog.dataset.snapshot(on: scenario.date), forecast: forecast,
                            parameters: catalog.parameters.overriding(ranges: params), parameterSource: "shipped defaults",
                            command: "")
    }

    func runPage(_ text: String, _ csrf: String, uncertainty: Bool = false) throws -> Response {
        let (row, scenario, forecast) = try loadRun(text)
        let report = report(row, scenario, forecast)
        let intervals = uncertainty ? try RunUncertainty.intervals(report, seed: row.run.seed, draws: row.run.draws) : nil
        let explanation = CrisisExplanation(scenario: scenario, snapshot: report.snapshot, forecast: forecast).sentences
        let charts = report.charts.map { ["id": $0.id, "title": $0.title, "svg": $0.svg, "caption": $0.caption] }
        let levels = forecast.levels.enumerated().map { k, p in
            ["level": Self.levelName(k), "meaning": ResponseLevel(rawValue: k)?.meaning ?? "", "p": Format.percentage(p),
             "modal": k == forecast.modal, "interval": intervals?.levels[k] ?? ""] as [String: Any]
        }
        let names = report.snapshot.actors
        let basis = DeploymentBasis(forecast)
        let members = forecast.members.map { m in
            ["name": names[m.id]?.name ?? m.id.rawValue, "role": m.role, "position": Format.fixed(m.position, 2),
             "stance": m.stance.rawValue, "support": Format.percentage(m.stances.support),
             "troops": basis.troops(m.contribution)]
        }
        let drivers = forecast.drivers.map { ["term": $0.term, "effect": Format.signed($0.effect, 3)] }
        let others = try store.runs(limit: 30).filter { $0.id != row.id }.map(runSummary)
        var context: [String: Any] = ["csrf": csrf, "run": runSummary(row), "title": scenario.title,
                                      "scenarioPath": Self.escapePath(scenario.id), "force": basis.forceText(forecast),
                                      "explanation": explanation, "charts": charts, "levels": levels,
                                      "members": members, "drivers": drivers, "reasons": forecast.trigger.reasons,
                                      "others": others, "hasOthers": !others.isEmpty, "runPath": String(row.id)]
        // Mustache shows a section for an empty string too: the key is set only when there is a reason.
        if let reason = basis.withheldReason, forecast.force != nil { context["withheld"] = reason }
        if let intervals {
            context["uncertainty"] = ["fits": intervals.fits, "draws": Format.grouped(Double(intervals.draws)), "unilateral": intervals.unilateral]
        }
        if let sensitivity = sensitivityContext(report) { context["sensitivity"] = sensitivity }
        return try render("run", context)
    }

    func comparePage(_ a: String, _ b: String, _ csrf: String) throws -> Response {
        let left = try loadRun(a), right = try loadRun(b)
        // One y scale for both ladders, so equal bars look equal.
        let top = LadderChart.sharedTop([left.2, right.2])
        func column(_ run: (Store.RunRow, Scenario, CrisisForecast), _ label: String) -> [String: Any] {
            let f = run.2
            return ["label": label, "run": runSummary(run.0), "title": run.1.title,
                    "ladder": LadderChart(f, top: top).render(.standard).svg,
                    "unilateral": Format.percentage(f.unilateral),
                    "force": DeploymentBasis(f).forceText(f),
                    "explanation": CrisisExplanation(scenario: run.1, snapshot: catalog.dataset.snapshot(on: run.1.date),
                                                     forecast: f).sentences.dropFirst(2).prefix(2).joined(separator: " ")]
        }
        let rows = (0..<6).map { k -> [String: Any] in
            let p = left.2.levels[k], q = right.2.levels[k]
            return ["level": Self.levelName(k), "a": Format.percentage(p), "b": Format.percentage(q),
                    "difference": Format.signed((q - p) * 100, 1) + " pts"]
        }
        let differences = RunPresentation.differences(left.0, right.0)
        var context: [String: Any] = ["csrf": csrf, "a": column(left, "A"), "b": column(right, "B"), "rows": rows,
                                      "differences": differences, "sameInputs": differences.isEmpty,
                                      "expectedA": Format.fixed(left.2.expectedLevel, 2),
                                      "expectedB": Format.fixed(right.2.expectedLevel, 2),
                                      "expectedDifference": Format.signed(right.2.expectedLevel - left.2.expectedLevel, 2)]
        if left.0.run.draws != right.0.run.draws {
            context["drawNote"] = "The runs rest on different numbers of draws (\(Format.grouped(Double(left.0.run.draws))) and "
                + "\(Format.grouped(Double(right.0.run.draws)))): part of any difference is Monte Carlo noise, larger for the smaller run."
        }
        return try render("compare", context)
    }
}
