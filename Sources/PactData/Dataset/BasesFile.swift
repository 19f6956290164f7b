import PactModel

/// Reads `bases.yaml`: military bases and facilities one state keeps on another's territory.
enum BasesFile {
    static func read(_ input: YAMLInput, known: Set<ActorID>) -> [Base] {
        guard let root = input.root.mapping(allowed: ["bases"]), let list = root.required("bases")?.list() else { return [] }
        var bases: [Base] = []
        for field in list {
            guard let base = readBase(field, known: known) else { continue }
            if bases.contains(where: { $0.id == base.id }) {
                field.fail("base id '\(base.id)' is used twice")
                continue
            }
            bases.append(base)
        }
        return bases
    }

    private static func readBase(_ field: YAMLField, known: Set<ActorID>) -> Base? {
        guard let map = field.mapping(allowed: ["id", "name", "host", "user", "place", "latitude", "longitude", "kind",
                                                "opened", "closes", "personnel", "deployable", "legal_basis", "source"])
        else { return nil }
        let id = map.required("id")?.string(matching: "[a-z0-9-]+", explanation: "must be lower-case letters, digits and dashes")
        let name = map.required("name")?.string()
        let host = map.required("host")?.actorID(known: known)
        let user = map.required("user")?.actorID(known: known)
        let place = map.required("place")?.string()
        let latitude = map.required("latitude")?.double(in: -90...90)
        let longitude = map.required("longitude")?.double(in: -180...180)
        let kind = map.required("kind")?.string()
        let period = map.interval(fromKey: "opened", toKey: "closes")
        let personnel = map.required("personnel")?.sourcedInt(in: 0...1_000_000)
        let deployable = map.required("deployable")?.bool()
        let legalBasis = map.required("legal_basis")?.string()
        let source = map.required("source")?.string()
        if let host, let user, host == user {
            map.optional("user")?.fail("the user must differ from the host: a base here is one state's on another's territory")
            return nil
        }
        guard let id, let name, let host, let user, let place, let latitude, let longitude, let kind, let period,
            let personnel, let deployable, let legalBasis, let source
        else { return nil }
        return Base(id: id, name: name, host: host, user: user, place: place,
                    coordinates: Coordinates(latitude: latitude, longitude: longitude), kind: kind, opened: period.start,
                    closes: period.end, personnel: personnel, deployable: deployable, legalBasis: legalBasis, source: source)
    }
}
