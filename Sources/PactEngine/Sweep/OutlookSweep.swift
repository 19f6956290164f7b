import PactModel

/// The cohesion outlook as a function of its constants, for sweeps.
///
/// Each of the sweep's scenarios is one horizon of the same outlook (same start, same dataset,
/// same case window); each point rebuilds the outlook's setup with the constants at the point
/// (the structural templates and the anchors depend on them) and runs `draws` simulated futures.
/// The crisis engine's parameters stay at the values given: sweep crises for those.
public struct OutlookSweep: SweepableModel {
    /// For every horizon: the expected number of full members, the mean cohesion index (mean
    /// satisfaction of the members other than the lead state), the expected number of
    /// collective deployments, and each non-lead member's probability of being a full member.
    public let outputs: [String]
    public let horizons: [Day]
    public let from: Day
    let dataset: Dataset
    let cases: [Scenario]
    let caseWindow: DayInterval
    let crisisParameters: ParameterSet
    let base: OutlookParameters
    /// The non-lead members at the start, in the setup's order.
    let members: [ActorID]

    public init(dataset: Dataset, from: Day, horizons: [Day], cases: [Scenario], caseWindow: DayInterval,
                crisisParameters: ParameterSet, base: OutlookParameters = .init()) throws {
        guard !horizons.isEmpty else { throw SweepError("an outlook sweep needs at least one horizon") }
        for h in horizons where h <= from {
            throw SweepError("the horizon \(h) must be after the start \(from)")
        }
        self.dataset = dataset
        self.from = from
        self.horizons = horizons
        self.cases = cases
        self.caseWindow = caseWindow
        self.crisisParameters = crisisParameters
        self.base = base
        let setup = try OutlookSetup(dataset: dataset, from: from, to: horizons[0], cases: cases, caseWindow: caseWindow,
                                     crisisParameters: crisisParameters, parameters: base)
        members = setup.members.filter { !$0.isLead }.map(\.id)
        outputs = ["expected full members", "mean cohesion", "expected deployments"] + members.map { "P(\($0.rawValue) full)" }
    }

    /// The scenario name of each horizon in a sweep's spec.
    public var scenarioNames: [String] { horizons.map { "outlook \(from) to \($0)" } }

    /// The outlook's constants with their sweep ranges, optionally restricted by name.
    public static func parameters(only: [String], except: [String]) throws(SweepError) -> [SweepParameter] {
        let base = OutlookParameters()
        let known = OutlookParameters.sweepRanges.map(\.name)
        for name in only + except where !known.contains(name) {
            let reason = name == "step_years" ? " (the simulation's step is its resolution and is not swept)" : ""
            throw SweepError("unknown parameter '\(name)'\(reason); the outlook's swept constants are \(known.joined(separator: ", "))")
        }
        return OutlookParameters.sweepRanges.filter { (only.isEmpty || only.contains($0.name)) && !except.contains($0.name) }.map { entry in
            let keyPath = OutlookParameters.names.first { $0.name == entry.name }!.keyPath
            return SweepParameter(name: entry.name, low: entry.range.lowerBound, high: entry.range.upperBound,
                                  defaultValue: base[keyPath: keyPath])
        }
    }

    /// The constants at `point`, the others as given at construction.
    public func constants(parameters: [SweepParameter], point: [Double]) throws(SweepError) -> OutlookParameters {
        var p = base
        for (parameter, value) in zip(parameters, point) {
            guard let changed = p.setting(parameter.name, to: value) else {
                throw SweepError("the outlook has no constant called '\(parameter.name)'")
            }
            p = changed
        }
        return p
    }

    public func evaluate(parameters: [SweepParameter], point: [Double], scenario: Int, draws: Int, seed: UInt64) throws -> [Double] {
        let setup = try OutlookSetup(dataset: dataset, from: from, to: horizons[scenario], cases: cases, caseWindow: caseWindow,
                                     crisisParameters: crisisParameters, parameters: try constants(parameters: parameters, point: point),
                                     seed: seed)
        let f = Outlook.run(setup, runs: draws, seed: seed, threads: 1)
        guard let last = f.fan.last else { return Array(repeating: .nan, count: outputs.count) }
        return [last.fullMembers.mean, last.cohesion.mean, f.expectedDeployments] + members.map { f.member($0)?.full ?? .nan }
    }
}
