import Foundation
import PactModel

/// Reads and writes a parameter spread file: the bootstrap fits of `pact calibrate --bootstrap`,
/// which `pact run --parameter-uncertainty` turns into intervals on each level's probability.
///
/// ```yaml
/// description: >
///   What the fits are and how they were made.
/// fits:
///   - {baseline: -2.35, w_treaty_obligation: 2.94}
///   - {baseline: -2.2, w_treaty_obligation: 3.0}
/// ```
///
/// Every fit names the same parameters; a number is required for each. Unknown top-level keys
/// are errors, each reported with its line.
public enum ParameterSpreadFile {
    public static func parse(text: String, file: String) throws -> ParameterSpread {
        let input = try YAMLInput(text: text, file: file)
        var names: [String] = []
        var fits: [[String: Double]] = []
        if let root = input.root.mapping(allowed: ["description", "fits"]) {
            _ = root.optional("description")?.string()
            if let list = root.required("fits", hint: "a list of fits, each a mapping from parameter name to value")?.list() {
                for field in list {
                    guard let mapping = field.anyMapping() else { continue }
                    var fit: [String: Double] = [:]
                    for (key, value) in mapping.entries {
                        if let number = value.double() { fit[key.key] = number }
                    }
                    let keys = mapping.entries.map(\.key.key)
                    if names.isEmpty { names = keys }
                    if Set(keys) != Set(names) {
                        field.fail("every fit names the same parameters as the first (\(names.joined(separator: ", ")))")
                        continue
                    }
                    fits.append(fit)
                }
                if list.isEmpty { input.diagnostics.report(line: nil, field: "fits", "lists no fit") }
            }
        }
        try input.diagnostics.throwIfAny()
        return ParameterSpread(names: names, fits: fits)
    }

    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> ParameterSpread {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "cannot read the file (does it exist, is it UTF-8?)")])
        }
        return try parse(text: text, file: name)
    }

    /// The file's text: `description` folded, then one flow mapping per fit, values to six decimals.
    public static func text(_ spread: ParameterSpread, description: String) -> String {
        var lines = ["description: >"]
        lines += ParameterFile.wrap(description, width: 96).map { "  " + $0 }
        lines.append("fits:")
        for fit in spread.fits {
            let pairs = spread.names.compactMap { name in fit[name].map { "\(name): \(PlainNumber.text($0))" } }
            lines.append("  - {\(pairs.joined(separator: ", "))}")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Embedded {
    /// The shipped parameter spread, `Parameters/spread.yaml`: the bootstrap fits behind
    /// `pact run --parameter-uncertainty`; nil when none ships.
    public static func parameterSpread() throws -> ParameterSpread? {
        let url = directory("Parameters").appendingPathComponent("spread.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ParameterSpreadFile.load(contentsOf: url, displayName: displayName(url))
    }
}

extension Embedded {
    /// The shipped out-of-sample record, `Parameters/scores.json`: the in-sample, leave-one-out
    /// and time-split scores of the shipped fit; nil when none ships.
    public static func validationRecord() throws -> ValidationRecord? {
        let url = directory("Parameters").appendingPathComponent("scores.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            return try decoder.decode(ValidationRecord.self, from: data)
        } catch {
            throw InputErrors([InputError(file: displayName(url), line: nil, field: "",
                                          message: "is not a validation record: \(error.localizedDescription)")])
        }
    }
}

extension ValidationRecord {
    /// How a record writes a skill without a value (a reference scoring a perfect 0): as "nan".
    public static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
}
