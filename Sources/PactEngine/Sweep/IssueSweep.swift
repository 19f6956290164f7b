import PactModel

/// An issue scenario's bargaining forecast as a function of its stakeholders' inputs, for sweeps.
///
/// The bargaining model has no free weights of its own: what an analyst is unsure of is what
/// each stakeholder wants, how much it cares and how much it can bring to bear. So the swept
/// parameters are, for every stakeholder `X` of the sweep's scenarios,
/// - `X.position`: a shift of its position, as a share of the issue scale's width (the shifted
///   position is kept on the scale);
/// - `X.salience`: a shift of its salience (kept within 0...1);
/// - `X.capability`: a factor on its capability.
/// Every default is "as written" (0, 0, 1), so one parameter means the same change in every
/// scenario that has the stakeholder and none in those that do not. The model is deterministic:
/// each point is one run of `rounds` rounds.
public struct IssueSweep: SweepableModel {
    /// The numbers each task reports, on the issue's scale: the median and mean position after
    /// bargaining, and how far the median moved from the opening one.
    public static let outputs = ["forecast median", "forecast mean", "median shift"]
    public var outputs: [String] { Self.outputs }

    /// How far each kind of input is varied.
    public struct Spreads: Hashable, Sendable {
        /// Half-width of the position shift, as a share of the scale's width.
        public var position: Double
        /// Half-width of the salience shift.
        public var salience: Double
        /// Half-width of the capability factor's range around 1.
        public var capability: Double

        /// ±10% of the scale, ±0.2 salience, ±25% capability. A convention, not a measurement:
        /// wide enough to show which stakeholder's coding the forecast hangs on, narrow enough
        /// that each stakeholder stays recognisably itself (a shift of 0.2 in salience is one
        /// step of a five-step expert coding). Analysts change them per sweep.
        public static let standard = Spreads(position: 0.1, salience: 0.2, capability: 0.25)

        public init(position: Double, salience: Double, capability: Double) {
            self.position = position
            self.salience = salience
            self.capability = capability
        }
    }

    public struct Case: Sendable {
        public var actors: [BargainingActor]
        public var scale: ClosedRange<Double>
        public init(actors: [BargainingActor], scale: ClosedRange<Double>) {
            self.actors = actors
            self.scale = scale
        }
    }

    public let cases: [Case]
    public let rounds: Int
    public let variant: BargainingVariant

    public init(cases: [Case], rounds: Int, variant: BargainingVariant = .scholz) throws(SweepError) {
        guard rounds >= 1 else { throw SweepError("rounds of bargaining must be at least 1, got \(rounds)") }
        for c in cases {
            if let problem = BargainingInputError.problems(in: c.actors).first { throw SweepError(problem.description) }
        }
        self.cases = cases
        self.rounds = rounds
        self.variant = variant
    }

    /// The swept inputs of every stakeholder of `cases`, in order of first appearance: position,
    /// salience and capability for each. A spread of 0 leaves that input out. `only` and `except`
    /// work as for the crisis parameters.
    public static func parameters(for cases: [Case], spreads: Spreads, only: [String], except: [String]) throws(SweepError)
        -> [SweepParameter]
    {
        for (name, value) in [("position", spreads.position), ("salience", spreads.salience), ("capability", spreads.capability)]
            where !(value >= 0 && value <= 1)
        {
            throw SweepError("the \(name) spread must be in [0, 1], got \(value)")
        }
        var names: [String] = []
        for c in cases {
            for a in c.actors where !names.contains(a.name) { names.append(a.name) }
        }
        var all: [SweepParameter] = []
        for name in names {
            if spreads.position > 0 {
                all.append(SweepParameter(name: "\(name).position", low: -spreads.position, high: spreads.position, defaultValue: 0))
            }
            if spreads.salience > 0 {
                all.append(SweepParameter(name: "\(name).salience", low: -spreads.salience, high: spreads.salience, defaultValue: 0))
            }
            if spreads.capability > 0 {
                all.append(SweepParameter(name: "\(name).capability", low: 1 - spreads.capability, high: 1 + spreads.capability,
                                          defaultValue: 1))
            }
        }
        let known = all.map(\.name)
        for name in only + except where !known.contains(name) {
            throw SweepError("unknown parameter '\(name)'; an issue sweep's parameters are STAKEHOLDER.position, .salience and .capability: \(known.joined(separator: ", "))")
        }
        return all.filter { (only.isEmpty || only.contains($0.name)) && !except.contains($0.name) }
    }

    /// The stakeholders of scenario `scenario` with the inputs at `point`.
    public func actors(parameters: [SweepParameter], point: [Double], scenario: Int) -> [BargainingActor] {
        var values: [String: Double] = [:]
        for (p, v) in zip(parameters, point) { values[p.name] = v }
        let c = cases[scenario]
        let width = c.scale.upperBound - c.scale.lowerBound
        return c.actors.map { a in
            var b = a
            if let shift = values["\(a.name).position"] {
                b.position = min(max(a.position + shift * width, c.scale.lowerBound), c.scale.upperBound)
            }
            if let shift = values["\(a.name).salience"] { b.salience = min(max(a.salience + shift, 0), 1) }
            if let factor = values["\(a.name).capability"] { b.capability = a.capability * factor }
            return b
        }
    }

    public func evaluate(parameters: [SweepParameter], point: [Double], scenario: Int, draws: Int, seed: UInt64) throws -> [Double] {
        let model = try BargainingModel(actors: actors(parameters: parameters, point: point, scenario: scenario), variant: variant)
        let run = model.run(rounds: rounds, keeping: .summaries)
        return [run.final.median, run.final.mean, run.final.median - run.rounds[0].median]
    }
}
