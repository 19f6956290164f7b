import Foundation
import PactModel
import Yams

/// A YAML document read node by node, so that every error can name its line and field path.
///
/// Decoding through `Codable` loses line numbers and stops at the first problem; Pact's users
/// need every problem with its location, so input files are walked explicitly:
///
/// ```swift
/// let input = try YAMLInput(text: text, file: "kaz.yaml")
/// if let root = input.root.mapping(allowed: ["id", "title"]) {
///     let id = root.required("id")?.string()
/// }
/// try input.diagnostics.throwIfAny()
/// ```
public struct YAMLInput {
    public let diagnostics: Diagnostics
    public let root: YAMLField

    /// Parses `text`; a syntax error is thrown at once as an `InputErrors` naming the line.
    public init(text: String, file: String) throws {
        guard let input = try Self.document(text: text, file: file) else {
            throw InputErrors([InputError(file: file, line: 1, field: "", message: "the file is empty; expected a YAML mapping")])
        }
        self = input
    }

    private init(root node: Node, path: String, diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
        root = YAMLField(node: node, path: path, diagnostics: diagnostics)
    }

    /// Parses `text` whose root stands at field path `rootPath` (a fragment of a larger input,
    /// such as a form's text box); nil when the text holds no YAML node at all (empty, or only
    /// comments). A syntax error is thrown at once as an `InputErrors` naming the line.
    public static func document(text: String, file: String, rootPath: String = "") throws -> YAMLInput? {
        let diagnostics = Diagnostics(file: file)
        if let problem = AliasGuard.problem(in: text) {
            diagnostics.report(line: problem.line, field: rootPath, problem.message)
            throw InputErrors(diagnostics.errors)
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return YAMLInput(root: node, path: rootPath, diagnostics: diagnostics)
        } catch let error as YamlError {
            diagnostics.append(Self.syntaxError(error, file: file, text: text))
            throw InputErrors(diagnostics.errors)
        }
    }

    /// Reads a file from disk; a missing or unreadable file is an input error, not a crash.
    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> YAMLInput {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "cannot read the file (does it exist?)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "the file is not UTF-8 text")])
        }
        return try YAMLInput(text: text, file: name)
    }

    /// A syntax error as an `InputError` with the line it is on; the message says what is wrong
    /// and where on the line, and never repeats the document (which may be long, and reaches
    /// API clients too).
    static func syntaxError(_ error: YamlError, file: String, text: String) -> InputError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return InputError(file: file, line: mark.line, field: "", message: "YAML syntax error: \(detail) (column \(mark.column))")
        case let .reader(problem, offset, value, _):
            // The reader's offset counts characters; libyaml's own problem text carries no place.
            let location = offset.map { TextLocation(offset: $0, in: text) }
            let character = value >= 0 ? String(format: " U+%04X", value) : ""
            let column = location.map { " (column \($0.column))" } ?? ""
            return InputError(file: file, line: location?.line, field: "",
                              message: "YAML syntax error: \(problem)\(character)\(column)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams names the keys and the first one's place; the later use is the one to fix.
            let keys = duplicates.sorted()
            let first = context.mark.line
            let later = keys.first.flatMap { TextLocation.repeatedKey($0, after: first, column: context.mark.column, in: text) }
            let names = keys.map { "'\($0)'" }.joined(separator: ", ")
            return InputError(file: file, line: later ?? first, field: keys.count == 1 ? (keys.first ?? "") : "",
                              found: keys.first,
                              message: "duplicate key \(names) in one mapping (first used on line \(first)); each key may appear once")
        case .memory:
            return InputError(file: file, line: nil, field: "", message: "the document is too large to read")
        case .dataCouldNotBeDecoded:
            return InputError(file: file, line: nil, field: "", message: "the file is not UTF-8 text")
        case .no, .writer, .emitter, .representer:
            return InputError(file: file, line: nil, field: "", message: "YAML error: \(error)")
        }
    }
}

/// A place in a text, 1-based, as editors count lines and columns (columns in characters).
struct TextLocation {
    var line: Int
    var column: Int

    init(offset: Int, in text: String) {
        var line = 1, column = 1
        for character in text.prefix(max(0, offset)) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        self.line = line
        self.column = column
    }

    /// The first line after `line` on which `key` starts a block-mapping entry at `column`:
    /// where a duplicated key is used again. Nil when it cannot be found that way (flow mappings).
    static func repeatedKey(_ key: String, after line: Int, column: Int, in text: String) -> Int? {
        var number = 0
        for row in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            guard number > line else { continue }
            let body = row.drop { $0 == " " }
            guard row.count - body.count == column - 1 else { continue }
            for form in [key, "\"\(key)\"", "'\(key)'"] where body.hasPrefix(form + ":") { return number }
        }
        return nil
    }
}
/// One node of a YAML document with its field path. Accessors return nil and record an error
/// when the node is not what was asked for; they never default silently.
public struct YAMLField {
    public let node: Node
    public let path: String
    public let diagnostics: Diagnostics

    public init(node: Node, path: String, diagnostics: Diagnostics) {
        self.node = node
        self.path = path
        self.diagnostics = diagnostics
    }

    public var line: Int? { node.mark?.line }

    /// The node as written, for error messages; a long scalar is cut short (a message never
    /// repeats a whole document back, which may be long and reaches API clients too).
    public var found: String {
        switch node {
        case .scalar(let scalar): return Self.excerpt(scalar.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    public func fail(_ message: String, allowed: [String]? = nil) {
        diagnostics.report(line: line, field: path, found: found, message, allowed: allowed)
    }

    // MARK: Scalars

    public func string(nonEmpty: Bool = true) -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            fail("expected text, found \(describeFound)")
            return nil
        }
        if nonEmpty && scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
            fail("must not be empty")
            return nil
        }
        return scalar.string
    }

    /// A string matching `pattern` (a regular expression anchored at both ends).
    public func string(matching pattern: String, explanation: String) -> String? {
        guard let text = string() else { return nil }
        guard text.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil else {
            fail("'\(Self.excerpt(text))' \(explanation)")
            return nil
        }
        return text
    }

    public func double(in range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.float ?? node.int.map(Double.init),
            value.isFinite
        else {
            fail("expected a number, found \(describeFound)")
            return nil
        }
        if let range, !range.contains(value) {
            fail("\(PlainNumber.text(value)) is outside the allowed range \(PlainNumber.text(range.lowerBound))...\(PlainNumber.text(range.upperBound))")
            return nil
        }
        return value
    }

    public func int(in range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.int else {
            fail("expected a whole number, found \(describeFound)")
            return nil
        }
        if let range, !range.contains(value) {
            fail("\(value) is outside the allowed range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    public func bool() -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
            ["true", "false"].contains(scalar.string)
        else {
            fail("expected true or false, found \(describeFound)")
            return nil
        }
        return scalar.string == "true"
    }

    /// An ISO 8601 day, `YYYY-MM-DD`.
    public func day() -> Day? {
        guard case .scalar(let scalar) = node, !isNull else {
            fail("expected a date YYYY-MM-DD, found \(describeFound)")
            return nil
        }
        guard let day = Day(iso: scalar.string) else {
            fail("'\(Self.excerpt(scalar.string))' is not a date of the form YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// One of the raw values of a closed enumeration; the error lists them all.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> T? where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node, !isNull else {
            fail("expected one of \(allowed.joined(separator: ", ")), found \(describeFound)", allowed: allowed)
            return nil
        }
        guard let value = T(rawValue: scalar.string) else {
            fail("'\(Self.excerpt(scalar.string))' is not one of \(allowed.joined(separator: ", "))", allowed: allowed)
            return nil
        }
        return value
    }

    /// An actor id that must be one of `known`; the error lists the known ids.
    public func actorID(known: Set<ActorID>) -> ActorID? {
        guard let text = string() else { return nil }
        let id = ActorID(text)
        guard known.contains(id) else {
            let allowed = known.map(\.rawValue).sorted()
            fail("unknown actor '\(text)'; known actors are \(allowed.joined(separator: ", "))", allowed: allowed)
            return nil
        }
        return id
    }

    // MARK: Collections

    /// The node as a mapping whose keys must all be in `allowed`; unknown and duplicate keys are errors.
    public func mapping(allowed: [String]) -> YAMLMapping? {
        guard let mapping = anyMapping() else { return nil }
        let allowedSet = Set(allowed)
        for (key, _) in mapping.entries where !allowedSet.contains(key.key) {
            diagnostics.report(line: key.line, field: child(key.key), found: key.key,
                "unknown key '\(key.key)'; allowed keys here are \(allowed.joined(separator: ", "))", allowed: allowed)
        }
        return mapping
    }

    /// The node as a mapping with free keys (e.g. stakeholders keyed by actor id).
    public func anyMapping() -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            fail("expected a mapping (key: value lines), found \(describeFound)")
            return nil
        }
        var entries: [(key: YAMLKey, value: YAMLField)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? "?"
            let keyInfo = YAMLKey(key: key, line: keyNode.mark?.line)
            if !seen.insert(key).inserted {
                diagnostics.report(line: keyInfo.line, field: child(key), found: key, "duplicate key '\(key)'")
                continue
            }
            entries.append((keyInfo, YAMLField(node: valueNode, path: child(key), diagnostics: diagnostics)))
        }
        return YAMLMapping(field: self, entries: entries)
    }

    /// The node as a list; `[]` and a missing list are different things to the caller.
    public func list() -> [YAMLField]? {
        guard case .sequence(let sequence) = node else {
            fail("expected a list, found \(describeFound)")
            return nil
        }
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, path: "\(path)[\(index)]", diagnostics: diagnostics)
        }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    var describeFound: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return "nothing (null)" }
            return "'\(Self.excerpt(scalar.string))'"
        default: return found
        }
    }

    /// Text of up to `limit` characters as is; longer text as its start, an ellipsis and its length.
    static func excerpt(_ text: String, limit: Int = 120) -> String {
        guard text.count > limit else { return text }
        return "\(text.prefix(limit - 40))… (\(text.count) characters)"
    }

}

public struct YAMLKey {
    public let key: String
    public let line: Int?
}

/// A mapping node whose keys have been checked.
public struct YAMLMapping {
    public let field: YAMLField
    public let entries: [(key: YAMLKey, value: YAMLField)]

    public var keys: [String] { entries.map(\.key.key) }

    public func has(_ key: String) -> Bool { entries.contains { $0.key.key == key } }

    /// The value at `key`, or nil (an explicit null counts as absent).
    public func optional(_ key: String) -> YAMLField? {
        guard let value = entries.first(where: { $0.key.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value at `key`; a missing key is recorded as an error.
    public func required(_ key: String, hint: String? = nil) -> YAMLField? {
        if let value = optional(key) { return value }
        let path = field.child(key)
        let explanation = hint.map { " (\($0))" } ?? ""
        field.diagnostics.report(line: field.line, field: path, "is required but missing\(explanation)")
        return nil
    }
}
