import PactModel
import Testing

/// The model's date queries, on small hand-built values whose answers are known.
@Suite struct AsOfRuleTests {
    func day(_ text: String) -> Day { Day(iso: text)! }

    func observation(_ year: Int, population: Double) -> AttributeObservation {
        func s(_ v: Double) -> Sourced<Double> { Sourced(v, source: "test", year: year) }
        return AttributeObservation(year: year, population: s(population), gdp: s(1), militaryExpenditure: s(1),
                                    activePersonnel: s(1), regimeScore: s(50))
    }

    @Test func attributesTakeTheLatestObservationAtOrBeforeTheYearElseTheFirst() {
        let actor = Actor(id: "AAA", name: "A", kind: .state, capital: Coordinates(latitude: 0, longitude: 0),
                          observations: [observation(2010, population: 2), observation(2000, population: 1)])
        #expect(actor.attributes(in: 1995)?.year == 2000)
        #expect(actor.attributes(in: 2000)?.year == 2000)
        #expect(actor.attributes(in: 2009)?.year == 2000)
        #expect(actor.attributes(in: 2010)?.population.value == 2)
        #expect(actor.attributes(in: 2030)?.year == 2010)
    }

    @Test func intervalsIncludeTheirStartAndExcludeTheirEnd() {
        let interval = DayInterval(start: day("2006-08-16"), end: day("2012-12-19"))
        #expect(interval.contains(day("2006-08-16")))
        #expect(interval.contains(day("2012-12-18")))
        #expect(!interval.contains(day("2012-12-19")))
        #expect(DayInterval(start: day("2024-02-22")).contains(day("2999-01-01")))
    }

    @Test func statusOnADayComesFromTheCoveringInterval() {
        let memberships = [
            Membership(actor: "UZB", status: .member, interval: DayInterval(start: day("2006-08-16"), end: day("2012-12-19")), source: "t"),
            Membership(actor: "UZB", status: .suspended, interval: DayInterval(start: day("2012-12-19")), source: "t"),
            Membership(actor: "ARM", status: .frozen, interval: DayInterval(start: day("2024-02-22")), source: "t"),
        ]
        let organization = Organization(id: "X", name: "X", leadState: "RUS", headquarters: "M", articles: [],
            decisionRule: DecisionRule(kind: .consensus, optOutSince: day("2010-12-10"), description: "", source: ""),
            bodies: [], secretariesGeneral: [], memberships: memberships)
        #expect(organization.status(of: "UZB", on: day("2012-12-18")) == .member)
        #expect(organization.status(of: "UZB", on: day("2012-12-19")) == .suspended)
        #expect(organization.status(of: "UZB", on: day("2006-08-15")) == nil)
        #expect(organization.members(on: day("2024-06-01")).isEmpty)
        #expect(organization.parties(on: day("2024-06-01")) == ["ARM"])
    }

    @Test func greatCircleDistanceMatchesAHandComputedValue() {
        // Moscow to Dushanbe: about 2,990 km by the haversine formula on a 6,371 km sphere.
        let moscow = Coordinates(latitude: 55.7558, longitude: 37.6173)
        let dushanbe = Coordinates(latitude: 38.5598, longitude: 68.7870)
        #expect(abs(moscow.distance(to: dushanbe) - 2990) < 15)
        // A quarter of a meridian: pi/2 * 6371 km.
        #expect(abs(Coordinates(latitude: 0, longitude: 0).distance(to: Coordinates(latitude: 90, longitude: 0)) - 10007.5) < 0.1)
    }
}
