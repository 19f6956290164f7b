import Foundation
import PactData
import PactModel
import Testing

/// The actors of the embedded CSTO dataset (issue 2), the set scenario files are checked against.
let scenarioTestActors: Set<ActorID> = [
    "RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB", "AZE", "GEO", "AFG", "TUR", "CHN", "USA", "UKR", "IRN",
]

/// A valid crisis file; tests break one line of it at a time. Line numbers matter to the tests.
let validCrisisYAML = """
    id: test-crisis
    title: Test crisis
    date: 2022-01-05
    kind: crisis
    crisis:
      type: internal-unrest
      location: KAZ
      territory: sovereign
      requester: KAZ
      article: 4
      adversary:
        kind: nonstate
        external_backing: alleged
      severity: {deaths: 227, displaced: 0, territory_km2: 0}
      expected_duration_days: 14

    """

/// A valid issue file.
let validIssueYAML = """
    id: test-issue
    title: Test issue
    date: 2014-06-01
    kind: issue
    issue:
      question: Should the CSTO restore working contacts with NATO?
      scale: {min: 0, max: 100, min_label: no contacts, max_label: full partnership}
      stakeholders:
        RUS: {position: 5, salience: 0.9}
        KAZ: {position: 60, salience: 0.4, capability: 12}

    """

/// `text` with the first occurrence of `old` replaced; fails the test if `old` is absent.
func replacing(_ old: String, with new: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
{
    #expect(text.contains(old), "fixture does not contain \(old)", sourceLocation: sourceLocation)
    guard let range = text.range(of: old) else { return text }
    return text.replacingCharacters(in: range, with: new)
}

/// Loads `text`, expecting failure: returns every problem, and records a test failure if a
/// scenario came back (a partial or wrongly accepted result).
func problems(_ text: String, knownParameters: Set<String>? = nil, sourceLocation: SourceLocation = #_sourceLocation)
    -> [InputError]
{
    let loader = ScenarioLoader(knownActors: scenarioTestActors, knownParameters: knownParameters)
    do {
        let scenario = try loader.load(text: text, file: "test.yaml")
        Testing.Issue.record("expected errors, but the file loaded as \(scenario.id)", sourceLocation: sourceLocation)
        return []
    } catch let errors as InputErrors {
        return errors.errors
    } catch {
        Testing.Issue.record("expected InputErrors, got \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// Loads `text`, expecting success.
func loaded(_ text: String, knownParameters: Set<String>? = nil) throws -> Scenario {
    try ScenarioLoader(knownActors: scenarioTestActors, knownParameters: knownParameters)
        .load(text: text, file: "test.yaml")
}
