import ArgumentParser
import Foundation
import PactData
import PactModel
import PactReport

/// `pact data TOPIC`: browse the dataset as of a date.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Browse the embedded dataset (or another alliance's) as of a date.",
        discussion: """
            Topics:
              members    members on the date (status member or frozen) with their attributes, \
            capability index and the source and year of every figure
              actors     every actor with its status on the date and its attributes
              relations  affinity and dependence of every ordered pair on the date, with evidence
              forces     collective forces in existence on the date, sizes and contributions
              bases      foreign bases and facilities open on the date
              timeline   memberships, Secretaries General, forces, bases and context events up to the date
              sources    every distinct source in the dataset and what cites it

            Attributes follow the dataset's as-of rule: the latest observation at or before the \
            date's year, or the first observation for earlier dates. Each figure shows the year \
            it was observed. The capability index is each actor's share of the dataset's total \
            capability (0.4 military expenditure, 0.3 GDP, 0.2 active personnel, 0.1 population).
            """
    )

    enum Topic: String, CaseIterable, ExpressibleByArgument {
        case members, actors, relations, forces, bases, timeline, sources
    }

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, json, csv
    }

    @Argument(help: "What to show: \(Topic.allCases.map(\.rawValue).joined(separator: ", ")).")
    var topic: Topic

    @Option(name: .customLong("as-of"), help: "The date, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(name: .customLong("dataset"), help: "A directory with the six dataset files (default: the embedded CSTO).")
    var datasetDirectory: String?

    @Option(help: "For relations: only pairs involving this actor id.")
    var actor: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date of the form YYYY-MM-DD (for example 2012-06-01)")
        }
    }

    func run() throws {
        let day = asOf.flatMap(Day.init(iso:)) ?? Self.today()
        let dataset = try datasetDirectory.map { try DatasetLoader(directory: URL(fileURLWithPath: $0)).load() }
            ?? Embedded.dataset()
        if let actor, dataset.actors[ActorID(actor)] == nil {
            throw ValidationError("--actor '\(actor)' is not in the dataset; known actors are \(dataset.actorIDs.map(\.rawValue).joined(separator: ", "))")
        }
        let view = DataView(dataset: dataset, day: day, format: format)
        let output: String
        switch topic {
        case .members: output = try view.actors(onlyParties: true)
        case .actors: output = try view.actors(onlyParties: false)
        case .relations: output = try view.relations(involving: actor.map { ActorID($0) })
        case .forces: output = try view.forces()
        case .bases: output = try view.bases()
        case .timeline: output = try view.timeline()
        case .sources: output = try view.sources()
        }
        print(output)
    }

    /// Today's date in UTC, the default as-of date. Read here, in the CLI, so the libraries stay clock-free.
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Renders one topic of a dataset snapshot in one format.
private struct DataView {
    let dataset: Dataset
    let snapshot: DatasetSnapshot
    let format: DataCommand.Format

    init(dataset: Dataset, day: Day, format: DataCommand.Format) {
        self.dataset = dataset
        self.snapshot = dataset.snapshot(on: day)
        self.format = format
    }

    var day: Day { snapshot.day }

    // MARK: members and actors

    func actors(onlyParties: Bool) throws -> String {
        let ids = onlyParties ? snapshot.parties : dataset.actorIDs
        let capability = snapshot.capabilityIndex
        let records = ids.compactMap { id -> ActorRecord? in
            guard let actor = dataset.actors[id] else { return nil }
            let attributes = snapshot.attributes[id].map { AttributesRecord($0) }
            return ActorRecord(id: id.rawValue, name: actor.name, kind: actor.kind.rawValue,
                               status: snapshot.status(of: id)?.rawValue,
                               capital: CapitalRecord(latitude: actor.capital.latitude, longitude: actor.capital.longitude),
                               capabilityIndex: capability[id].map { ($0 * 1e4).rounded() / 1e4 }, attributes: attributes)
        }
        switch format {
        case .json:
            if onlyParties {
                return try json(MembersDocument(asOf: day.description, organization: dataset.organization.id, members: records))
            }
            return try json(ActorsDocument(asOf: day.description, organization: dataset.organization.id, actors: records))
        case .csv:
            var table = TextTable(columns: ["id", "name", "status", "attribute", "value", "year", "source"].map { .init($0) })
            for record in records {
                for (name, value) in record.attributes?.named ?? [] {
                    table.append([record.id, record.name, record.status ?? "", name, plain(value.value), String(value.year), value.source])
                }
                if let index = record.capabilityIndex {
                    table.append([record.id, record.name, record.status ?? "", "capability_index", Format.fixed(index, 4),
                                  String(day.year), "Pact capability index computed from the attributes above"])
                }
            }
            return table.renderCSV()
        case .table:
            var table = TextTable(columns: [
                .init("ID"), .init("Name"), .init("Status"), .init("Population", .right), .init("GDP US$", .right),
                .init("Milex US$", .right), .init("Personnel", .right), .init("Regime", .right), .init("Capability", .right),
            ])
            var sources = TextTable(columns: [.init("ID"), .init("Attribute"), .init("Value", .right), .init("Year", .right), .init("Source")])
            for record in records {
                let a = record.attributes
                table.append([record.id, record.name, record.status ?? "-",
                              a.map { Format.compact($0.population.value) } ?? "-", a.map { Format.compact($0.gdp.value) } ?? "-",
                              a.map { Format.compact($0.militaryExpenditure.value) } ?? "-",
                              a.map { Format.compact($0.activePersonnel.value) } ?? "-",
                              a.map { Format.fixed($0.regimeScore.value, 0) } ?? "-",
                              record.capabilityIndex.map { Format.fixed($0, 4) } ?? "-"])
                for (name, value) in a?.named ?? [] {
                    sources.append([record.id, name, Format.compact(value.value), String(value.year), value.source])
                }
            }
            let heading = onlyParties
                ? "\(dataset.organization.id) members on \(day) (\(records.count); status member or frozen)"
                : "Actors on \(day) (\(records.count)); status in \(dataset.organization.id)"
            return [heading, "", table.renderAligned(), "", "Sources (year = the year a figure describes)", "",
                    sources.renderAligned()].joined(separator: "\n")
        }
    }

    // MARK: relations

    func relations(involving actor: ActorID?) throws -> String {
        var relations: [Relation] = []
        for from in dataset.actorIDs {
            for to in dataset.actorIDs where from != to {
                if let actor, from != actor && to != actor { continue }
                if let relation = snapshot.relation(from: from, to: to) { relations.append(relation) }
            }
        }
        switch format {
        case .json:
            let records = relations.map {
                RelationRecord(from: $0.from.rawValue, to: $0.to.rawValue, affinity: $0.affinity, dependence: $0.dependence,
                               since: $0.period.start.description, until: $0.period.end?.description,
                               evidence: $0.evidence, source: $0.source, year: $0.year)
            }
            return try json(RelationsDocument(asOf: day.description, relations: records))
        case .csv, .table:
            var table = TextTable(columns: [.init("From"), .init("To"), .init("Affinity", .right), .init("Dependence", .right),
                                            .init("Since"), .init("Until"), .init("Evidence"), .init("Source")])
            for r in relations {
                table.append([r.from.rawValue, r.to.rawValue, Format.fixed(r.affinity, 2), Format.fixed(r.dependence, 2),
                              r.period.start.description, r.period.end?.description ?? "", r.evidence, r.source])
            }
            return format == .csv ? table.renderCSV()
                : "Relations on \(day) (affinity of From toward To, dependence of From on To)\n\n" + table.renderAligned()
        }
    }

    // MARK: forces

    func forces() throws -> String {
        switch format {
        case .json:
            let records = snapshot.forces.map { entry in
                ForceRecord(id: entry.force.id, name: entry.force.name, kind: entry.force.kind.rawValue,
                            established: entry.force.established.description, note: entry.force.note,
                            size: SourcedRecord(entry.size), contributions: entry.contributions.map {
                                ContributionRecord(actor: $0.actor.rawValue, units: $0.units, size: SourcedRecord($0.size))
                            })
            }
            return try json(ForcesDocument(asOf: day.description, forces: records))
        case .csv, .table:
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

    func bases() throws -> String {
        let bases = snapshot.bases.sorted { ($0.host, $0.opened, $0.id) < ($1.host, $1.opened, $1.id) }
        switch format {
        case .json:
            let records = bases.map {
                BaseRecord(id: $0.id, name: $0.name, host: $0.host.rawValue, user: $0.user.rawValue, place: $0.place,
                           latitude: $0.coordinates.latitude, longitude: $0.coordinates.longitude, kind: $0.kind,
                           opened: $0.opened.description, closes: $0.closes?.description, personnel: SourcedRecord($0.personnel),
                           legalBasis: $0.legalBasis, source: $0.source)
            }
            return try json(BasesDocument(asOf: day.description, bases: records))
        case .csv, .table:
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

    func timeline() throws -> String {
        let entries = dataset.timeline(through: day)
        switch format {
        case .json:
            let records = entries.map { TimelineRecord(date: $0.day.description, kind: $0.kind.rawValue, event: $0.text, source: $0.source) }
            return try json(TimelineDocument(asOf: day.description, timeline: records))
        case .csv, .table:
            var table = TextTable(columns: [.init("Date"), .init("Kind"), .init("Event"), .init("Source")])
            for e in entries { table.append([e.day.description, e.kind.rawValue, e.text, e.source]) }
            return format == .csv ? table.renderCSV() : "Timeline through \(day)\n\n" + table.renderAligned()
        }
    }

    // MARK: sources

    func sources() throws -> String {
        let citations = dataset.citations()
        switch format {
        case .json:
            return try json(SourcesDocument(sources: citations.map { SourceRecord(source: $0.source, count: $0.uses.count, uses: $0.uses) }))
        case .csv:
            var table = TextTable(columns: ["source", "count", "uses"].map { .init($0) })
            for c in citations { table.append([c.source, String(c.uses.count), c.uses.joined(separator: "; ")]) }
            return table.renderCSV()
        case .table:
            var table = TextTable(columns: [.init("Uses", .right), .init("Source"), .init("Cited by")])
            for c in citations {
                let shown = c.uses.prefix(3).joined(separator: "; ")
                table.append([String(c.uses.count), c.source, c.uses.count > 3 ? "\(shown); ... (\(c.uses.count) in all)" : shown])
            }
            return "\(citations.count) distinct sources in the dataset\n\n" + table.renderAligned()
        }
    }

    // MARK: helpers

    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A value as a plain number for CSV: whole numbers without a decimal point.
    private func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

// MARK: - JSON shapes (snake_case keys, fields in declaration order)

private struct SourcedRecord: Encodable {
    var value: Double
    var year: Int
    var source: String
    init(_ sourced: Sourced<Double>) { (value, year, source) = (sourced.value, sourced.year, sourced.source) }
    init(_ sourced: Sourced<Int>) { (value, year, source) = (Double(sourced.value), sourced.year, sourced.source) }
}

private struct AttributesRecord: Encodable {
    var population: SourcedRecord
    var gdp: SourcedRecord
    var militaryExpenditure: SourcedRecord
    var activePersonnel: SourcedRecord
    var regimeScore: SourcedRecord
    var observationYear: Int

    init(_ o: AttributeObservation) {
        population = SourcedRecord(o.population)
        gdp = SourcedRecord(o.gdp)
        militaryExpenditure = SourcedRecord(o.militaryExpenditure)
        activePersonnel = SourcedRecord(o.activePersonnel)
        regimeScore = SourcedRecord(o.regimeScore)
        observationYear = o.year
    }

    var named: [(String, SourcedRecord)] {
        [("population", population), ("gdp", gdp), ("military_expenditure", militaryExpenditure),
         ("active_personnel", activePersonnel), ("regime_score", regimeScore)]
    }

    enum CodingKeys: String, CodingKey {
        case population, gdp
        case militaryExpenditure = "military_expenditure"
        case activePersonnel = "active_personnel"
        case regimeScore = "regime_score"
        case observationYear = "observation_year"
    }
}

private struct CapitalRecord: Encodable {
    var latitude: Double
    var longitude: Double
}

private struct ActorRecord: Encodable {
    var id: String
    var name: String
    var kind: String
    var status: String?
    var capital: CapitalRecord
    var capabilityIndex: Double?
    var attributes: AttributesRecord?

    enum CodingKeys: String, CodingKey {
        case id, name, kind, status, capital
        case capabilityIndex = "capability_index"
        case attributes
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)  // null when the actor has no status on the date
        try c.encode(capital, forKey: .capital)
        try c.encode(capabilityIndex, forKey: .capabilityIndex)
        try c.encode(attributes, forKey: .attributes)
    }
}

private struct MembersDocument: Encodable {
    var asOf: String
    var organization: String
    var members: [ActorRecord]
    enum CodingKeys: String, CodingKey { case asOf = "as_of", organization, members }
}

private struct ActorsDocument: Encodable {
    var asOf: String
    var organization: String
    var actors: [ActorRecord]
    enum CodingKeys: String, CodingKey { case asOf = "as_of", organization, actors }
}

private struct RelationRecord: Encodable {
    var from: String
    var to: String
    var affinity: Double
    var dependence: Double
    var since: String
    var until: String?
    var evidence: String
    var source: String
    var year: Int

    func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey { case from, to, affinity, dependence, since, until, evidence, source, year }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(affinity, forKey: .affinity)
        try c.encode(dependence, forKey: .dependence)
        try c.encode(since, forKey: .since)
        try c.encode(until, forKey: .until)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(source, forKey: .source)
        try c.encode(year, forKey: .year)
    }
}

private struct RelationsDocument: Encodable {
    var asOf: String
    var relations: [RelationRecord]
    enum CodingKeys: String, CodingKey { case asOf = "as_of", relations }
}

private struct ContributionRecord: Encodable {
    var actor: String
    var units: String
    var size: SourcedRecord
}

private struct ForceRecord: Encodable {
    var id: String
    var name: String
    var kind: String
    var established: String
    var note: String?
    var size: SourcedRecord
    var contributions: [ContributionRecord]
}

private struct ForcesDocument: Encodable {
    var asOf: String
    var forces: [ForceRecord]
    enum CodingKeys: String, CodingKey { case asOf = "as_of", forces }
}

private struct BaseRecord: Encodable {
    var id: String
    var name: String
    var host: String
    var user: String
    var place: String
    var latitude: Double
    var longitude: Double
    var kind: String
    var opened: String
    var closes: String?
    var personnel: SourcedRecord
    var legalBasis: String
    var source: String
    enum CodingKeys: String, CodingKey {
        case id, name, host, user, place, latitude, longitude, kind, opened, closes, personnel
        case legalBasis = "legal_basis"
        case source
    }
}

private struct BasesDocument: Encodable {
    var asOf: String
    var bases: [BaseRecord]
    enum CodingKeys: String, CodingKey { case asOf = "as_of", bases }
}

private struct TimelineRecord: Encodable {
    var date: String
    var kind: String
    var event: String
    var source: String
}

private struct TimelineDocument: Encodable {
    var asOf: String
    var timeline: [TimelineRecord]
    enum CodingKeys: String, CodingKey { case asOf = "as_of", timeline }
}

private struct SourceRecord: Encodable {
    var source: String
    var count: Int
    var uses: [String]
}

private struct SourcesDocument: Encodable {
    var sources: [SourceRecord]
}
