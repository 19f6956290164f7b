import Foundation
import PactData
import PactEngine
import PactModel
import Testing

/// Behaviour the issue pins, on the embedded dataset with the shipped default parameters.
/// The scenarios are described by facts only (TestScenarios); nothing is tuned per case.
@Suite struct CrisisForecastTests {
    static let draws = 4000

    func forecast(_ scenario: Scenario, seed: UInt64 = 1, threads: Int? = nil, draws: Int = draws,
                  drivers: Bool = false) throws -> CrisisForecast {
        let dataset = try Embedded.dataset()
        let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
        return try model.forecast(parameters: try TestScenarios.parameters(), draws: draws, seed: seed, threads: threads,
                                  drivers: drivers)
    }

    @Test func invitedHelpAgainstFramedUnrestDeploysAForceFast() throws {
        let f = try forecast(TestScenarios.kazakhstan(), drivers: true)
        // The record (Kazakhstan 2022: a deployment), here with the unrest coded as home-grown
        // (an internal adversary), which makes it a domestic crisis where independent members
        // fear the precedent: the library's coding of the episode is held to P(5) > 0.5 below.
        #expect(f.probability(of: .deployment) > 0.4)
        #expect(f.probability(of: .aid) + f.probability(of: .deployment) > 0.7)
        #expect(try #require(f.requesterSatisfaction) > 0.75)
        #expect(f.probability(of: .aid) + f.probability(of: .deployment) > 0.6)
        let force = try #require(f.force)
        #expect(force.mean > 1000 && force.mean < 5000)
        #expect(force.p10 >= 500 && force.p90 <= 6000)
        let days = try #require(f.daysToFirstArrival)
        #expect(days.mean <= 3)
        #expect(days.p90 <= 3)
        #expect(f.trigger.coverage == "collective-defence")
        #expect(abs(f.levels.reduce(0, +) - 1) < 1e-12)
        // The lead state carries the largest share of the force.
        let lead = try #require(f.members.first { $0.id == "RUS" })
        #expect(f.members.allSatisfy { $0.contribution <= lead.contribution })
        #expect(f.members.first { $0.id == "KAZ" }?.contribution == 0)
        // Bargaining weight shares sum to 1 in every draw, so their means do too; clout makes
        // the lead state's the largest.
        #expect(abs(f.members.map(\.weight).reduce(0, +) - 1) < 1e-9)
        #expect(f.members.allSatisfy { $0.weight <= lead.weight })
        // The treaty obligation is what moved the result most.
        #expect(f.drivers.first?.term == "treaty_obligation")
    }

    /// Kazakhstan, January 2022 (the case library's `kaz-2022-01`): Russia supplied most of the
    /// force. About 2,000 troops were in the country (Qazaq TV, 13 Jan 2022,
    /// https://qazaqtv.com/amp/en/news/society/16550-csto-peacekeepers-to-leave-kazakhstan-today),
    /// of about 2,500 decided (Zas to Sputnik, 6 Jan 2022,
    /// https://sputniknews.com/20220106/csto-to-dispatch-2500-peacekeepers-to-kazakhstan-number-can-be-increased-secretary-general-says-1092073012.html);
    /// Armenia sent 100, and Russia was reported to send 3,000, Belarus 500, Tajikistan 200 and
    /// Kyrgyzstan 150 (Panorama.am, 7 Jan 2022,
    /// https://panorama.am/en/news/2022/01/07/Armenia-peacekeepers-Kazakhstan/2623551): the allies'
    /// about 950 leave Russia between about half of a 2,000–2,500 force and three quarters of
    /// the reported 3,950. The model must give Russia the majority, at most about three quarters,
    /// of a mean force within 10% of the 2,000–2,500 band.
    @Test func theLeadStateSuppliesMostOfTheKazakhstanForce() throws {
        let dataset = try Embedded.dataset()
        let library = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let f = try forecast(try #require(library.first { $0.id == "kaz-2022-01" }))
        // A deployment, the answer the Council gave, is the modal one, arriving within 3 days.
        #expect(f.probability(of: .deployment) > 0.5)
        #expect(try #require(f.daysToFirstArrival).p90 <= 3)
        let force = try #require(f.force)
        #expect(force.mean >= 1800 && force.mean <= 2750)
        let russia = try #require(f.members.first { $0.id == "RUS" })
        let share = russia.contribution / f.members.map(\.contribution).reduce(0, +)
        #expect(share > 0.5 && share < 0.8)
    }

    /// The built-in Kyrgyz unrest scenario (2026): Russia is tied down in Ukraine (committed
    /// 0.8), yet it keeps the Kant air base at the crisis and the 201st base in Dushanbe (~700 km), and
    /// its airborne units on call for the rapid-reaction forces; when a force deploys, Russia's
    /// contingent is the largest.
    @Test func theLeadStateSendsTheLargestContingentToKyrgyzstanThoughTiedDownElsewhere() throws {
        let scenario = try #require(try Embedded.scenarios().first { $0.id == "kgz-mass-unrest-2026" })
        let f = try forecast(scenario)
        #expect(f.force != nil)
        let russia = try #require(f.members.first { $0.id == "RUS" })
        #expect(russia.contribution > 0)
        #expect(f.members.allSatisfy { $0.id == "RUS" || $0.contribution < russia.contribution })
    }

    @Test func withoutARequestThereIsNoDeployment() throws {
        let f = try forecast(TestScenarios.kazakhstan(requester: nil))
        #expect(f.probability(of: .deployment) < 0.1)
        #expect(f.force == nil)
        #expect(f.requesterSatisfaction == nil)
    }

    @Test func aLeadStateTiedDownElsewhereDeploysLess() throws {
        let free = try forecast(TestScenarios.kazakhstan(committed: 0))
        let busy = try forecast(TestScenarios.kazakhstan(committed: 0.9))
        #expect(busy.probability(of: .deployment) < free.probability(of: .deployment))
        #expect(busy.expectedLevel < free.expectedLevel)
    }

    @Test func aStateAttackOnAMemberWithAlliesCloseToTheAttackerGetsTalkNotTroops() throws {
        let f = try forecast(TestScenarios.armenia2022, drivers: true)
        #expect(f.probability(of: .deployment) < 0.15)
        #expect([2, 3].contains(f.modal))
        #expect(f.drivers.contains { $0.term == "adversary_ties" && $0.effect < 0 })
    }

    @Test func aClashBetweenMembersGetsStatements() throws {
        let f = try forecast(TestScenarios.kyrgyzTajik)
        #expect(f.probability(of: .deployment) < 0.05)
        #expect(f.trigger.cap == 2)
        #expect(f.members.first { $0.id == "TJK" }?.role == "adversary")
    }

    @Test func contestedTerritoryHasNoCollectiveDefenceButTheLeadMayActAlone() throws {
        let f = try forecast(TestScenarios.karabakh)
        #expect(f.trigger.coverage != "collective-defence")
        #expect(f.trigger.cap <= 2)
        #expect(f.probability(of: .deployment) == 0)
        #expect(f.unilateral > 0 && f.unilateral < 1)
    }

    @Test func sameSeedGivesIdenticalResultsForAnyThreadCount() throws {
        let one = try forecast(TestScenarios.armenia2022, threads: 1, draws: 10_000, drivers: true)
        let many = try forecast(TestScenarios.armenia2022, threads: 4, draws: 10_000, drivers: true)
        let all = try forecast(TestScenarios.armenia2022, threads: nil, draws: 10_000, drivers: true)
        #expect(one == many)
        #expect(one == all)
        let other = try forecast(TestScenarios.armenia2022, seed: 2, threads: 1, draws: 10_000)
        #expect(other.levels != one.levels)
    }

    @Test func aScenariosUncertaintyOverridesTheParameterRange() throws {
        var scenario = TestScenarios.kazakhstan()
        // Pinning the treaty obligation's weight at 0 removes the legal pull.
        scenario.uncertainty = ["w_treaty_obligation": 0...0]
        let pinned = try forecast(scenario)
        let normal = try forecast(TestScenarios.kazakhstan())
        #expect(pinned.expectedLevel < normal.expectedLevel - 0.5)
    }

    @Test func aParameterSetMissingANameIsRejected() throws {
        let dataset = try Embedded.dataset()
        let scenario = TestScenarios.kazakhstan()
        let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
        let partial = ParameterSet(try TestScenarios.parameters().parameters.filter { $0.name != "baseline" })
        #expect(throws: CrisisModelError.self) { try model.forecast(parameters: partial, draws: 10, seed: 1) }
    }

    @Test func frozenMembersDoNotTakePart() throws {
        // Armenia froze its participation on 22 February 2024.
        let scenario = TestScenarios.crisis("test-frozen", date: "2025-01-10", type: .internalUnrest, location: "KGZ",
                                            requester: "KGZ", article: 4,
                                            adversary: Adversary(kind: .internal, actor: nil, externalBacking: .alleged), deaths: 50)
        let f = try forecast(scenario)
        #expect(!f.members.contains { $0.id == "ARM" })
        #expect(f.members.count == 5)
    }

    @Test func syntheticAlliancesOfAnySizeRun() throws {
        for n in [6, 30] {
            let (dataset, scenario) = SyntheticAlliance.make(members: n)
            let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
            let f = try model.forecast(parameters: try TestScenarios.parameters(), draws: 500, seed: 3, drivers: false)
            #expect(f.members.count == n)
            #expect(abs(f.levels.reduce(0, +) - 1) < 1e-12)
        }
    }

    // MARK: Behaviour an analyst expects of model v2 (each was wrong in v1).

    func afghanIncursion() throws -> Scenario {
        try #require(try Embedded.scenarios().first { $0.id == "tjk-afghan-incursion-2025" })
    }

    /// The built-in Afghan incursion with the attackers turned into the weak neighbouring state
    /// itself: a graver attack, at least as firm an obligation, and a state far weaker than the
    /// members that would act. v1 gave 3.6 for armed groups and 2.2 for the state.
    @Test func aWeakStatesIncursionDrawsNoWeakerResponseThanArmedGroups() throws {
        let groups = try afghanIncursion()
        var state = groups
        state.crisis!.adversary = Adversary(kind: .state, actor: "AFG", externalBacking: .none)
        let g = try forecast(groups), s = try forecast(state)
        // Afghanistan in 2025 is a partner of the lead state (recognised by Russia in July 2025), so
        // confronting it carries a cost armed groups do not (the ties also make the crisis matter
        // more to Russia, which makes it put less of the request to the Council): the state may
        // draw slightly less, but v1's gap (3.6 against 2.2 in expected level, 0.61 against 0.11
        // for level 4 or above) must not return. A state with no ties draws no less: the property
        // test `aWeakStatesAttackDrawsNoWeakerResponseThanArmedGroups`.
        #expect(s.expectedLevel >= g.expectedLevel - 0.1)
        #expect(s.probability(of: .aid) + s.probability(of: .deployment)
                >= g.probability(of: .aid) + g.probability(of: .deployment) - 0.03)
    }

    /// v1 moved the expected level by 0.07 on average for a thousandfold graver crisis.
    @Test func aThousandfoldGraverCrisisMovesTheExpectedLevelClearly() throws {
        let base = try afghanIncursion()
        var graver = base
        graver.crisis!.severity = Severity(deaths: 60_000, displaced: 5_000_000, territoryKm2: 150_000)
        let a = try forecast(base), b = try forecast(graver)
        #expect(b.expectedLevel - a.expectedLevel > 0.3)
        let before = try #require(a.force), after = try #require(b.force)
        #expect(after.mean > before.mean)
    }

    /// Article 4 invoked against a state before 2022 (a weak neighbour's incursion into Tajikistan
    /// in 2015): honoured at rates like the record of alliance commitments, not near-automatically
    /// (v1: P(level ≥ 4) of 0.9–0.99).
    @Test func articleFourAgainstAStateIsNotNearAutomatic() throws {
        let s = TestScenarios.crisis("test-state-2015", date: "2015-06-01", type: .borderClash, location: "TJK",
                                     requester: "TJK", article: 4,
                                     adversary: Adversary(kind: .state, actor: "AFG", externalBacking: .none), deaths: 40, days: 10)
        let f = try forecast(s)
        let honoured = f.probability(of: .aid) + f.probability(of: .deployment)
        #expect(honoured < 0.75)
        #expect(honoured > 0.1)
    }

    /// A member's request about a non-member's soil, even written as sovereign territory,
    /// opens consultations at most.
    @Test func aRequestAboutANonMembersSoilOpensNoCollectiveDefence() throws {
        let s = TestScenarios.crisis("test-abroad", date: "2020-10-01", type: .externalAggression, location: "AZE",
                                     requester: "ARM", article: 4,
                                     adversary: Adversary(kind: .state, actor: "AZE", externalBacking: .evident), deaths: 3000, days: 44)
        let f = try forecast(s)
        #expect(f.trigger.coverage == "consultations")
        #expect(f.levels[3...].allSatisfy { $0 == 0 })
    }

    /// The lead state asking for help against a state's incursion on its own soil (2024): the
    /// allies weigh entrapment and do not join its war; it fights the incursion itself.
    @Test func theLeadStatesOwnRequestIsNotGrantedByItsOwnWeight() throws {
        let s = TestScenarios.crisis("test-lead-request", date: "2024-08-10", type: .externalAggression, location: "RUS",
                                     requester: "RUS", article: 4,
                                     adversary: Adversary(kind: .state, actor: "UKR", externalBacking: .evident), deaths: 300, days: 120)
        let f = try forecast(s, drivers: true)
        #expect(f.probability(of: .aid) + f.probability(of: .deployment) < 0.2)
        #expect(f.drivers.contains { $0.term == "entrapment" && $0.effect < 0 })
        // Allies may speak for it but not fight beside it: no ally's preferred level passes the
        // entrapment ceiling's range in any draw, so neither does its mean.
        let parameters = try TestScenarios.parameters()
        let ceiling = try #require(parameters["entrapment_ceiling"])
        for member in f.members where member.id != "RUS" {
            #expect(member.position <= ceiling.high + 1e-9, "\(member.id) \(member.position)")
        }
        // v1 gave about 0.08 for a state's attack on the lead state's own soil; v2 gives about 0.86.
        #expect(f.unilateral > 0.8)
    }

    /// A small terror attack on an ally that asked nobody for help: the lead state has little
    /// reason to send its forces (v1: 0.70).
    @Test func aSmallTerrorAttackOnAnAllyRarelyDrawsTheLeadStatesForces() throws {
        let s = TestScenarios.crisis("test-small-terror", date: "2019-05-01", type: .terrorism, location: "KAZ",
                                     requester: nil, article: nil,
                                     adversary: Adversary(kind: .nonstate, actor: nil, externalBacking: .none), deaths: 3, days: 2)
        let f = try forecast(s)
        #expect(f.unilateral < 0.3)
    }
}
