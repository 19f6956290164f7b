import FuzzSupport
import PactData

// Parameter files (`pact run --params FILE`, what `pact calibrate` writes).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParameterFile(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzCheck.text(data, count) else { return 0 }
    FuzzCheck.expectCleanFailure(file: "fuzz-parameters.yaml", input: text) {
        _ = try ParameterFile.parse(text: text, file: "fuzz-parameters.yaml")
    }
    return 0
}

@_cdecl("FuzzParameterFile_main")
public func fuzzParameterFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzParameterFile)
}
