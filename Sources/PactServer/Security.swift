import Foundation
import Hummingbird

/// Who may change things, and from where.
///
/// - On an address other than loopback every write needs the token: `Authorization: Bearer T`
///   for the API, or the `pact_token` cookie that `/login` sets for the browser.
/// - Writes from another site are refused: `Sec-Fetch-Site: cross-site` or an `Origin` that is
///   not this host answers 403, and every form carries a per-session CSRF token that must match
///   the `pact_csrf` cookie (checked by the page routes).
struct WriteGuard<Context: RequestContext>: RouterMiddleware {
    let token: String?

    static func isWrite(_ method: HTTPRequest.Method) -> Bool { ![.get, .head, .options].contains(method) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isWrite(request.method) else { return try await next(request, context) }
        if let site = request.headers.first(where: { $0.name.canonicalName == "sec-fetch-site" })?.value, !["same-origin", "none"].contains(site) {
            return APIError(.forbidden, "cross-site writes are refused (Sec-Fetch-Site: \(site))").response()
        }
        if let origin = request.headers[.origin], let host = request.head.authority,
           !Self.sameHost(origin: origin, host: host) {
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
