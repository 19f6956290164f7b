/// A state or a named non-state actor that takes part in the alliance's crises.
public struct Actor: Identifiable, Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case state
        case nonstate
    }

    public var id: ActorID
    public var name: String
    public var kind: Kind
    /// The capital (or base of operations), used for distances and maps.
    public var capital: Coordinates
    /// Attribute observations, one record per observed year, in ascending year order.
    public var observations: [AttributeObservation]

    public init(id: ActorID, name: String, kind: Kind, capital: Coordinates, observations: [AttributeObservation]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.capital = capital
        self.observations = observations.sorted { $0.year < $1.year }
    }

    /// The attributes in force in `year` by Pact's documented rule: the latest observation
    /// at or before `year`; before the first observation, the first one.
    public func attributes(in year: Int) -> AttributeObservation? {
        observations.last(where: { $0.year <= year }) ?? observations.first
    }
}

/// A point on the globe in decimal degrees.
public struct Coordinates: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).
    public func distance(to other: Coordinates) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let a = sinSquared(dLat / 2) + cosine(latitude * rad) * cosine(other.latitude * rad) * sinSquared(dLon / 2)
        return 2 * 6371 * arcsinSqrt(a)
    }
}

// Small wrappers so PactModel needs nothing but the standard library and Foundation.
import Foundation
@inline(__always) private func sinSquared(_ x: Double) -> Double { let s = sin(x); return s * s }
@inline(__always) private func cosine(_ x: Double) -> Double { cos(x) }
@inline(__always) private func arcsinSqrt(_ a: Double) -> Double { asin(min(1, sqrt(a))) }

/// One year's attributes of an actor, each with its source.
public struct AttributeObservation: Hashable, Sendable, Codable {
    public var year: Int
    /// Population, persons.
    public var population: Sourced<Double>
    /// Gross domestic product, current US dollars.
    public var gdp: Sourced<Double>
    /// Military expenditure, current US dollars.
    public var militaryExpenditure: Sourced<Double>
    /// Active armed-forces personnel.
    public var activePersonnel: Sourced<Double>
    /// Regime score on 0...100, higher is more democratic: in the embedded dataset V-Dem's
    /// electoral democracy index (v2x_polyarchy, published on 0-1) times 100.
    public var regimeScore: Sourced<Double>
    /// The regime score's uncertainty bounds on the same scale, when the source publishes them
    /// (V-Dem's 68% highest-posterior-density interval); nil for a point estimate.
    public var regimeScoreBounds: ClosedRange<Double>?

    public init(year: Int, population: Sourced<Double>, gdp: Sourced<Double>, militaryExpenditure: Sourced<Double>,
                activePersonnel: Sourced<Double>, regimeScore: Sourced<Double>, regimeScoreBounds: ClosedRange<Double>? = nil) {
        self.year = year
        self.population = population
        self.gdp = gdp
        self.militaryExpenditure = militaryExpenditure
        self.activePersonnel = activePersonnel
        self.regimeScore = regimeScore
        self.regimeScoreBounds = regimeScoreBounds
    }

    /// Which point of the regime score's uncertainty interval to use.
    public enum RegimeScorePoint: String, Sendable, CaseIterable, Codable {
        /// The published point estimate.
        case estimate
        /// The lower bound (less democratic).
        case low
        /// The upper bound (more democratic).
        case high
    }

    /// The observation with its regime score moved to `point` of its interval (unchanged without
    /// bounds), so a sweep can run the same question at both ends of the measurement's uncertainty.
    public func withRegimeScore(at point: RegimeScorePoint) -> AttributeObservation {
        guard let bounds = regimeScoreBounds, point != .estimate else { return self }
        var copy = self
        copy.regimeScore.value = point == .low ? bounds.lowerBound : bounds.upperBound
        return copy
    }
}
