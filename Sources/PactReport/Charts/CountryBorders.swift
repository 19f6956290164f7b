import Foundation

/// Country outlines for the map, cut from Natural Earth's 1:110m Admin 0 layer (public domain)
/// by `scripts/extract_borders.py`: only the countries of the region the map shows, clipped to
/// it and rounded to 0.05 degree, shipped as `Resources/Maps/countries-110m.json`.
public struct CountryBorders: Sendable, Decodable {
    public struct Country: Sendable, Decodable {
        /// ISO 3166-1 alpha-3 code, as the dataset's actor ids.
        public var id: String
        public var name: String
        /// Outer rings of the country's parts, each a list of [longitude, latitude].
        public var rings: [[[Double]]]
    }

    public struct Region: Sendable, Decodable {
        public var west: Double
        public var east: Double
        public var south: Double
        public var north: Double
    }

    public var source: String
    public var version: String
    public var licence: String
    public var credit: String
    /// The box the outlines were clipped to: a map reaching beyond it shows no borders there.
    public var region: Region
    public var countries: [Country]

    /// The shipped outlines; nil when the resource is missing or unreadable (the map then
    /// falls back to places on a grid).
    public static let shipped: CountryBorders? = {
        guard let url = resourceURL, let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(CountryBorders.self, from: data)
    }()

    /// Where the shipped outlines are installed.
    public static var resourceURL: URL? {
        Bundle.module.url(forResource: "countries-110m", withExtension: "json", subdirectory: "Maps")
    }

    /// The line credited under a map drawn from these outlines.
    public var attribution: String { "\(source), version \(version), \(licence). \(credit)." }
}
