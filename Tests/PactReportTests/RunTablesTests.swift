import PactEngine
import PactModel
import Testing
@testable import PactReport

/// The run tables: exact exports, withheld conditional figures, the legend, shared chart scales.
@Suite struct RunTablesTests {
    /// A forecast where `deployments` of `draws` draws end in a deployment.
    static func forecast(draws: Int, deployments: Int) -> CrisisForecast {
        var f = CrisisForecastCodableTests.forecast(seed: 1, draws: draws)
        let p5 = Double(deployments) / Double(draws)
        f.levels = [0.5 - p5, 0.2, 0.1, 0.1, 0.1, p5]
        return f
    }

    @Test func deploymentDrawsAreCountedFromTheLevelFive() {
        #expect(DeploymentBasis(Self.forecast(draws: 10_000, deployments: 2)).draws == 2)
        #expect(DeploymentBasis(Self.forecast(draws: 3_000, deployments: 1_234)).draws == 1_234)
        #expect(DeploymentBasis(Self.forecast(draws: 2_000, deployments: 0)).withheldReason == "no draw ends in a deployment")
    }

    @Test func figuresFromTooFewDrawsAreWithheldOnDisplaysAndKeptInExports() throws {
        let few = Self.forecast(draws: 10_000, deployments: 2)
        let display = RunTables.forecasts([few])
        #expect(display.rows[0][10] == "2")
        #expect(display.rows[0][11] == "withheld")
        #expect(DeploymentBasis(few).forceText(few).contains("only 2 draws end in a deployment"))
        let export = RunTables.forecasts([few], style: .export)
        #expect(export.rows[0][11] == "10637.25")
        #expect(RunTables.members([few]).rows[0][10] == "withheld")

        let many = Self.forecast(draws: 10_000, deployments: 300)
        #expect(RunTables.forecasts([many]).rows[0][11] == "10637")
        #expect(DeploymentBasis(many).forceText(many) == "10,637 troops (10th-90th percentile 10,270-11,006) over 300 deployment draws")
    }

    @Test func theBoundaryIsThirtyDraws() {
        #expect(!DeploymentBasis(Self.forecast(draws: 1_000, deployments: 29)).isShown)
        #expect(DeploymentBasis(Self.forecast(draws: 1_000, deployments: 30)).isShown)
    }

    @Test func exportsKeepEveryDigitAndLeaveMissingValuesEmpty() {
        var f = Self.forecast(draws: 3, deployments: 0)
        f.force = nil
        let row = RunTables.forecasts([f], style: .export).rows[0]
        #expect(row[7] == "2")
        #expect(row[8] == "0.123456789012345")
        #expect(row[11] == "" && row[12] == "")
        #expect(RunTables.triggers([f]).rows[0][5] == "")
    }

    @Test func theLegendNamesEveryRungAndTheConditionalColumns() {
        for level in ResponseLevel.allCases { #expect(RunTables.legend.contains("P\(level.rawValue) \(level.name)")) }
        #expect(RunTables.legend.contains("deployment draws"))
        #expect(RunTables.forecasts([]).columns.map(\.title).contains("force (troops, if deployed)"))
    }

    @Test func comparedLaddersShareOneScale() {
        let low = Self.forecast(draws: 1_000, deployments: 0)
        var high = low
        high.levels = [0.9, 0.02, 0.02, 0.02, 0.02, 0.02]
        #expect(LadderChart.sharedTop([low, high]) == 1)
        let a = LadderChart(low, top: 1).render().svg, b = LadderChart(high, top: 1).render().svg
        // The same tick labels on both axes.
        #expect(a.contains(">100%<") && b.contains(">100%<"))
        #expect(!LadderChart(low).render().svg.contains(">100%<"))
    }
}

/// Bargaining convergence: movement per round, the warning, the stop rule.
@Suite struct BargainingConvergenceTests {
    static func run(_ positions: [[Double]]) -> BargainingRun {
        let actors = positions[0].indices.map { BargainingActor(name: "A\($0)", capability: 1, position: positions[0][$0], salience: 1) }
        let rounds = positions.enumerated().map { k, p in
            BargainingRound(round: k, positions: p, risk: p.map { _ in 1 }, expectedUtility: nil, offers: [], moves: [], median: p.sorted()[p.count / 2], mean: p.reduce(0, +) / Double(p.count))
        }
        return BargainingRun(variant: .scholz, actors: actors, range: 10, rounds: rounds)
    }

    @Test func movementIsTheLargestShiftAsAShareOfTheRange() {
        let c = BargainingConvergence(Self.run([[0, 5, 10], [1, 5, 8], [1, 5.05, 8], [1, 5.05, 8]]))
        #expect(c.movement.count == 3)
        #expect(abs(c.movement[0] - 0.2) < 1e-12)
        #expect(abs(c.movement[1] - 0.005) < 1e-12)
        #expect(c.movement[2] == 0)
        #expect(c.isSettled && c.settledFrom == 2 && c.warning == nil)
        #expect(BargainingConvergence.stopped(Self.run([[0, 5, 10], [1, 5, 8], [1, 5.05, 8], [1, 5.05, 8]])).rounds.count == 3)
    }

    @Test func aRunStillMovingIsFlagged() {
        let c = BargainingConvergence(Self.run([[0, 5, 10], [1, 5, 8], [2, 5, 6]]))
        #expect(!c.isSettled)
        #expect(c.warning?.hasPrefix("Not settled: in the last round positions still moved up to 20.0% of the range") == true)
        #expect(BargainingConvergence.stopped(Self.run([[0, 5, 10], [1, 5, 8], [2, 5, 6]])).rounds.count == 3)
    }
}
