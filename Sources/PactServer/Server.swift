import Foundation
import Hummingbird
import Logging
import Mustache

/// How `pact serve` was asked to run.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The SQLite file; nil keeps everything in memory (tests).
    public var databasePath: String?
    /// Required for writes when `host` is not loopback.
    public var token: String?
    public var limits: Limits
    /// Names besides the listening address by which clients reach the server (a DNS name, a
    /// proxy's); writes whose `Host` names anything else are refused.
    public var allowedHosts: [String]

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String? = "pact.sqlite", token: String? = nil,
                limits: Limits = Limits(), allowedHosts: [String] = []) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.token = token
        self.limits = limits
        self.allowedHosts = allowedHosts
    }

    /// The names a write's `Host` may give.
    public var hostPolicy: HostPolicy { HostPolicy(listeningOn: host, extra: allowedHosts) }

    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    /// Why the server must not start, or nil.
    public var refusal: String? {
        if !isLoopback, (token ?? "").isEmpty {
            return "listening on \(host) (not loopback) needs a token for write requests: pass --token or set PACT_TOKEN"
        }
        if port < 0 || port > 65535 { return "--port must be between 0 and 65535, found \(port)" }
        if let bad = allowedHosts.first(where: { HostPolicy.hostName(of: $0) == nil }) {
            return "--allow-host '\(bad)' is not a host name"
        }
        return limits.refusal
    }
}

public struct ServerStartError: Error, CustomStringConvertible {
    public var description: String
}

/// Builds the Hummingbird application: the API, the pages and the guards in front of them.
public enum PactServer {
    public static func router(workbench: Workbench, token: String?, templates: MustacheLibrary,
                              hosts: HostPolicy = .loopback) -> Router<WorkbenchContext> {
        let router = Router(context: WorkbenchContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: NotFoundPage(templates: templates))
        router.add(middleware: WriteGuard(token: token, hosts: hosts))
        APIRoutes(workbench: workbench).register(on: router)
        PageRoutes(workbench: workbench, templates: templates, tokenRequired: token != nil).register(on: router)
        return router
    }

    public static func templates() async throws -> MustacheLibrary {
        try await MustacheLibrary(directory: Resources.templatesDirectory.path)
    }

    /// The application for `configuration`; throws `ServerStartError` when it must not start.
    public static func application(_ configuration: ServerConfiguration, logger: Logger,
                                   onRunning: @escaping @Sendable (String) -> Void = { _ in }) async throws
        -> some ApplicationProtocol
    {
        if let refusal = configuration.refusal { throw ServerStartError(description: refusal) }
        let store = try Store(path: configuration.databasePath)
        let workbench = Workbench(catalog: try Catalog(), store: store, limits: configuration.limits)
        let router = router(workbench: workbench, token: configuration.token, templates: try await templates(),
                            hosts: configuration.hostPolicy)
        let host = configuration.host
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "pact"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onRunning("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            },
            logger: logger)
    }
}
