import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `pact serve` as a user starts it: the refusal without a token, and a real start, request and
/// graceful stop on SIGTERM.
@Suite struct ServeCommandTests {
    @Test func refusesAPublicAddressWithoutAToken() throws {
        let result = try runPact(["serve", "--host", "0.0.0.0", "--port", "0", "--db", "/nonexistent/never.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a token for write requests: pass --token or set PACT_TOKEN"))
    }

    @Test func startsAnswersAndStopsOnSIGTERM() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("work.sqlite").path
        let process = Process()
        process.executableURL = try pactBinary()
        process.arguments = ["serve", "--port", "0", "--db", database, "--log-level", "warning"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // The first line names the address, with the port the system chose.
        var printed = ""
        while !printed.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(printed.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })
        let (data, response) = try await URLSession.shared.data(from: URL(string: "\(address)api/cases")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("[{\"id\":"))
        #expect(FileManager.default.fileExists(atPath: database))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
