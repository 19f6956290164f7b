import PactModel

/// Readers shared by the dataset files: sourced values, years, coordinates and date intervals.
extension YAMLField {
    /// The years a dataset value may describe. Anything outside is a typo (`20122`, `212`).
    static let plausibleYears = 1990...2100

    /// A year written as a number or as a mapping key (`2012:`).
    func year() -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            fail("expected a year such as 2012, found \(describeFound)")
            return nil
        }
        guard YAMLField.plausibleYears.contains(value) else {
            fail("\(value) is outside the allowed years \(YAMLField.plausibleYears.lowerBound)...\(YAMLField.plausibleYears.upperBound)")
            return nil
        }
        return value
    }

    /// `{value: V, year: Y, source: S}`: one sourced number.
    func sourcedDouble(in range: ClosedRange<Double>? = nil) -> Sourced<Double>? {
        guard let map = mapping(allowed: ["value", "year", "source"]) else { return nil }
        let value = map.required("value")?.double(in: range)
        let year = map.required("year")?.year()
        let source = map.required("source", hint: "say where the figure comes from")?.string()
        guard let value, let year, let source else { return nil }
        return Sourced(value, source: source, year: year)
    }

    /// `{value: V, year: Y, source: S}` with a whole number.
    func sourcedInt(in range: ClosedRange<Int>? = nil) -> Sourced<Int>? {
        guard let map = mapping(allowed: ["value", "year", "source"]) else { return nil }
        let value = map.required("value")?.int(in: range)
        let year = map.required("year")?.year()
        let source = map.required("source", hint: "say where the figure comes from")?.string()
        guard let value, let year, let source else { return nil }
        return Sourced(value, source: source, year: year)
    }
}

extension YAMLMapping {
    /// `from` (required) and `to` (optional, exclusive) as a `DayInterval`; `to` must be after `from`.
    func interval(fromKey: String = "from", toKey: String = "to") -> DayInterval? {
        let start = required(fromKey, hint: "a date YYYY-MM-DD")?.day()
        let endField = optional(toKey)
        let end = endField?.day()
        guard let start else { return nil }
        if endField != nil, end == nil { return nil }
        if let end, end <= start {
            endField?.fail("'\(end)' must be after \(fromKey) \(start) (\(toKey) is the first day no longer covered)")
            return nil
        }
        return DayInterval(start: start, end: end)
    }
}

extension DayInterval {
    /// True when the two intervals share at least one day.
    func overlaps(_ other: DayInterval) -> Bool {
        let endsAfterOtherStarts = end.map { $0 > other.start } ?? true
        let otherEndsAfterStart = other.end.map { $0 > start } ?? true
        return endsAfterOtherStarts && otherEndsAfterStart
    }
}
