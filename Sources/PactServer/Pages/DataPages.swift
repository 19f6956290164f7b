import Foundation
import Hummingbird
import PactData
import PactEngine
import PactModel
import PactReport

/// The data browser: every topic of the embedded dataset as of a date, sources as links.
extension PageRoutes {
    func registerData(on pages: RouterGroup<WorkbenchContext>) {
        pages.get("data") { request, context -> Response in
            let query = request.uri.queryParameters
            return try dataPage(query.get("topic") ?? "members", query.get("as_of"), actor: query.get("actor"), context.csrf)
        }
    }

    func dataPage(_ topic: String, _ asOf: String?, actor: String?, _ csrf: String) throws -> Response {
        let day = try DataTopics.day(asOf)
        let involving = try DataTopics.actor(actor, in: catalog.dataset)
        let rows = try DataTopics.rows(topic, in: DataTopicTables(dataset: catalog.dataset, day: day), involving: involving)
        let headers = rows.first.map { $0.map(\.key) } ?? []
        var context: [String: Any] = [
            "csrf": csrf, "asOf": day.description, "topic": topic,
            "topics": DataTopics.topics.map { ["name": $0, "current": $0 == topic] },
            "headers": headers.map { ["name": $0.replacingOccurrences(of: "_", with: " "), "wide": Self.wideColumns.contains($0)] },
            "rows": rows.map { row in
                ["cells": row.map { ["parts": DataTopics.cell($0.value), "wide": Self.wideColumns.contains($0.key)] as [String: Any] }]
            },
            "empty": rows.isEmpty, "count": rows.count,
            "organization": catalog.dataset.organization.name,
        ]
        if topic == DataTopicTables.Topic.relations.rawValue {
            context["relations"] = true
            context["actors"] = catalog.dataset.actorIDs.map { id in
                ["id": id.rawValue, "name": catalog.dataset.actors[id]?.name ?? id.rawValue, "selected": id == involving]
            }
        }
        return try render("data", context)
    }

    /// Columns of prose (sources, evidence): given room to wrap between words instead of squeezing.
    static let wideColumns: Set<String> = ["source", "evidence", "event", "cited_by", "basis", "legal_basis"]
}
