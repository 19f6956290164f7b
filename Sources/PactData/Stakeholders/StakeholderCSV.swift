import Foundation
import PactModel

/// A stakeholder table for the bargaining model, as analysts keep it in a spreadsheet:
///
/// ```
/// Actor,Capability,Position,Salience
/// Netherlands,0.08,4,0.8
/// ```
///
/// The header must be exactly these four columns in this order (SPEC section 8), so that a file
/// exported with a column missing or swapped is refused instead of being read wrongly. Every
/// problem is reported with the file, line, column, the value found and what is allowed, all at
/// once. Fields may be quoted as in RFC 4180; blank lines are skipped.
public enum StakeholderCSV {
    /// The required header.
    public static let columns = ["Actor", "Capability", "Position", "Salience"]

    /// Reads a stakeholder file; a missing or unreadable file is an input error.
    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> [Stakeholder] {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "cannot read the file (does it exist?)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "the file is not UTF-8 text")])
        }
        return try parse(text, file: name)
    }

    /// Parses the text of a stakeholder file named `file` (used in error messages). Every
    /// stakeholder has its capability set; rows keep the file's order, which breaks ties in the model.
    public static func parse(_ text: String, file: String) throws -> [Stakeholder] {
        let diagnostics = Diagnostics(file: file)
        // Character.isNewline covers "\n", "\r" and "\r\n" (one Character in Swift), so files
        // saved on any system split the same way.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }

        guard let headerIndex = lines.firstIndex(where: { !isBlank($0) }) else {
            diagnostics.report(line: 1, field: "", "the file is empty; expected the header \(columns.joined(separator: ","))",
                allowed: columns)
            throw InputErrors(diagnostics.errors)
        }
        guard checkHeader(lines[headerIndex], line: headerIndex + 1, diagnostics: diagnostics) else {
            throw InputErrors(diagnostics.errors)
        }

        var stakeholders: [Stakeholder] = []
        var firstLine: [String: Int] = [:]
        for index in (headerIndex + 1)..<lines.count where !isBlank(lines[index]) {
            let lineNumber = index + 1
            if let stakeholder = row(lines[index], line: lineNumber, diagnostics: diagnostics) {
                let name = stakeholder.actor.rawValue
                if let earlier = firstLine[name] {
                    diagnostics.report(line: lineNumber, field: "Actor", found: name,
                        "actor '\(YAMLField.excerpt(name))' is listed again (first on line \(earlier)); each actor must appear once")
                    continue
                }
                firstLine[name] = lineNumber
                stakeholders.append(stakeholder)
            }
        }
        try diagnostics.throwIfAny()

        if stakeholders.count < 2 {
            diagnostics.report(line: nil, field: "", found: String(stakeholders.count),
                "bargaining needs at least 2 stakeholder rows, found \(stakeholders.count)")
        } else if let position = stakeholders.first?.position, stakeholders.allSatisfy({ $0.position == position }) {
            diagnostics.report(line: nil, field: "Position", found: PlainNumber.text(position),
                "every actor has position \(PlainNumber.text(position)); bargaining needs at least two different positions")
        } else if stakeholders.allSatisfy({ $0.salience == 0 }) {
            diagnostics.report(line: nil, field: "Salience", found: "0",
                "every actor has salience 0; at least one must care about the issue")
        }
        try diagnostics.throwIfAny()
        return stakeholders
    }

    // MARK: Header and rows

    private static func checkHeader(_ text: String, line: Int, diagnostics: Diagnostics) -> Bool {
        guard let fields = split(text) else {
            diagnostics.report(line: line, field: "", found: text, "the header has an unterminated quote")
            return false
        }
        let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if names == columns { return true }
        let expected = columns.joined(separator: ",")
        let missing = columns.filter { !names.contains($0) }
        let unknown = names.filter { !columns.contains($0) }
        for column in missing {
            diagnostics.report(line: line, field: column, found: text,
                "column '\(YAMLField.excerpt(column))' is missing; the header must be exactly \(expected)", allowed: columns)
        }
        for column in unknown {
            diagnostics.report(line: line, field: column, found: text,
                "unknown column '\(YAMLField.excerpt(column))'; the header must be exactly \(expected)", allowed: columns)
        }
        if missing.isEmpty && unknown.isEmpty {
            diagnostics.report(line: line, field: "", found: text,
                "the columns must be exactly \(expected), in this order, each once", allowed: columns)
        }
        return false
    }

    private static func row(_ text: String, line: Int, diagnostics: Diagnostics) -> Stakeholder? {
        guard let raw = split(text) else {
            diagnostics.report(line: line, field: "", found: text, "unterminated quote in this row")
            return nil
        }
        let fields = raw.map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == columns.count else {
            diagnostics.report(line: line, field: "", found: text,
                "expected \(columns.count) fields (\(columns.joined(separator: ","))), found \(fields.count)")
            return nil
        }
        let name = fields[0]
        if name.isEmpty {
            diagnostics.report(line: line, field: "Actor", found: "", "the actor's name must not be empty")
        }
        let capability = value(fields[1], column: "Capability", line: line, diagnostics: diagnostics,
            allowed: "a number greater than 0") { $0 > 0 }
        let position = value(fields[2], column: "Position", line: line, diagnostics: diagnostics,
            allowed: "a finite number") { _ in true }
        let salience = value(fields[3], column: "Salience", line: line, diagnostics: diagnostics,
            allowed: "a number from 0 to 1") { (0...1).contains($0) }
        guard !name.isEmpty, let capability, let position, let salience else { return nil }
        return Stakeholder(actor: ActorID(name), position: position, salience: salience, capability: capability)
    }

    private static func value(_ text: String, column: String, line: Int, diagnostics: Diagnostics, allowed: String,
                              accept: (Double) -> Bool) -> Double? {
        guard let value = Double(text), value.isFinite, !text.lowercased().hasPrefix("0x") else {
            let found = text.isEmpty ? "nothing" : "'\(text)'"
            diagnostics.report(line: line, field: column, found: text, "expected \(allowed), found \(found)", allowed: [allowed])
            return nil
        }
        guard accept(value) else {
            diagnostics.report(line: line, field: column, found: text, "\(text) is not allowed; expected \(allowed)",
                allowed: [allowed])
            return nil
        }
        return value
    }

    // MARK: CSV fields

    /// The fields of one line, RFC 4180 quoting; nil when a quote is not closed.
    static func split(_ line: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        if quoted { return nil }
        fields.append(field)
        return fields
    }

    private static func isBlank(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces).isEmpty }

}
