import Foundation
import Testing

/// `pact run`, run as a user runs it: the built binary in a child process.
@Suite("pact run")
struct RunCommandTests {
    @Test func jsonIsIdenticalForOneThreadAndMany() throws {
        let one = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "3000", "--threads", "1", "--format", "json"])
        let many = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "3000", "--threads", "3", "--format", "json"])
        #expect(one.status == 0)
        #expect(one.stdout == many.stdout)
        // SPEC section 8's keys, in its order.
        let keys = ["\"scenario\"", "\"draws\"", "\"seed\"", "\"levels\"", "\"modal\"", "\"unilateral\"", "\"force\"",
                    "\"days_to_first_arrival\"", "\"members\"", "\"drivers\""]
        let positions = keys.compactMap { one.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        let json = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any]
        let result = try #require((json?["results"] as? [[String: Any]])?.first)
        let levels = try #require(result["levels"] as? [Double])
        #expect(levels.count == 6)
        #expect(abs(levels.reduce(0, +) - 1) < 1e-9)
        #expect(result["seed"] as? Int == 1)
    }

    @Test func forceAndArrivalAreNullWithoutDeployments() throws {
        let result = try runPact(["run", "kgz-tjk-water-clash-2026", "--draws", "500", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"force\": null"))
        #expect(result.stdout.contains("\"days_to_first_arrival\": null"))
    }

    @Test func differentSeedsGiveDifferentNumbers() throws {
        let a = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "2000", "--format", "csv"])
        let b = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "2000", "--seed", "2", "--format", "csv"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout != b.stdout)
    }

    @Test func noArgumentRunsEveryBuiltInScenario() throws {
        let result = try runPact(["run", "--draws", "500"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("scenario") == true)
        #expect(lines.first?.contains("unilateral") == true)
        #expect(lines.contains { $0.hasPrefix("kgz-tjk-water-clash-2026") })
        // Issue scenarios go to the bargaining model and get their own table.
        #expect(lines.contains { $0.hasPrefix("issue ") && $0.contains("forecast median") })
        #expect(lines.contains { $0.hasPrefix("csto-nato-contacts-2026") })
    }

    @Test func caseIdsRunLikeScenarios() throws {
        let result = try runPact(["run", "kaz-2022-01", "--draws", "1000", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("scenario,P0,P1,P2,P3,P4,P5,modal,unilateral,draws,deployment draws,"
            + "force (troops if deployed),days to first troops (if deployed)\nkaz-2022-01,"))
    }

    @Test func explainPrintsTheTriggerMembersAndDrivers() throws {
        let result = try runPact(["run", "kgz-tjk-water-clash-2026", "--draws", "500", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Article 1"))
        #expect(result.stdout.contains("adversary"))
        #expect(result.stdout.contains("effect on expected level"))
    }

    @Test func aBrokenParameterFileIsABadInput() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-params-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try "parameters:\n  baseline: {default: 9, low: 0, high: 1, doc: out of range}\n".write(to: url, atomically: true, encoding: .utf8)
        let result = try runPact(["run", "kgz-mass-unrest-2026", "--params", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("parameters.baseline"))
    }

    @Test func anUnknownScenarioIsAUsageError() throws {
        let result = try runPact(["run", "no-such-scenario"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("built-in ids are"))
    }
}
