import Foundation
import Testing

/// A scenario about another organization than the one the dataset describes gets one answer
/// from every command that reads scenarios: exit 2 and `FILE:LINE: organization: ...`, because
/// every stage would otherwise read the wrong alliance's members.
@Suite("organization mismatch")
struct OrganizationMismatchTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PactData/Resources").standardizedFileURL

    /// A built-in file with `organization: CSTO` changed to NATO, written to a scratch folder.
    static func mismatched(_ relativePath: String) throws -> (file: String, line: Int) {
        let text = try String(contentsOf: resources.appendingPathComponent(relativePath), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "organization: CSTO")) + 1
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-org-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(URL(fileURLWithPath: relativePath).lastPathComponent).path
        try text.replacingOccurrences(of: "organization: CSTO", with: "organization: NATO")
            .write(toFile: file, atomically: true, encoding: .utf8)
        return (file, line)
    }

    static func expectRefusal(_ result: PactResult, file: String, line: Int) {
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("\(file):\(line): organization: 'NATO' is not the organization the dataset describes; "
            + "the dataset describes CSTO"), "\(result.stderr)")
    }

    @Test func checkRunAndValidateRefuseACrisisAboutAnotherOrganization() throws {
        let crisis = try Self.mismatched("Scenarios/kgz-tjk-water-clash-2026.yaml")
        Self.expectRefusal(try runPact(["check", crisis.file]), file: crisis.file, line: crisis.line)
        Self.expectRefusal(try runPact(["run", crisis.file, "--draws", "10"]), file: crisis.file, line: crisis.line)
        let historical = try Self.mismatched("Cases/kaz-2022-01.yaml")
        Self.expectRefusal(try runPact(["validate", historical.file, "--draws", "10"]), file: historical.file, line: historical.line)
    }

    @Test func bargainRefusesAnIssueAboutAnotherOrganization() throws {
        let issue = try Self.mismatched("Scenarios/csto-nato-contacts-2026.yaml")
        Self.expectRefusal(try runPact(["bargain", issue.file]), file: issue.file, line: issue.line)
    }
}
