import Foundation
import PactModel

/// Walks one parsed scenario document field by field and builds a `Scenario`, recording every
/// problem in the document's `Diagnostics` instead of stopping at the first.
///
/// Each `read…` method returns nil when its part is unusable; the caller only builds a
/// `Scenario` when the whole document produced no diagnostic, so a partial scenario never
/// escapes. Null is accepted only where SPEC section 5 says a field may be "none"
/// (`crisis.requester`, `crisis.article`, `crisis.adversary.actor`); everywhere else an
/// explicit null is an error, because a key that is present but empty is usually a slip.
struct ScenarioReader {
    let knownActors: Set<ActorID>
    let knownParameters: Set<String>?
    /// The organization the dataset describes; nil when not checked.
    var organization: String? = nil

    /// Keys a scenario file may use, in the order SPEC section 5 lists them.
    static let topLevelKeys = ["id", "title", "date", "organization", "kind", "crisis", "issue", "context",
                               "uncertainty", "outcome", "notes"]
    static let crisisKeys = ["type", "location", "territory", "requester", "article", "belligerents", "adversary",
                             "severity", "expected_duration_days"]
    static let adversaryKeys = ["kind", "actor", "external_backing"]
    static let severityKeys = ["deaths", "displaced", "territory_km2"]
    static let contextKeys = ["lead_state_committed_elsewhere"]
    static let outcomeKeys = ["level", "unilateral", "force", "summary", "sources"]
    static let forceKeys = ["total", "days_to_first_arrival"]
    static let issueKeys = ["question", "scale", "stakeholders"]
    static let scaleKeys = ["min", "max", "min_label", "max_label"]
    static let stakeholderKeys = ["position", "salience", "capability", "note"]

    /// Treaty articles a crisis may invoke: 2 (consultations) and 4 (collective defence).
    static let articles = [2, 4]
    /// The organization a scenario concerns when its file has no `organization` key (SPEC section 5).
    static let defaultOrganization = "CSTO"
    static let idPattern = "[a-z0-9-]+"

    /// The scenario and the line of its `id`, which the set loader needs to locate a duplicate.
    struct Result {
        var scenario: Scenario
        var idLine: Int?
    }

    func read(_ root: YAMLField) -> Result? {
        let diagnostics = root.diagnostics
        guard let map = root.mapping(allowed: Self.topLevelKeys) else { return nil }

        let idField = map.need("id")
        let id = idField?.string(matching: Self.idPattern,
            explanation: "is not a valid id; use lower-case letters, digits and hyphens, e.g. kaz-2022-01")
        let title = map.need("title")?.string()
        let date = map.need("date", hint: "an ISO 8601 day, YYYY-MM-DD")?.day()
        let organization: String?
        if let field = map.present("organization") {
            organization = field.string()
            if let given = organization, let expected = self.organization, given != expected {
                field.fail("'\(given)' is not the organization the dataset describes; the dataset describes \(expected)",
                           allowed: [expected])
            }
        } else {
            organization = Self.defaultOrganization
            if let expected = self.organization, expected != Self.defaultOrganization {
                map.missing("organization", hint: "the default \(Self.defaultOrganization) is not the organization the dataset describes, \(expected)")
            }
        }
        let kind = map.need("kind", hint: "crisis or issue")?.oneOf(Scenario.Kind.self)

        let crisisField = map.present("crisis")
        let issueField = map.present("issue")
        let outcomeField = map.present("outcome")
        // A block that the kind rules out is reported once as misplaced, not checked field by field.
        let crisis = kind == .issue ? nil : crisisField.flatMap(readCrisis)
        let issue = kind == .crisis ? nil : issueField.flatMap(readIssue)
        let outcome = kind == .issue ? nil : outcomeField.flatMap(readOutcome)
        checkBlocks(for: kind, in: map, crisis: crisisField, issue: issueField, outcome: outcomeField)

        let context = map.present("context").flatMap(readContext)
        let uncertainty = map.present("uncertainty").flatMap(readUncertainty)
        let notes = map.present("notes")?.string()

        guard diagnostics.errors.isEmpty, let id, let title, let date, let organization, let kind else { return nil }
        let scenario = Scenario(
            id: id, title: title, date: date, organization: organization, kind: kind,
            crisis: crisis, issue: issue, context: context ?? ContextOverrides(),
            uncertainty: uncertainty ?? [:], outcome: outcome, notes: notes)
        return Result(scenario: scenario, idLine: idField?.line)
    }

    /// A crisis scenario has exactly a `crisis` block, an issue scenario exactly an `issue` block;
    /// an `outcome` (a level on the response ladder) only makes sense for a crisis.
    private func checkBlocks(for kind: Scenario.Kind?, in map: YAMLMapping, crisis: YAMLField?, issue: YAMLField?,
                             outcome: YAMLField?) {
        guard let kind else { return }
        switch kind {
        case .crisis:
            if crisis == nil { map.missing("crisis", hint: "kind is crisis") }
            if issue != nil {
                map.report(key: "issue", "a crisis scenario has no issue block; remove it or set kind: issue")
            }
        case .issue:
            if issue == nil { map.missing("issue", hint: "kind is issue") }
            if crisis != nil {
                map.report(key: "crisis", "an issue scenario has no crisis block; remove it or set kind: crisis")
            }
            if outcome != nil {
                map.report(key: "outcome",
                    "an outcome is a level on the response ladder and belongs to crisis scenarios only")
            }
        }
    }

    // MARK: Crisis

    private func readCrisis(_ field: YAMLField) -> Crisis? {
        guard let map = field.mapping(allowed: Self.crisisKeys) else { return nil }
        let type = map.need("type")?.oneOf(Crisis.CrisisType.self)
        let location = map.need("location", hint: "the actor id where the crisis happens")?.actorID(known: knownActors)
        let territory = map.need("territory")?.oneOf(Crisis.Territory.self)
        let requesterField = map.optional("requester")
        let requester = requesterField?.actorID(known: knownActors)
        let articleField = map.optional("article")
        let article = articleField.flatMap(readArticle)
        if let articleField, article != nil, requesterField == nil {
            articleField.fail("article \(articleField.found) is invoked but crisis.requester is not set; "
                + "name the member that asks for help, or remove the article")
        }
        let belligerents = map.present("belligerents").flatMap(readActorList)
        let adversary = map.need("adversary").flatMap(readAdversary)
        let severity = map.need("severity").flatMap(readSeverity)
        let duration = map.need("expected_duration_days")?.positive()

        guard let type, let location, let territory, let adversary, let severity, let duration else { return nil }
        return Crisis(type: type, location: location, territory: territory, requester: requester, article: article,
                      belligerents: belligerents, adversary: adversary, severity: severity,
                      expectedDurationDays: duration)
    }

    private func readArticle(_ field: YAMLField) -> Int? {
        let allowed = Self.articles.map(String.init)
        guard let value = field.int() else { return nil }
        guard Self.articles.contains(value) else {
            field.fail("'\(value)' is not one of \(allowed.joined(separator: ", ")) "
                + "(2: consultations, 4: collective defence); omit the key when no article is invoked",
                allowed: allowed)
            return nil
        }
        return value
    }

    private func readActorList(_ field: YAMLField) -> [ActorID]? {
        guard let items = field.list() else { return nil }
        var ids: [ActorID] = []
        var failed = false
        for item in items {
            guard let id = item.actorID(known: knownActors) else {
                failed = true
                continue
            }
            if ids.contains(id) {
                item.fail("'\(id)' is listed twice")
                failed = true
                continue
            }
            ids.append(id)
        }
        return failed ? nil : ids
    }

    private func readAdversary(_ field: YAMLField) -> Adversary? {
        guard let map = field.mapping(allowed: Self.adversaryKeys) else { return nil }
        let kind = map.need("kind")?.oneOf(Adversary.Kind.self)
        let backing = map.need("external_backing")?.oneOf(Adversary.Backing.self)
        let actorField = map.optional("actor")
        var actor: ActorID?
        var actorFailed = false
        switch (kind, actorField) {
        case (.state, nil):
            map.missing("actor", hint: "an adversary of kind state names the state's actor id")
            actorFailed = true
        case (.state, let field?):
            actor = field.actorID(known: knownActors)
            actorFailed = actor == nil
        case (let kind?, let field?):
            field.fail("must be null or omitted when adversary.kind is \(kind.rawValue); "
                + "only a state adversary names an actor")
            actorFailed = true
        case (nil, let field?):
            // The kind is already reported; still check the id so every problem shows at once.
            actorFailed = field.actorID(known: knownActors) == nil
        case (_, nil):
            break
        }
        guard let kind, let backing, !actorFailed else { return nil }
        return Adversary(kind: kind, actor: actor, externalBacking: backing)
    }

    private func readSeverity(_ field: YAMLField) -> Severity? {
        guard let map = field.mapping(allowed: Self.severityKeys) else { return nil }
        let deaths = map.need("deaths")?.nonNegative()
        let displaced = map.need("displaced")?.nonNegative()
        let territory = map.need("territory_km2")?.nonNegative()
        guard let deaths, let displaced, let territory else { return nil }
        return Severity(deaths: deaths, displaced: displaced, territoryKm2: territory)
    }

    private func readContext(_ field: YAMLField) -> ContextOverrides? {
        guard let map = field.mapping(allowed: Self.contextKeys) else { return nil }
        var context = ContextOverrides()
        if let share = map.present("lead_state_committed_elsewhere") {
            guard let value = share.double(in: 0...1) else { return nil }
            context.leadStateCommittedElsewhere = value
        }
        return context
    }

    /// Parameter name to `[low, high]`, each within the parameter's allowed bounds
    /// (``YAMLField/parameterRanges(known:singleValues:)``, shared with the workbench's forms).
    private func readUncertainty(_ field: YAMLField) -> [String: ClosedRange<Double>]? {
        field.parameterRanges(known: knownParameters)
    }

    // MARK: Outcome

    private func readOutcome(_ field: YAMLField) -> Outcome? {
        guard let map = field.mapping(allowed: Self.outcomeKeys) else { return nil }
        let level = map.need("level", hint: "0-5 on the response ladder").flatMap(readLevel)
        let unilateral = map.need("unilateral", hint: "true or false")?.bool()
        let forceField = map.present("force")
        let force = forceField.flatMap(readForce)
        if let forceField, let level, level != .deployment {
            forceField.fail("a force is recorded only for level 5 (deployment), but outcome.level is "
                + "\(level.rawValue) (\(level.name)); remove the force or correct the level")
        }
        let summary = map.need("summary")?.string()
        let sources = map.need("sources", hint: "a list of the sources the outcome rests on").flatMap(readSources)
        guard let level, let unilateral, let summary, let sources else { return nil }
        return Outcome(level: level, unilateral: unilateral, force: force, summary: summary, sources: sources)
    }

    private func readLevel(_ field: YAMLField) -> ResponseLevel? {
        let allowed = ResponseLevel.allCases.map { "\($0.rawValue)" }
        guard let value = field.int() else { return nil }
        guard let level = ResponseLevel(rawValue: value) else {
            let ladder = ResponseLevel.allCases.map(\.description).joined(separator: ", ")
            field.fail("'\(value)' is not a level of the response ladder; allowed are \(ladder)", allowed: allowed)
            return nil
        }
        return level
    }

    private func readForce(_ field: YAMLField) -> ForceOutcome? {
        guard let map = field.mapping(allowed: Self.forceKeys) else { return nil }
        let total = map.need("total", hint: "the number of personnel deployed").flatMap { field -> Int? in
            guard let value = field.int() else { return nil }
            guard value > 0 else {
                field.fail("\(value) must be greater than 0; a deployment has at least one person")
                return nil
            }
            return value
        }
        let days = map.need("days_to_first_arrival")?.nonNegative()
        guard let total, let days else { return nil }
        return ForceOutcome(total: total, daysToFirstArrival: days)
    }

    private func readSources(_ field: YAMLField) -> [String]? {
        guard let items = field.list() else { return nil }
        guard !items.isEmpty else {
            field.fail("must list at least one source")
            return nil
        }
        let sources = items.map { $0.string() }
        return sources.contains(where: { $0 == nil }) ? nil : sources.compactMap { $0 }
    }

    // MARK: Issue

    private func readIssue(_ field: YAMLField) -> Issue? {
        guard let map = field.mapping(allowed: Self.issueKeys) else { return nil }
        let question = map.need("question")?.string()
        let scale = map.need("scale").flatMap(readScale)
        let stakeholders = map.need("stakeholders").flatMap { readStakeholders($0, scale: scale) }
        guard let question, let scale, let stakeholders else { return nil }
        return Issue(question: question, scale: scale, stakeholders: stakeholders)
    }

    private func readScale(_ field: YAMLField) -> Scale? {
        guard let map = field.mapping(allowed: Self.scaleKeys) else { return nil }
        let min = map.need("min")?.double()
        let maxField = map.need("max")
        let max = maxField?.double()
        let minLabel = map.need("min_label", hint: "what the low end of the scale means")?.string()
        let maxLabel = map.need("max_label", hint: "what the high end of the scale means")?.string()
        guard let min, let max, let maxField else { return nil }
        guard min < max else {
            maxField.fail("max must be greater than min, but min is \(PlainNumber.text(min)) and max is \(PlainNumber.text(max))")
            return nil
        }
        guard let minLabel, let maxLabel else { return nil }
        return Scale(min: min, max: max, minLabel: minLabel, maxLabel: maxLabel)
    }

    /// Stakeholders keyed by actor id, kept in file order (order breaks ties in bargaining).
    private func readStakeholders(_ field: YAMLField, scale: Scale?) -> [Stakeholder]? {
        guard let map = field.anyMapping() else { return nil }
        var stakeholders: [Stakeholder] = []
        var failed = false
        for (key, value) in map.entries {
            let id = ActorID(key.key)
            if !knownActors.contains(id) {
                let allowed = knownActors.map(\.rawValue).sorted()
                field.diagnostics.report(line: key.line, field: value.path, found: key.key,
                    "unknown actor '\(key.key)'; known actors are \(allowed.joined(separator: ", "))", allowed: allowed)
                failed = true
            }
            guard let stakeholder = readStakeholder(value, actor: id, scale: scale) else {
                failed = true
                continue
            }
            stakeholders.append(stakeholder)
        }
        guard !failed else { return nil }
        if stakeholders.count < 2 {
            field.fail("has \(stakeholders.count) stakeholder(s); bargaining needs at least 2")
            return nil
        }
        if let first = stakeholders.first?.position, stakeholders.allSatisfy({ $0.position == first }) {
            field.fail("every stakeholder is at position \(PlainNumber.text(first)); "
                + "with no disagreement there is nothing to forecast")
            return nil
        }
        return stakeholders
    }

    private func readStakeholder(_ field: YAMLField, actor: ActorID, scale: Scale?) -> Stakeholder? {
        guard let map = field.mapping(allowed: Self.stakeholderKeys) else { return nil }
        let position = map.need("position", hint: "a point on the issue's scale").flatMap { field -> Double? in
            guard let value = field.double() else { return nil }
            if let scale, !(scale.min...scale.max).contains(value) {
                field.fail("\(field.found) is outside the issue's scale \(PlainNumber.text(scale.min))...\(PlainNumber.text(scale.max))")
                return nil
            }
            return value
        }
        let salience = map.need("salience", hint: "how much the actor cares, 0..1")?.double(in: 0...1)
        let capabilityField = map.present("capability")
        let capability = capabilityField?.positive()
        let note = map.present("note")?.string()
        guard let position, let salience, capabilityField == nil || capability != nil else { return nil }
        // A stakeholder whose scale is unusable is still read, so its other fields get checked,
        // but the issue as a whole is then rejected by the missing scale.
        return Stakeholder(actor: actor, position: position, salience: salience, capability: capability, note: note)
    }

}

// MARK: - Helpers on the shared YAML reader

fileprivate extension YAMLMapping {
    /// The value at `key` as written, an explicit null included; nil only when the key is absent.
    func present(_ key: String) -> YAMLField? {
        entries.first(where: { $0.key.key == key })?.value
    }

    /// The value at `key` as written (null included, so its reader can say "found nothing");
    /// a missing key is reported.
    func need(_ key: String, hint: String? = nil) -> YAMLField? {
        if let value = present(key) { return value }
        missing(key, hint: hint)
        return nil
    }

    /// Reports `key` as required but missing, at the line of this mapping.
    func missing(_ key: String, hint: String?) {
        _ = required(key, hint: hint)
    }

    /// Reports a problem with a key that is present, at the key's own line.
    func report(key: String, _ message: String) {
        guard let entry = entries.first(where: { $0.key.key == key }) else { return }
        field.diagnostics.report(line: entry.key.line, field: entry.value.path, found: entry.value.found, message)
    }
}

fileprivate extension YAMLField {
    /// A number >= 0.
    func nonNegative() -> Double? {
        guard let value = double() else { return nil }
        guard value >= 0 else {
            fail("\(found) is negative; the value must be 0 or more")
            return nil
        }
        return value
    }

    /// A number > 0.
    func positive() -> Double? {
        guard let value = double() else { return nil }
        guard value > 0 else {
            fail("\(found) must be greater than 0")
            return nil
        }
        return value
    }
}
