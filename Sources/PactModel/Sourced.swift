/// A data value together with where it comes from and the year it describes.
///
/// Every number in the embedded dataset is a `Sourced` value: an analyst must be able to
/// ask of any figure "says who, and for when?".
public struct Sourced<Value: Sendable>: Sendable {
    public var value: Value
    /// A citation a reader can follow: publication, table or URL.
    public var source: String
    /// The year the value describes (not the year it was published).
    public var year: Int

    public init(_ value: Value, source: String, year: Int) {
        self.value = value
        self.source = source
        self.year = year
    }
}

extension Sourced: Equatable where Value: Equatable {}
extension Sourced: Hashable where Value: Hashable {}
extension Sourced: Codable where Value: Codable {}
