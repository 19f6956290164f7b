import Foundation
import PactModel

/// A made-up alliance of any size for benchmarks and scaling tests: `members` states with
/// capitals scattered over a 3,000 km square, attributes and relations drawn from a seeded
/// generator, collective forces with a contribution from every member, and one crisis: invited
/// help under Article 4 against unrest framed as externally backed, in member 1, with member 0
/// as the lead state. Nothing in it is data about the world.
public enum SyntheticAlliance {
    public static func make(members n: Int, seed: UInt64 = 7) -> (dataset: Dataset, scenario: Scenario) {
        precondition(n >= 2, "an alliance needs at least two members")
        var g = SeededGenerator(seed: seed, stream: UInt64(n))
        let start = Day(year: 2000, month: 1, day: 1)!
        let ids = (0..<n).map { ActorID("S\(String(format: "%03d", $0))") }
        func sourced(_ v: Double) -> Sourced<Double> { Sourced(v, source: "synthetic", year: 2020) }
        var actors: [Actor] = []
        for (k, id) in ids.enumerated() {
            let scale = k == 0 ? 20.0 : 0.5 + g.nextUnit()
            let capital = Coordinates(latitude: 40 + 15 * g.nextUnit(), longitude: 40 + 30 * g.nextUnit())
            actors.append(Actor(id: id, name: id.rawValue, kind: .state, capital: capital, observations: [
                AttributeObservation(year: 2020, population: sourced(1e7 * scale), gdp: sourced(5e10 * scale),
                                     militaryExpenditure: sourced(1e9 * scale), activePersonnel: sourced(4e4 * scale),
                                     regimeScore: sourced(100 * g.nextUnit())),
            ]))
        }
        var relations: [Relation] = []
        for a in ids {
            for b in ids where a != b {
                let toLead = b == ids[0]
                relations.append(Relation(from: a, to: b, period: DayInterval(start: start),
                                          affinity: toLead ? 0.3 + 0.5 * g.nextUnit() : 0.6 * g.nextUnit() - 0.2,
                                          dependence: toLead ? 0.2 + 0.6 * g.nextUnit() : 0.1 * g.nextUnit(),
                                          evidence: "synthetic", source: "synthetic", year: 2020))
            }
        }
        let memberships = ids.map { Membership(actor: $0, status: .member, interval: DayInterval(start: start), source: "synthetic") }
        let organization = Organization(
            id: "SYN", name: "Synthetic alliance", leadState: ids[0], headquarters: "", articles: [],
            decisionRule: DecisionRule(kind: .consensus, optOutSince: start, description: "consensus with opt-out", source: "synthetic"),
            bodies: [], secretariesGeneral: [], memberships: memberships)
        func contributions(_ lead: Int, _ other: Int) -> [ForceContribution] {
            ids.enumerated().map { k, id in
                ForceContribution(actor: id, units: "synthetic", size: Sourced(k == 0 ? lead : other, source: "synthetic", year: 2020))
            }
        }
        let forces = [
            CollectiveForce(id: "pk", name: "Peacekeepers", kind: .peacekeeping, established: start,
                            sizes: [Sourced(2000 + 300 * n, source: "synthetic", year: 2020)], contributions: contributions(2000, 300)),
            CollectiveForce(id: "rr", name: "Rapid reaction", kind: .rapidReaction, established: start,
                            sizes: [Sourced(9000 + 1500 * n, source: "synthetic", year: 2020)], contributions: contributions(9000, 1500)),
        ]
        let dataset = Dataset(organization: organization, actors: actors, relations: relations, forces: forces, bases: [], context: [])
        let scenario = Scenario(
            id: "synthetic-\(n)", title: "Synthetic \(n)-member crisis", date: Day(year: 2020, month: 6, day: 1)!,
            organization: "SYN", kind: .crisis,
            crisis: Crisis(type: .internalUnrest, location: ids[1], territory: .sovereign, requester: ids[1], article: 4,
                           belligerents: nil, adversary: Adversary(kind: .internal, actor: nil, externalBacking: .alleged),
                           severity: Severity(deaths: 200, displaced: 0, territoryKm2: 0), expectedDurationDays: 14))
        return (dataset, scenario)
    }
}
