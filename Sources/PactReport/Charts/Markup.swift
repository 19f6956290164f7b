/// Escaping for text that goes into XML, SVG, HTML or Markdown.
///
/// Every string that comes from a scenario, a dataset or a user (titles, actor names, notes,
/// reasons) passes through here before it is written into markup, so a scenario titled
/// `<script>alert(1)</script> & co` shows those characters instead of running them.
public enum Markup {
    /// Text content or an attribute value for XML, SVG and HTML: `& < > " '` become entities,
    /// and control characters XML 1.0 forbids are dropped (a file containing them would not parse).
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Text for Markdown: HTML-escaped (Markdown renderers pass raw HTML through) and with the
    /// characters that start Markdown syntax backslash-escaped, so a title stays one line of text.
    public static func escapeMarkdown(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!": output += "\\" + String(character)
            case "\n", "\r", "\r\n": output += " "
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) { output.append(character) }
            }
        }
        return output
    }
}
