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

    @Test func solidarityIsAffinityPlusHalfTheDependenceAndTheLeadCountsItsClientsDependence() throws {
        let s = try setup(TestScenarios.kazakhstan())
        // Toy relations: BLR→KAZ affinity 0.4, dependence 0.05; RUS→KAZ 0.6, 0.1; KAZ→RUS
        // dependence 0.5, which the lead state adds as the protected member's patron.
        #expect(abs(s.solidarity[try index(s, "BLR")] - 0.425) < 1e-12)
        #expect(abs(s.solidarity[try index(s, "RUS")] - (0.65 + 0.5)) < 1e-12)
        #expect(s.roles[try index(s, "KAZ")] == .requester)
        #expect(s.requestedLevel == 5)
    }

    @Test func regimeSolidarityMultipliesTheAutocracies() throws {
        let s = try setup(TestScenarios.kazakhstan())
        // Toy regime scores: TJK 8, KAZ 23 → (1 - 0.08)(1 - 0.23).
        #expect(abs(s.regimeSolidarity[try index(s, "TJK")] - 0.92 * 0.77) < 1e-12)
        // An outside aggression threatens territory, not a government: no regime term.
        let arm = try setup(TestScenarios.armenia2022)
        #expect(arm.regimeSolidarity.allSatisfy { $0 == 0 })
    }

    @Test func tiesToTheAdversaryAndTheAttackersStrengthAgainstThoseWhoWouldAct() throws {
        let s = try setup(TestScenarios.armenia2022)
        // KAZ→AZE affinity 0.4, dependence 0.1.
        #expect(abs(s.adversaryTies[try index(s, "KAZ")] + 0.5) < 1e-12)
        // Azerbaijan outweighs Armenia, but not the members that would act (Russia among them):
        // its strength is measured against theirs, not the victim's.
        let capability = ToyWorld.dataset().snapshot(on: TestScenarios.armenia2022.date).capabilityIndex
        let acting = ["RUS", "BLR", "KAZ", "KGZ", "TJK"].map { capability[ActorID($0)] ?? 0 }.reduce(0, +)
        #expect(abs(s.attackerRatio - capability["AZE"]! / acting) < 1e-12)
        #expect(capability["AZE"]! > capability["ARM"]!)
        #expect(s.attackerRatio < 0.25)
        // The victim (the requester) bears no cost and has no weight in the proposal.
        let arm = try index(s, "ARM")
        #expect(s.bearsCost[arm] == 0 && !s.weighsInProposal[arm])
    }

    @Test func aHostThatAskedForNothingWeighsInItsOwnDomesticCrisisOnly() throws {
        // Unrest in Kazakhstan with no request: its wish that the organization stay out counts
        // (non-interference); a terror attack there is not an internal matter of that kind.
        let unrest = try setup(TestScenarios.kazakhstan(requester: nil))
        let kaz = try index(unrest, "KAZ")
        #expect(unrest.roles[kaz] == .host && unrest.weighsInProposal[kaz])
        let terror = try setup(TestScenarios.crisis("toy-terror", date: "2019-05-01", type: .terrorism, location: "KAZ",
                                                    requester: nil, article: nil,
                                                    adversary: Adversary(kind: .nonstate, actor: nil, externalBacking: .none),
                                                    deaths: 20))
        let host = try index(terror, "KAZ")
        #expect(terror.roles[host] == .host && !terror.weighsInProposal[host])
        // Once it asks, it is the requester and, like any side defended, has no weight.
        let asked = try setup(TestScenarios.kazakhstan())
        #expect(!asked.weighsInProposal[try index(asked, "KAZ")])
    }

    @Test func theStakeInCalmIsForMembersNotFightingWhenStatesFightAMember() throws {
        let clash = try setup(TestScenarios.kyrgyzTajik)
        #expect(clash.conflictManagement[try index(clash, "KGZ")] == 0)   // fights
        #expect(clash.conflictManagement[try index(clash, "TJK")] == 0)   // fights
        #expect(clash.conflictManagement[try index(clash, "KAZ")] == 1)
        #expect(clash.conflictManagement[try index(clash, "RUS")] == 1)
        let armenia = try setup(TestScenarios.armenia2022)
        #expect(armenia.conflictManagement[try index(armenia, "ARM")] == 0)   // the requester
        #expect(armenia.conflictManagement[try index(armenia, "BLR")] == 1)
        // Unrest involves no state: no call for calm between states to make.
        let unrest = try setup(TestScenarios.kazakhstan())
        #expect(unrest.conflictManagement.allSatisfy { $0 == 0 })
    }

    @Test func entrapmentIsForTheLeadStatesWarsNotATerrorAttackOnItsSoil() throws {
        let incursion = try setup(TestScenarios.crisis("toy-incursion", date: "2019-05-01", type: .externalAggression,
                                                       location: "RUS", requester: nil, article: nil, belligerents: ["RUS"],
                                                       adversary: Adversary(kind: .state, actor: "UKR", externalBacking: .none),
                                                       deaths: 20))
        #expect(incursion.entrapment[try index(incursion, "BLR")] == 1)
        #expect(incursion.entrapment[try index(incursion, "RUS")] == 0)
        #expect(incursion.leadOnOwnSoil)
        let terror = try setup(TestScenarios.crisis("toy-terror", date: "2019-05-01", type: .terrorism, location: "RUS",
                                                    requester: nil, article: nil,
                                                    adversary: Adversary(kind: .nonstate, actor: nil, externalBacking: .alleged),
                                                    deaths: 140))
        #expect(terror.entrapment.allSatisfy { $0 == 0 })
        // Police and security services fight terror; the armed forces are not drawn in.
        #expect(!terror.leadOnOwnSoil)
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

    @Test func leadCommitmentsComeFromTheScenarioOrTheDataset() throws {
        let fromData = try setup(TestScenarios.armenia2022, committed: 0.6)
        #expect(abs(fromData.leadCommittedElsewhere - 0.6) < 1e-12)
        let overridden = try setup(TestScenarios.kazakhstan(committed: 0.9))
        #expect(abs(overridden.leadCommittedElsewhere - 0.9) < 1e-12)
    }

    @Test func troopsOnCallComeFromEveryDeployableForceWhateverItsLabel() throws {
        let unrest = try setup(TestScenarios.kazakhstan())
        #expect(unrest.forceName == "Collective Peacekeeping Forces")
        // Russia: 1,600 peacekeepers plus 9,000 rapid-reaction troops.
        #expect(unrest.onCall[try index(unrest, "RUS")] == 10_600)
        let attack = try setup(TestScenarios.armenia2022)
        #expect(attack.forceName == "Collective Rapid Reaction Forces")
        #expect(attack.onCall[try index(attack, "RUS")] == 10_600)
        #expect(attack.onCall[try index(attack, "BLR")] == 2500)
    }

    @Test func gravityHasDiminishingReturns() throws {
        // Kazakhstan test scenario: 225 deaths over 14 days.
        let s = try setup(TestScenarios.kazakhstan())
        #expect(abs(s.gravity - log1p(225 * (1 + 14.0 / 90)) / log(1000)) < 1e-12)
        var worse = TestScenarios.kazakhstan()
        worse.crisis!.severity.deaths *= 1000
        let w = try setup(worse)
        // A thousandfold more harm adds one unit of gravity, not a thousand.
        #expect(abs(w.gravity - s.gravity - 1) < 0.01)
    }

    @Test func theLeadStatesGarrisonsAndPresenceComeFromItsBases() throws {
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
        // Its deployable bases open on the day, at the crisis (0 km) and in Armenia; not another
        // user's, and not a radar's staff, who are no reserve.
        #expect(s.leadGarrisonPersonnel == [800, 3000])
        #expect(s.leadGarrisonKm[0] == 0)
        let yerevanToAstana = Coordinates(latitude: 40.18, longitude: 44.51)
            .distance(to: Coordinates(latitude: 51.17, longitude: 71.43))
        #expect(abs(s.leadGarrisonKm[1] - yerevanToAstana) < 1e-9)
        // Presence in Kazakhstan counts every base Russia keeps there (1,400 personnel, the radar
        // too: a commitment, if no reserve), plus Kazakhstan's dependence on Russia (toy 0.3).
        let dependence = dataset.snapshot(on: scenario.date).dependence(from: "KAZ", to: "RUS")
        #expect(abs(s.leadPresence - ((1 - exp(-1400.0 / 1500)) + dependence)) < 1e-12)
    }
}
