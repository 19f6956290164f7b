import PactModel

extension ParameterSpread {
    /// `base` with each fit's values as defaults, one set per fit; a value outside the base set's
    /// range is clamped into it (the range is what a reader of the parameter file accepts).
    public func parameterSets(base: ParameterSet) -> [ParameterSet] {
        fits.map { fit in
            var set = base
            for name in names {
                guard let value = fit[name], let p = set[name] else { continue }
                set = set.settingDefault(name, to: min(p.high, max(p.low, value)))
            }
            return set
        }
    }

    /// The names the spread sets that `set` does not define: a spread from another model version.
    public func unknownNames(in set: ParameterSet) -> [String] { names.filter { !set.contains($0) } }

    /// `count` resamples of `n` case indices with replacement from `seed`: resample b is the b-th
    /// list. Deterministic.
    public static func resamples(count: Int, of n: Int, seed: UInt64) -> [[Int]] {
        precondition(n >= 1, "a bootstrap needs at least one case")
        return (0..<count).map { b in
            var generator = SeededGenerator(seed: seed, stream: 0xB007_0000 &+ UInt64(b))
            return (0..<n).map { _ in Int(generator.next() % UInt64(n)) }.sorted()
        }
    }

    /// Fits `calibrator` on `count` bootstrap resamples of `cases` (a case drawn twice weighs
    /// twice); `progress` is told each fit's number before it starts.
    public static func bootstrap(_ cases: [BacktestCase], calibrator: Calibrator, count: Int, seed: UInt64,
                                 progress: (Int) -> Void = { _ in }) throws -> ParameterSpread {
        let names = calibrator.problem.free.map(\.name)
        var fits: [[String: Double]] = []
        for (b, indices) in resamples(count: count, of: cases.count, seed: seed).enumerated() {
            progress(b + 1)
            let fit = try calibrator.fit(indices.map { cases[$0] })
            fits.append(Dictionary(uniqueKeysWithValues: zip(names, fit.values)))
        }
        return ParameterSpread(names: names, fits: fits)
    }
}

/// A probability's interval over the parameter spread: the given percentiles of the values the
/// fits give, beside the point forecast of the shipped parameters.
public struct ProbabilityInterval: Hashable, Sendable {
    public var point: Double
    public var low: Double
    public var high: Double
}

/// A crisis forecast's level and `unilateral` probabilities with intervals from the spread.
public struct UncertainForecast: Hashable, Sendable {
    public var scenario: String
    public var levels: [ProbabilityInterval]
    public var unilateral: ProbabilityInterval
    /// Fits the interval is over, the share it covers, and the draws of each fit's forecast.
    public var fits: Int
    public var coverage: Double
    public var drawsPerFit: Int

    /// Forecasts `model` once per parameter set of the spread (each with `drawsPerFit` draws and
    /// the same seed, so the sets differ only by their parameters) and takes each probability's
    /// percentile interval; `point` is the forecast beside which the intervals are shown.
    public init(model: CrisisModel, point: CrisisForecast, sets: [ParameterSet], drawsPerFit: Int, seed: UInt64,
                threads: Int, coverage: Double = 0.9) throws {
        precondition(!sets.isEmpty, "an interval needs at least one fit")
        let forecasts = try sets.map {
            try model.forecast(parameters: $0, draws: drawsPerFit, seed: seed, threads: threads, drivers: false)
        }
        let tail = (1 - coverage) / 2
        func interval(_ values: [Double], point: Double) -> ProbabilityInterval {
            let sorted = values.sorted()
            return ProbabilityInterval(point: point, low: SkillBootstrap.quantile(sorted, tail),
                                       high: SkillBootstrap.quantile(sorted, 1 - tail))
        }
        scenario = point.scenario
        levels = point.levels.indices.map { k in interval(forecasts.map { $0.levels[k] }, point: point.levels[k]) }
        unilateral = interval(forecasts.map(\.unilateral), point: point.unilateral)
        fits = sets.count
        self.coverage = coverage
        self.drawsPerFit = drawsPerFit
    }
}
