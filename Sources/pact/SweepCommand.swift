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
        abstract: "Measure how forecasts depend on the model's parameters and inputs.",
        discussion: """
            Crisis scenarios: varies the crisis model's free parameters (those whose range in the \
            parameter file is not a single point) over their ranges and reports, for each scenario, \
            how each output moves: P(level >= k) for k = 1..5, the expected level, P(unilateral) and \
            the mean force deployed (troops, 0 below level 5). Within each point every parameter is \
            held at its value and the Monte Carlo samples only the model's own noise; the \
            scenarios' own uncertainty ranges are set aside (give ranges with --params).

            Issue scenarios: varies each stakeholder's inputs, STAKEHOLDER.position (a shift, as a \
            share of the scale's width), .salience (a shift, kept in 0..1) and .capability (a \
            factor), by --position-spread, --salience-spread and --capability-spread around the \
            file's values, and reports the forecast median, the mean and the median's shift from \
            its opening value after --rounds rounds of bargaining. The bargaining model is \
            deterministic: one run per point.

            --outlook: varies the cohesion outlook's constants over the ranges their reasoning \
            admits (docs/OUTLOOK.md) and reports, at each horizon (--to, repeatable), the expected \
            number of full members, the mean cohesion index, the expected collective deployments \
            and each member's probability of being a full member; --draws simulated futures per \
            point. Crisis parameters stay as given (--params).

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

    @Argument(help: "Crisis or issue scenarios (one kind per sweep): built-in or case ids, or scenario files.")
    var scenarios: [String] = []

    @Flag(help: "Sweep the cohesion outlook's constants instead of scenarios.")
    var outlook = false

    @Option(help: .date("With --outlook: the start date (default: today, UTC)."))
    var from: Day?

    @Option(name: .customLong("to"), help: .date("With --outlook: a horizon (repeatable; default 2035-01-01)."))
    var horizons: [Day] = []

    @Flag(name: .customLong("look-ahead"), help: "With --outlook: also draw crises from episodes after --from (a diagnostic).")
    var lookAhead = false

    @Option(help: "Issue scenarios: rounds of bargaining.")
    var rounds: Int = RunCommand.bargainingRounds

    @Option(help: "Issue scenarios: position shifts up to this share of the scale's width, each way (0 leaves positions alone).")
    var positionSpread: Double = IssueSweep.Spreads.standard.position

    @Option(help: "Issue scenarios: salience shifts up to this much each way (0 leaves saliences alone).")
    var salienceSpread: Double = IssueSweep.Spreads.standard.salience

    @Option(help: "Issue scenarios: capability factors from 1 minus to 1 plus this (0 leaves capabilities alone).")
    var capabilitySpread: Double = IssueSweep.Spreads.standard.capability

    @Option(help: "oat, morris or sobol.")
    var method: Method = .oat

    @Option(help: "Monte Carlo draws per parameter point (crisis default 2,000; outlook: simulated futures, default 500).")
    var draws: Int?

    @OptionGroup var random: RandomOptions

    @OptionGroup var parameterFile: ParameterFileOption

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

    /// The formats this command writes.
    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Option(help: OutputFormat.help(Self.formats))
    var format: OutputFormat = .table

    @Option(help: "Write the chart (tornado, Morris mu*/sigma, or Sobol bars) to this SVG file.")
    var chart: String?

    @Option(help: "The output the chart shows (default: the expected level of a crisis, the forecast median of an issue, the outlook's mean cohesion).")
    var chartOutput: String?

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
        try format.require(Self.formats, command: "sweep")
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1") }
        if outlook {
            if !scenarios.isEmpty { throw ValidationError("--outlook sweeps the outlook, not scenarios; drop \(scenarios.joined(separator: " ")) or --outlook") }
        } else {
            if scenarios.isEmpty { throw ValidationError("name at least one crisis or issue scenario (see `pact scenarios`), or sweep the outlook with --outlook") }
            if from != nil || !horizons.isEmpty || lookAhead { throw ValidationError("--from, --to and --look-ahead go with --outlook") }
        }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        for (name, value) in [("--position-spread", positionSpread), ("--salience-spread", salienceSpread),
                              ("--capability-spread", capabilitySpread)] where !(0...1).contains(value) {
            throw ValidationError("\(name) must be in [0, 1], got \(value)")
        }
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
        let (spec, model) = try prepare()
        let plan: SweepPlan
        do { plan = try SweepPlan(spec: spec) } catch { throw ValidationError(error.message) }
        let range = shard.map { plan.shardRange($0.index, of: $0.count) } ?? 0..<plan.taskCount
        let results: [[Double]]
        do {
            results = try model.run(plan, tasks: range, threads: random.workers)
        } catch let error as BargainingInputError {
            throw ValidationError("a point of the sweep gives stakeholders the model cannot bargain over (\(error)); narrow the spreads")
        }
        if let shard, let output {
            let file = ShardFile(spec: spec, shard: shard.index, shards: shard.count, firstTask: range.lowerBound, results: results)
            try file.encoded().write(to: URL(fileURLWithPath: output))
            return
        }
        try SweepPrinter(format: format, chart: chart, chartOutput: chartOutput).print(plan: plan, results: results)
    }

    /// The sweep's spec and the model that evaluates its tasks, for the scenarios' kind or the
    /// outlook.
    func prepare() throws -> (SweepSpec, any SweepableModel) {
        let dataset = try Embedded.dataset()
        do {
            if outlook { return try prepareOutlook(dataset) }
            let selected = try ScenarioSelection.resolve(scenarios, dataset: dataset)
            let kinds = Set(selected.map(\.kind))
            if kinds.count > 1 {
                throw ValidationError("crisis and issue scenarios answer different questions; sweep them separately (crisis: \(selected.filter { $0.kind == .crisis }.map(\.id).joined(separator: ", ")); issue: \(selected.filter { $0.kind == .issue }.map(\.id).joined(separator: ", ")))")
            }
            if selected.first?.kind == .issue { return try prepareIssue(selected) }
            let parameters = try parameterFile.load()
            let free = try CrisisSweep.freeParameters(parameters, only: Self.names(only), except: Self.names(except))
            let spec = SweepSpec(method: sweepMethod, parameters: free, scenarios: selected.map(\.id), outputs: CrisisSweep.outputs,
                                 draws: draws ?? 2_000, seed: random.seed, randomNumbers: randomNumbers)
            return (spec, try CrisisSweep(scenarios: selected, snapshot: { dataset.snapshot(on: $0.date) }, base: parameters))
        } catch let error as SweepError {
            throw ValidationError(error.message)
        } catch let error as CrisisModelError {
            throw ValidationError(error.message)
        }
    }

    func prepareIssue(_ selected: [Scenario]) throws -> (SweepSpec, any SweepableModel) {
        if parameterFile.params != nil {
            throw ValidationError("--params sets the crisis model's parameters; an issue sweep varies the stakeholders' inputs (--position-spread, --salience-spread, --capability-spread)")
        }
        if draws != nil { throw ValidationError("the bargaining model is deterministic: an issue sweep runs once per point; drop --draws") }
        let cases = try selected.map { scenario in
            let input = try BargainingInput.issue(scenario, file: scenario.id)
            let scale = scenario.issue.map { $0.scale.min...$0.scale.max } ?? 0...1
            return IssueSweep.Case(actors: input.actors, scale: scale)
        }
        let spreads = IssueSweep.Spreads(position: positionSpread, salience: salienceSpread, capability: capabilitySpread)
        let free = try IssueSweep.parameters(for: cases, spreads: spreads, only: Self.names(only), except: Self.names(except))
        let spec = SweepSpec(model: .issue(rounds: rounds), method: sweepMethod, parameters: free, scenarios: selected.map(\.id),
                             outputs: IssueSweep.outputs, draws: 1, seed: random.seed, randomNumbers: randomNumbers)
        return (spec, try IssueSweep(cases: cases, rounds: rounds))
    }

    func prepareOutlook(_ dataset: Dataset) throws -> (SweepSpec, any SweepableModel) {
        let start = from ?? DataCommand.today()
        let ends = horizons.isEmpty ? [Day(year: 2035, month: 1, day: 1)!] : horizons
        for end in ends where end <= start { throw ValidationError("--to (\(end)) must be after --from (\(start))") }
        let cases = try Embedded.cases(knownActors: Set(dataset.actors.keys))
        let window = try OutlookCommand.caseWindow(dataset: dataset, cases: cases, from: start, lookAhead: lookAhead)
        let model = try OutlookSweep(dataset: dataset, from: start, horizons: ends, cases: cases, caseWindow: window,
                                     crisisParameters: try parameterFile.load())
        let free = try OutlookSweep.parameters(only: Self.names(only), except: Self.names(except))
        let spec = SweepSpec(model: .outlook(lookAhead: lookAhead), method: sweepMethod, parameters: free,
                             scenarios: model.scenarioNames, outputs: model.outputs, draws: draws ?? 500, seed: random.seed,
                             randomNumbers: randomNumbers)
        return (spec, model)
    }

    /// The arguments that define this sweep, for the job files (paths made absolute).
    var definingArguments: [String] {
        var a = scenarios.map { FileManager.default.fileExists(atPath: $0) ? Self.absolute($0) : $0 }
        if outlook {
            // The start is fixed when the jobs are written, so every shard forecasts from the same day.
            a += ["--outlook", "--from", (from ?? DataCommand.today()).description]
            for h in horizons { a += ["--to", h.description] }
            if lookAhead { a.append("--look-ahead") }
        }
        a += ["--method", method.rawValue]
        if let draws { a += ["--draws", String(draws)] }
        a += ["--seed", String(random.seed)]
        if rounds != RunCommand.bargainingRounds { a += ["--rounds", String(rounds)] }
        let standard = IssueSweep.Spreads.standard
        if positionSpread != standard.position { a += ["--position-spread", String(positionSpread)] }
        if salienceSpread != standard.salience { a += ["--salience-spread", String(salienceSpread)] }
        if capabilitySpread != standard.capability { a += ["--capability-spread", String(capabilitySpread)] }
        switch method {
        case .oat: break
        case .morris: a += ["--trajectories", String(trajectories), "--levels", String(levels)]
        case .sobol: a += ["--samples", String(samples), "--bootstrap", String(bootstrap)]
        }
        if let params = parameterFile.params { a += ["--params", Self.absolute(params)] }
        if let only { a += ["--only", only] }
        if let except { a += ["--except", except] }
        a += ["--random-numbers", randomNumbers.rawValue]
        if let threads = random.threads { a += ["--threads", String(threads)] }
        return a
    }

    var mergeArguments: [String] {
        var a = ["--format", format.rawValue]
        if let chart { a += ["--chart", chart] + (chartOutput.map { ["--chart-output", $0] } ?? []) }
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

extension SweepRandomNumbers: ExpressibleByArgument {}

/// Prints a finished sweep and writes its chart; shared by `pact sweep` and `pact merge` so both
/// print the same bytes.
struct SweepPrinter {
    var format: OutputFormat
    var chart: String?
    var chartOutput: String?

    func print(plan: SweepPlan, results: [[Double]]) throws {
        let analysis: SweepAnalysis
        do { analysis = try SweepAnalysis(plan: plan, results: results) } catch { throw ValidationError("\(error)") }
        if let chart {
            let rendered: Chart
            do { rendered = try SweepChart(analysis: analysis, output: chartOutput ?? SweepChart.defaultOutput(for: analysis.spec)).render() } catch { throw ValidationError("\(error)") }
            try Data((rendered.svg + "\n").utf8).write(to: URL(fileURLWithPath: chart))
        }
        Swift.print(SweepOutput.render(analysis, format: format))
    }
}
