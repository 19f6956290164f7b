import PactModel

/// Reads `context.yaml`: dated facts about the world the alliance acts in. An event may set
/// the share of the lead state's forces committed elsewhere, a sourced value in 0...1.
enum ContextFile {
    static func read(_ input: YAMLInput) -> [ContextEvent] {
        guard let root = input.root.mapping(allowed: ["events"]), let list = root.required("events")?.list() else { return [] }
        var events: [ContextEvent] = []
        for field in list {
            guard let map = field.mapping(allowed: ["id", "title", "from", "to", "lead_state_committed_elsewhere",
                                                    "description", "source"])
            else { continue }
            let id = map.required("id")?.string(matching: "[a-z0-9-]+", explanation: "must be lower-case letters, digits and dashes")
            let title = map.required("title")?.string()
            let period = map.interval()
            let committedField = map.optional("lead_state_committed_elsewhere")
            let committed = committedField?.sourcedDouble(in: 0...1)
            let description = map.required("description")?.string()
            let source = map.required("source")?.string()
            guard let id, let title, let period, let description, let source, committedField == nil || committed != nil
            else { continue }
            if events.contains(where: { $0.id == id }) {
                field.fail("event id '\(id)' is used twice")
                continue
            }
            events.append(ContextEvent(id: id, period: period, title: title, leadStateCommittedElsewhere: committed,
                                       description: description, source: source))
        }
        return events
    }
}
