import Foundation
import PactModel

/// The data that ships inside Pact: the CSTO dataset, the built-in scenarios, the case library,
/// the default parameters and the JSON Schema, all resource files under `Resources/`.
///
/// Each kind of resource has its loader in its own folder (`Dataset/`, `Scenarios/`, `Cases/`,
/// `Parameters/`); this type only knows where the files are.
public enum Embedded {
    /// A folder of the bundled resources: `CSTO`, `Scenarios`, `Cases`, `Parameters` or `Schema`.
    public static func directory(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent(name, isDirectory: true)
    }

    /// The YAML files of a resource folder, sorted by name.
    public static func yamlFiles(in name: String) -> [URL] {
        let folder = directory(name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// A path shown in error messages for a bundled file: `CSTO/actors.yaml`, not the build folder.
    public static func displayName(_ url: URL) -> String {
        "\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)"
    }
}
