/// How Pact writes back a number someone typed or will type again (parameter files, scenario
/// text, error messages, CSV and JSON): whole numbers without a fraction ("3", not "3.0"),
/// others in the shortest form that reads back to the same value ("0.35"), so nothing is lost
/// and nothing is invented. The one plain-number formatter of the project; tables that round for
/// reading use fixed decimals instead.
public enum PlainNumber {
    public static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
