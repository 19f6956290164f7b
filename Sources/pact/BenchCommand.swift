import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact bench`: how fast the crisis engine runs. A benchmark, not a test: figures depend on
/// the machine; BENCHMARKS.md records them with the command.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the crisis engine, the alignment search and the cohesion outlook.",
        discussion: """
            Times --draws draws (default 1,000,000) of a six-member crisis on the embedded CSTO \
            dataset and of synthetic 6-, 30- and 120-member crises, then the six-member crisis at \
            1e5, 1e6 and 1e7 draws. Then the exhaustive alignment search on a synthetic 24-actor \
            landscape (2^23 partitions) and the cohesion outlook, 10,000 runs of 10 years on the \
            embedded CSTO (goals: under 1 s and under 10 s). Each figure is the best of \
            --repeat runs, drivers off; \
            "cpu seconds" is the CPU time of all threads, which shows the work when other \
            processes share the cores. Build \
            with `swift run -c release pact bench`: debug builds are many times slower.
            """
    )

    @Option(help: "Draws per timed run.")
    var draws: Int = 1_000_000

    @Option(help: "Worker threads (default: every core).")
    var threads: Int?

    @Option(name: .customLong("repeat"), help: "Runs per figure; the best is kept.")
    var repeats: Int = 3

    @Flag(help: "Skip the 1e7-draw scaling run.")
    var quick = false

    @Option(help: "Base samples N of the timed Sobol sweep (N (2d + 2) points of 2,000 draws); 0 skips it.")
    var sweepSamples: Int = 16

    func run() throws {
        let parameters = try Embedded.defaultParameters()
        let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
        print("pact bench: \(cores) thread(s), best of \(repeats), drivers off")
        var table = TextTable(columns: [.init("crisis"), .init("members", .right), .init("draws", .right),
                                        .init("seconds", .right), .init("cpu seconds", .right), .init("draws/s", .right),
                                        .init("ns/draw/member", .right)])
        func time(_ label: String, _ model: CrisisModel, _ n: Int) throws {
            let (best, bestCPU) = try bestOf {
                let forecast = try model.forecast(parameters: parameters, draws: n, seed: 1, threads: cores, drivers: false)
                precondition(forecast.draws == n)
            }
            let members = model.setup.count
            table.append([label, String(members), String(n), Format.fixed(best, 3), Format.fixed(bestCPU, 3),
                          Format.compact(Double(n) / best), Format.fixed(best / Double(n) / Double(members) * 1e9, 1)])
        }
        let csto = try cstoModel()
        try time("CSTO, invited help vs unrest", csto, draws)
        for n in [6, 30, 120] {
            let (dataset, scenario) = SyntheticAlliance.make(members: n)
            let model = try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
            try time("synthetic", model, draws)
        }
        for n in quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000] {
            try time("CSTO, scaling", csto, n)
        }
        print(table.renderAligned())
        if sweepSamples > 0 {
            print()
            print(try sweepTable(cores: cores, parameters: parameters).renderAligned())
        }
        print()
        print(try issue8Table(cores: cores).renderAligned())
    }

    /// A Sobol sweep of the six-member crisis over every free parameter, as `pact sweep` runs
    /// it (one task per thread, 2,000 draws per point, drivers off): the engine's speed across
    /// many small runs instead of one large one.
    func sweepTable(cores: Int, parameters: ParameterSet) throws -> TextTable {
        let model = try cstoModel()
        let dataset = try Embedded.dataset()
        let sweep = try CrisisSweep(scenarios: [model.scenario], snapshot: { dataset.snapshot(on: $0.date) },
                                    base: parameters)
        let free = try CrisisSweep.freeParameters(parameters, only: [], except: [])
        let draws = 2_000
        let spec = SweepSpec(method: .sobol(baseSamples: sweepSamples, bootstrap: 0), parameters: free,
                             scenarios: [model.scenario.id], outputs: CrisisSweep.outputs, draws: draws, seed: 1)
        let plan = try SweepPlan(spec: spec)
        let time = try bestOf {
            let results = try sweep.run(plan, tasks: 0..<plan.taskCount, threads: cores)
            precondition(results.count == plan.taskCount)
        }
        let total = Double(plan.taskCount * draws)
        var table = TextTable(columns: [.init("sweep"), .init("points", .right), .init("draws", .right), .init("seconds", .right),
                                        .init("cpu seconds", .right), .init("draws/s", .right)])
        table.append(["Sobol, CSTO crisis, \(free.count) parameters, N = \(sweepSamples)", String(plan.taskCount),
                      Format.compact(total), Format.fixed(time.wall, 3), Format.fixed(time.cpu, 3), Format.compact(total / time.wall)])
        return table
    }

    /// The best wall-clock and CPU seconds of `body` over --repeat runs.
    func bestOf(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        var wall = Double.infinity, cpu = Double.infinity
        for _ in 0..<max(1, repeats) {
            let clock = ContinuousClock()
            let start = clock.now
            let cpuStart = Self.processCPUSeconds()
            try body()
            cpu = min(cpu, Self.processCPUSeconds() - cpuStart)
            let elapsed = start.duration(to: clock.now)
            wall = min(wall, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return (wall, cpu)
    }

    /// The alignment search and the outlook, timed like the engine (best of --repeat).
    func issue8Table(cores: Int) throws -> TextTable {
        var table = TextTable(columns: [.init("work"), .init("size"), .init("seconds", .right), .init("cpu seconds", .right),
                                        .init("goal", .right)])
        let landscape = AlignmentLandscape.synthetic(actors: 24)
        let align = bestOf {
            let result = AlignmentSearch.search(landscape, blocs: 2, method: .exhaustive)
            precondition(result.examined == 1 << 23)
        }
        table.append(["align, exhaustive, 2 blocs", "24 actors, 2^23 partitions", Format.fixed(align.wall, 3),
                      Format.fixed(align.cpu, 3), "< 1 s"])
        let dataset = try Embedded.dataset()
        let cases = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let from = Day(year: 2025, month: 1, day: 1)!
        let setup = try OutlookSetup(dataset: dataset, from: from, to: Day(year: 2035, month: 1, day: 1)!, cases: cases,
                                     caseWindow: OutlookSetup.caseWindow(cases: cases)!, crisisParameters: try Embedded.defaultParameters())
        let outlook = bestOf {
            let forecast = Outlook.run(setup, runs: 10_000, seed: 1, threads: cores)
            precondition(forecast.runs == 10_000)
        }
        table.append(["outlook, CSTO from 2025", "10,000 runs of 10 years", Format.fixed(outlook.wall, 3),
                      Format.fixed(outlook.cpu, 3), "< 10 s"])
        return table
    }

    /// CPU time used by the whole process so far, all threads: on a shared machine it shows the
    /// work done, which wall-clock time alone hides when other processes take the cores.
    static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// A six-member crisis on the embedded dataset: a member asks for help under Article 4
    /// against unrest framed as externally backed, on 5 January 2022.
    func cstoModel() throws -> CrisisModel {
        let dataset = try Embedded.dataset()
        let scenario = Scenario(
            id: "bench-invited-help", title: "Invited help against unrest", date: Day(year: 2022, month: 1, day: 5)!,
            kind: .crisis,
            crisis: Crisis(type: .internalUnrest, location: "KAZ", territory: .sovereign, requester: "KAZ", article: 4,
                           belligerents: nil, adversary: Adversary(kind: .internal, actor: nil, externalBacking: .alleged),
                           severity: Severity(deaths: 225, displaced: 0, territoryKm2: 0), expectedDurationDays: 14))
        return try CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
    }
}
