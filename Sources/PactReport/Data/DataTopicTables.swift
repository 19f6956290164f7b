import PactData
import PactModel

/// A dataset on one day, topic by topic: the tables of `pact data TOPIC` here, the rows of the
/// server's data browser in `DataTopicTables+Browser.swift`. Built once for both front ends so
/// a topic reads the snapshot the same way wherever it is shown; every figure carries its
/// source and year.
public struct DataTopicTables {
    /// What `pact data` can show.
    public enum Topic: String, CaseIterable, Sendable {
        case members, actors, relations, forces, bases, timeline, sources
    }

    /// How `pact data` shows it: an aligned table with headings, JSON (snake_case keys in the
    /// order built) or bare CSV.
    public let dataset: Dataset
    public let snapshot: DatasetSnapshot

    public init(dataset: Dataset, day: Day) {
        self.dataset = dataset
        self.snapshot = dataset.snapshot(on: day)
    }

    public var day: Day { snapshot.day }

    /// One topic in one format, as `pact data` prints it. `actor` narrows the relations to the
    /// pairs involving it; the other topics ignore it.
    public func render(_ topic: Topic, as format: OutputFormat, involving actor: ActorID? = nil) -> String {
        switch topic {
        case .members: actors(onlyParties: true, format)
        case .actors: actors(onlyParties: false, format)
        case .relations: relations(involving: actor, format)
        case .forces: forces(format)
        case .bases: bases(format)
        case .timeline: timeline(format)
        case .sources: sources(format)
        }
    }

    // MARK: members and actors

    func actors(onlyParties: Bool, _ format: OutputFormat) -> String {
        let ids = onlyParties ? snapshot.parties : dataset.actorIDs
        let capability = snapshot.capabilityIndex.mapValues { ($0 * 1e4).rounded() / 1e4 }
        let rows = ids.compactMap { id in dataset.actors[id].map { (actor: $0, attributes: snapshot.attributes[id]) } }
        func named(_ o: AttributeObservation) -> [(String, Sourced<Double>)] {
            [("population", o.population), ("gdp", o.gdp), ("military_expenditure", o.militaryExpenditure),
             ("active_personnel", o.activePersonnel), ("regime_score", o.regimeScore)]
        }
        func status(_ id: ActorID) -> String? { snapshot.status(of: id)?.rawValue }
        switch format {
        case .json:
            let list = OrderedJSON.array(rows.map { row in
                .object([
                    "id": .string(row.actor.id.rawValue), "name": .string(row.actor.name), "kind": .string(row.actor.kind.rawValue),
                    "status": .string(status(row.actor.id)),
                    "capital": .object(["latitude": .number(row.actor.capital.latitude), "longitude": .number(row.actor.capital.longitude)]),
                    "capability_index": .number(capability[row.actor.id]),
                    "attributes": row.attributes.map(OrderedJSON.attributes) ?? .null,
                ])
            })
            return OrderedJSON.object(["as_of": .string(day.description), "organization": .string(dataset.organization.id),
                                       (onlyParties ? "members" : "actors"): list]).rendered()
        case .csv:
            var table = TextTable(columns: ["id", "name", "status", "attribute", "value", "year", "source"].map { .init($0) })
            for row in rows {
                let id = row.actor.id
                for (name, value) in row.attributes.map(named) ?? [] {
                    table.append([id.rawValue, row.actor.name, status(id) ?? "", name, PlainNumber.text(value.value), String(value.year), value.source])
                }
                if let index = capability[id] {
                    table.append([id.rawValue, row.actor.name, status(id) ?? "", "capability_index", Format.fixed(index, 4),
                                  String(day.year), "Pact capability index computed from the attributes above"])
                }
            }
            return table.renderCSV()
        case .table, .markdown, .html:
            var table = TextTable(columns: [
                .init("ID"), .init("Name"), .init("Status"), .init("Population", .right), .init("GDP US$", .right),
                .init("Milex US$", .right), .init("Personnel", .right), .init("Regime", .right), .init("Capability", .right),
            ])
            var sources = TextTable(columns: [.init("ID"), .init("Attribute"), .init("Value", .right), .init("Year", .right), .init("Source")])
            for row in rows {
                let id = row.actor.id, a = row.attributes
                table.append([id.rawValue, row.actor.name, status(id) ?? "-",
                              a.map { Format.compact($0.population.value) } ?? "-", a.map { Format.compact($0.gdp.value) } ?? "-",
                              a.map { Format.compact($0.militaryExpenditure.value) } ?? "-",
                              a.map { Format.compact($0.activePersonnel.value) } ?? "-",
                              a.map { Format.fixed($0.regimeScore.value, 0) } ?? "-",
                              capability[id].map { Format.fixed($0, 4) } ?? "-"])
                for (name, value) in a.map(named) ?? [] {
                    sources.append([id.rawValue, name, Format.compact(value.value), String(value.year), value.source])
                }
            }
            let heading = onlyParties
                ? "\(dataset.organization.id) members on \(day) (\(rows.count); status member or frozen)"
                : "Actors on \(day) (\(rows.count)); status in \(dataset.organization.id)"
            return [heading, "", table.renderAligned(), "",
                    "Capability: share of the dataset's total capability index (all \(dataset.actors.count) actors) on the date.",
                    "", "Sources (year = the year a figure describes)", "", sources.renderAligned()].joined(separator: "\n")
        }
    }

    // MARK: relations

    func relations(involving actor: ActorID?, _ format: OutputFormat) -> String {
        var relations: [Relation] = []
        for from in dataset.actorIDs {
            for to in dataset.actorIDs where from != to {
                if let actor, from != actor && to != actor { continue }
                if let relation = snapshot.relation(from: from, to: to) { relations.append(relation) }
            }
        }
        switch format {
        case .json:
            return OrderedJSON.object(["as_of": .string(day.description), "relations": .array(relations.map {
                .object(["from": .string($0.from.rawValue), "to": .string($0.to.rawValue), "affinity": .number($0.affinity),
                         "dependence": .number($0.dependence), "since": .string($0.period.start.description),
                         "until": .string($0.period.end?.description), "evidence": .string($0.evidence),
                         "source": .string($0.source), "year": .number($0.year),
                         "basis": .string($0.basis?.rawValue), "reason": .string($0.reason)])
            })]).rendered()
        case .csv, .table, .markdown, .html:
            var table = TextTable(columns: [.init("From"), .init("To"), .init("Affinity", .right), .init("Dependence", .right),
                                            .init("Since"), .init("Until"), .init("Evidence"), .init("Source"), .init("Basis")])
            for r in relations {
                let basis = r.basis.map { $0 == .judgement ? (r.reason ?? "judgement") : $0.rawValue } ?? ""
                table.append([r.from.rawValue, r.to.rawValue, Format.fixed(r.affinity, 2), Format.fixed(r.dependence, 2),
                              r.period.start.description, r.period.end?.description ?? "", r.evidence, r.source, basis])
            }
            return format == .csv ? table.renderCSV()
                : "Relations on \(day) (affinity of From toward To, dependence of From on To; Until is the first day no longer in force)\n\n" + table.renderAligned()
        }
    }

    // MARK: forces

    func forces(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return OrderedJSON.object(["as_of": .string(day.description), "forces": .array(snapshot.forces.map { entry in
                .object(["id": .string(entry.force.id), "name": .string(entry.force.name), "kind": .string(entry.force.kind.rawValue),
                         "established": .string(entry.force.established.description), "note": .string(entry.force.note),
                         "size": .sourced(entry.size),
                         "contributions": .array(entry.contributions.map {
                             .object(["actor": .string($0.actor.rawValue), "units": .string($0.units), "size": .sourced($0.size)])
                         })])
            })]).rendered()
        case .csv, .table, .markdown, .html:
            var table = TextTable(columns: [.init("Force"), .init("Kind"), .init("Contributor"), .init("Units"),
                                            .init("Strength", .right), .init("Year", .right), .init("Source")])
            for entry in snapshot.forces {
                table.append([entry.force.id, entry.force.kind.rawValue, "total", entry.force.name, String(entry.size.value),
                              String(entry.size.year), entry.size.source])
                for c in entry.contributions {
                    table.append([entry.force.id, entry.force.kind.rawValue, c.actor.rawValue, c.units, String(c.size.value),
                                  String(c.size.year), c.size.source])
                }
            }
            return format == .csv ? table.renderCSV() : "Collective forces on \(day)\n\n" + table.renderAligned()
        }
    }

    // MARK: bases

    func bases(_ format: OutputFormat) -> String {
        let bases = snapshot.bases.sorted { ($0.host, $0.opened, $0.id) < ($1.host, $1.opened, $1.id) }
        switch format {
        case .json:
            return OrderedJSON.object(["as_of": .string(day.description), "bases": .array(bases.map {
                .object(["id": .string($0.id), "name": .string($0.name), "host": .string($0.host.rawValue),
                         "user": .string($0.user.rawValue), "place": .string($0.place),
                         "latitude": .number($0.coordinates.latitude), "longitude": .number($0.coordinates.longitude),
                         "kind": .string($0.kind), "opened": .string($0.opened.description), "closes": .string($0.closes?.description),
                         "personnel": .sourced($0.personnel), "legal_basis": .string($0.legalBasis), "source": .string($0.source)])
            })]).rendered()
        case .csv, .table, .markdown, .html:
            var table = TextTable(columns: [.init("ID"), .init("Host"), .init("User"), .init("Place"), .init("Kind"),
                                            .init("Opened"), .init("Closes"), .init("Personnel", .right), .init("Year", .right),
                                            .init("Personnel source"), .init("Legal basis")])
            for b in bases {
                table.append([b.id, b.host.rawValue, b.user.rawValue, b.place, b.kind, b.opened.description,
                              b.closes?.description ?? "", String(b.personnel.value), String(b.personnel.year),
                              b.personnel.source, b.legalBasis])
            }
            return format == .csv ? table.renderCSV() : "Bases and facilities open on \(day)\n\n" + table.renderAligned()
        }
    }

    // MARK: timeline

    func timeline(_ format: OutputFormat) -> String {
        let entries = dataset.timeline(through: day)
        switch format {
        case .json:
            return OrderedJSON.object(["as_of": .string(day.description), "timeline": .array(entries.map {
                .object(["date": .string($0.day.description), "kind": .string($0.kind.rawValue), "event": .string($0.text),
                         "source": .string($0.source)])
            })]).rendered()
        case .csv, .table, .markdown, .html:
            var table = TextTable(columns: [.init("Date"), .init("Kind"), .init("Event"), .init("Source")])
            for e in entries { table.append([e.day.description, e.kind.rawValue, e.text, e.source]) }
            return format == .csv ? table.renderCSV() : "Timeline through \(day)\n\n" + table.renderAligned()
        }
    }

    // MARK: sources

    func sources(_ format: OutputFormat) -> String {
        let citations = dataset.citations()
        switch format {
        case .json:
            let summary = dataset.valueBasisSummary()
            return OrderedJSON.object([
                "values": .object(["total": .number(summary.total), "dataset": .number(summary.dataset),
                                   "estimated_from_datasets": .number(summary.estimatedFromDatasets),
                                   "document": .number(summary.document), "judgement": .number(summary.judgement),
                                   "unstated": .number(summary.unstated)]),
                "sources": .array(citations.map {
                    .object(["source": .string($0.source), "count": .number($0.uses.count), "uses": .array($0.uses.map(OrderedJSON.string))])
                }),
            ]).rendered()
        case .csv:
            var table = TextTable(columns: ["source", "count", "uses"].map { .init($0) })
            for c in citations { table.append([c.source, String(c.uses.count), c.uses.joined(separator: "; ")]) }
            return table.renderCSV()
        case .table, .markdown, .html:
            var table = TextTable(columns: [.init("Uses", .right), .init("Source"), .init("Cited by")])
            for c in citations {
                let shown = c.uses.prefix(3).joined(separator: "; ")
                table.append([String(c.uses.count), c.source, c.uses.count > 3 ? "\(shown); ... (\(c.uses.count) in all)" : shown])
            }
            return "\(citations.count) distinct sources in the dataset\n\(dataset.valueBasisSummary().line)\n\n"
                + table.renderAligned()
        }
    }

    /// The published datasets behind the embedded attributes with the citations their publishers
    /// ask for (`pact data sources --citations`).
    public static func datasetCitations(_ format: OutputFormat) -> String {
        let list = DatasetCitation.embedded
        switch format {
        case .json:
            return OrderedJSON.object(["datasets": .array(list.map {
                .object(["dataset": .string($0.dataset), "release": .string($0.release), "used": .string($0.used),
                         "citation": .string($0.citation), "terms": .string($0.terms)])
            })]).rendered()
        case .csv:
            var table = TextTable(columns: ["dataset", "release", "used", "citation", "terms"].map { .init($0) })
            for c in list { table.append([c.dataset, c.release, c.used, c.citation, c.terms]) }
            return table.renderCSV()
        case .table, .markdown, .html:
            return "Datasets behind the actor attributes, with the citation each publisher asks for\n\n"
                + list.map { "\($0.dataset), \($0.release)\n  used: \($0.used)\n  cite: \($0.citation)\n  terms: \($0.terms)" }
                    .joined(separator: "\n\n")
        }
    }

    // MARK: helpers

}

// MARK: - JSON shapes (snake_case keys, in the order built)

private extension OrderedJSON {
    static func sourced(_ value: Sourced<Double>) -> OrderedJSON {
        .object(["value": .number(value.value), "year": .number(value.year), "source": .string(value.source)])
    }

    static func sourced(_ value: Sourced<Int>) -> OrderedJSON { sourced(Sourced(Double(value.value), source: value.source, year: value.year)) }

    static func attributes(_ o: AttributeObservation) -> OrderedJSON {
        .object([
            "population": sourced(o.population), "gdp": sourced(o.gdp),
            "military_expenditure": sourced(o.militaryExpenditure), "active_personnel": sourced(o.activePersonnel),
            "regime_score": regime(o), "observation_year": .number(o.year),
        ])
    }

    /// The regime score with its published uncertainty bounds (`low`, `high`; null without them).
    static func regime(_ o: AttributeObservation) -> OrderedJSON {
        .object(["value": .number(o.regimeScore.value), "year": .number(o.regimeScore.year), "source": .string(o.regimeScore.source),
                 "low": .number(o.regimeScoreBounds?.lowerBound), "high": .number(o.regimeScoreBounds?.upperBound)])
    }
}
