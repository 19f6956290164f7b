import Foundation
import PactModel

/// Reads scenario files (SPEC section 5) into `Scenario` values.
///
/// A file either loads completely or not at all: every problem in it is collected, each naming
/// the file, line, field path, the value found and what is allowed, and thrown together as
/// `InputErrors`. A directory is a *set* of scenarios, whose ids must be unique.
///
/// ```swift
/// let loader = ScenarioLoader(knownActors: ["RUS", "KAZ", "KGZ"])
/// let scenario = try loader.load(contentsOf: URL(fileURLWithPath: "kaz.yaml"))
/// let set = try loader.loadSet(at: URL(fileURLWithPath: "scenarios/"))
/// ```
public struct ScenarioLoader: Sendable {
    /// Actor ids a scenario may name (locations, requesters, belligerents, adversaries, stakeholders).
    public let knownActors: Set<ActorID>
    /// Parameter names `uncertainty` may override; nil means names are not checked (useful before
    /// a parameter file is at hand).
    public let knownParameters: Set<String>?
    /// The id of the organization the dataset describes: a scenario about another one (its
    /// `organization`, or the default when it has none) is an input error at that field, because
    /// every stage would read the wrong alliance's members. Nil means not checked.
    public let organization: String?

    public init(knownActors: Set<ActorID>, knownParameters: Set<String>? = nil, organization: String? = nil) {
        self.knownActors = knownActors
        self.knownParameters = knownParameters
        self.organization = organization
    }

    /// A loader for scenarios about `dataset`: its actors are the known actors, its organization
    /// the one scenarios must be about.
    public init(dataset: Dataset, knownParameters: Set<String>? = nil) {
        self.init(knownActors: Set(dataset.actors.keys), knownParameters: knownParameters, organization: dataset.organization.id)
    }

    /// A loader for scenarios about the embedded dataset.
    public static func embedded(knownParameters: Set<String>? = nil) throws -> ScenarioLoader {
        ScenarioLoader(dataset: try Embedded.dataset(), knownParameters: knownParameters)
    }

    // MARK: One file

    /// Parses one scenario from `text`; `file` names it in error messages.
    public func load(text: String, file: String) throws -> Scenario {
        try read(text: text, file: file).scenario
    }

    /// Reads and parses one scenario file. `displayName` (default: the path) names it in messages.
    public func load(contentsOf url: URL, displayName: String? = nil) throws -> Scenario {
        let input = try YAMLInput.load(contentsOf: url, displayName: displayName)
        return try read(input).scenario
    }

    // MARK: Sets

    /// Loads every `.yaml`/`.yml` file of `directory` as one set, sorted by file name.
    /// Throws every problem of every file (and each duplicate id) at once.
    /// `naming` turns a file's URL into the name used in messages.
    public func loadSet(at directory: URL, naming: (URL) -> String = { $0.path }) throws -> [Scenario] {
        try loadFiles(at: directory, naming: naming).map(\.scenario)
    }

    /// Like `loadSet(at:naming:)`, keeping each scenario's file (e.g. to print it as shipped).
    public func loadFiles(at directory: URL, naming: (URL) -> String = { $0.path }) throws -> [ScenarioFile] {
        let checks = check(directory: directory, naming: naming)
        let errors = checks.flatMap(\.errors)
        guard errors.isEmpty else { throw InputErrors(errors) }
        return checks.compactMap { check in
            check.scenario.map { ScenarioFile(url: check.url, file: check.file, scenario: $0) }
        }
    }

    /// Checks every scenario file of `directory` as one set without throwing: one result per file.
    /// A later file reusing an earlier file's id gets the duplicate-id error. A directory with no
    /// scenario files, or one that cannot be read, is one failed result for the directory itself.
    public func check(directory: URL, naming: (URL) -> String = { $0.path }) -> [ScenarioCheck] {
        let name = naming(directory)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return [ScenarioCheck(url: directory, file: name, error: "cannot read the directory (does it exist?)")]
        }
        let files = entries.filter(Self.isScenarioFileName).sorted().map { directory.appendingPathComponent($0) }
        guard !files.isEmpty else {
            return [ScenarioCheck(url: directory, file: name, error: "contains no .yaml scenario files")]
        }
        return checkSet(files.map { ($0, naming($0)) })
    }

    /// Checks files and directories as a user names them on the command line. Each directory is
    /// a set (its ids must be unique); each file is checked on its own. Messages name files by
    /// the path as given (`dir/file.yaml` for files found in a directory).
    public func check(paths: [String]) -> [ScenarioCheck] {
        paths.flatMap { path -> [ScenarioCheck] in
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let prefix = path.hasSuffix("/") ? path : path + "/"
                return check(directory: url, naming: { $0 == url ? path : prefix + $0.lastPathComponent })
            }
            return checkSet([(url, path)])
        }
    }

    static func isScenarioFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    // MARK: Internals

    private func checkSet(_ files: [(url: URL, name: String)]) -> [ScenarioCheck] {
        var firstFileOfID: [String: String] = [:]
        return files.map { url, name in
            do {
                let result = try read(YAMLInput.load(contentsOf: url, displayName: name))
                let id = result.scenario.id
                if let earlier = firstFileOfID[id] {
                    let error = InputError(file: name, line: result.idLine, field: "id", found: id,
                        message: "'\(id)' is already the id of \(earlier); ids must be unique in a set")
                    return ScenarioCheck(url: url, file: name, result: .failure(InputErrors([error])))
                }
                firstFileOfID[id] = name
                return ScenarioCheck(url: url, file: name, result: .success(result.scenario))
            } catch let errors as InputErrors {
                return ScenarioCheck(url: url, file: name, result: .failure(errors))
            } catch {
                return ScenarioCheck(url: url, file: name, error: "\(error)")
            }
        }
    }

    private func read(text: String, file: String) throws -> ScenarioReader.Result {
        try read(YAMLInput(text: text, file: file))
    }

    private func read(_ input: YAMLInput) throws -> ScenarioReader.Result {
        let reader = ScenarioReader(knownActors: knownActors, knownParameters: knownParameters, organization: organization)
        let result = reader.read(input.root)
        let errors = input.diagnostics.errors
        if !errors.isEmpty {
            // Problems are found block by block; a user reads them top to bottom, like a compiler's.
            throw InputErrors(errors.enumerated().sorted { a, b in
                (a.element.line ?? .max, a.offset) < (b.element.line ?? .max, b.offset)
            }.map(\.element))
        }
        guard let result else {
            // The reader records a diagnostic for every nil it returns; reaching here is a bug.
            throw InputErrors([InputError(file: input.diagnostics.file, line: nil, field: "",
                message: "the scenario could not be read (internal error: no problem was recorded)")])
        }
        return result
    }
}

/// A scenario together with the file it came from.
public struct ScenarioFile: Sendable {
    public let url: URL
    /// The name used for the file in messages, e.g. `Scenarios/kaz-2022-01.yaml`.
    public let file: String
    public let scenario: Scenario
}

/// The result of checking one scenario file: the scenario, or every problem found in it.
public struct ScenarioCheck: Sendable {
    public let url: URL
    /// The name used for the file in messages.
    public let file: String
    public let result: Result<Scenario, InputErrors>

    public init(url: URL, file: String, result: Result<Scenario, InputErrors>) {
        self.url = url
        self.file = file
        self.result = result
    }

    init(url: URL, file: String, error message: String) {
        self.init(url: url, file: file,
                  result: .failure(InputErrors([InputError(file: file, line: nil, field: "", message: message)])))
    }

    public var scenario: Scenario? { try? result.get() }

    /// The problems found; empty when the file is good.
    public var errors: [InputError] {
        if case .failure(let errors) = result { return errors.errors }
        return []
    }

    public var isValid: Bool { errors.isEmpty }
}
