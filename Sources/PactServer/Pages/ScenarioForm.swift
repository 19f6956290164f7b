import Foundation
import PactData
import PactModel
import PactReport

/// The crisis editing form: every field of a crisis scenario, keyed by the dotted path that
/// `InputError.field` uses, so each validation message lands beside its own input.
///
/// The form is turned into scenario text and validated by `ScenarioLoader`, exactly like a file:
/// the web form cannot accept anything `pact check` would refuse.
struct ScenarioForm {
    enum Control { case text, number, date, select([String]), textarea }

    struct Field {
        var name: String
        var label: String
        var control: Control
        var hint: String
    }

    static let fields: [Field] = [
        Field(name: "id", label: "Id", control: .text, hint: "lowercase letters, digits and dashes; unique"),
        Field(name: "title", label: "Title", control: .text, hint: ""),
        Field(name: "date", label: "Date", control: .date, hint: "YYYY-MM-DD; the dataset is read as of this day"),
        Field(name: "organization", label: "Organization", control: .text, hint: "the alliance's id, e.g. CSTO"),
        Field(name: "crisis.type", label: "Crisis type", control: .select(Crisis.CrisisType.allCases.map(\.rawValue)), hint: ""),
        Field(name: "crisis.location", label: "Location", control: .text, hint: "actor id of the country where it happens"),
        Field(name: "crisis.territory", label: "Territory", control: .select(Crisis.Territory.allCases.map(\.rawValue)),
              hint: "where the fighting is relative to recognised borders"),
        Field(name: "crisis.requester", label: "Requester", control: .text, hint: "member asking for help; empty for none"),
        Field(name: "crisis.article", label: "Article invoked", control: .text, hint: "4, 2 or empty for none"),
        Field(name: "crisis.belligerents", label: "Belligerent members", control: .text,
              hint: "comma-separated actor ids; empty for the default (the requester against a state)"),
        Field(name: "crisis.adversary.kind", label: "Adversary kind", control: .select(Adversary.Kind.allCases.map(\.rawValue)), hint: ""),
        Field(name: "crisis.adversary.actor", label: "Adversary actor", control: .text, hint: "actor id; empty unless a state"),
        Field(name: "crisis.adversary.external_backing", label: "External backing",
              control: .select(Adversary.Backing.allCases.map(\.rawValue)), hint: ""),
        Field(name: "crisis.severity.deaths", label: "Deaths", control: .number, hint: ""),
        Field(name: "crisis.severity.displaced", label: "Displaced", control: .number, hint: ""),
        Field(name: "crisis.severity.territory_km2", label: "Territory lost (km²)", control: .number, hint: ""),
        Field(name: "crisis.expected_duration_days", label: "Expected duration (days)", control: .number, hint: ""),
        Field(name: "context.lead_state_committed_elsewhere", label: "Lead state's forces tied down elsewhere",
              control: .number, hint: "0 to 1; empty for the dataset's value on the date"),
        Field(name: "uncertainty", label: "Parameter ranges", control: .textarea,
              hint: "one per line: name: [low, high]"),
        Field(name: "notes", label: "Notes", control: .textarea, hint: "why the inputs are what they are"),
    ]

    var values: [String: String]

    /// A blank form with workable defaults.
    static var blank: ScenarioForm {
        ScenarioForm(values: [
            "organization": "CSTO", "crisis.type": "border-clash", "crisis.territory": "sovereign",
            "crisis.adversary.kind": "state", "crisis.adversary.external_backing": "none",
            "crisis.severity.deaths": "0", "crisis.severity.displaced": "0", "crisis.severity.territory_km2": "0",
            "crisis.expected_duration_days": "7",
        ])
    }

    init(values: [String: String]) { self.values = values }

    /// The form filled from a crisis scenario.
    init(_ s: Scenario) {
        var v: [String: String] = ["id": s.id, "title": s.title, "date": s.date.description, "organization": s.organization,
                                   "notes": s.notes ?? ""]
        if let c = s.crisis {
            v["crisis.type"] = c.type.rawValue
            v["crisis.location"] = c.location.rawValue
            v["crisis.territory"] = c.territory.rawValue
            v["crisis.requester"] = c.requester?.rawValue ?? ""
            v["crisis.article"] = c.article.map(String.init) ?? ""
            v["crisis.belligerents"] = c.belligerents?.map(\.rawValue).joined(separator: ", ") ?? ""
            v["crisis.adversary.kind"] = c.adversary.kind.rawValue
            v["crisis.adversary.actor"] = c.adversary.actor?.rawValue ?? ""
            v["crisis.adversary.external_backing"] = c.adversary.externalBacking.rawValue
            v["crisis.severity.deaths"] = Format.compact(c.severity.deaths)
            v["crisis.severity.displaced"] = Format.compact(c.severity.displaced)
            v["crisis.severity.territory_km2"] = Format.compact(c.severity.territoryKm2)
            v["crisis.expected_duration_days"] = Format.compact(c.expectedDurationDays)
        }
        v["context.lead_state_committed_elsewhere"] = s.context.leadStateCommittedElsewhere.map(Format.compact) ?? ""
        v["uncertainty"] = ParameterRangeText.render(s.uncertainty)
        values = v
    }

    func value(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The scenario file the form describes, and the problems of fields that could not be put
    /// into it (the parameter ranges, read by the same parser as a file's `uncertainty` block;
    /// `knownParameters` are the names it may use). Text the user typed is always written as a
    /// quoted YAML string, so it can never add keys; numbers and dates go in bare only when they
    /// look like numbers and dates (anything else is quoted, and the loader names the field).
    func document(knownParameters: Set<String>?) -> (yaml: String, problems: [InputError]) {
        var problems: [InputError] = []
        var ranges: [String: ClosedRange<Double>] = [:]
        do {
            ranges = try ParameterRangeText.parse(value("uncertainty"), field: "uncertainty", known: knownParameters,
                                                  singleValues: false)
        } catch let errors as InputErrors {
            problems = errors.errors.map { Self.locatedInBox($0, field: "uncertainty") }
        } catch {
            problems = [InputError(file: "", line: nil, field: "uncertainty", message: "\(error)")]
        }
        return (yaml(ranges: ranges), problems)
    }

    /// A problem in the text box `field`, its line (within the box) put into the message the
    /// form shows; a problem of the whole text (a syntax error) is placed on the box itself.
    static func locatedInBox(_ error: InputError, field: String) -> InputError {
        var error = error
        if error.field.isEmpty { error.field = field }
        if let line = error.line { error.message = "line \(line): " + error.message }
        error.line = nil
        return error
    }

    /// The scenario text with `ranges` as its `uncertainty` block.
    private func yaml(ranges: [String: ClosedRange<Double>]) -> String {
        var lines: [String] = []
        func scalar(_ text: String, bare pattern: String? = nil) -> String {
            if let pattern, text.range(of: pattern, options: .regularExpression) != nil { return text }
            return OrderedJSON.string(text).rendered(pretty: false)
        }
        let number = #"^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#
        func optional(_ key: String, _ name: String, indent: String, pattern: String? = nil) {
            let v = value(name)
            lines.append("\(indent)\(key): " + (v.isEmpty ? "null" : scalar(v, bare: pattern)))
        }
        lines.append("id: " + scalar(value("id")))
        lines.append("title: " + scalar(value("title")))
        lines.append("date: " + scalar(value("date"), bare: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#))
        lines.append("organization: " + scalar(value("organization")))
        lines.append("kind: crisis")
        lines.append("crisis:")
        lines.append("  type: " + scalar(value("crisis.type")))
        lines.append("  location: " + scalar(value("crisis.location")))
        lines.append("  territory: " + scalar(value("crisis.territory")))
        optional("requester", "crisis.requester", indent: "  ")
        optional("article", "crisis.article", indent: "  ", pattern: number)
        let belligerents = value("crisis.belligerents")
        if !belligerents.isEmpty {
            let ids = belligerents.split(separator: ",").map { scalar($0.trimmingCharacters(in: .whitespaces)) }
            lines.append("  belligerents: [" + ids.joined(separator: ", ") + "]")
        }
        lines.append("  adversary:")
        lines.append("    kind: " + scalar(value("crisis.adversary.kind")))
        optional("actor", "crisis.adversary.actor", indent: "    ")
        lines.append("    external_backing: " + scalar(value("crisis.adversary.external_backing")))
        lines.append("  severity:")
        for key in ["deaths", "displaced", "territory_km2"] {
            lines.append("    \(key): " + scalar(value("crisis.severity.\(key)"), bare: number))
        }
        lines.append("  expected_duration_days: " + scalar(value("crisis.expected_duration_days"), bare: number))
        let committed = value("context.lead_state_committed_elsewhere")
        if !committed.isEmpty {
            lines.append("context:")
            lines.append("  lead_state_committed_elsewhere: " + scalar(committed, bare: number))
        }
        if !ranges.isEmpty {
            lines.append("uncertainty:")
            for (name, range) in ranges.sorted(by: { $0.key < $1.key }) {
                let bounds = [range.lowerBound, range.upperBound].map(PlainNumber.text)
                lines.append("  \(scalar(name)): [" + bounds.joined(separator: ", ") + "]")
            }
        }
        let notes = value("notes")
        if !notes.isEmpty { lines.append("notes: " + scalar(notes)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The form's fields for the template, each with its value and the first error on it.
    func context(errors: [InputError]) -> [[String: Any]] {
        Self.fields.map { field in
            let messages = errors.filter { error in
                error.field == field.name || error.field.hasPrefix(field.name + ".") || error.field.hasPrefix(field.name + "[")
            }.map { error in
                var text = error.message
                if let allowed = error.allowed, !allowed.isEmpty, allowed.count <= 12 { text += " (allowed: \(allowed.joined(separator: ", ")))" }
                return text
            }
            var item: [String: Any] = ["name": field.name, "label": field.label, "value": values[field.name] ?? "",
                                       "hint": field.hint, "id": "f-" + field.name.replacingOccurrences(of: ".", with: "-")]
            if !messages.isEmpty { item["error"] = messages.joined(separator: "; ") }
            switch field.control {
            case .select(let options):
                item["select"] = true
                item["options"] = options.map { ["value": $0, "selected": $0 == (values[field.name] ?? "")] }
            case .textarea: item["textarea"] = true
            case .number: item["input"] = true; item["type"] = "text"; item["inputmode"] = "decimal"
            case .date: item["input"] = true; item["type"] = "text"; item["inputmode"] = "numeric"
            case .text: item["input"] = true; item["type"] = "text"; item["inputmode"] = "text"
            }
            return item
        }
    }

    /// Errors whose field is not one of the form's (shown at the top of the form).
    static func unplaced(_ errors: [InputError]) -> [String] {
        errors.filter { error in
            !fields.contains { error.field == $0.name || error.field.hasPrefix($0.name + ".") || error.field.hasPrefix($0.name + "[") }
        }.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }
    }
}
