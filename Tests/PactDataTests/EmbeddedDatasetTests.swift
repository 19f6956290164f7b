import Foundation
import PactModel
import Testing

@testable import PactData

/// Facts about the CSTO's membership the embedded dataset must reproduce (csto-facts.md A1-A2).
@Suite struct MembershipTests {
    let organization: Organization
    init() throws { organization = try Embedded.dataset().organization }

    func day(_ text: String) -> Day { Day(iso: text)! }

    @Test func uzbekistanIsAMemberIn2012AndSuspendedAfterTheCouncilsDecision() {
        #expect(organization.status(of: "UZB", on: day("2012-06-01")) == .member)
        #expect(organization.members(on: day("2012-06-01")).contains("UZB"))
        #expect(organization.status(of: "UZB", on: day("2013-01-01")) == .suspended)
        #expect(!organization.members(on: day("2013-01-01")).contains("UZB"))
        // Out between the 1999 exit and the 2006 return.
        #expect(organization.status(of: "UZB", on: day("2003-01-01")) == .former)
    }

    @Test func armeniaIsFrozenFromFebruary2024() {
        #expect(organization.status(of: "ARM", on: day("2024-06-01")) == .frozen)
        #expect(!organization.members(on: day("2024-06-01")).contains("ARM"))
        #expect(organization.parties(on: day("2024-06-01")).contains("ARM"))
        #expect(organization.status(of: "ARM", on: day("2024-02-21")) == .member)
    }

    @Test func azerbaijanWasAMemberUntilThe1999Exit() {
        #expect(organization.status(of: "AZE", on: day("1995-01-01")) == .member)
        #expect(organization.status(of: "AZE", on: day("2000-01-01")) == .former)
        #expect(!organization.members(on: day("2000-01-01")).contains("AZE"))
        #expect(organization.status(of: "GEO", on: day("1999-04-19")) == .member)
        #expect(organization.status(of: "GEO", on: day("1999-04-20")) == .former)
    }

    @Test func sevenMembersInMid2012SixFoundersAndBelarusBefore() {
        #expect(organization.members(on: day("2012-06-01")) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"])
        #expect(organization.members(on: day("2000-01-01")) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"])
        #expect(organization.members(on: day("2024-06-01")) == ["BLR", "KAZ", "KGZ", "RUS", "TJK"])
        // Before Belarus acceded on 31 Dec 1993.
        #expect(organization.status(of: "BLR", on: day("1993-12-30")) == nil)
    }

    @Test func decisionRuleAndSecretariesGeneral() {
        #expect(organization.decisionRule.kind == .consensus)
        #expect(!organization.decisionRule.allowsOptOut(on: day("2010-12-09")))
        #expect(organization.decisionRule.allowsOptOut(on: day("2010-12-10")))
        #expect(organization.secretaryGeneral(on: day("2010-01-01"))?.name == "Nikolai Bordyuzha")
        #expect(organization.secretaryGeneral(on: day("2021-06-01"))?.name == "Stanislav Zas")
        #expect(organization.secretaryGeneral(on: day("2024-06-01"))?.state == "KAZ")
        #expect(organization.article(4)?.obliges.contains("request") == true)
        #expect(organization.leadState == "RUS")
    }
}

@Suite struct DatasetContentTests {
    let dataset: Dataset
    init() throws { dataset = try Embedded.dataset() }
    static let actors: [ActorID] = ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO", "AFG", "TUR", "CHN",
                                    "USA", "UKR", "IRN"]

    @Test func theFifteenActorsAreThereWithTheRequiredYears() {
        #expect(Set(dataset.actors.keys) == Set(Self.actors))
        let required = [2000, 2005, 2008, 2010, 2012, 2014, 2018, 2020, 2021, 2022, 2023, 2024]
        for actor in dataset.actors.values {
            let years = Set(actor.observations.map(\.year))
            #expect(Set(required).isSubset(of: years), "\(actor.id) lacks \(Set(required).subtracting(years).sorted())")
        }
    }

    /// Walks every number in the dataset: each has a non-empty source and a year in 1990...2026.
    @Test func everyNumberHasASourceAndAPlausibleYear() {
        var checked = 0
        func check<T>(_ value: Sourced<T>, _ what: String) {
            checked += 1
            #expect(!value.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(what) has no source")
            #expect((1990...2026).contains(value.year), "\(what) has year \(value.year)")
        }
        for actor in dataset.actors.values {
            for observation in actor.observations {
                let label = "\(actor.id) \(observation.year)"
                check(observation.population, "\(label) population")
                check(observation.gdp, "\(label) gdp")
                check(observation.militaryExpenditure, "\(label) military expenditure")
                check(observation.activePersonnel, "\(label) personnel")
                check(observation.regimeScore, "\(label) regime score")
                // The observation never claims a figure from a later year than its own.
                #expect(observation.population.year <= observation.year || observation.year == actor.observations[0].year)
            }
        }
        for force in dataset.forces {
            for size in force.sizes { check(size, "\(force.id) size") }
            for contribution in force.contributions { check(contribution.size, "\(force.id) \(contribution.actor)") }
        }
        for base in dataset.bases {
            check(base.personnel, "\(base.id) personnel")
            #expect(!base.source.isEmpty && !base.legalBasis.isEmpty)
        }
        for event in dataset.context {
            if let share = event.leadStateCommittedElsewhere { check(share, "\(event.id) committed share") }
            #expect(!event.source.isEmpty)
        }
        for relation in dataset.relations {
            check(Sourced(relation.affinity, source: relation.source, year: relation.year), "\(relation.from)->\(relation.to)")
            #expect(!relation.evidence.isEmpty)
        }
        for membership in dataset.organization.memberships { #expect(!membership.source.isEmpty) }
        #expect(checked > 15 * 12 * 5)
    }

    /// Every ordered pair's periods tile time exactly from 1999-01-01 with no gap and no overlap,
    /// and a snapshot on the first of every month has a relation for every ordered pair.
    @Test func everyOrderedPairHasARelationOnEveryDayFrom1999() {
        let start = Day(year: 1999, month: 1, day: 1)!
        let byPair = Dictionary(grouping: dataset.relations, by: { ActorPair($0.from, $0.to) })
        for from in Self.actors {
            for to in Self.actors where from != to {
                let periods = (byPair[ActorPair(from, to)] ?? []).sorted { $0.period.start < $1.period.start }
                #expect(periods.first?.period.start == start, "\(from)->\(to) does not start on 1999-01-01")
                for (a, b) in zip(periods, periods.dropFirst()) {
                    #expect(a.period.end == b.period.start, "\(from)->\(to) has a gap or overlap at \(b.period.start)")
                }
                #expect(periods.last?.period.end == nil, "\(from)->\(to) ends")
                for relation in periods {
                    #expect((-1...1).contains(relation.affinity) && (0...1).contains(relation.dependence))
                }
            }
        }
        var month = start
        let today = Day(year: 2026, month: 12, day: 1)!
        while month <= today {
            let snapshot = dataset.snapshot(on: month)
            for from in Self.actors {
                for to in Self.actors where from != to {
                    #expect(snapshot.relation(from: from, to: to) != nil, "no \(from)->\(to) on \(month)")
                }
            }
            month = month.month == 12 ? Day(year: month.year + 1, month: 1, day: 1)! : Day(year: month.year, month: month.month + 1, day: 1)!
        }
    }

    @Test func relationsMoveWhereHistoryDid() {
        func affinity(_ a: ActorID, _ b: ActorID, _ date: String) -> Double {
            dataset.snapshot(on: Day(iso: date)!).affinity(from: a, to: b)
        }
        #expect(affinity("ARM", "RUS", "2017-01-01") > affinity("ARM", "RUS", "2019-01-01"))
        #expect(affinity("ARM", "RUS", "2019-01-01") > affinity("ARM", "RUS", "2024-06-01"))
        #expect(affinity("GEO", "RUS", "2008-09-01") < -0.8)
        #expect(affinity("UKR", "RUS", "2022-03-01") == -1)
        #expect(affinity("UZB", "RUS", "2007-01-01") > affinity("UZB", "RUS", "2013-01-01"))
        // Members' ties to Azerbaijan and Turkey are positive: the evidence behind the CSTO's silence in 2022.
        for member: ActorID in ["KAZ", "BLR", "KGZ", "TJK"] {
            #expect(affinity(member, "AZE", "2022-09-13") > 0, "\(member) toward AZE")
        }
        #expect(affinity("KAZ", "TUR", "2022-09-13") > 0)
        #expect(dataset.snapshot(on: Day(iso: "2020-01-01")!).dependence(from: "TJK", to: "RUS") >= 0.7)
    }

    @Test func attributesFollowTheAsOfRule() throws {
        let russia = try #require(dataset.actors["RUS"])
        // Every year 1999-2024 is observed; WDI's personnel series ends in 2020, so later years
        // carry the 2020 figure forward with its own year.
        let in2023 = try #require(russia.attributes(in: 2023))
        #expect(in2023.year == 2023 && in2023.gdp.year == 2023)
        #expect(in2023.activePersonnel.year == 2020 && in2023.activePersonnel.value == 1_454_000)
        // Before the first observation, the first one.
        #expect(russia.attributes(in: 1995)?.year == 1999)
        // SIPRI's figures (US$ m, 2025 release) in whole dollars.
        #expect(russia.attributes(in: 2024)?.militaryExpenditure.value == 148_967_275_140)
        #expect(dataset.actors["ARM"]?.attributes(in: 2023)?.militaryExpenditure.value == 1_326_245_679)
        // V-Dem's electoral democracy index on the model's 0-100 scale, with its bounds.
        #expect(russia.attributes(in: 2020)?.regimeScore.value == 25.6)
        #expect(russia.attributes(in: 2020)?.regimeScoreBounds == 22.5...28.2)
        // Magnitudes: Russia's GDP in 2012 above a trillion dollars, Tajikistan's below 10 billion.
        #expect(try #require(russia.attributes(in: 2012)).gdp.value > 1e12)
        #expect(try #require(dataset.actors["TJK"]?.attributes(in: 2012)).gdp.value < 1e10)
    }

    @Test func forcesBasesAndContext() throws {
        let snapshot = dataset.snapshot(on: Day(iso: "2022-01-06")!)
        let crrf = try #require(snapshot.forces.first { $0.force.id == "crrf" })
        #expect(crrf.size.value == 18000)
        #expect(crrf.contributions.map(\.size.value).reduce(0, +) == 18000)
        #expect(dataset.snapshot(on: Day(iso: "2008-06-01")!).forces.allSatisfy { $0.force.id != "crrf" })
        #expect(snapshot.bases(hostedBy: "TJK").map(\.id) == ["dushanbe-201"])
        #expect(dataset.snapshot(on: Day(iso: "2010-01-01")!).bases(hostedBy: "KGZ").contains { $0.user == "USA" })
        #expect(!snapshot.bases(hostedBy: "KGZ").contains { $0.user == "USA" })
        #expect(dataset.snapshot(on: Day(iso: "2022-03-01")!).leadStateCommittedElsewhere == 0.55)
        // The largest share in force wins: mobilisation from 21 Sep 2022 on top of the invasion.
        #expect(dataset.snapshot(on: Day(iso: "2023-06-01")!).leadStateCommittedElsewhere == 0.8)
        #expect(dataset.snapshot(on: Day(iso: "2008-08-10")!).leadStateCommittedElsewhere == 0.1)
        #expect(dataset.snapshot(on: Day(iso: "2012-06-01")!).leadStateCommittedElsewhere == 0)
    }
}
