/// One participant in an expected-utility bargaining run: who it is, how much it can throw
/// behind a position, where it stands and how much it cares.
///
/// Capability is on any ratio scale (only shares matter: the Scholz check data uses shares of
/// 1, Pact's issue scenarios use its capability index times 100). Position is on the issue's
/// one-dimensional scale. Salience is the share of the actor's attention the issue commands,
/// in [0, 1].
public struct BargainingActor: Hashable, Sendable {
    public var name: String
    public var capability: Double
    public var position: Double
    public var salience: Double

    public init(name: String, capability: Double, position: Double, salience: Double) {
        self.name = name
        self.capability = capability
        self.position = position
        self.salience = salience
    }
}

/// Why a set of actors cannot be bargained over. The model needs at least two actors, not all
/// at one position (the range of positions is the model's unit of distance), positive
/// capabilities and saliences in [0, 1]; anything else would divide by zero or produce
/// probabilities outside [0, 1].
public enum BargainingInputError: Error, Hashable, Sendable, CustomStringConvertible {
    case tooFewActors(count: Int)
    case positionsAllEqual(position: Double)
    case capabilityNotPositive(actor: String, value: Double)
    case salienceOutOfRange(actor: String, value: Double)
    case positionNotFinite(actor: String, value: Double)
    case duplicateActor(name: String)
    case noSalience

    public var description: String {
        switch self {
        case .tooFewActors(let count):
            return "bargaining needs at least 2 actors, found \(count)"
        case .positionsAllEqual(let position):
            return "every actor stands at \(position); bargaining needs at least two different positions"
        case .capabilityNotPositive(let actor, let value):
            return "\(actor): capability \(value) must be a positive number"
        case .salienceOutOfRange(let actor, let value):
            return "\(actor): salience \(value) is outside the allowed range 0...1"
        case .positionNotFinite(let actor, let value):
            return "\(actor): position \(value) must be a finite number"
        case .duplicateActor(let name):
            return "actor '\(name)' is listed more than once"
        case .noSalience:
            return "every actor has salience 0; at least one must care about the issue"
        }
    }

    /// Every problem with `actors`, in input order; empty when the model can run on them.
    public static func problems(in actors: [BargainingActor]) -> [BargainingInputError] {
        var problems: [BargainingInputError] = []
        var seen: Set<String> = []
        for actor in actors {
            if !seen.insert(actor.name).inserted { problems.append(.duplicateActor(name: actor.name)) }
            if !(actor.capability > 0) || !actor.capability.isFinite {
                problems.append(.capabilityNotPositive(actor: actor.name, value: actor.capability))
            }
            if !(0...1).contains(actor.salience) {
                problems.append(.salienceOutOfRange(actor: actor.name, value: actor.salience))
            }
            if !actor.position.isFinite { problems.append(.positionNotFinite(actor: actor.name, value: actor.position)) }
        }
        if actors.count < 2 {
            problems.append(.tooFewActors(count: actors.count))
        } else if let first = actors.first?.position, first.isFinite, actors.allSatisfy({ $0.position == first }) {
            problems.append(.positionsAllEqual(position: first))
        }
        if !actors.isEmpty, actors.allSatisfy({ $0.salience == 0 }) { problems.append(.noSalience) }
        return problems
    }
}
