import PactEngine
import PactModel

/// Figures that hold only over the draws ending in a collective deployment (force, days to the
/// first troops, each member's troops): how many draws they rest on and whether that is enough.
///
/// A mean over two draws reads as firmly as one over two thousand unless the count is shown;
/// below `minimumDraws` the figures are withheld on every display, with the reason beside them.
public struct DeploymentBasis: Sendable, Equatable {
    /// Fewer deployment draws than this and conditional figures are withheld.
    public static let minimumDraws = 30

    /// Draws that end in level 5 (deployment).
    public var draws: Int

    public init(_ forecast: CrisisForecast) {
        draws = Int((forecast.levels[ResponseLevel.deployment.rawValue] * Double(forecast.draws)).rounded())
    }

    /// Enough draws to show the figures.
    public var isShown: Bool { draws >= Self.minimumDraws }

    /// Why the figures are not shown, or nil when they are.
    public var withheldReason: String? {
        if draws == 0 { return "no draw ends in a deployment" }
        if isShown { return nil }
        return "withheld: only \(draws) draw\(draws == 1 ? "" : "s") end\(draws == 1 ? "s" : "") in a deployment (fewer than \(Self.minimumDraws))"
    }

    /// A conditional troop figure for display: grouped, or why it is not shown.
    public func troops(_ value: Double) -> String {
        if draws == 0 { return "-" }
        return isShown ? Format.grouped(value) : "withheld"
    }

    /// The force in a phrase for cards and facts: "10,637 troops (10th-90th percentile 10,270-11,005)
    /// over 1,234 deployment draws", or the reason it is withheld.
    public func forceText(_ forecast: CrisisForecast) -> String {
        guard let force = forecast.force, isShown else {
            return draws == 0 ? "none: no draw ends in a deployment" : (withheldReason ?? "")
        }
        return "\(Format.grouped(force.mean)) troops (10th-90th percentile \(Format.grouped(force.p10))-\(Format.grouped(force.p90))) \(phrase)"
    }

    /// "over 1,234 deployment draws".
    public var phrase: String { "over \(Format.grouped(Double(draws))) deployment draw\(draws == 1 ? "" : "s")" }
}

/// The tables `pact run` shows: one row per forecast, and with `--explain` each forecast's
/// members, drivers and trigger, in long form (a `scenario` column) so each is one table.
public enum RunTables {
    /// The ladder and the columns of the forecast table, for under it.
    public static let legend: String = {
        let ladder = ResponseLevel.allCases.map { "P\($0.rawValue) \($0.name)" }.joined(separator: ", ")
        return """
            Levels (probability of each; they sum to 1): \(ladder). A higher level includes the lower ones.
            modal: the most likely level. unilateral: probability that the lead state acts alone, outside the organization.
            force and days: mean troops deployed and mean days from the request to the first troops on the ground, over the \
            draws that end in a deployment (deployment draws); withheld below \(DeploymentBasis.minimumDraws) such draws.
            """
    }()

    public static func forecasts(_ forecasts: [CrisisForecast], style: CellStyle = .display) -> TextTable {
        var columns: [TextTable.Column] = [.init("scenario")]
        for level in ResponseLevel.allCases { columns.append(.init("P\(level.rawValue)", .right)) }
        columns += [.init("modal", .right), .init("unilateral", .right), .init("draws", .right),
                    .init("deployment draws", .right),
                    // No comma in an export's header, so CSV readers need no quoting to name the column.
                    .init(style.exact ? "force (troops if deployed)" : "force (troops, if deployed)", .right),
                    .init("days to first troops (if deployed)", .right)]
        var table = TextTable(columns: columns)
        for f in forecasts {
            let basis = DeploymentBasis(f)
            // Displays withhold figures from too few draws; exports keep them beside their count.
            let shown = style.exact || basis.isShown
            var row: [String] = [f.scenario]
            row += f.levels.map { style.probability($0) }
            row += [String(f.modal), style.probability(f.unilateral), String(f.draws), String(basis.draws)]
            row.append(shown ? style.optional(f.force?.mean, 0) : (basis.draws == 0 ? style.missing : "withheld"))
            row.append(shown ? style.optional(f.daysToFirstArrival?.mean, 1) : (basis.draws == 0 ? style.missing : "withheld"))
            table.append(row)
        }
        return table
    }

    public static func members(_ forecasts: [CrisisForecast], style: CellStyle = .display) -> TextTable {
        var table = TextTable(columns: [.init("scenario"), .init("member"), .init("role"), .init("position (level)", .right),
                                        .init("salience", .right), .init("weight", .right), .init("stance"),
                                        .init("support", .right), .init("abstain", .right), .init("block", .right),
                                        .init("troops (if deployed)", .right)])
        for f in forecasts {
            let basis = DeploymentBasis(f)
            for m in f.members {
                let troops = style.exact || basis.isShown ? style.fixed(m.contribution, 0) : (basis.draws == 0 ? style.missing : "withheld")
                table.append([f.scenario, m.id.rawValue, m.role, style.fixed(m.position, 2), style.fixed(m.salience, 2),
                              style.fixed(m.weight, 2), m.stance.rawValue, style.probability(m.stances.support),
                              style.probability(m.stances.abstain), style.probability(m.stances.block), troops])
            }
        }
        return table
    }

    /// The interest terms that moved each forecast; `limit` per scenario on displays.
    public static func drivers(_ forecasts: [CrisisForecast], style: CellStyle = .display, limit: Int? = nil) -> TextTable {
        var table = TextTable(columns: [.init("scenario"), .init("driver"), .init("effect on expected level", .right)])
        for f in forecasts {
            for d in f.drivers.prefix(limit ?? f.drivers.count) {
                table.append([f.scenario, d.term, style.exact ? Format.exact(d.effect) : Format.signed(d.effect, 3)])
            }
        }
        return table
    }

    /// One row per forecast: the legal trigger, the expected level and the requester's satisfaction.
    public static func triggers(_ forecasts: [CrisisForecast], style: CellStyle = .export) -> TextTable {
        var table = TextTable(columns: [.init("scenario"), .init("coverage"), .init("cap", .right), .init("strength", .right),
                                        .init("expected level", .right), .init("requester satisfaction", .right),
                                        .init("reasons")])
        for f in forecasts {
            let t = f.trigger
            table.append([f.scenario, t.coverage, String(t.cap), style.fixed(t.strength, 2), style.fixed(f.expectedLevel, 2),
                          style.optional(f.requesterSatisfaction, 2), t.reasons.joined(separator: "; ")])
        }
        return table
    }

    /// The trigger, expected level and deployment basis of one forecast, in words.
    public static func triggerText(_ f: CrisisForecast) -> String {
        let t = f.trigger
        var text = "trigger: \(t.coverage), legally open up to level \(t.cap), strength \(Format.fixed(t.strength, 2)); "
        text += t.reasons.joined(separator: "; ")
        text += "\nexpected level \(Format.fixed(f.expectedLevel, 2))"
        if let s = f.requesterSatisfaction { text += ", requester satisfaction \(Format.fixed(s, 2))" }
        let basis = DeploymentBasis(f)
        text += "\ntroops (if deployed) are means \(basis.phrase) of \(Format.grouped(Double(f.draws)))"
        if let reason = basis.withheldReason { text += "; \(reason)" }
        return text
    }
}

/// The document `pact run --format json` prints: `schema_version`, then `results` (one forecast
/// object per crisis scenario, with its parameter uncertainty when asked for) and, when there are
/// any, `issues` (one bargaining forecast per issue scenario).
public enum RunDocument {
    public static func json(forecasts: [CrisisForecast], uncertain: [UncertainForecast] = [],
                            issues: [(scenario: Scenario, run: BargainingRun)]) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init("results", .array(forecasts.map { f in
                UncertaintyRendering.annotate(f.orderedJSON, with: uncertain.first { $0.scenario == f.scenario })
            })),
        ]
        if !issues.isEmpty {
            members.append(.init("issues", .array(issues.map { BargainingJSON.issueForecast($0.run, scenario: $0.scenario) })))
        }
        return OrderedJSON.object(members).versioned
    }
}
