import Foundation

/// Number formatting for tables: fixed decimals with a dot whatever the locale, so output is
/// reproducible across machines.
public enum Format {
    /// `value` with exactly `decimals` digits after the point.
    /// A value that rounds to zero is written without a sign: "-0.000" would claim a direction
    /// the figure does not have.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// A large quantity in readable units: 2.0e12 -> "2.00T", 1.45e8 -> "145.0M".
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        switch magnitude {
        case 1e12...: return fixed(value / 1e12, 2) + "T"
        case 1e9...: return fixed(value / 1e9, 2) + "B"
        case 1e6...: return fixed(value / 1e6, 1) + "M"
        case 1e4...: return fixed(value / 1e3, 1) + "k"
        default: return value == value.rounded() ? String(Int(value)) : fixed(value, 2)
        }
    }

    /// A probability as a fixed 3-decimal figure.
    public static func probability(_ p: Double) -> String { fixed(p, 3) }
}

extension Format {
    /// A share as a percentage: 0.8123 -> "81.2%".
    /// Not a number (a share of nothing) is "-".
    public static func percentage(_ share: Double, decimals: Int = 1) -> String {
        share.isFinite ? fixed(share * 100, decimals) + "%" : "-"
    }

    /// A signed figure: +0.412, -0.100.
    public static func signed(_ value: Double, _ decimals: Int) -> String {
        let text = fixed(value, decimals)
        return text.hasPrefix("-") || value.isNaN ? text : "+" + text
    }

    /// A whole number with thousands separators: 2030 -> "2,030".
    public static func grouped(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var output = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output += "," }
            output.append(character)
        }
        return (whole < 0 ? "-" : "") + output
    }
}
