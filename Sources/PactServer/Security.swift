import Foundation
import Hummingbird

/// Who may change things, and from where.
///
/// - On an address other than loopback every write needs the token: `Authorization: Bearer T`
///   for the API, or the `pact_token` cookie that `/login` sets for the browser.
/// - Writes from another site are refused: `Sec-Fetch-Site: cross-site` or an `Origin` that is
///   not this host answers 403, and every form carries a per-session CSRF token that must match
///   the `pact_csrf` cookie (checked by the page routes).
/// - Writes must name this server in `Host` (``HostPolicy``): a page on another site whose name
///   an attacker points at 127.0.0.1 (DNS rebinding) is same-origin to the browser, but its
///   requests carry the attacker's name in `Host` and are refused with 403. A write without a
///   `Host` answers 400 (HTTP/1.1 requires it, and without it the Origin cannot be compared).
struct WriteGuard<Context: RequestContext>: RouterMiddleware {
    let token: String?
    var hosts: HostPolicy = .loopback

    static func isWrite(_ method: HTTPRequest.Method) -> Bool { ![.get, .head, .options].contains(method) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isWrite(request.method) else { return try await next(request, context) }
        if let site = request.headers.first(where: { $0.name.canonicalName == "sec-fetch-site" })?.value, !["same-origin", "none"].contains(site) {
            return APIError(.forbidden, "cross-site writes are refused (Sec-Fetch-Site: \(site))").response()
        }
        guard let host = request.head.authority, !host.isEmpty else {
            return APIError(.badRequest, "a change needs a Host header naming this server", field: "Host").response()
        }
        guard hosts.allows(authority: host) else {
            return APIError(.forbidden, "this server does not answer to the name in Host (\(host)); changes are accepted for "
                                + hosts.description + " (pact serve --allow-host adds a name)", field: "Host",
                            allowed: hosts.names.map { $0.sorted() }).response()
        }
        if let origin = request.headers[.origin], !Self.sameHost(origin: origin, host: host) {
            return APIError(.forbidden, "writes from another origin (\(origin)) are refused").response()
        }
        if let token, request.uri.path != "/login" {
            let bearer = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" }
            let cookie = request.cookies["pact_token"]?.value
            guard Self.constantTimeEqual(bearer ?? cookie ?? "", token) else {
                return APIError(.unauthorized, "this server needs a token for changes: send Authorization: Bearer <token> or sign in at /login",
                                field: "Authorization").response()
            }
        }
        return try await next(request, context)
    }

    static func sameHost(origin: String, host: String) -> Bool {
        guard let url = URL(string: origin), let originHost = url.host else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() == host.lowercased()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// The names a write's `Host` header may give: how the server is reached, never a name someone
/// else controls.
public struct HostPolicy: Sendable, CustomStringConvertible {
    /// Lower-case host names (no port, IPv6 without brackets); nil accepts any name (a server on
    /// every interface with no names given, where the token is what guards writes).
    public var names: Set<String>?

    public static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]
    public static let loopback = HostPolicy(names: loopbackNames)

    public init(names: Set<String>?) { self.names = names.map { Set($0.map(Self.normalized)) } }

    /// The names for a server listening on `host`, plus `extra` names it is reached by.
    public init(listeningOn host: String, extra: [String] = []) {
        let normalized = Self.normalized(host)
        if Self.loopbackNames.contains(normalized) || normalized.hasPrefix("127.") {
            self.init(names: Self.loopbackNames.union([normalized]).union(extra))
        } else if ["0.0.0.0", "::", ""].contains(normalized) {
            self.init(names: extra.isEmpty ? nil : Set(extra).union(Self.loopbackNames))
        } else {
            self.init(names: Set([normalized] + extra))
        }
    }

    public func allows(authority: String) -> Bool {
        guard let names else { return true }
        guard let name = Self.hostName(of: authority) else { return false }
        return names.contains(name)
    }

    public var description: String {
        names.map { $0.sorted().joined(separator: ", ") } ?? "any name"
    }

    /// The host part of an authority `name[:port]` or `[v6]:port`, lower-cased, without a
    /// trailing dot; nil when it is not of that form.
    static func hostName(of authority: String) -> String? {
        var rest = Substring(authority)
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            guard after.isEmpty || Self.isPort(after) else { return nil }
            return normalized(String(inside))
        }
        if let colon = rest.lastIndex(of: ":") {
            guard Self.isPort(rest[colon...]) else { return nil }
            rest = rest[..<colon]
        }
        guard !rest.isEmpty, !rest.contains(":") else { return nil }
        return normalized(String(rest))
    }

    /// `:digits`.
    private static func isPort(_ text: Substring) -> Bool {
        text.hasPrefix(":") && text.count > 1 && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func normalized(_ name: String) -> String {
        var name = name.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}

/// Request and response logging with swift-log's structured metadata.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
        ])
        return response
    }
}

/// A random token for CSRF cookies.
enum RandomToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
