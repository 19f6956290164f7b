import Foundation
import PactModel

/// How the outlook projects one pair's affinity forward: as a mean-reverting random walk (an
/// Ornstein–Uhlenbeck process) whose level and volatility are estimated from the pair's own
/// history in the dataset **before the start**, so a backtest uses nothing not known then.
///
/// Why: a frozen structure cannot lose a member whose relations were about to change, and the
/// dataset's history says which relations change. A pair coded at one value for a decade is
/// projected to stay near it; a pair that swung (Uzbekistan toward Russia and the United States
/// between 1999 and 2005) is projected to keep swinging, around the level it has held on average
/// rather than the one it happens to hold on the start day.
///
/// The pair's quantity is its mean affinity m = (a(A→B) + a(B→A)) / 2, the landscape propensity;
/// in a run both directed affinities move by the same shift x, with
///
///     dx = κ · (μ − m₀ − x) dt + σ dW,   x(0) = 0,
///
/// where m₀ is the value on the start day, μ the time-weighted mean over the lookback window and
/// σ² the window's sum of squared changes per year, shrunk toward the pooled rate of all pairs.
public struct RelationTrend: Hashable, Sendable {
    public let first: ActorID
    public let second: ActorID
    /// Mean affinity of the pair on the start day.
    public let current: Double
    /// Time-weighted mean of the pair's mean affinity over the lookback window (the start value
    /// when the window is empty).
    public let historicalMean: Double
    /// Sum of the squared changes of the mean affinity inside the window.
    public let squaredChanges: Double
    /// Length of the window in years (0 when the start is at or before the dataset's first day).
    public let windowYears: Double
    /// Volatility per √year after shrinkage toward the pooled rate.
    public let volatility: Double

    /// Estimates the trends of `pairs` from `relations`, using only what was in force before `day`.
    ///
    /// - Parameters:
    ///   - relations: the dataset's directed relation records; periods starting after `day` are
    ///     ignored, and the window ends the day before `day` (a change on the start day is the
    ///     start value, not part of the history).
    ///   - lookbackYears: the window is the `lookbackYears` (whole years) before `day`, cut at the
    ///     dataset's first day. A window shorter than a year is no history at all: a change a few
    ///     days before the start would otherwise read as an enormous volatility.
    ///   - priorYears: how many years of the pooled rate the shrinkage adds to each pair's own
    ///     record, so a pair that happened not to change in a short window still gets some volatility.
    public static func estimate(pairs: [(ActorID, ActorID)], relations: [Relation], before day: Day,
                                lookbackYears: Int, priorYears: Double) -> [RelationTrend] {
        let coverage = relations.map(\.period.start).min()
        let back = OutlookSetup.add(years: -max(0, lookbackYears), to: day)
        let start = coverage.map { max($0, back) } ?? day
        let span = start < day ? Double(start.days(to: day)) / 365.2425 : 0
        let years = span >= 1 ? span : 0
        var byPair: [ActorPair: [Relation]] = [:]
        for r in relations where r.period.start <= day { byPair[ActorPair(r.from, r.to), default: []].append(r) }

        func affinity(_ from: ActorID, _ to: ActorID, on d: Day) -> Double {
            // The last record in force, as `DatasetSnapshot` reads it.
            byPair[ActorPair(from, to)]?.last { $0.period.contains(d) }?.affinity ?? 0
        }
        struct Raw { let a: ActorID, b: ActorID, current: Double, mean: Double, squares: Double }
        var raws: [Raw] = []
        for (a, b) in pairs {
            func mean(on d: Day) -> Double { (affinity(a, b, on: d) + affinity(b, a, on: d)) / 2 }
            let current = mean(on: day)
            guard years > 0 else {  // no usable history
                raws.append(Raw(a: a, b: b, current: current, mean: current, squares: 0))
                continue
            }
            var breaks = Set([start])
            for r in (byPair[ActorPair(a, b)] ?? []) + (byPair[ActorPair(b, a)] ?? []) {
                if r.period.start > start && r.period.start < day { breaks.insert(r.period.start) }
                if let end = r.period.end, end > start, end < day { breaks.insert(end) }
            }
            let points = breaks.sorted()
            var weighted = 0.0, squares = 0.0, previous: Double?
            for (k, point) in points.enumerated() {
                let next = k + 1 < points.count ? points[k + 1] : day
                let value = mean(on: point)
                weighted += value * Double(point.days(to: next))
                if let previous { squares += (value - previous) * (value - previous) }
                previous = value
            }
            raws.append(Raw(a: a, b: b, current: current, mean: weighted / Double(start.days(to: day)), squares: squares))
        }
        let pooled = years > 0 && !raws.isEmpty ? raws.reduce(0) { $0 + $1.squares } / (years * Double(raws.count)) : 0
        return raws.map { raw in
            let variance = years + priorYears > 0 ? (raw.squares + priorYears * pooled) / (years + priorYears) : 0
            return RelationTrend(first: raw.a, second: raw.b, current: raw.current, historicalMean: raw.mean,
                                 squaredChanges: raw.squares, windowYears: years, volatility: variance.squareRoot())
        }
    }
}
