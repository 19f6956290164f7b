import Foundation
import Testing

/// `pact align --bloc-chart` and `--chart`, run as a user runs them.
@Suite("pact align charts")
struct AlignChartCommandTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-align-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func blocChartDrawsEveryActorOnceAndMarksTheMisplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("blocs.svg")
        let result = try runPact(["align", "--as-of", "2025-06-01", "--format", "json", "--bloc-chart", file.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let actors = try #require(json["actors"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let misplaced = try #require(json["misplaced"] as? [String])
        #expect(actors.count == 15)
        #expect(!misplaced.isEmpty)
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("<title>Blocs today and predicted, 2025-06-01, 2 blocs</title>"))
        for id in actors {
            let circles = svg.components(separatedBy: "data-actor=\"\(id)\"").count - 1
            #expect(circles == 1, "\(id) drawn \(circles) times")
            #expect(svg.contains(">\(id)</text>") || svg.contains(">\(id) *</text>"))
        }
        for id in misplaced { #expect(svg.contains(">\(id) *</text>")) }
        #expect(svg.components(separatedBy: "class=\"actor misplaced\"").count - 1 == misplaced.count)
        // The same command draws the same bytes.
        let again = folder.appendingPathComponent("again.svg")
        #expect(try runPact(["align", "--as-of", "2025-06-01", "--bloc-chart", again.path]).status == 0)
        #expect(try String(contentsOf: again, encoding: .utf8) == svg)
    }

    @Test func anUnwritableChartFileIsABadInputThatNamesTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("no-such-folder/blocs.svg")
        let result = try runPact(["align", "--as-of", "2025-06-01", "--bloc-chart", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write \(file.path)"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try runPact(["align", "--synthetic", "8", "--bloc-chart", folder.appendingPathComponent("x.svg").path]).status == 2)
        #expect(try runPact(["align", "--bloc-chart-ties", "-1", "--bloc-chart", folder.appendingPathComponent("x.svg").path]).status == 2)
    }
}
