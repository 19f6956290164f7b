import Foundation

/// Files shipped inside the PactServer bundle: the OpenAPI document, templates and the stylesheet.
enum Resources {
    static var root: URL { Bundle.module.resourceURL ?? Bundle.module.bundleURL }
    static var templatesDirectory: URL { root.appendingPathComponent("templates") }

    static func text(_ name: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    static let openAPI = text("openapi.yaml")
    static let stylesheet = text("static/pact.css")
}
