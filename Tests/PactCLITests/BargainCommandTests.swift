import Foundation
import Testing

/// Files for the `bargain` tests.
enum BargainCLI {
    /// The package root, from this file's path: Tests/PactCLITests/BargainCommandTests.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Writes `text` to a fresh temporary file and returns its path.
    static func file(_ text: String, extension ext: String = "csv") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-bargain-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static var ecFile: String { packageRoot.appendingPathComponent("docs/examples/ec-car-emissions.csv").path }
}

@Suite("pact bargain")
struct BargainCommandTests {
    @Test("JSON output has SPEC section 8's shape, keys and actors in order, and the reference round 1")
    func json() throws {
        let result = try runPact(["bargain", BargainCLI.ecFile, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["variant"] as? String == "scholz")
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        #expect(rounds.count == 11)
        #expect(rounds[0]["round"] as? Int == 0)
        #expect(rounds[0]["median"] as? Double == 7)
        let first = rounds[1]
        #expect(abs((first["median"] as? Double ?? 0) - 8.415932) < 0.5e-6)
        #expect(abs((first["mean"] as? Double ?? 0) - 7.461314) < 0.5e-6)
        let risk = try #require(first["risk"] as? [String: Double])
        #expect(abs(risk["UK"]! - 1.9649) < 0.5e-4)
        let moves = try #require(first["moves"] as? [[String: Any]])
        #expect(moves.map { "\($0["actor"]!) \($0["kind"]!) \($0["with"]!)" } == [
            "Belgium compromise France", "Luxembourg confrontation Belgium", "Ireland confrontation Luxembourg",
        ])
        // Key order is part of the contract for readers that stream: variant first, actors in input order.
        let text = result.stdout
        let order = ["\"variant\"", "\"rounds\"", "\"round\"", "\"median\"", "\"mean\"", "\"positions\"", "\"Netherlands\"",
            "\"Belgium\"", "\"Greece\"", "\"risk\"", "\"moves\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test("the table shows median and mean per round and each move with its kind")
    func table() throws {
        let result = try runPact(["bargain", BargainCLI.ecFile, "--rounds", "1"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.split(separator: " ") == ["1", "8.4159", "7.4613", "3", "50.0%"] })
        #expect(lines.contains { $0.split(separator: " ") == ["1", "Belgium", "compromise", "France", "7.0000", "8.4159"] })
        #expect(lines.contains { $0.split(separator: " ") == ["1", "Ireland", "confrontation", "Luxembourg", "7.0000", "4.0000"] })
    }

    @Test("CSV output: one row per round and actor")
    func csv() throws {
        let result = try runPact(["bargain", BargainCLI.ecFile, "--format", "csv", "--rounds", "2", "--variant", "pairwise"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "round,actor,position,risk,move,with,median,mean")
        #expect(lines.count == 1 + 3 * 10)
        #expect(lines[1].hasPrefix("0,Netherlands,4.0,1.0,,,7.0,"))
    }

    @Test("bad stakeholder files exit 2 with an error naming the file, line and column", arguments: [
        ("Actor,Capability,Position\nA,1,2\nB,1,3\n", ":1: Salience: column 'Salience' is missing"),
        ("Actor,Capability,Position,Salience\nA,1,2,1.2\nB,1,3,0.5\n", ":2: Salience: 1.2 is not allowed"),
        ("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,-1,3,0.5\n", ":3: Capability: -1 is not allowed"),
        ("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,1,5,0.5\n", "every actor has position 5"),
    ])
    func badInput(text: String, message: String) throws {
        let path = try BargainCLI.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runPact(["bargain", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a missing file, negative rounds and an unknown variant are usage errors: exit 2")
    func usage() throws {
        #expect(try runPact(["bargain", "/nonexistent/stakeholders.csv"]).status == 2)
        #expect(try runPact(["bargain", BargainCLI.ecFile, "--rounds", "-1"]).status == 2)
        #expect(try runPact(["bargain", BargainCLI.ecFile, "--variant", "nash"]).status == 2)
    }
}

@Suite("pact bargain on issue scenarios")
struct BargainIssueTests {
    /// The EC case as an issue scenario, its actors renamed to ids Pact knows and capabilities
    /// given times 100: the model only uses capability ratios, so round 1 must be the reference's.
    static let ecScenario = """
        id: ec-car-emissions
        title: EC car emission standards (Bueno de Mesquita 1994), actors renamed
        date: 2020-01-01
        kind: issue
        issue:
          question: In how many years should the standard apply?
          scale: {min: 4, max: 10, min_label: four years, max_label: ten years}
          stakeholders:
            RUS: {position: 4, salience: 0.8, capability: 8}
            BLR: {position: 7, salience: 0.4, capability: 8}
            ARM: {position: 4, salience: 0.2, capability: 3}
            KAZ: {position: 4, salience: 0.8, capability: 16}
            KGZ: {position: 10, salience: 0.6, capability: 16}
            TJK: {position: 10, salience: 0.6, capability: 16}
            UZB: {position: 10, salience: 0.9, capability: 16}
            AZE: {position: 7, salience: 0.1, capability: 5}
            GEO: {position: 4, salience: 1.0, capability: 5}
            AFG: {position: 7, salience: 0.7, capability: 8}
        """

    @Test("an issue scenario file runs, stakeholders in file order, and reproduces the reference round 1")
    func scenarioFile() throws {
        let path = try BargainCLI.file(Self.ecScenario, extension: "yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runPact(["bargain", path, "--format", "json", "--rounds", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        #expect(abs((rounds[1]["median"] as? Double ?? 0) - 8.415932) < 0.5e-6)
        let moves = try #require(rounds[1]["moves"] as? [[String: Any]])
        #expect(moves.map { "\($0["actor"]!) \($0["kind"]!) \($0["with"]!)" } == [
            "BLR compromise KGZ", "ARM confrontation BLR", "AZE confrontation ARM",
        ])
        let table = try runPact(["bargain", path, "--rounds", "1"])
        #expect(table.stdout.hasPrefix("EC car emission standards"))
        #expect(table.stdout.contains("Scale: 4 = four years, 10 = ten years."))
    }

    @Test("a crisis scenario is refused with exit 2")
    func crisis() throws {
        let crisis = Self.ecScenario.replacingOccurrences(of: "kind: issue", with: "kind: crisis")
        let path = try BargainCLI.file(crisis, extension: "yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runPact(["bargain", path])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test("an unknown built-in id lists the built-in issue scenarios, exit 2")
    func unknownID() throws {
        let result = try runPact(["bargain", "no-such-issue"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no built-in scenario has this id"))
    }
}

@Suite("pact bargain on the built-in issues")
struct BargainBuiltInTests {
    @Test("both built-in issue scenarios run by id, capabilities from the dataset's index", arguments: [
        "csto-nato-contacts-2026", "eaeu-military-dimension-2014",
    ])
    func builtIn(id: String) throws {
        let result = try runPact(["bargain", id, "--format", "json", "--rounds", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        #expect(rounds.count == 4)
        let positions = try #require(rounds[0]["positions"] as? [String: Double])
        #expect(positions["RUS"] != nil)
        // Every forecast stays on the issue's 0-100 scale.
        for round in rounds {
            let median = try #require(round["median"] as? Double)
            #expect((0...100).contains(median))
        }
    }
}
