import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// The scenario pages: the home page (every scenario and the latest runs), the scenario form
/// (new, edit, edit as text, delete).
extension PageRoutes {
    func registerScenarios(on pages: RouterGroup<WorkbenchContext>) {
        pages.get("/") { _, context -> Response in try home(context.csrf) }
        pages.get("scenarios/new") { _, context -> Response in
            try scenarioPage(nil, form: .blank, errors: [], csrf: context.csrf, status: .ok)
        }
        pages.post("scenarios") { _, context -> Response in
            let form = ScenarioForm(values: context.form)
            do {
                let saved = try save(form, mode: .create)
                return .redirect("/scenarios/\(Self.escapePath(saved.scenario.id))")
            } catch let error as APIError {
                return try scenarioPage(nil, form: form, errors: Self.problems(error), csrf: context.csrf, status: error.status)
            }
        }
        pages.get("scenarios/:id") { _, context -> Response in
            let resolved = try workbench.scenario(try context.parameter("id"))
            let form = resolved.scenario.kind == .crisis ? ScenarioForm(resolved.scenario) : ScenarioForm(values: [:])
            return try scenarioPage(resolved, form: form, errors: [], csrf: context.csrf, status: .ok)
        }
        pages.post("scenarios/:id") { _, context -> Response in
            let id = try context.parameter("id")
            let current = try workbench.scenario(id)
            let form = ScenarioForm(values: context.form)
            do {
                let saved = try save(form, mode: .update, expectedID: id)
                return .redirect("/scenarios/\(Self.escapePath(saved.scenario.id))")
            } catch let error as APIError {
                return try scenarioPage(current, form: form, errors: Self.problems(error), csrf: context.csrf, status: error.status)
            }
        }
        pages.post("scenarios/:id/text") { _, context -> Response in
            // The scenario file edited as text: any kind, issue scenarios included. A built-in's
            // text is saved as a new user scenario (its id must change), a user's as a new version.
            let current = try workbench.scenario(try context.parameter("id"))
            let text = context.form["yaml"] ?? ""
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
                return try scenarioPage(edited, form: form, errors: [], csrf: context.csrf, status: error.status, textErrors: problems)
            }
        }
        pages.post("scenarios/:id/delete") { _, context -> Response in
            let id = try context.parameter("id")
            guard catalog.builtIn(id) == nil else { throw APIError(.forbidden, "built-in scenarios cannot be deleted") }
            _ = try store.deleteScenario(id, now: Workbench.timestamp())
            return .redirect("/")
        }
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
}
