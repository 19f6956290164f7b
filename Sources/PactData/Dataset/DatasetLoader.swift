import Foundation
import PactModel

/// Reads an alliance dataset from a directory of YAML files and checks it as a whole.
///
/// A dataset directory holds six files, each described in its own header comment:
/// `actors.yaml`, `organization.yaml`, `relations.yaml`, `forces.yaml`, `bases.yaml` and
/// `context.yaml`. The loader reads them all, collects every problem in every file (each
/// naming its file, line, field path, the value found and what is allowed) and throws them
/// together, so an analyst editing the data fixes everything in one pass. Nothing is
/// defaulted silently: a missing field, an unknown key or an unknown actor id is an error.
///
/// The CSTO files ship inside Pact (`Embedded.dataset()`); any other alliance described in
/// the same six files loads with `DatasetLoader(directory:).load()`.
public struct DatasetLoader: Sendable {
    /// The files a dataset directory must contain, in the order they are read.
    public static let fileNames = ["actors.yaml", "organization.yaml", "relations.yaml", "forces.yaml",
                                   "bases.yaml", "context.yaml"]

    public let directory: URL
    /// Turns a file's URL into the name error messages show.
    private let displayName: @Sendable (URL) -> String

    /// A loader for the dataset in `directory`; errors name files by their path.
    public init(directory: URL) {
        self.directory = directory
        self.displayName = { $0.path }
    }

    /// A loader whose errors name files as `displayName` returns (e.g. `CSTO/actors.yaml`).
    public init(directory: URL, displayName: @escaping @Sendable (URL) -> String) {
        self.directory = directory
        self.displayName = displayName
    }

    /// Reads and checks every file. Throws `InputErrors` listing every problem found.
    public func load() throws -> Dataset {
        var errors: [InputError] = []
        var inputs: [YAMLInput] = []
        func input(_ name: String) -> YAMLInput? {
            let url = directory.appendingPathComponent(name)
            do {
                let input = try YAMLInput.load(contentsOf: url, displayName: displayName(url))
                inputs.append(input)
                return input
            } catch let failure as InputErrors {
                errors += failure.errors
                return nil
            } catch {
                errors.append(InputError(file: displayName(url), line: nil, field: "", message: "\(error)"))
                return nil
            }
        }

        // Actors come first: every other file refers to them by id.
        let actors = input("actors.yaml").map { ActorsFile.read($0) } ?? []
        let known = Set(actors.map(\.id))
        let organization = input("organization.yaml").flatMap { OrganizationFile.read($0, known: known) }
        let relations = input("relations.yaml").map { RelationsFile.read($0, actors: actors.map(\.id)) } ?? []
        let forces = input("forces.yaml").map { ForcesFile.read($0, known: known) } ?? []
        let bases = input("bases.yaml").map { BasesFile.read($0, known: known) } ?? []
        let context = input("context.yaml").map { ContextFile.read($0) } ?? []

        for input in inputs { errors += input.diagnostics.errors }
        if !errors.isEmpty { throw InputErrors(errors) }
        guard let organization else {
            // Unreachable in practice: a nil organization always comes with a reported error.
            throw InputErrors([InputError(file: displayName(directory.appendingPathComponent("organization.yaml")),
                                          line: nil, field: "", message: "the organization could not be read")])
        }
        return Dataset(organization: organization, actors: actors, relations: relations, forces: forces,
                       bases: bases, context: context)
    }
}

extension Embedded {
    /// The embedded CSTO dataset, read once and kept. Throws if the shipped files are broken,
    /// which the test suite guards against.
    public static func dataset() throws -> Dataset {
        try cachedDataset.get()
    }

    private static let cachedDataset: Result<Dataset, InputErrors> = {
        do {
            return .success(try DatasetLoader(directory: directory("CSTO"), displayName: { displayName($0) }).load())
        } catch let errors as InputErrors {
            return .failure(errors)
        } catch {
            return .failure(InputErrors([InputError(file: "CSTO", line: nil, field: "", message: "\(error)")]))
        }
    }()
}
