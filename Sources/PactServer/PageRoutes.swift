import Foundation
import Hummingbird
import Mustache
import PactData
import PactEngine
import PactModel
import PactReport

/// The browser workbench: server-rendered pages over the same `Workbench` the API uses.
///
/// Every page sets a `pact_csrf` cookie when the browser has none and puts the same value into
/// its forms; a form post whose `csrf` field does not match the cookie is refused.
struct PageRoutes: Sendable {
    let workbench: Workbench
    let templates: MustacheLibrary
    let tokenRequired: Bool
    var caseScores: CaseScores { workbench.caseScores }
    var catalog: Catalog { workbench.catalog }
    var store: Store { workbench.store }

    func register(on router: Router<BasicRequestContext>) {
        router.get("static/pact.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: Resources.stylesheet)))
        }
        router.get("/", use: page { request, csrf in try home(csrf) })
        router.get("scenarios/new", use: page { request, csrf in
            try scenarioPage(nil, form: .blank, errors: [], csrf: csrf, status: .ok)
        })
        router.post("scenarios", use: form { request, fields, csrf in
            let form = ScenarioForm(values: fields)
            do {
                let saved = try save(form, mode: .create)
                return .redirect("/scenarios/\(Self.escapePath(saved.scenario.id))")
            } catch let error as APIError {
                return try scenarioPage(nil, form: form, errors: Self.problems(error), csrf: csrf, status: error.status)
            }
        })
        router.get("scenarios/:id", use: page { request, csrf in
            let resolved = try workbench.scenario(try requireParameter(request, "id"))
            let form = resolved.scenario.kind == .crisis ? ScenarioForm(resolved.scenario) : ScenarioForm(values: [:])
            return try scenarioPage(resolved, form: form, errors: [], csrf: csrf, status: .ok)
        })
        router.post("scenarios/:id", use: form { request, fields, csrf in
            let id = try requireParameter(request, "id")
            let current = try workbench.scenario(id)
            let form = ScenarioForm(values: fields)
            do {
                let saved = try save(form, mode: .update, expectedID: id)
                return .redirect("/scenarios/\(Self.escapePath(saved.scenario.id))")
            } catch let error as APIError {
                return try scenarioPage(current, form: form, errors: Self.problems(error), csrf: csrf, status: error.status)
            }
        })
        router.post("scenarios/:id/text", use: form { request, fields, csrf in
            // The scenario file edited as text: any kind, issue scenarios included. A built-in's
            // text is saved as a new user scenario (its id must change), a user's as a new version.
            let current = try workbench.scenario(try requireParameter(request, "id"))
            let text = fields["yaml"] ?? ""
            do {
                let saved = current.isBuiltIn
                    ? try workbench.save(yaml: text, mode: .create)
                    : try workbench.save(yaml: text, mode: .update, expectedID: current.scenario.id)
                return .redirect("/scenarios/\(Self.escapePath(saved.scenario.id))")
            } catch let error as APIError {
                let form = current.scenario.kind == .crisis ? ScenarioForm(current.scenario) : ScenarioForm(values: [:])
                var edited = current
                edited.yaml = text
                let problems = Self.problems(error).map { p in
                    (p.line.map { "line \($0): " } ?? "") + (p.field.isEmpty ? "" : "\(p.field): ") + p.message
                }
                return try scenarioPage(edited, form: form, errors: [], csrf: csrf, status: error.status, textErrors: problems)
            }
        })
        router.post("scenarios/:id/delete", use: form { request, _, _ in
            let id = try requireParameter(request, "id")
            guard catalog.builtIn(id) == nil else { throw APIError(.forbidden, "built-in scenarios cannot be deleted") }
            _ = try store.deleteScenario(id, now: Workbench.timestamp())
            return .redirect("/")
        })
        router.post("runs", use: form { request, fields, csrf in
            let id = fields["scenario"] ?? ""
            let draws = try Self.wholeNumber(fields["draws"], field: "draws", as: Int.self)
            let seed = try Self.wholeNumber(fields["seed"], field: "seed", as: UInt64.self, default: 1)
            let params = try Self.parameterLines(fields["params"] ?? "", known: Set(catalog.parameterNames))
            let row = try await workbench.run(RunRequest(scenarioID: id, draws: draws, seed: seed, params: params))
            return .redirect("/runs/\(row.id)")
        })
        router.get("runs/:id", use: page { request, csrf in
            try runPage(try requireParameter(request, "id"), csrf, uncertainty: request.uri.queryParameters.get("uncertainty") != nil)
        })
        // Downloads: the result as `pact run` writes it, its tables as CSV, the HTML report.
        router.get("runs/:id/result.json", use: page { request, _ in
            let (_, _, forecast) = try loadRun(try requireParameter(request, "id"))
            return RunPresentation.download(RunPresentation.json(forecast), type: "application/json", name: "run-\(try requireParameter(request, "id")).json")
        })
        for table in ["forecast", "members"] {
            router.get("runs/:id/\(table).csv", use: page { request, _ in
                let (_, _, forecast) = try loadRun(try requireParameter(request, "id"))
                return RunPresentation.download(RunPresentation.csv(forecast, table: table), type: "text/csv; charset=utf-8",
                                                name: "run-\(try requireParameter(request, "id"))-\(table).csv")
            })
        }
        router.get("runs/:id/report.html", use: page { request, _ in
            let (row, scenario, forecast) = try loadRun(try requireParameter(request, "id"))
            return RunPresentation.download(report(row, scenario, forecast).html(), type: "text/html; charset=utf-8",
                                            name: "run-\(row.id)-report.html")
        })
        router.get("compare", use: page { request, csrf in
            try comparePage(request.uri.queryParameters.get("a") ?? "", request.uri.queryParameters.get("b") ?? "", csrf)
        })
        router.get("cases", use: page { _, csrf in try render("cases", try await casesContext(csrf)) })
        router.get("data", use: page { request, csrf in
            try dataPage(request.uri.queryParameters.get("topic") ?? "members", request.uri.queryParameters.get("as_of"),
                         actor: request.uri.queryParameters.get("actor"), csrf)
        })
        registerBargaining(on: router)
        router.get("login", use: page { _, csrf in try render("login", ["csrf": csrf, "required": tokenRequired]) })
        router.post("login", use: form { _, fields, _ in
            var response = Response.redirect("/")
            response.setCookie(Cookie(name: "pact_token", value: Self.cookieSafe(fields["token"] ?? ""), path: "/", httpOnly: true,
                                      sameSite: .strict))
            return response
        })
    }

    // MARK: Plumbing

    func requireParameter(_ request: Request, _ name: String) throws -> String {
        // Route parameters arrive percent-encoded: the segment after the first `scenarios` or `runs`.
        let path = request.uri.path.split(separator: "/").map(String.init)
        guard let segment = zip(path, path.dropFirst()).first(where: { ["scenarios", "runs"].contains($0.0) })?.1 else {
            throw APIError.notFound(name)
        }
        return segment.removingPercentEncoding ?? segment
    }

    /// Saves the scenario form: its text boxes are read first, and when one fails the rest of
    /// the form is still checked, so every field's problem shows at once.
    func save(_ form: ScenarioForm, mode: Store.SaveMode, expectedID: String? = nil) throws -> ResolvedScenario {
        let document = form.document(knownParameters: catalog.loader.knownParameters)
        guard document.problems.isEmpty else {
            var problems = document.problems
            do {
                _ = try workbench.parse(document.yaml, file: "scenario")
            } catch let error as APIError {
                problems += error.problems
            }
            throw APIError(InputErrors(problems))
        }
        return try workbench.save(yaml: document.yaml, mode: mode, expectedID: expectedID)
    }

    /// A form's whole-number field; empty gives `fallback` (required when there is none).
    static func wholeNumber<T: FixedWidthInteger>(_ text: String?, field: String, as type: T.Type, default fallback: T? = nil)
        throws -> T
    {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty, let fallback { return fallback }
        guard let value = T(trimmed) else {
            let range = T.min == 0 ? "a whole number, 0 or more" : "a whole number"
            throw APIError(.unprocessableContent, trimmed.isEmpty ? "is required" : "must be \(range), found '\(trimmed)'",
                           field: field)
        }
        return value
    }

    static func escapePath(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    static func cookieSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7f && !"\";,\\".unicodeScalars.contains($0) }
            .map(Character.init))
    }

    /// The run form's parameter overrides, one per line: `name: value` or `name: [low, high]`,
    /// read by the parser of a scenario file's `uncertainty` block (``ParameterRangeText``).
    static func parameterLines(_ text: String, known: Set<String>?) throws -> [String: ClosedRange<Double>] {
        do {
            return try ParameterRangeText.parse(text, field: "params", known: known, singleValues: true)
        } catch let errors as InputErrors {
            let located = errors.errors.map { ScenarioForm.locatedInBox($0, field: "params") }
            throw APIError(.unprocessableContent, located.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
                           field: located.first?.field, problems: located)
        }
    }

    static func problems(_ error: APIError) -> [InputError] {
        error.problems.isEmpty
            ? [InputError(file: "", line: nil, field: error.field ?? "", message: error.message, allowed: error.allowed)]
            : error.problems
    }

    /// A GET page: the CSRF cookie is set when missing, errors become an error page.
    func page(_ body: @escaping @Sendable (Request, String) async throws -> Response)
        -> @Sendable (Request, BasicRequestContext) async throws -> Response
    {
        { request, _ in
            let existing = request.cookies["pact_csrf"]?.value
            let csrf = existing ?? RandomToken.make()
            var response: Response
            do {
                response = try await body(request, csrf)
            } catch let error as APIError {
                response = errorPage(error, csrf: csrf)
            }
            if existing == nil {
                response.setCookie(Cookie(name: "pact_csrf", value: csrf, path: "/", httpOnly: true, sameSite: .strict))
            }
            return response
        }
    }

    /// A form post: the body is capped, decoded, and its CSRF token checked against the cookie.
    func form(_ body: @escaping @Sendable (Request, [String: String], String) async throws -> Response)
        -> @Sendable (Request, BasicRequestContext) async throws -> Response
    {
        { request, _ in
            let csrf = request.cookies["pact_csrf"]?.value ?? ""
            do {
                let buffer = try await request.body.collect(upTo: workbench.limits.maxBodyBytes)
                let fields = FormDecoding.decode(String(buffer: buffer))
                guard !csrf.isEmpty, fields["csrf"] == csrf else {
                    throw APIError(.forbidden, "the form's security token is missing or stale; reload the page and try again")
                }
                return try await body(request, fields, csrf)
            } catch let error as APIError {
                return errorPage(error, csrf: csrf)
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                return errorPage(APIError(.contentTooLarge, "the form is larger than \(workbench.limits.maxBodyBytes) bytes"), csrf: csrf)
            }
        }
    }

    func render(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = templates.render(context, withTemplate: template) else {
            throw APIError(.internalServerError, "template \(template) is missing from the installation")
        }
        return .html(html, status: status)
    }

    func errorPage(_ error: APIError, csrf: String) -> Response {
        var context: [String: Any] = ["csrf": csrf, "status": Int(error.status.code), "message": error.message]
        // An empty field would print "(field: )": only a named field is shown.
        if let field = error.field, !field.isEmpty { context["field"] = field }
        if error.status == .notFound { context["notFound"] = true }
        if let allowed = error.allowed, !allowed.isEmpty {
            // A data topic or actor that does not exist: each valid one a link to its page.
            let link: ((String) -> String)? = switch error.field {
            case "topic": { "/data?topic=\(Self.escapePath($0))" }
            case "actor": { "/data?topic=relations&actor=\(Self.escapePath($0))" }
            default: nil
            }
            context["hasAllowed"] = true
            context["allowed"] = allowed.map { value in link.map { ["value": value, "href": $0(value)] } ?? ["value": value] }
        }
        return error.withHeaders((try? render("error", context, status: error.status)) ?? .html(error.message, status: error.status))
    }

    // MARK: Pages

    static func levelName(_ k: Int) -> String { ResponseLevel(rawValue: k).map { "\(k) \($0.name)" } ?? "\(k)" }

    func runSummary(_ row: Store.RunRow) -> [String: Any] {
        var item: [String: Any] = ["id": row.id, "scenario": row.run.scenarioID, "version": row.run.scenarioVersion,
                                   "draws": Format.grouped(Double(row.run.draws)), "seed": String(row.run.seed),
                                   "finished": RunPresentation.time(row.run.finishedAt),
                                   "started": RunPresentation.time(row.run.startedAt),
                                   "parameters": RunPresentation.parameters(row.run.params)]
        if let f = row.forecast {
            item["modal"] = Self.levelName(f.modal)
            item["modalShare"] = Format.percentage(f.levels[f.modal])
            item["expected"] = Format.fixed(f.expectedLevel, 2)
        }
        return item
    }

    func scenarioItem(_ scenario: Scenario, version: Int) throws -> [String: Any] {
        var item: [String: Any] = ["id": scenario.id, "path": Self.escapePath(scenario.id), "title": scenario.title,
                                   "date": scenario.date.description, "kind": scenario.kind.rawValue,
                                   "crisis": scenario.kind == .crisis, "version": version]
        if let latest = try store.runs(scenario: scenario.id, limit: 1).first { item["latest"] = runSummary(latest) }
        return item
    }

    func home(_ csrf: String) throws -> Response {
        let builtIns = try catalog.builtIns.map { try scenarioItem($0.scenario, version: 0) }
        let users = try store.scenarios().compactMap { row -> [String: Any]? in
            guard let s = try? workbench.parse(row.yaml, file: row.id) else { return nil }
            return try scenarioItem(s, version: row.version)
        }
        let runs = try store.runs(limit: 30).map(runSummary)
        return try render("home", ["csrf": csrf, "builtins": builtIns, "users": users, "hasUsers": !users.isEmpty,
                                   "runs": runs, "hasRuns": !runs.isEmpty, "canCompare": runs.count >= 2])
    }

    func scenarioPage(_ resolved: ResolvedScenario?, form: ScenarioForm, errors: [InputError], csrf: String,
                      status: HTTPResponse.Status, textErrors: [String] = []) throws -> Response {
        var context: [String: Any] = ["csrf": csrf, "fields": form.context(errors: errors),
                                      "unplaced": ScenarioForm.unplaced(errors), "hasErrors": !errors.isEmpty,
                                      "maxDraws": workbench.limits.maxDraws,
                                      "parameterNames": catalog.parameterNames.joined(separator: ", "),
                                      "parameterList": parameterList]
        if let resolved {
            let s = resolved.scenario
            context["scenario"] = try scenarioItem(s, version: resolved.version)
            context["builtin"] = resolved.isBuiltIn
            context["crisis"] = s.kind == .crisis
            context["issue"] = s.kind == .issue
            context["yaml"] = resolved.yaml
            context["textErrors"] = textErrors
            context["textOpen"] = !textErrors.isEmpty || s.kind == .issue
            context["action"] = resolved.isBuiltIn ? "/scenarios" : "/scenarios/\(Self.escapePath(s.id))"
            let runs = try store.runs(scenario: s.id, limit: 20).map(runSummary)
            context["runs"] = runs
            context["hasRuns"] = !runs.isEmpty
            let versions = resolved.isBuiltIn ? [] : try store.versions(of: s.id).map { ["version": $0.version, "created": $0.createdAt] }
            context["versions"] = versions
            context["hasVersions"] = !versions.isEmpty
        } else {
            context["crisis"] = true
            context["action"] = "/scenarios"
            context["new"] = true
        }
        return try render("scenario", context, status: status)
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

    func casesContext(_ csrf: String) async throws -> [String: Any] {
        let backtest = try await caseScores.backtest(catalog, timeout: workbench.limits.runTimeoutSeconds)
        let scores = Dictionary(backtest.cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let cases = catalog.cases.map { c -> [String: Any] in
            var item: [String: Any] = ["id": c.id, "title": c.title, "date": c.date.description,
                                       "outcome": c.outcome.map { Self.levelName($0.level.rawValue) } ?? "",
                                       "unilateral": c.outcome?.unilateral == true ? "yes" : "no",
                                       "summary": Self.lead(c.outcome?.summary ?? "")]
            if let score = scores[c.id] {
                item["score"] = ["modal": Self.levelName(score.modal.rawValue),
                                 "pActual": Format.percentage(score.levels[score.actual.rawValue]),
                                 "rps": Format.fixed(score.rps, 3), "hit": score.isHit ? "hit" : (score.isWithinOne ? "within one" : "miss")]
            }
            return item
        }
        let summary = backtest.summary
        var context: [String: Any] = [
            "csrf": csrf, "cases": cases, "scored": backtest.cases.count, "draws": Format.grouped(Double(CaseScores.draws)),
            "accuracy": Format.percentage(summary.model.accuracy), "withinOne": Format.percentage(summary.model.withinOne),
            "rps": Format.fixed(summary.model.rps, 3), "baseRPS": Format.fixed(summary.baseRate.rps, 3)]
        if let record = try Embedded.validationRecord() { context["honest"] = Self.honestScores(record) }
        return context
    }

    /// A text's first sentence and the rest, so a long summary can open on demand; the split
    /// falls after a sentence's full stop, never inside a word.
    static func lead(_ text: String) -> [String: String] {
        guard let stop = text.range(of: ". "), text[stop.upperBound...].count > 40 else { return ["lead": text] }
        return ["lead": String(text[..<stop.lowerBound]) + ".", "rest": String(text[stop.upperBound...])]
    }

    /// The shipped record of in-sample and out-of-sample scores, one row per design, for the case page.
    static func honestScores(_ record: ValidationRecord) -> [String: Any] {
        func skill(_ point: Double, _ low: Double, _ high: Double) -> String {
            "\(Format.fixed(point, 2)) (\(Format.fixed(low, 2)) to \(Format.fixed(high, 2)))"
        }
        return [
            "coverage": Format.percentage(record.coverage, decimals: 0), "command": record.command,
            "designs": record.designs.map { d -> [String: Any] in
                ["design": d.design, "cases": d.cases, "accuracy": Format.percentage(d.accuracy, decimals: 0),
                 "rps": Format.fixed(d.rps, 3), "baseRPS": Format.fixed(d.baseRPS, 3),
                 "rpsSkill": skill(d.rpsSkill, d.rpsSkillLow, d.rpsSkillHigh),
                 "unilateralSkill": skill(d.unilateralSkill, d.unilateralSkillLow, d.unilateralSkillHigh)]
            },
        ]
    }

    func dataPage(_ topic: String, _ asOf: String?, actor: String?, _ csrf: String) throws -> Response {
        let day = try DataTopics.day(asOf)
        let involving = try DataTopics.actor(actor, in: catalog.dataset)
        let rows = try DataTopics.rows(topic, in: DataTopicTables(dataset: catalog.dataset, day: day), involving: involving)
        let headers = rows.first.map { $0.map(\.key) } ?? []
        var context: [String: Any] = [
            "csrf": csrf, "asOf": day.description, "topic": topic,
            "topics": DataTopics.topics.map { ["name": $0, "current": $0 == topic] },
            "headers": headers.map { ["name": $0.replacingOccurrences(of: "_", with: " "), "wide": Self.wideColumns.contains($0)] },
            "rows": rows.map { row in
                ["cells": row.map { ["parts": DataTopics.cell($0.value), "wide": Self.wideColumns.contains($0.key)] as [String: Any] }]
            },
            "empty": rows.isEmpty, "count": rows.count,
            "organization": catalog.dataset.organization.name,
        ]
        if topic == DataTopicTables.Topic.relations.rawValue {
            context["relations"] = true
            context["actors"] = catalog.dataset.actorIDs.map { id in
                ["id": id.rawValue, "name": catalog.dataset.actors[id]?.name ?? id.rawValue, "selected": id == involving]
            }
        }
        return try render("data", context)
    }

    /// Columns of prose (sources, evidence): given room to wrap between words instead of squeezing.
    static let wideColumns: Set<String> = ["source", "evidence", "event", "cited_by", "basis", "legal_basis"]
}

/// `application/x-www-form-urlencoded` bodies into a dictionary (the last value of a repeated name wins).
enum FormDecoding {
    static func decode(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            func clean(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            if let equals = pair.firstIndex(of: "=") {
                fields[clean(pair[..<equals])] = clean(pair[pair.index(after: equals)...])
            } else {
                fields[clean(pair)] = ""
            }
        }
        return fields
    }
}
