import Foundation
@testable import PactData
import PactModel
import Testing

/// The shipped JSON Schema must say what the loader does.
@Suite("Scenario JSON Schema")
struct ScenarioSchemaTests {
    let schema: [String: Any]
    let definitions: [String: Any]

    init() throws {
        let text = try Embedded.scenarioSchema()
        schema = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        definitions = try #require(schema["$defs"] as? [String: Any])
    }

    func definition(_ name: String) throws -> [String: Any] {
        try #require(definitions[name] as? [String: Any], "no $defs/\(name)")
    }

    func enumeration(_ name: String) throws -> [String] {
        let values = try #require(try definition(name)["enum"] as? [Any], "$defs/\(name) has no enum")
        return values.map { "\($0)" }
    }

    func propertyNames(_ object: [String: Any]) throws -> Set<String> {
        Set(try #require(object["properties"] as? [String: Any]).keys)
    }

    @Test func declaresDraft2020_12() {
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
    }

    @Test func enumerationsEqualTheSwiftEnumerations() throws {
        #expect(try enumeration("kind") == Scenario.Kind.allCases.map(\.rawValue))
        #expect(try enumeration("crisisType") == Crisis.CrisisType.allCases.map(\.rawValue))
        #expect(try enumeration("territory") == Crisis.Territory.allCases.map(\.rawValue))
        #expect(try enumeration("adversaryKind") == Adversary.Kind.allCases.map(\.rawValue))
        #expect(try enumeration("externalBacking") == Adversary.Backing.allCases.map(\.rawValue))
        #expect(try enumeration("responseLevel") == ResponseLevel.allCases.map { "\($0.rawValue)" })
        #expect(try enumeration("article") == ScenarioReader.articles.map { "\($0)" })
    }

    /// Every object in the schema allows exactly the keys the loader allows, and no others.
    @Test func objectKeysEqualTheLoadersKeys() throws {
        #expect(try propertyNames(schema) == Set(ScenarioReader.topLevelKeys))
        let blocks: [(String, [String])] = [
            ("crisis", ScenarioReader.crisisKeys), ("adversary", ScenarioReader.adversaryKeys),
            ("severity", ScenarioReader.severityKeys), ("context", ScenarioReader.contextKeys),
            ("outcome", ScenarioReader.outcomeKeys), ("issue", ScenarioReader.issueKeys),
            ("scale", ScenarioReader.scaleKeys), ("stakeholder", ScenarioReader.stakeholderKeys),
        ]
        for (name, keys) in blocks {
            let object = try definition(name)
            #expect(try propertyNames(object) == Set(keys), "$defs/\(name)")
            #expect(object["additionalProperties"] as? Bool == false, "$defs/\(name) must forbid unknown keys")
        }
        let outcome = try #require(try definition("outcome")["properties"] as? [String: Any])
        let force = try #require(outcome["force"] as? [String: Any])
        #expect(try propertyNames(force) == Set(ScenarioReader.forceKeys))
    }

    @Test func requiredKeysMatchTheLoader() throws {
        #expect(Set(try #require(schema["required"] as? [String])) == ["id", "title", "date", "kind"])
        #expect(Set(try #require(try definition("crisis")["required"] as? [String]))
            == ["type", "location", "territory", "adversary", "severity", "expected_duration_days"])
        #expect(Set(try #require(try definition("stakeholder")["required"] as? [String])) == ["position", "salience"])
        #expect(try #require(schema["oneOf"] as? [Any]).count == 2)
    }

    @Test func everyBuiltInScenarioUsesOnlySchemaProperties() throws {
        let allowed = try propertyNames(schema)
        let files = Embedded.yamlFiles(in: "Scenarios")
        #expect(!files.isEmpty)
        for url in files {
            let input = try YAMLInput.load(contentsOf: url, displayName: Embedded.displayName(url))
            let keys = try #require(input.root.anyMapping()?.keys)
            #expect(Set(keys).isSubset(of: allowed), "\(url.lastPathComponent): \(keys)")
            #expect(keys.contains("notes"))
        }
    }
}
