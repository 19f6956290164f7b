import Foundation
import Hummingbird
import HummingbirdTesting
import PactEngine
import PactModel
import Testing
@testable import PactServer

/// The data browser's topics, the map on the run page, and bargaining runs kept in the store.
@Suite struct DataAndBargainPageTests {
    static let topics = ["members", "actors", "relations", "forces", "bases", "timeline", "sources"]

    @Test func everyTopicOfPactDataHasAPage() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            for topic in Self.topics {
                let response = try await client.execute(uri: "/data?topic=\(topic)&as_of=2013-06-01", method: .get)
                #expect(response.status == .ok, "\(topic)")
                let html = String(buffer: response.body)
                #expect(html.contains("data-topic=\"\(topic)\""), "\(topic)")
                #expect(html.contains("<th class=\"wide\">source</th>"), "\(topic)")
                let api = try await client.execute(uri: "/api/data/\(topic)?as_of=2013-06-01", method: .get)
                #expect(api.status == .ok, "\(topic)")
            }
        }
    }

    @Test func anUnknownTopicListsTheValidOnesAsLinks() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/data?topic=nonsense", method: .get)
            #expect(response.status == .notFound)
            let html = String(buffer: response.body)
            #expect(html.contains("&#39;nonsense&#39; is not a data topic"))
            for topic in Self.topics { #expect(html.contains("<a href=\"/data?topic=\(topic)\">\(topic)</a>"), "\(topic)") }
            let actor = try await client.execute(uri: "/data?topic=relations&actor=ATLANTIS", method: .get)
            #expect(actor.status == .badRequest)
            #expect(String(buffer: actor.body).contains("<a href=\"/data?topic=relations&amp;actor=RUS\">RUS</a>"))
        }
    }

    /// The Gyumri base's source names AzerNews with its address: the address is a link that opens
    /// without handing the page to the other site, and the text around it is whole.
    @Test func sourcesAreWholeAndTheirAddressesAreLinks() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/data?topic=bases&as_of=2013-06-01", method: .get).body)
            #expect(html.contains("AzerNews, <a href=\"https://www.azernews.az/region/216649.html\" rel=\"noopener noreferrer\" target=\"_blank\">"))
            // Relations of one actor only, each source with its year.
            let relations = String(buffer: try await client.execute(uri: "/data?topic=relations&actor=BLR&as_of=2013-06-01", method: .get).body)
            let rows = relations.components(separatedBy: "<tr><td>").dropFirst()
            #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("Belarus") })
        }
    }

    @Test func theRunPageMapDrawsCountryBorders() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(PageTests.csrf(try await client.execute(uri: "/", method: .get)))
            let (headers, body) = PageTests.form(["scenario": "arm-azerbaijani-attack-2026", "draws": "100"], csrf: token)
            #expect(try await client.execute(uri: "/runs", method: .post, headers: headers, body: body).status == .seeOther)
            let html = String(buffer: try await client.execute(uri: "/runs/1", method: .get).body)
            // Russia a member (shaded), Azerbaijan the adversary (plain land).
            #expect(html.contains("fill=\"#b9d6ee\" stroke=\"#9aa3ad\" stroke-width=\"0.8\" stroke-linejoin=\"round\" class=\"country\" data-id=\"RUS\""))
            #expect(html.contains("class=\"country\" data-id=\"AZE\""))
            #expect(html.contains("Made with Natural Earth"))
        }
    }

    /// A table with Russia's capability left blank: filled with the dataset's index on the issue's
    /// date times 100, as `pact bargain` fills a scenario's stakeholder; the run is stored, has a
    /// page, a download and a place in the list.
    @Test func aBargainingRunIsStoredWithABlankCapabilityFilled() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(PageTests.csrf(try await client.execute(uri: "/bargain", method: .get)))
            let (headers, body) = PageTests.form([
                "scenario": "csto-nato-contacts-2026",
                "actor0": "RUS", "capability0": "", "position0": "20", "salience0": "0.8",
                "actor1": "B", "capability1": "5", "position1": "90", "salience1": "0.4",
                "rounds": "4", "variant": "scholz", "settle": "1",
            ], csrf: token)
            let posted = try await client.execute(uri: "/bargain", method: .post, headers: headers, body: body)
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/bargain/runs/1")

            let row = try #require(try store.bargain(1))
            #expect(row.bargain.scenarioID == "csto-nato-contacts-2026" && row.bargain.rounds == 4 && row.bargain.stopWhenSettled)
            let table = try PageRoutes.stakeholders(row)
            let day = try #require(Day(iso: "2026-11-01"))
            let index = try #require(ServerFixture.catalog.dataset.snapshot(on: day).capabilityIndex[ActorID("RUS")])
            #expect(table[0].filled && table[0].capability == index * 100)
            #expect(!table[1].filled && table[1].capability == 5)

            let page = String(buffer: try await client.execute(uri: "/bargain/runs/1", method: .get).body)
            #expect(page.contains("id=\"bargain-result\"") && page.contains("id=\"bargain-rounds\""))
            #expect(page.contains("from the dataset's capability index"))
            let download = try await client.execute(uri: "/bargain/runs/1/result.json", method: .get)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"bargain-1.json\"")
            #expect(String(buffer: download.body).hasPrefix("{\"scenario\":\"csto-nato-contacts-2026\""))
            let list = String(buffer: try await client.execute(uri: "/bargain", method: .get).body)
            #expect(list.contains("<a href=\"/bargain/runs/1\">#1</a>"))
            // Editing the run again brings its table back, the filled capability blank again.
            let again = String(buffer: try await client.execute(uri: "/bargain?from=1", method: .get).body)
            #expect(again.contains("name=\"actor0\" value=\"RUS\"") && again.contains("name=\"capability0\" value=\"\""))
            #expect(try await client.execute(uri: "/bargain/runs/7", method: .get).status == .notFound)
        }
    }

    @Test func aBlankCapabilityTheDatasetCannotFillIsRefusedAtItsRow() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let token = try #require(PageTests.csrf(try await client.execute(uri: "/bargain", method: .get)))
            let (headers, body) = PageTests.form([
                "actor0": "RUS", "capability0": "3", "position0": "20", "salience0": "0.8",
                "actor1": "ATLANTIS", "capability1": "", "position1": "90", "salience1": "1.5", "rounds": "3", "variant": "scholz",
            ], csrf: token)
            let response = try await client.execute(uri: "/bargain", method: .post, headers: headers, body: body)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("row 2 capability: is blank and the dataset has no capability index for &#39;ATLANTIS&#39;"))
            #expect(html.contains("row 2 salience: is 1.5; it must be between 0 and 1"))
            #expect(html.contains("<td class=\"invalid\"><input name=\"salience1\""))
            #expect(!html.contains("<td class=\"invalid\"><input name=\"capability0\""))
        }
        #expect(try store.bargains().isEmpty)
    }

    /// The API takes what the form takes: a left-out capability is filled (and flagged) and, with
    /// `save`, the run is stored, listed and linked.
    @Test func theAPIFillsAMissingCapabilityAndSavesOnRequest() async throws {
        let (app, store) = try await ServerFixture.app()
        try await app.test(.router) { client in
            let table: [[String: Any]] = [["actor": "KAZ", "position": 10, "salience": 0.9],
                                          ["actor": "B", "capability": 2, "position": 80, "salience": 0.3]]
            let unsaved = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                                                   body: ServerFixture.json(["stakeholders": table, "rounds": 2]))
            #expect(unsaved.status == .ok)
            #expect(try store.bargains().isEmpty)
            let saved = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                                                 body: ServerFixture.json(["stakeholders": table, "rounds": 2, "save": true,
                                                                           "stop_when_settled": true]))
            #expect(saved.status == .created)
            #expect(saved.headers[.location] == "/bargain/runs/1")
            let row = try #require(try store.bargain(1))
            let stakeholders = try PageRoutes.stakeholders(row)
            #expect(stakeholders.map(\.filled) == [true, false] && row.bargain.stopWhenSettled)
            let list = ServerFixture.array(try await client.execute(uri: "/api/bargains", method: .get))
            #expect(list.count == 1 && (list.first?["page"] as? String) == "/bargain/runs/1")
            let one = ServerFixture.object(try await client.execute(uri: "/api/bargains/1", method: .get))
            #expect((one["stakeholders"] as? [[String: Any]])?.first?["filled"] as? Bool == true)
            #expect(try await client.execute(uri: "/api/bargains/2", method: .get).status == .notFound)

            let unknown = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                                                   body: ServerFixture.json(["stakeholders": [["actor": "ATLANTIS", "position": 1, "salience": 1],
                                                                                              ["actor": "B", "capability": 2, "position": 80, "salience": 0.3]]]))
            #expect(unknown.status == .unprocessableContent)
            #expect(ServerFixture.object(unknown)["field"] as? String == "stakeholders[0].capability")
        }
    }

    /// Two stored runs compared: the inputs that differ are named, each figure and each
    /// stakeholder's final position shown for both with B − A; an unknown run is a 404.
    @Test func twoStoredBargainingRunsAreCompared() async throws {
        let (app, _) = try await ServerFixture.app()
        try await app.test(.router) { client in
            func save(_ salience: Double, rounds: Int) async throws {
                let table: [[String: Any]] = [["actor": "A", "capability": 5, "position": 10, "salience": salience],
                                              ["actor": "B", "capability": 2, "position": 80, "salience": 0.3],
                                              ["actor": "C", "capability": 3, "position": 60, "salience": 0.5]]
                let saved = try await client.execute(uri: "/api/bargain", method: .post, headers: ServerFixture.jsonHeaders,
                                                     body: ServerFixture.json(["stakeholders": table, "rounds": rounds, "save": true]))
                #expect(saved.status == .created)
            }
            try await save(0.9, rounds: 3)
            try await save(0.2, rounds: 5)
            let run = String(buffer: try await client.execute(uri: "/bargain/runs/1", method: .get).body)
            #expect(run.contains("action=\"/bargain/compare\"") && run.contains("<option value=\"2\">"))
            let page = try await client.execute(uri: "/bargain/compare?a=1&b=2", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("A: salience 0.9 → 0.2"))
            #expect(html.contains("rounds asked for: 3 / 5"))
            #expect(!html.contains("B: position"))
            #expect(html.contains("id=\"bargain-comparison\"") && html.contains("id=\"bargain-actor-comparison\""))
            #expect(html.contains("difference (B − A)"))
            let same = String(buffer: try await client.execute(uri: "/bargain/compare?a=1&b=1", method: .get).body)
            #expect(same.contains("Both runs used the same inputs"))
            #expect(try await client.execute(uri: "/bargain/compare?a=1&b=9", method: .get).status == .notFound)
        }
    }
}
