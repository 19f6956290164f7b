import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PactServer

/// What the run and compare pages give a reader: exact seeds, downloads, labelled comparisons,
/// proper 404 pages.
@Suite struct RunPageExportTests {
    static func post(_ client: some TestClientProtocol, _ fields: [String: String]) async throws -> TestResponse {
        let home = try await client.execute(uri: "/", method: .get)
        let token = try #require(PageTests.csrf(home))
        let (headers, body) = PageTests.form(fields, csrf: token)
        return try await client.execute(uri: "/runs", method: .post, headers: headers, body: body)
    }

    @Test func theLargestSeedSurvivesTheStoreThePageAndTheAPI() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let posted = try await Self.post(client, ["scenario": "arm-azerbaijani-attack-2026", "draws": "50",
                                                      "seed": "18446744073709551615"])
            #expect(posted.status == .seeOther)
            let page = try await client.execute(uri: "/runs/1", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("seed 18446744073709551615"))
            #expect(String(buffer: page.body).contains("id=\"chart-ladder\""))
            let api = String(buffer: try await client.execute(uri: "/api/runs/1", method: .get).body)
            #expect(api.contains("\"seed\":18446744073709551615"))
        }
        #expect(try store.run(1)?.forecast?.seed == UInt64.max)
    }

    @Test func theRunPageOffersItsResultForDownloadAndSpeaksInProse() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            _ = try await Self.post(client, ["scenario": "kgz-mass-unrest-2026", "draws": "60", "seed": "2"])
            let page = String(buffer: try await client.execute(uri: "/runs/1", method: .get).body)
            #expect(page.contains("shipped defaults"))
            #expect(!page.contains("parameters {}"))
            #expect(page.contains(" UTC"))
            for link in ["/runs/1/result.json", "/runs/1/forecast.csv", "/runs/1/members.csv", "/runs/1/report.html"] {
                #expect(page.contains("href=\"\(link)\""))
                let file = try await client.execute(uri: link, method: .get)
                #expect(file.status == .ok, "\(link)")
                #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            }
            let json = String(buffer: try await client.execute(uri: "/runs/1/result.json", method: .get).body)
            #expect(json.hasPrefix("{\n  \"schema_version\": 1,\n  \"results\": ["))
            let csv = String(buffer: try await client.execute(uri: "/runs/1/forecast.csv", method: .get).body)
            #expect(csv.split(separator: "\n").count == 2)
            #expect(csv.hasPrefix("scenario,P0,P1,P2,P3,P4,P5,modal,unilateral,draws,deployment draws,"))
            let report = String(buffer: try await client.execute(uri: "/runs/1/report.html", method: .get).body)
            #expect(report.contains("<svg"))
        }
    }

    @Test func theComparePageLabelsTheDifferenceAndSaysWhatDiffers() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            _ = try await Self.post(client, ["scenario": "kgz-mass-unrest-2026", "draws": "60", "seed": "2"])
            _ = try await Self.post(client, ["scenario": "kgz-mass-unrest-2026", "draws": "90", "seed": "2"])
            let page = String(buffer: try await client.execute(uri: "/compare?a=1&b=2", method: .get).body)
            #expect(page.contains("difference (B − A)"))
            #expect(page.contains("draws: 60 (A) and 90 (B)"))
            #expect(page.contains("id=\"draw-note\""))
            #expect(!page.contains("seed: "))
            // Both ladders on one scale: the same highest whole-percent tick label.
            let tick = try NSRegularExpression(pattern: ">([0-9]+)%<")
            let ticks = page.components(separatedBy: "<svg").dropFirst().map { svg -> Int in
                let range = NSRange(svg.startIndex..., in: svg)
                return tick.matches(in: svg, range: range).compactMap { Range($0.range(at: 1), in: svg).flatMap { Int(svg[$0]) } }.max() ?? -1
            }
            #expect(ticks.count == 2)
            #expect(Set(ticks).count == 1)
        }
    }

    @Test func unknownPagesAnswerWithAPageAndErrorsNeverShowAnEmptyField() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let missing = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("Page not found"))
            #expect(String(buffer: missing.body).contains("href=\"/data\""))
            let api = try await client.execute(uri: "/api/nothing", method: .get)
            #expect(api.status == .notFound)
            #expect(ServerFixture.object(api)["error"] as? String == "/api/nothing does not exist")
            let run = try await client.execute(uri: "/runs/99", method: .get)
            #expect(run.status == .notFound)
            #expect(!String(buffer: run.body).contains("(field: )"))
        }
    }
}
