import Foundation
import Testing

/// `pact data`, run as a user runs it: the built binary in a child process.
@Suite("pact data")
struct DataCommandTests {
    @Test func membersIn2012AsJSONListSevenMembersWithSourcedAttributes() throws {
        let result = try runPact(["data", "members", "--as-of", "2012-06-01", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2012-06-01")
        #expect(object["organization"] as? String == "CSTO")
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.compactMap { $0["id"] as? String } == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"])
        for member in members {
            #expect(member["status"] as? String == "member")
            let attributes = try #require(member["attributes"] as? [String: Any])
            for name in ["population", "gdp", "military_expenditure", "active_personnel", "regime_score"] {
                let attribute = try #require(attributes[name] as? [String: Any], "\(member["id"]!) lacks \(name)")
                #expect(attribute["value"] is NSNumber)
                #expect((attribute["source"] as? String)?.isEmpty == false)
                #expect((attribute["year"] as? Int).map { (1999...2012).contains($0) } == true)
            }
            #expect(member["capability_index"] is NSNumber)
        }
        // Russia's 2012 GDP as published: World Bank WDI, current US$.
        let russia = try #require(members.first { $0["id"] as? String == "RUS" })
        let gdp = try #require((russia["attributes"] as? [String: Any])?["gdp"] as? [String: Any])
        #expect(gdp["value"] as? Double == 2_208_293_553_878.42)
        #expect(gdp["year"] as? Int == 2012)
        // Keys come in a fixed order, so two runs print the same bytes.
        #expect(result.stdout.hasPrefix("{\n  \"as_of\": \"2012-06-01\",\n  \"organization\": \"CSTO\",\n  \"members\": ["))
        #expect(try runPact(["data", "members", "--as-of", "2012-06-01", "--format", "json"]).stdout == result.stdout)
    }

    @Test func membersTableShowsFrozenArmeniaIn2024() throws {
        let result = try runPact(["data", "members", "--as-of", "2024-06-01"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "CSTO members on 2024-06-01 (6; status member or frozen)")
        let armenia = try #require(lines.first { $0.hasPrefix("ARM ") })
        #expect(armenia.contains("frozen"))
        #expect(!lines.contains { $0.hasPrefix("UZB ") })
    }

    @Test func aBadDateIsAUsageErrorWithExit2() throws {
        let result = try runPact(["data", "members", "--as-of", "2012-13-01"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("'2012-13-01' is invalid for '--as-of <YYYY-MM-DD>'"))
        #expect(try runPact(["data", "treaties"]).status == 2)
    }

    @Test func relationsAsCSVHaveEveryOrderedPairOnTheDate() throws {
        let result = try runPact(["data", "relations", "--as-of", "2008-09-01", "--format", "csv"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "From,To,Affinity,Dependence,Since,Until,Evidence,Source,Basis")
        #expect(rows.count == 1 + 15 * 14)
        #expect(rows.contains { $0.hasPrefix("GEO,RUS,-0.90,0.10,2008-08-08,2012-10-01,") })
    }

    @Test func forcesBasesTimelineAndSources() throws {
        let forces = try runPact(["data", "forces", "--as-of", "2022-01-06", "--format", "json"])
        #expect(forces.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(forces.stdout.utf8)) as? [String: Any])
        let list = try #require(object["forces"] as? [[String: Any]])
        let crrf = try #require(list.first { $0["id"] as? String == "crrf" })
        #expect((crrf["size"] as? [String: Any])?["value"] as? Int == 18000)

        let bases = try runPact(["data", "bases", "--as-of", "2004-01-01", "--format", "csv"])
        #expect(bases.stdout.contains("\nkarshi-khanabad,UZB,USA,"))
        #expect(!bases.stdout.contains("dushanbe-201"))

        let timeline = try runPact(["data", "timeline", "--as-of", "2013-01-01"]).stdout
        let uzbekistan = try #require(timeline.range(of: "2006-08-16  membership"))
        let suspension = try #require(timeline.range(of: "2012-12-19  membership"))
        #expect(uzbekistan.lowerBound < suspension.lowerBound)
        #expect(!timeline.contains("2024-02-22"))

        let sources = try runPact(["data", "sources", "--format", "json"])
        let citations = try #require((try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(citations.contains { ($0["uses"] as? [String])?.contains("RUS military_expenditure 2024") == true })
    }

    @Test func anotherDatasetDirectoryIsReadWithLocatedErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pact-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runPact(["data", "members", "--dataset", directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(directory.path)/actors.yaml: cannot read the file"))
    }
}
