import PactModel

/// The data browser's view of a topic (`GET /api/data/{topic}` and the `/data` page): one flat
/// row of named text cells per thing, numbers grouped for reading and every figure cited as
/// "source (year)".
extension DataTopicTables {
    /// A row of the browser's table: column name and cell, in column order.
    public typealias BrowserRow = [(key: String, value: String)]

    /// The topics the browser offers.
    public static let browserTopics: [Topic] = [.members, .forces, .bases]

    /// The rows of `topic`; nil for a topic the browser does not offer.
    public func browserRows(_ topic: Topic) -> [BrowserRow]? {
        switch topic {
        case .members: memberRows
        case .forces: forceRows
        case .bases: baseRows
        case .actors, .relations, .timeline, .sources: nil
        }
    }

    /// `{"as_of", "topic", "rows": [{column: cell, ...}]}`, every cell a string; nil for a topic
    /// the browser does not offer.
    public func browserJSON(_ topic: Topic) -> OrderedJSON? {
        guard let rows = browserRows(topic) else { return nil }
        return .object([
            "as_of": .string(day.description),
            "topic": .string(topic.rawValue),
            "rows": .array(rows.map { row in .object(row.map { OrderedJSON.Member($0.key, .string($0.value)) }) }),
        ])
    }

    /// One row per party on the date: status, capability index and the attributes in force.
    var memberRows: [BrowserRow] {
        let capability = snapshot.capabilityIndex
        return snapshot.parties.map { id in
            var row: BrowserRow = [("id", id.rawValue), ("name", name(of: id)),
                                   ("status", snapshot.status(of: id)?.rawValue ?? "")]
            row.append(("capability_index", capability[id].map { Format.fixed($0, 4) } ?? ""))
            if let a = snapshot.attributes[id] {
                row.append(("population", Format.grouped(a.population.value)))
                row.append(("military_expenditure", Format.grouped(a.militaryExpenditure.value)))
                row.append(("active_personnel", Format.grouped(a.activePersonnel.value)))
                row.append(("source", Self.cite(a.militaryExpenditure)))
            }
            return row
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
             ("source", b.source)]
        }
    }

    /// The dataset's name for an actor, its id when the dataset has no such actor.
    func name(of id: ActorID) -> String { dataset.actors[id]?.name ?? id.rawValue }

    static func cite<T>(_ s: Sourced<T>) -> String { "\(s.source) (\(s.year))" }
}
