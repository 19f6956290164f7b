import PactEngine
import PactModel

/// The cohesion outlook as users get it: the members table, the fan-chart data, and with
/// `explain` the anchor terms, crisis templates and relation trends; as aligned text, tidy CSV
/// tables or the outlook JSON document (`pact schema --output outlook`).
public struct OutlookReport: Sendable {
    public let forecast: OutlookForecast
    /// Whether crises were also drawn from episodes after the start (a diagnostic).
    public let lookAhead: Bool

    public init(_ forecast: OutlookForecast, lookAhead: Bool) {
        self.forecast = forecast
        self.lookAhead = lookAhead
    }

    static func statusName(_ s: OutlookSetup.Status) -> String { s == .disengaged ? "frozen/suspended" : s.rawValue }

    /// Every table, by the name `--table` and `-o DIR` use: members, fan, terms, templates,
    /// trends. `style` rounds for reading (`.display`) or keeps every digit (`.export`).
    public func tables(_ style: CellStyle) -> TableSet {
        let f = forecast, setup = f.setup
        var members = TextTable(columns: [.init("member"), .init("role"), .init("start"), .init("anchor", .right), .init("P full", .right),
                                          .init("P frozen/suspended", .right), .init("P left", .right),
                                          .init("P ever froze or left", .right), .init("satisfaction", .right)])
        for r in f.members {
            let anchor = setup.members.first { $0.id == r.id }!
            members.append([r.id.rawValue, anchor.isLead ? "lead" : "member", Self.statusName(r.startStatus),
                            style.fixed(anchor.anchor, 2), style.probability(r.full), style.probability(r.disengaged),
                            style.probability(r.left), style.probability(r.exitOrFreeze),
                            style.optional(r.satisfaction, 2)])
        }
        var fan = TextTable(columns: [.init("date"), .init("years", .right), .init("full p10", .right), .init("full p50", .right),
                                      .init("full p90", .right), .init("full mean", .right), .init("cohesion p10", .right),
                                      .init("cohesion p25", .right), .init("cohesion p50", .right), .init("cohesion p75", .right),
                                      .init("cohesion p90", .right), .init("cohesion mean", .right)])
        for point in f.fan {
            let a = point.fullMembers, c = point.cohesion
            fan.append([point.date.description, style.fixed(point.years, 2), style.fixed(a.p10, 0), style.fixed(a.p50, 0),
                        style.fixed(a.p90, 0), style.fixed(a.mean, 2), style.fixed(c.p10, 3), style.fixed(c.p25, 3),
                        style.fixed(c.p50, 3), style.fixed(c.p75, 3), style.fixed(c.p90, 3), style.fixed(c.mean, 3)])
        }
        var terms = TextTable(columns: [.init("member"), .init("loyalty", .right), .init("need", .right), .init("tension", .right),
                                        .init("outside option", .right), .init("best outside"), .init("anchor", .right)])
        for m in setup.members {
            terms.append([m.id.rawValue, style.fixed(m.loyalty, 2), style.fixed(m.need, 2), style.fixed(m.tension, 3),
                          style.fixed(m.outsideOption, 3), m.bestOutside?.rawValue ?? style.missing, style.fixed(m.anchor, 3)])
        }
        var templates = TextTable(columns: [.init("template"), .init("type"), .init("place"), .init("rate/yr", .right),
                                            .init("affects"), .init("cap", .right), .init("wanted", .right), .init("P5", .right), .init("expected level", .right)])
        for t in setup.templates {
            let expected = t.levels.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
            templates.append([t.id, t.type.rawValue, t.place.rawValue, style.fixed(t.ratePerYear, 4),
                              t.affected >= 0 ? setup.members[t.affected].id.rawValue : style.missing, String(t.cap), style.optional(t.wanted, 2),
                              style.probability(t.levels[5]), style.fixed(expected, 2)])
        }
        var trends = TextTable(columns: [.init("pair"), .init("now", .right), .init("historical mean", .right),
                                         .init("changes²", .right), .init("window years", .right), .init("volatility/√yr", .right)])
        for t in Self.reportedTrends(setup) {
            trends.append(["\(t.first)-\(t.second)", style.fixed(t.current, 3), style.fixed(t.historicalMean, 3),
                           style.fixed(t.squaredChanges, 4), style.fixed(t.windowYears, 1), style.fixed(t.volatility, 3)])
        }
        var set = TableSet()
        for (name, table) in [("members", members), ("fan", fan), ("terms", terms), ("templates", templates), ("trends", trends)] {
            set.add(name, table)
        }
        return set
    }

    /// The aligned text `pact outlook` prints: a header on what was simulated, the members, the
    /// totals and the fan data; with `explain` the anchor terms, templates and trends too.
    public func text(explain: Bool) -> String {
        let f = forecast, setup = f.setup
        let tables = self.tables(.display)
        func table(_ name: String) -> String { tables.entries.first { $0.name == name }!.table.renderAligned() }
        let windowEnd = setup.caseWindow.end ?? setup.to
        var header = "Cohesion outlook \(setup.from) to \(setup.to) (\(Format.fixed(setup.years, 2)) years): \(f.runs) runs, seed \(f.seed)"
        header += setup.usesHindsight ? "\ndataset as of each anniversary of \(setup.from); " : "\ndataset as of \(setup.from), relations moving as their history before it suggests; "
        let structural = setup.templates.filter { $0.id.hasPrefix(OutlookSetup.structuralPrefix) }.count
        header += "\(setup.templates.count - structural) crisis templates from the case library, "
        header += "episodes \(setup.caseWindow.start) to \(windowEnd) (\(Format.fixed(setup.windowYears, 1)) years"
        header += lookAhead ? ", LOOK-AHEAD: episodes after the start included, a diagnostic)" : ", none after the start)"
        if structural > 0 { header += ", and \(structural) structural (a member's most hostile neighbour attacks it)" }
        if setup.usesHindsight {
            header += "\nHINDSIGHT DIAGNOSTIC: anchors and crisis outcomes recomputed each year from the dataset as it turned out; not a forecast"
        }
        let totals = "expected crises \(Format.fixed(f.expectedCrises, 2)), expected collective deployments \(Format.fixed(f.expectedDeployments, 2))"
        var blocks = [header, table("members"), totals, "Fan chart data (full members; cohesion = mean satisfaction of the non-lead members, 0 once gone)", table("fan")]
        if explain {
            let allied = setup.alliedOutsiders.isEmpty ? "none" : setup.alliedOutsiders.map(\.rawValue).joined(separator: ", ")
            blocks += ["Anchor terms (outsiders the landscape puts in the alliance's bloc, counted inside for tension: \(allied))",
                       table("terms"), "Crisis templates", table("templates")]
            if !setup.trends.isEmpty {
                blocks += ["Relation trends: each member's tie to the lead state and every tie that changed before the start "
                           + "(the other \(setup.trends.count - Self.reportedTrends(setup).count) never changed: they move around their start value with the shrunk pooled volatility)",
                           table("trends")]
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The trends `--explain` lists: each member's tie to the lead state and every tie that moved
    /// in the window (the others differ only by the pooled volatility).
    static func reportedTrends(_ setup: OutlookSetup) -> [RelationTrend] {
        let lead = setup.members.first { $0.isLead }?.id
        // Pairs are (member, other): the lead state is always the second.
        return setup.trends.filter { $0.second == lead || $0.squaredChanges > 0 }
    }

    /// The fan chart of the cohesion index or of the number of full members.
    public func fanChart(fullMembers: Bool) -> Chart {
        let f = forecast
        func points(_ band: (OutlookForecast.FanPoint) -> OutlookForecast.Band) -> [FanPoint] {
            f.fan.map { p in
                let b = band(p)
                return FanPoint(label: String(p.date.year), years: p.years, p10: b.p10, p25: b.p25, p50: b.p50, p75: b.p75, p90: b.p90)
            }
        }
        let span = "\(f.setup.from.year)–\(f.setup.to.year), \(f.runs) runs"
        if fullMembers {
            return FanChart(points: points(\.fullMembers), title: "Full members \(span)", yLabel: "full members",
                            yDomain: 0...Double(f.setup.members.count), id: "full-members").render()
        }
        return FanChart(points: points(\.cohesion), title: "Cohesion outlook \(span)",
                        yLabel: "cohesion (mean satisfaction of non-lead members)", yDomain: 0...1, id: "cohesion").render()
    }

    /// The outlook document (`pact schema --output outlook`).
    public var json: OrderedJSON {
        let f = forecast, setup = f.setup
        func band(_ b: OutlookForecast.Band) -> OrderedJSON {
            .object(["p10": .number(b.p10), "p25": .number(b.p25), "p50": .number(b.p50), "p75": .number(b.p75),
                     "p90": .number(b.p90), "mean": .number(b.mean)])
        }
        let members = f.members.map { r -> OrderedJSON in
            let m = setup.members.first { $0.id == r.id }!
            return .object([
                "id": .string(r.id.rawValue), "lead": .bool(m.isLead), "start_status": .string(r.startStatus.rawValue),
                "p_full": .number(r.full), "p_disengaged": .number(r.disengaged), "p_left": .number(r.left),
                "p_exit_or_freeze": .number(r.exitOrFreeze), "satisfaction": .number(r.satisfaction.isNaN ? nil : r.satisfaction),
                "anchor": .number(m.anchor), "loyalty": .number(m.loyalty), "need": .number(m.need), "tension": .number(m.tension),
                "outside_option": .number(m.outsideOption), "best_outside": .string(m.bestOutside?.rawValue),
            ])
        }
        let templates = setup.templates.map { t -> OrderedJSON in
            .object([
                "id": .string(t.id), "type": .string(t.type.rawValue), "place": .string(t.place.rawValue),
                "rate_per_year": .number(t.ratePerYear),
                "affected": .string(t.affected >= 0 ? setup.members[t.affected].id.rawValue : nil),
                "cap": .number(t.cap), "wanted": .number(t.wanted), "levels": .array(t.levels.map { .number($0) }),
            ])
        }
        return .object([
            "schema_version": .number(OutputSchemas.version),
            "from": .string(setup.from.description), "to": .string(setup.to.description), "runs": .number(f.runs),
            "seed": .number(f.seed), "hindsight": .bool(setup.usesHindsight), "look_ahead": .bool(lookAhead),
            "case_window": .object(["from": .string(setup.caseWindow.start.description),
                                    "to": .string((setup.caseWindow.end ?? setup.to).description), "years": .number(setup.windowYears)]),
            "expected_crises": .number(f.expectedCrises), "expected_deployments": .number(f.expectedDeployments),
            "members": .array(members),
            "allied_outsiders": .array(setup.alliedOutsiders.map { .string($0.rawValue) }),
            "fan": .array(f.fan.map { .object(["date": .string($0.date.description), "years": .number($0.years),
                                               "full_members": band($0.fullMembers), "cohesion": band($0.cohesion)]) }),
            "templates": .array(templates),
            "relation_trends": .array(setup.trends.map { t in
                .object(["pair": .array([.string(t.first.rawValue), .string(t.second.rawValue)]), "current": .number(t.current),
                         "historical_mean": .number(t.historicalMean), "squared_changes": .number(t.squaredChanges),
                         "window_years": .number(t.windowYears), "volatility": .number(t.volatility)])
            }),
        ])
    }
}
