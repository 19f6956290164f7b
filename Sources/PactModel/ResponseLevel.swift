/// The response ladder of SPEC section 4: what the organization does collectively.
///
/// Ordinal: a higher level includes the commitment of the lower ones. The lead state acting
/// alone is reported separately (`unilateral`), never as a level.
public enum ResponseLevel: Int, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    case none = 0
    case statement = 1
    case consultations = 2
    case mission = 3
    case aid = 4
    case deployment = 5

    public static func < (lhs: ResponseLevel, rhs: ResponseLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The ladder's name for the level, as in SPEC section 4.
    public var name: String {
        switch self {
        case .none: "none"
        case .statement: "statement"
        case .consultations: "consultations"
        case .mission: "mission"
        case .aid: "aid"
        case .deployment: "deployment"
        }
    }

    public var meaning: String {
        switch self {
        case .none: "no collective act of the organization"
        case .statement: "a declaration of concern, support or condemnation"
        case .consultations: "formal consultations or an extraordinary session on the crisis"
        case .mission: "a monitoring, fact-finding or observer mission sent by the organization"
        case .aid: "military-technical, material or humanitarian aid delivered through the organization"
        case .deployment: "a collective force deployed on the requester's territory"
        }
    }

    public var description: String { "\(rawValue) \(name)" }
}
