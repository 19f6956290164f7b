import Foundation
import PactData
import PactModel
import Testing

/// The built-in case library: it loads, every case has an outcome, and its make-up is the one
/// docs/CASES.md documents. A change to the library must change these figures on purpose.
@Suite struct CaseLibraryTests {
    let cases: [Scenario]

    init() throws {
        cases = try Embedded.cases(knownActors: scenarioTestActors)
    }

    @Test func everyCaseLoadsWithAnOutcome() {
        #expect(cases.count == 46)
        for scenario in cases {
            #expect(scenario.kind == .crisis, "\(scenario.id)")
            #expect(scenario.outcome != nil, "\(scenario.id) has no outcome")
            #expect(!(scenario.outcome?.sources.isEmpty ?? true), "\(scenario.id) has no sources")
        }
    }

    @Test func levelDistribution() {
        var counts = Array(repeating: 0, count: 6)
        for scenario in cases { counts[scenario.outcome!.level.rawValue] += 1 }
        // none, statement, consultations, mission, aid, deployment
        #expect(counts == [21, 18, 3, 3, 0, 1])
        #expect(cases.filter { $0.outcome!.unilateral }.count == 11)
    }

    @Test func theOnlyDeploymentIsKazakhstan2022() throws {
        let deployments = cases.filter { $0.outcome?.level == .deployment }
        #expect(deployments.map(\.id) == ["kaz-2022-01"])
        let kazakhstan = try #require(deployments.first)
        #expect(kazakhstan.crisis?.requester == "KAZ")
        #expect(kazakhstan.crisis?.article == 4)
        #expect(kazakhstan.outcome?.force == ForceOutcome(total: 2000, daysToFirstArrival: 1))
    }

    @Test func armeniasArticleFourRequestGotAMission() throws {
        let armenia = try #require(cases.first { $0.id == "arm-2022-09" })
        #expect(armenia.crisis?.requester == "ARM")
        #expect(armenia.crisis?.article == 4)
        #expect(armenia.crisis?.adversary.actor == "AZE")
        #expect(armenia.outcome?.level == .mission)
    }

    @Test func warsWagedByTheLeadStateAreUnilateralAndCollectivelyIgnored() {
        // Georgia 2008, Ukraine 2014/2022 and the Kursk incursion 2024: Russia is the belligerent member.
        let russianWars = cases.filter { $0.crisis?.belligerents == ["RUS"] }
        #expect(russianWars.map(\.id) == ["geo-2008-08", "rus-2024-08", "ukr-2014-02", "ukr-2022-02"])
        #expect(russianWars.allSatisfy { $0.outcome!.unilateral })
        #expect(russianWars.allSatisfy { $0.outcome!.level <= .statement })
    }

    @Test func fileNamesAreIds() {
        let names = Embedded.yamlFiles(in: "Cases").map { $0.deletingPathExtension().lastPathComponent }
        #expect(names == cases.map(\.id))
    }
}

@Suite struct CaseRulesTests {
    let loader = ScenarioLoader(knownActors: scenarioTestActors)

    @Test func aScenarioWithoutOutcomeIsNotACase() throws {
        let scenario = try loader.load(text: validCrisisYAML, file: "x.yaml")
        let problems = CaseRules.problems(in: scenario, file: "x.yaml")
        #expect(problems.map(\.field) == ["outcome"])
    }

    @Test func anIssueIsNotACase() throws {
        let scenario = try loader.load(text: validIssueYAML, file: "i.yaml")
        #expect(CaseRules.problems(in: scenario, file: "i.yaml").map(\.field) == ["kind"])
    }

    @Test func aDeploymentNeedsItsForce() throws {
        let withoutForce = validCrisisYAML + """
            outcome:
              level: 5
              unilateral: false
              summary: deployed
              sources: ["x"]

            """
        let scenario = try loader.load(text: withoutForce, file: "d.yaml")
        #expect(CaseRules.problems(in: scenario, file: "d.yaml").map(\.field) == ["outcome.force"])
        let withForce = withoutForce.replacingOccurrences(
            of: "  unilateral: false\n", with: "  unilateral: false\n  force: {total: 2030, days_to_first_arrival: 1}\n")
        let complete = try loader.load(text: withForce, file: "d.yaml")
        #expect(CaseRules.problems(in: complete, file: "d.yaml").isEmpty)
    }
}
