import Foundation
import Testing

/// `pact align` and `pact outlook`, run as a user runs them.
@Suite("pact align and pact outlook")
struct AlignOutlookCommandTests {
    @Test func alignPrintsMinimaAndActorsAsJSON() throws {
        let result = try runPact(["align", "--as-of", "2025-06-01", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["method"] as? String == "exhaustive")
        let minima = try #require(json["minima"] as? [[String: Any]])
        #expect(!minima.isEmpty)
        let actors = try #require(json["actors"] as? [[String: Any]])
        #expect(actors.contains { $0["id"] as? String == "RUS" && $0["current_bloc"] as? String == "CSTO members" })
        // The global minimum keeps Russia and the United States apart.
        let blocs = try #require(minima.first?["blocs"] as? [[String]])
        #expect(blocs.first { $0.contains("RUS") }?.contains("USA") == false)
    }

    @Test func alignWithThreeBlocsAndChosenActorsAndTheSyntheticBenchmark() throws {
        let three = try runPact(["align", "--as-of", "2025-06-01", "--blocs", "3", "--actors", "RUS,BLR,ARM,AZE,TUR,USA,KAZ"])
        #expect(three.status == 0)
        #expect(three.stdout.contains("counter-pole: USA"))
        let synthetic = try runPact(["align", "--synthetic", "12", "--format", "csv"])
        #expect(synthetic.status == 0)
        #expect(synthetic.stdout.hasPrefix("actors,blocs,method,examined"))
        #expect(synthetic.stdout.contains("12,2,exhaustive,2048,"))
        #expect(try runPact(["align", "--blocs", "4"]).status == 2)
        #expect(try runPact(["align", "--actors", "RUS,XXX"]).status == 2)
    }

    @Test func outlookIsIdenticalForOneThreadAndMany() throws {
        let args = ["outlook", "--from", "2020-01-01", "--to", "2024-01-01", "--runs", "300", "--format", "json"]
        let one = try runPact(args + ["--threads", "1"])
        let many = try runPact(args + ["--threads", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == many.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let members = try #require(json["members"] as? [[String: Any]])
        #expect(members.map { $0["id"] as? String } == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"])
        let fan = try #require(json["fan"] as? [[String: Any]])
        #expect(fan.count == 5)
        #expect(try runPact(["outlook", "--from", "2030-01-01", "--to", "2025-01-01"]).status == 2)
    }

    /// A constant outside its meaningful range is refused with the allowed values, exit 2, and
    /// nothing on standard output; --explain shows the relation trends and the allied outsiders.
    @Test func outlookRefusesConstantsOutsideTheirRangeAndExplainsTheTrends() throws {
        let negative = try runPact(["outlook", "--set", "relation_prior_years=-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("relation_prior_years must be in [0, 1000]"))
        #expect(negative.stdout.isEmpty)
        let learning = try runPact(["outlook", "--set", "crisis_learning=1.5"])
        #expect(learning.status == 2)
        #expect(learning.stderr.contains("crisis_learning must be in [0, 1]"))
        let huge = try runPact(["outlook", "--set", "relation_lookback_years=1e19"])
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("relation_lookback_years must be in [0, 100]"))
        let early = try runPact(["outlook", "--from", "1998-06-01", "--to", "2000-01-01"])
        #expect(early.status == 2)
        #expect(early.stderr.contains("before the dataset's relations begin (1999-01-01)"))
        let unknown = try runPact(["outlook", "--set", "trust=0.2"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("trust_loss"))

        let explained = try runPact(["outlook", "--from", "2007-01-01", "--to", "2008-01-01", "--runs", "20", "--explain"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("counted inside for tension: CHN, IRN"))
        // Uzbekistan's tie to Russia: 0.525 on the start day against a 1999–2006 mean of 0.187.
        let line = try #require(explained.stdout.split(separator: "\n").first { $0.hasPrefix("RUS-UZB") || $0.hasPrefix("UZB-RUS") })
        #expect(line.contains("0.525") && line.contains("0.187"))
    }
}

