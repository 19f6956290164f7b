import PactData
import PactModel
import PactReport
import Testing

/// The dataset topics `pact data` and the server's data browser show, against the CSTO's
/// history (shared/reference/csto-facts.md).
@Suite("Data topic tables")
struct DataTopicTablesTests {
    static func tables(_ iso: String) throws -> DataTopicTables {
        DataTopicTables(dataset: try Embedded.dataset(), day: try #require(Day(iso: iso)))
    }

    static func column(_ key: String, of rows: [DataTopicTables.BrowserRow]) -> [String] {
        rows.map { row in row.first { $0.key == key }?.value ?? "" }
    }

    /// Azerbaijan, Georgia and Uzbekistan did not renew the treaty in 1999; Uzbekistan came back
    /// in 2006 and was suspended on 19 Dec 2012.
    @Test func membersFollowTheTreatysHistory() throws {
        let ids1995 = Self.column("id", of: try #require(try Self.tables("1995-01-01").browserRows(.members)))
        #expect(Set(ids1995).isSuperset(of: ["AZE", "GEO", "UZB", "RUS", "ARM"]))
        let ids2005 = Self.column("id", of: try #require(try Self.tables("2005-06-01").browserRows(.members)))
        #expect(Set(ids2005) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"])
        let ids2012 = Self.column("id", of: try #require(try Self.tables("2012-06-01").browserRows(.members)))
        #expect(ids2012.contains("UZB"))
        let ids2013 = Self.column("id", of: try #require(try Self.tables("2013-06-01").browserRows(.members)))
        #expect(!ids2013.contains("UZB"))
    }

    /// Armenia froze its participation in February 2024 without leaving: still a party, status frozen,
    /// in the browser's row and in `pact data members --format csv` alike.
    @Test func armeniaIsFrozenIn2024() throws {
        let tables = try Self.tables("2024-06-01")
        let rows = try #require(tables.browserRows(.members))
        let armenia = try #require(rows.first { $0.first?.value == "ARM" })
        #expect(armenia.map(\.key) == ["id", "name", "status", "capability_index", "population", "military_expenditure",
                                       "active_personnel", "source"])
        #expect(armenia[1].value == "Armenia" && armenia[2].value == "frozen")
        let csv = tables.render(.members, as: .csv)
        #expect(csv.contains("\nARM,Armenia,frozen,population,"))
        #expect(!csv.contains("\nAZE,"))
    }

    /// The Kant air base opened in October 2003: absent in 2000, a row of its own in 2005.
    @Test func kantAirBaseAppearsWhenItOpens() throws {
        let before = try #require(try Self.tables("2000-06-01").browserRows(.bases))
        #expect(!Self.column("name", of: before).contains("Kant air base"))
        let after = try #require(try Self.tables("2005-06-01").browserRows(.bases))
        let kant = try #require(after.first { $0.first?.value == "Kant air base" })
        #expect(kant.map(\.key) == ["name", "host", "user", "place", "kind", "opened", "personnel", "source"])
        #expect(kant.map(\.value).prefix(4) == ["Kant air base", "Kyrgyzstan", "Russia", "Kant"])
        #expect(kant[5].value == "2003-10-23")
        // pact data bases shows the same base by id, host and user ids.
        #expect(try Self.tables("2005-06-01").render(.bases, as: .csv).contains("\nkant,KGZ,RUS,Kant,\"air base, the air element of the CSTO rapid forces\",2003-10-23,"))
    }

    /// The Central Asian rapid deployment forces (Yerevan protocol, 25 May 2001): about 1,500 in
    /// 2006 from four battalions, which Pact splits equally (375 each). The total comes first.
    @Test func forcesListTheTotalThenEachContribution() throws {
        let tables = try Self.tables("2006-06-01")
        let rows = try #require(tables.browserRows(.forces))
        let crdf = rows.filter { $0.first?.value == "Collective Rapid Deployment Forces of the Central Asian region" }
        #expect(Self.column("contributor", of: crdf).first == "total")
        #expect(Self.column("size", of: crdf).first == "1,500")
        #expect(Self.column("established", of: crdf).first == "2001-05-25")
        let sizes = Self.column("size", of: Array(crdf.dropFirst()))
        #expect(sizes.count == 4 && sizes.allSatisfy { $0 == "375" })
    }

    @Test func theBrowserJSONHasTheDateTheTopicAndStringCells() throws {
        let tables = try Self.tables("2005-06-01")
        let json = try #require(tables.browserJSON(.bases)).rendered(pretty: false)
        #expect(json.hasPrefix(#"{"as_of":"2005-06-01","topic":"bases","rows":[{"name":"102nd Military Base","host":"Armenia","user":"Russia","#))
        #expect(DataTopicTables.browserTopics == DataTopicTables.Topic.allCases)
    }

    /// Every topic of `pact data` has browser rows, each row with the same columns, and each
    /// figure's source in a column of its own.
    @Test func everyTopicHasBrowserRowsWithASourceColumn() throws {
        let tables = try Self.tables("2013-06-01")
        for topic in DataTopicTables.Topic.allCases {
            let rows = try #require(tables.browserRows(topic), "\(topic)")
            #expect(!rows.isEmpty, "\(topic)")
            #expect(Set(rows.map { $0.map(\.key) }).count == 1, "\(topic)")
            #expect(rows[0].contains { $0.key == "source" }, "\(topic)")
        }
    }

    /// Belarus's ties run both ways in the relations; `involving` keeps only pairs with the actor.
    @Test func relationsNarrowToOneActor() throws {
        let tables = try Self.tables("2013-06-01")
        let all = try #require(tables.browserRows(.relations))
        let belarus = try #require(tables.browserRows(.relations, involving: ActorID("BLR")))
        #expect(belarus.count < all.count && !belarus.isEmpty)
        #expect(belarus.allSatisfy { $0[0].value == "Belarus" || $0[1].value == "Belarus" })
        // Every relation's source carries the year it describes.
        #expect(Self.column("source", of: belarus).allSatisfy { $0.range(of: #"\((19|20)\d\d\)$"#, options: .regularExpression) != nil })
    }

    /// The timeline opens with the treaty's signature on 15 May 1992.
    @Test func theTimelineStartsWithTheTreaty() throws {
        let rows = try #require(try Self.tables("1993-01-01").browserRows(.timeline))
        #expect(Self.column("date", of: rows).first == "1992-05-15")
        #expect(Self.column("date", of: rows).allSatisfy { $0 <= "1993-01-01" })
    }

    /// Addresses become links, the words around them stay whole, closing punctuation stays out.
    @Test func sourceAddressesAreSplitOut() {
        let parts = SourceLinks.parts("AzerNews, https://www.azernews.az/region/216649.html ; opening day: Treaty (http://x.org/a).")
        #expect(parts == [
            .init(text: "AzerNews, "), .init(text: "https://www.azernews.az/region/216649.html", url: "https://www.azernews.az/region/216649.html"),
            .init(text: " ; opening day: Treaty ("), .init(text: "http://x.org/a", url: "http://x.org/a"), .init(text: ")."),
        ])
        #expect(SourceLinks.parts("SIPRI (2020)") == [.init(text: "SIPRI (2020)")])
        #expect(SourceLinks.parts("see https:// only") == [.init(text: "see https:// only")])
    }
}
