import PactModel

/// Prior pseudo-observations of alliance reliability: synthetic Article 4 requests by a member
/// attacked on its own territory by a neighbouring state, whose forecast P(level ≥ 4) (aid or a
/// deployment: the commitment honoured) the fit pulls toward a published base rate.
///
/// The case library holds almost no state attack on a member under Article 4, so nothing in it
/// says how reliable the alliance is against a state. The literature does: Leeds, Long & Mitchell
/// (2000, International Interactions 26:5) find about 75% of wartime alliance commitments
/// honoured in 1816–1944; Berkemeier & Fuhrmann (2018, International Interactions 44:2), on a
/// fuller record, about 50% overall and about 22% after 1945. The term
///
///     weight · mean over the requests of (P(level ≥ 4) − rate)²
///
/// is, up to a constant, the expected Brier score of requests whose outcomes occur at `rate`:
/// pseudo-observations that hold the fit to the record of alliances in general where the
/// library is silent. The requests are built from the dataset alone (every member but the lead
/// state, on each date, attacked by the nearest state outside the organization), never from a
/// named case.
public struct ReliabilityPrior: Sendable {
    /// The base rate P(level ≥ 4) is pulled toward.
    public var rate: Double
    /// The weight of the mean squared gap in the objective.
    public var weight: Double
    /// The synthetic requests, prepared.
    public let requests: [CrisisModel]

    public init(rate: Double, weight: Double, requests: [CrisisModel]) {
        precondition((0...1).contains(rate), "a base rate lies in [0, 1]")
        precondition(weight >= 0, "the weight cannot be negative")
        self.rate = rate
        self.weight = weight
        self.requests = requests
    }

    /// The prior's requests on `dataset` at `dates`: what ``syntheticRequests(dataset:dates:)``
    /// builds, prepared; a request the engine cannot set up (an actor without data that year) is
    /// left out rather than guessed.
    public init(rate: Double, weight: Double, dataset: Dataset, dates: [Day]) {
        let models = Self.syntheticRequests(dataset: dataset, dates: dates).compactMap { scenario in
            try? CrisisModel(scenario: scenario, snapshot: dataset.snapshot(on: scenario.date))
        }
        self.init(rate: rate, weight: weight, requests: models)
    }

    /// One Article 4 request per member (the lead state aside: its own wars are a question of
    /// entrapment, not of its allies' reliability) and date: an external aggression on the
    /// member's sovereign territory by the nearest state (by capital) that is not a party of the
    /// organization that day and has attributes that year, of a moderate, fixed severity.
    public static func syntheticRequests(dataset: Dataset, dates: [Day]) -> [Scenario] {
        var scenarios: [Scenario] = []
        for date in dates {
            let snapshot = dataset.snapshot(on: date)
            let parties = Set(snapshot.parties)
            let outsiders = snapshot.actors.values
                .filter { $0.kind == .state && !parties.contains($0.id) && snapshot.attributes[$0.id] != nil }
                .sorted { $0.id < $1.id }
            for member in snapshot.members.sorted() where member != snapshot.leadState {
                guard snapshot.attributes[member] != nil,
                      let attacker = outsiders.min(by: { a, b in
                          (snapshot.distance(from: member, to: a.id) ?? .infinity) < (snapshot.distance(from: member, to: b.id) ?? .infinity)
                      })
                else { continue }
                let crisis = Crisis(
                    type: .externalAggression, location: member, territory: .sovereign, requester: member, article: 4,
                    belligerents: nil, adversary: Adversary(kind: .state, actor: attacker.id, externalBacking: .none),
                    severity: Severity(deaths: 200, displaced: 20_000, territoryKm2: 300), expectedDurationDays: 30)
                scenarios.append(Scenario(
                    id: "reliability-\(member.rawValue.lowercased())-\(attacker.id.rawValue.lowercased())-\(date.year)",
                    title: "\(attacker.name) attacks \(snapshot.actors[member]?.name ?? member.rawValue); Article 4 invoked",
                    date: date, kind: .crisis, crisis: crisis))
            }
        }
        return scenarios
    }

    /// Each request's P(level ≥ 4) under `parameters`, in the requests' order.
    public func honoured(parameters: ParameterSet, settings: BacktestSettings) throws -> [Double] {
        try parallelMap(requests, threads: settings.threads) { model in
            let levels = try model.levelProbabilities(parameters: parameters, draws: settings.draws, seed: settings.seed, threads: 1)
            return levels[ResponseLevel.aid.rawValue...].reduce(0, +)
        }
    }

    /// Mean of (P(level ≥ 4) − rate)² over the requests; 0 when there is none.
    public func meanSquaredGap(_ honoured: [Double]) -> Double {
        guard !honoured.isEmpty else { return 0 }
        return honoured.map { ($0 - rate) * ($0 - rate) }.reduce(0, +) / Double(honoured.count)
    }
}
