import Foundation
import Hummingbird

/// The request context of the workbench: Hummingbird's core (route parameters, logger), plus
/// what the page middleware established for a page request.
public struct WorkbenchContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The CSRF token of this browser: the `pact_csrf` cookie's, or a new one that
    /// ``PageSession`` sets on the response. Pages put it into their forms.
    var csrf = ""
    /// A form post's fields, decoded by ``FormGuard`` once their token was checked.
    var form: [String: String] = [:]

    public init(source: Source) { coreContext = .init(source: source) }

    /// The route parameter `name`, percent-decoded (the router hands segments over as sent).
    func parameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name) else { throw APIError.notFound(name) }
        return raw.removingPercentEncoding ?? raw
    }
}

/// The browser's session on every page: makes sure it has a CSRF token (set as a `pact_csrf`
/// cookie, strict same-site, when it has none) and turns a failure into an error page that
/// keeps the token, so the pages themselves only build their content.
struct PageSession: RouterMiddleware {
    let pages: PageRoutes

    func handle(_ request: Request, context: WorkbenchContext,
                next: (Request, WorkbenchContext) async throws -> Response) async throws -> Response {
        var context = context
        let existing = request.cookies["pact_csrf"]?.value
        // A form post keeps the token it was sent with (an empty one fails the form check); a
        // page view without one starts a session.
        context.csrf = existing ?? (request.method == .get ? RandomToken.make() : "")
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = pages.errorPage(error, csrf: context.csrf)
        }
        if existing == nil, request.method == .get {
            response.setCookie(Cookie(name: "pact_csrf", value: context.csrf, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }
}

/// CSRF protection for form posts (synchroniser token, double-submitted as cookie and field):
/// reads the body up to the server's limit, decodes it, and lets the post through only when its
/// `csrf` field equals the browser's `pact_csrf` cookie. A page on another site can make the
/// browser post, but cannot read the cookie to copy it into the form.
struct FormGuard: RouterMiddleware {
    let maxBodyBytes: Int

    func handle(_ request: Request, context: WorkbenchContext,
                next: (Request, WorkbenchContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the form is larger than \(maxBodyBytes) bytes")
        }
        let fields = FormDecoding.decode(String(buffer: buffer))
        guard !context.csrf.isEmpty, fields["csrf"] == context.csrf else {
            throw APIError(.forbidden, "the form's security token is missing or stale; reload the page and try again")
        }
        context.form = fields
        return try await next(request, context)
    }
}

/// `application/x-www-form-urlencoded` bodies into a dictionary (the last value of a repeated name wins).
enum FormDecoding {
    static func decode(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            func clean(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            if let equals = pair.firstIndex(of: "=") {
                fields[clean(pair[..<equals])] = clean(pair[pair.index(after: equals)...])
            } else {
                fields[clean(pair)] = ""
            }
        }
        return fields
    }
}
