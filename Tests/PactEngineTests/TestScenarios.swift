import PactData
import PactEngine
import PactModel

/// Crisis scenarios written for the tests from the historical record (csto-facts section C),
/// described only by the scenario format's facts: nothing in the engine knows their ids.
enum TestScenarios {
    static func crisis(_ id: String, date: String, type: Crisis.CrisisType, location: ActorID,
                       territory: Crisis.Territory = .sovereign, requester: ActorID?, article: Int?,
                       belligerents: [ActorID]? = nil, adversary: Adversary, deaths: Double, days: Double = 14,
                       committed: Double? = nil) -> Scenario {
        Scenario(id: id, title: id, date: Day(iso: date)!, kind: .crisis,
                 crisis: Crisis(type: type, location: location, territory: territory, requester: requester, article: article,
                                belligerents: belligerents, adversary: adversary,
                                severity: Severity(deaths: deaths, displaced: 0, territoryKm2: 0), expectedDurationDays: days),
                 context: ContextOverrides(leadStateCommittedElsewhere: committed))
    }

    /// January 2022: invited help against unrest framed as foreign-backed terrorism.
    static func kazakhstan(requester: ActorID? = "KAZ", committed: Double? = nil) -> Scenario {
        crisis("test-kaz", date: "2022-01-05", type: .internalUnrest, location: "KAZ", requester: requester,
               article: requester == nil ? nil : 4, adversary: Adversary(kind: .internal, actor: nil, externalBacking: .alleged),
               deaths: 225, committed: committed)
    }

    /// September 2022: a non-member state attacks a member's recognised territory; Article 4 requested.
    static let armenia2022 = crisis("test-arm", date: "2022-09-13", type: .externalAggression, location: "ARM",
                                    requester: "ARM", article: 4,
                                    adversary: Adversary(kind: .state, actor: "AZE", externalBacking: .none), deaths: 280, days: 5)

    /// April 2021: a clash between two members.
    static let kyrgyzTajik = crisis("test-kgz-tjk", date: "2021-04-29", type: .borderClash, location: "KGZ", requester: nil,
                                    article: nil, belligerents: ["KGZ", "TJK"],
                                    adversary: Adversary(kind: .state, actor: "TJK", externalBacking: .none), deaths: 55, days: 4)

    /// Autumn 2020: fighting on contested territory outside any member's recognised borders.
    static let karabakh = crisis("test-karabakh", date: "2020-09-27", type: .externalAggression, location: "AZE",
                                 territory: .contested, requester: nil, article: nil, belligerents: ["ARM"],
                                 adversary: Adversary(kind: .state, actor: "AZE", externalBacking: .evident), deaths: 6500, days: 44)

    static func parameters() throws -> ParameterSet { try Embedded.defaultParameters() }
}
