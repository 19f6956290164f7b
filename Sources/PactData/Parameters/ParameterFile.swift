import Foundation
import PactModel

/// Reads a parameter file: the model's named parameters with their defaults, ranges and
/// explanations (the format of `Parameters/default.yaml`; `pact run --params FILE` reads the same).
///
/// ```yaml
/// parameters:
///   w_solidarity:
///     default: 1.0
///     low: 0.5
///     high: 1.5
///     doc: Weight of a member's affinity toward the requester.
/// ```
///
/// An optional `fit: true` marks a parameter that `pact calibrate` fits (docs/CALIBRATION.md).
/// Every parameter needs the four other keys; `low <= default <= high`; unknown keys and duplicate
/// names are errors, each reported with its line.
public enum ParameterFile {
    public static func parse(text: String, file: String) throws -> ParameterSet {
        let input = try YAMLInput(text: text, file: file)
        var parameters: [Parameter] = []
        if let root = input.root.mapping(allowed: ["description", "parameters"]) {
            _ = root.optional("description")?.string()
            if let list = root.required("parameters", hint: "a mapping from parameter name to default, low, high, doc")?.anyMapping() {
                for (key, field) in list.entries {
                    guard key.key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                        input.diagnostics.report(line: key.line, field: field.path, found: key.key,
                            "parameter names are lower_snake_case: letters, digits and underscores, starting with a letter")
                        continue
                    }
                    guard let entry = field.mapping(allowed: ["default", "low", "high", "doc", "fit"]) else { continue }
                    let value = entry.required("default")?.double()
                    let low = entry.required("low")?.double()
                    let high = entry.required("high")?.double()
                    let doc = entry.required("doc", hint: "say what the parameter does and why its value")?.string()
                    let fitted = entry.optional("fit")?.bool() ?? false
                    guard let value, let low, let high, let doc else { continue }
                    guard low <= value, value <= high else {
                        input.diagnostics.report(line: field.line, field: field.path, found: "\(low) \(value) \(high)",
                            "needs low <= default <= high; found low \(low), default \(value), high \(high)")
                        continue
                    }
                    parameters.append(Parameter(name: key.key, defaultValue: value, low: low, high: high, doc: doc, fitted: fitted))
                }
                if list.entries.isEmpty {
                    input.diagnostics.report(line: list.field.line, field: list.field.path, "lists no parameters")
                }
            }
        }
        try input.diagnostics.throwIfAny()
        return ParameterSet(parameters)
    }

    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> ParameterSet {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "cannot read the file (does it exist?)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([InputError(file: name, line: nil, field: "", message: "the file is not UTF-8 text")])
        }
        return try parse(text: text, file: name)
    }

    /// Checks that `set` names exactly `expected` (the parameters a model reads): a missing
    /// parameter or a name the model does not know is an error naming the file.
    public static func check(_ set: ParameterSet, against expected: [String], file: String) throws {
        var errors: [InputError] = []
        for name in expected where !set.contains(name) {
            errors.append(InputError(file: file, line: nil, field: "parameters.\(name)", message: "is required but missing"))
        }
        let known = Set(expected)
        for name in set.names where !known.contains(name) {
            errors.append(InputError(file: file, line: nil, field: "parameters.\(name)", found: name,
                message: "is not a parameter of the model; known parameters are \(expected.joined(separator: ", "))",
                allowed: expected))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
    }
}

extension Embedded {
    /// The shipped default parameters, `Parameters/default.yaml`.
    public static func defaultParameters() throws -> ParameterSet {
        let url = directory("Parameters").appendingPathComponent("default.yaml")
        return try ParameterFile.load(contentsOf: url, displayName: displayName(url))
    }

    /// The documented priors of the parameters, `Parameters/priors.yaml`: the values set by
    /// reasoning before any fit, which `pact calibrate` starts from and holds the fit near.
    /// `default.yaml` is this file with the fitted defaults (docs/CALIBRATION.md).
    public static func priorParameters() throws -> ParameterSet {
        let url = directory("Parameters").appendingPathComponent("priors.yaml")
        return try ParameterFile.load(contentsOf: url, displayName: displayName(url))
    }
}
