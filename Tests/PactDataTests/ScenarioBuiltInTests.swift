import Foundation
import PactData
import PactModel
import Testing

@Suite("Built-in scenarios")
struct ScenarioBuiltInTests {
    @Test func everyBuiltInScenarioLoadsAndValidates() throws {
        let files = try Embedded.scenarioFiles(knownActors: scenarioTestActors)
        #expect(files.count == Embedded.yamlFiles(in: "Scenarios").count)
        #expect(files.map(\.scenario.id) == [
            "arm-azerbaijani-attack-2026", "blr-nato-buildup-2014", "blr-regime-change-2026",
            "csto-nato-contacts-2026", "eaeu-military-dimension-2014", "kgz-mass-unrest-2026",
            "kgz-tjk-water-clash-2026", "tjk-afghan-incursion-2025", "tjk-narcotics-surge-2026",
        ])
        for file in files {
            #expect(file.url.lastPathComponent == file.scenario.id + ".yaml", "file named after its id")
            #expect(file.file == "Scenarios/\(file.scenario.id).yaml")
        }
    }

    /// Built-ins are forecasts: no outcome; every one says why its inputs are what they are.
    @Test func builtInsAreForecastsWithNotes() throws {
        for scenario in try Embedded.scenarios(knownActors: scenarioTestActors) {
            #expect(!scenario.isCase, "\(scenario.id) has an outcome; cases belong in the case library")
            #expect(scenario.organization == "CSTO")
            #expect((scenario.notes?.count ?? 0) > 200, "\(scenario.id) needs notes explaining its inputs")
            for stakeholder in scenario.issue?.stakeholders ?? [] {
                #expect((stakeholder.note?.count ?? 0) > 80, "\(scenario.id): \(stakeholder.actor) needs a note")
            }
        }
    }

    /// The seed's themes, each as the scenario SPEC and issue 2 ask for.
    @Test func builtInsCoverTheSeedsThemes() throws {
        let byID = Dictionary(uniqueKeysWithValues: try Embedded.scenarios(knownActors: scenarioTestActors)
            .map { ($0.id, $0) })
        let armenia = try #require(byID["arm-azerbaijani-attack-2026"]?.crisis)
        #expect(armenia.location == "ARM")
        #expect(armenia.territory == .sovereign)  // not Karabakh: Article 4 formally applies
        #expect(armenia.adversary.kind == .state)
        #expect(armenia.adversary.actor == "AZE")
        #expect(armenia.requester == "ARM")
        #expect(armenia.article == 4)

        let incursion = try #require(byID["tjk-afghan-incursion-2025"]?.crisis)
        #expect(incursion.location == "TJK")
        #expect(incursion.adversary.kind == .nonstate)

        let unrest = try #require(byID["kgz-mass-unrest-2026"]?.crisis)
        #expect(unrest.type == .internalUnrest)
        #expect(["KAZ", "KGZ", "TJK"].contains(unrest.location))

        let belarus = try #require(byID["blr-regime-change-2026"]?.crisis)
        #expect(belarus.location == "BLR")
        #expect(belarus.adversary.externalBacking != Adversary.Backing.none)

        let narcotics = try #require(byID["tjk-narcotics-surge-2026"]?.crisis)
        #expect(narcotics.location == "TJK")
        #expect(narcotics.article == nil)

        let water = try #require(byID["kgz-tjk-water-clash-2026"]?.crisis)
        #expect(water.type == .resourceDispute)
        #expect(water.effectiveBelligerents == ["KGZ", "TJK"])

        let nato = try #require(byID["blr-nato-buildup-2014"]?.crisis)
        #expect(nato.article == 2)
        #expect(nato.effectiveBelligerents == [])
        #expect(nato.severity.deaths == 0)

        let contacts = try #require(byID["csto-nato-contacts-2026"]?.issue)
        let eaeu = try #require(byID["eaeu-military-dimension-2014"]?.issue)
        for issue in [contacts, eaeu] {
            #expect(issue.scale.min == 0 && issue.scale.max == 100)
            #expect(Set(issue.stakeholders.map(\.actor)).isSuperset(of: ["RUS", "BLR", "KAZ", "KGZ", "TJK", "ARM"]))
        }
        // Belarus, the member most afraid of the West, sits at the no-contacts end; Armenia,
        // frozen and turning west, at the other.
        let positions = Dictionary(uniqueKeysWithValues: contacts.stakeholders.map { ($0.actor, $0.position) })
        #expect(positions["BLR"]! < positions["KAZ"]! && positions["KAZ"]! < positions["ARM"]!)
        // Kazakhstan insists on a purely economic union; Russia wants the military arm.
        let union = Dictionary(uniqueKeysWithValues: eaeu.stakeholders.map { ($0.actor, $0) })
        #expect(union["KAZ"]!.position < union["RUS"]!.position)
        #expect(union["KAZ"]!.salience == eaeu.stakeholders.map(\.salience).max())
    }

    /// With no actor set given, the embedded dataset's actors are the known ones.
    @Test func builtInsLoadAgainstTheEmbeddedDataset() throws {
        let dataset = try Embedded.dataset()
        #expect(try Embedded.datasetActorIDs() == Set(dataset.actors.keys))
        #expect(try Embedded.datasetActorIDs().isSuperset(of: scenarioTestActors))
        let scenarios = try Embedded.scenarios()
        #expect(scenarios.count == 9)
        #expect(try ScenarioLoader.embedded().knownActors == Set(dataset.actors.keys))
        for scenario in scenarios {
            guard let requester = scenario.crisis?.requester else { continue }
            // A request for help comes from a state the treaty binds on the day (Armenia is
            // frozen, not out, in 2026).
            #expect(dataset.organization.parties(on: scenario.date).contains(requester),
                    "\(scenario.id): \(requester) is not a party on \(scenario.date)")
        }
    }

    @Test func builtInsRejectAnActorSetThatLacksTheirActors() {
        #expect(throws: InputErrors.self) {
            try Embedded.scenarios(knownActors: scenarioTestActors.subtracting(["AZE"]))
        }
    }
}
