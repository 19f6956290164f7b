import Foundation
import PactModel
import Testing
@testable import PactReport

/// The forecast's JSON reads back into the same value, with seeds and counts exact.
@Suite struct CrisisForecastCodableTests {
    static func forecast(seed: UInt64, draws: Int = 2_000) -> CrisisForecast {
        CrisisForecast(
            scenario: "test-clash", draws: draws, seed: seed, levels: [0.1, 0.2, 0.3, 0.15, 0.15, 0.1], modal: 2,
            unilateral: 0.123456789012345, force: .init(mean: 10_637.25, p10: 10_270, p90: 11_005.5),
            daysToFirstArrival: nil,
            members: [MemberForecast(id: ActorID("KGZ"), position: 4.2, salience: 0.9, stance: .support,
                                     stances: .init(support: 0.7, abstain: 0.2, block: 0.1), contribution: 350.5,
                                     role: "requester", weight: 0.31)],
            drivers: [Driver(term: "obligation", effect: -0.25)],
            trigger: TriggerExplanation(cap: 5, coverage: "collective-defence", strength: 0.8, reasons: ["Article 4 applies"]),
            expectedLevel: 2.15, requesterSatisfaction: nil)
    }

    @Test(arguments: [0, 1, (1 << 53) + 1, UInt64.max] as [UInt64])
    func theWrittenJSONReadsBackIdentically(seed: UInt64) throws {
        let original = Self.forecast(seed: seed)
        let text = original.orderedJSON.rendered()
        let decoded = try JSONDecoder().decode(CrisisForecast.self, from: Data(text.utf8))
        #expect(decoded == original)
        // Codable's own encoding reads back too.
        let again = try JSONDecoder().decode(CrisisForecast.self, from: JSONEncoder().encode(original))
        #expect(again == original)
    }

    @Test func seedsAndCountsAreWrittenDigitForDigit() {
        let text = Self.forecast(seed: UInt64.max, draws: 9_007_199_254_740_993).orderedJSON.rendered(pretty: false)
        #expect(text.contains("\"seed\":18446744073709551615"))
        #expect(text.contains("\"draws\":9007199254740993"))
        #expect(!text.contains("e+"))
    }

    @Test func aSeedStoredInexactlyIsRefusedNotTrapped() {
        // 2^64 as a floating-point figure, as older stores wrote 2^64 - 1: no UInt64 holds it.
        let text = Self.forecast(seed: 1).orderedJSON.rendered(pretty: false)
            .replacingOccurrences(of: "\"seed\":1,", with: "\"seed\":1.8446744073709552e+19,")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CrisisForecast.self, from: Data(text.utf8)) }
        let small = text.replacingOccurrences(of: "1.8446744073709552e+19", with: "42.0")
        #expect((try? JSONDecoder().decode(CrisisForecast.self, from: Data(small.utf8)))?.seed == 42)
    }

    @Test func aForecastWithTheWrongNumberOfLevelsIsRefused() {
        let text = Self.forecast(seed: 1).orderedJSON.rendered(pretty: false)
            .replacingOccurrences(of: "\"levels\":[0.1,", with: "\"levels\":[")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CrisisForecast.self, from: Data(text.utf8)) }
    }
}
