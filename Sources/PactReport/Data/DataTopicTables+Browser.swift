import PactModel

/// The data browser's view of a topic (`GET /api/data/{topic}` and the `/data` page): one flat
/// row of named text cells per thing, numbers grouped for reading and every figure cited as
/// "source (year)".
extension DataTopicTables {
    /// A row of the browser's table: column name and cell, in column order.
    public typealias BrowserRow = [(key: String, value: String)]

    /// The topics the browser offers: every topic of `pact data`.
    public static let browserTopics: [Topic] = Topic.allCases

    /// The rows of `topic`; nil for a topic the browser does not offer. `actor` narrows the
    /// relations to the pairs involving it, as `pact data relations --actor` does.
    public func browserRows(_ topic: Topic, involving actor: ActorID? = nil) -> [BrowserRow]? {
        switch topic {
        case .members: memberRows(onlyParties: true)
        case .actors: memberRows(onlyParties: false)
        case .relations: relationRows(involving: actor)
        case .forces: forceRows
        case .bases: baseRows
        case .timeline: timelineRows
        case .sources: sourceRows
        }
    }

    /// `{"as_of", "topic", "rows": [{column: cell, ...}]}`, every cell a string; nil for a topic
    /// the browser does not offer.
    public func browserJSON(_ topic: Topic, involving actor: ActorID? = nil) -> OrderedJSON? {
        guard let rows = browserRows(topic, involving: actor) else { return nil }
        return .object([
            "as_of": .string(day.description),
            "topic": .string(topic.rawValue),
            "rows": .array(rows.map { row in .object(row.map { OrderedJSON.Member($0.key, .string($0.value)) }) }),
        ])
    }

    /// One row per party on the date (every actor with `onlyParties` false): status, capability
    /// index and the attributes in force, each attribute's source with the year it describes.
    func memberRows(onlyParties: Bool) -> [BrowserRow] {
        let capability = snapshot.capabilityIndex
        return (onlyParties ? snapshot.parties : dataset.actorIDs).map { id in
            var row: BrowserRow = [("id", id.rawValue), ("name", name(of: id))]
            if !onlyParties { row.append(("kind", dataset.actors[id]?.kind.rawValue ?? "")) }
            row.append(("status", snapshot.status(of: id)?.rawValue ?? ""))
            row.append(("capability_index", capability[id].map { Format.fixed($0, 4) } ?? ""))
            if let a = snapshot.attributes[id] {
                row.append(("population", Format.grouped(a.population.value)))
                row.append(("military_expenditure", Format.grouped(a.militaryExpenditure.value)))
                row.append(("active_personnel", Format.grouped(a.activePersonnel.value)))
                row.append(("source", Self.citeAll([("population", a.population), ("military expenditure", a.militaryExpenditure),
                                                    ("personnel", a.activePersonnel)])))
            }
            return row
        }
    }

    /// One row per ordered pair in force on the date: affinity of `from` toward `to`, dependence
    /// of `from` on `to`, the evidence and its source with the year it describes.
    func relationRows(involving actor: ActorID?) -> [BrowserRow] {
        var rows: [BrowserRow] = []
        for from in dataset.actorIDs {
            for to in dataset.actorIDs where from != to {
                if let actor, from != actor && to != actor { continue }
                guard let r = snapshot.relation(from: from, to: to) else { continue }
                let basis = r.basis.map { $0 == .judgement ? (r.reason ?? "judgement") : $0.rawValue } ?? ""
                rows.append([("from", name(of: from)), ("to", name(of: to)), ("affinity", Format.fixed(r.affinity, 2)),
                             ("dependence", Format.fixed(r.dependence, 2)), ("since", r.period.start.description),
                             ("until", r.period.end?.description ?? ""), ("evidence", r.evidence), ("basis", basis),
                             ("source", "\(r.source) (\(r.year))")])
            }
        }
        return rows
    }

    /// Memberships, Secretaries General, forces, bases and context through the date, oldest first.
    var timelineRows: [BrowserRow] {
        dataset.timeline(through: day).map {
            [("date", $0.day.description), ("kind", $0.kind.rawValue), ("event", $0.text), ("source", $0.source)]
        }
    }

    /// Every distinct source of the dataset, how many figures cite it and which.
    var sourceRows: [BrowserRow] {
        dataset.citations().map { c in
            [("source", c.source), ("uses", String(c.uses.count)), ("cited_by", c.uses.joined(separator: "; "))]
        }
    }

    /// One row per collective force on the date (contributor "total"), then one per contribution.
    var forceRows: [BrowserRow] {
        snapshot.forces.flatMap { entry -> [BrowserRow] in
            let head: BrowserRow = [("force", entry.force.name), ("kind", entry.force.kind.rawValue),
                                    ("established", entry.force.established.description)]
            var rows = [head + [("contributor", "total"), ("units", ""), ("size", Format.grouped(Double(entry.size.value))),
                                ("source", Self.cite(entry.size))]]
            for c in entry.contributions {
                rows.append(head + [("contributor", name(of: c.actor)), ("units", c.units),
                                    ("size", Format.grouped(Double(c.size.value))), ("source", Self.cite(c.size))])
            }
            return rows
        }
    }

    /// Foreign bases and facilities open on the date, in dataset order.
    var baseRows: [BrowserRow] {
        snapshot.bases.map { b in
            [("name", b.name), ("host", name(of: b.host)), ("user", name(of: b.user)), ("place", b.place), ("kind", b.kind),
             ("opened", b.opened.description), ("personnel", Format.grouped(Double(b.personnel.value))),
             ("source", "\(b.source); personnel: \(Self.cite(b.personnel))")]
        }
    }

    /// The dataset's name for an actor, its id when the dataset has no such actor.
    func name(of id: ActorID) -> String { dataset.actors[id]?.name ?? id.rawValue }

    static func cite<T>(_ s: Sourced<T>) -> String { "\(s.source) (\(s.year))" }

    /// Several figures' sources in one cell: one citation when they share source and year,
    /// otherwise each named ("population: source (year); ...").
    static func citeAll(_ figures: [(String, Sourced<Double>)]) -> String {
        let distinct = Set(figures.map { cite($0.1) })
        if distinct.count == 1, let only = distinct.first { return only }
        return figures.map { "\($0.0): \(cite($0.1))" }.joined(separator: "; ")
    }
}
