import Testing

@testable import PactEngine

/// The European Community car-emission-standards case (Bueno de Mesquita 1994, p. 78 = Scholz,
/// Calbert & Smith 2011, Table 1) and the check values of the published reference run, as listed
/// in shared/reference/bdm-expected-utility.md.
enum ECEmissions {
    static let actors: [BargainingActor] = [
        .init(name: "Netherlands", capability: 0.08, position: 4, salience: 0.8),
        .init(name: "Belgium", capability: 0.08, position: 7, salience: 0.4),
        .init(name: "Luxembourg", capability: 0.03, position: 4, salience: 0.2),
        .init(name: "Germany", capability: 0.16, position: 4, salience: 0.8),
        .init(name: "France", capability: 0.16, position: 10, salience: 0.6),
        .init(name: "Italy", capability: 0.16, position: 10, salience: 0.6),
        .init(name: "UK", capability: 0.16, position: 10, salience: 0.9),
        .init(name: "Ireland", capability: 0.05, position: 7, salience: 0.1),
        .init(name: "Denmark", capability: 0.05, position: 4, salience: 1.0),
        .init(name: "Greece", capability: 0.08, position: 7, salience: 0.7),
    ]

    static func index(_ name: String) -> Int { actors.firstIndex { $0.name == name }! }
}

func close(_ a: Double, _ b: Double, _ tolerance: Double = 0.5e-4) -> Bool { abs(a - b) <= tolerance }

@Suite("Bargaining: the Scholz reference run")
struct BargainingReferenceTests {
    let run = try! BargainingModel(actors: ECEmissions.actors, variant: .scholz).run(rounds: 10)

    @Test("Delta is the range of the initial positions")
    func range() {
        #expect(run.range == 6)
        #expect(run.rounds.count == 11)
    }

    @Test("round 0: median 7.000, weighted mean 7.389956, every exponent 1, nobody moves")
    func initialState() {
        let round = run.rounds[0]
        #expect(round.round == 0)
        #expect(round.median == 7)
        #expect(close(round.mean, 7.389956, 0.5e-6))
        #expect(round.risk.allSatisfy { $0 == 1 })
        #expect(round.moves.isEmpty)
        #expect(round.positions == ECEmissions.actors.map(\.position))
    }

    @Test("round 1: the published risk exponents to 4 decimals")
    func riskExponents() {
        let expected: [String: Double] = [
            "Netherlands": 1.4057, "Belgium": 0.7542, "Luxembourg": 0.5089, "Germany": 1.4057, "France": 1.0465,
            "Italy": 1.0465, "UK": 1.9649, "Ireland": 0.5000, "Denmark": 2.0000, "Greece": 1.1121,
        ]
        let risk = run.rounds[1].risk
        for (name, value) in expected {
            let actual = risk[ECEmissions.index(name)]
            #expect(close(actual, value), "\(name): \(actual) != \(value)")
        }
    }

    @Test("round 1: Belgium compromises with France, Luxembourg and Ireland lose confrontations, nobody else moves")
    func moves() {
        let moves = run.rounds[1].moves
        let names = ECEmissions.actors.map(\.name)
        let described = moves.map { "\(names[$0.actor]) \($0.kind.rawValue) \(names[$0.counterpart])" }
        #expect(described == [
            "Belgium compromise France",
            "Luxembourg confrontation Belgium",
            "Ireland confrontation Luxembourg",
        ])
        #expect(close(moves[0].to, 8.415932, 0.5e-6))
        #expect(moves[1].to == 7)
        #expect(moves[2].to == 4)
        #expect(moves[0].from == 7 && moves[1].from == 4 && moves[2].from == 7)

        var expected = ECEmissions.actors.map(\.position)
        expected[ECEmissions.index("Belgium")] = moves[0].to
        expected[ECEmissions.index("Luxembourg")] = 7
        expected[ECEmissions.index("Ireland")] = 4
        #expect(run.rounds[1].positions == expected)
    }

    @Test("round 1: median 8.415932, weighted mean 7.461314")
    func forecasts() {
        #expect(close(run.rounds[1].median, 8.415932, 0.5e-6))
        #expect(close(run.rounds[1].mean, 7.461314, 0.5e-6))
    }

    @Test("Belgium's two compromise offers tie on the published key; France, listed first, wins")
    func compromiseTieBreak() {
        let belgium = ECEmissions.index("Belgium")
        let offers = run.rounds[1].offers.filter { $0.actor == belgium && $0.kind == .compromise }
        #expect(offers.map(\.counterpart) == [ECEmissions.index("France"), ECEmissions.index("Italy")])
        #expect(offers[0].to == offers[1].to)
        // It also receives capitulation offers, which lose to any compromise.
        #expect(run.rounds[1].offers.contains { $0.actor == belgium && $0.kind == .capitulation })
    }

    @Test("the expected-utility matrix holds the two utilities behind each offer")
    func expectedUtilityMatrix() throws {
        let matrix = try #require(run.rounds[1].expectedUtility)
        #expect(matrix.count == 10)
        for offer in run.rounds[1].offers {
            #expect(matrix.challenge(offer.actor, against: offer.counterpart) == offer.challenge)
            #expect(matrix.threat(to: offer.actor, from: offer.counterpart) == offer.threat)
        }
        // Belgium compromises with France: it would lose a challenge (e_ij < 0), France gains more.
        let belgium = ECEmissions.index("Belgium")
        let france = ECEmissions.index("France")
        let eij = matrix.challenge(belgium, against: france)
        let eji = matrix.threat(to: belgium, from: france)
        #expect(eij < 0 && eji > abs(eij))
        #expect(close(7 + 3 * abs(eij / eji), 8.415932, 0.5e-6))
        // Actors at the same position never challenge each other.
        #expect(matrix.challenge(belgium, against: ECEmissions.index("Ireland")) == 0)
    }

    @Test("the run is deterministic")
    func deterministic() throws {
        let again = try BargainingModel(actors: ECEmissions.actors, variant: .scholz).run(rounds: 10)
        #expect(again == run)
    }

    @Test("later rounds stay inside the initial range and the median is always an actor's position")
    func laterRounds() {
        for round in run.rounds {
            #expect(round.positions.allSatisfy { (4...10).contains($0) })
            #expect(round.positions.contains(round.median))
            #expect(round.moves.count == Set(round.moves.map(\.actor)).count)
        }
    }
}
