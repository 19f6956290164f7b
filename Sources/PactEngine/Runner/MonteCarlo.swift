import Foundation
import PactModel

/// The parallel Monte Carlo runner.
///
/// Reproducibility for any thread count rests on three rules:
/// 1. Draws are cut into fixed chunks of `chunkSize`; chunk c draws its random numbers from
///    `SeededGenerator(seed:, stream: c)`, so a draw's numbers do not depend on which thread runs it.
/// 2. Floating-point sums are kept per chunk and added in chunk order after all chunks finish.
/// 3. Counts (levels, stances, histograms for percentiles) are integers, whose sums do not depend
///    on order.
///
/// Each worker asks its `cancellation` once before each chunk (not per draw, so the question
/// costs nothing measurable); a worker told to stop leaves its remaining chunks undone, and the
/// run throws `RunCancelled` once every worker has returned.
struct MonteCarlo {
    static let chunkSize = 4096
    /// Days are binned at 0.01 day for percentiles; forces at 1 troop.
    static let daysResolution = 0.01
    static let daysBins = 6001

    let setup: CrisisSetup
    let plan: SamplingPlan
    let draws: Int
    let seed: UInt64
    let threads: Int
    let cancellation: Cancellation

    init(setup: CrisisSetup, plan: SamplingPlan, draws: Int, seed: UInt64, threads: Int,
         cancellation: Cancellation = .never) {
        self.setup = setup
        self.plan = plan
        self.draws = max(0, draws)
        self.seed = seed
        self.threads = max(1, threads)
        self.cancellation = cancellation
    }

    var chunkCount: Int { (draws + Self.chunkSize - 1) / Self.chunkSize }

    /// Upper bound of any single draw's force, for the histogram size.
    var forceBins: Int {
        // No contingent exceeds what its member has on call, the lead state's garrisons included.
        return Int((setup.onCall.reduce(0, +) + setup.leadGarrisonPersonnel.reduce(0, +)).rounded(.up)) + 2
    }

    func run(disabled: InterestTerm? = nil, levelsOnly: Bool = false) throws(RunCancelled) -> Tally {
        let n = setup.count
        let chunks = chunkCount
        let workers = min(threads, max(1, chunks))
        let sums = ChunkSums(chunks: chunks, members: n)
        let counts = (0..<workers).map { _ in WorkerCounts() }
        let box = UncheckedBox(sums: sums, counts: counts)
        let forceBinCount = levelsOnly ? 0 : forceBins
        let cancellation = cancellation
        let body: @Sendable (Int) -> Void = { worker in
            let ws = DrawWorkspace(setup: setup, parameterCount: plan.count)
            // Counts live in local buffers during the loop and are copied out once at the end.
            let levels = UnsafeMutablePointer<Int>.allocate(capacity: 6)
            levels.initialize(repeating: 0, count: 6)
            let stances = UnsafeMutablePointer<Int>.allocate(capacity: max(1, 3 * n))
            stances.initialize(repeating: 0, count: max(1, 3 * n))
            let forceHistogram = UnsafeMutablePointer<Int>.allocate(capacity: max(1, forceBinCount))
            forceHistogram.initialize(repeating: 0, count: max(1, forceBinCount))
            let daysBinCount = levelsOnly ? 1 : Self.daysBins
            let daysHistogram = UnsafeMutablePointer<Int>.allocate(capacity: daysBinCount)
            daysHistogram.initialize(repeating: 0, count: daysBinCount)
            defer {
                levels.deallocate(); stances.deallocate(); forceHistogram.deallocate(); daysHistogram.deallocate()
            }
            var unilateral = 0
            var chunk = worker
            while chunk < chunks {
                if cancellation.isRequested {
                    box.counts[worker].stopped = true
                    return
                }
                var g = SeededGenerator(seed: seed, stream: UInt64(chunk))
                let start = chunk * Self.chunkSize, end = min(draws, start + Self.chunkSize)
                let row = box.sums.row(chunk)
                let member = box.sums.memberRow(chunk)
                for _ in start..<end {
                    let r = setup.draw(plan: plan, workspace: ws, generator: &g, disabled: disabled)
                    levels[r.level] += 1
                    if levelsOnly { continue }
                    if r.unilateral { unilateral += 1 }
                    row[0] += r.satisfaction
                    row[1] += r.strength
                    if r.level == 5 {
                        row[2] += r.force
                        row[3] += r.days
                        forceHistogram[min(forceBinCount - 1, Int(r.force + 0.5))] += 1
                        daysHistogram[min(Self.daysBins - 1, Int(r.days / Self.daysResolution + 0.5))] += 1
                    }
                    for i in 0..<n {
                        member[4 * i] += ws.position[i]
                        member[4 * i + 1] += ws.salience[i]
                        member[4 * i + 2] += ws.contribution[i]
                        member[4 * i + 3] += ws.weight[i]
                        stances[3 * i + Int(ws.stance[i])] += 1
                    }
                }
                chunk += workers
            }
            let wc = box.counts[worker]
            wc.levels = Array(UnsafeBufferPointer(start: levels, count: 6))
            wc.unilateral = unilateral
            wc.stances = Array(UnsafeBufferPointer(start: stances, count: 3 * n))
            wc.forceHistogram = Array(UnsafeBufferPointer(start: forceHistogram, count: forceBinCount))
            wc.daysHistogram = levelsOnly ? [] : Array(UnsafeBufferPointer(start: daysHistogram, count: Self.daysBins))
        }
        if workers == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: body)
        }
        // Each worker writes only its own flag, and concurrentPerform has returned: no race.
        if counts.contains(where: \.stopped) { throw RunCancelled() }
        return Tally(sums: sums, counts: counts, members: n)
    }
}

/// Floating-point sums per chunk, in flat storage, added in chunk order at the end.
final class ChunkSums: @unchecked Sendable {
    static let fields = 4  // satisfaction, strength, force (level 5), days (level 5)
    let chunks: Int
    let members: Int
    let scalars: UnsafeMutablePointer<Double>
    let perMember: UnsafeMutablePointer<Double>  // position, salience, contribution, weight per member

    init(chunks: Int, members: Int) {
        self.chunks = chunks
        self.members = members
        scalars = .allocate(capacity: max(1, chunks * Self.fields))
        scalars.initialize(repeating: 0, count: max(1, chunks * Self.fields))
        perMember = .allocate(capacity: max(1, chunks * members * 4))
        perMember.initialize(repeating: 0, count: max(1, chunks * members * 4))
    }
    deinit {
        scalars.deallocate()
        perMember.deallocate()
    }
    func row(_ chunk: Int) -> UnsafeMutablePointer<Double> { scalars + chunk * Self.fields }
    func memberRow(_ chunk: Int) -> UnsafeMutablePointer<Double> { perMember + chunk * members * 4 }
}

/// Integer counts kept per worker; integer addition makes their total order-independent.
final class WorkerCounts: @unchecked Sendable {
    /// Set when the worker stopped early because the run was cancelled.
    var stopped = false
    var levels = [Int](repeating: 0, count: 6)
    var unilateral = 0
    var stances: [Int] = []
    var forceHistogram: [Int] = []
    var daysHistogram: [Int] = []
}

struct UncheckedBox: @unchecked Sendable {
    let sums: ChunkSums
    let counts: [WorkerCounts]
}

/// The combined results of one run.
struct Tally {
    var levelCounts = [Int](repeating: 0, count: 6)
    var unilateral = 0
    var stances: [Int]
    var forceHistogram: [Int] = []
    var daysHistogram: [Int] = []
    var satisfaction = 0.0, strength = 0.0, force = 0.0, days = 0.0
    var position: [Double], salience: [Double], contribution: [Double], weight: [Double]

    var levelTotal: Int { levelCounts.enumerated().reduce(0) { $0 + $1.offset * $1.element } }

    init(sums: ChunkSums, counts: [WorkerCounts], members n: Int) {
        stances = [Int](repeating: 0, count: n * 3)
        position = [Double](repeating: 0, count: n)
        salience = position
        contribution = position
        weight = position
        for wc in counts {
            for k in 0..<6 { levelCounts[k] += wc.levels[k] }
            unilateral += wc.unilateral
            for k in 0..<wc.stances.count { stances[k] += wc.stances[k] }
            if forceHistogram.count < wc.forceHistogram.count {
                forceHistogram += [Int](repeating: 0, count: wc.forceHistogram.count - forceHistogram.count)
            }
            for k in 0..<wc.forceHistogram.count { forceHistogram[k] += wc.forceHistogram[k] }
            if daysHistogram.count < wc.daysHistogram.count {
                daysHistogram += [Int](repeating: 0, count: wc.daysHistogram.count - daysHistogram.count)
            }
            for k in 0..<wc.daysHistogram.count { daysHistogram[k] += wc.daysHistogram[k] }
        }
        for c in 0..<sums.chunks {
            let row = sums.row(c)
            satisfaction += row[0]
            strength += row[1]
            force += row[2]
            days += row[3]
            let m = sums.memberRow(c)
            for i in 0..<n {
                position[i] += m[4 * i]
                salience[i] += m[4 * i + 1]
                contribution[i] += m[4 * i + 2]
                weight[i] += m[4 * i + 3]
            }
        }
    }

    /// Nearest-rank percentile of a histogram whose bin k holds the value k · resolution.
    static func percentile(_ histogram: [Int], total: Int, q: Double, resolution: Double) -> Double {
        let rank = max(1, Int((q * Double(total)).rounded(.up)))
        var seen = 0
        for (k, count) in histogram.enumerated() {
            seen += count
            if seen >= rank { return Double(k) * resolution }
        }
        return Double(histogram.count - 1) * resolution
    }

    func forecast(setup: CrisisSetup, scenario: String, draws: Int, seed: UInt64, drivers: [Driver]) -> CrisisForecast {
        let total = Double(max(1, draws))
        let levels = levelCounts.map { Double($0) / total }
        var modal = 0
        for k in 1..<6 where levelCounts[k] > levelCounts[modal] { modal = k }
        let fives = levelCounts[5]
        var forceSummary: CrisisForecast.Summary?
        var daysSummary: CrisisForecast.Summary?
        if fives > 0 {
            let f = Double(fives)
            forceSummary = .init(mean: force / f, p10: Self.percentile(forceHistogram, total: fives, q: 0.1, resolution: 1),
                                 p90: Self.percentile(forceHistogram, total: fives, q: 0.9, resolution: 1))
            daysSummary = .init(mean: days / f,
                                p10: Self.percentile(daysHistogram, total: fives, q: 0.1, resolution: MonteCarlo.daysResolution),
                                p90: Self.percentile(daysHistogram, total: fives, q: 0.9, resolution: MonteCarlo.daysResolution))
        }
        var members: [MemberForecast] = []
        for i in 0..<setup.count {
            let shares = (0..<3).map { Double(stances[3 * i + $0]) / total }
            var modalStance = 0
            for k in 1..<3 where stances[3 * i + k] > stances[3 * i + modalStance] { modalStance = k }
            let role: String
            switch setup.roles[i] {
            case .requester: role = "requester"
            case .host: role = "host"
            case .adversary: role = "adversary"
            case .belligerent: role = "belligerent"
            case .lead: role = "lead"
            case .member: role = "member"
            }
            members.append(MemberForecast(
                id: setup.members[i], position: position[i] / total, salience: salience[i] / total,
                stance: Stance.allCases[modalStance],
                stances: .init(support: shares[0], abstain: shares[1], block: shares[2]),
                contribution: fives > 0 ? contribution[i] / Double(fives) : 0, role: role, weight: weight[i] / total))
        }
        let trigger = TriggerExplanation(cap: setup.trigger.cap.rawValue, coverage: setup.trigger.coverage.rawValue,
                                         strength: strength / total, reasons: setup.trigger.reasons)
        return CrisisForecast(
            scenario: scenario, draws: draws, seed: seed, levels: levels, modal: modal, unilateral: Double(unilateral) / total,
            force: forceSummary, daysToFirstArrival: daysSummary, members: members, drivers: drivers, trigger: trigger,
            expectedLevel: Double(levelTotal) / total,
            requesterSatisfaction: setup.requestedLevel > 0 ? satisfaction / total : nil)
    }
}
