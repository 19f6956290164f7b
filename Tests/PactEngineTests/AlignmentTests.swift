import PactModel
import Testing
@testable import PactEngine

/// The landscape search against hand-computed values and a from-scratch brute force.
@Suite("Alignment landscape")
struct AlignmentTests {
    /// Sizes 1, 2, 3; propensities AB = 1, AC = -1, BC = -0.5, so weights s_i s_j p_ij are
    /// AB = 2, AC = -3, BC = -3. By hand: {ABC} 0, {AB|C} -6, {AC|B} 2-3 = -1, {A|BC} 2-3 = -1.
    /// Only {AB|C} is a local minimum: in {AC|B} A gains 5 by joining B, in {A|BC} B gains 5 by
    /// joining A, and in {ABC} C gains 6 by leaving.
    static let threeActors = AlignmentLandscape(
        actors: ["A", "B", "C"], sizes: [1, 2, 3],
        propensity: [0, 1, -1,
                     1, 0, -0.5,
                     -1, -0.5, 0])

    @Test func handComputedThreeActorExample() {
        let l = Self.threeActors
        #expect(l.energy(of: [0, 0, 0]) == 0)
        #expect(l.energy(of: [0, 0, 1]) == -6)
        #expect(l.energy(of: [0, 1, 0]) == -1)
        #expect(l.energy(of: [0, 1, 1]) == -1)
        #expect(l.frustration(of: [0, 0, 1]) == [-3, -3, -6])
        #expect(l.moveDelta(of: 0, to: 1, in: [0, 1, 0]) == -5)
        for q in [2, 3] {
            let result = AlignmentSearch.exhaustive(l, blocs: q)
            #expect(result.localMinimumCount == 1)
            #expect(result.global.partition.blocs == [0, 0, 1])
            #expect(result.global.energy == -6)
        }
        // {A|B|C} costs 2 - 3 - 3 = -4 with three blocs and is not a minimum (A gains 2 by joining B).
        #expect(l.energy(of: [0, 1, 2]) == -4)
        #expect(AlignmentSearch.exhaustive(l, blocs: 2).examined == 4)
        #expect(AlignmentSearch.exhaustive(l, blocs: 3).examined == 9)
    }

    static func randomLandscape(_ n: Int, seed: UInt64, ties: Bool = false) -> AlignmentLandscape {
        var g = SeededGenerator(seed: seed, stream: 99)
        let sizes = (0..<n).map { _ in ties ? 1 : 0.1 + g.nextUnit() }
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j > i {
                // With ties, propensities are -1, 0 or 1, so equal energies and zero moves occur.
                let v = ties ? Double(Int(g.next() % 3)) - 1 : 2 * g.nextUnit() - 1
                p[i * n + j] = v
                p[j * n + i] = v
            }
        }
        return AlignmentLandscape(actors: (0..<n).map { ActorID("X\($0)") }, sizes: sizes, propensity: p)
    }

    static func same(_ a: AlignmentSearch.Result, _ b: AlignmentSearch.Result) -> Bool {
        guard a.localMinimumCount == b.localMinimumCount, a.minima.count == b.minima.count else { return false }
        let x = Dictionary(uniqueKeysWithValues: a.minima.map { ($0.partition, $0.energy) })
        return b.minima.allSatisfy { m in x[m.partition].map { abs($0 - m.energy) < 1e-12 } ?? false }
    }

    @Test(arguments: [2, 3])
    func grayCodeSearchEqualsBruteForceOnRandomInputs(blocs: Int) {
        let sizes = blocs == 2 ? Array(1...11) : Array(1...8)
        for n in sizes {
            for seed in UInt64(1)...6 {
                let l = Self.randomLandscape(n, seed: seed &* 31 &+ UInt64(n), ties: seed % 3 == 0)
                let gray = AlignmentSearch.exhaustive(l, blocs: blocs, maxMinima: .max)
                let brute = AlignmentSearch.bruteForce(l, blocs: blocs)
                #expect(Self.same(gray, brute), "n=\(n) seed=\(seed) blocs=\(blocs)")
                #expect(abs(gray.global.energy - brute.global.energy) < 1e-12)
            }
        }
    }

    /// With A held in bloc 0 the best placement of B and C is the global minimum {AB|C} (-6); with
    /// C held in bloc 0 too, B goes alone: {AC|B} and {ABC} cost -1 and 0, so B leaves (-1).
    /// Exhaustive and descent agree on it; on random landscapes the exhaustive placement matches
    /// a brute force over every assignment of the free actors.
    @Test func placementWithFixedActorsMinimisesTheEnergyOverTheFreeOnes() {
        let l = Self.threeActors
        #expect(l.placement(fixedInBlocZero: [0]) == [0, 0, 1])
        #expect(l.placement(fixedInBlocZero: [0], exhaustiveLimit: 0) == [0, 0, 1])
        #expect(l.placement(fixedInBlocZero: [0, 2]) == [0, 1, 0])
        #expect(l.placement(fixedInBlocZero: [0, 1, 2]) == [0, 0, 0])
        for seed in UInt64(1)...12 {
            let random = AlignmentLandscape.synthetic(actors: 9, seed: seed)
            let fixed: Set<Int> = [0, Int(seed % 9)]
            let free = (0..<9).filter { !fixed.contains($0) }
            var best = Double.infinity
            for mask in 0..<(1 << free.count) {
                var blocs = (0..<9).map { fixed.contains($0) ? 0 : 1 }
                for (bit, i) in free.enumerated() where mask & (1 << bit) != 0 { blocs[i] = 0 }
                best = min(best, random.energy(of: blocs))
            }
            let placed = random.placement(fixedInBlocZero: fixed)
            #expect(fixed.allSatisfy { placed[$0] == 0 })
            #expect(abs(random.energy(of: placed) - best) < 1e-12)
            // The descent ends in a placement no single free actor can improve.
            let descended = random.placement(fixedInBlocZero: fixed, exhaustiveLimit: 0)
            #expect(free.allSatisfy { random.moveDelta(of: $0, to: 1 - descended[$0], in: descended) >= -1e-12 })
        }
    }

    @Test func allZeroPropensitiesMakeEveryPartitionAMinimum() {
        let n = 6
        let l = AlignmentLandscape(actors: (0..<n).map { ActorID("Z\($0)") }, sizes: [Double](repeating: 1, count: n),
                                   propensity: [Double](repeating: 0, count: n * n))
        #expect(AlignmentSearch.exhaustive(l, blocs: 2, maxMinima: .max).localMinimumCount == 32)
        // Partitions of 6 actors into at most 3 blocs: S(6,1) + S(6,2) + S(6,3) = 1 + 31 + 90.
        #expect(AlignmentSearch.exhaustive(l, blocs: 3, maxMinima: .max).localMinimumCount == 122)
    }

    @Test func reportedMinimaAreReallyLocalMinima() {
        for blocs in [2, 3] {
            let l = AlignmentLandscape.synthetic(actors: blocs == 2 ? 16 : 10, seed: 5)
            let result = AlignmentSearch.exhaustive(l, blocs: blocs)
            #expect(result.localMinimumCount >= 1)
            let tol = 1e-9 * l.scale
            for m in result.minima {
                for i in 0..<l.count {
                    for c in 0..<blocs where c != m.partition.blocs[i] {
                        #expect(l.moveDelta(of: i, to: c, in: m.partition.blocs) >= -tol)
                    }
                }
            }
            // No partition has lower energy than the global minimum: check against random ones.
            var g = SeededGenerator(seed: 3)
            for _ in 0..<2000 {
                let labels = (0..<l.count).map { _ in Int(g.next() % UInt64(blocs)) }
                #expect(l.energy(of: labels) >= result.global.energy - tol)
            }
        }
    }

    @Test func localSearchIsExactOnSmallInputs() {
        for blocs in [2, 3] {
            for n in 3...8 {
                let l = Self.randomLandscape(n, seed: UInt64(40 + n))
                let local = AlignmentSearch.localSearch(l, blocs: blocs, restarts: 1000, seed: 1, maxMinima: .max)
                let brute = AlignmentSearch.bruteForce(l, blocs: blocs)
                #expect(Self.same(local, brute), "n=\(n) blocs=\(blocs)")
            }
        }
    }

    @Test func localSearchBeyondTheExhaustiveLimitIsSeededAndFindsLocalMinima() {
        let l = AlignmentLandscape.synthetic(actors: 40, seed: 2)
        let a = AlignmentSearch.search(l, blocs: 2, seed: 9)
        let b = AlignmentSearch.search(l, blocs: 2, seed: 9)
        #expect(a.method == .local)
        #expect(a.minima == b.minima)
        let tol = 1e-9 * l.scale
        for m in a.minima.prefix(20) {
            for i in 0..<l.count { #expect(l.moveDelta(of: i, to: 1 - m.partition.blocs[i], in: m.partition.blocs) >= -tol) }
        }
    }

    @Test func todaysAlignmentAndMisplacedActorsOnTheToyWorld() throws {
        let dataset = ToyWorld.dataset()
        let snapshot = dataset.snapshot(on: ToyWorld.day("2021-06-01"))
        let landscape = AlignmentLandscape(snapshot: snapshot)
        let result = AlignmentSearch.search(landscape, blocs: 2)
        let analysis = AlignmentAnalysis(snapshot: snapshot, landscape: landscape, search: result)
        // Today: full members in bloc 0, the rest in bloc 1.
        for (i, id) in landscape.actors.enumerated() {
            #expect(analysis.current[i] == (snapshot.members.contains(id) ? 0 : 1))
        }
        // The energy of today's alignment is half the sum of the frustrations, and no actor's
        // reported gain exceeds what moving actually saves.
        #expect(abs(analysis.rows.map(\.frustration).reduce(0, +) / 2 - analysis.currentEnergy) < 1e-12)
        for (i, row) in analysis.rows.enumerated() where row.gainBySwitching > 0 {
            #expect(abs(landscape.moveDelta(of: i, to: row.bestBloc, in: analysis.current) + row.gainBySwitching) < 1e-12)
        }
        // Misplaced actors are exactly those whose matched predicted bloc differs from today's.
        #expect(analysis.misplaced == analysis.rows.filter { $0.currentBloc != $0.predictedBloc }.map(\.actor))
        #expect(landscape.energy(of: analysis.predicted) == result.global.energy)
    }
}
