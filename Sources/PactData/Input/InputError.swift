/// One problem found in an input file, located precisely enough that a user can fix it
/// without reading Pact's source: the file, the line, the field path, what was found and
/// what is allowed.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Dotted path to the field, e.g. `crisis.adversary.kind` or `stakeholders.RUS.salience`.
    public var field: String
    /// The value found, as written in the file; nil when the field is missing.
    public var found: String?
    /// What went wrong, phrased to be read after the field path.
    public var message: String
    /// The values the field accepts, when there is a closed list.
    public var allowed: [String]?

    public init(file: String, line: Int?, field: String, found: String? = nil, message: String, allowed: [String]? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.found = found
        self.message = message
        self.allowed = allowed
    }

    /// `file:line: field: message`, the format compilers use so editors can jump to it.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let prefix = field.isEmpty ? "" : "\(field): "
        return "\(location): \(prefix)\(message)"
    }
}

/// Every problem found in one or more input files. Thrown as a whole so that a user sees all
/// of them at once instead of fixing one per run.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]
    public init(_ errors: [InputError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects problems while a file is read. A reference type because every reader of one file
/// appends to the same list; it lives only for the duration of one load.
public final class Diagnostics {
    public private(set) var errors: [InputError] = []
    public let file: String
    public init(file: String) { self.file = file }

    public func report(line: Int?, field: String, found: String? = nil, _ message: String, allowed: [String]? = nil) {
        errors.append(InputError(file: file, line: line, field: field, found: found, message: message, allowed: allowed))
    }

    public func append(_ error: InputError) { errors.append(error) }

    /// Throws everything collected so far, if anything.
    public func throwIfAny() throws {
        if !errors.isEmpty { throw InputErrors(errors) }
    }
}
