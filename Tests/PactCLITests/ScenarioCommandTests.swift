import Foundation
import Testing

/// The scenario commands, run as a user runs them: the built `pact` binary in a child process.
@Suite("pact scenarios, show, check, schema")
struct ScenarioCommandTests {
    @Test func checkAcceptsAGoodFile() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("good.yaml").path
        try goodScenario.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runPact(["check", file])
        #expect(result.status == 0)
        #expect(result.stdout == "ok \(file)\n")
        #expect(result.stderr == "")
    }

    @Test func checkOnABrokenFileExits2WithEveryProblemOnStandardError() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.yaml").path
        let bad = directory.appendingPathComponent("bad.yaml").path
        try goodScenario.write(toFile: good, atomically: true, encoding: .utf8)
        try goodScenario.replacingOccurrences(of: "type: internal-unrest", with: "type: invasion")
            .replacingOccurrences(of: "location: KAZ", with: "location: XYZ")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try runPact(["check", good, bad])
        #expect(result.status == 2)
        #expect(result.stdout == "ok \(good)\n")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "\(bad):6: crisis.type: 'invasion' is not one of external-aggression, border-clash, "
            + "internal-unrest, insurgency, terrorism, resource-dispute, hybrid")
        #expect(lines.last?.hasPrefix("\(bad):7: crisis.location: unknown actor 'XYZ'; known actors are AFG, ARM")
            == true)
    }

    @Test func checkTreatsADirectoryAsASet() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try goodScenario.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try goodScenario.write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let result = try runPact(["check", directory.path])
        #expect(result.status == 2)
        #expect(result.stdout == "ok \(directory.path)/a.yaml\n")
        #expect(result.stderr == "\(directory.path)/b.yaml:1: id: 'cli-test' is already the id of "
            + "\(directory.path)/a.yaml; ids must be unique in a set\n")
    }

    @Test func checkWithoutArgumentsIsAUsageError() throws {
        #expect(try runPact(["check"]).status == 2)
    }

    @Test func scenariosListsTheBuiltIns() throws {
        let result = try runPact(["scenarios"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("id ") == true)
        #expect(lines.first?.contains("type / question") == true)
        #expect(lines.count == 2 + 9)
        let armenia = try #require(lines.first { $0.hasPrefix("arm-azerbaijani-attack-2026 ") })
        #expect(armenia.contains("crisis"))
        #expect(armenia.contains("2026-06-01"))
        #expect(armenia.contains("external-aggression"))
    }

    @Test func scenariosAsCSVAndJSON() throws {
        let csv = try runPact(["scenarios", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "id,kind,date,type / question,title")
        #expect(rows.contains("tjk-afghan-incursion-2025,crisis,2025-06-15,insurgency,"
            + "Armed incursion from Taliban-ruled Afghanistan into Tajikistan"))

        let json = try runPact(["scenarios", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let list = try #require(object["scenarios"] as? [[String: Any]])
        #expect(list.count == 9)
        let issue = try #require(list.first { $0["id"] as? String == "csto-nato-contacts-2026" })
        #expect(issue["kind"] as? String == "issue")
        #expect(issue["question"] as? String == "Should the CSTO restore working contacts with NATO, suspended since April 2014?")
        // Keys in a fixed order, so two runs print the same bytes.
        #expect(json.stdout.contains("""
                  "id": "arm-azerbaijani-attack-2026",
                  "title": "Azerbaijani attack on Armenia's sovereign territory",
                  "date": "2026-06-01",
            """))
        #expect(try runPact(["scenarios", "--format", "json"]).stdout == json.stdout)
    }

    @Test func showPrintsTheFileAsShipped() throws {
        let result = try runPact(["show", "kgz-tjk-water-clash-2026"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("id: kgz-tjk-water-clash-2026\ntitle: Kyrgyz-Tajik clash"))
        #expect(result.stdout.contains("  belligerents: [KGZ, TJK]\n"))
        #expect(result.stdout.contains("notes: |\n"))

        // What `show` prints is itself a valid scenario file.
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("copy.yaml").path
        try result.stdout.write(toFile: copy, atomically: true, encoding: .utf8)
        #expect(try runPact(["check", copy]).status == 0)
    }

    @Test func showUnknownIdListsKnownIdsAndExits2() throws {
        let result = try runPact(["show", "kaz-2099"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("unknown scenario or case 'kaz-2099'; built-in scenarios are arm-azerbaijani-attack-2026, "
            + "blr-nato-buildup-2014"))
    }

    @Test func schemaPrintsTheJSONSchema() throws {
        let result = try runPact(["schema"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["title"] as? String == "Pact scenario file")
    }
}

private let goodScenario = """
    id: cli-test
    title: CLI test
    date: 2022-01-05
    kind: crisis
    crisis:
      type: internal-unrest
      location: KAZ
      territory: sovereign
      adversary: {kind: internal, external_backing: none}
      severity: {deaths: 1, displaced: 0, territory_km2: 0}
      expected_duration_days: 3

    """

private func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
