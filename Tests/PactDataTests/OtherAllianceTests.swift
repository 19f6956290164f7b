import Foundation
import PactModel
import Testing

@testable import PactData

/// The loader is not CSTO-specific: a toy alliance in the same six files loads and expands.
@Suite struct OtherAllianceTests {
    static let files: [String: String] = [
        "actors.yaml": """
            actors:
            \(["AAA", "BBB", "CCC"].map { id in """
              - id: \(id)
                name: State \(id)
                kind: state
                capital: {place: Capital, latitude: 10, longitude: 20}
                population: {unit: million, source: "census", values: {2000: 5, 2010: 6}}
                gdp: {unit: billion, source: "accounts", values: {2000: 50}}
                military_expenditure: {unit: million, source: "budget", values: {2000: 500}}
                active_personnel: {unit: thousand, source: "ministry", values: {2000: 20}}
                regime_score: {unit: one, source: "index", values: {2005: 40}}
            """ }.joined(separator: "\n"))
            """,
        "organization.yaml": """
            id: TOY
            name: Toy Pact
            lead_state: AAA
            headquarters: Capital
            articles:
              - {number: 1, title: Defence, obliges: Help each other, source: treaty}
            decision_rule: {kind: majority, description: simple majority, source: treaty}
            bodies: []
            secretaries_general: []
            memberships:
              - {actor: AAA, status: member, from: 2001-01-01, source: treaty}
              - {actor: BBB, status: member, from: 2001-01-01, to: 2015-06-01, source: treaty}
              - {actor: BBB, status: former, from: 2015-06-01, source: notice}
            """,
        "relations.yaml": """
            coverage_start: 2000-01-01
            default: {affinity: 0.1, dependence: 0.0, evidence: nothing much, source: coding}
            pairs:
              AAA-BBB:
                - {since: 2000-01-01, affinity: [0.9, 0.8], dependence: [0.1, 0.6], evidence: allies, source: treaty}
                - {since: 2015-06-01, affinity: [-0.5, -0.6], dependence: [0.0, 0.2], evidence: split, source: notice}
            """,
        "forces.yaml": "forces: []\n",
        "bases.yaml": "bases: []\n",
        "context.yaml": "events: []\n",
    ]

    @Test func aToyAllianceLoadsWithEveryOrderedPairCovered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pact-toy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in Self.files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }

        let dataset = try DatasetLoader(directory: folder).load()
        #expect(dataset.actorIDs == ["AAA", "BBB", "CCC"])
        // Two listed periods for AAA-BBB in both directions, one default period for each other ordered pair.
        #expect(dataset.relations.count == 2 * 2 + 4)
        let before = dataset.snapshot(on: Day(iso: "2010-01-01")!)
        let after = dataset.snapshot(on: Day(iso: "2016-01-01")!)
        #expect(before.affinity(from: "BBB", to: "AAA") == 0.8)
        #expect(before.dependence(from: "BBB", to: "AAA") == 0.6)
        #expect(after.affinity(from: "AAA", to: "BBB") == -0.5)
        #expect(after.relation(from: "CCC", to: "AAA")?.evidence == "nothing much")
        #expect(before.members == ["AAA", "BBB"] && after.members == ["AAA"])
        // Units apply; series observed in different years combine by the as-of rule.
        let c = try #require(dataset.actors["CCC"]?.attributes(in: 2012))
        #expect(c.year == 2010 && c.population.value == 6_000_000 && c.gdp.value == 50e9 && c.gdp.year == 2000)
        #expect(dataset.actors["CCC"]?.attributes(in: 2000)?.regimeScore.year == 2005)
    }
}
