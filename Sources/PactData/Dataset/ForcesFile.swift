import PactModel

/// Reads `forces.yaml`: the organization's collective forces, their sizes by year and each
/// contributor's units and strength by year.
enum ForcesFile {
    static func read(_ input: YAMLInput, known: Set<ActorID>) -> [CollectiveForce] {
        guard let root = input.root.mapping(allowed: ["forces"]), let list = root.required("forces")?.list() else { return [] }
        var forces: [CollectiveForce] = []
        for field in list {
            guard let force = readForce(field, known: known) else { continue }
            if forces.contains(where: { $0.id == force.id }) {
                field.fail("force id '\(force.id)' is used twice")
                continue
            }
            forces.append(force)
        }
        return forces
    }

    private static func readForce(_ field: YAMLField, known: Set<ActorID>) -> CollectiveForce? {
        guard let map = field.mapping(allowed: ["id", "name", "kind", "established", "note", "sizes", "contributions"])
        else { return nil }
        let id = map.required("id")?.string(matching: "[a-z0-9-]+", explanation: "must be lower-case letters, digits and dashes")
        let name = map.required("name")?.string()
        let kind = map.required("kind")?.oneOf(CollectiveForce.Kind.self)
        let established = map.required("established")?.day()
        let note = map.optional("note")?.string()
        let sizeFields = map.required("sizes")?.list()
        let sizes = sizeFields?.compactMap { $0.sourcedInt(in: 0...10_000_000) }
        if let sizeFields, sizeFields.isEmpty { map.optional("sizes")?.fail("needs at least one sized year") }
        checkYears(sizeFields, established: established)
        var contributions: [ForceContribution] = []
        var contributionsComplete = true
        for item in map.required("contributions")?.list() ?? [] {
            guard let entry = item.mapping(allowed: ["actor", "units", "sizes"]) else {
                contributionsComplete = false
                continue
            }
            let actor = entry.required("actor")?.actorID(known: known)
            let units = entry.required("units", hint: "the units assigned")?.string()
            let fields = entry.required("sizes")?.list()
            let sizes = fields?.compactMap { $0.sourcedInt(in: 0...10_000_000) }
            checkYears(fields, established: established)
            guard let actor, let units, let fields, let sizes, sizes.count == fields.count, !sizes.isEmpty else {
                if let fields, fields.isEmpty { entry.optional("sizes")?.fail("needs at least one sized year") }
                contributionsComplete = false
                continue
            }
            contributions += sizes.map { ForceContribution(actor: actor, units: units, size: $0) }
        }
        guard let id, let name, let kind, let established, let sizeFields, let sizes, sizes.count == sizeFields.count,
            !sizes.isEmpty, contributionsComplete
        else { return nil }
        return CollectiveForce(id: id, name: name, kind: kind, established: established, sizes: sizes,
                               contributions: contributions, note: note)
    }

    /// A size dated before the force existed is a typo in the year or in `established`.
    private static func checkYears(_ fields: [YAMLField]?, established: Day?) {
        guard let fields, let established else { return }
        for field in fields {
            guard case .mapping = field.node,
                let yearNode = field.anyMapping()?.optional("year"), let year = Int(yearNode.found), year < established.year
            else { continue }
            yearNode.fail("\(year) is before the force was established (\(established))")
        }
    }
}
