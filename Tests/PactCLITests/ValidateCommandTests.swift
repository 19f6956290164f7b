import Foundation
import Testing

/// `pact validate` and `pact calibrate` as a user runs them, on a toy directory of two cases
/// with few draws (the full library and full fits are too slow for tests).
@Suite("pact validate, calibrate")
struct ValidateCommandTests {
    @Test func validateJSONHasSpecSection8sShape() throws {
        let directory = try makeCaseDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runPact(["validate", directory.path, "--format", "json", "--draws", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(cases.map { $0["id"] as? String } == ["toy-deployment", "toy-unrest"])
        #expect(cases.map { $0["actual"] as? Int } == [5, 0])
        for entry in cases {
            let levels = try #require(entry["levels"] as? [Double])
            #expect(levels.count == 6)
            #expect(abs(levels.reduce(0, +) - 1) < 1e-9)
            #expect(entry["modal"] is Int)
            let rps = try #require(entry["rps"] as? Double)
            #expect(rps >= 0 && rps <= 1)
        }
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["n"] as? Int == 2)
        for key in ["accuracy", "within_one", "rps", "brier"] { #expect(summary[key] is Double || summary[key] is Int, "\(key)") }
        let baselines = try #require(summary["baselines"] as? [String: Any])
        // Leaving each case out, the base rate of one case is the other case's level: the
        // forecast is always certainly wrong, by 5 levels, so its RPS is 1 and "always none"
        // scores (1 + 0) / 2.
        #expect((baselines["base_rate"] as? [String: Any])?["rps"] as? Double == 1)
        #expect((baselines["always_none"] as? [String: Any])?["rps"] as? Double == 0.5)
        // The schema version, then the documented keys in their order, byte for byte.
        #expect(result.stdout.hasPrefix("{\n  \"schema_version\": 1,\n  \"cases\": [\n    {\n      \"id\": \"toy-deployment\",\n      \"actual\": 5,\n      \"levels\": ["))
        let order = ["\"n\"", "\"accuracy\"", "\"within_one\"", "\"rps\": ", "\"brier\": ", "\"baselines\""]
            .map { result.stdout.range(of: $0, range: result.stdout.range(of: "\"summary\"")!.upperBound..<result.stdout.endIndex)!.lowerBound }
        #expect(order == order.sorted())
        // The same command gives the same bytes.
        #expect(try runPact(["validate", directory.path, "--format", "json", "--draws", "200"]).stdout == result.stdout)
    }

    @Test func validateOnACaseWithoutAnOutcomeExits2NamingTheField() throws {
        let directory = try makeCaseDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("c-no-outcome.yaml")
        try toyUnrest.replacingOccurrences(of: "id: toy-unrest", with: "id: toy-no-outcome")
            .components(separatedBy: "outcome:")[0].write(to: file, atomically: true, encoding: .utf8)
        let result = try runPact(["validate", directory.path, "--draws", "50"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("\(file.path): outcome: a case needs an outcome block"))
    }

    @Test func validateTableShowsTheBaselinesAndTheReliabilityView() throws {
        let directory = try makeCaseDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runPact(["validate", directory.path, "--draws", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("base rate (leave-one-out)"))
        #expect(result.stdout.contains("always none"))
        #expect(result.stdout.contains("P(level >= 3)"))
        #expect(result.stdout.contains("toy-unrest"))
    }

    @Test func aMissingParameterFileOrAnEmptyTimeSplitIsBadInput() throws {
        #expect(try runPact(["validate", "--params", "x.yaml", "--cross-validate"]).status == 2)
        // No case before 1990: nothing to fit on.
        let early = try runPact(["validate", "--time-split", "1990", "--draws", "20"])
        #expect(early.status == 2)
        #expect(early.stderr.contains("no case is dated before 1990"))
    }

    @Test func calibrateWritesAParameterFileThatValidateLoads() throws {
        let directory = try makeCaseDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.deletingLastPathComponent().appendingPathComponent("pact-fit-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let fit = try runPact(["calibrate", directory.path, "--fit-draws", "50", "--max-evaluations", "6",
                                      "--draws", "100", "-o", output.path])
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stdout.contains("Fitted weights"))
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.replacingOccurrences(of: "\n  ", with: " ").contains("fitted by `pact calibrate`"))
        let validate = try runPact(["validate", directory.path, "--draws", "100", "--params", output.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        let run = try runPact(["run", directory.appendingPathComponent("a-deployment.yaml").path, "--draws", "100",
                                      "--params", output.path])
        #expect(run.status == 0, "\(run.stderr)")
    }
}

/// A directory holding two toy cases: a deployment (invited help against framed unrest) and
/// unrest nobody asked the organization about.
private func makeCaseDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try toyDeployment.write(to: url.appendingPathComponent("a-deployment.yaml"), atomically: true, encoding: .utf8)
    try toyUnrest.write(to: url.appendingPathComponent("b-unrest.yaml"), atomically: true, encoding: .utf8)
    return url
}

private let toyDeployment = """
    id: toy-deployment
    title: Invited help against unrest framed as foreign-backed
    date: 2022-01-05
    kind: crisis
    crisis:
      type: internal-unrest
      location: KAZ
      territory: sovereign
      requester: KAZ
      article: 4
      adversary: {kind: nonstate, external_backing: alleged}
      severity: {deaths: 225, displaced: 0, territory_km2: 0}
      expected_duration_days: 14
    outcome:
      level: 5
      unilateral: false
      force: {total: 2000, days_to_first_arrival: 1}
      summary: A toy deployment.
      sources: ["toy"]

    """

private let toyUnrest = """
    id: toy-unrest
    title: Unrest nobody asked about
    date: 2020-08-09
    kind: crisis
    crisis:
      type: internal-unrest
      location: BLR
      territory: sovereign
      adversary: {kind: internal, external_backing: alleged}
      severity: {deaths: 3, displaced: 0, territory_km2: 0}
      expected_duration_days: 30
    outcome:
      level: 0
      unilateral: false
      summary: Nothing happened.
      sources: ["toy"]

    """
