import Foundation
import PactModel

/// The report on one crisis run: inputs, result, charts, explanation, parameters and the command
/// that reproduces it. Pure: it formats what it is given, so the same run gives the same bytes.
public struct CrisisReport: Sendable {
    public var scenario: Scenario
    public var snapshot: DatasetSnapshot
    public var forecast: CrisisForecast
    /// The parameters the run used, before the scenario's own `uncertainty` overrides.
    public var parameters: ParameterSet
    /// Where the parameters came from ("shipped defaults" or a file name).
    public var parameterSource: String
    /// The exact command line that reproduces the report.
    public var command: String
    public var theme: ChartTheme
    /// "What this forecast depends on" (`SensitivitySection.blocks`), placed after the drivers;
    /// empty leaves the section out.
    public var sensitivity: [ReportDocument.Block] = []

    public init(scenario: Scenario, snapshot: DatasetSnapshot, forecast: CrisisForecast, parameters: ParameterSet,
                parameterSource: String, command: String, theme: ChartTheme = .standard) {
        self.scenario = scenario
        self.snapshot = snapshot
        self.forecast = forecast
        self.parameters = parameters
        self.parameterSource = parameterSource
        self.command = command
        self.theme = theme
    }

    /// The parameter name of the airlift's block speed, which the force schedule needs.
    public static let airliftSpeedParameter = "airlift_speed_kmh"

    var names: [ActorID: String] { snapshot.actors.mapValues(\.name) }

    func name(_ id: ActorID?) -> String {
        guard let id else { return "none" }
        return snapshot.actors[id].map { "\($0.name) (\(id.rawValue))" } ?? id.rawValue
    }

    /// The force schedule behind the build-up chart, nil without enough deployment draws to show it.
    public var forceSchedule: ForceSchedule? {
        guard let crisis = scenario.crisis, DeploymentBasis(forecast).isShown else { return nil }
        let effective = parameters.overriding(ranges: scenario.uncertainty)
        // Without the parameter every contingent lands with the first echelon (infinite speed).
        let speed = effective[Self.airliftSpeedParameter]?.defaultValue ?? .infinity
        return ForceSchedule.derive(from: forecast, snapshot: snapshot, location: crisis.location, airliftSpeedKmh: speed)
    }

    /// The charts, in report order: ladder, members, drivers, force (when a deployment occurs), map.
    public var charts: [Chart] {
        var charts = [LadderChart(forecast).render(theme), MemberChart(forecast, names: names).render(theme),
                      DriverChart(forecast).render(theme)]
        if let schedule = forceSchedule { charts.append(ForceBuildUpChart(schedule).render(theme)) }
        charts.append(MapChart(MapData.crisis(scenario.crisis, snapshot: snapshot)).render(theme))
        return charts
    }

    public var document: ReportDocument {
        let charts = Dictionary(uniqueKeysWithValues: self.charts.map { ($0.id, $0) })
        var doc = ReportDocument(
            title: scenario.title,
            subtitle: "Pact crisis report · scenario \(scenario.id) · \(snapshot.organization.name) as of \(scenario.date) · \(Format.grouped(Double(forecast.draws))) draws, seed \(forecast.seed)")
        doc.append(.heading("Summary"))
        for sentence in CrisisExplanation(scenario: scenario, snapshot: snapshot, forecast: forecast).sentences {
            doc.append(.paragraph(sentence))
        }
        doc.append(.heading("Result"))
        doc.append(.facts(resultFacts))
        if let chart = charts["ladder"] { doc.append(.chart(chart)) }
        doc.append(.table(ladderTable, caption: "Probability of each level"))
        doc.append(.subheading("Why the treaty allows what it allows"))
        doc.append(.list(forecast.trigger.reasons))
        doc.append(.heading("Members"))
        if let chart = charts["members"] { doc.append(.chart(chart)) }
        doc.append(.table(memberTable, caption: "Members on the scenario date (weight: mean share of the bargaining weight)"))
        doc.append(.heading("Drivers"))
        if let chart = charts["drivers"] { doc.append(.chart(chart)) }
        doc.append(.table(driverTable, caption: nil))
        for block in sensitivity { doc.append(block) }
        doc.append(.heading("Force and timing"))
        if let reason = DeploymentBasis(forecast).withheldReason, forecast.force != nil {
            doc.append(.paragraph("Force and timeline \(reason)."))
        } else if let chart = charts["force"], let schedule = forceSchedule {
            doc.append(.chart(chart))
            doc.append(.table(scheduleTable(schedule), caption: "Derived schedule (mean over deployment draws)"))
        } else {
            doc.append(.paragraph("No draw ends in a collective deployment (level 5), so no force forms and there is no timeline."))
        }
        doc.append(.heading("Map"))
        if let chart = charts["map"] { doc.append(.chart(chart)) }
        doc.append(.heading("Inputs"))
        doc.append(.facts(inputFacts))
        if let notes = scenario.notes, !notes.isEmpty {
            doc.append(.subheading("Scenario notes"))
            for block in ReportDocument.reflow(notes) { doc.append(block) }
        }
        doc.append(.heading("Parameters"))
        doc.append(.paragraph("Source: \(parameterSource). Each draw samples every parameter from its range (default as the mode); rows marked * were overridden by the scenario's uncertainty block. docs/MODEL.md explains each one."))
        doc.append(.table(parameterTable, caption: nil))
        doc.append(.heading("Reproduce"))
        doc.append(.paragraph("Seed \(forecast.seed), \(Format.grouped(Double(forecast.draws))) draws. The same command gives the same figures on any machine and any thread count:"))
        doc.append(.code(command))
        doc.append(.note("Forecasts are model output under stated assumptions, not predictions of fact. The model and its limits are documented in docs/MODEL.md."))
        return doc
    }

    var resultFacts: [(String, String)] {
        var facts: [(String, String)] = [
            ("modal level", CrisisExplanation.level(forecast.modal) + " · \(Format.percentage(forecast.levels[forecast.modal]))"),
            ("expected level", Format.fixed(forecast.expectedLevel, 2)),
            ("P(level 3 or more)", Format.percentage(forecast.levels.dropFirst(3).reduce(0, +))),
            ("lead state acts alone (unilateral)", Format.percentage(forecast.unilateral)),
        ]
        let basis = DeploymentBasis(forecast)
        facts.append(("force, if deployed", basis.forceText(forecast)))
        if let days = forecast.daysToFirstArrival, basis.isShown {
            facts.append(("days to first arrival", "\(Format.fixed(days.mean, 1)) (\(Format.fixed(days.p10, 1))-\(Format.fixed(days.p90, 1)))"))
        }
        if let s = forecast.requesterSatisfaction { facts.append(("requester satisfaction", Format.fixed(s, 2))) }
        facts.append(("treaty coverage", "\(forecast.trigger.coverage), open up to level \(forecast.trigger.cap), strength \(Format.fixed(forecast.trigger.strength, 2))"))
        return facts
    }

    var ladderTable: TextTable {
        var table = TextTable(columns: [.init("level", .right), .init("name"), .init("meaning"), .init("probability", .right)])
        for (k, p) in forecast.levels.enumerated() {
            let level = ResponseLevel(rawValue: k)
            table.append([String(k), (level?.name ?? "") + (k == forecast.modal ? " (modal)" : ""), level?.meaning ?? "",
                          Format.probability(p)])
        }
        return table
    }

    var memberTable: TextTable {
        var table = TextTable(columns: [.init("member"), .init("role"), .init("preferred level", .right), .init("salience", .right),
                                        .init("stance"), .init("support", .right), .init("abstain", .right),
                                        .init("block", .right), .init("weight", .right), .init("troops (if deployed)", .right)])
        let basis = DeploymentBasis(forecast)
        for m in forecast.members {
            table.append([name(m.id), m.role, Format.fixed(m.position, 2), Format.fixed(m.salience, 2), m.stance.rawValue,
                          Format.probability(m.stances.support), Format.probability(m.stances.abstain),
                          Format.probability(m.stances.block), Format.fixed(m.weight, 2), basis.troops(m.contribution)])
        }
        return table
    }

    var driverTable: TextTable {
        var table = TextTable(columns: [.init("interest term"), .init("effect on expected level", .right)])
        for d in forecast.drivers { table.append([d.term, Format.signed(d.effect, 3)]) }
        return table
    }

    func scheduleTable(_ schedule: ForceSchedule) -> TextTable {
        var table = TextTable(columns: [.init("contributor"), .init("troops", .right), .init("lands on day", .right),
                                        .init("on the ground", .right)])
        var running = 0.0
        for c in schedule.contingents {
            running += c.troops
            table.append([name(c.actor), Format.grouped(c.troops), Format.fixed(c.arrivalDay, 2), Format.grouped(running)])
        }
        return table
    }

    var inputFacts: [(String, String)] {
        var facts: [(String, String)] = [
            ("scenario", scenario.id),
            ("title", scenario.title),
            ("date", scenario.date.description),
            ("organization", "\(snapshot.organization.name) (\(scenario.organization))"),
            ("members on the date", snapshot.members.map { name($0) }.joined(separator: ", ")),
        ]
        let inactive = snapshot.parties.filter { !snapshot.members.contains($0) }
        if !inactive.isEmpty { facts.append(("frozen or suspended", inactive.map { name($0) }.joined(separator: ", "))) }
        if let c = scenario.crisis {
            facts += [
                ("crisis type", c.type.rawValue),
                ("location", name(c.location)),
                ("territory", c.territory.rawValue),
                ("requester", name(c.requester)),
                ("article invoked", c.article.map { n in
                    "Article \(n)" + (snapshot.organization.article(n).map { ": \($0.title)" } ?? "")
                } ?? "none"),
                ("belligerent members", c.effectiveBelligerents.isEmpty ? "none" : c.effectiveBelligerents.map { name($0) }.joined(separator: ", ")
                    + (c.belligerents == nil ? " (default: the requester against a state)" : "")),
                ("adversary", "\(c.adversary.kind.rawValue)" + (c.adversary.actor.map { ", \(name($0))" } ?? "")
                    + ", external backing \(c.adversary.externalBacking.rawValue)"),
                ("severity", "\(Format.grouped(c.severity.deaths)) deaths, \(Format.grouped(c.severity.displaced)) displaced, \(Format.grouped(c.severity.territoryKm2)) km² of territory"),
                ("expected duration", "\(Format.compact(c.expectedDurationDays)) days"),
            ]
        }
        let committed = scenario.context.leadStateCommittedElsewhere
        facts.append(("lead state's forces tied down elsewhere",
                      committed.map { "\(Format.percentage($0, decimals: 0)) (scenario override)" }
                        ?? "\(Format.percentage(snapshot.leadStateCommittedElsewhere, decimals: 0)) (dataset context on the date)"))
        if !scenario.uncertainty.isEmpty {
            facts.append(("uncertainty overrides", scenario.uncertainty.keys.sorted().map { key in
                let r = scenario.uncertainty[key]!
                return "\(key) \(Format.compact(r.lowerBound))-\(Format.compact(r.upperBound))"
            }.joined(separator: ", ")))
        }
        return facts
    }

    var parameterTable: TextTable {
        let effective = parameters.overriding(ranges: scenario.uncertainty)
        var table = TextTable(columns: [.init("parameter"), .init("default", .right), .init("low", .right), .init("high", .right)])
        for p in effective.parameters {
            let mark = scenario.uncertainty[p.name] != nil ? " *" : ""
            table.append([p.name + mark, Self.figure(p.defaultValue), Self.figure(p.low), Self.figure(p.high)])
        }
        return table
    }

    static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : Format.fixed(value, 3)
    }

    public func html() -> String { document.html() }

    public func markdown(imagePrefix: String) -> (text: String, images: [(name: String, svg: String)]) {
        document.markdown(imagePrefix: imagePrefix)
    }
}
