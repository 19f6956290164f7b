import Foundation

/// What a run of the `pact` binary left behind: its exit status and both output streams.
struct PactResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `pact` binary next to the test bundle in the build products folder. On Linux
/// `Bundle.main` is the test runner in that folder, on macOS the `.xctest` bundle inside it,
/// so the search walks a few folders up.
func pactBinary() throws -> URL {
    var folder = Bundle.main.bundleURL
    var tried: [String] = []
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("pact")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        tried.append(candidate.path)
        folder.deleteLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: tried.joined(separator: ", ")])
}

/// Runs the built `pact` binary with `arguments`, as a user runs it, in a child process.
func runPact(_ arguments: [String]) throws -> PactResult {
    let process = Process()
    process.executableURL = try pactBinary()
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a large output cannot fill a pipe and block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return PactResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
}
