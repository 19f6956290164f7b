import PactModel
import PactEngine

/// A finished sweep as users see it: aligned tables, CSV or JSON. `pact sweep` and `pact merge`
/// both print through here, so a merged set of shards prints the same bytes as one run.
public enum SweepOutput {
    public static func render(_ analysis: SweepAnalysis, format: OutputFormat) -> String {
        switch format {
        case .table, .markdown, .html: tables(analysis)
        case .csv: csv(analysis)
        case .json: json(analysis).rendered()
        }
    }

    /// What the method measures, in a line under each table.
    static func methodLine(_ spec: SweepSpec) -> String {
        let d = spec.parameters.count
        let runs = SweepDesign.pointCount(method: spec.method, dimension: d)
        let setting: String
        switch spec.method {
        case .oat: setting = "one at a time (each parameter at its low and high, the others at their defaults)"
        case .morris(let r, let p): setting = "Morris elementary effects, \(r) trajectories on a \(p)-level grid"
        case .sobol(let n, let b): setting = "Sobol indices, Saltelli sampling with N = \(n), \(b) bootstrap resamples (95% intervals)"
        }
        switch spec.model {
        case .crisis:
            return "\(setting); \(d) parameters, \(runs) points x \(spec.scenarios.count) scenario(s), \(spec.draws) draws per point, seed \(spec.seed), \(spec.randomNumbers.rawValue) random numbers"
        case .issue(let rounds):
            return "\(setting); \(d) stakeholder inputs, \(runs) points x \(spec.scenarios.count) issue(s), \(rounds) rounds of bargaining (deterministic: one run per point), seed \(spec.seed)"
        case .outlook(let lookAhead):
            return "\(setting); \(d) outlook constants, \(runs) points x \(spec.scenarios.count) horizon(s), \(spec.draws) simulated futures per point, seed \(spec.seed), \(spec.randomNumbers.rawValue) random numbers\(lookAhead ? ", crises also drawn from episodes after the start (look-ahead, a diagnostic)" : "")"
        }
    }

    /// One block per scenario and output, parameters ordered by importance (largest swing, μ* or
    /// total index first; ties in parameter order).
    static func tables(_ analysis: SweepAnalysis) -> String {
        var blocks: [String] = [methodLine(analysis.spec)]
        for row in analysis.cells {
            for cell in row {
                var table: TextTable
                var heading = "\(cell.scenario): \(cell.output)"
                switch cell.measures {
                case .oat(let base, let swings):
                    heading += " (all parameters at their defaults: \(number(base)))"
                    table = TextTable(columns: [.init("parameter"), .init("low", .right), .init("high", .right),
                                                .init("at low", .right), .init("at high", .right)])
                    for i in order(swings.map(\.magnitude)) {
                        let p = analysis.spec.parameters[i]
                        table.append([p.name, number(p.low), number(p.high), signed(swings[i].low), signed(swings[i].high)])
                    }
                case .morris(let effects):
                    table = TextTable(columns: [.init("parameter"), .init("mu*", .right), .init("mu", .right), .init("sigma", .right)])
                    for i in order(effects.map(\.muStar)) {
                        table.append([analysis.spec.parameters[i].name, number(effects[i].muStar), signed(effects[i].mu),
                                      number(effects[i].sigma)])
                    }
                case .sobol(let indices):
                    table = TextTable(columns: [.init("parameter"), .init("S1", .right), .init("S1 95%", .right),
                                                .init("ST", .right), .init("ST 95%", .right)])
                    for i in order(indices.map { $0.total.isFinite ? $0.total : -1 }) {
                        let s = indices[i]
                        table.append([analysis.spec.parameters[i].name, number(s.first), interval(s.firstInterval),
                                      number(s.total), interval(s.totalInterval)])
                    }
                }
                blocks.append(heading + "\n\n" + table.renderAligned())
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Long format, one row per scenario, output and parameter, in parameter order.
    static func csv(_ analysis: SweepAnalysis) -> String {
        let spec = analysis.spec
        var header = ["scenario", "output", "parameter", "low", "high", "default"]
        switch spec.method {
        case .oat: header += ["base", "at_low", "at_high", "change_at_low", "change_at_high"]
        case .morris: header += ["mu_star", "mu", "sigma"]
        case .sobol: header += ["s1", "s1_low", "s1_high", "st", "st_low", "st_high"]
        }
        var table = TextTable(columns: header.map { .init($0) })
        for row in analysis.cells {
            for cell in row {
                for (i, p) in spec.parameters.enumerated() {
                    var cells = [cell.scenario, cell.output, p.name, full(p.low), full(p.high), full(p.defaultValue)]
                    switch cell.measures {
                    case .oat(let base, let swings):
                        cells += [full(base), full(base + swings[i].low), full(base + swings[i].high),
                                  full(swings[i].low), full(swings[i].high)]
                    case .morris(let e):
                        cells += [full(e[i].muStar), full(e[i].mu), full(e[i].sigma)]
                    case .sobol(let s):
                        cells += [full(s[i].first), full(s[i].firstInterval?.lowerBound), full(s[i].firstInterval?.upperBound),
                                  full(s[i].total), full(s[i].totalInterval?.lowerBound), full(s[i].totalInterval?.upperBound)]
                    }
                    table.append(cells)
                }
            }
        }
        return table.renderCSV()
    }

    public static func json(_ analysis: SweepAnalysis) -> OrderedJSON {
        let spec = analysis.spec
        var settings: [OrderedJSON.Member] = [.init("model", .string(spec.model.name))]
        switch spec.model {
        case .crisis: break
        case .issue(let rounds): settings.append(.init("rounds", .number(rounds)))
        case .outlook(let lookAhead): settings.append(.init("look_ahead", .bool(lookAhead)))
        }
        settings.append(.init("method", .string(spec.method.name)))
        switch spec.method {
        case .oat: break
        case .morris(let r, let p): settings += [.init("trajectories", .number(r)), .init("levels", .number(p))]
        case .sobol(let n, let b): settings += [.init("base_samples", .number(n)), .init("bootstrap", .number(b))]
        }
        settings += [
            .init("fingerprint", .string(spec.fingerprint)),
            .init("draws_per_point", .number(spec.draws)),
            .init("seed", .string(String(spec.seed))),
            .init("random_numbers", .string(spec.randomNumbers.rawValue)),
            .init("points", .number(SweepDesign.pointCount(method: spec.method, dimension: spec.parameters.count))),
            .init("scenarios", .array(spec.scenarios.map { .string($0) })),
            .init("outputs", .array(spec.outputs.map { .string($0) })),
            .init("parameters", .array(spec.parameters.map {
                .object(["name": .string($0.name), "low": .number($0.low), "high": .number($0.high), "default": .number($0.defaultValue)])
            })),
        ]
        var results: [OrderedJSON] = []
        for row in analysis.cells {
            for cell in row {
                var members: [OrderedJSON.Member] = [.init("scenario", .string(cell.scenario)), .init("output", .string(cell.output))]
                var entries: [OrderedJSON] = []
                switch cell.measures {
                case .oat(let base, let swings):
                    members.append(.init("base", value(base)))
                    entries = zip(spec.parameters, swings).map { p, s in
                        .object(["parameter": .string(p.name), "change_at_low": value(s.low), "change_at_high": value(s.high)])
                    }
                case .morris(let e):
                    entries = zip(spec.parameters, e).map { p, e in
                        .object(["parameter": .string(p.name), "mu_star": value(e.muStar), "mu": value(e.mu), "sigma": value(e.sigma)])
                    }
                case .sobol(let s):
                    entries = zip(spec.parameters, s).map { p, s in
                        .object(["parameter": .string(p.name), "s1": value(s.first), "s1_interval": interval(s.firstInterval),
                                 "st": value(s.total), "st_interval": interval(s.totalInterval)])
                    }
                }
                members.append(.init("parameters", .array(entries)))
                results.append(.object(members))
            }
        }
        return OrderedJSON.object(["sweep": .object(settings), "results": .array(results)]).versioned
    }

    /// Indices by decreasing `key`, ties in index order.
    static func order(_ key: [Double]) -> [Int] {
        key.indices.sorted { key[$0] != key[$1] ? key[$0] > key[$1] : $0 < $1 }
    }


    static func number(_ v: Double) -> String { v.isFinite ? PactReport.Format.fixed(v, 4) : "-" }
    static func signed(_ v: Double) -> String { v.isFinite ? PactReport.Format.signed(v, 4) : "-" }
    static func full(_ v: Double?) -> String { v.map { $0.isFinite ? PactReport.Format.fixed($0, 6) : "" } ?? "" }
    static func interval(_ r: ClosedRange<Double>?) -> String { r.map { "[\(number($0.lowerBound)), \(number($0.upperBound))]" } ?? "-" }
    static func value(_ v: Double) -> OrderedJSON { v.isFinite ? .number(v) : .null }
    static func interval(_ r: ClosedRange<Double>?) -> OrderedJSON { r.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null }
}
