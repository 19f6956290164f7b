import PactData
import PactEngine
import PactModel
import PactReport
import Testing

/// The bargaining documents `pact bargain`, `pact run` and `POST /api/bargain` share, on a run
/// small enough to check by hand.
@Suite("Bargaining JSON and names")
struct BargainingJSONTests {
    /// Three actors on a 0-100 scale. Weights are capability x salience: 1 x 1, 2 x 0.5, 3 x 0.8
    /// = 1, 1, 2.4, so the round-0 weighted mean is (0 + 100 + 40 x 2.4) / 4.4 = 196 / 4.4 =
    /// 44.5454...; the median is RUS's 40 (the middle position beats both ends in a pairwise vote:
    /// 1 + 2.4 against 1 on one side, 1 + 2.4 against 1 on the other); the range is 100 - 0.
    static let actors = [
        BargainingActor(name: "A", capability: 1, position: 0, salience: 1),
        BargainingActor(name: "B", capability: 2, position: 100, salience: 0.5),
        BargainingActor(name: "RUS", capability: 3, position: 40, salience: 0.8),
    ]

    static func run(rounds: Int) throws -> BargainingRun {
        try BargainingModel(actors: actors, variant: .scholz).run(rounds: rounds)
    }

    @Test func roundZeroIsTheInitialStateByActorName() throws {
        let run = try Self.run(rounds: 0)
        #expect(abs(run.final.mean - 196 / 4.4) < 1e-12)
        #expect(BargainingJSON.run(run).rendered(pretty: false) == """
            {"variant":"scholz","range":100,"rounds":[{"round":0,"median":40,"mean":\(run.final.mean),\
            "positions":{"A":0,"B":100,"RUS":40},"risk":{"A":1,"B":1,"RUS":1},"moves":[]}]}
            """)
    }

    @Test func theServerAnswerPutsTheQuestionAndTheForecastBeforeTheRounds() throws {
        let run = try Self.run(rounds: 4)
        guard case .object(let members) = BargainingJSON.answer(run, scenario: nil) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["scenario", "question", "variant", "range", "median", "mean", "rounds"])
        #expect(members[0].value == .null && members[1].value == .null)
        #expect(members[4].value == .number(run.final.median))
        #expect(members[5].value == .number(run.final.mean))
        // The rounds are the same array pact bargain writes.
        guard case .object(let plain) = BargainingJSON.run(run) else { return }
        #expect(members[6].value == plain[2].value)
        if case .array(let rounds) = members[6].value { #expect(rounds.count == 5) }
    }

    @Test func anIssueForecastWrapsPactBargainsDocument() throws {
        let scenario = try #require(try Embedded.scenarios().first { $0.id == "csto-nato-contacts-2026" })
        let question = try #require(scenario.issue?.question)
        #expect(question.hasPrefix("Should the CSTO restore working contacts with NATO"))
        let run = try Self.run(rounds: 2)
        let json = BargainingJSON.issueForecast(run, scenario: scenario)
        #expect(json == .object([
            "scenario": .string("csto-nato-contacts-2026"),
            "question": .string(question),
            "median": .number(run.final.median),
            "mean": .number(run.final.mean),
            "bargaining": BargainingJSON.run(run),
        ]))
    }

    @Test func datasetActorsAreShownByNameOthersByTheirInputName() throws {
        let run = try Self.run(rounds: 1)
        #expect(run.displayNames(in: try Embedded.dataset()) == ["A", "B", "Russia"])
    }

    @Test func theTrajectoryUsesTheIssueScaleOrElseTheSpanOfThePositions() throws {
        let run = try Self.run(rounds: 3)
        let names = ["A", "B", "Russia"]
        let unscaled = BargainingTrajectory(run, names: names, scale: nil)
        #expect(unscaled.actors == names)
        #expect(unscaled.rounds.map(\.round) == [0, 1, 2, 3])
        #expect(unscaled.rounds[0].positions == [0, 100, 40])
        #expect(unscaled.scaleMin == 0 && unscaled.scaleMax == 100)
        #expect(unscaled.minLabel.isEmpty && unscaled.maxLabel.isEmpty)
        let scaled = BargainingTrajectory(run, names: names,
                                          scale: Scale(min: -50, max: 150, minLabel: "none", maxLabel: "all"))
        #expect(scaled.scaleMin == -50 && scaled.scaleMax == 150 && scaled.minLabel == "none" && scaled.maxLabel == "all")
    }
}
