import Foundation
import PactData
@testable import PactEngine
import PactModel
import PropertyBased
import Testing

/// Properties the crisis model promises by construction, checked over random crises on random
/// days of the embedded dataset with the shipped parameters. Each property compares two runs on
/// the same seed that differ in one fact; since every draw consumes the same random numbers and
/// the model is monotone draw by draw, the expected levels compare exactly, not up to noise.
@Suite struct CrisisPropertyTests {
    static let dataset = try! Embedded.dataset()
    static let parameters = try! Embedded.defaultParameters()
    static let draws = 300
    static let checks = 12

    /// A random crisis on a random day between 2003 and 2026 in a random member (or, with
    /// `memberSoil: false`, a state outside the members), described by its facts only.
    static func scenario(_ seed: Int, memberSoil: Bool = true) -> Scenario {
        var g = SeededGenerator(seed: UInt64(seed), stream: 99)
        func pick<T>(_ xs: [T]) -> T { xs[min(xs.count - 1, Int(g.nextUnit() * Double(xs.count)))] }
        let day = Day(year: 2003 + Int(g.nextUnit() * 23), month: 1 + Int(g.nextUnit() * 12), day: 1 + Int(g.nextUnit() * 28))!
        let snapshot = dataset.snapshot(on: day)
        let members = snapshot.members
        let outsiders = dataset.actorIDs.filter { snapshot.status(of: $0) == nil }
        let location = memberSoil ? pick(members) : pick(outsiders)
        let kind = pick(Adversary.Kind.allCases)
        let attacker: ActorID? = kind == .state ? pick(outsiders.filter { $0 != location }) : nil
        let requester: ActorID? = g.nextUnit() < 0.7 ? (memberSoil ? location : pick(members)) : nil
        let crisis = Crisis(
            type: pick(Crisis.CrisisType.allCases), location: location, territory: .sovereign, requester: requester,
            article: pick([4, 2, nil] as [Int?]), belligerents: nil,
            adversary: Adversary(kind: kind, actor: attacker, externalBacking: pick(Adversary.Backing.allCases)),
            severity: Severity(deaths: 1000 * g.nextUnit() * g.nextUnit(), displaced: 50_000 * g.nextUnit(),
                               territoryKm2: 500 * g.nextUnit()),
            expectedDurationDays: 1 + 120 * g.nextUnit())
        return Scenario(id: "property-\(seed)", title: "random crisis", date: day, kind: .crisis, crisis: crisis,
                        context: ContextOverrides(leadStateCommittedElsewhere: g.nextUnit() < 0.5 ? g.nextUnit() : nil))
    }

    static func forecast(_ scenario: Scenario, threads: Int = 1, draws: Int = draws) throws -> CrisisForecast {
        let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
        return try model.forecast(parameters: parameters, draws: draws, seed: 5, threads: threads, drivers: false)
    }

    @Test func aGraverCrisisNeverLowersTheExpectedLevel() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            let base = Self.scenario(seed)
            var graver = base
            graver.crisis!.severity.deaths = base.crisis!.severity.deaths * 10 + 50
            graver.crisis!.severity.displaced *= 10
            graver.crisis!.severity.territoryKm2 *= 10
            let a = try Self.forecast(base), b = try Self.forecast(graver)
            #expect(b.expectedLevel >= a.expectedLevel, "seed \(seed)")
        }
    }

    @Test func outsideBackingNeverLowersTheExpectedLevel() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            var levels: [Double] = []
            for backing in Adversary.Backing.allCases {
                var s = Self.scenario(seed)
                s.crisis!.adversary.externalBacking = backing
                levels.append(try Self.forecast(s).expectedLevel)
            }
            #expect(levels[0] <= levels[1] && levels[1] <= levels[2], "seed \(seed): \(levels)")
        }
    }

    @Test func theAttackedMembersRequestNeverLowersTheExpectedLevel() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            var asked = Self.scenario(seed)
            asked.crisis!.requester = asked.crisis!.location
            var silent = asked
            silent.crisis!.requester = nil
            let a = try Self.forecast(asked), b = try Self.forecast(silent)
            #expect(a.expectedLevel >= b.expectedLevel, "seed \(seed)")
        }
    }

    @Test func aStrongerArticleNeverLowersTheExpectedLevel() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            var s = Self.scenario(seed)
            s.crisis!.requester = s.crisis!.location
            var levels: [Double] = []
            for article in [2, 4] as [Int?] {
                s.crisis!.article = article
                levels.append(try Self.forecast(s).expectedLevel)
            }
            #expect(levels[0] <= levels[1], "seed \(seed): \(levels)")
        }
    }

    @Test func noDrawExceedsTheLegalCapAndForcesStayWithinWhatMembersHaveOnCall() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            let s = Self.scenario(seed)
            let model = try CrisisModel(scenario: s, snapshot: Self.dataset.snapshot(on: s.date))
            let f = try model.forecast(parameters: Self.parameters, draws: Self.draws, seed: 5, threads: 1, drivers: false)
            #expect(f.levels[(f.trigger.cap + 1)...].allSatisfy { $0 == 0 }, "seed \(seed)")
            if let force = f.force {
                let available = model.setup.onCall.reduce(0, +) + model.setup.leadGarrisonPersonnel.reduce(0, +)
                #expect(force.mean <= available, "seed \(seed)")
                #expect(zip(f.members, model.setup.onCall).allSatisfy { m, c in
                    m.id == model.setup.members[model.setup.leadIndex] || m.contribution <= c + 1e-9
                }, "seed \(seed)")
            }
        }
    }

    @Test func noCollectiveDefenceOnANonMembersSoil() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            let f = try Self.forecast(Self.scenario(seed, memberSoil: false))
            #expect(f.trigger.coverage != "collective-defence", "seed \(seed)")
            #expect(f.levels[3...].allSatisfy { $0 == 0 }, "seed \(seed)")
        }
    }

    /// A weak state (here one with no capability or ties on record) attacking a member that
    /// invokes Article 4 draws no weaker response than armed groups doing the same.
    @Test func aWeakStatesAttackDrawsNoWeakerResponseThanArmedGroups() async throws {
        await propertyCheck(count: Self.checks, input: Gen.int(in: 0...1_000_000)) { seed in
            var groups = Self.scenario(seed)
            groups.crisis!.requester = groups.crisis!.location
            groups.crisis!.article = 4
            groups.crisis!.adversary = Adversary(kind: .nonstate, actor: nil, externalBacking: groups.crisis!.adversary.externalBacking)
            var state = groups
            state.crisis!.adversary = Adversary(kind: .state, actor: "ZZ-WEAK", externalBacking: groups.crisis!.adversary.externalBacking)
            let s = try Self.forecast(state), g = try Self.forecast(groups)
            #expect(s.expectedLevel >= g.expectedLevel, "seed \(seed)")
        }
    }

    @Test func resultsAreIdenticalForAnyThreadCount() async throws {
        await propertyCheck(count: 2, input: Gen.int(in: 0...1_000_000)) { seed in
            let s = Self.scenario(seed)
            // More than two chunks of draws, so that threads really share the work.
            let one = try Self.forecast(s, threads: 1, draws: 9000)
            let three = try Self.forecast(s, threads: 3, draws: 9000)
            #expect(one == three, "seed \(seed)")
        }
    }
}
