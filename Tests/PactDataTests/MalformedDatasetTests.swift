import Foundation
import PactModel
import Testing

@testable import PactData

/// A broken copy of the embedded dataset must fail with located messages: the file, the line,
/// the field path, the value found and what is allowed.
@Suite struct MalformedDatasetTests {
    /// Copies the embedded CSTO files to a fresh temporary directory, applies `edit` to `file`
    /// (replacing the first occurrence of `old` with `new`), and returns the errors of loading it
    /// together with the 1-based line where the edit landed.
    func load(breaking file: String, replace old: String, with new: String) throws -> (errors: [InputError], line: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in DatasetLoader.fileNames {
            try FileManager.default.copyItem(at: Embedded.directory("CSTO").appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: old), "'\(old)' not found in \(file)")
        // A leading newline anchors `old` at the start of a line; the edit lands on the line after it.
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1 + old.prefix(while: { $0 == "\n" }).count
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try DatasetLoader(directory: folder).load()
            Issue.record("the broken dataset loaded")
            return ([], line)
        } catch let failure as InputErrors {
            return (failure.errors, line)
        }
    }

    @Test func theUnbrokenCopyLoads() throws {
        let folder = Embedded.directory("CSTO")
        let dataset = try DatasetLoader(directory: folder).load()
        #expect(dataset.actors.count == 15)
    }

    @Test func aWordWhereANumberBelongs() throws {
        let (errors, line) = try load(breaking: "actors.yaml", replace: "        2000: 146596869", with: "        2000: lots")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.file.hasSuffix("actors.yaml"))
        #expect(error.line == line)
        #expect(error.field == "actors[0].population.values.2000")
        #expect(error.found == "lots")
        #expect(error.description.contains("expected a number, found 'lots'"))
    }

    @Test func aValueOutsideItsRange() throws {
        let (errors, line) = try load(breaking: "relations.yaml", replace: "affinity: [0.85, 0.75]", with: "affinity: [1.85, 0.75]")
        let error = try #require(errors.first)
        #expect(error.file.hasSuffix("relations.yaml") && error.line == line)
        #expect(error.field == "pairs.BLR-RUS[0].affinity[0]")
        #expect(error.message.contains("outside the allowed range -1...1"))
    }

    @Test func anUnknownActorInAPair() throws {
        let (errors, line) = try load(breaking: "relations.yaml", replace: "\n  ARM-RUS:", with: "\n  ARM-RUX:")
        let error = try #require(errors.first)
        #expect(error.line == line)
        #expect(error.found == "ARM-RUX")
        #expect(error.message.contains("unknown actor 'RUX'"))
        #expect(error.allowed?.contains("RUS") == true)
    }

    @Test func aRelationPeriodThatLeavesAGap() throws {
        let (errors, line) = try load(breaking: "relations.yaml", replace: "\n    - since: 1999-01-01", with: "\n    - since: 2000-01-01")
        let error = try #require(errors.first)
        #expect(error.line == line)
        #expect(error.field.hasSuffix("[0].since"))
        #expect(error.message.contains("gap"))
    }

    @Test func relationPeriodsOutOfOrderOverlap() throws {
        let (errors, line) = try load(breaking: "relations.yaml", replace: "    - since: 2009-06-01", with: "    - since: 1998-06-01")
        let error = try #require(errors.first)
        #expect(error.line == line)
        #expect(error.field == "pairs.BLR-RUS[1].since")
        #expect(error.message.contains("overlap"))
    }

    @Test func aStatusThatIsNotOnTheList() throws {
        let (errors, line) = try load(breaking: "organization.yaml", replace: "    status: frozen", with: "    status: dormant")
        let error = try #require(errors.first)
        #expect(error.file.hasSuffix("organization.yaml") && error.line == line)
        #expect(error.field.hasSuffix(".status"))
        #expect(error.allowed == MembershipStatus.allCases.map(\.rawValue))
        #expect(error.message.contains("'dormant' is not one of member, suspended, frozen, observer, former"))
    }

    @Test func overlappingMembershipIntervals() throws {
        let (errors, _) = try load(breaking: "organization.yaml", replace: "    from: 2012-12-19\n    source", with: "    from: 2012-01-01\n    source")
        let error = try #require(errors.first)
        #expect(error.message.contains("overlaps"))
        #expect(error.field.hasPrefix("memberships["))
    }

    @Test func aMissingSourceAndAnUnknownKey() throws {
        let (errors, line) = try load(breaking: "bases.yaml",
            replace: "    personnel: {value: 3000, year: 2020, source: \"reported at about 3,000-5,000, Pact takes the low end: PanARMENIAN.Net, http://www.panarmenian.net/eng/world/news/65584/\"}",
            with: "    personnel: {value: 3000, year: 2020, cite: x}")
        #expect(errors.count == 2)
        #expect(errors.contains { $0.field == "bases[0].personnel.cite" && $0.message.contains("unknown key 'cite'") && $0.line == line })
        #expect(errors.contains { $0.field == "bases[0].personnel.source" && $0.message.contains("required but missing") })
    }

    @Test func aYamlSyntaxErrorNamesTheLine() throws {
        let (errors, line) = try load(breaking: "context.yaml", replace: "  - id: eaeu", with: "  - id: [eaeu")
        let error = try #require(errors.first)
        #expect(error.file.hasSuffix("context.yaml"))
        #expect(error.message.contains("YAML syntax error"))
        #expect((line...(line + 3)).contains(error.line ?? 0))
    }

    @Test func problemsInSeveralFilesAreReportedTogether() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: InputErrors.self) { try DatasetLoader(directory: folder).load() }
        do {
            _ = try DatasetLoader(directory: folder).load()
        } catch let failure as InputErrors {
            #expect(failure.errors.count == DatasetLoader.fileNames.count)
            #expect(failure.errors.allSatisfy { $0.message.contains("cannot read the file") })
        }
    }

    @Test func regimeBoundsThatDoNotEncloseTheValue() throws {
        let (errors, line) = try load(breaking: "actors.yaml", replace: "2020: {value: 0.256, low: 0.225, high: 0.282}",
                                      with: "2020: {value: 0.256, low: 0.3, high: 0.282}")
        let error = try #require(errors.first)
        #expect(errors.count == 1 && error.line == line)
        #expect(error.field == "actors[0].regime_score.values.2020")
        #expect(error.message.contains("bounds must enclose the value"))
    }

    @Test func aJudgementWithoutItsReason() throws {
        let (errors, _) = try load(breaking: "relations.yaml",
                                   replace: "  basis: judgement\n  reason: \"Pact judgement: no alliance",
                                   with: "  basis: judgement\n  reasoning: \"Pact judgement: no alliance")
        #expect(errors.contains { $0.field == "default.reason" && $0.message.contains("is required but missing") })
    }

    @Test func aBasisThatIsNotOneOfTheThree() throws {
        let (errors, line) = try load(breaking: "relations.yaml", replace: "\n      basis: document", with: "\n      basis: hearsay")
        let error = try #require(errors.first)
        #expect(error.line == line && error.field == "pairs.BLR-RUS[0].basis")
        #expect(error.message.contains("document, dataset, judgement"))
    }
}
