import PactModel

/// One dated entry of a dataset's timeline: a membership change, a Secretary General taking
/// office, a force or base created or closed, a context event starting or ending.
public struct TimelineEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case membership, secretaryGeneral = "secretary-general", decisionRule = "decision-rule", force, base, context
    }
    public var day: Day
    public var kind: Kind
    public var text: String
    public var source: String

    public init(day: Day, kind: Kind, text: String, source: String) {
        self.day = day
        self.kind = kind
        self.text = text
        self.source = source
    }
}

/// A distinct source string and every data value that cites it, e.g.
/// `"RUS population 2000"` or `"relation ARM->RUS from 2018-05-08"`.
public struct SourceCitation: Hashable, Sendable {
    public var source: String
    public var uses: [String]
    public init(source: String, uses: [String]) {
        self.source = source
        self.uses = uses
    }
}

extension Dataset {
    /// Every dated change the dataset records, in date order (ties keep a fixed kind order),
    /// up to and including `last` when given.
    public func timeline(through last: Day? = nil) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        func name(_ id: ActorID) -> String { actors[id]?.name ?? id.rawValue }
        for membership in organization.memberships {
            entries.append(TimelineEntry(day: membership.interval.start, kind: .membership,
                text: "\(name(membership.actor)) (\(membership.actor)): \(membership.status.rawValue)", source: membership.source))
        }
        for secretary in organization.secretariesGeneral {
            let title = secretary.acting ? "acting Secretary General" : "Secretary General"
            entries.append(TimelineEntry(day: secretary.term.start, kind: .secretaryGeneral,
                text: "\(secretary.name) (\(secretary.state)) becomes \(title)", source: secretary.source))
        }
        if let optOut = organization.decisionRule.optOutSince {
            entries.append(TimelineEntry(day: optOut, kind: .decisionRule,
                text: "Opt-out from consensus decisions allowed", source: organization.decisionRule.source))
        }
        for force in forces {
            let source = force.sizes.first?.source ?? ""
            entries.append(TimelineEntry(day: force.established, kind: .force, text: "\(force.name) established", source: source))
        }
        for base in bases {
            entries.append(TimelineEntry(day: base.opened, kind: .base,
                text: "\(base.name) (\(base.user) in \(base.host)) opens", source: base.source))
            if let closes = base.closes {
                entries.append(TimelineEntry(day: closes, kind: .base,
                    text: "\(base.name) (\(base.user) in \(base.host)) closes or its agreement ends", source: base.source))
            }
        }
        for event in context {
            entries.append(TimelineEntry(day: event.period.start, kind: .context, text: "\(event.title) begins", source: event.source))
            if let end = event.period.end {
                entries.append(TimelineEntry(day: end, kind: .context, text: "\(event.title) ends", source: event.source))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: TimelineEntry.Kind.allCases.enumerated().map { ($1, $0) })
        return entries.filter { entry in last.map { entry.day <= $0 } ?? true }
            .enumerated()
            .sorted { ($0.element.day, order[$0.element.kind]!, $0.offset) < ($1.element.day, order[$1.element.kind]!, $1.offset) }
            .map(\.element)
    }

    /// Every distinct source the dataset cites with the values that cite it, sources in order of
    /// first use (organization, actors, relations, forces, bases, context) and uses in file order.
    public func citations() -> [SourceCitation] {
        var order: [String] = []
        var uses: [String: [String]] = [:]
        func cite(_ source: String, _ use: String) {
            if uses[source] == nil { order.append(source) }
            uses[source, default: []].append(use)
        }
        cite(organization.decisionRule.source, "\(organization.id) decision rule")
        for article in organization.articles { cite(article.source, "\(organization.id) article \(article.number)") }
        for body in organization.bodies { cite(body.source, "\(organization.id) body \(body.id)") }
        for secretary in organization.secretariesGeneral {
            cite(secretary.source, "Secretary General \(secretary.name) from \(secretary.term.start)")
        }
        for membership in organization.memberships {
            cite(membership.source, "membership \(membership.actor) \(membership.status.rawValue) from \(membership.interval.start)")
        }
        for id in actorIDs {
            var seen: Set<String> = []
            for observation in actors[id]!.observations {
                let values: [(String, Sourced<Double>)] = [
                    ("population", observation.population), ("gdp", observation.gdp),
                    ("military_expenditure", observation.militaryExpenditure),
                    ("active_personnel", observation.activePersonnel), ("regime_score", observation.regimeScore),
                ]
                // An observation may carry a value forward from an earlier year; cite each value once.
                for (attribute, value) in values where seen.insert("\(attribute) \(value.year)").inserted {
                    cite(value.source, "\(id) \(attribute) \(value.year)")
                }
            }
        }
        for relation in relations {
            cite(relation.source, "relation \(relation.from)->\(relation.to) from \(relation.period.start)")
        }
        for force in forces {
            for size in force.sizes { cite(size.source, "force \(force.id) size \(size.year)") }
            for contribution in force.contributions {
                cite(contribution.size.source, "force \(force.id) \(contribution.actor) \(contribution.size.year)")
            }
        }
        for base in bases {
            cite(base.source, "base \(base.id)")
            cite(base.personnel.source, "base \(base.id) personnel \(base.personnel.year)")
        }
        for event in context {
            cite(event.source, "context \(event.id)")
            if let share = event.leadStateCommittedElsewhere {
                cite(share.source, "context \(event.id) lead state committed elsewhere \(share.year)")
            }
        }
        return order.map { SourceCitation(source: $0, uses: uses[$0]!) }
    }
}
