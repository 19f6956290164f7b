import PactModel
import Yams

/// Parameter ranges, `name: [low, high]`, read one way wherever they come from: a scenario
/// file's `uncertainty` block, the scenario form's text box and the run form's overrides.
///
/// Each entry must name a known parameter (when the names are given), be two finite numbers
/// with low <= high (or, where a single value is allowed, one number: a one-point range) and
/// lie within the parameter's ``ParameterBounds``. Every problem is recorded with its line and
/// the field path `PATH.NAME`; nothing is defaulted.
extension YAMLField {
    /// The node as a mapping of parameter name to range; nil (with every problem recorded) when
    /// any entry is unusable.
    public func parameterRanges(known: Set<String>?, singleValues: Bool = false) -> [String: ClosedRange<Double>]? {
        guard let map = anyMapping() else { return nil }
        var ranges: [String: ClosedRange<Double>] = [:]
        var failed = false
        for (key, value) in map.entries {
            if let known, !known.contains(key.key) {
                let allowed = known.sorted()
                diagnostics.report(line: key.line, field: value.path, found: key.key,
                    "unknown parameter '\(key.key)'; known parameters are \(allowed.joined(separator: ", "))",
                    allowed: allowed)
                failed = true
                continue
            }
            guard let range = value.parameterRange(singleValue: singleValues) else {
                failed = true
                continue
            }
            if let problem = ParameterBounds.problem(key.key, range) {
                value.fail(problem)
                failed = true
                continue
            }
            ranges[key.key] = range
        }
        return failed ? nil : ranges
    }

    /// `[low, high]` with low <= high, or (when `singleValue`) one number.
    public func parameterRange(singleValue: Bool = false) -> ClosedRange<Double>? {
        if singleValue, case .scalar = node {
            guard let value = double() else { return nil }
            return value...value
        }
        let expected = singleValue ? "a number or a range [low, high]" : "a range [low, high] of two numbers"
        guard case .sequence = node, let items = list() else {
            fail("expected \(expected), found \(describeFound)")
            return nil
        }
        guard items.count == 2 else {
            fail("expected \(expected), found \(items.count) item(s)")
            return nil
        }
        let bounds = items.compactMap { $0.double() }
        guard bounds.count == 2, let low = bounds.first, let high = bounds.last else { return nil }
        guard low <= high else {
            fail("the range [\(items.map(\.found).joined(separator: ", "))] is reversed; write [low, high] with low <= high")
            return nil
        }
        return low...high
    }
}

/// Parameter ranges typed into a text box, one `name: [low, high]` (or `name: value`) per line.
///
/// The text is read as a YAML mapping by ``YAMLInput``, the parser of scenario files, and its
/// entries by ``YAMLField/parameterRanges(known:singleValues:)``, so a form accepts exactly
/// what a scenario file would. Problems name `field` (e.g. `uncertainty.crisis_noise`) and the
/// line within the text.
public enum ParameterRangeText {
    public static func parse(_ text: String, field: String, known: Set<String>?, singleValues: Bool) throws
        -> [String: ClosedRange<Double>]
    {
        guard let input = try YAMLInput.document(text: text, file: field, rootPath: field) else { return [:] }
        let ranges = input.root.parameterRanges(known: known, singleValues: singleValues)
        try input.diagnostics.throwIfAny()
        return ranges ?? [:]
    }

    /// The ranges as text `parse` reads back: one `name: [low, high]` per line, sorted by name,
    /// numbers in their shortest exact form.
    public static func render(_ ranges: [String: ClosedRange<Double>]) -> String {
        ranges.keys.sorted().compactMap { name in
            ranges[name].map { "\(name): [\(PlainNumber.text($0.lowerBound)), \(PlainNumber.text($0.upperBound))]" }
        }.joined(separator: "\n")
    }

}
