import Foundation
import PactEngine
import PactModel
import Testing
@testable import PactReport

/// The one writer of a backtest (used by `pact validate`, `pact calibrate` and `/api/validate`):
/// the documented keys in the documented order, and hand-computed scores.
@Suite("Backtest report")
struct BacktestReportTests {
    static let report = BacktestReport([
        CaseForecast(id: "kaz-2022-01", levels: [0, 0, 0, 0, 0.1, 0.9], unilateral: 0.1, actual: .deployment, actualUnilateral: false),
        CaseForecast(id: "ukr-2022-02", levels: [0.8, 0.2, 0, 0, 0, 0], unilateral: 0.9, actual: .none, actualUnilateral: true),
    ], label: "in-sample")

    @Test func jsonKeysInTheDocumentedOrder() throws {
        let text = Self.report.json(settings: [.init("draws", .number(10)), .init("seed", .number(UInt64.max))]).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Array(object.keys).sorted() == ["cases", "draws", "reliability", "seed", "summary"])
        // Order as written: cases, summary, reliability, then the settings; the seed exact.
        let order = ["\"cases\"", "\"summary\"", "\"reliability\"", "\"draws\"", "\"seed\": 18446744073709551615"]
            .map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        let first = try #require((object["cases"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "kaz-2022-01")
        #expect(first["actual"] as? Int == 5 && first["modal"] as? Int == 5)
        // RPS: cumulative forecast 0, 0, 0, 0, 0.1 against an outcome of 5 (all zeros) -> 0.01 / 5.
        #expect(abs((first["rps"] as? Double ?? -1) - 0.002) < 1e-12)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(Set(summary.keys) == ["n", "accuracy", "within_one", "rps", "brier", "unilateral_brier", "baselines",
                                      "rps_skill_over_base_rate"])
        #expect(summary["n"] as? Int == 2 && summary["accuracy"] as? Double == 1)
        // With two cases each one's base rate is the other's level, certain and at the far end of
        // the ladder (5 against 0): RPS 1.
        let baseRate = try #require((summary["baselines"] as? [String: [String: Any]])?["base_rate"])
        #expect(baseRate["rps"] as? Double == 1)
    }

    @Test func textTablesAndTargets() {
        let text = Self.report.renderText(markdown: false)
        #expect(text.contains("Summary (in-sample)"))
        #expect(text.contains("Pact (in-sample)"))
        // Both modal levels right; RPS 0.002 and 0.008 against 1 for the base rate: skill 99.5%.
        #expect(Self.report.targetLines[0] == "mean RPS 100% below the base rate (target 40%): met")
        #expect(Self.report.targetLines[1] == "modal right 100% (target 75%): met")
        #expect(Self.report.renderText(markdown: true).contains("### Accuracy targets"))
    }
}
