import Foundation
import PactData
import PactModel
import Testing
@testable import PactEngine

/// The sweep designs and estimators against functions whose sensitivity indices are known in
/// closed form, and the task list's promise that any split into shards gives the same numbers.
@Suite("Sensitivity sweeps")
struct SweepTests {
    /// Ishigami and Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [-π, π]³. With a = 7,
    /// b = 0.1: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
    /// VT3 = 8b²π⁸/225, so S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437.
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }
    static let cube = (1...3).map { SweepParameter(name: "x\($0)", low: -Double.pi, high: Double.pi, defaultValue: 0) }

    static func analyse(_ method: SweepMethod, _ parameters: [SweepParameter], seed: UInt64 = 7,
                        _ f: @escaping @Sendable ([Double]) -> Double) throws -> SweepAnalysis {
        let spec = SweepSpec(method: method, parameters: parameters, scenarios: ["f"], outputs: ["y"], draws: 1, seed: seed)
        let plan = try SweepPlan(spec: spec)
        let results = try plan.run(0..<plan.taskCount, threads: 2) { point, _, _ in [f(point)] }
        return try SweepAnalysis(plan: plan, results: results)
    }

    @Test func ishigamiClosedForm() {
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        #expect(abs(0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5) / v - 0.3139) < 5e-4)
        #expect(abs(a * a / 8 / v - 0.4424) < 5e-4)
        #expect(abs(8 * b * b * pi8 / 225 / v - 0.2437) < 5e-4)
    }

    @Test func sobolReproducesIshigamiIndices() throws {
        let analysis = try Self.analyse(.sobol(baseSamples: 16_384, bootstrap: 100), Self.cube, Self.ishigami)
        guard case .sobol(let s) = analysis.cells[0][0].measures else { Issue.record("not a Sobol result"); return }
        let first = [0.3139, 0.4424, 0.0], total = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            #expect(abs(s[i].first - first[i]) < 0.03, "S1 of x\(i + 1): \(s[i].first)")
            #expect(abs(s[i].total - total[i]) < 0.03, "ST of x\(i + 1): \(s[i].total)")
            let fi = try #require(s[i].firstInterval), ti = try #require(s[i].totalInterval)
            #expect(fi.contains(s[i].first) && ti.contains(s[i].total))
            #expect(fi.upperBound - fi.lowerBound < 0.1 && ti.upperBound - ti.lowerBound < 0.1)
        }
    }

    @Test func sobolOfAnAdditiveFunctionSplitsVarianceByCoefficients() throws {
        // f = 3 x1 + x2 with uniform x on [0, 1]: V1 : V2 = 9 : 1, no interactions.
        let p = (1...3).map { SweepParameter(name: "x\($0)", low: 0, high: 1, defaultValue: 0.5) }
        let analysis = try Self.analyse(.sobol(baseSamples: 8_192, bootstrap: 0), p) { 3 * $0[0] + $0[1] }
        guard case .sobol(let s) = analysis.cells[0][0].measures else { Issue.record("not a Sobol result"); return }
        #expect(abs(s[0].first - 0.9) < 0.02 && abs(s[0].total - 0.9) < 0.02)
        #expect(abs(s[1].first - 0.1) < 0.02 && abs(s[1].total - 0.1) < 0.02)
        #expect(abs(s[2].first) < 1e-12 && s[2].total == 0)
        #expect(s[0].firstInterval == nil)
    }

    @Test func morrisElementaryEffectsOfALinearFunction() throws {
        // f = 2 x1 - 5 x2 + 0 x3 + x4, ranges of different widths: every elementary effect of
        // x_i is c_i (high_i - low_i) exactly, so μ* = |c_i| w_i, μ = c_i w_i and σ = 0.
        let c = [2.0, -5, 0, 1]
        let p = [SweepParameter(name: "a", low: 0, high: 1, defaultValue: 0.5),
                 SweepParameter(name: "b", low: -2, high: 2, defaultValue: 0),
                 SweepParameter(name: "c", low: 10, high: 20, defaultValue: 15),
                 SweepParameter(name: "d", low: 0, high: 100, defaultValue: 1)]
        let analysis = try Self.analyse(.morris(trajectories: 10, levels: 4), p) { x in zip(c, x).reduce(0) { $0 + $1.0 * $1.1 } }
        guard case .morris(let e) = analysis.cells[0][0].measures else { Issue.record("not a Morris result"); return }
        for i in 0..<4 {
            let w = p[i].high - p[i].low
            #expect(abs(e[i].mu - c[i] * w) < 1e-9 * max(1, w))
            #expect(abs(e[i].muStar - abs(c[i]) * w) < 1e-9 * max(1, w))
            #expect(e[i].sigma < 1e-9 * max(1, w))
        }
    }

    @Test func morrisSeesInteractionsAsSpread() throws {
        // f = x1 x2 on [0, 1]²: the effect of x1 is Δ-independent but equals x2, so it varies
        // between trajectories (σ > 0); f = x1 + x2 has σ = 0.
        let p = (1...2).map { SweepParameter(name: "x\($0)", low: 0, high: 1, defaultValue: 0.5) }
        let product = try Self.analyse(.morris(trajectories: 20, levels: 4), p) { $0[0] * $0[1] }
        guard case .morris(let e) = product.cells[0][0].measures else { Issue.record("not a Morris result"); return }
        #expect(e[0].sigma > 0.1 && e[1].sigma > 0.1)
        // Morris trajectories stay on the grid and inside the cube.
        let design = try SweepDesign(method: .morris(trajectories: 20, levels: 4), parameters: p, seed: 1)
        #expect(design.unitPoints.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
        #expect(design.unitPoints.count == 20 * 3)
    }

    @Test func oatSwingsAreChangesFromTheDefaults() throws {
        // f = x1² + 10 x2 with defaults 1 and 0: x1 at -1 and 3 gives 1 and 9 (swings 0, +8);
        // x2 at -1 and 1 gives -10 and +10.
        let p = [SweepParameter(name: "x1", low: -1, high: 3, defaultValue: 1),
                 SweepParameter(name: "x2", low: -1, high: 1, defaultValue: 0)]
        let analysis = try Self.analyse(.oat, p) { $0[0] * $0[0] + 10 * $0[1] }
        guard case .oat(let base, let swings) = analysis.cells[0][0].measures else { Issue.record("not an OAT result"); return }
        #expect(base == 1)
        #expect(swings[0] == .init(low: 0, high: 8))
        #expect(swings[1] == .init(low: -10, high: 10))
    }

    @Test func shardsPartitionTheTaskListAndReproduceTheWholeRun() throws {
        let spec = SweepSpec(method: .sobol(baseSamples: 7, bootstrap: 0), parameters: Self.cube, scenarios: ["a", "b", "c"],
                             outputs: ["y"], draws: 1, seed: 3, randomNumbers: .independent)
        let plan = try SweepPlan(spec: spec)
        #expect(plan.taskCount == 7 * 8 * 3)
        let f: @Sendable ([Double], Int, UInt64) -> [Double] = { x, s, seed in [Self.ishigami(x) + Double(s) + Double(seed % 1000) / 1e6] }
        let whole = try plan.run(0..<plan.taskCount, threads: 1, evaluate: f)
        #expect(try plan.run(0..<plan.taskCount, threads: 2, evaluate: f) == whole)
        for n in 1...13 {
            var joined: [[Double]] = []
            var covered = 0
            for k in 0..<n {
                let range = plan.shardRange(k, of: n)
                #expect(range.lowerBound == covered)
                covered = range.upperBound
                joined += try plan.run(range, threads: 2, evaluate: f)
            }
            #expect(covered == plan.taskCount)
            #expect(joined == whole)
        }
        // Independent seeds differ between tasks; common ones are shared by a scenario's points.
        #expect(Set((0..<plan.taskCount).map { plan.task($0).seed }).count == plan.taskCount)
        var common = spec
        common.randomNumbers = .common
        let commonPlan = try SweepPlan(spec: common)
        #expect(commonPlan.task(0).seed == commonPlan.task(3).seed)
        #expect(commonPlan.task(0).seed != commonPlan.task(1).seed)
        #expect(spec.fingerprint != common.fingerprint)
    }

    @Test func badSpecsAreRefused() {
        let p = [SweepParameter(name: "x", low: 1, high: 1, defaultValue: 1)]
        #expect(throws: SweepError.self) { try SweepPlan(spec: SweepSpec(method: .oat, parameters: p, scenarios: ["a"], outputs: ["y"], draws: 1, seed: 1)) }
        #expect(throws: SweepError.self) { try SweepPlan(spec: SweepSpec(method: .oat, parameters: [], scenarios: ["a"], outputs: ["y"], draws: 1, seed: 1)) }
        #expect(throws: SweepError.self) { try SweepDesign(method: .morris(trajectories: 5, levels: 3), parameters: Self.cube, seed: 1) }
    }

    @Test func crisisSweepBaseIsTheForecastAtTheDefaults() throws {
        let dataset = try Embedded.dataset()
        let scenario = try #require(try Embedded.scenarios().first { $0.id == "kgz-mass-unrest-2026" })
        let parameters = try Embedded.defaultParameters()
        let sweep = try CrisisSweep(scenarios: [scenario], snapshot: { dataset.snapshot(on: $0.date) }, base: parameters)
        let free = try CrisisSweep.freeParameters(parameters, only: [], except: [])
        #expect(free.count == parameters.parameters.filter { !$0.isFixed }.count)
        let spec = SweepSpec(method: .oat, parameters: free, scenarios: [scenario.id], outputs: CrisisSweep.outputs, draws: 300, seed: 5)
        let plan = try SweepPlan(spec: spec)
        let base = try sweep.evaluate(parameters: free, point: plan.points[0], scenario: 0, draws: 300, seed: plan.task(0).seed)
        // The base point is every parameter at its default (up to the rounding of mapping the
        // default onto the unit range and back).
        for (p, value) in zip(free, plan.points[0]) { #expect(abs(value - p.defaultValue) <= 1e-12 * max(1, abs(value))) }
        var fixed = scenario
        fixed.uncertainty = [:]
        var set = parameters.fixedAtDefaults()
        for (p, value) in zip(free, plan.points[0]) { set = set.fixing(p.name, at: value) }
        let direct = try CrisisModel(scenario: fixed, snapshot: dataset.snapshot(on: scenario.date))
            .forecast(parameters: set, draws: 300, seed: plan.task(0).seed, threads: 1, drivers: false)
        #expect(base[5] == direct.expectedLevel)
        #expect(base[4] == direct.levels[5])
        #expect(abs(base[0] - (1 - direct.levels[0])) < 1e-12)
        #expect(throws: SweepError.self) { try CrisisSweep.freeParameters(parameters, only: ["no_such_parameter"], except: []) }
        let only = try CrisisSweep.freeParameters(parameters, only: [free[1].name, free[0].name], except: [])
        #expect(only.map(\.name) == [free[0].name, free[1].name])
    }
}
