import Foundation
import PactData
import PactModel
import Testing

/// Each kind of malformed file gives one message per problem naming the file, line, field path,
/// the value found and what is allowed, and no scenario.
@Suite("Scenario files: malformed input")
struct ScenarioErrorTests {
    @Test func badEnumerationListsAllowedValues() throws {
        let errors = problems(replacing("type: internal-unrest", with: "type: invasion", in: validCrisisYAML))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.file == "test.yaml")
        #expect(error.line == 6)
        #expect(error.field == "crisis.type")
        #expect(error.found == "invasion")
        #expect(error.allowed == Crisis.CrisisType.allCases.map(\.rawValue))
        #expect(error.description == "test.yaml:6: crisis.type: 'invasion' is not one of external-aggression, "
            + "border-clash, internal-unrest, insurgency, terrorism, resource-dispute, hybrid")
    }

    @Test func everyEnumerationIsChecked() {
        let territory = problems(replacing("territory: sovereign", with: "territory: occupied", in: validCrisisYAML))
        #expect(territory.map(\.field) == ["crisis.territory"])
        #expect(territory.first?.allowed == ["sovereign", "contested", "foreign"])
        let kind = problems(replacing("kind: nonstate", with: "kind: rebel", in: validCrisisYAML))
        #expect(kind.map(\.field) == ["crisis.adversary.kind"])
        #expect(kind.first?.allowed == ["state", "nonstate", "internal"])
        let backing = problems(replacing("external_backing: alleged", with: "external_backing: some",
                                         in: validCrisisYAML))
        #expect(backing.map(\.field) == ["crisis.adversary.external_backing"])
        #expect(backing.first?.allowed == ["none", "alleged", "evident"])
        let scenarioKind = problems(replacing("kind: crisis", with: "kind: war", in: validCrisisYAML))
        #expect(scenarioKind.map(\.field) == ["kind"])
        #expect(scenarioKind.first?.message == "'war' is not one of crisis, issue")
    }

    @Test func unknownKeyIsAnErrorAtEveryLevel() throws {
        let nested = problems(replacing("  severity:", with: "  severty:", in: validCrisisYAML))
        // The misspelt key is unknown, and the real one is then missing: two problems, in line order.
        #expect(nested.map(\.field) == ["crisis.severity", "crisis.severty"])
        #expect(nested.map(\.line) == [6, 14])  // a missing key is reported where its block starts
        let unknown = nested[1]
        #expect(unknown.line == 14)
        #expect(unknown.found == "severty")
        #expect(unknown.message.hasPrefix("unknown key 'severty'; allowed keys here are type, location, territory"))
        #expect(unknown.allowed?.contains("severity") == true)
        #expect(nested[0].message == "is required but missing")

        let top = problems(validCrisisYAML + "author: me\n")
        #expect(top.map(\.field) == ["author"])
        #expect(top.first?.line == 16)
        let deep = problems(replacing("displaced: 0,", with: "displaced: 0, wounded: 3,", in: validCrisisYAML))
        #expect(deep.map(\.field) == ["crisis.severity.wounded"])
    }

    @Test func unknownActorListsKnownActors() throws {
        let errors = problems(replacing("location: KAZ", with: "location: XYZ", in: validCrisisYAML))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == 7)
        #expect(error.field == "crisis.location")
        #expect(error.found == "XYZ")
        #expect(error.allowed == scenarioTestActors.map(\.rawValue).sorted())
        #expect(error.message.hasPrefix("unknown actor 'XYZ'; known actors are AFG, ARM, AZE, BLR, CHN"))
    }

    @Test func unknownActorsInEveryActorField() {
        let requester = problems(replacing("requester: KAZ", with: "requester: kaz", in: validCrisisYAML))
        #expect(requester.map(\.field) == ["crisis.requester"])
        let belligerents = problems(replacing("  article: 4\n", with: "  article: 4\n  belligerents: [KAZ, NATO]\n",
                                              in: validCrisisYAML))
        #expect(belligerents.map(\.field) == ["crisis.belligerents[1]"])
        let adversary = problems(replacing("""
                kind: nonstate
            """, with: """
                kind: state
                actor: TALIBAN
            """, in: validCrisisYAML))
        #expect(adversary.map(\.field) == ["crisis.adversary.actor"])
        let stakeholder = problems(replacing("KAZ: {position: 60", with: "EU: {position: 60", in: validIssueYAML))
        #expect(stakeholder.map(\.field) == ["issue.stakeholders.EU"])
        #expect(stakeholder.first?.line == 10)
        #expect(stakeholder.first?.found == "EU")
    }

    @Test func missingRequiredFieldIsNamed() throws {
        let errors = problems(replacing("title: Test crisis\n", with: "", in: validCrisisYAML))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.field == "title")
        #expect(error.line == 1)
        #expect(error.found == nil)
        #expect(error.description == "test.yaml:1: title: is required but missing")

        let nested = problems(replacing("  expected_duration_days: 14\n", with: "", in: validCrisisYAML))
        #expect(nested.map(\.field) == ["crisis.expected_duration_days"])
        let backing = problems(replacing("    external_backing: alleged\n", with: "", in: validCrisisYAML))
        #expect(backing.map(\.field) == ["crisis.adversary.external_backing"])
    }

    @Test func outOfRangeNumbers() {
        let deaths = problems(replacing("deaths: 227", with: "deaths: -3", in: validCrisisYAML))
        #expect(deaths.map(\.field) == ["crisis.severity.deaths"])
        #expect(deaths.first?.message == "-3 is negative; the value must be 0 or more")
        let duration = problems(replacing("expected_duration_days: 14", with: "expected_duration_days: 0",
                                          in: validCrisisYAML))
        #expect(duration.map(\.field) == ["crisis.expected_duration_days"])
        #expect(duration.first?.message == "0 must be greater than 0")
        let share = problems(validCrisisYAML + "context: {lead_state_committed_elsewhere: 1.2}\n")
        #expect(share.map(\.field) == ["context.lead_state_committed_elsewhere"])
        #expect(share.first?.message == "1.2 is outside the allowed range 0...1")
        let salience = problems(replacing("salience: 0.9", with: "salience: 1.5", in: validIssueYAML))
        #expect(salience.map(\.field) == ["issue.stakeholders.RUS.salience"])
        let capability = problems(replacing("capability: 12", with: "capability: 0", in: validIssueYAML))
        #expect(capability.map(\.field) == ["issue.stakeholders.KAZ.capability"])
        let position = problems(replacing("position: 60", with: "position: 120", in: validIssueYAML))
        #expect(position.map(\.field) == ["issue.stakeholders.KAZ.position"])
        #expect(position.first?.message == "120 is outside the issue's scale 0...100")
        let notANumber = problems(replacing("deaths: 227", with: "deaths: many", in: validCrisisYAML))
        #expect(notANumber.first?.message == "expected a number, found 'many'")
    }

    @Test func articleMustBeTwoOrFourAndNeedsARequester() {
        let three = problems(replacing("article: 4", with: "article: 3", in: validCrisisYAML))
        #expect(three.map(\.field) == ["crisis.article"])
        #expect(three.first?.allowed == ["2", "4"])
        #expect(three.first?.message.hasPrefix("'3' is not one of 2, 4") == true)
        let alone = problems(replacing("  requester: KAZ\n", with: "", in: validCrisisYAML))
        #expect(alone.map(\.field) == ["crisis.article"])
        #expect(alone.first?.message.contains("crisis.requester is not set") == true)
    }

    @Test func adversaryActorRequiredExactlyForStates() {
        let stateWithout = problems(replacing("kind: nonstate", with: "kind: state", in: validCrisisYAML))
        #expect(stateWithout.map(\.field) == ["crisis.adversary.actor"])
        #expect(stateWithout.first?.message.hasPrefix("is required but missing") == true)
        let nonstateWith = problems(replacing("    kind: nonstate\n", with: "    kind: nonstate\n    actor: AFG\n",
                                              in: validCrisisYAML))
        #expect(nonstateWith.map(\.field) == ["crisis.adversary.actor"])
        #expect(nonstateWith.first?.message.hasPrefix("must be null or omitted when adversary.kind is nonstate")
            == true)
    }

    @Test func badDate() throws {
        let errors = problems(replacing("date: 2022-01-05", with: "date: 2022-02-30", in: validCrisisYAML))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == 3)
        #expect(error.field == "date")
        #expect(error.found == "2022-02-30")
        #expect(error.message == "'2022-02-30' is not a date of the form YYYY-MM-DD")
        let words = problems(replacing("date: 2022-01-05", with: "date: 5 January 2022", in: validCrisisYAML))
        #expect(words.map(\.field) == ["date"])
    }

    @Test func badIdentifier() {
        let errors = problems(replacing("id: test-crisis", with: "id: Test_Crisis", in: validCrisisYAML))
        #expect(errors.map(\.field) == ["id"])
        #expect(errors.first?.message.hasPrefix("'Test_Crisis' is not a valid id") == true)
    }

    @Test func syntaxErrorNamesTheLine() throws {
        let errors = problems(replacing("  location: KAZ", with: "  location: [KAZ", in: validCrisisYAML))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message.hasPrefix("YAML syntax error"))
        #expect(error.line != nil)
        #expect((7...9).contains(error.line ?? 0))
        let empty = problems("")
        #expect(empty.first?.message == "the file is empty; expected a YAML mapping")
    }

    @Test func wrongBlockForKind() {
        let issueWithCrisis = problems(replacing("kind: crisis", with: "kind: issue", in: validCrisisYAML))
        #expect(issueWithCrisis.map(\.field) == ["issue", "crisis"])
        #expect(issueWithCrisis[0].message == "is required but missing (kind is issue)")
        #expect(issueWithCrisis[1].line == 5)
        #expect(issueWithCrisis[1].message
            == "an issue scenario has no crisis block; remove it or set kind: crisis")

        let crisisWithIssue = problems(replacing("kind: issue", with: "kind: crisis", in: validIssueYAML))
        #expect(crisisWithIssue.map(\.field) == ["crisis", "issue"])

        let both = problems(validCrisisYAML + """
            issue:
              question: Q?
              scale: {min: 0, max: 1, min_label: a, max_label: b}
              stakeholders: {RUS: {position: 0, salience: 1}, KAZ: {position: 1, salience: 1}}
            """)
        #expect(both.map(\.field) == ["issue"])

        let outcomeOnIssue = problems(validIssueYAML + """
            outcome: {level: 1, unilateral: false, summary: s, sources: [x]}
            """)
        #expect(outcomeOnIssue.map(\.field) == ["outcome"])
    }

    @Test func outcomeRules() {
        let level = problems(validCrisisYAML + "outcome: {level: 7, unilateral: false, summary: s, sources: [x]}\n")
        #expect(level.map(\.field) == ["outcome.level"])
        #expect(level.first?.allowed == ["0", "1", "2", "3", "4", "5"])
        let force = problems(validCrisisYAML + """
            outcome: {level: 3, unilateral: false, force: {total: 100, days_to_first_arrival: 2}, summary: s, sources: [x]}

            """)
        #expect(force.map(\.field) == ["outcome.force"])
        let noSources = problems(validCrisisYAML + "outcome: {level: 1, unilateral: false, summary: s, sources: []}\n")
        #expect(noSources.map(\.field) == ["outcome.sources"])
        #expect(noSources.first?.message == "must list at least one source")
        let unilateral = problems(validCrisisYAML + "outcome: {level: 1, unilateral: maybe, summary: s, sources: [x]}\n")
        #expect(unilateral.map(\.field) == ["outcome.unilateral"])
    }

    @Test func issueRules() {
        let one = problems(replacing("    KAZ: {position: 60, salience: 0.4, capability: 12}\n", with: "",
                                     in: validIssueYAML))
        #expect(one.map(\.field) == ["issue.stakeholders"])
        #expect(one.first?.message == "has 1 stakeholder(s); bargaining needs at least 2")
        let agreed = problems(replacing("position: 60", with: "position: 5", in: validIssueYAML))
        #expect(agreed.map(\.field) == ["issue.stakeholders"])
        #expect(agreed.first?.message.hasPrefix("every stakeholder is at position 5") == true)
        let reversed = problems(replacing("{min: 0, max: 100,", with: "{min: 100, max: 0,", in: validIssueYAML))
        #expect(reversed.map(\.field) == ["issue.scale.max"])
        #expect(reversed.first?.message == "max must be greater than min, but min is 100 and max is 0")
        let label = problems(replacing(" min_label: no contacts,", with: "", in: validIssueYAML))
        #expect(label.map(\.field) == ["issue.scale.min_label"])
    }

    @Test func uncertaintyRules() throws {
        let unknown = problems(validCrisisYAML + "uncertainty: {regime_solidarty: [0, 1]}\n",
                               knownParameters: ["regime_solidarity", "cost_weight"])
        let error = try #require(unknown.first)
        #expect(unknown.map(\.field) == ["uncertainty.regime_solidarty"])
        #expect(error.found == "regime_solidarty")
        #expect(error.allowed == ["cost_weight", "regime_solidarity"])
        #expect(error.message
            == "unknown parameter 'regime_solidarty'; known parameters are cost_weight, regime_solidarity")
        let reversed = problems(validCrisisYAML + "uncertainty: {cost_weight: [2, 1]}\n")
        #expect(reversed.map(\.field) == ["uncertainty.cost_weight"])
        let three = problems(validCrisisYAML + "uncertainty: {cost_weight: [1, 2, 3]}\n")
        #expect(three.map(\.field) == ["uncertainty.cost_weight"])
    }

    @Test func explicitNullIsNotSilentlyTakenForAbsent() {
        let notes = problems(validCrisisYAML + "notes: null\n")
        #expect(notes.map(\.field) == ["notes"])
        let belligerents = problems(replacing("  article: 4\n", with: "  article: 4\n  belligerents: null\n",
                                              in: validCrisisYAML))
        #expect(belligerents.map(\.field) == ["crisis.belligerents"])
        let title = problems(replacing("title: Test crisis", with: "title: null", in: validCrisisYAML))
        #expect(title.map(\.field) == ["title"])
    }

    /// All problems of a file come back together, in file order, and no scenario with them.
    @Test func collectsEveryProblemOfAFile() {
        var text = replacing("date: 2022-01-05", with: "date: 2022-13-01", in: validCrisisYAML)
        text = replacing("type: internal-unrest", with: "type: invasion", in: text)
        text = replacing("location: KAZ", with: "location: XYZ", in: text)
        text = replacing("deaths: 227", with: "deaths: -1", in: text)
        let errors = problems(text)
        #expect(errors.map(\.field) == ["date", "crisis.type", "crisis.location", "crisis.severity.deaths"])
        #expect(errors.map(\.line) == [3, 6, 7, 14])
        #expect(errors.allSatisfy { $0.file == "test.yaml" })
    }
}

@Suite("Scenario sets")
struct ScenarioSetTests {
    @Test func duplicateIdInASetIsReportedOnTheLaterFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try validCrisisYAML.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try validCrisisYAML.write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try validIssueYAML.write(to: directory.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        try "not a scenario".write(to: directory.appendingPathComponent("README.txt"), atomically: true,
                                   encoding: .utf8)
        let loader = ScenarioLoader(knownActors: scenarioTestActors)
        let naming: (URL) -> String = { "set/" + $0.lastPathComponent }

        let checks = loader.check(directory: directory, naming: naming)
        #expect(checks.map(\.file) == ["set/a.yaml", "set/b.yaml", "set/c.yaml"])
        #expect(checks.map(\.isValid) == [true, false, true])
        let error = try #require(checks[1].errors.first)
        #expect(error.file == "set/b.yaml")
        #expect(error.line == 1)
        #expect(error.field == "id")
        #expect(error.found == "test-crisis")
        #expect(error.message == "'test-crisis' is already the id of set/a.yaml; ids must be unique in a set")

        #expect(throws: InputErrors.self) { try loader.loadSet(at: directory, naming: naming) }
        do {
            _ = try loader.loadSet(at: directory, naming: naming)
        } catch let errors as InputErrors {
            #expect(errors.errors == [error])
        }
    }

    @Test func setLoadsEveryFileSortedByName() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try validIssueYAML.write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try validCrisisYAML.write(to: directory.appendingPathComponent("a.yml"), atomically: true, encoding: .utf8)
        let scenarios = try ScenarioLoader(knownActors: scenarioTestActors).loadSet(at: directory)
        #expect(scenarios.map(\.id) == ["test-crisis", "test-issue"])
    }

    @Test func setReportsErrorsOfEveryBadFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try replacing("location: KAZ", with: "location: XYZ", in: validCrisisYAML)
            .write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try replacing("salience: 0.9", with: "salience: 2", in: validIssueYAML)
            .write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let loader = ScenarioLoader(knownActors: scenarioTestActors)
        do {
            _ = try loader.loadSet(at: directory, naming: { $0.lastPathComponent })
            Testing.Issue.record("a set with bad files loaded")
        } catch let errors as InputErrors {
            #expect(errors.errors.map(\.file) == ["a.yaml", "b.yaml"])
            #expect(errors.errors.map(\.field) == ["crisis.location", "issue.stakeholders.RUS.salience"])
        }
    }

    @Test func emptyOrMissingDirectoryIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loader = ScenarioLoader(knownActors: scenarioTestActors)
        let empty = loader.check(directory: directory, naming: { _ in "empty" })
        #expect(empty.map(\.errors.first?.message) == ["contains no .yaml scenario files"])
        let missing = loader.check(paths: [directory.appendingPathComponent("nope").path])
        #expect(missing.first?.errors.first?.message == "cannot read the file (does it exist?)")
    }
}
