import PactModel

/// A small hand-made world for testing the engine's mechanics independently of the embedded
/// dataset: the six CSTO members, Uzbekistan and Azerbaijan with rounded 2021 attributes and
/// relations coded by the test author. Figures are test inputs, not data claims.
enum ToyWorld {
    static let capitals: [String: (Double, Double)] = [
        "RUS": (55.75, 37.62), "BLR": (53.90, 27.57), "ARM": (40.18, 44.51), "KAZ": (51.17, 71.43),
        "KGZ": (42.87, 74.59), "TJK": (38.56, 68.79), "UZB": (41.30, 69.24), "AZE": (40.41, 49.87),
    ]
    // population, gdp, military expenditure, active personnel, regime score
    static let attributes: [String: (Double, Double, Double, Double, Double)] = [
        "RUS": (145e6, 1.78e12, 66e9, 900e3, 19), "BLR": (9.3e6, 68e9, 0.8e9, 45e3, 11),
        "ARM": (3.0e6, 14e9, 0.6e9, 45e3, 55), "KAZ": (19e6, 197e9, 1.1e9, 39e3, 23),
        "KGZ": (6.7e6, 8.5e9, 0.1e9, 11e3, 28), "TJK": (9.7e6, 8.7e9, 0.09e9, 9e3, 8),
        "UZB": (34e6, 69e9, 1.0e9, 48e3, 11), "AZE": (10e6, 54e9, 2.7e9, 65e3, 9),
    ]

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func sourced(_ value: Double) -> Sourced<Double> { Sourced(value, source: "test fixture", year: 2021) }

    static var actors: [Actor] {
        capitals.keys.sorted().map { id in
            let (lat, lon) = capitals[id]!
            let a = attributes[id]!
            return Actor(id: ActorID(id), name: id, kind: .state, capital: Coordinates(latitude: lat, longitude: lon),
                         observations: [AttributeObservation(year: 2021, population: sourced(a.0), gdp: sourced(a.1),
                                                             militaryExpenditure: sourced(a.2), activePersonnel: sourced(a.3),
                                                             regimeScore: sourced(a.4))])
        }
    }

    static var organization: Organization {
        func member(_ id: String, _ start: String, _ end: String? = nil, _ status: MembershipStatus = .member) -> Membership {
            Membership(actor: ActorID(id), status: status, interval: DayInterval(start: day(start), end: end.map(day)), source: "test")
        }
        return Organization(
            id: "CSTO", name: "Toy CSTO", leadState: "RUS", headquarters: "Moscow", articles: [],
            decisionRule: DecisionRule(kind: .consensus, optOutSince: day("2010-12-10"), description: "consensus", source: "test"),
            bodies: [], secretariesGeneral: [],
            memberships: [
                member("RUS", "1994-04-20"), member("BLR", "1994-04-20"), member("KAZ", "1994-04-20"),
                member("KGZ", "1994-04-20"), member("TJK", "1994-04-20"),
                member("ARM", "1994-04-20", "2024-02-22"), member("ARM", "2024-02-22", nil, .frozen),
                member("UZB", "2006-08-16", "2012-12-20"),
            ])
    }

    /// (from, to, affinity, dependence)
    static let relationTable: [(String, String, Double, Double)] = {
        var rows: [(String, String, Double, Double)] = []
        let members = ["BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB"]
        let toRussia: [String: (Double, Double)] = ["BLR": (0.8, 0.8), "ARM": (0.5, 0.7), "KAZ": (0.5, 0.5), "KGZ": (0.6, 0.7),
                                                    "TJK": (0.6, 0.7), "UZB": (0.2, 0.4)]
        for m in members {
            rows.append((m, "RUS", toRussia[m]!.0, toRussia[m]!.1))
            rows.append(("RUS", m, m == "UZB" ? 0.3 : 0.6, 0.1))
        }
        let central = ["KAZ", "KGZ", "TJK", "UZB"]
        for a in central { for b in central where a != b { rows.append((a, b, 0.4, 0.1)) } }
        for a in members where a != "ARM" { rows.append((a, "ARM", 0.2, 0.02)); rows.append(("ARM", a, 0.2, 0.02)) }
        rows.append(("BLR", "KAZ", 0.4, 0.05)); rows.append(("KAZ", "BLR", 0.4, 0.05))
        for m in ["BLR", "KAZ", "KGZ", "TJK", "UZB"] { rows.append((m, "AZE", m == "UZB" || m == "KAZ" ? 0.4 : 0.3, 0.1)) }
        rows.append(("RUS", "AZE", 0.3, 0.15))
        rows.append(("ARM", "AZE", -0.8, 0))
        rows = rows.filter { !(($0.0 == "KGZ" && $0.1 == "TJK") || ($0.0 == "TJK" && $0.1 == "KGZ")) }
        rows.append(("KGZ", "TJK", -0.2, 0.05)); rows.append(("TJK", "KGZ", -0.2, 0.05))
        return rows
    }()

    static func dataset(committedFrom2022: Double = 0.6) -> Dataset {
        let relations = relationTable.map {
            Relation(from: ActorID($0.0), to: ActorID($0.1), period: DayInterval(start: day("1990-01-01")), affinity: $0.2,
                     dependence: $0.3, evidence: "test", source: "test", year: 2021)
        }
        func size(_ n: Int) -> Sourced<Int> { Sourced(n, source: "test", year: 2010) }
        func c(_ id: String, _ n: Int) -> ForceContribution { ForceContribution(actor: ActorID(id), units: "units", size: size(n)) }
        let forces = [
            CollectiveForce(id: "cpf", name: "Collective Peacekeeping Forces", kind: .peacekeeping, established: day("2007-10-06"),
                            sizes: [size(3600)],
                            contributions: [c("RUS", 1600), c("BLR", 500), c("ARM", 300), c("KAZ", 600), c("KGZ", 300), c("TJK", 300)]),
            CollectiveForce(id: "crrf", name: "Collective Rapid Reaction Forces", kind: .rapidReaction, established: day("2009-06-14"),
                            sizes: [size(18000)],
                            contributions: [c("RUS", 9000), c("BLR", 2000), c("ARM", 1500), c("KAZ", 3000), c("KGZ", 1200), c("TJK", 1300)]),
        ]
        let context = [ContextEvent(id: "ukraine", period: DayInterval(start: day("2022-02-24")), title: "war",
                                    leadStateCommittedElsewhere: Sourced(committedFrom2022, source: "test", year: 2022),
                                    description: "", source: "test")]
        return Dataset(organization: organization, actors: actors, relations: relations, forces: forces, bases: [], context: context)
    }
}
