import ArgumentParser
import PactReport

/// `--format` reads the same in every command: one enumeration (`md` accepted for `markdown`).
/// Each command lists the formats it writes in its help and refuses the others by name.
extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }

    /// Each command's help names its own formats, so the parser does not list every case.
    public static var allValueStrings: [String] { [] }

    public static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }
}

extension OutputFormat {
    /// The help line of a command's `--format` that writes `formats`.
    static func help(_ formats: [OutputFormat], _ detail: String = "") -> ArgumentHelp {
        ArgumentHelp("Output format: \(list(formats)).\(detail.isEmpty ? "" : " " + detail)", valueName: "format")
    }

    /// Throws the usage error for a format the command does not write.
    func require(_ formats: [OutputFormat], command: String) throws {
        guard formats.contains(self) else {
            throw ValidationError("--format \(rawValue): pact \(command) writes \(Self.list(formats))")
        }
    }

    static func list(_ formats: [OutputFormat]) -> String {
        let names = formats.map(\.rawValue)
        return names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
