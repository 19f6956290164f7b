import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PactServer

/// The OpenAPI document lists exactly the operations the server answers: each listed
/// operation is called here and must not answer 404 (route missing) or 405.
@Suite struct OpenAPITests {
    /// `(path, method)` pairs read from the document's `paths` block.
    static func operations(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            if !line.hasPrefix(" "), !line.isEmpty { path = nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
               ["get:", "post:", "put:", "delete:"].contains(trimmed) {
                result.insert("\(trimmed.dropLast().uppercased()) \(path)")
            }
        }
        return result
    }

    @Test func everyDocumentedOperationAnswers() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let document = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            #expect(document.status == .ok)
            let listed = Self.operations(String(buffer: document.body))
            let json = ServerFixture.jsonHeaders
            let yaml = ServerFixture.userScenario(id: "spec-check")
            // One real call per documented operation, with the status a correct server gives.
            let calls: [(String, String, HTTPRequest.Method, ByteBuffer?, HTTPResponse.Status)] = [
                ("GET /api/openapi.yaml", "/api/openapi.yaml", .get, nil, .ok),
                ("GET /api/scenarios", "/api/scenarios", .get, nil, .ok),
                ("GET /api/schemas/{name}", "/api/schemas/forecast", .get, nil, .ok),
                ("POST /api/scenarios", "/api/scenarios", .post, ServerFixture.json(["yaml": yaml]), .created),
                ("GET /api/scenarios/{id}", "/api/scenarios/spec-check", .get, nil, .ok),
                ("PUT /api/scenarios/{id}", "/api/scenarios/spec-check", .put, ServerFixture.json(["yaml": yaml]), .ok),
                ("DELETE /api/scenarios/{id}", "/api/scenarios/spec-check", .delete, nil, .noContent),
                ("POST /api/runs", "/api/runs", .post, ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "draws": 50]), .created),
                ("GET /api/runs", "/api/runs", .get, nil, .ok),
                ("GET /api/runs/{id}", "/api/runs/1", .get, nil, .ok),
                ("POST /api/bargain", "/api/bargain", .post, ServerFixture.json(["scenario": "csto-nato-contacts-2026"]), .ok),
                ("POST /api/bargain", "/api/bargain", .post, ServerFixture.json(["scenario": "csto-nato-contacts-2026", "save": true]), .created),
                ("GET /api/bargains", "/api/bargains", .get, nil, .ok),
                ("GET /api/bargains/{id}", "/api/bargains/1", .get, nil, .ok),
                ("GET /api/data/{topic}", "/api/data/bases?as_of=2020-01-01", .get, nil, .ok),
                ("GET /api/cases", "/api/cases", .get, nil, .ok),
                ("GET /api/validate", "/api/validate", .get, nil, .ok),
            ]
            #expect(Set(calls.map(\.0)) == listed)
            for (name, uri, method, body, status) in calls {
                let response = try await client.execute(uri: uri, method: method, headers: body == nil ? [:] : json, body: body)
                #expect(response.status == status, "\(name): \(String(buffer: response.body))")
                if status != .noContent, name != "GET /api/openapi.yaml" {
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(name)")
                }
            }
        }
    }
}
