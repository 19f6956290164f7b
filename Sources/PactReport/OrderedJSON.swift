import Foundation
import PactModel

/// A JSON value whose objects keep their keys in the order they were built.
///
/// `JSONEncoder` on Linux writes an object's keys in hash order, which changes from one process
/// to the next (Swift seeds its hashing per process), so two runs of the same command would print
/// different bytes. Pact's JSON output is read by other tools and compared in tests, so commands
/// build an `OrderedJSON` value and render it: same input, same bytes, keys in the order the
/// documentation shows them.
public enum OrderedJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    /// A whole number written digit for digit: seeds and counts must not pass through `Double`,
    /// which holds integers exactly only up to 2^53 (a seed of 2^64 - 1 would print rounded).
    case integer(Int128)
    case string(String)
    case array([OrderedJSON])
    case object([Member])

    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: OrderedJSON
        public init(_ key: String, _ value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    /// An object from key-value pairs, in the order given.
    public static func object(_ pairs: KeyValuePairs<String, OrderedJSON>) -> OrderedJSON {
        .object(pairs.map { Member($0.key, $0.value) })
    }

    /// A string, or null when `text` is nil.
    public static func string(_ text: String?) -> OrderedJSON { text.map(OrderedJSON.string) ?? .null }
    /// A number, or null when `value` is nil.
    public static func number(_ value: Double?) -> OrderedJSON { value.map(OrderedJSON.number) ?? .null }
    /// A count, written exactly.
    public static func number(_ value: Int) -> OrderedJSON { .integer(Int128(value)) }
    /// A seed or other unsigned integer, written exactly.
    public static func number(_ value: UInt64) -> OrderedJSON { .integer(Int128(value)) }

    /// An object with `key` added as its first member (other values unchanged).
    public func prepending(_ key: String, _ value: OrderedJSON) -> OrderedJSON {
        guard case .object(let members) = self else { return self }
        return .object([Member(key, value)] + members)
    }

    /// A document with `schema_version` first, as every JSON output of Pact starts.
    public var versioned: OrderedJSON { prepending("schema_version", .number(OutputSchemas.version)) }

    /// The JSON text; `pretty` indents by two spaces, one member or element per line.
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += Self.format(value)
        case .integer(let value): output += String(value)
        case .string(let text): output += Self.quote(text)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &output, pretty: pretty, indent: indent) {
                element, output, indent in element.write(to: &output, pretty: pretty, indent: indent)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &output, pretty: pretty, indent: indent) {
                member, output, indent in
                output += Self.quote(member.key) + (pretty ? ": " : ":")
                member.value.write(to: &output, pretty: pretty, indent: indent)
            }
        }
    }

    private func writeContainer<T>(_ items: [T], open: String, close: String, to output: inout String, pretty: Bool,
                                   indent: Int, writeItem: (T, inout String, Int) -> Void) {
        guard !items.isEmpty else {
            output += open + close
            return
        }
        output += open
        let inner = String(repeating: "  ", count: indent + 1)
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            if pretty { output += "\n" + inner }
            writeItem(item, &output, indent + 1)
        }
        if pretty { output += "\n" + String(repeating: "  ", count: indent) }
        output += close
    }

    /// Whole numbers without a fraction (`2030`, not `2030.0`); others in Swift's shortest
    /// round-tripping form; non-finite values, which JSON cannot hold, as null.
    static func format(_ value: Double) -> String {
        value.isFinite ? PlainNumber.text(value) : "null"
    }

    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
