import PactModel

/// Reads `actors.yaml`: the actors and their attribute series.
///
/// Each attribute is a series with a unit, a default source and values keyed by year; a value
/// may carry its own source (`2023: {value: 2021.4, source: "..."}`). The loader turns the
/// series into one `AttributeObservation` per year observed in any series; an attribute not
/// observed in that year takes the series' latest value at or before it (the first value
/// before the series starts), keeping that value's own year, so the year shown with every
/// number is always the year it was observed.
enum ActorsFile {
    /// The attribute series every actor must have, with the values each accepts.
    static let attributes: [(key: String, range: ClosedRange<Double>)] = [
        ("population", 1...1e10),
        ("gdp", 1...1e15),
        ("military_expenditure", 0...1e13),
        ("active_personnel", 0...1e8),
        ("regime_score", 0...100),
    ]

    /// The attribute whose values may carry uncertainty bounds (`{value: V, low: L, high: H}`).
    static let boundedAttribute = "regime_score"

    /// Multipliers an analyst may use so that figures stay short and legible, or stay in the
    /// publisher's unit (`hundred` puts an index published on 0-1 on the model's 0-100 scale).
    enum Unit: String, CaseIterable {
        case one, hundred, thousand, million, billion
        var factor: Double {
            switch self {
            case .one: 1
            case .hundred: 1e2
            case .thousand: 1e3
            case .million: 1e6
            case .billion: 1e9
            }
        }
        /// The value in base units. Values scaled by thousands and more are whole counts (persons,
        /// dollars), so they are rounded: 146.6 million is 146,600,000, not 146,599,999.99999997.
        /// An index scaled by a hundred keeps nine decimals: 0.256 is 25.6, not 25.600000000000001.
        func scale(_ value: Double) -> Double {
            switch self {
            case .one: value
            case .hundred: (value * factor * 1e9).rounded() / 1e9
            default: (value * factor).rounded()
            }
        }
    }

    static func read(_ input: YAMLInput) -> [Actor] {
        guard let root = input.root.mapping(allowed: ["actors"]),
            let list = root.required("actors")?.list()
        else { return [] }
        var actors: [Actor] = []
        var seen: [ActorID: Int?] = [:]
        for field in list {
            guard let actor = readActor(field) else { continue }
            if seen[actor.id] != nil {
                field.fail("actor '\(actor.id)' is listed twice")
                continue
            }
            seen[actor.id] = field.line
            actors.append(actor)
        }
        return actors
    }

    private static func readActor(_ field: YAMLField) -> Actor? {
        let keys = ["id", "name", "kind", "capital"] + attributes.map(\.key)
        guard let map = field.mapping(allowed: keys) else { return nil }
        let id = map.required("id")?.string(matching: "[A-Z][A-Z0-9_]{1,15}",
            explanation: "is not an actor id (ISO 3166-1 alpha-3 such as RUS, or an upper-case name)")
        let name = map.required("name")?.string()
        let kind = map.required("kind")?.oneOf(Actor.Kind.self)
        let capital = map.required("capital").flatMap(readCapital)
        var series: [String: [Int: SeriesValue]] = [:]
        for attribute in attributes {
            let bounded = attribute.key == boundedAttribute
            if let values = map.required(attribute.key).flatMap({ readSeries($0, range: attribute.range, bounded: bounded) }) {
                series[attribute.key] = values
            }
        }
        guard let id, let name, let kind, let capital, series.count == attributes.count else { return nil }

        let years = Set(series.values.flatMap(\.keys)).sorted()
        func entry(_ key: String, _ year: Int) -> SeriesValue {
            let values = series[key]!
            let observed = values.keys.sorted()
            let chosen = observed.last(where: { $0 <= year }) ?? observed[0]
            return values[chosen]!
        }
        func resolve(_ key: String, _ year: Int) -> Sourced<Double> { entry(key, year).value }
        let observations = years.map { year in
            let regime = entry("regime_score", year)
            return AttributeObservation(year: year, population: resolve("population", year), gdp: resolve("gdp", year),
                                        militaryExpenditure: resolve("military_expenditure", year),
                                        activePersonnel: resolve("active_personnel", year),
                                        regimeScore: regime.value, regimeScoreBounds: regime.bounds)
        }
        return Actor(id: ActorID(id), name: name, kind: kind, capital: capital, observations: observations)
    }

    private static func readCapital(_ field: YAMLField) -> Coordinates? {
        guard let map = field.mapping(allowed: ["place", "latitude", "longitude"]) else { return nil }
        _ = map.required("place")?.string()
        let latitude = map.required("latitude")?.double(in: -90...90)
        let longitude = map.required("longitude")?.double(in: -180...180)
        guard let latitude, let longitude else { return nil }
        return Coordinates(latitude: latitude, longitude: longitude)
    }

    /// One value of a series with its bounds, when the series carries them.
    private struct SeriesValue {
        var value: Sourced<Double>
        var bounds: ClosedRange<Double>?
    }

    /// `{unit: million, source: "...", values: {2000: 146.6, 2023: {value: 143.8, source: "..."}}}`;
    /// in a bounded series a value may also be `{value: 0.256, low: 0.225, high: 0.282}`, its
    /// source optional (the series' source by default).
    private static func readSeries(_ field: YAMLField, range: ClosedRange<Double>, bounded: Bool) -> [Int: SeriesValue]? {
        guard let map = field.mapping(allowed: ["unit", "source", "values"]) else { return nil }
        let unit = map.required("unit")?.oneOf(Unit.self)
        let source = map.required("source", hint: "the series' default source")?.string()
        guard let valuesField = map.required("values"), let values = valuesField.anyMapping() else { return nil }
        guard let unit, let source else { return nil }
        if values.entries.isEmpty {
            valuesField.fail("needs at least one value (year: number)")
            return nil
        }
        var result: [Int: SeriesValue] = [:]
        for (key, value) in values.entries {
            guard let year = Int(key.key), YAMLField.plausibleYears.contains(year) else {
                value.diagnostics.report(line: key.line, field: value.path, found: key.key,
                    "'\(key.key)' is not a year between \(YAMLField.plausibleYears.lowerBound) and \(YAMLField.plausibleYears.upperBound)")
                continue
            }
            // The range applies to the value as stored, after the unit is applied.
            let scaled = ClosedRange(uncheckedBounds: (range.lowerBound / unit.factor, range.upperBound / unit.factor))
            if case .mapping = value.node {
                let keys = bounded ? ["value", "source", "low", "high"] : ["value", "source"]
                guard let entry = value.mapping(allowed: keys) else { continue }
                let number = entry.required("value")?.double(in: scaled)
                let low = bounded ? entry.optional("low")?.double(in: scaled) : nil
                let high = bounded ? entry.optional("high")?.double(in: scaled) : nil
                let own = bounded && (entry.optional("low") != nil || entry.optional("high") != nil)
                    ? (entry.optional("source")?.string() ?? source) : entry.required("source")?.string()
                guard let number, let own else { continue }
                var bounds: ClosedRange<Double>?
                if entry.optional("low") != nil || entry.optional("high") != nil {
                    guard let low, let high else {
                        value.fail("needs both 'low' and 'high' (the value's uncertainty bounds) or neither")
                        continue
                    }
                    guard low <= number, number <= high else {
                        value.fail("bounds must enclose the value: low \(low) <= value \(number) <= high \(high)")
                        continue
                    }
                    bounds = unit.scale(low)...unit.scale(high)
                }
                result[year] = SeriesValue(value: Sourced(unit.scale(number), source: own, year: year), bounds: bounds)
            } else if let number = value.double(in: scaled) {
                result[year] = SeriesValue(value: Sourced(unit.scale(number), source: source, year: year), bounds: nil)
            }
        }
        return result.isEmpty ? nil : result
    }
}
