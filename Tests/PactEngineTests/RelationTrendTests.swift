import Foundation
import PactModel
import Testing
@testable import PactEngine

/// The outlook's relation trends: hand-computed means and volatilities, and no look-ahead.
@Suite("Relation trends")
struct RelationTrendTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func relation(_ from: ActorID, _ to: ActorID, _ start: String, _ end: String?, _ affinity: Double) -> Relation {
        Relation(from: from, to: to, period: DayInterval(start: day(start), end: end.map(day)), affinity: affinity,
                 dependence: 0, evidence: "test", source: "test", year: day(start).year)
    }

    /// A–B: mean affinity 0.1 from 2000 to 2004, then 0.5; C–D: 0 throughout. A period that begins
    /// after the start (A–B at -1 from 2007) must not count.
    static let relations = [
        relation("A", "B", "2000-01-01", "2004-01-01", 0.2), relation("B", "A", "2000-01-01", "2004-01-01", 0.0),
        relation("A", "B", "2004-01-01", "2007-01-01", 0.6), relation("B", "A", "2004-01-01", "2007-01-01", 0.4),
        relation("A", "B", "2007-01-01", nil, -1), relation("B", "A", "2007-01-01", nil, -1),
        relation("C", "D", "2000-01-01", nil, 0), relation("D", "C", "2000-01-01", nil, 0),
    ]

    /// Window 2000-01-01 to 2006-01-01 (6.0015 years, cut at the data's first day although the
    /// lookback is 10): mean (0.1·1461 + 0.5·731) / 2192 = 0.23339; one change of 0.4, so 0.16 of
    /// squared changes; pooled rate 0.16 / (2 · 6.0015) = 0.013330 per pair-year; with 5 prior
    /// years, σ_AB = √((0.16 + 5·0.013330) / 11.0015) = 0.143533 and σ_CD = √(5·0.013330 / 11.0015) = 0.077835.
    @Test func meanAndVolatilityAreTheWindowsTimeWeightedMeanAndShrunkSquaredChanges() {
        let trends = RelationTrend.estimate(pairs: [("A", "B"), ("C", "D")], relations: Self.relations, before: Self.day("2006-01-01"),
                                            lookbackYears: 10, priorYears: 5)
        let ab = trends[0], cd = trends[1]
        #expect(abs(ab.current - 0.5) < 1e-12)
        #expect(abs(ab.windowYears - 6.001492) < 1e-6)
        #expect(abs(ab.historicalMean - 0.233394) < 1e-6)
        #expect(abs(ab.squaredChanges - 0.16) < 1e-12)
        #expect(abs(ab.volatility - 0.143533) < 1e-6)
        #expect(abs(cd.volatility - 0.077835) < 1e-6)
        #expect(cd.historicalMean == 0 && cd.current == 0 && cd.squaredChanges == 0)
    }

    /// A 3-year lookback from 2006 sees 2003–2006: (0.1·365 + 0.5·731) / 1096 = 0.366788.
    @Test func theLookbackCutsTheWindow() {
        let ab = RelationTrend.estimate(pairs: [("A", "B")], relations: Self.relations, before: Self.day("2006-01-01"),
                                        lookbackYears: 3, priorYears: 5)[0]
        #expect(abs(ab.historicalMean - 0.366788) < 1e-6)
        #expect(abs(ab.windowYears - 3.0) < 0.01)
    }

    /// A change on the start day is the start value, not history; before the data begin there is
    /// no history at all (no window, no volatility, the mean is the start value).
    @Test func aChangeOnTheStartDayIsTheStartValueAndNoDataMeansNoHistory() {
        let onChange = RelationTrend.estimate(pairs: [("A", "B")], relations: Self.relations, before: Self.day("2004-01-01"),
                                              lookbackYears: 10, priorYears: 5)[0]
        #expect(abs(onChange.current - 0.5) < 1e-12)
        #expect(onChange.squaredChanges == 0)
        #expect(abs(onChange.historicalMean - 0.1) < 1e-12)
        let early = RelationTrend.estimate(pairs: [("A", "B")], relations: Self.relations, before: Self.day("1999-06-01"),
                                           lookbackYears: 10, priorYears: 5)[0]
        #expect(early.windowYears == 0 && early.volatility == 0 && early.historicalMean == early.current)
        // Less than a year of data is no history either: a change days before the start must not
        // read as an enormous volatility.
        let short = RelationTrend.estimate(pairs: [("A", "B")], relations: Self.relations, before: Self.day("2000-08-01"),
                                           lookbackYears: 10, priorYears: 5)[0]
        #expect(short.windowYears == 0 && short.volatility == 0 && abs(short.current - 0.1) < 1e-12)
    }
}
