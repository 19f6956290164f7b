import PactData

/// What every fuzz target checks besides "no crash, no hang": a reader either returns a value
/// or throws `InputErrors` with at least one message naming the file. Anything else (another
/// error type, an empty list, a message that repeats a whole document back) is a defect, and
/// trapping here makes libFuzzer save the input.
public enum FuzzCheck {

    /// Text the readers would be given: inputs that are not UTF-8 are refused before parsing
    /// (as `load(contentsOf:)` does), so they are skipped here.
    public static func text(_ data: UnsafePointer<UInt8>?, _ count: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: data, count: data == nil ? 0 : count), as: UTF8.self)
    }

    /// Runs `read` and checks how it fails.
    public static func expectCleanFailure(file: String, input: String, _ read: () throws -> Void) {
        do {
            try read()
        } catch let errors as InputErrors {
            precondition(!errors.errors.isEmpty, "InputErrors with no error")
            for error in errors.errors {
                precondition(error.file == file || error.file.hasPrefix(file), "an error names another file: \(error.file)")
                precondition(!error.message.isEmpty, "an empty message")
                // A document longer than a line is never repeated back whole (it reaches API clients).
                if input.utf8.count > 200, error.message.utf8.count >= input.utf8.count {
                    precondition(!error.message.contains(input), "a message repeats the whole document")
                }
            }
        } catch {
            preconditionFailure("a reader threw something other than InputErrors: \(error)")
        }
    }
}

/// libFuzzer's entry point for programs that have their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Runs libFuzzer on `test` with the command line. SwiftPM links an executable target's `main`
/// to `<Target>_main`, so each target defines that symbol and hands over to libFuzzer's driver
/// (the same options and output as libFuzzer's own `main`).
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
}
