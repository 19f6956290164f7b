/// The identifier of an actor: an ISO 3166-1 alpha-3 code for a state (`RUS`, `KAZ`)
/// or a short upper-case name for a non-state actor (`IMU`, `TALIBAN`).
///
/// A distinct type, not a bare `String`, so that an actor id cannot be mixed up with a
/// scenario id or a force id at a call site.
public struct ActorID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ActorID, rhs: ActorID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
