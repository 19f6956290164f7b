import Foundation
import PactModel
import PactReport

/// The dataset browser's topics on a date: members, forces, bases. Figures carry their source
/// and year, as everywhere in Pact.
struct DataTopics {
    static let topics = ["members", "forces", "bases"]

    let dataset: Dataset
    let snapshot: DatasetSnapshot

    init(dataset: Dataset, day: Day) {
        self.dataset = dataset
        self.snapshot = dataset.snapshot(on: day)
    }

    /// `as_of` as a day; today (UTC) when absent.
    static func day(_ text: String?) throws -> Day {
        guard let text, !text.isEmpty else { return today() }
        guard let day = Day(iso: text) else {
            throw APIError(.badRequest, "'\(text)' is not a date of the form YYYY-MM-DD", field: "as_of")
        }
        return day
    }

    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    func json(_ topic: String) throws -> OrderedJSON {
        let rows: [OrderedJSON]
        switch topic {
        case "members": rows = members.map { row in .object(row.map { OrderedJSON.Member($0.0, .string($0.1)) }) }
        case "forces": rows = forces.map { row in .object(row.map { OrderedJSON.Member($0.0, .string($0.1)) }) }
        case "bases": rows = bases.map { row in .object(row.map { OrderedJSON.Member($0.0, .string($0.1)) }) }
        default:
            throw APIError(.notFound, "'\(topic)' is not a data topic", field: "topic", allowed: Self.topics)
        }
        return .object(["as_of": .string(snapshot.day.description), "topic": .string(topic), "rows": .array(rows)])
    }

    static func cite<T>(_ s: Sourced<T>) -> String { "\(s.source) (\(s.year))" }

    /// One row per party on the date: status, capability index and the attributes in force.
    var members: [[(String, String)]] {
        let capability = snapshot.capabilityIndex
        return snapshot.parties.map { id in
            let actor = dataset.actors[id]
            var row: [(String, String)] = [("id", id.rawValue), ("name", actor?.name ?? id.rawValue),
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

    /// One row per collective force and contribution on the date.
    var forces: [[(String, String)]] {
        snapshot.forces.flatMap { entry -> [[(String, String)]] in
            let head: [(String, String)] = [("force", entry.force.name), ("kind", entry.force.kind.rawValue),
                                            ("established", entry.force.established.description)]
            var rows = [head + [("contributor", "total"), ("units", ""), ("size", Format.grouped(Double(entry.size.value))),
                                ("source", Self.cite(entry.size))]]
            for c in entry.contributions {
                rows.append(head + [("contributor", dataset.actors[c.actor]?.name ?? c.actor.rawValue), ("units", c.units),
                                    ("size", Format.grouped(Double(c.size.value))), ("source", Self.cite(c.size))])
            }
            return rows
        }
    }

    /// Foreign bases and facilities open on the date.
    var bases: [[(String, String)]] {
        snapshot.bases.map { b in
            [("name", b.name), ("host", dataset.actors[b.host]?.name ?? b.host.rawValue),
             ("user", dataset.actors[b.user]?.name ?? b.user.rawValue), ("place", b.place), ("kind", b.kind),
             ("opened", b.opened.description), ("personnel", Format.grouped(Double(b.personnel.value))),
             ("source", b.source)]
        }
    }
}

/// A case of the library as JSON: the scenario's headline and the coded outcome.
enum CaseJSON {
    static func json(_ scenario: Scenario) -> OrderedJSON {
        .object([
            "id": .string(scenario.id),
            "title": .string(scenario.title),
            "date": .string(scenario.date.description),
            "kind": .string(scenario.kind.rawValue),
            "outcome_level": .number(scenario.outcome.map { Double($0.level.rawValue) }),
            "unilateral": scenario.outcome.map { .bool($0.unilateral) } ?? .null,
            "summary": .string(scenario.outcome?.summary),
        ])
    }
}
