import Foundation
import PactData
import PactEngine
import PactModel

/// What the server reads once at start: the embedded dataset, the shipped parameters, the
/// built-in scenarios (with their file text, so a run can record exactly what it ran) and the
/// case library. Immutable afterwards, so every request shares it without locks.
public struct Catalog: Sendable {
    public struct BuiltIn: Sendable {
        public var scenario: Scenario
        public var yaml: String
    }

    public let dataset: Dataset
    public let parameters: ParameterSet
    public let builtIns: [BuiltIn]
    public let cases: [Scenario]
    public let loader: ScenarioLoader

    public init() throws {
        dataset = try Embedded.dataset()
        parameters = try Embedded.defaultParameters()
        let known = Set(dataset.actors.keys)
        let names = Set(CrisisParameter.allCases.map(\.name))
        loader = ScenarioLoader(dataset: dataset, knownParameters: names)
        builtIns = try Embedded.scenarioFiles(knownActors: known, knownParameters: names).map { file in
            BuiltIn(scenario: file.scenario, yaml: (try? String(contentsOf: file.url, encoding: .utf8)) ?? "")
        }
        cases = try Embedded.cases(knownActors: known)
    }

    public func builtIn(_ id: String) -> BuiltIn? { builtIns.first { $0.scenario.id == id } }

    /// Parameter names a run may override, in the shipped file's order.
    public var parameterNames: [String] { parameters.names }
}
