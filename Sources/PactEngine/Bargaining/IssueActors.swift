import PactModel

extension BargainingActor {
    /// The factor that puts the dataset's capability index (shares of the snapshot's total, summing
    /// to 1) on the scale issue files use for an explicit `capability:`: percentage points, so that
    /// `capability: 12` reads as "12 % of the capabilities in play" beside derived values.
    public static let capabilityIndexScale = 100.0

    /// The actors of an issue scenario, in the file's order (which breaks ties in the model).
    ///
    /// A stakeholder's own `capability` is used as written; a stakeholder without one gets its
    /// capability index on the scenario's date times ``capabilityIndexScale``. Pass
    /// `DatasetSnapshot.capabilityIndex` of the snapshot on the scenario's date.
    public static func actors(for issue: Issue, capabilityIndex: [ActorID: Double]) throws(MissingCapabilities)
        -> [BargainingActor]
    {
        var missing: [ActorID] = []
        let actors = issue.stakeholders.map { stakeholder -> BargainingActor in
            let capability = stakeholder.capability ?? capabilityIndex[stakeholder.actor].map { $0 * capabilityIndexScale }
            if capability == nil { missing.append(stakeholder.actor) }
            return BargainingActor(name: stakeholder.actor.rawValue, capability: capability ?? 0,
                position: stakeholder.position, salience: stakeholder.salience)
        }
        guard missing.isEmpty else { throw MissingCapabilities(actors: missing) }
        return actors
    }
}

/// Stakeholders that have no capability in the file and none in the dataset on the scenario's date.
public struct MissingCapabilities: Error, Hashable, Sendable, CustomStringConvertible {
    public var actors: [ActorID]
    public init(actors: [ActorID]) { self.actors = actors }
    public var description: String {
        "no capability for \(actors.map(\.rawValue).joined(separator: ", ")): give `capability:` in the file, "
            + "or use actors the dataset has attributes for on the scenario's date"
    }
}
