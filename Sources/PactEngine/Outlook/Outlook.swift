import Foundation
import PactModel

/// The cohesion outlook: a seeded Monte Carlo of the alliance's members over the years.
///
/// One run steps through quarters from the start to the horizon:
/// 1. Crises arrive as a Poisson process at the templates' summed rate; each picks a template
///    in proportion to its rate and a ladder level from the template's distribution under the
///    crisis engine. A crisis whose affected member no longer takes part asks nothing and
///    counts no deployment.
/// 2. The affected member's satisfaction S moves toward what it got:
///    S ← S + crisisLearning · (sat − S), sat = 1 − max(0, wanted − level) / wanted.
///    A shortfall also costs trust: the member's affinity toward the lead state drops by
///    trustLoss · (1 − sat).
/// 3. Every relation trend moves (`RelationTrend`): x ← x + κ · dt · (μ − m₀ − x) + σ · √dt · N(0, 1),
///    and each member's anchor is recomputed from its shifted ties and the current statuses
///    (`AnchorTerms`). Every member that has not left drifts toward its anchor with noise:
///    S ← S + reversion · dt · (anchor − S) + noise · √dt · N(0, 1), clamped to [0, 1].
/// 4. Status: a full member whose S stays below `disengageThreshold` for `disengageYears` freezes
///    or suspends; a disengaged member whose S stays below `leaveThreshold` for `leaveYears`
///    leaves, and one whose S stays above `reengageThreshold` for `reengageYears` returns.
///    The lead state is the alliance's core and always stays a full member.
///
/// Run r draws its random numbers from `SeededGenerator(seed:, stream: r)` and writes its own
/// slots of the result buffers, so the forecast is bit-identical for any thread count, and the
/// first N runs of a larger run are the same N runs.
public enum Outlook {
    public static func run(_ setup: OutlookSetup, runs: Int, seed: UInt64, threads: Int = 1) -> OutlookForecast {
        let runs = max(1, runs)
        let m = setup.members.count
        let steps = setup.steps
        let p = setup.parameters
        let dt = p.stepYears
        let stepsPerYear = max(1, Int((1 / dt).rounded()))
        var markList = Array(stride(from: 0, through: steps, by: stepsPerYear))
        if markList.last != steps { markList.append(steps) }
        let marks = markList
        let markCount = marks.count

        // Flat, read-only inputs, one set per period (a single period unless hindsight is on).
        let periods = setup.periods
        let periodCount = periods.count
        let anchorsByPeriod = periods.map { $0.members.map(\.anchor) }
        let isLead = setup.members.map(\.isLead)
        let startStatus = setup.members.map { UInt8($0.startStatus == .full ? 0 : 1) }
        // Each period has its own templates: with hindsight a later year's dataset can name a
        // different most hostile neighbour, so the structural templates (and their number) differ
        // from year to year, and a crisis is drawn from the period's own list.
        let totalRateByPeriod = periods.map { $0.templates.reduce(0) { $0 + $1.ratePerYear } }
        let cumulativeRateByPeriod = periods.map { period -> [Double] in
            var acc = 0.0
            return period.templates.map { t -> Double in
                acc += t.ratePerYear
                return acc
            }
        }
        let cumulativeLevels = periods.map { period in
            period.templates.map { t -> [Double] in
                var c = 0.0
                return t.levels.map { c += $0; return c }
            }
        }
        let affectedByPeriod = periods.map { $0.templates.map(\.affected) }
        let wantedByPeriod = periods.map { $0.templates.map { $0.wanted ?? 0 } }
        let poissonZeroByPeriod = totalRateByPeriod.map { exp(-$0 * dt) }
        // Relation trends (none with hindsight, whose anchors come from the periods instead).
        let moving = !setup.usesHindsight && !setup.trends.isEmpty
        let trendCount = setup.trends.count
        let trendTarget = setup.trends.map { $0.historicalMean - $0.current }
        let trendStep = setup.trends.map { $0.volatility * dt.squareRoot() }
        let reversion = p.relationReversionPerYear * dt
        let ties = setup.ties
        let leadTrend = setup.ties.map { $0.first { $0.isLead }?.trend ?? -1 }

        let out = OutlookBuffers(runs: runs, members: m, marks: markCount)
        let chunk = 256
        let chunks = (runs + chunk - 1) / chunk
        let workers = min(max(1, threads), chunks)
        let body: @Sendable (Int) -> Void = { worker in
            var s = [Double](repeating: 0, count: m)
            var status = [UInt8](repeating: 0, count: m)
            var below = [Double](repeating: 0, count: m), above = [Double](repeating: 0, count: m)
            var shifts = [Double](repeating: 0, count: trendCount)
            var isFull = [Bool](repeating: false, count: m)
            var anchors = anchorsByPeriod[0]
            var c = worker
            while c < chunks {
                for r in (c * chunk)..<min(runs, (c + 1) * chunk) {
                    var g = SeededGenerator(seed: seed, stream: UInt64(r))
                    for i in 0..<m {
                        s[i] = anchorsByPeriod[0][i]
                        status[i] = startStatus[i]
                        below[i] = 0
                        above[i] = 0
                        out.everOut[r * m + i] = startStatus[i] == 0 ? 0 : 1
                    }
                    for d in 0..<trendCount { shifts[d] = 0 }
                    anchors = anchorsByPeriod[0]
                    var deployments: Int32 = 0, crises: Int32 = 0
                    var nextMark = 0
                    for step in 0...steps {
                        if nextMark < markCount && marks[nextMark] == step {
                            var full: UInt8 = 0, sum = 0.0, counted = 0
                            for i in 0..<m {
                                if status[i] == 0 { full += 1 }
                                if !isLead[i] {
                                    sum += status[i] == 2 ? 0 : s[i]
                                    counted += 1
                                }
                            }
                            out.fullCount[r * markCount + nextMark] = full
                            out.meanSatisfaction[r * markCount + nextMark] = counted > 0 ? sum / Double(counted) : 0
                            nextMark += 1
                        }
                        if step == steps { break }
                        let period = min(periodCount - 1, step / stepsPerYear)
                        if !moving { anchors = anchorsByPeriod[period] }
                        let totalRate = totalRateByPeriod[period], cumulativeRate = cumulativeRateByPeriod[period]
                        let poissonZero = poissonZeroByPeriod[period]
                        // 1-2. Crises this quarter.
                        var arrivals = 0
                        if totalRate > 0 {
                            let u = g.nextUnit()
                            var term = poissonZero, cum = poissonZero
                            while u > cum && arrivals < 50 {
                                arrivals += 1
                                term *= totalRate * dt / Double(arrivals)
                                cum += term
                            }
                        }
                        for _ in 0..<arrivals {
                            let x = g.nextUnit() * totalRate
                            var t = 0
                            while t < cumulativeRate.count - 1 && x >= cumulativeRate[t] { t += 1 }
                            let y = g.nextUnit()
                            let levels = cumulativeLevels[period][t]
                            var level = 0
                            while level < 5 && y >= levels[level] { level += 1 }
                            let a = affectedByPeriod[period][t]
                            if a >= 0 && status[a] != 0 { continue }
                            crises += 1
                            if level == 5 { deployments += 1 }
                            let wanted = wantedByPeriod[period][t]
                            if a >= 0, !isLead[a], wanted > 0 {
                                let sat = Consequences.satisfaction(requested: wanted, got: level)
                                s[a] += p.crisisLearning * (sat - s[a])
                                if moving, leadTrend[a] >= 0 { shifts[leadTrend[a]] -= p.trustLoss * (1 - sat) }
                            }
                        }
                        // 3. Relations move, and with them the anchors.
                        if moving {
                            for d in 0..<trendCount {
                                shifts[d] += reversion * (trendTarget[d] - shifts[d])
                                if trendStep[d] > 0 { shifts[d] += trendStep[d] * g.nextNormal() }
                            }
                            for i in 0..<m { isFull[i] = status[i] == 0 }
                            for i in 0..<m where !isLead[i] && status[i] != 2 {
                                anchors[i] = AnchorTerms(ties[i], isLead: false, shifts: shifts, isFull: isFull, parameters: p).anchor
                            }
                        }
                        // 3-4. Drift, noise and status.
                        for i in 0..<m where !isLead[i] && status[i] != 2 {
                            s[i] += p.reversionPerYear * dt * (anchors[i] - s[i]) + p.noisePerRootYear * dt.squareRoot() * g.nextNormal()
                            s[i] = min(1, max(0, s[i]))
                            if status[i] == 0 {
                                below[i] = s[i] < p.disengageThreshold ? below[i] + dt : 0
                                if below[i] >= p.disengageYears - 1e-9 {
                                    status[i] = 1
                                    out.everOut[r * m + i] = 1
                                    below[i] = 0
                                    above[i] = 0
                                }
                            } else {
                                below[i] = s[i] < p.leaveThreshold ? below[i] + dt : 0
                                above[i] = s[i] > p.reengageThreshold ? above[i] + dt : 0
                                if below[i] >= p.leaveYears - 1e-9 {
                                    status[i] = 2
                                } else if above[i] >= p.reengageYears - 1e-9 {
                                    status[i] = 0
                                    below[i] = 0
                                    above[i] = 0
                                }
                            }
                        }
                    }
                    for i in 0..<m {
                        out.finalStatus[r * m + i] = status[i]
                        out.finalSatisfaction[r * m + i] = s[i]
                    }
                    out.deployments[r] = deployments
                    out.crises[r] = crises
                }
                c += workers
            }
        }
        if workers == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: body) }
        return OutlookForecast(setup: setup, runs: runs, seed: seed, buffers: out, marks: marks)
    }
}

/// Per-run results, one slot per run (and member or mark), written by whichever thread runs it.
final class OutlookBuffers: @unchecked Sendable {
    let finalStatus: UnsafeMutablePointer<UInt8>
    let everOut: UnsafeMutablePointer<UInt8>
    let finalSatisfaction: UnsafeMutablePointer<Double>
    let deployments: UnsafeMutablePointer<Int32>
    let crises: UnsafeMutablePointer<Int32>
    let fullCount: UnsafeMutablePointer<UInt8>
    let meanSatisfaction: UnsafeMutablePointer<Double>

    init(runs: Int, members: Int, marks: Int) {
        func make<T>(_ n: Int, _ zero: T) -> UnsafeMutablePointer<T> {
            let ptr = UnsafeMutablePointer<T>.allocate(capacity: max(1, n))
            ptr.initialize(repeating: zero, count: max(1, n))
            return ptr
        }
        finalStatus = make(runs * members, 0)
        everOut = make(runs * members, 0)
        finalSatisfaction = make(runs * members, 0.0)
        deployments = make(runs, 0)
        crises = make(runs, 0)
        fullCount = make(runs * marks, 0)
        meanSatisfaction = make(runs * marks, 0.0)
    }

    deinit {
        finalStatus.deallocate(); everOut.deallocate(); finalSatisfaction.deallocate(); deployments.deallocate()
        crises.deallocate(); fullCount.deallocate(); meanSatisfaction.deallocate()
    }
}

/// What the outlook reports.
public struct OutlookForecast: Sendable {
    public struct MemberResult: Sendable {
        public let id: ActorID
        public let startStatus: OutlookSetup.Status
        /// Probability of each status at the horizon.
        public let full: Double
        public let disengaged: Double
        public let left: Double
        /// Probability that it froze, suspended or left at any time before the horizon (1 when it
        /// started disengaged).
        public let exitOrFreeze: Double
        /// Mean satisfaction at the horizon over the runs in which it has not left.
        public let satisfaction: Double
    }

    /// Quantiles of a quantity over the runs at one date.
    public struct Band: Sendable {
        public let p10: Double, p25: Double, p50: Double, p75: Double, p90: Double, mean: Double
    }

    /// The fan chart's data at one date: the number of full members and the cohesion index (mean
    /// satisfaction of the members other than the lead state, 0 for those that left).
    public struct FanPoint: Sendable {
        public let date: Day
        public let years: Double
        public let fullMembers: Band
        public let cohesion: Band
    }

    public let setup: OutlookSetup
    public let runs: Int
    public let seed: UInt64
    public let members: [MemberResult]
    public let expectedDeployments: Double
    public let expectedCrises: Double
    public let fan: [FanPoint]

    init(setup: OutlookSetup, runs: Int, seed: UInt64, buffers b: OutlookBuffers, marks: [Int]) {
        self.setup = setup
        self.runs = runs
        self.seed = seed
        let m = setup.members.count
        let total = Double(runs)
        var members: [MemberResult] = []
        for i in 0..<m {
            var counts = [0, 0, 0], ever = 0, satisfaction = 0.0, staying = 0
            for r in 0..<runs {
                let st = Int(b.finalStatus[r * m + i])
                counts[st] += 1
                ever += Int(b.everOut[r * m + i])
                if st != 2 {
                    satisfaction += b.finalSatisfaction[r * m + i]
                    staying += 1
                }
            }
            members.append(MemberResult(
                id: setup.members[i].id, startStatus: setup.members[i].startStatus, full: Double(counts[0]) / total,
                disengaged: Double(counts[1]) / total, left: Double(counts[2]) / total, exitOrFreeze: Double(ever) / total,
                satisfaction: staying > 0 ? satisfaction / Double(staying) : .nan))
        }
        self.members = members
        var deployments = 0, crises = 0
        for r in 0..<runs {
            deployments += Int(b.deployments[r])
            crises += Int(b.crises[r])
        }
        expectedDeployments = Double(deployments) / total
        expectedCrises = Double(crises) / total
        var fan: [FanPoint] = []
        let dt = setup.parameters.stepYears
        for (k, step) in marks.enumerated() {
            let counts = (0..<runs).map { Double(b.fullCount[$0 * marks.count + k]) }.sorted()
            let cohesion = (0..<runs).map { b.meanSatisfaction[$0 * marks.count + k] }.sorted()
            let years = Double(step) * dt
            let date = k == marks.count - 1 ? setup.to : Self.add(years: Int(years.rounded()), to: setup.from)
            fan.append(FanPoint(date: date, years: years, fullMembers: Self.band(counts), cohesion: Self.band(cohesion)))
        }
        self.fan = fan
    }

    /// Nearest-rank quantiles of sorted values; the mean summed in run order.
    static func band(_ sorted: [Double]) -> Band {
        func q(_ x: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((x * Double(sorted.count)).rounded(.up)) - 1))] }
        return Band(p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9),
                    mean: sorted.reduce(0, +) / Double(max(1, sorted.count)))
    }

    static func add(years: Int, to day: Day) -> Day { OutlookSetup.add(years: years, to: day) }

    /// The member result for `id`, nil when it was not a party at the start.
    public func member(_ id: ActorID) -> MemberResult? { members.first { $0.id == id } }
}
