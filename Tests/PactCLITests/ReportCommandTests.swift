import Foundation
import Testing

/// `pact report`, run as a user runs it.
@Suite("pact report")
struct ReportCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theHTMLReportCarriesTheSameLevelsAsPactRunWithTheSameSeed() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kgz.html")
        let report = try runPact(["report", "kgz-mass-unrest-2026", "--draws", "2000", "--seed", "5", "--threads", "2",
                                  "-o", file.path])
        #expect(report.status == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        let run = try runPact(["run", "kgz-mass-unrest-2026", "--draws", "2000", "--seed", "5", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let levels = try #require((json?["results"] as? [[String: Any]])?.first?["levels"] as? [Double])
        for (k, p) in levels.enumerated() {
            let attribute = "data-level=\"\(k)\" data-probability=\"\(String(format: "%.4f", p))\""
            #expect(html.contains(attribute), "level \(k): \(attribute)")
        }
        // The reproducing command names the scenario, draws and seed, and not the thread count.
        #expect(html.contains("<pre><code>pact report kgz-mass-unrest-2026 --draws 2000 --seed 5 -o \(file.path)</code></pre>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
    }

    @Test func markdownWritesTheSVGFilesBesideIt() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tjk.md")
        let result = try runPact(["report", "tjk-afghan-incursion-2025", "--draws", "1000", "--format", "md", "-o", file.path])
        #expect(result.status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        for id in ["ladder", "members", "drivers", "force", "map"] {
            let svg = folder.appendingPathComponent("tjk-\(id).svg")
            #expect(FileManager.default.fileExists(atPath: svg.path), "missing tjk-\(id).svg")
            #expect(text.contains("](tjk-\(id).svg)"))
        }
        #expect(text.contains("--format markdown"))
    }

    @Test func aScenarioFileWithAHostileTitleRendersItAsText() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("hostile.yaml")
        try """
            id: hostile-title
            title: "<script>alert('x')</script> & <b>bold</b>"
            date: 2022-01-05
            kind: crisis
            crisis:
              type: internal-unrest
              location: KAZ
              territory: sovereign
              requester: KAZ
              article: 4
              adversary: {kind: internal, external_backing: alleged}
              severity: {deaths: 225, displaced: 0, territory_km2: 0}
              expected_duration_days: 14
            notes: "<img src=x onerror=alert(1)>"
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("hostile.html")
        let result = try runPact(["report", scenario.path, "--draws", "500", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</h1>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func anIssueScenarioIsPointedToBargain() throws {
        let result = try runPact(["report", "csto-nato-contacts-2026", "-o", "/tmp/never-written.html"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pact bargain"))
    }
}

@Suite("pact bargain --report")
struct BargainReportCommandTests {
    @Test func theReportHoldsTheTrajectoryAndTheSameFinalMedianAsTheJSON() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pact-bargain-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runPact(["bargain", "csto-nato-contacts-2026", "--format", "json", "--report", file.path])
        #expect(result.status == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<figure id=\"chart-bargaining\">"))
        #expect(html.contains("pact bargain csto-nato-contacts-2026 --rounds 10 --variant scholz --report \(file.path)"))
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let last = try #require((json?["rounds"] as? [[String: Any]])?.last)
        let median = try #require(last["median"] as? Double)
        #expect(html.contains("<td class=\"num\">\(String(format: "%.4f", median))</td>"))
        // Actor ids of the issue scenario are shown by name.
        #expect(html.contains("Kazakhstan"))
    }
}

@Suite("pact validate --report")
struct ValidateReportCommandTests {
    @Test func theReportHoldsEveryCaseAndTheReliabilityBinsOfTheJSON() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pact-validate-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runPact(["validate", "--draws", "200", "--threads", "2", "--format", "json", "--report", file.path])
        #expect(result.status == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<figure id=\"chart-reliability\">"))
        #expect(html.contains("<figure id=\"chart-cases\">"))
        #expect(html.contains("<pre><code>pact validate --draws 200 --format json --report \(file.path)</code></pre>"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        for c in cases {
            let id = try #require(c["id"] as? String)
            let actual = try #require(c["actual"] as? Int)
            #expect(html.contains("data-case=\"\(id)\" data-actual=\"\(actual)\""), "case \(id)")
        }
        let bins = try #require((json["reliability"] as? [String: Any])?["bins"] as? [[String: Any]])
        for bin in bins where (bin["count"] as? Int ?? 0) > 0 {
            let observed = try #require(bin["observed_frequency"] as? Double)
            #expect(html.contains("data-count=\"\(bin["count"] as! Int)\" data-predicted=\"\(String(format: "%.4f", bin["mean_predicted"] as! Double))\" data-observed=\"\(String(format: "%.4f", observed))\""))
        }
    }
}
