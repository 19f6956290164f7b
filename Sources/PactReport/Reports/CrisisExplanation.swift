import PactModel

/// The forecast told in sentences: who asked under which article, what the treaty allowed, the
/// most likely response, what the lead state wanted, who stood aside and why, the main driver,
/// and the force and its timing. Built only from the scenario, the snapshot and the forecast, so
/// every figure in it is one the tables and charts also show.
public struct CrisisExplanation: Sendable {
    public var scenario: Scenario
    public var snapshot: DatasetSnapshot
    public var forecast: CrisisForecast

    public init(scenario: Scenario, snapshot: DatasetSnapshot, forecast: CrisisForecast) {
        self.scenario = scenario
        self.snapshot = snapshot
        self.forecast = forecast
    }

    func name(_ id: ActorID) -> String { snapshot.actors[id]?.name ?? id.rawValue }

    static func level(_ k: Int) -> String {
        ResponseLevel(rawValue: k).map { "level \(k) (\($0.name))" } ?? "level \(k)"
    }

    /// The level as a noun phrase: "a mission", "aid", "no collective act".
    static func phrase(_ k: Int) -> String {
        switch ResponseLevel(rawValue: k) {
        case .none?: "no collective act"
        case .statement?: "a statement"
        case .consultations?: "consultations"
        case .mission?: "a mission"
        case .aid?: "aid"
        case .deployment?: "a deployment"
        case nil: "level \(k)"
        }
    }

    /// The paragraphs, in reading order.
    public var sentences: [String] {
        var out: [String] = []
        if let crisis = scenario.crisis { out.append(request(crisis)) }
        out.append(treaty)
        out.append(outcome)
        if let lead = leadSentence { out.append(lead) }
        out.append(dissent)
        if let driver = driverSentence { out.append(driver) }
        out.append(forceSentence)
        if let satisfaction = forecast.requesterSatisfaction, let requester = scenario.crisis?.requester {
            out.append("\(name(requester)) gets on average \(Format.percentage(satisfaction, decimals: 0)) of what it asked for (requester satisfaction \(Format.fixed(satisfaction, 2))).")
        }
        return out
    }

    func request(_ crisis: Crisis) -> String {
        let kind = crisis.type.rawValue.replacingOccurrences(of: "-", with: " ")
        var text = "The crisis: \(kind) in \(name(crisis.location)) on \(scenario.date)"
        if crisis.territory != .sovereign { text += ", on \(crisis.territory.rawValue) territory" }
        var adversary: String
        switch crisis.adversary.kind {
        case .state: adversary = "adversary: " + (crisis.adversary.actor.map { name($0) } ?? "a state")
        case .nonstate: adversary = "adversary: a non-state group"
        case .internal: adversary = "adversary: domestic"
        }
        switch crisis.adversary.externalBacking {
        case .none: break
        case .alleged: adversary += ", outside backing alleged"
        case .evident: adversary += ", evident outside backing"
        }
        text += " (\(adversary)). "
        let organization = snapshot.organization.name
        if let requester = crisis.requester {
            if let number = crisis.article {
                let title = snapshot.organization.article(number).map { " (\($0.title))" } ?? ""
                text += "\(name(requester)) asked the \(organization) for help under Article \(number)\(title)."
            } else {
                text += "\(name(requester)) asked the \(organization) for help without invoking a treaty article."
            }
        } else {
            text += "No member asked the \(organization) for help."
        }
        return text
    }

    var treaty: String {
        let t = forecast.trigger
        var text = "The treaty's coverage is \(t.coverage.replacingOccurrences(of: "-", with: " ")): the organization can legally go up to \(Self.level(t.cap)), with a trigger strength of \(Format.fixed(t.strength, 2)) on a 0-1 scale."
        if !t.reasons.isEmpty {
            let reasons = t.reasons.map { reason in reason.first.map { String($0).uppercased() + reason.dropFirst() } ?? reason }
            text += " " + reasons.joined(separator: ". ")
        }
        return text.hasSuffix(".") ? text : text + "."
    }

    var outcome: String {
        let modal = forecast.modal
        let atLeastMission = forecast.levels.dropFirst(3).reduce(0, +)
        var text = "The most likely collective response is \(Self.level(modal)), in \(Format.percentage(forecast.levels[modal])) of the \(Format.grouped(Double(forecast.draws))) draws; the expected level is \(Format.fixed(forecast.expectedLevel, 2))"
        text += " and the chance of a mission or more (level 3 or higher) is \(Format.percentage(atLeastMission))."
        return text
    }

    var leadSentence: String? {
        let lead = snapshot.leadState
        guard let member = forecast.members.first(where: { $0.id == lead }) else {
            return "\(name(lead)), the lead state, takes no part in the decision; it acts alone outside the organization in \(Format.percentage(forecast.unilateral)) of draws."
        }
        let preferred = Int(member.position.rounded())
        var text = "\(name(lead))'s preferred level was \(Format.fixed(member.position, 1)) on average, closest to \(Self.phrase(preferred)) (level \(preferred)), with salience \(Format.fixed(member.salience, 2))"
        text += "; it acts alone outside the organization in \(Format.percentage(forecast.unilateral)) of draws."
        return text
    }

    var dissent: String {
        let dissenters = forecast.members.filter { $0.stance != .support }
        if dissenters.isEmpty {
            let reluctant = forecast.members.max { ($0.stances.abstain + $0.stances.block) < ($1.stances.abstain + $1.stances.block) }
            guard let reluctant, reluctant.stances.abstain + reluctant.stances.block >= 0.05 else {
                return "Every member supported the first proposal in nearly all draws."
            }
            return "Every member most often supported the first proposal; the most reluctant was \(name(reluctant.id)) (abstained in \(Format.percentage(reluctant.stances.abstain)) and blocked in \(Format.percentage(reluctant.stances.block)) of draws, preferred level \(Format.fixed(reluctant.position, 1)))."
        }
        let parts = dissenters.map { m -> String in
            let verb = m.stance == .block ? "blocked" : "abstained"
            let share = m.stance == .block ? m.stances.block : m.stances.abstain
            let gap = forecast.expectedLevel - m.position
            let why: String
            if gap > 0.5 {
                why = "its preferred level, \(Format.fixed(m.position, 1)), is well below what the others want"
            } else if gap < -0.5 {
                why = "it wanted more (preferred level \(Format.fixed(m.position, 1)))"
            } else {
                why = "it cares little (salience \(Format.fixed(m.salience, 2))) and the opt-out lets it stand aside"
            }
            return "\(name(m.id)) \(verb) in \(Format.percentage(share)) of draws because \(why)"
        }
        return parts.joined(separator: "; ") + "."
    }

    var driverSentence: String? {
        guard let top = forecast.drivers.first, top.effect != 0 else { return nil }
        let term = top.term.replacingOccurrences(of: "_", with: " ")
        let direction = top.effect > 0 ? "raised" : "lowered"
        var text = "The term that moved the forecast most was \(term): it \(direction) the expected level by \(Format.fixed(abs(top.effect), 2)) (without it: \(Format.fixed(forecast.expectedLevel - top.effect, 2)))"
        if forecast.drivers.count > 1, forecast.drivers[1].effect != 0 {
            let second = forecast.drivers[1]
            text += ", followed by \(second.term.replacingOccurrences(of: "_", with: " ")) (\(Format.signed(second.effect, 2)))"
        }
        return text + "."
    }

    var forceSentence: String {
        guard let force = forecast.force, let days = forecast.daysToFirstArrival else {
            return "No draw ends in a collective deployment, so there is no force or arrival time to report."
        }
        let basis = DeploymentBasis(forecast)
        guard basis.isShown else {
            return "Only \(Format.grouped(Double(basis.draws))) of \(Format.grouped(Double(forecast.draws))) draws end in a collective deployment: too few to say how large a force would deploy or how fast (such figures are withheld below \(DeploymentBasis.minimumDraws) deployment draws)."
        }
        var text = "In the \(Format.percentage(forecast.levels[5])) of draws that end in a deployment (\(Format.grouped(Double(basis.draws))) of \(Format.grouped(Double(forecast.draws)))), \(Format.grouped(force.mean)) troops deploy on average (10th-90th percentile \(Format.grouped(force.p10))-\(Format.grouped(force.p90)))"
        let contributors = forecast.members.filter { $0.contribution > 0 }.sorted { $0.contribution > $1.contribution }
        if !contributors.isEmpty {
            text += ", from " + contributors.prefix(4).map { "\(name($0.id)) (\(Format.grouped($0.contribution)))" }.joined(separator: ", ")
            if contributors.count > 4 {
                let rest = contributors.count - 4
                text += " and \(rest) more contributor\(rest == 1 ? "" : "s")"
            }
        }
        text += "; the first troops land \(Format.fixed(days.mean, 1)) days after the request (\(Format.fixed(days.p10, 1))-\(Format.fixed(days.p90, 1)))."
        return text
    }
}
