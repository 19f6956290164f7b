import Foundation
import PactModel

/// Case files: scenario files (SPEC section 5) that also record what actually happened.
///
/// A case is read by the same `ScenarioLoader` as any scenario, so it meets every rule of the
/// format; on top of that it must be a crisis with an `outcome`, and an outcome at level 5
/// (deployment) must say how large the force was and how fast it arrived, because a backtest
/// scores those too. The rules apply to the built-in library and to any case set a user gives.
public enum CaseRules {
    /// The problems that keep a loaded scenario from being a case; empty when it is one.
    /// `file` names the scenario's file in the messages.
    public static func problems(in scenario: Scenario, file: String) -> [InputError] {
        guard scenario.kind == .crisis else {
            return [InputError(file: file, line: nil, field: "kind", found: scenario.kind.rawValue,
                message: "a case is a crisis with a known outcome; an issue scenario cannot be backtested",
                allowed: [Scenario.Kind.crisis.rawValue])]
        }
        guard let outcome = scenario.outcome else {
            return [InputError(file: file, line: nil, field: "outcome",
                message: "a case needs an outcome block (level, unilateral, summary, sources) saying what happened")]
        }
        if outcome.level == .deployment, outcome.force == nil {
            return [InputError(file: file, line: nil, field: "outcome.force",
                message: "the outcome is level 5 (deployment), so it needs force: {total, days_to_first_arrival}")]
        }
        return []
    }
}

extension ScenarioLoader {
    /// Loads every case file of `directory` as one set (ids unique), checking each against the
    /// scenario format and `CaseRules`. Throws every problem of every file at once.
    public func loadCases(at directory: URL, naming: (URL) -> String = { $0.path }) throws -> [Scenario] {
        try checkedCases(loadFiles(at: directory, naming: naming))
    }

    /// Loads one case file, checked against the scenario format and `CaseRules`.
    public func loadCase(contentsOf url: URL, displayName: String? = nil) throws -> Scenario {
        let scenario = try load(contentsOf: url, displayName: displayName)
        let problems = CaseRules.problems(in: scenario, file: displayName ?? url.path)
        guard problems.isEmpty else { throw InputErrors(problems) }
        return scenario
    }

    func checkedCases(_ files: [ScenarioFile]) throws -> [Scenario] {
        let problems = files.flatMap { CaseRules.problems(in: $0.scenario, file: $0.file) }
        guard problems.isEmpty else { throw InputErrors(problems) }
        return files.map(\.scenario)
    }
}

extension Embedded {
    /// The folder of the built-in case library, `Resources/Cases`.
    public static var casesDirectory: URL { directory("Cases") }

    /// The built-in case library: the CSTO's historical episodes with their coded outcomes,
    /// sorted by file name, checked against `knownActors`.
    public static func cases(knownActors: Set<ActorID>) throws -> [Scenario] {
        try ScenarioLoader(knownActors: knownActors, organization: dataset().organization.id)
            .loadCases(at: casesDirectory, naming: displayName)
    }
}
