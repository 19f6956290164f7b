import Foundation
import Testing

/// `pact align` and `pact outlook`, run as a user runs them.
@Suite("pact align and pact outlook")
struct AlignOutlookCommandTests {
    @Test func alignPrintsMinimaAndActorsAsJSON() throws {
        let result = try run(["align", "--as-of", "2025-06-01", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["method"] as? String == "exhaustive")
        let minima = try #require(json["minima"] as? [[String: Any]])
        #expect(!minima.isEmpty)
        let actors = try #require(json["actors"] as? [[String: Any]])
        #expect(actors.contains { $0["id"] as? String == "RUS" && $0["current_bloc"] as? String == "CSTO members" })
        // The global minimum keeps Russia and the United States apart.
        let blocs = try #require(minima.first?["blocs"] as? [[String]])
        #expect(blocs.first { $0.contains("RUS") }?.contains("USA") == false)
    }

    @Test func alignWithThreeBlocsAndChosenActorsAndTheSyntheticBenchmark() throws {
        let three = try run(["align", "--as-of", "2025-06-01", "--blocs", "3", "--actors", "RUS,BLR,ARM,AZE,TUR,USA,KAZ"])
        #expect(three.status == 0)
        #expect(three.stdout.contains("counter-pole: USA"))
        let synthetic = try run(["align", "--synthetic", "12", "--format", "csv"])
        #expect(synthetic.status == 0)
        #expect(synthetic.stdout.hasPrefix("actors,blocs,method,examined"))
        #expect(synthetic.stdout.contains("12,2,exhaustive,2048,"))
        #expect(try run(["align", "--blocs", "4"]).status == 2)
        #expect(try run(["align", "--actors", "RUS,XXX"]).status == 2)
    }

    @Test func outlookIsIdenticalForOneThreadAndMany() throws {
        let args = ["outlook", "--from", "2020-01-01", "--to", "2024-01-01", "--runs", "300", "--format", "json"]
        let one = try run(args + ["--threads", "1"])
        let many = try run(args + ["--threads", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == many.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let members = try #require(json["members"] as? [[String: Any]])
        #expect(members.map { $0["id"] as? String } == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"])
        let fan = try #require(json["fan"] as? [[String: Any]])
        #expect(fan.count == 5)
        #expect(try run(["outlook", "--from", "2030-01-01", "--to", "2025-01-01"]).status == 2)
    }
}

private struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
}

private func run(_ arguments: [String]) throws -> Output {
    let process = Process()
    var folder = Bundle.main.bundleURL
    var binary: URL?
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("pact")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { binary = candidate; break }
        folder.deleteLastPathComponent()
    }
    process.executableURL = try binary ?? { throw CocoaError(.fileNoSuchFile) }()
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                  stderr: String(decoding: stderr, as: UTF8.self))
}
