import Foundation
import Hummingbird
import HummingbirdTesting
import PactData
@testable import PactServer

/// A server over a fresh in-memory database, as the tests' client sees it.
enum ServerFixture {
    static let catalog: Catalog = try! Catalog()

    static let limits = Limits(maxBodyBytes: 64 * 1024, maxDraws: 5_000, runTimeoutSeconds: 120, jobQueue: 64)

    static func app(token: String? = nil, limits: Limits = limits) async throws -> (some ApplicationProtocol, Store) {
        let store = try Store(path: nil)
        let workbench = Workbench(catalog: catalog, store: store, limits: limits)
        let router = PactServer.router(workbench: workbench, token: token, templates: try await PactServer.templates())
        return (Application(router: router), store)
    }

    /// A built-in crisis scenario's text with a new id (and optionally other replacements).
    static func userScenario(id: String, replacing: [(String, String)] = []) -> String {
        let builtIn = catalog.builtIn("kgz-tjk-water-clash-2026")!
        var text = builtIn.yaml.replacingOccurrences(of: "id: kgz-tjk-water-clash-2026", with: "id: \(id)")
        for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(string: String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
    }

    static func array(_ response: TestResponse) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [[String: Any]] ?? []
    }
}
