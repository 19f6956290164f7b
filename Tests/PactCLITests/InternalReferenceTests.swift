import Foundation
import Testing

/// What users read speaks of the model, the data and published sources: no references to the
/// project's own planning (issue numbers, the specification's sections, working notes).
@Suite("No internal references in what users read")
struct InternalReferenceTests {
    /// Each pattern with the reason a reader cannot follow it.
    static let patterns: [(regex: String, caseInsensitive: Bool)] = [
        (#"\bissue #?[0-9]+"#, true),
        (#"\bSPEC\b"#, false),
        (#"the seed says"#, true),
        (#"\bcase C[0-9]+"#, true),
        (#"csto-facts"#, true),
        (#"targets of issue"#, true),
    ]

    static let expressions: [NSRegularExpression] = patterns.map {
        try! NSRegularExpression(pattern: $0.regex, options: $0.caseInsensitive ? [.caseInsensitive] : [])
    }

    /// `where: line` for every line of `text` matching a pattern.
    static func hits(in text: String, where place: String) -> [String] {
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            let range = NSRange(line.startIndex..., in: line)
            if expressions.contains(where: { $0.firstMatch(in: line, range: range) != nil }) {
                found.append("\(place):\(number + 1): \(line.trimmingCharacters(in: .whitespaces).prefix(160))")
            }
        }
        return found
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func thePatternsCatchWhatTheyShould() {
        #expect(Self.hits(in: "Targets of issue 4", where: "x").count == 1)
        #expect(Self.hits(in: "ok\nresponse level (SPEC ladder)", where: "x") == ["x:2: response level (SPEC ladder)"])
        #expect(Self.hits(in: "as in case C13 and csto-facts A2", where: "x").count == 1)
        #expect(Self.hits(in: "issue scenarios; the specification; a seed of 3", where: "x").isEmpty)
    }

    @Test func embeddedResourcesHaveNone() throws {
        var found: [String] = []
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).sorted()
        for module in modules {
            let resources = Self.sources.appendingPathComponent(module).appendingPathComponent("Resources")
            guard let walker = FileManager.default.enumerator(at: resources, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let relative = String(url.path.dropFirst(Self.sources.deletingLastPathComponent().path.count + 1))
                found += Self.hits(in: text, where: relative)
            }
        }
        #expect(found.isEmpty, "\(found.count) internal references:\n\(found.joined(separator: "\n"))")
    }

    @Test func helpHasNone() throws {
        let top = try runPact(["--help"]).stdout
        // Subcommand names: the indented first words of the SUBCOMMANDS section.
        let section = top.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first else { return nil }
            return String(word)
        }
        #expect(commands.contains("run") && commands.contains("outlook"))
        var found = Self.hits(in: top, where: "pact --help")
        for command in commands {
            found += Self.hits(in: try runPact([command, "--help"]).stdout, where: "pact \(command) --help")
        }
        #expect(found.isEmpty, "\(found.count) internal references:\n\(found.joined(separator: "\n"))")
    }
}
