import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PactServer

/// The browser pages, driven as a browser would: a GET for the CSRF cookie, then form posts.
@Suite struct PageTests {
    static func csrf(_ response: TestResponse) -> String? {
        guard let header = response.headers[.setCookie], let range = header.range(of: "pact_csrf=") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != ";" })
    }

    static func form(_ fields: [String: String], csrf: String) -> (HTTPFields, ByteBuffer) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.merging(["csrf": csrf]) { a, _ in a }.sorted { $0.key < $1.key }.map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return ([.contentType: "application/x-www-form-urlencoded", .cookie: "pact_csrf=\(csrf)"], ByteBuffer(string: body))
    }

    static let crisisFields: [String: String] = [
        "id": "my-clash", "title": "<script>alert(1)</script> clash", "date": "2026-01-01", "organization": "CSTO",
        "crisis.type": "border-clash", "crisis.location": "KGZ", "crisis.territory": "sovereign", "crisis.requester": "KGZ",
        "crisis.article": "2", "crisis.adversary.kind": "state", "crisis.adversary.actor": "TJK",
        "crisis.adversary.external_backing": "none", "crisis.severity.deaths": "10", "crisis.severity.displaced": "100",
        "crisis.severity.territory_km2": "0", "crisis.expected_duration_days": "3",
    ]

    @Test func runAScenarioThroughTheFormAndSeeTheResult() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
            #expect(String(buffer: home.body).contains("Azerbaijani attack on Armenia"))
            let token = try #require(Self.csrf(home))

            let (headers, body) = Self.form(["scenario": "arm-azerbaijani-attack-2026", "draws": "200", "seed": "3"], csrf: token)
            let posted = try await client.execute(uri: "/runs", method: .post, headers: headers, body: body)
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/runs/1")

            let page = String(buffer: try await client.execute(uri: "/runs/1", method: .get).body)
            #expect(page.contains("id=\"chart-ladder\""))
            #expect(page.contains("id=\"explanation\""))
            #expect(page.contains("The most likely collective response is level"))

            _ = try await client.execute(uri: "/runs", method: .post, headers: headers, body: Self.form(
                ["scenario": "arm-azerbaijani-attack-2026", "draws": "200", "seed": "4"], csrf: token).1)
            let name = ServerFixture.catalog.parameterNames[0]
            let withParams = try await client.execute(uri: "/runs", method: .post, headers: headers, body: Self.form(
                ["scenario": "arm-azerbaijani-attack-2026", "draws": "200", "params": "\(name): [0.1, 0.2]"], csrf: token).1)
            #expect(withParams.headers[.location] == "/runs/3")
            #expect(try store.run(3)?.run.params == "{\"\(name)\":[0.1,0.2]}")
            let badParams = try await client.execute(uri: "/runs", method: .post, headers: headers, body: Self.form(
                ["scenario": "arm-azerbaijani-attack-2026", "draws": "200", "params": "\(name): high"], csrf: token).1)
            #expect(badParams.status == .unprocessableContent)
            let compare = try await client.execute(uri: "/compare?a=1&b=2", method: .get)
            #expect(compare.status == .ok)
            #expect(String(buffer: compare.body).components(separatedBy: "<svg").count == 3)
            #expect(String(buffer: try await client.execute(uri: "/", method: .get).body).contains("Latest run <a href=\"/runs/3\">"))
        }
        #expect(try store.runCount() == 3)
    }

    @Test func anInvalidFieldIsShownBesideItAndTextIsEscaped() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(Self.csrf(try await client.execute(uri: "/scenarios/new", method: .get)))
            var fields = Self.crisisFields
            fields["crisis.location"] = "ATLANTIS"
            let (headers, body) = Self.form(fields, csrf: token)
            let response = try await client.execute(uri: "/scenarios", method: .post, headers: headers, body: body)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("id=\"f-crisis-location-error\">unknown actor &#39;ATLANTIS&#39;"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; clash"))
            #expect(!html.contains("<script>alert(1)"))

            let saved = try await client.execute(uri: "/scenarios", method: .post, headers: headers,
                                                 body: Self.form(Self.crisisFields, csrf: token).1)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/scenarios/my-clash")
            var edited = Self.crisisFields
            edited["crisis.severity.deaths"] = "400"
            let update = try await client.execute(uri: "/scenarios/my-clash", method: .post, headers: headers,
                                                  body: Self.form(edited, csrf: token).1)
            #expect(update.status == .seeOther)
            #expect(try store.versions(of: "my-clash").map(\.version) == [2, 1])
            #expect(try store.scenario("my-clash")?.yaml.contains("deaths: 400") == true)
            let page = String(buffer: try await client.execute(uri: "/scenarios/my-clash", method: .get).body)
            #expect(page.contains("version 2 saved"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; clash"))
            #expect(!page.contains("<script>alert(1)"))
        }
    }

    @Test func anIssueScenarioIsEditedAsText() async throws {
        let (app, store) = try await ServerFixture.app()
        let original = ServerFixture.catalog.builtIn("csto-nato-contacts-2026")!.yaml
        try await app.test(.router) { client in
            let token = try #require(Self.csrf(try await client.execute(uri: "/scenarios/csto-nato-contacts-2026", method: .get)))
            let copy = original.replacingOccurrences(of: "id: csto-nato-contacts-2026", with: "id: my-contacts")
            let (headers, body) = Self.form(["yaml": copy], csrf: token)
            let saved = try await client.execute(uri: "/scenarios/csto-nato-contacts-2026/text", method: .post, headers: headers, body: body)
            #expect(saved.headers[.location] == "/scenarios/my-contacts")
            #expect(try store.scenario("my-contacts")?.kind == "issue")

            let broken = copy.replacingOccurrences(of: "question:", with: "qestion:")
            let refused = try await client.execute(uri: "/scenarios/my-contacts/text", method: .post, headers: headers,
                                                   body: Self.form(["yaml": broken], csrf: token).1)
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains("qestion"))
            #expect(html.contains("<p class=\"error\">line "))
            #expect(try store.versions(of: "my-contacts").count == 1)
        }
    }

    @Test func theBargainingTableRunsAndEscapesActorNamesInTheChart() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(Self.csrf(try await client.execute(uri: "/bargain", method: .get)))
            let (headers, body) = Self.form([
                "actor0": "<script>alert(1)</script>", "capability0": "10", "position0": "0", "salience0": "0.5",
                "actor1": "B", "capability1": "10", "position1": "100", "salience1": "0.5",
                "actor2": "C", "capability2": "80", "position2": "60", "salience2": "0.9", "rounds": "0", "variant": "scholz",
            ], csrf: token)
            let response = try await client.execute(uri: "/bargain", method: .post, headers: headers, body: body)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/bargain/runs/1")
            let page = try await client.execute(uri: "/bargain/runs/1", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<svg"))
            #expect(html.contains("&lt;script&gt;alert(1)"))
            #expect(!html.contains("<script>alert(1)"))
            // Round 0 only: the median of the initial positions is C's, 60.
            #expect(html.contains("median 60.00"))

            let bad = try await client.execute(uri: "/bargain", method: .post, headers: headers,
                                               body: Self.form(["actor0": "A", "capability0": "x", "rounds": "3"], csrf: token).1)
            #expect(bad.status == .unprocessableContent)
            let badHTML = String(buffer: bad.body)
            #expect(badHTML.contains("row 1 capability: &#39;x&#39; is not a number"))
            #expect(badHTML.contains("row 1 position: is blank; give a number"))
            #expect(badHTML.contains("<td class=\"invalid\"><input name=\"capability0\" value=\"x\""))
        }
    }

    @Test func formsWithoutTheSessionTokenAreRefused() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let (headers, body) = Self.form(["scenario": "arm-azerbaijani-attack-2026", "draws": "100"], csrf: "forged")
            var withoutCookie = headers
            withoutCookie[.cookie] = nil
            let response = try await client.execute(uri: "/runs", method: .post, headers: withoutCookie, body: body)
            #expect(response.status == .forbidden)
            var crossSite = headers
            crossSite[.origin] = "https://evil.example"
            let cross = try await client.execute(uri: "/runs", method: .post, headers: crossSite, body: body)
            #expect(cross.status == .forbidden)
        }
        #expect(try store.runCount() == 0)
    }

    @Test func everyFormRouteChecksTheSessionToken() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            // The token check is middleware in front of every page route: a post whose field
            // differs from the cookie never reaches a route, whichever it is.
            let (headers, body) = Self.form(["scenario": "arm-azerbaijani-attack-2026", "draws": "100", "yaml": "id: x",
                                             "token": "t"], csrf: "cookie-value")
            let forged = ByteBuffer(string: String(buffer: body).replacingOccurrences(of: "csrf=cookie-value", with: "csrf=other"))
            for path in ["/runs", "/scenarios", "/scenarios/arm-azerbaijani-attack-2026", "/scenarios/arm-azerbaijani-attack-2026/text",
                         "/scenarios/arm-azerbaijani-attack-2026/delete", "/bargain", "/login"] {
                let response = try await client.execute(uri: path, method: .post, headers: headers, body: forged)
                #expect(response.status == .forbidden, "\(path)")
                #expect(String(buffer: response.body).contains("security token"), "\(path)")
                #expect(response.headers[.setCookie] == nil, "\(path): a refused post sets no cookie")
            }
            // A page view without a session gets one; an error page keeps it.
            let missing = try await client.execute(uri: "/runs/999", method: .get)
            #expect(missing.status == .notFound)
            #expect(Self.csrf(missing) != nil)
        }
        #expect(try store.runCount() == 0)
    }

    @Test func everyOtherPageRenders() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let cases = String(buffer: try await client.execute(uri: "/cases", method: .get).body)
            #expect(cases.contains(ServerFixture.catalog.cases[0].id))
            // Every case of the library is a crisis with an outcome, so every one is scored.
            #expect(cases.contains("\(ServerFixture.catalog.cases.count) cases scored"))
            #expect(cases.contains("In-sample (the shipped parameters were fitted to these same cases)"))
            #expect(!cases.contains("not scored"))
            let data = String(buffer: try await client.execute(uri: "/data?topic=members&as_of=2024-06-01", method: .get).body)
            #expect(data.contains("frozen"))
            let bargain = try await client.execute(uri: "/bargain?scenario=csto-nato-contacts-2026", method: .get)
            #expect(bargain.status == .ok)
            #expect(String(buffer: bargain.body).contains("id=\"stakeholders\""))
            for uri in ["/scenarios/arm-azerbaijani-attack-2026", "/scenarios/new", "/login", "/static/pact.css"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .ok, "\(uri)")
            }
            #expect(try await client.execute(uri: "/runs/5", method: .get).status == .notFound)
        }
    }
}

@Suite struct SafetyTests {
    @Test func aPublicAddressNeedsAToken() {
        #expect(ServerConfiguration(host: "0.0.0.0", token: nil).refusal != nil)
        #expect(ServerConfiguration(host: "0.0.0.0", token: "secret").refusal == nil)
        #expect(ServerConfiguration(host: "127.0.0.1", token: nil).refusal == nil)
    }

    @Test func writesNeedTheTokenWhenOneIsSet() async throws {
        let (app, _) = try await ServerFixture.app(token: "s3cret")
        try await app.test(.router) { client in
            let body = ServerFixture.json(["scenario": "kgz-mass-unrest-2026", "draws": 50])
            let anonymous = try await client.execute(uri: "/api/runs", method: .post, headers: ServerFixture.jsonHeaders, body: body)
            #expect(anonymous.status == .unauthorized)
            var headers = ServerFixture.jsonHeaders
            headers[.authorization] = "Bearer wrong"
            #expect(try await client.execute(uri: "/api/runs", method: .post, headers: headers, body: body).status == .unauthorized)
            headers[.authorization] = "Bearer s3cret"
            #expect(try await client.execute(uri: "/api/runs", method: .post, headers: headers, body: body).status == .created)
            #expect(try await client.execute(uri: "/api/runs", method: .get).status == .ok)
        }
    }

    @Test func oversizedBodiesAndCrossSiteWritesAreRefused() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let huge = ServerFixture.json(["yaml": String(repeating: "#", count: 70_000)])
            let response = try await client.execute(uri: "/api/scenarios", method: .post, headers: ServerFixture.jsonHeaders, body: huge)
            #expect(response.status == .contentTooLarge)
            #expect(ServerFixture.object(response)["error"] as? String == "the request body is larger than 65536 bytes")

            var headers = ServerFixture.jsonHeaders
            headers[.init("Sec-Fetch-Site")!] = "cross-site"
            let cross = try await client.execute(uri: "/api/runs", method: .post, headers: headers,
                                                 body: ServerFixture.json(["scenario": "kgz-mass-unrest-2026"]))
            #expect(cross.status == .forbidden)
            let plain = try await client.execute(uri: "/api/runs", method: .post, headers: [.contentType: "text/plain"],
                                                 body: ByteBuffer(string: "{\"scenario\":\"kgz-mass-unrest-2026\"}"))
            #expect(plain.status == .unsupportedMediaType)
        }
    }
}
