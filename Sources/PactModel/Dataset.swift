/// Everything Pact knows about one alliance and the actors around it, across all dates.
///
/// A `Dataset` is loaded once (PactData does that) and then queried through snapshots:
/// `dataset.snapshot(on: day)` fixes membership, attributes, relations and context on a day.
public struct Dataset: Sendable {
    public var organization: Organization
    public var actors: [ActorID: Actor]
    public var relations: [Relation]
    public var forces: [CollectiveForce]
    public var bases: [Base]
    public var context: [ContextEvent]

    public init(organization: Organization, actors: [Actor], relations: [Relation], forces: [CollectiveForce],
                bases: [Base], context: [ContextEvent]) {
        self.organization = organization
        self.actors = Dictionary(uniqueKeysWithValues: actors.map { ($0.id, $0) })
        self.relations = relations
        self.forces = forces
        self.bases = bases
        self.context = context
    }

    /// Actor ids in a stable order.
    public var actorIDs: [ActorID] { actors.keys.sorted() }

    public func snapshot(on day: Day) -> DatasetSnapshot { DatasetSnapshot(dataset: self, day: day) }

    /// The dataset with every regime score moved to `point` of its published uncertainty interval
    /// (scores without bounds stay as they are): the same question run at `.low` and `.high` shows
    /// how much an answer rests on the measurement of regimes.
    public func withRegimeScores(at point: AttributeObservation.RegimeScorePoint) -> Dataset {
        var copy = self
        copy.actors = actors.mapValues { actor in
            var moved = actor
            moved.observations = actor.observations.map { $0.withRegimeScore(at: point) }
            return moved
        }
        return copy
    }
}

/// The dataset as of one day: who is a member, each actor's attributes, relations, forces,
/// bases and context in force on that day. A pure value the engine reads; it never changes.
public struct DatasetSnapshot: Sendable {
    public let day: Day
    public let organization: Organization
    public let actors: [ActorID: Actor]
    public let attributes: [ActorID: AttributeObservation]
    public let forces: [(force: CollectiveForce, size: Sourced<Int>, contributions: [ForceContribution])]
    public let bases: [Base]
    public let contextEvents: [ContextEvent]
    private let relationIndex: [ActorPair: Relation]

    public init(dataset: Dataset, day: Day) {
        self.day = day
        organization = dataset.organization
        actors = dataset.actors
        attributes = dataset.actors.compactMapValues { $0.attributes(in: day.year) }
        forces = dataset.forces.compactMap { force in
            guard day >= force.established, let size = force.size(in: day.year) else { return nil }
            return (force, size, force.contributions(in: day.year))
        }
        bases = dataset.bases.filter { $0.isOpen(on: day) }
        contextEvents = dataset.context.filter { $0.period.contains(day) }
        var index: [ActorPair: Relation] = [:]
        for relation in dataset.relations where relation.period.contains(day) {
            index[ActorPair(relation.from, relation.to)] = relation
        }
        relationIndex = index
    }

    /// Full members on the day (status `member`).
    public var members: [ActorID] { organization.members(on: day) }
    /// Members and frozen members: those the treaty still binds.
    public var parties: [ActorID] { organization.parties(on: day) }
    public func status(of actor: ActorID) -> MembershipStatus? { organization.status(of: actor, on: day) }
    public var leadState: ActorID { organization.leadState }
    public var allowsOptOut: Bool { organization.decisionRule.allowsOptOut(on: day) }

    /// The directed relation in force on the day, nil if the dataset has none.
    public func relation(from: ActorID, to: ActorID) -> Relation? { relationIndex[ActorPair(from, to)] }
    /// Affinity of `from` toward `to`; 1 for an actor toward itself, 0 when the dataset is silent.
    public func affinity(from: ActorID, to: ActorID) -> Double {
        from == to ? 1 : relationIndex[ActorPair(from, to)]?.affinity ?? 0
    }
    /// Dependence of `from` on `to`; 0 for an actor on itself or when the dataset is silent.
    public func dependence(from: ActorID, to: ActorID) -> Double {
        from == to ? 0 : relationIndex[ActorPair(from, to)]?.dependence ?? 0
    }

    /// Share of the lead state's forces tied down elsewhere: the largest value set by a context
    /// event in force on the day, 0 when none is.
    public var leadStateCommittedElsewhere: Double {
        contextEvents.compactMap { $0.leadStateCommittedElsewhere?.value }.max() ?? 0
    }

    /// Bases whose host is `host`, open on the day.
    public func bases(hostedBy host: ActorID) -> [Base] { bases.filter { $0.host == host } }

    /// Distance between two actors' capitals in kilometres.
    public func distance(from a: ActorID, to b: ActorID) -> Double? {
        guard let x = actors[a]?.capital, let y = actors[b]?.capital else { return nil }
        return x.distance(to: y)
    }

    /// The composite capability index of every actor with attributes on the day.
    ///
    /// A CINC-style index (after the Correlates of War Composite Index of National Capability):
    /// an actor's share of the snapshot-wide total of each component, averaged with CINC's
    /// weights of one third per dimension. CINC's military dimension is kept as published
    /// (military expenditure 1/6, military personnel 1/6); its demographic dimension is total
    /// population (1/3; CINC splits it with urban population); its industrial dimension (iron and
    /// steel production, primary energy consumption), which the Correlates of War data stop
    /// publishing after 2016, is replaced by GDP (1/3), so that one formula covers every year.
    /// Over 1999-2016 this stays closer to the published CINC (renormalised to the same actors)
    /// than equal weights or spending-heavy weights do. The values sum to 1 over the actors of
    /// the snapshot.
    public var capabilityIndex: [ActorID: Double] {
        let ids = attributes.keys.sorted()
        func share(_ key: (AttributeObservation) -> Double) -> [Double] {
            let values = ids.map { max(0, key(attributes[$0]!)) }
            let total = values.reduce(0, +)
            return values.map { total > 0 ? $0 / total : 0 }
        }
        let milex = share { $0.militaryExpenditure.value }
        let personnel = share { $0.activePersonnel.value }
        let gdp = share { $0.gdp.value }
        let population = share { $0.population.value }
        var result: [ActorID: Double] = [:]
        for (i, id) in ids.enumerated() {
            result[id] = (milex[i] + personnel[i]) / 6 + (gdp[i] + population[i]) / 3
        }
        return result
    }
}

/// An ordered pair of actors, the key of directed relations.
public struct ActorPair: Hashable, Sendable {
    public let from: ActorID
    public let to: ActorID
    public init(_ from: ActorID, _ to: ActorID) {
        self.from = from
        self.to = to
    }
}
