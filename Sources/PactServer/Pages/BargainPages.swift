import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// The bargaining pages: the stakeholder form (`/bargain`), each stored bargaining run
/// (`/bargain/runs/{id}`) and its JSON download. A run posted through the form is stored, so it
/// has a page and a link; the model has no randomness, so a stored table replays exactly.
extension PageRoutes {
    func registerBargaining(on pages: RouterGroup<WorkbenchContext>) {
        pages.get("bargain") { request, context -> Response in
            let query = request.uri.queryParameters
            return try await bargainPage(scenario: query.get("scenario"), from: query.get("from"), posted: nil, csrf: context.csrf)
        }
        pages.post("bargain") { _, context -> Response in
            try await bargainPage(scenario: context.form["scenario"], from: nil, posted: context.form, csrf: context.csrf)
        }
        pages.get("bargain/runs/:id") { _, context -> Response in try bargainRunPage(try context.parameter("id"), context.csrf) }
        pages.get("bargain/compare") { request, context -> Response in
            let query = request.uri.queryParameters
            return try bargainComparePage(query.get("a") ?? "", query.get("b") ?? "", context.csrf)
        }
        pages.get("bargain/runs/:id/result.json") { _, context -> Response in
            let row = try loadBargain(try context.parameter("id"))
            return RunPresentation.download(row.bargain.result, type: "application/json", name: "bargain-\(row.id).json")
        }
    }

    /// The stakeholders of a stored run, as typed (capabilities filled from the dataset marked).
    struct StoredStakeholder: Codable, Sendable {
        var actor: String
        var capability: Double
        var position: Double
        var salience: Double
        var filled: Bool
    }

    func loadBargain(_ text: String) throws -> Store.BargainRow {
        guard let id = Int64(text), let row = try store.bargain(id) else { throw APIError.notFound("bargaining run '\(text)'") }
        return row
    }

    static func stakeholders(_ row: Store.BargainRow) throws -> [StoredStakeholder] {
        do {
            return try JSONDecoder().decode([StoredStakeholder].self, from: Data(row.bargain.stakeholders.utf8))
        } catch {
            throw APIError(.internalServerError, "bargaining run \(row.id)'s stored table cannot be read")
        }
    }

    /// Issue scenarios: the built-ins, then the user's.
    func issueScenarios() throws -> [Scenario] {
        let users = try store.scenarios().filter { $0.kind == Scenario.Kind.issue.rawValue }
            .compactMap { try? workbench.parse($0.yaml, file: $0.id) }
        return (catalog.builtIns.map(\.scenario) + users).filter { $0.kind == .issue }
    }

    func bargainSummary(_ row: Store.BargainRow) -> [String: Any] {
        var item: [String: Any] = ["id": String(row.id), "title": row.bargain.title, "variant": row.bargain.variant,
                                   "created": RunPresentation.time(row.bargain.createdAt)]
        if let object = try? JSONSerialization.jsonObject(with: Data(row.bargain.result.utf8)) as? [String: Any] {
            if let median = object["median"] as? Double { item["median"] = Format.fixed(median, 2) }
            if let rounds = object["rounds"] as? [Any] { item["rounds"] = rounds.count - 1 }
        }
        return item
    }

    func bargainPage(scenario id: String?, from: String?, posted: [String: String]?, csrf: String) async throws -> Response {
        let issues = try issueScenarios()
        var stored: Store.BargainRow?
        if let from { stored = try loadBargain(from) }
        let wanted = posted?["scenario"] ?? id ?? stored?.bargain.scenarioID
        let selected = wanted.flatMap { w in issues.first { $0.id == w } } ?? (stored == nil ? issues.first : nil)
        var context: [String: Any] = ["csrf": csrf, "issues": issues.map { ["id": $0.id, "title": $0.title, "selected": $0.id == selected?.id] }]
        var rows: [[String: String]] = []
        var invalid: [Int: Set<String>] = [:]
        var rounds = "10", variant = BargainingVariant.scholz, settle = false
        if let posted {
            let form = BargainForm(fields: posted)
            rounds = form.rounds
            variant = BargainingVariant(rawValue: form.variant) ?? .scholz
            settle = form.stopWhenSettled
            let date = selected?.date ?? Day(utc: Date())
            let reading = form.read(capabilityIndex: catalog.dataset.snapshot(on: date).capabilityIndex, date: date)
            var problems = reading.problems
            let roundCount = Int(form.rounds)
            if roundCount.map({ !(0...1000).contains($0) }) ?? true {
                problems.append(InputError(file: "", line: nil, field: "rounds", found: form.rounds,
                                           message: "must be a whole number between 0 and 1000, found '\(form.rounds)'"))
            }
            if BargainingVariant(rawValue: form.variant) == nil {
                problems.append(InputError(file: "", line: nil, field: "variant", found: form.variant, message: "is not a variant",
                                           allowed: BargainingVariant.allCases.map(\.rawValue)))
            }
            rows = form.rows.map { row in
                var cells = row.cells
                cells["number"] = String(row.number)
                return cells
            }
            for problem in problems {
                let words = problem.field.split(separator: " ")
                if words.count == 3, words[0] == "row", let n = Int(words[1]) { invalid[n, default: []].insert(String(words[2])) }
            }
            if problems.isEmpty, let roundCount {
                let request = Bargain.Request(rounds: roundCount, variant: variant, scenario: selected?.id,
                                              stakeholders: reading.actors, stopWhenSettled: settle)
                do {
                    var request = request
                    request.filled = Set(form.rows.indices.filter { reading.filled.contains(form.rows[$0].number) })
                    let result = try await Bargain.run(request, workbench: workbench)
                    let id = try Bargain.store(result, request: request, actors: reading.actors, in: store)
                    return .redirect("/bargain/runs/\(id)")
                } catch let error as APIError {
                    problems.append(contentsOf: PageRoutes.problems(error))
                    context["status"] = Int(error.status.code)
                }
            }
            context["errors"] = problems.map { p in
                (p.field.isEmpty ? "" : "\(p.field): ") + p.message
            }
        } else if let stored {
            let table = try Self.stakeholders(stored)
            rows = table.map { s in
                ["actor": s.actor, "capability": s.filled ? "" : Format.compact(s.capability),
                 "position": Format.compact(s.position), "salience": Format.compact(s.salience)]
            }
            rounds = String(stored.bargain.rounds)
            variant = BargainingVariant(rawValue: stored.bargain.variant) ?? .scholz
            settle = stored.bargain.stopWhenSettled
        } else if let selected {
            // The scenario's table as written: a capability the file leaves out stays blank and
            // is filled from the dataset when the form is run.
            rows = (selected.issue?.stakeholders ?? []).map { s in
                ["actor": s.actor.rawValue, "capability": s.capability.map(Format.compact) ?? "",
                 "position": Format.compact(s.position), "salience": Format.compact(s.salience)]
            }
        }
        let target = max(3, rows.count + 1)
        while rows.count < target { rows.append([:]) }
        context["rows"] = rows.enumerated().map { i, row -> [String: Any] in
            let number = Int(row["number"] ?? "") ?? i + 1
            return ["index": String(number - 1), "number": number,
                    "cells": BargainForm.columns.map { column -> [String: Any] in
                        ["column": column, "value": row[column] ?? "", "invalid": invalid[number]?.contains(column) == true,
                         "size": column == "actor" ? 8 : 6]
                    }]
        }
        context["roundsValue"] = rounds
        context["settle"] = settle
        context["variants"] = BargainingVariant.allCases.map { ["name": $0.rawValue, "selected": $0 == variant] }
        context["question"] = selected?.issue?.question ?? ""
        if let scale = selected?.issue?.scale {
            context["scale"] = "\(Format.compact(scale.min)) = \(scale.minLabel), \(Format.compact(scale.max)) = \(scale.maxLabel)"
        }
        if let date = selected?.date { context["date"] = date.description }
        let recent = try store.bargains(limit: 20).map(bargainSummary)
        context["recent"] = recent
        context["hasRecent"] = !recent.isEmpty
        let failed = (context["errors"] as? [String]).map { !$0.isEmpty } ?? false
        let status = failed ? HTTPResponse.Status(code: context["status"] as? Int ?? 422) : .ok
        return try render("bargain", context, status: status)
    }

    /// A stored run replayed: the model has no randomness, so the stored table and settings give
    /// back exactly the rounds that were shown when it was made.
    struct Replayed {
        var row: Store.BargainRow
        var table: [StoredStakeholder]
        var scenario: Scenario?
        var variant: BargainingVariant
        var run: BargainingRun
    }

    func replay(_ text: String) throws -> Replayed {
        let row = try loadBargain(text)
        let table = try Self.stakeholders(row)
        let scenario = row.bargain.scenarioID.flatMap { id in try? workbench.scenario(id).scenario }
        guard let variant = BargainingVariant(rawValue: row.bargain.variant) else {
            throw APIError(.internalServerError, "bargaining run \(row.id) names an unknown variant")
        }
        let actors = table.map { BargainingActor(name: $0.actor, capability: $0.capability, position: $0.position, salience: $0.salience) }
        do {
            let run = try BargainingModel(actors: actors, variant: variant).run(rounds: row.bargain.rounds, keeping: .summaries)
                .settled(row.bargain.stopWhenSettled)
            return Replayed(row: row, table: table, scenario: scenario, variant: variant, run: run)
        } catch {
            throw APIError(.internalServerError, "bargaining run \(row.id) cannot be replayed: \(error)")
        }
    }

    func bargainRunPage(_ text: String, _ csrf: String) throws -> Response {
        let replayed = try replay(text)
        let (row, table, scenario, variant, run) = (replayed.row, replayed.table, replayed.scenario, replayed.variant, replayed.run)
        let names = run.displayNames(in: catalog.dataset)
        let result = Bargain.Result(run: run, scenario: scenario, names: names)
        let chart = result.chart
        let convergence = BargainingConvergence(run)
        var context: [String: Any] = [
            "csrf": csrf, "run": bargainSummary(row), "title": row.bargain.title,
            "question": scenario?.issue?.question ?? "", "variant": variant.rawValue, "variantSummary": variant.summary,
            "asked": row.bargain.rounds, "settleRule": row.bargain.stopWhenSettled,
            "svg": chart.svg, "caption": chart.caption,
            "median": Format.fixed(run.final.median, 2), "mean": Format.fixed(run.final.mean, 2), "rounds": run.rounds.count - 1,
            "actors": run.actors.indices.map { i in
                ["name": names[i], "capability": Format.fixed(table[i].capability, 2), "filled": table[i].filled,
                 "salience": Format.compact(table[i].salience),
                 "start": Format.fixed(run.actors[i].position, 2), "final": Format.fixed(run.final.positions[i], 2)] as [String: Any]
            },
            "roundRows": BargainingConvergence.roundRows(run).map { ["cells": $0] },
            "settled": convergence.isSettled, "hasFilled": table.contains { $0.filled },
        ]
        if let finding = convergence.finding { context["finding"] = finding }
        if let scale = scenario?.issue?.scale {
            context["scale"] = "\(Format.compact(scale.min)) = \(scale.minLabel), \(Format.compact(scale.max)) = \(scale.maxLabel)"
        }
        if let id = row.bargain.scenarioID { context["scenarioID"] = id; context["scenarioPath"] = Self.escapePath(id) }
        let others = try store.bargains(limit: 20).filter { $0.id != row.id }.map(bargainSummary)
        context["others"] = others
        context["hasOthers"] = !others.isEmpty
        return try render("bargain-run", context)
    }

    /// Two stored bargaining runs side by side: what differs in their inputs (issue, variant,
    /// rounds, each stakeholder's numbers), their forecasts with B − A, and each stakeholder's
    /// final position in both.
    func bargainComparePage(_ a: String, _ b: String, _ csrf: String) throws -> Response {
        let left = try replay(a), right = try replay(b)
        func column(_ r: Replayed, _ label: String) -> [String: Any] {
            let names = r.run.displayNames(in: catalog.dataset)
            let chart = Bargain.Result(run: r.run, scenario: r.scenario, names: names).chart
            return ["label": label, "run": bargainSummary(r.row), "title": r.row.bargain.title, "svg": chart.svg,
                    "question": r.scenario?.issue?.question ?? ""]
        }
        func figure(_ label: String, _ x: Double, _ y: Double) -> [String: String] {
            ["figure": label, "a": Format.fixed(x, 2), "b": Format.fixed(y, 2), "difference": Format.signed(y - x, 2)]
        }
        let l = left.run, r = right.run
        let rows = [figure("forecast median", l.final.median, r.final.median), figure("weighted mean", l.final.mean, r.final.mean),
                    figure("opening median", l.rounds[0].median, r.rounds[0].median),
                    figure("rounds played", Double(l.rounds.count - 1), Double(r.rounds.count - 1))]
        let differences = Self.inputDifferences(left, right)
        // Every stakeholder of either run: its final position in each (blank where absent).
        var names: [String] = left.table.map(\.actor)
        for s in right.table where !names.contains(s.actor) { names.append(s.actor) }
        let actors = names.map { name -> [String: String] in
            let i = left.table.firstIndex { $0.actor == name }, j = right.table.firstIndex { $0.actor == name }
            let x = i.map { l.final.positions[$0] }, y = j.map { r.final.positions[$0] }
            return ["name": catalog.dataset.actors[ActorID(name)]?.name ?? name,
                    "a": x.map { Format.fixed($0, 2) } ?? "", "b": y.map { Format.fixed($0, 2) } ?? "",
                    "difference": x.flatMap { x in y.map { Format.signed($0 - x, 2) } } ?? ""]
        }
        let context: [String: Any] = ["csrf": csrf, "a": column(left, "A"), "b": column(right, "B"), "rows": rows,
                                      "differences": differences, "sameInputs": differences.isEmpty, "actors": actors]
        return try render("bargain-compare", context)
    }

    /// What a reader must know before reading two runs' difference as the effect of something:
    /// each input that differs, in words.
    static func inputDifferences(_ a: Replayed, _ b: Replayed) -> [String] {
        var lines: [String] = []
        if a.row.bargain.title != b.row.bargain.title { lines.append("issue: \(a.row.bargain.title) / \(b.row.bargain.title)") }
        if a.variant != b.variant { lines.append("variant: \(a.variant.rawValue) / \(b.variant.rawValue)") }
        if a.row.bargain.rounds != b.row.bargain.rounds {
            lines.append("rounds asked for: \(a.row.bargain.rounds) / \(b.row.bargain.rounds)")
        }
        if a.row.bargain.stopWhenSettled != b.row.bargain.stopWhenSettled {
            lines.append("stop when settled: \(a.row.bargain.stopWhenSettled ? "yes" : "no") / \(b.row.bargain.stopWhenSettled ? "yes" : "no")")
        }
        for s in a.table where !b.table.contains(where: { $0.actor == s.actor }) { lines.append("\(s.actor): only in A") }
        for s in b.table where !a.table.contains(where: { $0.actor == s.actor }) { lines.append("\(s.actor): only in B") }
        for s in a.table {
            guard let t = b.table.first(where: { $0.actor == s.actor }) else { continue }
            var changes: [String] = []
            for (name, x, y) in [("position", s.position, t.position), ("salience", s.salience, t.salience),
                                 ("capability", s.capability, t.capability)] where x != y {
                changes.append("\(name) \(PlainNumber.text(x)) → \(PlainNumber.text(y))")
            }
            if !changes.isEmpty { lines.append("\(s.actor): " + changes.joined(separator: ", ")) }
        }
        return lines
    }
}
