import Foundation
import PactData
import PactEngine
import PactModel

/// The cases a backtest runs: the built-in library, or a directory or file of case files a user
/// gives. Every file is read by the scenario loader and checked against the case rules (a crisis
/// with an `outcome`); any problem is an input error, which exits 2 naming the file and field.
enum CaseSelection {
    static func load(_ path: String?, dataset: Dataset) throws -> [BacktestCase] {
        let known = Set(dataset.actors.keys)
        let scenarios: [Scenario]
        if let path {
            let loader = ScenarioLoader(dataset: dataset, knownParameters: ParameterSource.names)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputErrors([InputError(file: path, line: nil, field: "",
                    message: "no such file or directory; give a case file or a directory of them")])
            }
            let url = URL(fileURLWithPath: path)
            scenarios = isDirectory.boolValue
                ? try loader.loadCases(at: url)
                : [try loader.loadCase(contentsOf: url, displayName: path)]
        } else {
            scenarios = try Embedded.cases(knownActors: known)
        }
        return try BacktestCase.prepare(scenarios, dataset: dataset)
    }
}
