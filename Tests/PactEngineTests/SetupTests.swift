import Foundation
@testable import PactEngine
import PactModel
import Testing

/// The precomputed interest features on the hand-made toy world, checked by hand.
@Suite struct CrisisSetupTests {
    func setup(_ scenario: Scenario, committed: Double = 0.6) throws -> CrisisSetup {
        let dataset = ToyWorld.dataset(committedFrom2022: committed)
        return try CrisisSetup(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
    }

    func index(_ setup: CrisisSetup, _ id: ActorID) throws -> Int { try #require(setup.members.firstIndex(of: id)) }

    @Test func solidarityIsAffinityPlusHalfTheDependence() throws {
        let s = try setup(TestScenarios.kazakhstan())
        // Toy relations: BLR→KAZ affinity 0.4, dependence 0.05; RUS→KAZ 0.6, 0.1.
        #expect(abs(s.solidarity[try index(s, "BLR")] - 0.425) < 1e-12)
        #expect(abs(s.solidarity[try index(s, "RUS")] - 0.65) < 1e-12)
        #expect(s.roles[try index(s, "KAZ")] == .requester)
        #expect(s.requestedLevel == 5)
    }

    @Test func regimeSolidarityMultipliesTheAutocracies() throws {
        let s = try setup(TestScenarios.kazakhstan())
        // Toy regime scores: TJK 8, KAZ 23 → (1 - 0.08)(1 - 0.23).
        #expect(abs(s.regimeSolidarity[try index(s, "TJK")] - 0.92 * 0.77) < 1e-12)
        // No regime term against a state adversary.
        let arm = try setup(TestScenarios.armenia2022)
        #expect(arm.regimeSolidarity.allSatisfy { $0 == 0 })
    }

    @Test func tiesToTheAdversaryAndEscalation() throws {
        let s = try setup(TestScenarios.armenia2022)
        // KAZ→AZE affinity 0.4, dependence 0.1.
        #expect(abs(s.adversaryTies[try index(s, "KAZ")] + 0.5) < 1e-12)
        #expect(s.escalation > 0.5 && s.escalation < 1)  // Azerbaijan outweighs Armenia
    }

    @Test func precedentWeighsOnMembersIndependentOfTheLead() throws {
        // In 2009 Uzbekistan (dependence on Russia 0.4) was a member; intervention in unrest.
        let scenario = TestScenarios.crisis("toy-2009", date: "2009-06-01", type: .internalUnrest, location: "KGZ",
                                            requester: "KGZ", article: 4,
                                            adversary: Adversary(kind: .internal, actor: nil, externalBacking: .alleged), deaths: 100)
        let s = try setup(scenario)
        #expect(abs(s.precedent[try index(s, "UZB")] + 0.6) < 1e-12)
        #expect(s.precedent[try index(s, "RUS")] == 0)
        #expect(!s.optOutAllowed)
    }

    @Test func leadCapacityComesFromTheScenarioOrTheDataset() throws {
        let fromData = try setup(TestScenarios.armenia2022, committed: 0.6)
        #expect(abs(fromData.leadCapacity[try index(fromData, "RUS")] - (1 - 1.2)) < 1e-12)
        let overridden = try setup(TestScenarios.kazakhstan(committed: 0.9))
        #expect(abs(overridden.leadCommittedElsewhere - 0.9) < 1e-12)
        #expect(overridden.leadCapacity[try index(overridden, "BLR")] == 0)
    }

    @Test func assignedTroopsComeFromTheForceForTheCrisis() throws {
        let unrest = try setup(TestScenarios.kazakhstan())
        #expect(unrest.forceName == "Collective Peacekeeping Forces")
        #expect(unrest.assigned[try index(unrest, "RUS")] == 1600)
        let attack = try setup(TestScenarios.armenia2022)
        #expect(attack.forceName == "Collective Rapid Reaction Forces")
        #expect(attack.assigned[try index(attack, "RUS")] == 9000)
    }

    @Test func theMissionAndTheLeadStatesReserveComeFromTheOtherForcesAndItsBases() throws {
        var dataset = ToyWorld.dataset()
        func base(_ id: String, user: ActorID, at capital: ActorID, personnel: Int, opened: String, deployable: Bool = true) -> Base {
            let (lat, lon) = ToyWorld.capitals[capital.rawValue]!
            return Base(id: id, name: id, host: capital, user: user, place: id,
                        coordinates: Coordinates(latitude: lat, longitude: lon), kind: "test", opened: ToyWorld.day(opened),
                        closes: nil, personnel: Sourced(personnel, source: "test", year: 2020), deployable: deployable, legalBasis: "test",
                        source: "test")
        }
        dataset.bases = [
            base("in-theatre", user: "RUS", at: "KAZ", personnel: 800, opened: "2010-01-01"),
            base("far", user: "RUS", at: "ARM", personnel: 3000, opened: "2010-01-01"),
            base("not-yet-open", user: "RUS", at: "KGZ", personnel: 500, opened: "2023-01-01"),
            base("someone-else", user: "UZB", at: "TJK", personnel: 900, opened: "2010-01-01"),
            base("radar", user: "RUS", at: "KAZ", personnel: 600, opened: "2010-01-01", deployable: false),
        ]
        let scenario = TestScenarios.kazakhstan()
        let s = try CrisisSetup(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
        // Unrest draws on the peacekeeping forces: everyone's assignment but the requester's
        // (KAZ 600) is the mission's base, 1600 + 500 + 300 + 300 + 300.
        #expect(s.missionAssigned == 3000)
        // Russia's units on call elsewhere are its rapid-reaction assignment.
        #expect(s.leadOnCall == 9000)
        // Its bases open on the day, at the crisis (0 km) and in Armenia; not another user's, and
        // not a radar's staff, who are no reserve.
        #expect(s.leadGarrisonPersonnel == [800, 3000])
        #expect(s.leadGarrisonKm[0] == 0)
        let yerevanToAstana = Coordinates(latitude: 40.18, longitude: 44.51)
            .distance(to: Coordinates(latitude: 51.17, longitude: 71.43))
        #expect(abs(s.leadGarrisonKm[1] - yerevanToAstana) < 1e-9)
        // An attack draws on the rapid-reaction forces: the peacekeepers are then the reserve.
        let attack = try CrisisSetup(scenario: TestScenarios.armenia2022, snapshot: dataset.snapshot(on: TestScenarios.armenia2022.date))
        #expect(attack.missionAssigned == 18000 - 1500)
        #expect(attack.leadOnCall == 1600)
    }
}
