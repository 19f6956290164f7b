import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// The case library page: every historical case with its coded outcome and the model's score on
/// it, and the shipped record of in-sample and held-out scores.
extension PageRoutes {
    func registerCases(on pages: RouterGroup<WorkbenchContext>) {
        pages.get("cases") { _, context -> Response in try render("cases", try await casesContext(context.csrf)) }
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
}
