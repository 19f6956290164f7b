import Hummingbird
import PactData
import PactReport

/// A request the server refuses, with what a client needs to fix it: the JSON body
/// `{"error": ..., "field": ..., "allowed": ...}` and an HTTP status.
///
/// Scenario problems keep every `InputError` in `problems`, so a form can show each message
/// beside its own field.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String?
    public var allowed: [String]?
    public var problems: [InputError]
    /// Seconds after which the client may try again (the `Retry-After` header of a 429).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, allowed: [String]? = nil,
                problems: [InputError] = [], retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.allowed = allowed
        self.problems = problems
        self.retryAfter = retryAfter
    }

    /// Every problem of a scenario, as 422; the first one names the top-level field.
    public init(_ errors: InputErrors) {
        let first = errors.errors.first
        self.init(.unprocessableContent, errors.errors.map { problem in
            problem.field.isEmpty ? problem.message : "\(problem.field): \(problem.message)"
        }.joined(separator: "; "), field: first?.field, allowed: first?.allowed, problems: errors.errors)
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, "\(what) does not exist") }

    var json: OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init("error", .string(message)),
            .init("field", .string(field)),
            .init("allowed", allowed.map { .array($0.map(OrderedJSON.string)) } ?? .null),
        ]
        if !problems.isEmpty {
            members.append(.init("problems", .array(problems.map { problem in
                .object([
                    "field": .string(problem.field),
                    "line": .number(problem.line.map(Double.init)),
                    "found": .string(problem.found),
                    "message": .string(problem.message),
                    "allowed": problem.allowed.map { .array($0.map(OrderedJSON.string)) } ?? .null,
                ])
            })))
        }
        return .object(members)
    }

    func response() -> Response { withHeaders(Response.json(json, status: status)) }

    /// `response` with the headers this error asks for (`Retry-After`).
    func withHeaders(_ response: Response) -> Response {
        var response = response
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}

extension Response {
    /// A JSON response whose bytes do not depend on hashing: OrderedJSON, compact.
    static func json(_ value: OrderedJSON, status: HTTPResponse.Status = .ok) -> Response {
        json(text: value.rendered(pretty: false), status: status)
    }

    static func json(text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
