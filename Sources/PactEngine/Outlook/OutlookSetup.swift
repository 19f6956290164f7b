import Foundation
import PactModel

/// Everything the cohesion outlook needs that does not change between runs, computed once from
/// the dataset as of the start day: the members, their ties and structural anchors, the trends
/// of their relations, and the crisis templates with their arrival rates and their outcomes
/// under the crisis engine.
///
/// What moves in a run: the members' satisfaction and status, and the affinities of every
/// non-lead member's ties (`RelationTrend`, estimated from the history before the start, plus
/// the trust a refusal costs), which move the anchors. What stays as on the start day:
/// attributes and the capability index, dependence, forces, bases, context, and the crisis
/// engine's answer to each template (run once on the start snapshot: running it inside every run
/// would cost thousands of times more).
public struct OutlookSetup: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Takes part in decisions (status `member`).
        case full
        /// Frozen or suspended: still bound or not, it stays away from the alliance's decisions.
        case disengaged
        /// Withdrew.
        case left
    }

    /// One party of the alliance at the start and the terms of its anchor.
    public struct Member: Sendable {
        public let id: ActorID
        public let startStatus: Status
        public let isLead: Bool
        /// Affinity toward the lead state, −1...1.
        public let loyalty: Double
        /// Dependence on the lead state, 0...1.
        public let need: Double
        /// Alignment tension, −1...1: Σ_j s_j p_mj (out_j − in_j) / Σ_j s_j |p_mj| over every other
        /// actor with attributes, where in_j = 1 for the lead state, the full members and the
        /// outsiders the landscape puts beside them (`alliedOutsiders`), and out_j = 1 for everyone
        /// else. It is the landscape's gain for m from leaving the alliance's bloc (the drop in its
        /// frustration, `AlignmentLandscape`), scaled by how much m cares about anyone: positive
        /// when m's weighted friends are outside and its rivals inside. See `AnchorTerms`.
        public let tension: Double
        /// The best outside option, 0...1: max over non-parties j outside the alliance's bloc of
        /// (max(0, a(m→j)) + d(m→j)) / 2.
        public let outsideOption: Double
        public let bestOutside: ActorID?
        /// The satisfaction it drifts back to, 0...1.
        public let anchor: Double
    }

    /// A crisis that may recur: a case of the library, re-dated to the start.
    public struct Template: Sendable {
        public let id: String
        public let type: Crisis.CrisisType
        public let place: ActorID
        /// Poisson arrival rate per year: 1 / (years in the case window); the rate of a (type, place)
        /// cell is the sum over its cases, and each arrival in the cell picks one of them uniformly.
        public let ratePerYear: Double
        /// Index in `members` of the member whose ask the crisis answers, -1 when none: the
        /// requester, else a fighting member other than the lead state, else the location.
        public let affected: Int
        /// The level the affected member wanted: the level it requested, else its mean preferred
        /// level in the crisis engine; when a state attacks it, at least the highest level the
        /// treaty leaves open (the legal trigger's cap). Nil when it does not take part at the start.
        public let wanted: Double?
        /// Probability of each ladder level under the crisis engine on the start snapshot.
        public let levels: [Double]
        /// The highest level legally open at the start (the legal trigger's cap).
        public let cap: Int
    }

    public let from: Day
    public let to: Day
    public let years: Double
    public let steps: Int
    public let members: [Member]
    public let templates: [Template]
    public let caseWindow: DayInterval
    public let windowYears: Double
    public let parameters: OutlookParameters
    /// The structure in force from each period's start: one period (the start) unless `hindsight`,
    /// one per year with it.
    public let periods: [Period]
    /// How each moving tie of a non-lead member is projected (empty with `hindsight`).
    public let trends: [RelationTrend]
    /// Each member's ties, as its anchor reads them (same order as `members`).
    let ties: [[Tie]]
    /// The outsiders the landscape puts in the alliance's bloc at the start (`alliedOutsiders`).
    public let alliedOutsiders: [ActorID]

    /// Members' anchor terms and crisis templates from one day on.
    public struct Period: Sendable {
        public let start: Day
        public let members: [Member]
        public let templates: [Template]
    }

    /// True when the structure changes by year (the hindsight diagnostic).
    public let usesHindsight: Bool

    /// The years spanned by the library's episodes: from 1 January of the first case's year to
    /// 1 January after the last case's year (1999–2025 for the built-in library: 27 years). With
    /// `before` given, the window ends there instead and only earlier cases count.
    public static func caseWindow(cases: [Scenario], before: Day? = nil) -> DayInterval? {
        let dates = cases.map(\.date).filter { date in before.map { date < $0 } ?? true }
        guard let first = dates.min(), let last = dates.max() else { return nil }
        let start = Day(year: first.year, month: 1, day: 1)!
        return DayInterval(start: start, end: before ?? Day(year: last.year + 1, month: 1, day: 1)!)
    }

    /// - Parameters:
    ///   - dataset: the dataset; everything structural is read from it as of `from`, and the
    ///     relations' trends from its history before `from`.
    ///   - cases: the case library (crisis scenarios); those dated inside `caseWindow` become templates.
    ///   - crisisParameters: the crisis engine's parameters.
    ///   - hindsight: a diagnostic that uses what was not known at the start, never a forecast:
    ///     anchors and crisis outcomes are recomputed on each anniversary of the start from the
    ///     dataset as of that day (relations as they turned out), and the relations' simulated
    ///     trends are off. Membership stays simulated.
    public init(dataset: Dataset, from: Day, to: Day, cases: [Scenario], caseWindow: DayInterval,
                crisisParameters: ParameterSet, parameters: OutlookParameters = .init(), seed: UInt64 = 1,
                hindsight: Bool = false) throws {
        guard to > from else { throw CrisisModelError("the outlook's end (\(to)) must be after its start (\(from))") }
        let snapshot = dataset.snapshot(on: from)
        self.from = from
        self.to = to
        self.parameters = parameters
        self.caseWindow = caseWindow
        years = Double(from.days(to: to)) / 365.2425
        steps = max(1, Int((years / parameters.stepYears).rounded()))
        windowYears = Double(caseWindow.start.days(to: caseWindow.end ?? to)) / 365.2425

        let ids = snapshot.parties
        let lead = snapshot.leadState
        usesHindsight = hindsight
        let allied = Self.alliedOutsiders(snapshot)
        alliedOutsiders = allied.sorted()
        members = Self.members(ids, snapshot: snapshot, allied: allied, parameters: parameters)
        // Every tie of a non-lead member moves; a tie between two members is one pair.
        var pairs: [(ActorID, ActorID)] = []
        var trendIndex: [Set<ActorID>: Int] = [:]
        if !hindsight {
            for id in ids where id != lead {
                for j in snapshot.actors.keys.sorted() where j != id && trendIndex[[id, j]] == nil {
                    trendIndex[[id, j]] = pairs.count
                    pairs.append((id, j))
                }
            }
        }
        trends = RelationTrend.estimate(pairs: pairs, relations: dataset.relations, before: from,
                                        lookbackYears: Int(parameters.relationLookbackYears.rounded()),
                                        priorYears: parameters.relationPriorYears)
        ties = Self.ties(ids, snapshot: snapshot, allied: allied, trendIndex: trendIndex)
        let window = cases.filter { caseWindow.contains($0.date) }
        templates = try Self.templates(window, members: ids, snapshot: snapshot, rate: windowYears > 0 ? 1 / windowYears : 0,
                                       crisisParameters: crisisParameters, parameters: parameters, seed: seed)
            + Self.structuralTemplates(members: ids, snapshot: snapshot, windowYears: windowYears,
                                       crisisParameters: crisisParameters, parameters: parameters, seed: seed)
        var periods = [Period(start: from, members: members, templates: templates)]
        if hindsight {
            var k = 1
            while true {
                let day = Self.add(years: k, to: from)
                guard day < to else { break }
                let later = dataset.snapshot(on: day)
                periods.append(Period(
                    start: day, members: Self.members(ids, snapshot: later, allied: Self.alliedOutsiders(later), parameters: parameters),
                    templates: try Self.templates(window, members: ids, snapshot: later, rate: windowYears > 0 ? 1 / windowYears : 0,
                                                  crisisParameters: crisisParameters, parameters: parameters, seed: seed)
                        + Self.structuralTemplates(members: ids, snapshot: later, windowYears: windowYears,
                                                   crisisParameters: crisisParameters, parameters: parameters, seed: seed)))
                k += 1
            }
        }
        self.periods = periods
    }

    /// The same month and day `years` later (28 February for 29 February in a common year).
    public static func add(years: Int, to day: Day) -> Day {
        Day(year: day.year + years, month: day.month, day: day.day) ?? Day(year: day.year + years, month: day.month, day: 28)!
    }

    /// The anchor terms of `ids` on `snapshot` (the alliance's full members and parties as of that day).
    static func members(_ ids: [ActorID], snapshot: DatasetSnapshot, allied: Set<ActorID>, parameters: OutlookParameters) -> [Member] {
        let ties = Self.ties(ids, snapshot: snapshot, allied: allied, trendIndex: [:])
        let full = Set(snapshot.members)
        let isFull = ids.map { full.contains($0) }
        let noShift = [Double]()
        return ids.indices.map { i in
            let terms = AnchorTerms(ties[i], isLead: ids[i] == snapshot.leadState, shifts: noShift, isFull: isFull, parameters: parameters)
            return Member(id: ids[i], startStatus: isFull[i] ? .full : .disengaged, isLead: ids[i] == snapshot.leadState,
                          loyalty: terms.loyalty, need: terms.need, tension: terms.tension, outsideOption: terms.outsideOption,
                          bestOutside: terms.bestOutside, anchor: terms.anchor)
        }
    }

    /// Each member's ties to every other actor, as its anchor reads them: the lead state's tie
    /// first (loyalty and need), then every other actor in identifier order.
    static func ties(_ ids: [ActorID], snapshot: DatasetSnapshot, allied: Set<ActorID>, trendIndex: [Set<ActorID>: Int]) -> [[Tie]] {
        let lead = snapshot.leadState
        let parties = Set(snapshot.parties)
        let capability = snapshot.capabilityIndex
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        let actors = snapshot.actors.keys.sorted()
        return ids.map { id in
            let others = [lead].filter { $0 != id } + actors.filter { $0 != id && $0 != lead }
            return others.map { j in
                Tie(other: j, member: index[j] ?? -1, isLead: j == lead, size: capability[j] ?? 0,
                    toward: snapshot.affinity(from: id, to: j), from: snapshot.affinity(from: j, to: id),
                    dependence: snapshot.dependence(from: id, to: j), isOutside: !parties.contains(j), isAllied: allied.contains(j),
                    trend: trendIndex[[id, j]] ?? -1)
            }
        }
    }

    /// The actors other than full members that the landscape puts in the alliance's bloc when the
    /// full members (and the lead state) stand together: partners of the alliance such as China
    /// beside Russia. `AlignmentLandscape.placement(fixedInBlocZero:)` on every actor with attributes.
    static func alliedOutsiders(_ snapshot: DatasetSnapshot) -> Set<ActorID> {
        let landscape = AlignmentLandscape(snapshot: snapshot)
        let full = Set(snapshot.members + [snapshot.leadState])
        let fixed = Set(landscape.actors.indices.filter { full.contains(landscape.actors[$0]) })
        let blocs = landscape.placement(fixedInBlocZero: fixed)
        return Set(landscape.actors.indices.filter { blocs[$0] == 0 && !fixed.contains($0) }.map { landscape.actors[$0] })
    }

    /// The id prefix of structural templates.
    public static let structuralPrefix = "structural-"

    /// Crises the record before the start has not shown but the structure makes possible: for
    /// each member but the lead state, an Article 4 request after an attack on its own soil by
    /// its most hostile neighbour (the lowest affinity among its `neighbourCount` nearest states
    /// outside the organization). Their rates together are `unseenStateEpisodes` per window,
    /// shared among the members in proportion to hostility, max(0, −affinity) toward that
    /// neighbour: a member at peace with every neighbour gets none. Built from the snapshot only,
    /// so a backtest uses nothing later than its start.
    static func structuralTemplates(members ids: [ActorID], snapshot: DatasetSnapshot, windowYears: Double,
                                    crisisParameters: ParameterSet, parameters: OutlookParameters, seed: UInt64) throws -> [Template] {
        guard parameters.unseenStateEpisodes > 0, windowYears > 0 else { return [] }
        let parties = Set(snapshot.parties)
        let outsiders = snapshot.actors.values
            .filter { $0.kind == .state && !parties.contains($0.id) && snapshot.attributes[$0.id] != nil }
            .map(\.id).sorted()
        var threats: [(member: ActorID, attacker: ActorID, hostility: Double)] = []
        for member in ids where member != snapshot.leadState && snapshot.attributes[member] != nil {
            let near = outsiders.sorted {
                (snapshot.distance(from: member, to: $0) ?? .infinity, $0) < (snapshot.distance(from: member, to: $1) ?? .infinity, $1)
            }.prefix(max(1, Int(parameters.neighbourCount.rounded())))
            guard let attacker = near.min(by: { (snapshot.affinity(from: member, to: $0), $0) < (snapshot.affinity(from: member, to: $1), $1) })
            else { continue }
            let hostility = max(0, -snapshot.affinity(from: member, to: attacker))
            if hostility > 0 { threats.append((member, attacker, hostility)) }
        }
        let total = threats.map(\.hostility).reduce(0, +)
        guard total > 0 else { return [] }
        var templates: [Template] = []
        for (k, threat) in threats.enumerated() {
            let scenario = Scenario(
                id: "\(Self.structuralPrefix)\(threat.member.rawValue.lowercased())-\(threat.attacker.rawValue.lowercased())",
                title: "\(threat.attacker) attacks \(threat.member); Article 4 invoked", date: snapshot.day, kind: .crisis,
                crisis: Crisis(type: .externalAggression, location: threat.member, territory: .sovereign, requester: threat.member,
                               article: 4, belligerents: nil,
                               adversary: Adversary(kind: .state, actor: threat.attacker, externalBacking: .none),
                               severity: Severity(deaths: 200, displaced: 20_000, territoryKm2: 300), expectedDurationDays: 30))
            let rate = parameters.unseenStateEpisodes / windowYears * threat.hostility / total
            templates += try Self.templates([scenario], members: ids, snapshot: snapshot, rate: rate,
                                            crisisParameters: crisisParameters, parameters: parameters, seed: seed &+ 7919 &* UInt64(k + 1))
        }
        return templates
    }

    /// Every case re-dated to the snapshot's day and resolved by the crisis engine on it.
    static func templates(_ cases: [Scenario], members ids: [ActorID], snapshot: DatasetSnapshot, rate: Double,
                          crisisParameters: ParameterSet, parameters: OutlookParameters, seed: UInt64) throws -> [Template] {
        let lead = snapshot.leadState
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        var templates: [Template] = []
        for (k, scenario) in cases.enumerated() {
            guard let crisis = scenario.crisis else { continue }
            var redated = scenario
            redated.date = snapshot.day
            redated.outcome = nil
            redated.context = ContextOverrides()
            let model = try CrisisModel(scenario: redated, snapshot: snapshot)
            let forecast = try model.forecast(parameters: crisisParameters, draws: parameters.templateDraws,
                                              seed: seed &+ UInt64(k), threads: 1, drivers: false)
            let setup = model.setup
            var affectedID: ActorID?
            var wanted: Double?
            if let r = setup.roles.firstIndex(of: .requester) {
                affectedID = setup.members[r]
                wanted = setup.requestedLevel
            } else if let b = setup.roles.indices.first(where: { setup.roles[$0] == .belligerent && setup.members[$0] != lead }) {
                affectedID = setup.members[b]
            } else if crisis.location != lead, index[crisis.location] != nil {
                affectedID = crisis.location
            }
            if let id = affectedID, wanted == nil {
                wanted = forecast.members.first { $0.id == id }?.position
            }
            // A member attacked by a state is owed what the treaty allows: it wants at least the
            // highest level legally open (the trigger's cap), whether or not it filed a request.
            if crisis.adversary.kind == .state, crisis.adversary.actor != affectedID, let w = wanted {
                wanted = max(w, Double(setup.trigger.cap.rawValue))
            }
            let affected = affectedID.flatMap { index[$0] } ?? -1
            templates.append(Template(id: scenario.id, type: crisis.type, place: crisis.location, ratePerYear: rate,
                                      affected: affected, wanted: affected >= 0 ? wanted : nil, levels: forecast.levels,
                                      cap: setup.trigger.cap.rawValue))
        }
        return templates
    }
}
