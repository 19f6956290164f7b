import Foundation
import PactModel
import Yams

extension ParameterFile {
    /// The text of a parameter file with some defaults replaced: what `pact calibrate -o` writes.
    ///
    /// The new file is the old one edited in place, so its comments, ranges and every
    /// parameter's `doc` stay exactly as written; only the `default:` value of each parameter in
    /// `defaults` that differs from the file's changes (followed, in block style, by a comment
    /// giving the value it replaced),
    /// and the top-level `description` is replaced by `description` when one is given. The result
    /// parses back to the same parameters with the new defaults.
    ///
    /// - Throws: `InputErrors` when `text` is not a valid parameter file, names a parameter that
    ///   is not in it, or gives a default outside the parameter's range.
    public static func replacingDefaults(in text: String, file: String, with defaults: [(name: String, value: Double)],
                                         description: String? = nil) throws -> String {
        let set = try parse(text: text, file: file)
        var problems: [InputError] = []
        for (name, value) in defaults {
            guard let p = set[name] else {
                problems.append(InputError(file: file, line: nil, field: "parameters.\(name)", message: "is not in the file"))
                continue
            }
            if value < p.low || value > p.high {
                problems.append(InputError(file: file, line: nil, field: "parameters.\(name).default", found: "\(value)",
                    message: "lies outside the range [\(p.low), \(p.high)]"))
            }
        }
        if !problems.isEmpty { throw InputErrors(problems) }

        guard case .mapping(let root)? = try Yams.compose(yaml: text),
              case .mapping(let list)? = root["parameters"] else {
            throw InputErrors([InputError(file: file, line: nil, field: "parameters", message: "expected a mapping")])
        }
        var lines = text.components(separatedBy: "\n")
        for (name, value) in defaults {
            guard case .mapping(let entry)? = list[name], let node = entry["default"], let mark = node.mark,
                  case .scalar(let scalar) = node else { continue }
            let lineIndex = mark.line - 1
            var line = Array(lines[lineIndex])
            let start = mark.column - 1
            // The scalar as written runs from its column to the next flow delimiter, comment or end.
            var end = start
            while end < line.count, !",}] #".contains(line[end]) { end += 1 }
            let written = String(line[start..<end])
            // A default the fit left where it was keeps its line as written.
            if Double(scalar.string) == value { continue }
            let rest = String(line[end...])
            var replacement = Array(PlainNumber.text(value))
            if rest.trimmingCharacters(in: .whitespaces).isEmpty || rest.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                replacement += Array("  # fitted; prior \(written.isEmpty ? scalar.string : written)")
                line = Array(line[..<start]) + replacement
            } else {
                line = Array(line[..<start]) + replacement + Array(rest)
            }
            lines[lineIndex] = String(line)
        }
        if let description {
            lines = replacingDescription(in: lines, root: root, with: description)
        }
        return lines.joined(separator: "\n")
    }

    /// `lines` with the top-level `description` replaced by a folded block of `text` (or one
    /// inserted at the top when the file has none).
    static func replacingDescription(in lines: [String], root: Node.Mapping, with text: String) -> [String] {
        let block = ["description: >"] + wrap(text, width: 96).map { "  " + $0 }
        let keyLines = root.keys.compactMap { key in key.mark.map { (key: key.string ?? "", line: $0.line - 1) } }
            .sorted { $0.line < $1.line }
        guard let position = keyLines.firstIndex(where: { $0.key == "description" }) else { return block + lines }
        let first = keyLines[position].line
        var last = position + 1 < keyLines.count ? keyLines[position + 1].line - 1 : lines.count - 1
        // Comments and blank lines before the next key belong to it, not to the description.
        while last > first, lines[last].trimmingCharacters(in: .whitespaces).isEmpty
                || lines[last].trimmingCharacters(in: .whitespaces).hasPrefix("#") { last -= 1 }
        return Array(lines[..<first]) + block + Array(lines[(last + 1)...])
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                result.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

}
