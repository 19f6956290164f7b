import PactModel
/// The tables one command can export, by name.
///
/// A CSV stream holds exactly one rectangular table, so that pandas, R or a spreadsheet read it
/// without cutting: commands that have several tables name them here, print the first by default
/// and the others on request (`--table NAME`), or write each to its own file (`-o DIR`).
public struct TableSet: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var table: TextTable
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func add(_ name: String, _ table: TextTable) {
        precondition(!entries.contains { $0.name == name }, "table \(name) added twice")
        entries.append(Entry(name: name, table: table))
    }

    public var names: [String] { entries.map(\.name) }

    /// The table called `name`, or the first when `name` is nil.
    public func table(_ name: String?) throws(UnknownTable) -> TextTable {
        guard let name else {
            guard let first = entries.first else { throw UnknownTable(name: "", known: []) }
            return first.table
        }
        guard let entry = entries.first(where: { $0.name == name }) else { throw UnknownTable(name: name, known: names) }
        return entry.table
    }

    /// A table name that the command does not have.
    public struct UnknownTable: Error, CustomStringConvertible {
        public var name: String
        public var known: [String]
        public var description: String {
            known.isEmpty ? "this output has no table"
                : "unknown table '\(name)'; this output has: \(known.joined(separator: ", "))"
        }
    }
}

/// How a table's numbers are written: rounded for reading, or exact for CSV.
///
/// A display rounds to what a reader can take in and marks a missing figure `-`; an export keeps
/// every digit (the shortest text that reads back to the same `Double`) and leaves a missing
/// figure empty, which is what CSV readers take as missing.
public struct CellStyle: Sendable {
    public var exact: Bool

    public static let display = CellStyle(exact: false)
    public static let export = CellStyle(exact: true)

    /// `value` to `decimals` places for display, every digit for export.
    public func fixed(_ value: Double, _ decimals: Int) -> String {
        exact ? Format.exact(value) : Format.fixed(value, decimals)
    }

    public func probability(_ p: Double) -> String { exact ? Format.exact(p) : Format.probability(p) }

    /// `value`, or the missing marker when there is none (or it is not a number).
    public func optional(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value, decimals)
    }

    /// `-` on display, an empty field in an export.
    public var missing: String { exact ? "" : "-" }
}

extension Format {
    /// Every digit: whole numbers without a fraction, others in the shortest form that reads back
    /// to the same value; an empty string for values that are not numbers.
    public static func exact(_ value: Double) -> String {
        value.isFinite ? PlainNumber.text(value) : ""
    }
}
