import FuzzSupport
import PactData

// Stakeholder tables (`pact bargain FILE.csv`): header, quoting, numbers, duplicates.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStakeholderCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzCheck.text(data, count) else { return 0 }
    FuzzCheck.expectCleanFailure(file: "fuzz.csv", input: text) {
        _ = try StakeholderCSV.parse(text, file: "fuzz.csv")
    }
    return 0
}

@_cdecl("FuzzStakeholderCSV_main")
public func fuzzStakeholderCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzStakeholderCSV)
}
