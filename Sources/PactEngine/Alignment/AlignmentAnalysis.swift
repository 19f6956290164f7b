import PactModel

/// Today's alignment on a landscape set against the landscape's predicted one (its global minimum).
///
/// Today's blocs come from membership, not from the landscape:
/// - two blocs: the organization's full members on the day (status `member`) against everyone
///   else; frozen, suspended, observer and former members count as outside, because they no
///   longer take part in the alliance's decisions.
/// - three blocs: the full members; the *counter-pole's camp*; everyone else. The counter-pole is
///   the non-member with the largest capability among the actors (or the one named); an actor
///   outside the alliance is in its camp when its affinity toward the counter-pole is positive
///   and larger than its affinity toward the alliance's lead state (the counter-pole itself is
///   always in it). For the CSTO this is the United States and the states leaning to it.
///
/// Predicted blocs are matched to today's by the relabelling of the global minimum that agrees
/// with today on the most actors (ties: on the most capability), so "misplaced" means "in a
/// different bloc from the one the landscape puts it in, under the best matching of blocs".
public struct AlignmentAnalysis: Sendable {
    public struct ActorRow: Sendable {
        public let actor: ActorID
        public let size: Double
        /// Bloc label today (0 the alliance, 1 outside or the counter-pole's camp, 2 others).
        public let currentBloc: Int
        /// Bloc label in the global minimum, relabelled to match today's labels.
        public let predictedBloc: Int
        /// F_i in today's alignment: s_i Σ_j s_j p_ij over actors in other blocs.
        public let frustration: Double
        /// The largest energy drop available to this actor alone today (0 when none), and where
        /// it would go.
        public let gainBySwitching: Double
        public let bestBloc: Int
        public var misplaced: Bool { currentBloc != predictedBloc }
    }

    public let landscape: AlignmentLandscape
    public let search: AlignmentSearch.Result
    public let blocNames: [String]
    public let current: [Int]
    public let currentEnergy: Double
    /// The global minimum relabelled to today's labels.
    public let predicted: [Int]
    public let rows: [ActorRow]
    /// The counter-pole used for three blocs, nil for two.
    public let counterPole: ActorID?

    /// Today's alignment on `snapshot`'s day for the landscape's actors.
    public static func currentBlocs(snapshot: DatasetSnapshot, landscape: AlignmentLandscape, blocs: Int,
                                    counterPole named: ActorID? = nil) -> (blocs: [Int], counterPole: ActorID?) {
        let members = Set(snapshot.members)
        var labels = landscape.actors.map { members.contains($0) ? 0 : 1 }
        guard blocs >= 3 else { return (labels, nil) }
        let capability = snapshot.capabilityIndex
        let outside = landscape.actors.filter { !members.contains($0) }
        let pole = named ?? outside.max { (capability[$0] ?? 0, $1.rawValue) < (capability[$1] ?? 0, $0.rawValue) }
        let lead = snapshot.leadState
        for (i, id) in landscape.actors.enumerated() where labels[i] != 0 {
            guard let pole else { labels[i] = 2; continue }
            let toPole = snapshot.affinity(from: id, to: pole), toLead = snapshot.affinity(from: id, to: lead)
            labels[i] = id == pole || (toPole > 0 && toPole > toLead) ? 1 : 2
        }
        return (labels, pole)
    }

    public init(snapshot: DatasetSnapshot, landscape: AlignmentLandscape, search: AlignmentSearch.Result,
                counterPole: ActorID? = nil) {
        let (current, pole) = Self.currentBlocs(snapshot: snapshot, landscape: landscape, blocs: search.blocs,
                                                counterPole: counterPole)
        let names = search.blocs >= 3 ? ["\(snapshot.organization.id) members", "\(pole?.rawValue ?? "counter-pole") camp", "others"]
                                      : ["\(snapshot.organization.id) members", "outside"]
        self.init(landscape: landscape, search: search, current: current, blocNames: names, counterPole: pole)
    }

    public init(landscape: AlignmentLandscape, search: AlignmentSearch.Result, current: [Int], blocNames: [String],
                counterPole: ActorID? = nil) {
        self.landscape = landscape
        self.search = search
        self.current = current
        self.blocNames = blocNames
        self.counterPole = counterPole
        currentEnergy = landscape.energy(of: current)
        let q = max(search.blocs, (current.max() ?? 0) + 1)
        let global = search.minima.first?.partition.blocs ?? current
        predicted = Self.match(global, to: current, sizes: landscape.sizes, blocs: q)
        let frustration = landscape.frustration(of: current)
        var rows: [ActorRow] = []
        for i in 0..<landscape.count {
            var bestGain = 0.0, bestBloc = current[i]
            for c in 0..<q where c != current[i] {
                let delta = landscape.moveDelta(of: i, to: c, in: current)
                if delta < bestGain {
                    bestGain = delta
                    bestBloc = c
                }
            }
            rows.append(ActorRow(actor: landscape.actors[i], size: landscape.sizes[i], currentBloc: current[i],
                                 predictedBloc: predicted[i], frustration: frustration[i], gainBySwitching: bestGain == 0 ? 0 : -bestGain,
                                 bestBloc: bestBloc))
        }
        self.rows = rows
    }

    /// The actors whose bloc today differs from the predicted one.
    public var misplaced: [ActorID] { rows.filter(\.misplaced).map(\.actor) }

    /// Relabels `partition` by the permutation of labels that agrees with `target` on the most
    /// actors, ties broken by agreeing capability, then by the first permutation in lexicographic order.
    public static func relabel(_ partition: [Int], to target: [Int], sizes: [Double], blocs q: Int) -> [Int] {
        match(partition, to: target, sizes: sizes, blocs: q)
    }

    static func match(_ partition: [Int], to target: [Int], sizes: [Double], blocs q: Int) -> [Int] {
        var bestPermutation = Array(0..<q), bestScore = (-1, -1.0)
        for permutation in permutations(Array(0..<q)) {
            var agree = 0, weight = 0.0
            for i in partition.indices where permutation[partition[i]] == target[i] {
                agree += 1
                weight += sizes[i]
            }
            if agree > bestScore.0 || (agree == bestScore.0 && weight > bestScore.1 + 1e-15) {
                bestScore = (agree, weight)
                bestPermutation = permutation
            }
        }
        return partition.map { bestPermutation[$0] }
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        var result: [[Int]] = []
        for (k, first) in items.enumerated() {
            var rest = items
            rest.remove(at: k)
            for tail in permutations(rest) { result.append([first] + tail) }
        }
        return result
    }
}
