import ArgumentParser
import PactModel

/// Dates on the command line are calendar days written YYYY-MM-DD; anything else (a month 13, a
/// 30 February) is refused by the parser with the option's name and the expected form.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension ArgumentHelp {
    /// Help for a date option: the text, and YYYY-MM-DD as the value's name.
    static func date(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: "YYYY-MM-DD") }
}
