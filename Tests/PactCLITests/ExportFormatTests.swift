import Foundation
import Testing

/// Python 3 and the checking scripts in Tests/scripts, which read CSV and validate JSON Schemas
/// the way the tools users load Pact's output into do.
enum PythonCheck {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts")

    static let python: URL? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static var hasJSONSchema: Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import jsonschema"]).status) == 0
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> PactResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PactResult(status: process.terminationStatus, stdout: String(decoding: text, as: UTF8.self), stderr: "")
    }

    /// Runs `script` on `text` written to a temporary file (plus `arguments`); the script's report.
    static func check(_ script: String, _ files: [(name: String, text: String)], _ arguments: [String] = []) throws -> PactResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: url)
            paths.append(url.path)
        }
        return try run(python!, [scripts.appendingPathComponent(script).path] + paths + arguments)
    }
}

/// Every CSV output is one rectangular table with numeric columns numeric, as pandas reads it.
@Suite("CSV exports", .enabled(if: PythonCheck.python != nil, "python3 is not installed; CSV checks skipped"))
struct CSVExportTests {
    static let probabilities = ["P0", "P1", "P2", "P3", "P4", "P5"]

    /// `(arguments, numeric columns)` for each CSV a user can ask for.
    static let outputs: [([String], [String])] = [
        (["run", "kgz-mass-unrest-2026", "arm-azerbaijani-attack-2026", "csto-nato-contacts-2026", "--draws", "300"],
         probabilities + ["modal", "unilateral", "draws", "deployment draws", "force (troops if deployed)",
                          "days to first troops (if deployed)"]),
        (["run", "csto-nato-contacts-2026", "kgz-mass-unrest-2026", "--draws", "300", "--table", "issues"],
         ["start median", "forecast median", "mean"]),
        (["run", "kgz-mass-unrest-2026", "arm-azerbaijani-attack-2026", "--draws", "300", "--explain", "--table", "members"],
         ["position (level)", "salience", "weight", "support", "abstain", "block", "troops (if deployed)"]),
        (["run", "kgz-mass-unrest-2026", "arm-azerbaijani-attack-2026", "--draws", "300", "--table", "drivers"],
         ["effect on expected level"]),
        (["run", "kgz-mass-unrest-2026", "kgz-tjk-water-clash-2026", "--draws", "300", "--table", "triggers"],
         ["cap", "strength", "expected level", "requester satisfaction"]),
        (["outlook", "--from", "2020-01-01", "--to", "2022-01-01", "--runs", "20"],
         ["anchor", "P full", "P frozen/suspended", "P left", "P ever froze or left", "satisfaction"]),
        (["outlook", "--from", "2020-01-01", "--to", "2022-01-01", "--runs", "20", "--table", "fan"],
         ["years", "full p10", "full p50", "cohesion mean"]),
        (["outlook", "--from", "2020-01-01", "--to", "2022-01-01", "--runs", "20", "--table", "templates"],
         ["rate/yr", "cap", "wanted", "P5", "expected level"]),
        (["outlook", "--from", "2020-01-01", "--to", "2022-01-01", "--runs", "20", "--table", "terms"],
         ["loyalty", "need", "tension", "outside option", "anchor"]),
        (["align", "--as-of", "2025-06-01"], ["size", "frustration", "gain if switching"]),
        (["align", "--as-of", "2025-06-01", "--table", "minima"], ["rank", "energy"]),
        (["bargain", "csto-nato-contacts-2026"], []),
        (["scenarios"], []),
    ]

    @Test(arguments: outputs)
    func eachCSVIsOneTidyTable(arguments: [String], numeric: [String]) throws {
        let result = try runPact(arguments + ["--format", "csv"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let check = try PythonCheck.check("check_csv.py", [("out.csv", result.stdout)], numeric)
        #expect(check.status == 0, "\(arguments.joined(separator: " ")):\n\(check.stdout)")
    }

    @Test func csvKeepsFullPrecisionAndLeavesMissingValuesEmpty() throws {
        let csv = try runPact(["run", "kgz-tjk-water-clash-2026", "--draws", "300", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 2)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        // A probability over 300 draws is a multiple of 1/300: no three-decimal rounding.
        #expect(row[1...6].contains { $0.count > 5 })
        // No '-' placeholder: missing force and days are empty fields.
        let placeholders = row.dropFirst().filter { $0 == "-" }.count
        let emptyTail = row.suffix(2).filter { $0.isEmpty }.count
        #expect(placeholders == 0)
        #expect(emptyTail == 2)
    }

    @Test func everyTableGoesToItsOwnFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-tables-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "200", "--format", "csv", "-o", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["drivers.csv", "forecasts.csv", "issues.csv", "members.csv", "triggers.csv"])
        let unknown = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "200", "--format", "csv", "--table", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("forecasts, issues, members, drivers, triggers"))
        #expect(try runPact(["run", "kgz-mass-unrest-2026", "--table", "members"]).status == 2)
    }
}

/// Every JSON output validates against the schema `pact schema --output NAME` prints.
@Suite("JSON Schemas", .enabled(if: PythonCheck.hasJSONSchema, "python3 with jsonschema is not installed; schema checks skipped"))
struct OutputSchemaTests {
    static let outputs: [(String, [String])] = [
        ("run", ["run", "kgz-mass-unrest-2026", "arm-azerbaijani-attack-2026", "csto-nato-contacts-2026", "--draws", "300"]),
        ("forecast", ["run", "arm-azerbaijani-attack-2026", "--draws", "300"]),
        ("validate", ["validate", "--draws", "50"]),
        ("bargain", ["bargain", "csto-nato-contacts-2026"]),
        ("align", ["align", "--as-of", "2025-06-01"]),
        ("outlook", ["outlook", "--from", "2020-01-01", "--to", "2022-01-01", "--runs", "20", "--explain"]),
        ("sweep", ["sweep", "kgz-mass-unrest-2026", "--method", "oat", "--draws", "100", "--only", "baseline,w_cost"]),
        ("sweep", ["sweep", "kgz-mass-unrest-2026", "--method", "morris", "--trajectories", "2", "--draws", "100",
                   "--only", "baseline,w_cost"]),
        ("sweep", ["sweep", "kgz-mass-unrest-2026", "--method", "sobol", "--samples", "8", "--bootstrap", "20",
                   "--draws", "100", "--only", "baseline,w_cost"]),
        ("sweep", ["sweep", "csto-nato-contacts-2026", "--only", "RUS.position,KAZ.salience"]),
        ("sweep", ["sweep", "--outlook", "--from", "2020-01-01", "--to", "2021-01-01", "--draws", "20", "--only", "trust_loss"]),
    ]

    @Test(arguments: outputs)
    func theOutputMatchesItsSchema(name: String, arguments: [String]) throws {
        let schema = try runPact(["schema", "--output", name])
        #expect(schema.status == 0)
        var output = try runPact(arguments + ["--format", "json"]).stdout
        if name == "forecast" {
            // One entry of run's results, as the server stores it.
            let document = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            let first = try #require((document?["results"] as? [Any])?.first)
            output = String(decoding: try JSONSerialization.data(withJSONObject: first), as: UTF8.self)
        } else {
            #expect(output.contains("\"schema_version\": 1"))
        }
        let check = try PythonCheck.check("check_schema.py", [("schema.json", schema.stdout), ("output.json", output)])
        #expect(check.status == 0, "\(name):\n\(check.stdout)")
    }

    @Test func aChangedOutputFailsItsSchema() throws {
        let schema = try runPact(["schema", "--output", "align"]).stdout
        let output = try runPact(["align", "--as-of", "2025-06-01", "--format", "json"]).stdout
            .replacingOccurrences(of: "\"truncated\"", with: "\"truncated_renamed\"")
        let check = try PythonCheck.check("check_schema.py", [("schema.json", schema), ("output.json", output)])
        #expect(check.status == 1)
        #expect(check.stdout.contains("truncated"))
    }

    @Test func anUnknownOutputListsTheKnownOnes() throws {
        let result = try runPact(["schema", "--output", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("run, validate, bargain, align, outlook, sweep, forecast"))
    }
}
