import ArgumentParser
import Foundation
import PactData
import PactEngine
import PactModel
import PactReport

/// `pact sweep`: how much a forecast depends on each parameter (one at a time, Morris or Sobol),
/// run whole, as one shard of a split sweep, or written out as a Slurm or Kubernetes job.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Measure how crisis forecasts depend on the model's parameters.",
        discussion: """
            Varies the model's free parameters (those whose range in the parameter file is not a \
            single point) over their ranges and reports, for each crisis scenario, how each output \
            moves: P(level >= k) for k = 1..5, the expected level, P(unilateral) and the mean force \
            deployed (troops, 0 below level 5). Within each point every parameter is held at its \
            value and the Monte Carlo samples only the model's own noise; the scenarios' own \
            uncertainty ranges are set aside (give ranges with --params).

            --method oat moves each parameter alone to its low and high (2d+1 points); --method \
            morris computes elementary effects mu*, mu and sigma over --trajectories paths (r(d+1) \
            points); --method sobol computes first-order and total Sobol indices with Saltelli's \
            design (N(2d+2) points for N = --samples) and bootstrap intervals. docs/SWEEPS.md gives \
            the formulas and their sources.

            A sweep is a fixed list of tasks (point x scenario), each with a seed derived from \
            --seed: --shard k/N -o FILE runs slice k (from 0) of N and writes a shard file; `pact \
            merge` prints from the N files exactly what the whole sweep prints. --emit slurm DIR or \
            --emit k8s DIR writes the job files that run the shards on a cluster and merge them.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable { case oat, morris, sobol }
    enum Engine: String, ExpressibleByArgument, CaseIterable { case slurm, k8s }

    @Argument(help: "Crisis scenarios: built-in or case ids, or scenario files.")
    var scenarios: [String] = []

    @Option(help: "oat, morris or sobol.")
    var method: Method = .oat

    @Option(help: "Monte Carlo draws per parameter point.")
    var draws: Int = 2_000

    @Option(help: "The sweep's seed: design, bootstrap and every task's seed derive from it.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: every core). The result does not depend on it.")
    var threads: Int?

    @Option(help: "A parameter file (format of the shipped Parameters/default.yaml): its ranges are swept.")
    var params: String?

    @Option(help: "Sweep only these parameters (comma-separated names).")
    var only: String?

    @Option(name: .customLong("except"), help: "Leave these parameters at their defaults (comma-separated names).")
    var except: String?

    @Option(help: "Morris: trajectories (r).")
    var trajectories: Int = 20

    @Option(help: "Morris: grid levels (p, even).")
    var levels: Int = 4

    @Option(help: "Sobol: base samples (N).")
    var samples: Int = 512

    @Option(help: "Sobol: bootstrap resamples for the 95% intervals.")
    var bootstrap: Int = 200

    @Option(help: "common: a scenario's points share random numbers (differences are the parameters'); independent: every task its own.")
    var randomNumbers: SweepRandomNumbers = .common

    @Option(help: "Output format: table, json or csv.")
    var format: SweepOutput.Format = .table

    @Option(help: "Write the chart (tornado, Morris mu*/sigma, or Sobol bars) to this SVG file.")
    var chart: String?

    @Option(help: "The output the chart shows (default: expected level).")
    var chartOutput: String = "expected level"

    @Option(help: "Run only shard k of N (k from 0), written with -o.")
    var shard: ShardSelection?

    @Option(name: [.short, .customLong("output")], help: "The shard file to write (with --shard).")
    var output: String?

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Write cluster job files instead of running: slurm DIR or k8s DIR.", valueName: "engine dir"))
    var emit: [String] = []

    @Option(help: "With --emit: the number of shards.")
    var shards: Int = 4

    @Option(help: "With --emit k8s: the container image that holds pact.")
    var image: String = "pact:latest"

    @Option(help: "With --emit: the pact executable as the cluster sees it (default: this one).")
    var pactPath: String?

    func validate() throws {
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if scenarios.isEmpty { throw ValidationError("name at least one crisis scenario (see `pact scenarios`)") }
        if shard != nil, output == nil { throw ValidationError("--shard needs -o FILE for the shard file") }
        if shard == nil, output != nil { throw ValidationError("-o writes a shard file; it needs --shard k/N") }
        if !emit.isEmpty {
            guard emit.count == 2, Engine(rawValue: emit[0]) != nil else {
                throw ValidationError("--emit takes an engine (slurm or k8s) and a directory, e.g. --emit slurm jobs/")
            }
            if shard != nil { throw ValidationError("--emit writes the jobs for every shard; drop --shard") }
        }
        if shards < 1 { throw ValidationError("--shards must be at least 1") }
    }

    var sweepMethod: SweepMethod {
        switch method {
        case .oat: .oat
        case .morris: .morris(trajectories: trajectories, levels: levels)
        case .sobol: .sobol(baseSamples: samples, bootstrap: bootstrap)
        }
    }

    static func names(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        if emit.count == 2, let engine = Engine(rawValue: emit[0]) { return try writeJobs(engine, to: emit[1]) }
        let dataset = try Embedded.dataset()
        let parameters = try ParameterSource.load(params)
        let selected = try ScenarioSelection.resolve(scenarios, dataset: dataset)
        if let issue = selected.first(where: { $0.kind != .crisis }) {
            throw ValidationError("'\(issue.id)' is an issue scenario; sweeps run crisis scenarios")
        }
        let spec: SweepSpec
        let plan: SweepPlan
        let sweep: CrisisSweep
        do {
            let free = try CrisisSweep.freeParameters(parameters, only: Self.names(only), except: Self.names(except))
            spec = SweepSpec(method: sweepMethod, parameters: free, scenarios: selected.map(\.id), outputs: CrisisSweep.outputs,
                             draws: draws, seed: seed, randomNumbers: randomNumbers)
            plan = try SweepPlan(spec: spec)
            sweep = try CrisisSweep(scenarios: selected, snapshot: { dataset.snapshot(on: $0.date) }, base: parameters)
        } catch let error as SweepError {
            throw ValidationError(error.message)
        } catch let error as CrisisModelError {
            throw ValidationError(error.message)
        }
        let range = shard.map { plan.shardRange($0.index, of: $0.count) } ?? 0..<plan.taskCount
        let draws = self.draws
        let free = spec.parameters
        let results = try plan.run(range, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount) { point, scenario, seed in
            try sweep.evaluate(parameters: free, point: point, scenario: scenario, draws: draws, seed: seed)
        }
        if let shard, let output {
            let file = ShardFile(spec: spec, shard: shard.index, shards: shard.count, firstTask: range.lowerBound, results: results)
            try file.encoded().write(to: URL(fileURLWithPath: output))
            return
        }
        try SweepPrinter(format: format, chart: chart, chartOutput: chartOutput).print(plan: plan, results: results)
    }

    /// The arguments that define this sweep, for the job files (paths made absolute).
    var definingArguments: [String] {
        var a = scenarios.map { FileManager.default.fileExists(atPath: $0) ? Self.absolute($0) : $0 }
        a += ["--method", method.rawValue, "--draws", String(draws), "--seed", String(seed)]
        switch method {
        case .oat: break
        case .morris: a += ["--trajectories", String(trajectories), "--levels", String(levels)]
        case .sobol: a += ["--samples", String(samples), "--bootstrap", String(bootstrap)]
        }
        if let params { a += ["--params", Self.absolute(params)] }
        if let only { a += ["--only", only] }
        if let except { a += ["--except", except] }
        a += ["--random-numbers", randomNumbers.rawValue]
        if let threads { a += ["--threads", String(threads)] }
        return a
    }

    var mergeArguments: [String] {
        var a = ["--format", format.rawValue]
        if let chart { a += ["--chart", chart, "--chart-output", chartOutput] }
        return a
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func writeJobs(_ engine: Engine, to directory: String) throws {
        let dir = Self.absolute(directory)
        let pact = pactPath ?? Self.absolute(Bundle.main.executablePath ?? CommandLine.arguments[0])
        let jobs = ClusterJobs(pact: pact, sweepArguments: definingArguments, mergeArguments: mergeArguments, shards: shards,
                               directory: dir)
        var files: [(String, String, Bool)] = []
        switch engine {
        case .slurm:
            files = [("sweep.sbatch", jobs.slurmArray, true), ("merge.sbatch", jobs.slurmMerge, true),
                     ("submit.sh", jobs.slurmSubmit, true), ("README.md", jobs.slurmReadme, false)]
        case .k8s:
            files = [("job.yaml", jobs.kubernetesJob(image: image, claim: "pact-sweep-work"), false),
                     ("merge-job.yaml", jobs.kubernetesMerge(image: image, claim: "pact-sweep-work"), false),
                     ("volume.yaml", jobs.kubernetesVolume(claim: "pact-sweep-work"), false),
                     ("README.md", jobs.kubernetesReadme(image: image), false)]
        }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for sub in ["logs", "shards"] where engine == .slurm {
            try fm.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        for (name, text, executable) in files {
            let path = dir + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            if executable { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        }
        print("wrote \(files.map(\.0).joined(separator: ", ")) to \(dir) (\(shards) shards); see \(dir)/README.md")
    }
}

/// `--shard k/N`: slice k (from 0) of N.
struct ShardSelection: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0..<n).contains(k) else { return nil }
        index = k
        count = n
    }

    static var defaultValueDescription: String { "k/N" }
}

extension SweepOutput.Format: ExpressibleByArgument {}
extension SweepRandomNumbers: ExpressibleByArgument {}

/// Prints a finished sweep and writes its chart; shared by `pact sweep` and `pact merge` so both
/// print the same bytes.
struct SweepPrinter {
    var format: SweepOutput.Format
    var chart: String?
    var chartOutput: String

    func print(plan: SweepPlan, results: [[Double]]) throws {
        let analysis: SweepAnalysis
        do { analysis = try SweepAnalysis(plan: plan, results: results) } catch { throw ValidationError("\(error)") }
        if let chart {
            let rendered: Chart
            do { rendered = try SweepChart(analysis: analysis, output: chartOutput).render() } catch { throw ValidationError("\(error)") }
            try Data((rendered.svg + "\n").utf8).write(to: URL(fileURLWithPath: chart))
        }
        Swift.print(SweepOutput.render(analysis, format: format))
    }
}
