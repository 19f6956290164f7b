import Foundation
import Hummingbird
import Mustache
import PactData
import PactEngine
import PactModel
import PactReport

/// The browser workbench: server-rendered pages over the same `Workbench` the API uses, one file
/// per area (scenarios, runs, cases, data, bargaining).
///
/// Every page runs inside ``PageSession`` (a `pact_csrf` cookie when the browser has none, the
/// same value in its forms, failures shown as error pages) and every form post passes
/// ``FormGuard`` (refused unless its `csrf` field matches the cookie); routes read their
/// parameters and form fields from the ``WorkbenchContext``.
struct PageRoutes: Sendable {
    let workbench: Workbench
    let templates: MustacheLibrary
    let tokenRequired: Bool
    var caseScores: CaseScores { workbench.caseScores }
    var catalog: Catalog { workbench.catalog }
    var store: Store { workbench.store }

    func register(on router: Router<WorkbenchContext>) {
        router.get("static/pact.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: Resources.stylesheet)))
        }
        // Every page runs in a session (its CSRF token, failures as error pages); every form post
        // is checked against the token before its route sees it.
        let pages = router.group()
            .add(middleware: PageSession(pages: self))
            .add(middleware: FormGuard(maxBodyBytes: workbench.limits.maxBodyBytes))
        registerScenarios(on: pages)
        registerRuns(on: pages)
        registerCases(on: pages)
        registerData(on: pages)
        registerBargaining(on: pages)
        pages.get("login") { _, context -> Response in try render("login", ["csrf": context.csrf, "required": tokenRequired]) }
        pages.post("login") { _, context -> Response in
            var response = Response.redirect("/")
            response.setCookie(Cookie(name: "pact_token", value: Self.cookieSafe(context.form["token"] ?? ""), path: "/", httpOnly: true,
                                      sameSite: .strict))
            return response
        }
    }

    // MARK: Plumbing

    /// A form's whole-number field; empty gives `fallback` (required when there is none).
    static func wholeNumber<T: FixedWidthInteger>(_ text: String?, field: String, as type: T.Type, default fallback: T? = nil)
        throws -> T
    {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty, let fallback { return fallback }
        guard let value = T(trimmed) else {
            let range = T.min == 0 ? "a whole number, 0 or more" : "a whole number"
            throw APIError(.unprocessableContent, trimmed.isEmpty ? "is required" : "must be \(range), found '\(trimmed)'",
                           field: field)
        }
        return value
    }

    static func escapePath(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    static func cookieSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7f && !"\";,\\".unicodeScalars.contains($0) }
            .map(Character.init))
    }

    /// The run form's parameter overrides, one per line: `name: value` or `name: [low, high]`,
    /// read by the parser of a scenario file's `uncertainty` block (``ParameterRangeText``).
    static func parameterLines(_ text: String, known: Set<String>?) throws -> [String: ClosedRange<Double>] {
        do {
            return try ParameterRangeText.parse(text, field: "params", known: known, singleValues: true)
        } catch let errors as InputErrors {
            let located = errors.errors.map { ScenarioForm.locatedInBox($0, field: "params") }
            throw APIError(.unprocessableContent, located.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
                           field: located.first?.field, problems: located)
        }
    }

    static func problems(_ error: APIError) -> [InputError] {
        error.problems.isEmpty
            ? [InputError(file: "", line: nil, field: error.field ?? "", message: error.message, allowed: error.allowed)]
            : error.problems
    }

    func render(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = templates.render(context, withTemplate: template) else {
            throw APIError(.internalServerError, "template \(template) is missing from the installation")
        }
        return .html(html, status: status)
    }

    func errorPage(_ error: APIError, csrf: String) -> Response {
        var context: [String: Any] = ["csrf": csrf, "status": Int(error.status.code), "message": error.message]
        // An empty field would print "(field: )": only a named field is shown.
        if let field = error.field, !field.isEmpty { context["field"] = field }
        if error.status == .notFound { context["notFound"] = true }
        if let allowed = error.allowed, !allowed.isEmpty {
            // A data topic or actor that does not exist: each valid one a link to its page.
            let link: ((String) -> String)? = switch error.field {
            case "topic": { "/data?topic=\(Self.escapePath($0))" }
            case "actor": { "/data?topic=relations&actor=\(Self.escapePath($0))" }
            default: nil
            }
            context["hasAllowed"] = true
            context["allowed"] = allowed.map { value in link.map { ["value": value, "href": $0(value)] } ?? ["value": value] }
        }
        return error.withHeaders((try? render("error", context, status: error.status)) ?? .html(error.message, status: error.status))
    }

    static func levelName(_ k: Int) -> String { ResponseLevel(rawValue: k).map { "\(k) \($0.name)" } ?? "\(k)" }
}
