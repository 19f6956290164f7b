import Foundation
import Testing

@testable import PactEngine

/// The workspace computes supports from cumulative sums over voters sorted by position and reuses
/// work for actors at the same position. These tests hold it to the formulas written out
/// directly, as in the reference file, on inputs with ties and unequal exponents.
@Suite("Bargaining: fast kernel against the direct formulas")
struct BargainingKernelTests {
    /// P(i, j) straight from the definition: O(n^3), every voter and every pair.
    static func directProbabilities(positions x: [Double], actors: [BargainingActor], exponents r: [Double], range: Double,
                                    variant: BargainingVariant) -> [[Double]] {
        let n = x.count
        func vote(_ h: Int, _ a: Int, _ b: Int) -> Double {
            let weight = actors[h].capability * actors[h].salience
            return weight * (pow(abs(x[h] - x[b]) / range, r[h]) - pow(abs(x[h] - x[a]) / range, r[h]))
        }
        var support = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var total = 0.0
        for i in 0..<n {
            for j in 0..<n {
                for h in 0..<n {
                    let v = vote(h, i, j)
                    support[i][j] += max(0, v)
                    total += abs(v)
                }
            }
        }
        return (0..<n).map { i in
            (0..<n).map { j in
                if i == j { return 0 }
                switch variant {
                case .scholz: return x[i] == x[j] ? 0 : support[i][j] / total
                case .pairwise:
                    let both = support[i][j] + support[j][i]
                    return both > 0 ? support[i][j] / both : 0.5
                }
            }
        }
    }

    @Test("probabilities and expected utilities match the direct formulas", arguments: BargainingVariant.allCases)
    func matchesDirect(variant: BargainingVariant) throws {
        // 40 actors on a 0-20 scale: many share a position, as on analysts' integer scales.
        let actors = BargainingBenchmark.actors(count: 40, seed: 7).map { actor in
            var copy = actor
            copy.position = (actor.position / 5).rounded()
            return copy
        }
        let model = try BargainingModel(actors: actors, variant: variant)
        let run = model.run(rounds: 3)
        let n = actors.count
        for round in 1...3 {
            let start = run.rounds[round - 1].positions
            let workspace = BargainingWorkspace(actors: actors, range: model.range, variant: variant)
            let state = workspace.play(round: round, positions: start)
            #expect(state == run.rounds[round])
            let r = state.risk
            #expect(r.contains { $0 != 1 })
            let direct = Self.directProbabilities(positions: start, actors: actors, exponents: r, range: model.range,
                variant: variant)
            var worst = 0.0
            for i in 0..<n {
                for j in 0..<n { worst = max(worst, abs(workspace.probability[i * n + j] - direct[i][j])) }
            }
            #expect(worst < 1e-12, "round \(round): largest difference \(worst)")

            // EU_i(i, j) with i's exponent, straight from the reference formula.
            let matrix = try #require(state.expectedUtility)
            for i in 0..<n {
                for j in 0..<n where start[i] != start[j] {
                    let d = abs(start[i] - start[j]) / model.range
                    let success = 2 - 4 * pow(0.5 - 0.5 * d, r[i])
                    let failure = 2 - 4 * pow(0.5 + 0.5 * d, r[i])
                    let statusQuo = 2 - 4 * pow(0.5, r[i])
                    let p = direct[i][j]
                    let s = actors[j].salience
                    let expected = s * (p * success + (1 - p) * failure) + (1 - s) * success - statusQuo
                    #expect(abs(matrix.challenge(i, against: j) - expected) < 1e-12)
                }
            }
        }
    }

    @Test("the pairwise-vote median scans distinct positions in input order")
    func medianScan() throws {
        // Weights 1, 1, 3 at 0, 10, 5: 10 does not beat 0 (tie), 5 beats 0 (weight 3 + 1 of 5).
        let actors = [
            BargainingActor(name: "A", capability: 1, position: 0, salience: 1),
            BargainingActor(name: "B", capability: 1, position: 10, salience: 1),
            BargainingActor(name: "C", capability: 3, position: 5, salience: 1),
        ]
        let round = try BargainingModel(actors: actors).run(rounds: 0).rounds[0]
        #expect(round.median == 5)
        #expect(round.mean == 5.0)  // (1 * 0 + 1 * 10 + 3 * 5) / 5
    }
}
