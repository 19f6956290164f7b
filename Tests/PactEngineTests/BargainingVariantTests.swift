import Foundation
import PactModel
import Testing

@testable import PactEngine

/// Two actors worked out by hand: A (capability 1, salience 1) at 0 and B (capability 1,
/// salience 0.5) at 1, so Delta = 1 and every distance between them is 1.
///
/// Support: v_A(A over B) = 1, v_B(B over A) = 0.5.
/// - scholz: the denominator counts both ordered pairs, 2 (1 + 0.5) = 3: P(A,B) = 1/3, P(B,A) = 1/6.
/// - pairwise: P(A,B) = 1 / 1.5 = 2/3, P(B,A) = 1/3.
/// Risk (every r = 1, so U_s = 2, U_f = -2, U_q = 0 at distance 1):
/// D_A = EU_A(B, A) = 4 P(B,A) - 2, D_B = EU_B(A, B) = 2 P(A,B); D_B > D_A in both variants, so
/// R_B = 1, r_B = (2/3)/(4/3) = 0.5 and R_A = -1, r_A = 2.
/// Offers to B (r = 0.5, U_q = 2 - 2 sqrt 2): its challenge e_BA = 4 P(B,A) - 4 + 2 sqrt 2, A's
/// threat e_AB = 2 P(A,B) + 2 sqrt 2 - 2.
/// - scholz: e_BA = 2 sqrt 2 - 10/3 < 0 < e_AB = 2 sqrt 2 - 4/3, and e_AB > |e_BA|: B compromises
///   to 1 - (10/3 - 2 sqrt 2) / (2 sqrt 2 - 4/3).
/// - pairwise: e_BA = 2 sqrt 2 - 8/3 > 0 and e_AB = 2 sqrt 2 - 2/3 > e_BA: B loses the
///   confrontation and moves to 0.
/// Offers to A (r = 2, U_q = 1): A's threat from B is 4 P(B,A) - 3 < 0 in both: A stays.
@Suite("Bargaining: variants on hand-computed examples")
struct BargainingVariantTests {
    let pair = [
        BargainingActor(name: "A", capability: 1, position: 0, salience: 1),
        BargainingActor(name: "B", capability: 1, position: 1, salience: 0.5),
    ]
    let root2 = 2.0.squareRoot()

    @Test("scholz: B compromises to the hand-computed position")
    func scholzPair() throws {
        let run = try BargainingModel(actors: pair, variant: .scholz).run(rounds: 1)
        let round = run.rounds[1]
        #expect(close(round.risk[0], 2, 1e-12) && close(round.risk[1], 0.5, 1e-12))
        let matrix = try #require(round.expectedUtility)
        #expect(close(matrix.challenge(1, against: 0), 2 * root2 - 10.0 / 3, 1e-12))
        #expect(close(matrix.threat(to: 1, from: 0), 2 * root2 - 4.0 / 3, 1e-12))
        #expect(close(matrix.challenge(0, against: 1), 2.0 / 3 - 1, 1e-12))
        #expect(close(matrix.threat(to: 0, from: 1), 4.0 / 6 - 3, 1e-12))

        let expected = 1 - (10.0 / 3 - 2 * root2) / (2 * root2 - 4.0 / 3)
        #expect(round.moves.count == 1)
        let move = try #require(round.moves.first)
        #expect(move.actor == 1 && move.counterpart == 0 && move.kind == .compromise)
        #expect(close(move.to, expected, 1e-12))
        #expect(close(expected, 0.662291, 1e-6))
        // A's weighted vote outweighs B's: the median stays at A, the mean is B's share of 1/3.
        #expect(round.median == 0)
        #expect(close(round.mean, expected / 3, 1e-12))
        #expect(run.rounds[0].median == 0 && close(run.rounds[0].mean, 1.0 / 3, 1e-12))
    }

    @Test("pairwise: B loses a confrontation and moves all the way to A")
    func pairwisePair() throws {
        let run = try BargainingModel(actors: pair, variant: .pairwise).run(rounds: 2)
        let round = run.rounds[1]
        #expect(close(round.risk[0], 2, 1e-12) && close(round.risk[1], 0.5, 1e-12))
        let matrix = try #require(round.expectedUtility)
        #expect(close(matrix.challenge(1, against: 0), 2 * root2 - 8.0 / 3, 1e-12))
        #expect(close(matrix.threat(to: 1, from: 0), 2 * root2 - 2.0 / 3, 1e-12))
        #expect(close(matrix.threat(to: 0, from: 1), 4.0 / 3 - 3, 1e-12))
        #expect(round.moves == [BargainingMove(actor: 1, counterpart: 0, kind: .confrontation, from: 1, to: 0)])
        #expect(round.positions == [0, 0])
        #expect(round.median == 0 && round.mean == 0)
        // Once everyone agrees, every danger is 0: the D_max = D_min guard keeps r = 1, nobody moves.
        #expect(run.rounds[2].risk == [1, 1])
        #expect(run.rounds[2].moves.isEmpty && run.rounds[2].offers.isEmpty)
    }

    @Test("equal dangers keep every exponent at 1 and nobody gains from a challenge")
    func equalDangers() throws {
        let twins = [
            BargainingActor(name: "A", capability: 1, position: 0, salience: 1),
            BargainingActor(name: "B", capability: 1, position: 1, salience: 1),
        ]
        for variant in BargainingVariant.allCases {
            let round = try BargainingModel(actors: twins, variant: variant).run(rounds: 1).rounds[1]
            #expect(round.risk == [1, 1], "\(variant)")
            #expect(round.moves.isEmpty, "\(variant)")
        }
    }

    @Test("scholz probabilities are small and do not sum to 1; pairwise ones do")
    func probabilitySums() throws {
        for variant in BargainingVariant.allCases {
            let workspace = BargainingWorkspace(actors: ECEmissions.actors, range: 6, variant: variant)
            _ = workspace.play(round: 1, positions: ECEmissions.actors.map(\.position))
            let n = ECEmissions.actors.count
            let netherlands = 0
            let france = ECEmissions.index("France")
            let sum = workspace.probability[netherlands * n + france] + workspace.probability[france * n + netherlands]
            switch variant {
            case .scholz: #expect(sum > 0 && sum < 0.2)
            case .pairwise: #expect(close(sum, 1, 1e-12))
            }
            // Same position: never a contest. Scholz says 0; pairwise has no support either way: 1/2.
            let germany = ECEmissions.index("Germany")
            #expect(workspace.probability[netherlands * n + germany] == (variant == .scholz ? 0 : 0.5))
        }
    }

    @Test("choice: scholz takes a confrontation before a smaller compromise; pairwise the least move")
    func choiceRules() {
        let offers = [
            BargainingOffer(actor: 0, counterpart: 1, kind: .confrontation, to: 10, challenge: 0.1, threat: 0.3),
            BargainingOffer(actor: 0, counterpart: 2, kind: .compromise, to: 6, challenge: -0.1, threat: 0.2),
            BargainingOffer(actor: 0, counterpart: 3, kind: .capitulation, to: 5, challenge: -0.3, threat: 0.2),
        ]
        let positions = [4.0, 10, 8, 5]
        func choose(_ variant: BargainingVariant) -> Int? {
            var choice = OfferChoice(variant: variant)
            for (index, offer) in offers.enumerated() {
                choice.consider(offer, index: index, from: positions[0], counterpartPosition: positions[offer.counterpart])
            }
            return choice.chosen
        }
        #expect(choose(.scholz) == 0)
        #expect(choose(.pairwise) == 2)
    }

    @Test("scholz compromise tie-break: the lower weighted mean wins even when it moves the actor further")
    func compromiseKey() {
        // Actor at 5. Offer 1: towards 9, to 6 (move 1), key (0.9*5 + 1*9)/1.9 = 7.105.
        // Offer 2: towards 0, to 3 (move 2), key (0.5*5 + 1.25*0)/1.75 = 1.429: scholz takes it.
        let offers = [
            BargainingOffer(actor: 0, counterpart: 1, kind: .compromise, to: 6, challenge: -0.9, threat: 1),
            BargainingOffer(actor: 0, counterpart: 2, kind: .compromise, to: 3, challenge: -0.5, threat: 1.25),
        ]
        let positions = [5.0, 9, 0]
        var scholz = OfferChoice(variant: .scholz)
        var pairwise = OfferChoice(variant: .pairwise)
        for (index, offer) in offers.enumerated() {
            scholz.consider(offer, index: index, from: 5, counterpartPosition: positions[offer.counterpart])
            pairwise.consider(offer, index: index, from: 5, counterpartPosition: positions[offer.counterpart])
        }
        #expect(scholz.chosen == 1)
        #expect(pairwise.chosen == 0)
    }

    @Test("offer conditions: confrontation, compromise, capitulation, none")
    func offerKinds() {
        func kind(_ eij: Double, _ eji: Double) -> BargainingMoveKind? {
            BargainingWorkspace.offer(to: 0, from: 1, challenge: eij, threat: eji, xi: 0, xj: 4)?.kind
        }
        #expect(kind(0.1, 0.3) == .confrontation)
        #expect(kind(0.3, 0.1) == nil)
        #expect(kind(-0.1, 0.3) == .compromise)
        #expect(kind(-0.3, 0.3) == .capitulation)
        #expect(kind(-0.1, -0.3) == nil)
        #expect(BargainingWorkspace.offer(to: 0, from: 1, challenge: -0.1, threat: 0.4, xi: 0, xj: 4)?.to == 1)
    }

    @Test("inputs the model cannot run on are refused with the reason")
    func invalidInputs() {
        let a = BargainingActor(name: "A", capability: 1, position: 3, salience: 0.5)
        #expect(BargainingInputError.problems(in: [a]) == [.tooFewActors(count: 1)])
        var b = a
        b.name = "B"
        #expect(BargainingInputError.problems(in: [a, b]) == [.positionsAllEqual(position: 3)])
        b.position = 4
        b.capability = 0
        b.salience = 1.5
        #expect(BargainingInputError.problems(in: [a, b]) == [
            .capabilityNotPositive(actor: "B", value: 0), .salienceOutOfRange(actor: "B", value: 1.5),
        ])
        #expect(throws: BargainingInputError.duplicateActor(name: "A")) {
            try BargainingModel(actors: [a, BargainingActor(name: "A", capability: 1, position: 5, salience: 1)])
        }
    }
}

@Suite("Bargaining: issue scenarios")
struct BargainingIssueTests {
    let issue = Issue(
        question: "Q", scale: Scale(min: 0, max: 100, minLabel: "no", maxLabel: "yes"),
        stakeholders: [
            Stakeholder(actor: "RUS", position: 10, salience: 0.9),
            Stakeholder(actor: "KAZ", position: 60, salience: 0.4, capability: 12),
            Stakeholder(actor: "ARM", position: 80, salience: 0.3),
        ])

    @Test("explicit capabilities are kept; missing ones are the capability index times 100, in file order")
    func capabilities() throws {
        let actors = try BargainingActor.actors(for: issue, capabilityIndex: ["RUS": 0.5, "KAZ": 0.2, "ARM": 0.25])
        #expect(actors.map(\.name) == ["RUS", "KAZ", "ARM"])
        #expect(actors.map(\.capability) == [50, 12, 25])
        #expect(actors.map(\.position) == [10, 60, 80])
        #expect(actors.map(\.salience) == [0.9, 0.4, 0.3])
    }

    @Test("a stakeholder with no capability anywhere is named")
    func missing() {
        #expect(throws: MissingCapabilities(actors: ["ARM"])) {
            try BargainingActor.actors(for: issue, capabilityIndex: ["RUS": 0.55])
        }
    }
}

@Suite("Bargaining: the direction of the scale")
struct BargainingMirrorTests {
    /// The EC case with the scale reversed (x -> 14 - x): the same question asked the other way round.
    static func mirroredRun(_ variant: BargainingVariant) throws -> BargainingRun {
        let mirrored = ECEmissions.actors.map { actor in
            var copy = actor
            copy.position = 14 - actor.position
            return copy
        }
        return try BargainingModel(actors: mirrored, variant: variant).run(rounds: 10)
    }

    @Test("pairwise: reversing the scale reverses every forecast")
    func pairwiseIsSymmetric() throws {
        let run = try BargainingModel(actors: ECEmissions.actors, variant: .pairwise).run(rounds: 10)
        let mirrored = try Self.mirroredRun(.pairwise)
        for (round, other) in zip(run.rounds, mirrored.rounds) {
            #expect(abs(round.median - (14 - other.median)) < 1e-9, "round \(round.round)")
            #expect(abs(round.mean - (14 - other.mean)) < 1e-9, "round \(round.round)")
        }
    }

    @Test("scholz: the compromise tie-break favours the low end, so reversing the scale changes the forecast")
    func scholzIsNot() throws {
        let run = try BargainingModel(actors: ECEmissions.actors, variant: .scholz).run(rounds: 10)
        let mirrored = try Self.mirroredRun(.scholz)
        // Identical while no actor has compromise offers on both sides (rounds 0-3)...
        for round in 0...3 {
            #expect(abs(run.rounds[round].median - (14 - mirrored.rounds[round].median)) < 1e-9)
        }
        // ...then in round 4 Belgium, at 9.96, takes the compromise towards 4 (the lower weighted
        // mean) on the original scale, and the one towards 10 on the reversed one.
        let belgium = ECEmissions.index("Belgium")
        let move = try #require(run.rounds[4].moves.first { $0.actor == belgium })
        #expect(move.counterpart == ECEmissions.index("Netherlands") && move.kind == .compromise)
        #expect(close(move.to, 4.8009))
        let mirroredMove = try #require(mirrored.rounds[4].moves.first { $0.actor == belgium })
        #expect(mirroredMove.counterpart == ECEmissions.index("France") && mirroredMove.kind == .compromise)
        #expect(close(14 - mirroredMove.to, 9.9996))
        #expect(close(run.rounds[4].median, 9.9620))
        #expect(close(14 - mirrored.rounds[4].median, 9.9996))
    }
}
