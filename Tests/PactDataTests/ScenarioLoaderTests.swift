import Foundation
import PactData
import PactModel
import Testing

@Suite("Scenario files: valid input")
struct ScenarioLoaderTests {
    /// SPEC section 5's own example, which must load field for field.
    @Test func specCrisisExampleLoadsEveryField() throws {
        let text = """
            id: kaz-2022-01
            title: January unrest in Kazakhstan
            date: 2022-01-05
            organization: CSTO
            kind: crisis
            crisis:
              type: internal-unrest
              location: KAZ
              territory: sovereign
              requester: KAZ
              article: 4
              belligerents: []
              adversary:
                kind: nonstate
                actor: null
                external_backing: alleged
              severity: {deaths: 227, displaced: 0, territory_km2: 0}
              expected_duration_days: 14
            context:
              lead_state_committed_elsewhere: 0.0
            outcome:
              level: 5
              unilateral: false
              force: {total: 2030, days_to_first_arrival: 1}
              summary: one or two sentences
              sources: ["..."]
            """
        let scenario = try loaded(text)
        #expect(scenario.id == "kaz-2022-01")
        #expect(scenario.title == "January unrest in Kazakhstan")
        #expect(scenario.date == Day(year: 2022, month: 1, day: 5))
        #expect(scenario.organization == "CSTO")
        #expect(scenario.kind == .crisis)
        #expect(scenario.issue == nil)
        let crisis = try #require(scenario.crisis)
        #expect(crisis.type == .internalUnrest)
        #expect(crisis.location == "KAZ")
        #expect(crisis.territory == .sovereign)
        #expect(crisis.requester == "KAZ")
        #expect(crisis.article == 4)
        #expect(crisis.belligerents == [])  // written as [], not omitted: no default applies
        #expect(crisis.adversary == Adversary(kind: .nonstate, actor: nil, externalBacking: .alleged))
        #expect(crisis.severity == Severity(deaths: 227, displaced: 0, territoryKm2: 0))
        #expect(crisis.expectedDurationDays == 14)
        #expect(scenario.context.leadStateCommittedElsewhere == 0.0)
        #expect(scenario.outcome == Outcome(level: .deployment, unilateral: false,
                                            force: ForceOutcome(total: 2030, daysToFirstArrival: 1),
                                            summary: "one or two sentences", sources: ["..."]))
        #expect(scenario.isCase)
    }

    @Test func specIssueExampleLoadsStakeholdersInFileOrder() throws {
        let scenario = try loaded(validIssueYAML)
        #expect(scenario.kind == .issue)
        #expect(scenario.crisis == nil)
        let issue = try #require(scenario.issue)
        #expect(issue.question == "Should the CSTO restore working contacts with NATO?")
        #expect(issue.scale == Scale(min: 0, max: 100, minLabel: "no contacts", maxLabel: "full partnership"))
        #expect(issue.stakeholders == [
            Stakeholder(actor: "RUS", position: 5, salience: 0.9),
            Stakeholder(actor: "KAZ", position: 60, salience: 0.4, capability: 12),
        ])
    }

    @Test func stakeholderOrderIsFileOrderNotAlphabetical() throws {
        let text = replacing("""
                RUS: {position: 5, salience: 0.9}
                KAZ: {position: 60, salience: 0.4, capability: 12}
            """, with: """
                TJK: {position: 50, salience: 0.3, note: Afghan border}
                ARM: {position: 80, salience: 0.3}
                RUS: {position: 30, salience: 0.6}
            """, in: validIssueYAML)
        let issue = try #require(try loaded(text).issue)
        #expect(issue.stakeholders.map(\.actor) == ["TJK", "ARM", "RUS"])
        #expect(issue.stakeholders[0].note == "Afghan border")
    }

    @Test func organizationDefaultsToCSTOOnlyWhenAbsent() throws {
        #expect(try loaded(validCrisisYAML).organization == "CSTO")
        let sco = replacing("kind: crisis", with: "organization: SCO\nkind: crisis", in: validCrisisYAML)
        #expect(try loaded(sco).organization == "SCO")
        let null = replacing("kind: crisis", with: "organization: null\nkind: crisis", in: validCrisisYAML)
        let errors = problems(null)
        #expect(errors.map(\.field) == ["organization"])
        #expect(errors.first?.message == "expected text, found nothing (null)")
    }

    @Test func omittedBelligerentsStayNilSoSpecDefaultApplies() throws {
        let crisis = try #require(try loaded(validCrisisYAML).crisis)
        #expect(crisis.belligerents == nil)
        // Nonstate adversary: SPEC's default gives no belligerent.
        #expect(crisis.effectiveBelligerents == [])
    }

    @Test func requesterAndArticleMayBeOmittedOrNull() throws {
        let omitted = replacing("  requester: KAZ\n  article: 4\n", with: "", in: validCrisisYAML)
        let crisis = try #require(try loaded(omitted).crisis)
        #expect(crisis.requester == nil)
        #expect(crisis.article == nil)
        let nulls = replacing("  requester: KAZ\n  article: 4\n", with: "  requester: null\n  article: ~\n",
                              in: validCrisisYAML)
        #expect(try loaded(nulls).crisis?.article == nil)
    }

    @Test func notesAndUncertaintyAreRead() throws {
        let text = validCrisisYAML + """
            uncertainty:
              regime_solidarity: [0.2, 0.6]
              cost_weight: [1, 1]
            notes: |
              Why the inputs are what they are.
            """
        let scenario = try loaded(text, knownParameters: ["regime_solidarity", "cost_weight", "other"])
        #expect(scenario.uncertainty == ["regime_solidarity": 0.2...0.6, "cost_weight": 1...1])
        #expect(scenario.notes == "Why the inputs are what they are.")
        // Without a parameter list, names are not checked.
        #expect(try loaded(text + "").uncertainty.count == 2)
    }

    @Test func stateAdversaryNamesItsActor() throws {
        let text = replacing("""
                kind: nonstate
                external_backing: alleged
            """, with: """
                kind: state
                actor: AZE
                external_backing: evident
            """, in: validCrisisYAML)
        let crisis = try #require(try loaded(text).crisis)
        #expect(crisis.adversary == Adversary(kind: .state, actor: "AZE", externalBacking: .evident))
        // A state adversary makes the requester the belligerent by SPEC's default.
        #expect(crisis.effectiveBelligerents == ["KAZ"])
    }

    @Test func loadsFromDisk() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("one.yaml")
        try validCrisisYAML.write(to: url, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader(knownActors: scenarioTestActors).load(contentsOf: url)
        #expect(scenario.id == "test-crisis")
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pact-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
