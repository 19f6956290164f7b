import PactModel

/// A skill score against a reference forecaster with a bootstrap interval:
/// skill = 1 − mean score of the model / mean score of the reference, over the same cases.
///
/// With a few dozen cases one case moves a mean score by several per cent; the interval says how
/// far the figure would move had history dealt a different sample of episodes of the same kind.
public struct SkillInterval: Hashable, Sendable {
    /// The skill on the cases as they are.
    public var point: Double
    /// The lower and upper percentile of the resampled skills (e.g. the 5th and 95th).
    public var low: Double
    public var high: Double
    /// The share of resamples the interval covers (0.9 for the 5th to 95th percentile).
    public var coverage: Double
    /// How many resamples were drawn, and with what seed.
    public var resamples: Int
    public var seed: UInt64
    /// The number of cases scored.
    public var cases: Int

    public init(point: Double, low: Double, high: Double, coverage: Double, resamples: Int, seed: UInt64, cases: Int) {
        self.point = point
        self.low = low
        self.high = high
        self.coverage = coverage
        self.resamples = resamples
        self.seed = seed
        self.cases = cases
    }
}

/// The percentile bootstrap over cases for a skill score (Efron & Tibshirani 1993, ch. 13).
///
/// Cases are resampled with replacement and the model and the reference are scored on the same
/// resample (paired): the interval is about the difference the two make on episodes like these,
/// not about each one's own noise. Every draw comes from a ``SeededGenerator``, so the same scores,
/// resamples and seed give the same interval.
public enum SkillBootstrap {
    /// 1 − mean(model) / mean(reference); NaN when the reference scores a perfect 0 or there is no case.
    public static func skill(model: [Double], reference: [Double]) -> Double {
        precondition(model.count == reference.count, "one reference score per model score")
        guard !model.isEmpty else { return .nan }
        let m = model.reduce(0, +), r = reference.reduce(0, +)
        return r > 0 ? 1 - m / r : .nan
    }

    /// The skill of `model` over `reference` (per-case scores, lower is better, paired by index)
    /// with its percentile interval over `resamples` bootstrap resamples of the cases. Resamples
    /// whose reference total is 0 have no skill and are dropped; if every one is, the interval is NaN.
    public static func interval(model: [Double], reference: [Double], resamples: Int = 2000, seed: UInt64 = 1,
                                coverage: Double = 0.9) -> SkillInterval {
        precondition(resamples >= 1, "a bootstrap needs at least one resample")
        precondition(coverage > 0 && coverage < 1, "coverage lies strictly between 0 and 1")
        let n = model.count
        let point = skill(model: model, reference: reference)
        guard n > 0 else {
            return SkillInterval(point: .nan, low: .nan, high: .nan, coverage: coverage, resamples: resamples, seed: seed, cases: 0)
        }
        var generator = SeededGenerator(seed: seed, stream: 0x5B00_7574)
        var skills: [Double] = []
        skills.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var m = 0.0, r = 0.0
            for _ in 0..<n {
                let i = Int(generator.next() % UInt64(n))
                m += model[i]
                r += reference[i]
            }
            if r > 0 { skills.append(1 - m / r) }
        }
        skills.sort()
        let tail = (1 - coverage) / 2
        return SkillInterval(point: point, low: quantile(skills, tail), high: quantile(skills, 1 - tail),
                             coverage: coverage, resamples: resamples, seed: seed, cases: n)
    }

    /// The `q` quantile of sorted `values` by linear interpolation between order statistics
    /// (Hyndman & Fan type 7); NaN for no values.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(sorted.count - 1, lower + 1)
        let weight = position - Double(lower)
        return sorted[lower] * (1 - weight) + sorted[upper] * weight
    }
}
