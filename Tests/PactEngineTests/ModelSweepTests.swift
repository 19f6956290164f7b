import Foundation
import PactData
import PactModel
import Testing
@testable import PactEngine

/// Sweeps of the bargaining model (issue scenarios) and of the cohesion outlook: each point's
/// outputs are exactly what the model gives when its inputs are set by hand to the point.
@Suite("Sweeps of issues and of the outlook")
struct ModelSweepTests {
    /// Three stakeholders on a 0–100 scale, worked out by hand below.
    static let trio = IssueSweep.Case(actors: [
        BargainingActor(name: "A", capability: 50, position: 20, salience: 0.9),
        BargainingActor(name: "B", capability: 30, position: 60, salience: 0.5),
        BargainingActor(name: "C", capability: 20, position: 95, salience: 0.3),
    ], scale: 0...100)

    @Test func issueParametersAreShiftsAndFactorsSharedAcrossScenarios() throws {
        let other = IssueSweep.Case(actors: [
            BargainingActor(name: "B", capability: 10, position: 1, salience: 1),
            BargainingActor(name: "D", capability: 10, position: 5, salience: 1),
        ], scale: 0...10)
        let all = try IssueSweep.parameters(for: [Self.trio, other], spreads: .standard, only: [], except: [])
        // Every stakeholder once, in order of first appearance, three inputs each.
        #expect(all.map(\.name) == ["A", "B", "C", "D"].flatMap { ["\($0).position", "\($0).salience", "\($0).capability"] })
        #expect(all[0] == SweepParameter(name: "A.position", low: -0.1, high: 0.1, defaultValue: 0))
        #expect(all[1] == SweepParameter(name: "A.salience", low: -0.2, high: 0.2, defaultValue: 0))
        #expect(all[2] == SweepParameter(name: "A.capability", low: 0.75, high: 1.25, defaultValue: 1))
        // A spread of 0 leaves that input out; only/except select by name; unknown names are refused.
        let positions = try IssueSweep.parameters(for: [Self.trio], spreads: .init(position: 0.05, salience: 0, capability: 0),
                                                  only: [], except: ["B.position"])
        #expect(positions.map(\.name) == ["A.position", "C.position"])
        #expect(throws: SweepError.self) {
            try IssueSweep.parameters(for: [Self.trio], spreads: .standard, only: ["Z.position"], except: [])
        }
        #expect(throws: SweepError.self) {
            try IssueSweep.parameters(for: [Self.trio], spreads: .init(position: 2, salience: 0, capability: 0), only: [], except: [])
        }
    }

    @Test func issuePointsSetTheStakeholdersInputs() throws {
        let other = IssueSweep.Case(actors: [
            BargainingActor(name: "B", capability: 10, position: 1, salience: 1),
            BargainingActor(name: "D", capability: 10, position: 5, salience: 1),
        ], scale: 0...10)
        let sweep = try IssueSweep(cases: [Self.trio, other], rounds: 4)
        let all = try IssueSweep.parameters(for: [Self.trio, other], spreads: .standard, only: [], except: [])
        var point = all.map(\.defaultValue)
        // B 10% of the scale higher, C's salience up 0.2, A's capability × 1.25.
        point[3] = 0.1
        point[7] = 0.2
        point[2] = 1.25
        let trio = sweep.actors(parameters: all, point: point, scenario: 0)
        #expect(trio.map(\.position) == [20, 70, 95])
        #expect(trio.map(\.salience) == [0.9, 0.5, 0.5])
        #expect(trio.map(\.capability) == [62.5, 30, 20])
        // The same B.position shift is 10% of the other issue's 0–10 scale: one point.
        #expect(sweep.actors(parameters: all, point: point, scenario: 1).map(\.position) == [2, 5])
        // Kept on the scale and salience kept in 0...1.
        point[6] = 0.1  // C at 95 + 10 → 100
        point[1] = 0.2  // A's 0.9 + 0.2 → 1
        let clamped = sweep.actors(parameters: all, point: point, scenario: 0)
        #expect(clamped[2].position == 100)
        #expect(clamped[0].salience == 1)
        // The outputs are the bargaining model's on those inputs.
        let outputs = try sweep.evaluate(parameters: all, point: point, scenario: 0, draws: 1, seed: 1)
        let run = try BargainingModel(actors: clamped, variant: .scholz).run(rounds: 4)
        #expect(outputs == [run.final.median, run.final.mean, run.final.median - run.rounds[0].median])
        // At the defaults: the file's stakeholders exactly.
        #expect(sweep.actors(parameters: all, point: all.map(\.defaultValue), scenario: 0) == Self.trio.actors)
    }

    @Test func issueSweepOfABuiltInScenarioSplitsIntoShardsExactly() throws {
        let scenario = try #require(try Embedded.scenarios().first { $0.kind == .issue })
        let issue = try #require(scenario.issue)
        let capability = try Embedded.dataset().snapshot(on: scenario.date).capabilityIndex
        let c = IssueSweep.Case(actors: try BargainingActor.actors(for: issue, capabilityIndex: capability),
                                scale: issue.scale.min...issue.scale.max)
        let sweep = try IssueSweep(cases: [c], rounds: 10)
        let free = try IssueSweep.parameters(for: [c], spreads: .standard, only: [], except: [])
        let spec = SweepSpec(model: .issue(rounds: 10), method: .morris(trajectories: 3, levels: 4), parameters: free,
                             scenarios: [scenario.id], outputs: IssueSweep.outputs, draws: 1, seed: 3)
        let plan = try SweepPlan(spec: spec)
        let whole = try sweep.run(plan, tasks: 0..<plan.taskCount, threads: 2)
        var pieces: [[Double]] = []
        for k in 0..<3 { pieces += try sweep.run(plan, tasks: plan.shardRange(k, of: 3), threads: 1) }
        #expect(pieces == whole)
        // The issue model and its rounds are part of the sweep's identity.
        var other = spec
        other.model = .issue(rounds: 11)
        #expect(other.fingerprint != spec.fingerprint)
    }

    @Test func outlookPointsRunTheOutlookWithThoseConstants() throws {
        let dataset = try Embedded.dataset()
        let cases = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let from = Day(iso: "2026-01-01")!, to = Day(iso: "2029-01-01")!
        let window = try #require(OutlookSetup.caseWindow(cases: cases, before: from))
        let parameters = try Embedded.defaultParameters()
        let sweep = try OutlookSweep(dataset: dataset, from: from, horizons: [to], cases: cases, caseWindow: window,
                                     crisisParameters: parameters)
        let free = try OutlookSweep.parameters(only: ["crisis_learning", "leave_threshold"], except: [])
        #expect(free == [SweepParameter(name: "crisis_learning", low: 0.2, high: 0.5, defaultValue: 0.35),
                         SweepParameter(name: "leave_threshold", low: 0.15, high: 0.3, defaultValue: 0.25)])
        #expect(sweep.outputs.prefix(3) == ["expected full members", "mean cohesion", "expected deployments"])
        #expect(sweep.outputs.contains("P(KAZ full)") && !sweep.outputs.contains("P(RUS full)"))
        let point = [0.5, 0.15]
        let outputs = try sweep.evaluate(parameters: free, point: point, scenario: 0, draws: 60, seed: 11)
        var constants = OutlookParameters()
        constants.crisisLearning = 0.5
        constants.leaveThreshold = 0.15
        let setup = try OutlookSetup(dataset: dataset, from: from, to: to, cases: cases, caseWindow: window,
                                     crisisParameters: parameters, parameters: constants, seed: 11)
        let direct = Outlook.run(setup, runs: 60, seed: 11, threads: 1)
        #expect(outputs[0] == direct.fan.last!.fullMembers.mean)
        #expect(outputs[1] == direct.fan.last!.cohesion.mean)
        #expect(outputs[2] == direct.expectedDeployments)
        let kaz = try #require(sweep.outputs.firstIndex(of: "P(KAZ full)"))
        #expect(outputs[kaz] == direct.member(ActorID("KAZ"))!.full)
        // Every swept range lies inside what the constant may take, and the thresholds keep
        // their order at every point of the ranges.
        for entry in OutlookParameters.sweepRanges {
            if let allowed = OutlookParameters.allowedValues(of: entry.name) {
                #expect(allowed.range.contains(entry.range.lowerBound) && allowed.range.contains(entry.range.upperBound), "\(entry.name)")
            }
        }
        let range = Dictionary(uniqueKeysWithValues: OutlookParameters.sweepRanges.map { ($0.name, $0.range) })
        #expect(range["leave_threshold"]!.upperBound < range["disengage_threshold"]!.lowerBound)
        #expect(range["disengage_threshold"]!.upperBound < range["reengage_threshold"]!.lowerBound)
        #expect(throws: SweepError.self) { try OutlookSweep.parameters(only: ["step_years"], except: []) }
    }
}
