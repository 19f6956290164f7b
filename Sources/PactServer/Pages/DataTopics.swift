import Foundation
import PactModel
import PactReport

/// The HTTP side of the dataset browser (`GET /api/data/{topic}` and the `/data` page): reads the
/// topic and the `as_of` date from the request; the rows themselves come from PactReport's
/// `DataTopicTables`, as `pact data`'s tables do.
enum DataTopics {
    static let topics = DataTopicTables.browserTopics.map(\.rawValue)

    /// `as_of` as a day; today (UTC) when absent.
    static func day(_ text: String?) throws -> Day {
        guard let text, !text.isEmpty else { return Day(utc: Date()) }
        guard let day = Day(iso: text) else {
            throw APIError(.badRequest, "'\(text)' is not a date of the form YYYY-MM-DD", field: "as_of")
        }
        return day
    }

    /// The `actor` filter of the relations: nil when absent, 400 naming the known actors when
    /// the dataset has no such actor.
    static func actor(_ text: String?, in dataset: Dataset) throws -> ActorID? {
        guard let text, !text.isEmpty else { return nil }
        guard dataset.actors[ActorID(text)] != nil else {
            throw APIError(.badRequest, "'\(text)' is not an actor of the dataset", field: "actor",
                           allowed: dataset.actorIDs.map(\.rawValue))
        }
        return ActorID(text)
    }

    /// The browser's rows of `topic` on the tables' day; 404 for a topic the browser does not offer.
    static func rows(_ topic: String, in tables: DataTopicTables, involving actor: ActorID? = nil) throws
        -> [DataTopicTables.BrowserRow]
    {
        guard let known = DataTopicTables.Topic(rawValue: topic), let rows = tables.browserRows(known, involving: actor) else {
            throw notATopic(topic)
        }
        return rows
    }

    /// `{"as_of", "topic", "rows"}` for `topic`; 404 for a topic the browser does not offer.
    static func json(_ topic: String, in tables: DataTopicTables, involving actor: ActorID? = nil) throws -> OrderedJSON {
        guard let known = DataTopicTables.Topic(rawValue: topic), let json = tables.browserJSON(known, involving: actor) else {
            throw notATopic(topic)
        }
        return json
    }

    /// A table cell for the page: its text in parts, web addresses as links.
    static func cell(_ text: String) -> [[String: String]] {
        SourceLinks.parts(text).map { part in
            part.url.map { ["text": part.text, "url": $0] } ?? ["text": part.text]
        }
    }

    static func notATopic(_ topic: String) -> APIError {
        APIError(.notFound, "'\(topic)' is not a data topic", field: "topic", allowed: topics)
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
