import FuzzSupport
import PactData

// Scenario and case files: the YAML parser, the scenario reader with every check, the case rules,
// and the parameter-range reader the workbench's forms share with the `uncertainty` block.

let loader = try! ScenarioLoader.embedded(knownParameters: Set(try! Embedded.defaultParameters().names))
let known = loader.knownParameters

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzCheck.text(data, count) else { return 0 }
    FuzzCheck.expectCleanFailure(file: "fuzz.yaml", input: text) {
        let scenario = try loader.load(text: text, file: "fuzz.yaml")
        _ = CaseRules.problems(in: scenario, file: "fuzz.yaml")
    }
    FuzzCheck.expectCleanFailure(file: "uncertainty", input: text) {
        _ = try ParameterRangeText.parse(text, field: "uncertainty", known: known, singleValues: true)
    }
    return 0
}

@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    // Read the embedded dataset once, before the clock of the first input starts.
    _ = loader
    return runFuzzer(argc, argv, fuzzScenario)
}
